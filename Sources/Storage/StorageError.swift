internal import CSQLite3

/// Why a storage operation failed, mapped from SQLite's extended result codes so callers can
/// answer precisely (a unique violation becomes `ALREADY_EXISTS`, a foreign-key violation
/// `FAILED_PRECONDITION`, …) without knowing SQLite's numbers.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Which declared constraint a write violated.
  public enum ConstraintKind: Sendable, Hashable {
    /// A `UNIQUE` index or the `PRIMARY KEY`.
    case unique
    /// A `REFERENCES` clause (enforced because every connection sets `foreign_keys=ON`).
    case foreignKey
    /// A `CHECK` expression.
    case check
    /// A `NOT NULL` column.
    case notNull
    /// Any other constraint (a `RAISE(ABORT)` in a trigger, a rowid clash, a `STRICT` type).
    case other
  }

  /// A write broke a declared constraint; nothing of the statement was applied.
  case constraint(kind: ConstraintKind, message: String)
  /// The database stayed locked by another process for longer than the busy timeout.
  case busy(message: String)
  /// The file is not a database or is damaged.
  case corrupt(message: String)
  /// A write was attempted on a read-only connection or file.
  case readOnly(message: String)
  /// Any other SQLite failure, with its primary and extended result codes.
  case sqlite(code: Int32, extended: Int32, message: String)
  /// The file's `user_version` is newer than the last migration this build knows: an older
  /// binary must not write to a schema it does not understand.
  case schemaTooNew(found: Int, supported: Int)
  /// The API was used against its contract (wrong number of arguments, nested transaction,
  /// several statements in one `SQL`); a bug in the caller, never caused by input data.
  case misuse(String)
  /// The connection or database was closed.
  case closed

  /// A one-line explanation for logs.
  public var description: String {
    switch self {
    case .constraint(let kind, let message): "constraint violation (\(kind)): \(message)"
    case .busy(let message): "database busy: \(message)"
    case .corrupt(let message): "database corrupt: \(message)"
    case .readOnly(let message): "database read-only: \(message)"
    case .sqlite(let code, let extended, let message):
      "SQLite error \(code)/\(extended): \(message)"
    case .schemaTooNew(let found, let supported):
      "database schema version \(found) is newer than this build supports (\(supported))"
    case .misuse(let message): "storage API misuse: \(message)"
    case .closed: "database closed"
    }
  }
}

extension StorageError {
  /// Maps a failing result code; reads the message from `db` when there is one.
  static func from(_ resultCode: Int32, db: OpaquePointer?) -> StorageError {
    let message: String
    var extended = resultCode
    if let db {
      message = String(cString: sqlite3_errmsg(db))
      let lastExtended = sqlite3_extended_errcode(db)
      if resultCode <= 0xff && lastExtended & 0xff == resultCode { extended = lastExtended }
    } else {
      message = String(cString: sqlite3_errstr(resultCode))
    }
    return from(extended: extended, message: message)
  }

  static func from(extended: Int32, message: String) -> StorageError {
    let primary = extended & 0xff
    switch primary {
    case SQLITE_CONSTRAINT:
      let kind: ConstraintKind =
        switch extended {
        case sqliteConstraintUnique, sqliteConstraintPrimaryKey: .unique
        case sqliteConstraintForeignKey: .foreignKey
        case sqliteConstraintCheck: .check
        case sqliteConstraintNotNull: .notNull
        default: .other
        }
      return .constraint(kind: kind, message: message)
    case SQLITE_BUSY: return .busy(message: message)
    case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt(message: message)
    case SQLITE_READONLY: return .readOnly(message: message)
    default: return .sqlite(code: primary, extended: extended, message: message)
    }
  }
}

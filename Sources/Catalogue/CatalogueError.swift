public import RPCCore
internal import Storage

/// Why a catalogue operation was refused, in domain terms; each case knows its gRPC status.
///
/// Domain code throws these from inside database transactions (which roll back), and the
/// service lets them escape to the RPC layer, which sends `rpcError`. Anything else that escapes
/// (an I/O error) is reported as `INTERNAL` without its details.
public enum CatalogueError: Error, Sendable, Hashable, RPCErrorConvertible {
  /// A request field is missing or malformed; `field` names it as in the .proto
  /// (`"listing.moq"`, `"price_tiers[1].unit_price"`).
  case invalidArgument(field: String, reason: String)
  /// No object with that id (or not visible to the caller).
  case notFound(String)
  /// An object with that id or key exists already.
  case alreadyExists(String)
  /// `expected_version` differs from the current version: re-read and retry.
  case versionMismatch(expected: Int64, actual: Int64)
  /// The object is in a state that forbids the operation (e.g. updating a deleted listing).
  case failedPrecondition(String)
  /// A feed position beyond the newest event.
  case outOfRange(String)

  /// The field a rejection names, if any (bulk import reports it per row).
  public var field: String {
    if case .invalidArgument(let field, _) = self { return field }
    return ""
  }

  /// The reason, in English, without the status name.
  public var reason: String {
    switch self {
    case .invalidArgument(let field, let reason): "\(field): \(reason)"
    case .notFound(let message), .alreadyExists(let message), .failedPrecondition(let message),
      .outOfRange(let message):
      message
    case .versionMismatch(let expected, let actual):
      "version is \(actual), not the expected \(expected); read it again and retry"
    }
  }

  public var rpcError: RPCError {
    if case .invalidArgument(let field, let reason) = self {
      return .invalidArgument(field: field, reason: reason, cause: self)
    }
    let code: RPCStatus.Code =
      switch self {
      case .invalidArgument: .invalidArgument
      case .notFound: .notFound
      case .alreadyExists: .alreadyExists
      case .versionMismatch: .aborted
      case .failedPrecondition: .failedPrecondition
      case .outOfRange: .outOfRange
      }
    return RPCError(code: code, message: reason, cause: self)
  }

  /// Maps the storage errors input can cause (a unique clash that a pre-check missed, a foreign
  /// key) to domain errors; returns `nil` for anything else (a server fault).
  static func from(_ error: StorageError) -> CatalogueError? {
    guard case .constraint(let kind, let message) = error else { return nil }
    switch kind {
    case .unique: return .alreadyExists(message)
    case .foreignKey: return .failedPrecondition("a referenced object does not exist")
    case .check, .notNull, .other: return .invalidArgument(field: "", reason: message)
    }
  }
}

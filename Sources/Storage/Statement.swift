internal import CSQLite3

/// One prepared statement (`sqlite3_stmt`), owned by its ``Connection``.
///
/// Statements come from `withStatement(_:_:)` on a transaction, which takes them from the
/// connection's cache (prepared once with `SQLITE_PREPARE_PERSISTENT`) and resets them and
/// clears their bindings when the closure returns. The SQL is static program text (see ``SQL``);
/// every value goes through `bind`. Parameter indexes start at 1, as in SQLite.
///
/// The hot loop of a bulk insert is:
///
///     try tx.withStatement("INSERT INTO t(a, b) VALUES (?, ?)") { statement in
///       for item in items {
///         try statement.bind(item.a, item.b)
///         try statement.execute()
///       }
///     }
public final class Statement {
  let handle: OpaquePointer
  /// The SQL text, also the cache key.
  public let sql: String
  /// Set while a `withStatement` closure uses it, so a nested use of the same SQL gets its own
  /// statement instead of resetting the outer one mid-iteration.
  var isCheckedOut = false

  init(db: OpaquePointer, sql: String, persistent: Bool) throws {
    var statement: OpaquePointer?
    let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    let error: StorageError? = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let rc = sqlite3_prepare_v3(db, text, -1, flags, &statement, &tail)
      if rc != SQLITE_OK { return StorageError.from(rc, db: db) }
      if statement == nil { return .misuse("no statement in SQL text: \(sql)") }
      // One statement per `SQL`: anything after the first must be only comments/whitespace,
      // otherwise the rest would silently never run.
      if let tail, tail.pointee != 0 {
        var extra: OpaquePointer?
        let tailRC = sqlite3_prepare_v3(db, tail, -1, 0, &extra, nil)
        if extra != nil || tailRC != SQLITE_OK {
          sqlite3_finalize(extra)
          return .misuse("more than one statement in SQL text (use executeScript): \(sql)")
        }
      }
      return nil
    }
    if let error {
      sqlite3_finalize(statement)
      throw error
    }
    self.handle = statement!
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  private var db: OpaquePointer { sqlite3_db_handle(handle) }

  /// How many parameters the SQL declares (the largest `?NNN`).
  public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

  /// The number of result columns.
  public var columnCount: Int { Int(sqlite3_column_count(handle)) }

  /// Whether the statement cannot change the database (`sqlite3_stmt_readonly`).
  public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

  // MARK: Binding

  /// Binds `value` to parameter `index` (1-based).
  public func bind<T: SQLBindable>(_ value: T, at index: Int) throws {
    try bind(value.sqlValue, at: Int32(index))
  }

  /// Binds `value` to the named parameter, spelled as in the SQL including its prefix
  /// (`:village`, `@village` or `$village`).
  public func bind<T: SQLBindable>(_ value: T, named name: String) throws {
    let index = sqlite3_bind_parameter_index(handle, name)
    guard index > 0 else { throw StorageError.misuse("no parameter \(name) in: \(sql)") }
    try bind(value.sqlValue, at: index)
  }

  /// Binds every parameter positionally, `?1` … `?N`; the count must match the SQL's.
  public func bind<each V: SQLBindable>(_ values: repeat each V) throws {
    var index: Int32 = 0
    for value in repeat each values {
      index += 1
      try bind(value.sqlValue, at: index)
    }
    try checkArgumentCount(Int(index))
  }

  /// Binds a list built at run time positionally; the count must match the SQL's.
  public func bind(values: [SQLValue]) throws {
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
    try checkArgumentCount(values.count)
  }

  private func checkArgumentCount(_ count: Int) throws {
    let expected = parameterCount
    guard count == expected else {
      throw StorageError.misuse("\(count) arguments for \(expected) parameters in: \(sql)")
    }
  }

  private func bind(_ value: SQLValue, at index: Int32) throws {
    let rc: Int32
    switch value {
    case .null:
      rc = sqlite3_bind_null(handle, index)
    case .integer(let integer):
      rc = sqlite3_bind_int64(handle, index, integer)
    case .real(let real):
      rc = sqlite3_bind_double(handle, index, real)
    case .text(var text):
      rc = text.withUTF8 { utf8 in
        // A nil pointer would bind NULL; an empty string must stay an empty string.
        guard let base = utf8.baseAddress, utf8.count > 0 else {
          return sqlite3_bind_text64(handle, index, "", 0, sqliteTransient, sqliteUTF8Encoding)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
          sqlite3_bind_text64(
            handle, index, $0, UInt64(utf8.count), sqliteTransient, sqliteUTF8Encoding)
        }
      }
    case .blob(let bytes):
      rc = bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress, raw.count > 0 else {
          return sqlite3_bind_zeroblob(handle, index, 0)
        }
        return sqlite3_bind_blob64(handle, index, base, UInt64(raw.count), sqliteTransient)
      }
    }
    guard rc == SQLITE_OK else { throw StorageError.from(rc, db: db) }
  }

  /// Unbinds every parameter (they read as `NULL` again).
  public func clearBindings() {
    sqlite3_clear_bindings(handle)
  }

  // MARK: Stepping

  /// Advances to the next row: `true` when ``row`` holds one, `false` when done.
  public func step() throws -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw StorageError.from(rc, db: db)
    }
  }

  /// The current row, after `step()` returned `true`.
  public var row: Row { Row(handle: handle) }

  /// Rewinds so the statement can run again; bindings stay unless cleared. Also ends the
  /// statement's hold on the read snapshot.
  public func reset() {
    sqlite3_reset(handle)
  }

  /// Runs to completion and resets, ready for the next `bind`. For `INSERT`/`UPDATE`/`DELETE`.
  public func execute() throws {
    defer { sqlite3_reset(handle) }
    while try step() {}
  }

  /// Calls `body` with every row, then resets.
  public func forEach(_ body: (Row) throws -> Void) throws {
    defer { sqlite3_reset(handle) }
    while try step() { try body(row) }
  }

  /// Maps every row, then resets.
  public func fetchAll<T>(_ transform: (Row) throws -> T) throws -> [T] {
    defer { sqlite3_reset(handle) }
    var result: [T] = []
    while try step() { result.append(try transform(row)) }
    return result
  }

  /// Maps the first row if there is one, then resets.
  public func fetchOne<T>(_ transform: (Row) throws -> T) throws -> T? {
    defer { sqlite3_reset(handle) }
    return try step() ? try transform(row) : nil
  }
}

/// A statement belongs to its connection's thread.
@available(*, unavailable)
extension Statement: Sendable {}

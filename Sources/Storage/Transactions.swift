/// Queries shared by read and write transactions. All of them take static ``SQL`` and bind
/// the arguments; the statement comes from the connection's cache and is reset afterwards.
public protocol SQLQuerying {
  /// Lends the cached prepared statement for `sql` for the duration of `body`.
  func withStatement<R>(_ sql: SQL, _ body: (Statement) throws -> R) throws -> R
}

extension SQLQuerying {
  /// Maps every row of the query.
  ///
  ///     let names = try tx.fetchAll("SELECT name FROM village WHERE district = ?", district) {
  ///       $0.string(0)
  ///     }
  public func fetchAll<each V: SQLBindable, T>(
    _ sql: SQL, _ arguments: repeat each V, map transform: (Row) throws -> T
  ) throws -> [T] {
    try withStatement(sql) { statement in
      try statement.bind(repeat each arguments)
      return try statement.fetchAll(transform)
    }
  }

  /// Maps the first row of the query, or returns `nil` when there is none.
  public func fetchOne<each V: SQLBindable, T>(
    _ sql: SQL, _ arguments: repeat each V, map transform: (Row) throws -> T
  ) throws -> T? {
    try withStatement(sql) { statement in
      try statement.bind(repeat each arguments)
      return try statement.fetchOne(transform)
    }
  }

  /// Visits every row without collecting them.
  public func forEach<each V: SQLBindable>(
    _ sql: SQL, _ arguments: repeat each V, row body: (Row) throws -> Void
  ) throws {
    try withStatement(sql) { statement in
      try statement.bind(repeat each arguments)
      try statement.forEach(body)
    }
  }

  /// ``fetchAll(_:_:map:)`` with arguments assembled at run time.
  public func fetchAll<T>(
    _ sql: SQL, arguments: [SQLValue], map transform: (Row) throws -> T
  ) throws -> [T] {
    try withStatement(sql) { statement in
      try statement.bind(values: arguments)
      return try statement.fetchAll(transform)
    }
  }

  /// ``fetchOne(_:_:map:)`` with arguments assembled at run time.
  public func fetchOne<T>(
    _ sql: SQL, arguments: [SQLValue], map transform: (Row) throws -> T
  ) throws -> T? {
    try withStatement(sql) { statement in
      try statement.bind(values: arguments)
      return try statement.fetchOne(transform)
    }
  }
}

/// The handle a read closure receives: queries against one consistent snapshot.
///
/// Valid only inside the closure; it is not `Sendable`, so it cannot leave it.
public struct ReadTransaction: SQLQuerying {
  let connection: Connection

  /// Lends the cached prepared statement for `sql` for the duration of `body`.
  public func withStatement<R>(_ sql: SQL, _ body: (Statement) throws -> R) throws -> R {
    try connection.withStatement(sql, body)
  }
}

/// The handle a write closure receives, inside `BEGIN IMMEDIATE` … `COMMIT`.
///
/// Valid only inside the closure; it is not `Sendable`, so it cannot leave it.
public struct WriteTransaction: SQLQuerying {
  let connection: Connection

  /// Lends the cached prepared statement for `sql` for the duration of `body`.
  public func withStatement<R>(_ sql: SQL, _ body: (Statement) throws -> R) throws -> R {
    try connection.withStatement(sql, body)
  }

  /// Runs one `INSERT`/`UPDATE`/`DELETE`/DDL statement; returns the rows it changed.
  @discardableResult
  public func execute<each V: SQLBindable>(_ sql: SQL, _ arguments: repeat each V) throws -> Int {
    try withStatement(sql) { statement in
      try statement.bind(repeat each arguments)
      try statement.execute()
    }
    return connection.changes
  }

  /// ``execute(_:_:)`` with arguments assembled at run time.
  @discardableResult
  public func execute(_ sql: SQL, arguments: [SQLValue]) throws -> Int {
    try withStatement(sql) { statement in
      try statement.bind(values: arguments)
      try statement.execute()
    }
    return connection.changes
  }

  /// Runs several parameterless statements (schema changes in migrations). Must not contain
  /// `BEGIN`/`COMMIT`: the enclosing transaction owns that.
  public func executeScript(_ sql: SQL) throws {
    try connection.executeScript(sql)
  }

  /// Runs `body` in a savepoint: if it throws, only its own changes are undone and this
  /// transaction carries on (one bad row of an import does not lose the batch).
  public func savepoint<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
    try connection.savepoint { try body(self) }
  }

  /// The rowid of the last row inserted on this connection.
  public var lastInsertRowID: Int64 { connection.lastInsertRowID }

  /// Rows inserted, updated or deleted on this connection so far (triggers' rows included,
  /// counted as each trigger completes). A statement that fails with SQLite's default `ABORT`
  /// backs out its changes; if it adds nothing here either, nothing was written. So when the
  /// number is the same before and after some code that threw, that code left nothing and the
  /// transaction can go on without a savepoint around it; when it moved (a trigger that had
  /// completed, an `OR FAIL`), assume something was left.
  public var totalChanges: Int64 { connection.totalChanges }

  /// Whether the transaction is still open. Some errors (`SQLITE_FULL`, I/O errors, a
  /// trigger's `RAISE(ROLLBACK)`) roll all of it back; code that goes on after catching one
  /// must check this, or its next statements would each commit on their own.
  public var isOpen: Bool { connection.hasOpenTransaction }

  /// Rows the writer's statements have visited in full scans of a table or an index since
  /// it opened (SQLite's `FULLSCAN_STEP`; a running total, compare two readings). For tests
  /// that a write finds its rows through an index: a scan costs as much as the table is big.
  public var fullScanSteps: Int64 { connection.fullScanSteps }
}

@available(*, unavailable)
extension ReadTransaction: Sendable {}

@available(*, unavailable)
extension WriteTransaction: Sendable {}

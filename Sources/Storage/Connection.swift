internal import CSQLite3

/// One SQLite connection (`sqlite3*`) and its prepared-statement cache.
///
/// A connection is opened with `SQLITE_OPEN_NOMUTEX`: SQLite does no locking of its own, so the
/// connection must be used by one thread at a time. The type is therefore not `Sendable`; in
/// the server each connection lives on its own serial queue inside ``Database``. Tests and tools
/// may use a connection directly.
///
/// On open it sets:
/// - `journal_mode=WAL` (read-write connections): readers never block the writer nor the
///   writer the readers, and a commit is one append to the log.
/// - `synchronous=FULL`: in WAL mode, `NORMAL` already survives a crash of the *process*
///   (`kill -9`), because committed frames sit in the OS page cache; but it only fsyncs the log
///   at checkpoints, so after a power loss or kernel crash the last acknowledged commits can be
///   rolled back. `FULL` fsyncs the WAL at every commit, so an acknowledged write is on stable
///   storage. The price is one fsync per write transaction: batch writes.
/// - `foreign_keys=ON`: SQLite ignores `REFERENCES` clauses otherwise, per connection.
/// - `temp_store=MEMORY`: savepoint journals and temporary b-trees (sorts) stay in memory.
/// - a page cache and a memory map sized for a service (``Options/pageCacheKiB``,
///   ``Options/mmapBytes``).
/// - a busy timeout, so a brief lock held by another process (a backup, the `sqlite3` shell)
///   waits instead of failing with `SQLITE_BUSY` at once.
/// - extended result codes (`SQLITE_OPEN_EXRESCODE`), which ``StorageError`` maps.
/// - the `fold(text)` SQL function (``VietnameseFolding``), so schemas may use it in triggers,
///   views and indexes.
public final class Connection {
  /// How a connection is opened.
  public struct Options: Sendable {
    /// Read-write (the writer) or read-only (the readers).
    public enum Mode: Sendable, Hashable {
      /// Read-write, creating the file if missing; switches the file to WAL.
      case readWrite
      /// `SQLITE_OPEN_READONLY`: any write fails with ``StorageError/readOnly(message:)``.
      case readOnly
    }

    /// Read-write or read-only.
    public var mode: Mode
    /// How long to wait for a lock held by another connection before failing with `.busy`.
    public var busyTimeout: Duration
    /// The most prepared statements kept per connection. SQL is static text, so the set is
    /// bounded by the code; the cap guards against a bug that makes it unbounded.
    public var statementCacheCapacity: Int
    /// SQLite's own page cache per connection, in KiB (`PRAGMA cache_size = -N`). SQLite's
    /// default is 2 MiB, which a search over a few hundred MiB of listings and index outgrows
    /// at once: every further page is a `pread` system call.
    public var pageCacheKiB: Int
    /// How much of the main file is read through a memory map (`PRAGMA mmap_size`), in bytes;
    /// 0 turns it off. Mapped pages are the OS page cache itself, shared by every connection,
    /// so reads of cold pages cost no copy and no system call. Only address space: memory is
    /// used as pages are touched, and the kernel can drop them like any cached file page.
    /// (Pages still in the WAL are read with `pread` either way.)
    public var mmapBytes: Int64
    /// The WAL is copied into the main file once a commit leaves it this many pages long
    /// (`PRAGMA wal_autocheckpoint`, SQLite's default 1,000; ``Database`` hands the copy to a
    /// thread of its own, see `BackgroundCheckpointer`). A checkpoint writes each
    /// page once however often the log holds it, so a longer log writes hot pages (the right
    /// edge of each index, the pages of busy keys) fewer times; it costs disk space for the
    /// log and a longer replay after a crash.
    public var walCheckpointPages: Int

    /// Options for `Connection(path:options:)`; the defaults suit the writer.
    public init(
      mode: Mode = .readWrite, busyTimeout: Duration = .seconds(5),
      statementCacheCapacity: Int = 256, pageCacheKiB: Int = 16_384,
      mmapBytes: Int64 = 1 << 30, walCheckpointPages: Int = 1_000
    ) {
      self.mode = mode
      self.busyTimeout = busyTimeout
      self.statementCacheCapacity = statementCacheCapacity
      self.pageCacheKiB = pageCacheKiB
      self.mmapBytes = mmapBytes
      self.walCheckpointPages = walCheckpointPages
    }

    /// Read-write, 5 s busy timeout, 256 cached statements, 16 MiB page cache, 1 GiB map, a
    /// checkpoint every 1,000 pages of log.
    public static var defaults: Options { Options() }
  }

  let handle: OpaquePointer
  /// The file this connection opened.
  public let path: String
  /// The options it was opened with.
  public let options: Options
  private var cache: [String: Statement] = [:]
  private var isClosed = false
  private var inTransaction = false
  private var savepointDepth = 0
  /// Receives the WAL hook's calls (see ``checkpointInBackground(_:)``); kept alive here, as
  /// SQLite holds only a raw pointer to it.
  private var checkpointer: BackgroundCheckpointer?

  /// Opens (and for `.readWrite`, creates) the database at `path`. The directory must exist;
  /// SQLite adds `path-wal` and `path-shm` next to it.
  public init(path: String, options: Options = .defaults) throws {
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    switch options.mode {
    case .readWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    }
    var db: OpaquePointer?
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let error = StorageError.from(rc, db: db)
      sqlite3_close_v2(db)
      throw error
    }
    self.handle = db
    self.path = path
    self.options = options
    do {
      try configure()
    } catch {
      close()
      throw error
    }
  }

  deinit {
    close()
  }

  private func configure() throws {
    let (seconds, attoseconds) = options.busyTimeout.components
    let milliseconds = max(
      0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    sqlite3_busy_timeout(handle, Int32(milliseconds))
    try VietnameseFolding.register(on: handle)
    try executeScript("PRAGMA foreign_keys = ON")
    // Savepoint (statement) journals and temporary b-trees in memory, not in temp files: each
    // savepoint journals every page it touches first, so a batch with a savepoint per row (an
    // import batch, group commit) wrote ~80 KiB a row to a temp file, created and deleted in
    // every transaction. They only serve rollbacks inside a live transaction; crash recovery is
    // the WAL's job, so durability is unchanged.
    try executeScript("PRAGMA temp_store = MEMORY")
    // Integers the program holds, never input: safe to spell into the pragma.
    try executeScript(SQL(unchecked: "PRAGMA cache_size = -\(max(0, options.pageCacheKiB))"))
    try executeScript(SQL(unchecked: "PRAGMA mmap_size = \(max(0, options.mmapBytes))"))
    if options.mode == .readWrite {
      let mode = try Statement(db: handle, sql: "PRAGMA journal_mode = WAL", persistent: false)
        .fetchOne { $0.string(0) }
      // An in-memory database reports "memory" and cannot use WAL; that is fine for tests.
      guard mode == "wal" || mode == "memory" else {
        throw StorageError.misuse(
          "could not switch \(path) to WAL (journal_mode is \(mode ?? "?"))")
      }
      try executeScript("PRAGMA synchronous = FULL")
      try executeScript(
        SQL(unchecked: "PRAGMA wal_autocheckpoint = \(max(1, options.walCheckpointPages))"))
    }
  }

  /// Finalizes the cached statements and closes the handle. Idempotent; later calls throw
  /// ``StorageError/closed``.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    cache.removeAll()
    // close_v2 defers the real close until statements still referenced elsewhere finalize.
    sqlite3_close_v2(handle)
  }

  func checkOpen() throws {
    if isClosed { throw StorageError.closed }
  }

  // MARK: Transactions

  /// Runs `body` in `BEGIN IMMEDIATE` … `COMMIT`. Any error thrown by `body` (or by `COMMIT`)
  /// rolls everything back, so nothing is ever half-written. `IMMEDIATE` takes the write lock
  /// up front: a transaction that reads and then writes cannot fail half-way with `SQLITE_BUSY`.
  @discardableResult
  public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
    try checkOpen()
    guard options.mode == .readWrite else {
      throw StorageError.readOnly(message: "write transaction on a read-only connection")
    }
    return try transaction(begin: "BEGIN IMMEDIATE") {
      try body(WriteTransaction(connection: self))
    }
  }

  /// Runs `body` in a deferred transaction: every query inside sees one consistent snapshot,
  /// even while the writer commits (WAL keeps the old pages for this reader).
  @discardableResult
  public func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
    try checkOpen()
    return try transaction(begin: "BEGIN DEFERRED") { try body(ReadTransaction(connection: self)) }
  }

  private func transaction<T>(begin: SQL, _ body: () throws -> T) throws -> T {
    guard !inTransaction, sqlite3_get_autocommit(handle) != 0 else {
      throw StorageError.misuse("transactions do not nest; use savepoint(_:) inside a write")
    }
    try run(begin)
    inTransaction = true
    defer { inTransaction = false }
    do {
      let result = try body()
      resetActiveStatements()
      try run("COMMIT")
      return result
    } catch {
      resetActiveStatements()
      // Some errors (SQLITE_FULL, IOERR, …) already rolled back; a second ROLLBACK would fail.
      if sqlite3_get_autocommit(handle) == 0 {
        _ = try? run("ROLLBACK")
      }
      throw error
    }
  }

  /// Runs `body` inside `SAVEPOINT`: on error only its changes are undone and the enclosing
  /// transaction continues (group commit and bulk import re-run a failed batch with one per
  /// write or row).
  func savepoint<T>(_ body: () throws -> T) throws -> T {
    // After an error that rolled the whole transaction back (SQLITE_FULL, IOERR, …), a
    // SAVEPOINT would open a new, autocommitted transaction: refuse instead.
    guard inTransaction, sqlite3_get_autocommit(handle) == 0 else {
      throw StorageError.misuse("savepoint outside a write transaction")
    }
    savepointDepth += 1
    defer { savepointDepth -= 1 }
    // The name is built from a counter, never from input.
    let name = "sp\(savepointDepth)"
    try run(SQL(unchecked: "SAVEPOINT " + name))
    do {
      let result = try body()
      try run(SQL(unchecked: "RELEASE " + name))
      return result
    } catch {
      if sqlite3_get_autocommit(handle) == 0 {
        _ = try? run(SQL(unchecked: "ROLLBACK TO " + name))
        _ = try? run(SQL(unchecked: "RELEASE " + name))
      }
      throw error
    }
  }

  /// A statement left mid-iteration would keep the snapshot (or a write) open past `COMMIT`.
  private func resetActiveStatements() {
    var statement = sqlite3_next_stmt(handle, nil)
    while let current = statement {
      if sqlite3_stmt_busy(current) != 0 { sqlite3_reset(current) }
      statement = sqlite3_next_stmt(handle, current)
    }
  }

  // MARK: Statements

  /// Lends the cached statement for `sql` (preparing it on first use) and resets it and clears
  /// its bindings afterwards. A nested use of the same SQL gets a fresh, uncached statement.
  func withStatement<R>(_ sql: SQL, _ body: (Statement) throws -> R) throws -> R {
    try checkOpen()
    let statement: Statement
    if let cached = cache[sql.text] {
      if cached.isCheckedOut {
        statement = try Statement(db: handle, sql: sql.text, persistent: false)
      } else {
        statement = cached
      }
    } else {
      statement = try Statement(db: handle, sql: sql.text, persistent: true)
      if cache.count >= options.statementCacheCapacity,
        let victim = cache.first(where: { !$0.value.isCheckedOut })?.key
      {
        cache.removeValue(forKey: victim)
      }
      cache[sql.text] = statement
    }
    statement.isCheckedOut = true
    defer {
      fullScanSteps += Int64(
        sqlite3_stmt_status(statement.handle, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1))
      statement.reset()
      statement.clearBindings()
      statement.isCheckedOut = false
    }
    return try body(statement)
  }

  /// The number of statements in the cache (for tests and metrics).
  public var cachedStatementCount: Int { cache.count }

  private func run(_ sql: SQL) throws {
    try withStatement(sql) { try $0.execute() }
  }

  /// Runs SQL text that may hold several statements and no parameters (schema migrations).
  func executeScript(_ sql: SQL) throws {
    try checkOpen()
    var message: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql.text, nil, nil, &message)
    guard rc == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
      sqlite3_free(message)
      let extended = rc <= 0xff ? sqlite3_extended_errcode(handle) : rc
      throw StorageError.from(extended: extended & 0xff == rc & 0xff ? extended : rc, message: text)
    }
  }

  /// The rowid of the last successful `INSERT` on this connection.
  var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Rows changed by the last `INSERT`/`UPDATE`/`DELETE`.
  var changes: Int { Int(sqlite3_changes64(handle)) }

  /// Hands checkpoints to `checkpointer` instead of running them after the commit that fills
  /// the log (replaces `PRAGMA wal_autocheckpoint`).
  func checkpointInBackground(_ checkpointer: BackgroundCheckpointer) {
    self.checkpointer = checkpointer
    sqlite3_wal_hook(handle, walHook, Unmanaged.passUnretained(checkpointer).toOpaque())
  }

  /// Copies what it can of the log into the main file, waiting for no one; returns how many
  /// frames of the log are copied now (0 when nothing could be done).
  @discardableResult
  func checkpointPassive() -> Int32 {
    guard !isClosed else { return 0 }
    var logFrames: Int32 = 0
    var copiedFrames: Int32 = 0
    let rc = sqlite3_wal_checkpoint_v2(
      handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames)
    return rc == SQLITE_OK ? max(0, copiedFrames) : 0
  }

  /// Rows visited by full scans of a table or an index (SQLite's `FULLSCAN_STEP`) in the
  /// statements run through ``withStatement(_:_:)`` since the connection opened.
  private(set) var fullScanSteps: Int64 = 0

  /// Whether SQLite has a transaction open on this connection (not in autocommit mode).
  var hasOpenTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Rows changed by every completed statement since the connection opened.
  var totalChanges: Int64 { sqlite3_total_changes64(handle) }
}

/// SQLite's WAL hook: after each commit, with the log's length in pages.
private func walHook(
  _ context: UnsafeMutableRawPointer?, _ db: OpaquePointer?, _ name: UnsafePointer<CChar>?,
  _ pages: Int32
) -> Int32 {
  guard let context, let db else { return SQLITE_OK }
  Unmanaged<BackgroundCheckpointer>.fromOpaque(context).takeUnretainedValue()
    .walGrew(pages, writer: db)
  return SQLITE_OK
}

/// One `sqlite3*` opened with `SQLITE_OPEN_NOMUTEX` must be used by one thread at a time.
@available(*, unavailable)
extension Connection: Sendable {}

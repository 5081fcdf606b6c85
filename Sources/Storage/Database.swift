internal import CoreMetrics
internal import Synchronization

/// A SQLite database file as the services use it: one writer connection and N read-only
/// reader connections in WAL mode, each on its own serial queue.
///
/// - Writes are serialized on the single writer (SQLite allows one writer at a time anyway;
///   queuing in-process is cheaper and fairer than retrying on `SQLITE_BUSY`).
/// - Reads run concurrently on the readers, each in its own snapshot, and never wait for the
///   writer: WAL lets readers see the last commit while a new one is being written.
/// - All blocking SQLite work runs on those queues, off Swift's cooperative thread pool.
///
/// File layout: `path` is the main file; SQLite keeps `path-wal` (the log) and `path-shm` (its
/// index) beside it while the database is open. Copy a live database only with
/// ``backup(to:)``; copying the main file alone can miss commits still in the log.
///
///     let db = try Database(
///       path: dataDir + "/catalogue.sqlite", migrations: CatalogueSchema.migrations)
///     let id = try await db.write { tx in
///       try tx.execute("INSERT INTO village(name) VALUES (?)", "Bát Tràng")
///       return tx.lastInsertRowID
///     }
///     let names = try await db.read { tx in
///       try tx.fetchAll("SELECT name FROM village") { $0.string(0) }
///     }
public final class Database: Sendable {
  /// How the database is opened.
  public struct Configuration: Sendable {
    /// Read-only connections for concurrent reads. `0` runs reads on the writer (needed for
    /// `:memory:`, where each connection would see its own empty database).
    public var readerCount: Int
    /// How long a connection waits for a lock held by another process.
    public var busyTimeout: Duration
    /// Prepared statements kept per connection.
    public var statementCacheCapacity: Int
    /// SQLite's page cache per connection, in KiB; see ``Connection/Options/pageCacheKiB``.
    public var pageCacheKiB: Int
    /// Bytes of the file read through a memory map; see ``Connection/Options/mmapBytes``.
    public var mmapBytes: Int64
    /// Writes committed together at most (group commit: writes queued while a commit waits
    /// for the disk share the next one; a write that throws leaves nothing). `1`, the default,
    /// commits every write on its own.
    public var writeBatchLimit: Int
    /// Pages of WAL after which it is copied into the main file; see
    /// ``Connection/Options/walCheckpointPages``. With readers (a file, not `:memory:`) the
    /// copy runs on a connection and thread of its own, not on the writer's.
    public var walCheckpointPages: Int

    /// A configuration; the defaults suit a service.
    public init(
      readerCount: Int = 4, busyTimeout: Duration = .seconds(5), statementCacheCapacity: Int = 256,
      pageCacheKiB: Int = 16_384, mmapBytes: Int64 = 1 << 30, writeBatchLimit: Int = 1,
      walCheckpointPages: Int = 1_000
    ) {
      self.readerCount = readerCount
      self.busyTimeout = busyTimeout
      self.statementCacheCapacity = statementCacheCapacity
      self.pageCacheKiB = pageCacheKiB
      self.mmapBytes = mmapBytes
      self.writeBatchLimit = writeBatchLimit
      self.walCheckpointPages = walCheckpointPages
    }

    /// Four readers, 5 s busy timeout, 256 cached statements, a 16 MiB page cache per
    /// connection, a 1 GiB memory map, each write committed on its own, a checkpoint every
    /// 1,000 pages of log.
    public static var defaults: Configuration { Configuration() }

    /// The options of one connection in `mode`.
    func connectionOptions(_ mode: Connection.Options.Mode) -> Connection.Options {
      Connection.Options(
        mode: mode, busyTimeout: busyTimeout, statementCacheCapacity: statementCacheCapacity,
        pageCacheKiB: pageCacheKiB, mmapBytes: mmapBytes, walCheckpointPages: walCheckpointPages)
    }
  }

  /// The main database file.
  public let path: String
  /// The file's name without directory and extension (`orders` for `…/orders.sqlite`): the
  /// `database` dimension of its metrics.
  public var name: String { Self.name(ofPath: path) }

  static func name(ofPath path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return file.hasSuffix(".sqlite") ? String(file.dropLast(7)) : file
  }
  private let writer: ConnectionWorker
  /// Present when writes are committed in groups (`writeBatchLimit` > 1).
  private let groupCommitter: GroupCommitter?
  private let readers: ReaderPool?
  /// Present for a file with readers (not `:memory:`); see ``BackgroundCheckpointer``.
  private let checkpointer: BackgroundCheckpointer?
  private let isClosed = Atomic<Bool>(false)

  /// Opens (creating if needed) the database at `path`, applies pending `migrations` and opens
  /// the readers. Blocks while it migrates: call it at start-up, before serving.
  ///
  /// Throws ``StorageError/schemaTooNew(found:supported:)`` when the file was written by a newer
  /// build, so an old binary never writes to a schema it does not understand.
  public init(path: String, configuration: Configuration = .defaults, migrations: [Migration] = [])
    throws
  {
    precondition(configuration.readerCount >= 0, "readerCount must not be negative")
    self.path = path
    let writerConnection = try Connection(path: path, options: configuration.connectionOptions(.readWrite))
    try Migrator.migrate(writerConnection, migrations)
    self.writer = ConnectionWorker(connection: writerConnection, label: "storage.writer")
    self.groupCommitter =
      configuration.writeBatchLimit > 1
      ? GroupCommitter(
        worker: writer, maxBatch: configuration.writeBatchLimit, databaseName: Self.name(ofPath: path))
      : nil
    if configuration.readerCount == 0 {
      self.readers = nil
      self.checkpointer = nil
    } else {
      // Opened after the writer switched the file to WAL and migrated it.
      let workers = try (0..<configuration.readerCount).map { index in
        let connection = try Connection(
          path: path, options: configuration.connectionOptions(.readOnly))
        return ConnectionWorker(connection: connection, label: "storage.reader.\(index)")
      }
      self.readers = ReaderPool(workers: workers)
      let checkpointer = try BackgroundCheckpointer(
        path: path, options: configuration.connectionOptions(.readWrite))
      // Before the writer's first use on its queue: nothing else touches it yet.
      writerConnection.checkpointInBackground(checkpointer)
      self.checkpointer = checkpointer
    }
  }

  /// Runs `body` in one write transaction (`BEGIN IMMEDIATE` … `COMMIT`) on the writer and
  /// returns its result once the commit is durable. If `body` throws, everything it wrote is
  /// rolled back and the error is rethrown.
  ///
  /// Writes queue behind each other in call order. Keep `body` short and free of awaits (it is
  /// synchronous by design: no other work can interleave inside a transaction). With
  /// `writeBatchLimit` > 1 the body runs in a transaction shared with the writes queued beside
  /// it; it still returns only once that transaction is committed, and a body that throws
  /// leaves nothing behind. It may then run twice (when a body of its batch throws, the batch
  /// runs again, each body in a savepoint: see `GroupCommitter`), so it must have no effect
  /// outside the transaction.
  @discardableResult
  public func write<T: Sendable>(_ body: @escaping @Sendable (WriteTransaction) throws -> T)
    async throws -> T
  {
    try await write(body, afterCommit: { _ in })
  }

  /// ``write(_:)``, then `afterCommit` with the body's result once its transaction is
  /// committed: on the writer's queue, before the next write's body runs and before this call
  /// returns, and never for a write that rolled back. For in-memory state kept in step with
  /// the file (the catalogue's search index): it sees every commit once, in commit order, and
  /// the writer's caller sees its own change there as soon as the call returns.
  @discardableResult
  public func write<T: Sendable>(
    _ body: @escaping @Sendable (WriteTransaction) throws -> T,
    afterCommit: @escaping @Sendable (T) -> Void
  ) async throws -> T {
    guard !isClosed.load(ordering: .acquiring) else { throw StorageError.closed }
    if let groupCommitter { return try await groupCommitter.write(body, afterCommit: afterCommit) }
    let name = name
    return try await writer.run { connection in
      let start = ContinuousClock.now
      let outcome = Result { try connection.write(body) }
      Self.recordWrite(database: name, duration: ContinuousClock.now - start)
      let result = try outcome.get()
      afterCommit(result)
      return result
    }
  }

  /// Checkpoints run off the writer's thread so far (see ``Configuration/walCheckpointPages``):
  /// for tests and diagnostics.
  public var backgroundCheckpoints: Int { checkpointer?.count ?? 0 }

  /// Writes waiting for the next group commit (tests wait on it).
  var queuedWriteCount: Int { groupCommitter?.queuedCount ?? 0 }

  /// The label of the write-latency timer (swift-metrics), by `database`: how long a write
  /// transaction holds the writer, from `BEGIN IMMEDIATE` to its durable `COMMIT` (or rollback),
  /// without the wait in the writer's queue (with group commit: the batch's transaction, once). Whatever metrics backend the process bootstraps
  /// (craftd: Prometheus) receives it; without one it costs a no-op.
  public static let writeTimerLabel = "sqlite_write_transaction_seconds"

  /// Made per write, not cached: a timer made before the process bootstraps its metrics
  /// backend would stay a no-op forever, and the backend caches its collectors anyway.
  static func recordWrite(database: String, duration: Duration) {
    let (seconds, attoseconds) = duration.components
    Timer(label: writeTimerLabel, dimensions: [("database", database)])
      .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }

  /// Runs `body` in one read transaction on a free reader: every query in it sees the same
  /// snapshot, however many commits happen meanwhile.
  @discardableResult
  public func read<T: Sendable>(_ body: @escaping @Sendable (ReadTransaction) throws -> T)
    async throws -> T
  {
    guard !isClosed.load(ordering: .acquiring) else { throw StorageError.closed }
    guard let readers else {
      return try await writer.run { connection in try connection.read(body) }
    }
    return try await readers.withReader { connection in try connection.read(body) }
  }

  /// Writes a consistent copy of the database to `destination` with SQLite's online backup
  /// API, while reads and writes go on. The copy is made in `destination + ".partial"` and
  /// renamed into place, so `destination` is either the old file or a complete new one.
  public func backup(to destination: String) async throws {
    guard !isClosed.load(ordering: .acquiring) else { throw StorageError.closed }
    guard let readers else {
      return try await writer.run { try $0.backup(to: destination) }
    }
    try await readers.withReader { try $0.backup(to: destination) }
  }

  /// Closes every connection after the work already queued on it. Later calls throw
  /// ``StorageError/closed``. The last connection to close checkpoints the log into the main
  /// file and removes `-wal`/`-shm`.
  public func close() async {
    guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    if let readers {
      readers.close()
      for worker in readers.workers {
        _ = try? await worker.run { $0.close() }
      }
    }
    _ = try? await writer.run { $0.close() }
    await checkpointer?.close()
  }
}

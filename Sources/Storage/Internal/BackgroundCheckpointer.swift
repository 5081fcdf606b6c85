internal import CSQLite3
internal import Synchronization

/// Copies the WAL into the main file on a connection and a queue of its own, so the writer
/// does not.
///
/// Why: with SQLite's automatic checkpoint, the commit that makes the log reach
/// ``Connection/Options/walCheckpointPages`` copies it into the main file itself (and fsyncs
/// it) before the writer takes the next write: a bulk import spent ~15% of its writer's time
/// there. A `PASSIVE` checkpoint needs no writer lock, so another thread can do it while the
/// writer goes on; on a second core the writer's time is then all writing.
///
/// The writer's WAL hook (``Connection/checkpointInBackground(_:)``) calls ``walGrew(_:writer:)``
/// after each commit with the log's length. When the log is past the threshold and no
/// checkpoint is running, one is queued here. If the log still grows to four times the
/// threshold (the checkpoint thread starved of CPU), the writer checkpoints itself as SQLite
/// would, so the log stays bounded. Both are `PASSIVE`: they copy what no reader still needs
/// and never wait for a lock; the log restarts from its beginning at the first write after a
/// checkpoint that copied all of it.
final class BackgroundCheckpointer: Sendable {
  private let worker: ConnectionWorker
  private let threshold: Int32
  private let running = Atomic<Bool>(false)
  private let completed = Atomic<Int>(0)

  /// Checkpoints this thread has run.
  var count: Int { completed.load(ordering: .relaxed) }

  /// Opens the checkpoint's own read-write connection to `path` (already in WAL mode).
  init(path: String, options: Connection.Options) throws {
    var options = options
    options.mode = .readWrite
    options.statementCacheCapacity = 4
    options.pageCacheKiB = 1_024
    threshold = Int32(clamping: max(1, options.walCheckpointPages))
    worker = ConnectionWorker(connection: try Connection(path: path, options: options), label: "storage.checkpoint")
  }

  /// After a commit left `pages` pages in the log (on the writer's thread, from its WAL hook).
  func walGrew(_ pages: Int32, writer: OpaquePointer) {
    guard pages >= threshold else { return }
    if pages >= threshold.multipliedReportingOverflow(by: 4).partialValue {
      sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
      return
    }
    guard !running.exchange(true, ordering: .acquiringAndReleasing) else { return }
    worker.submit { connection in
      connection.checkpointPassive()
      self.completed.add(1, ordering: .relaxed)
      self.running.store(false, ordering: .releasing)
    }
  }

  /// Closes the connection after a checkpoint still queued. Call it once the writer is
  /// closed (no more hooks); if it is the last connection, SQLite checkpoints the whole log
  /// and removes it.
  func close() async {
    _ = try? await worker.run { $0.close() }
  }
}

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
/// after each commit with the log's length, which counts frames already copied: a `PASSIVE`
/// checkpoint never shortens the log; it starts again from its beginning only at the first
/// write after a checkpoint that copied all of it. So a pass is queued here when a threshold's
/// worth of frames has come in since the last pass copied (not on every commit past the
/// threshold), one at a time. Under a steady stream of writes a background pass rarely
/// catches up before the next commit, so the log would not restart: at twice the threshold
/// the writer checkpoints itself (the few frames since the last pass, then the next write
/// restarts the log). The writer thus copies about half of what it copied before, and the log
/// stays under about twice the threshold (plus what comes in while a pass holds the
/// checkpoint lock). Both are `PASSIVE`: they copy what no reader still needs and never wait.
final class BackgroundCheckpointer: Sendable {
  private let worker: ConnectionWorker
  private let threshold: Int32
  /// Log length at which the writer checkpoints itself.
  private let writerLimit: Int32
  private let running = Atomic<Bool>(false)
  /// Frames of the log the last background pass had copied (0 after the log restarted).
  private let copied = Atomic<Int32>(0)
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
    writerLimit = threshold > Int32.max / 2 ? Int32.max : threshold * 2
    worker = ConnectionWorker(connection: try Connection(path: path, options: options), label: "storage.checkpoint")
  }

  /// After a commit left `pages` pages in the log (on the writer's thread, from its WAL hook).
  func walGrew(_ pages: Int32, writer: OpaquePointer) {
    var alreadyCopied = copied.load(ordering: .acquiring)
    if pages < alreadyCopied {  // the log restarted
      copied.store(0, ordering: .releasing)
      alreadyCopied = 0
    }
    guard pages >= threshold, pages - alreadyCopied >= threshold else { return }
    if pages >= writerLimit {
      sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
      return
    }
    guard !running.exchange(true, ordering: .acquiringAndReleasing) else { return }
    worker.submit { connection in
      self.copied.store(connection.checkpointPassive(), ordering: .releasing)
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

internal import NIOCore

/// Runs a call's task on its connection's event loop, so a call that does not hop elsewhere
/// never leaves the thread that reads and writes its socket: no thread switch per call, and
/// the response goes out with the next flush of that loop.
///
/// NIO 2.101 has no `TaskExecutor` for its loops, so this is one: each job becomes one
/// `execute` on the loop. Handlers then share the loop with I/O, so they must not block
/// (blocking work belongs on its own threads, as `Storage.Database` does with SQLite).
final class EventLoopTaskExecutor: TaskExecutor {
  /// The loop that runs the jobs.
  let eventLoop: any EventLoop

  init(eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
    }
  }
}

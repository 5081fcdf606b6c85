internal import Dispatch

/// A connection confined to a serial `DispatchQueue`.
///
/// Why a queue and not the caller's task: SQLite calls block (disk I/O, fsync, busy waits), and
/// blocking a thread of Swift concurrency's cooperative pool (one thread per core) stalls every
/// other task, including the network. A serial queue runs the work on a Dispatch thread
/// instead, and gives the connection the one-thread-at-a-time use that `SQLITE_OPEN_NOMUTEX`
/// requires, with no locks, thread lifecycle or condition variables of our own. A dedicated
/// `Thread` per connection would do the same with more code; a custom actor executor would
/// still need a thread underneath. The cost is one thread hop per call (microseconds), so
/// callers batch work inside one closure.
final class ConnectionWorker: @unchecked Sendable {
  // `@unchecked`: `connection` is only touched inside blocks running on `queue`.
  private let queue: DispatchQueue
  private let connection: Connection

  init(connection: Connection, label: String) {
    self.connection = connection
    self.queue = DispatchQueue(label: label)
  }

  /// Queues `work` on the connection's queue without waiting for it.
  func submit(_ work: @escaping @Sendable (Connection) -> Void) {
    queue.async { work(self.connection) }
  }

  /// Runs `body` with the connection on the queue and waits for it without blocking a thread.
  func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async {
        continuation.resume(with: Result { try body(self.connection) })
      }
    }
  }
}

internal import Synchronization

/// Hands the read-only connections out to concurrent callers: a free one if there is one,
/// otherwise the caller waits (first come, first served) until one is returned.
final class ReaderPool: Sendable {
  private struct State: ~Copyable {
    var free: [Int]
    var waiters: [CheckedContinuation<Int, any Error>] = []
    var isClosed = false
  }

  let workers: [ConnectionWorker]
  private let state: Mutex<State>

  init(workers: [ConnectionWorker]) {
    self.workers = workers
    self.state = Mutex(State(free: Array(workers.indices.reversed())))
  }

  /// Runs `body` on a free reader.
  func withReader<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws
    -> T
  {
    let index = try await acquire()
    defer { release(index) }
    return try await workers[index].run(body)
  }

  private func acquire() async throws -> Int {
    enum Fast {
      case ready(Int)
      case closed, wait
    }
    let fast: Fast = state.withLock { state in
      if state.isClosed { return .closed }
      if let index = state.free.popLast() { return .ready(index) }
      return .wait
    }
    switch fast {
    case .ready(let index): return index
    case .closed: throw StorageError.closed
    case .wait: break
    }
    return try await withCheckedThrowingContinuation { continuation in
      state.withLock { state in
        if state.isClosed {
          continuation.resume(throwing: StorageError.closed)
        } else if let index = state.free.popLast() {
          continuation.resume(returning: index)
        } else {
          state.waiters.append(continuation)
        }
      }
    }
  }

  private func release(_ index: Int) {
    state.withLock { state in
      if state.waiters.isEmpty {
        state.free.append(index)
      } else {
        state.waiters.removeFirst().resume(returning: index)
      }
    }
  }

  /// Fails every waiter and refuses new callers; readers in use finish their work.
  func close() {
    let waiters = state.withLock { state in
      state.isClosed = true
      defer { state.waiters.removeAll() }
      return state.waiters
    }
    for waiter in waiters { waiter.resume(throwing: StorageError.closed) }
  }
}

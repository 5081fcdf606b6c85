internal import Synchronization

/// Wakes change-feed streams after a write commits (the catalogue's changes, the orders'
/// events: every service with a feed written in the same transaction as its changes).
///
/// Each subscriber gets an `AsyncStream<Void>` that buffers at most one wake-up: a burst of
/// commits while the stream is busy sending collapses into one "look again", which is all the
/// stream needs because it re-queries the database for every event after its last seq. The
/// database is the source of truth; the notifier only says *when* to look, so a missed or
/// merged wake-up can delay an event but never lose or duplicate one.
///
/// Subscribe *before* the first query: a commit that lands between the query and the wait then
/// still leaves a buffered wake-up.
public final class CommitNotifier: Sendable {
  private struct State {
    var nextID = 0
    var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
  }

  private let state = Mutex(State())

  public init() {}

  /// A stream of wake-ups; it ends when the subscriber's task is cancelled or it is dropped.
  public func subscribe() -> AsyncStream<Void> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: Void.self, bufferingPolicy: .bufferingNewest(1))
    let id = state.withLock { state in
      let id = state.nextID
      state.nextID += 1
      state.subscribers[id] = continuation
      return id
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
    }
    return stream
  }

  /// Wakes every subscriber; call after each committed write.
  public func notify() {
    let subscribers = state.withLock { Array($0.subscribers.values) }
    for continuation in subscribers { continuation.yield() }
  }

  /// Ends every stream (the store is closing).
  public func finishAll() {
    let subscribers = state.withLock { state in
      defer { state.subscribers.removeAll() }
      return Array(state.subscribers.values)
    }
    for continuation in subscribers { continuation.finish() }
  }

  /// The number of live subscribers (for tests and metrics).
  public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}

import RPCCore
import Synchronization

/// Where a response writer waits after `RPCMessageChannel.yield` answered `.stopProducing`,
/// until the channel's `onDemand` fires.
///
/// The call yields under its own lock (so nothing can slip in after the final status) and
/// waits here outside it. Demand is counted in generations: the writer reads `generation`
/// before yielding and waits for a later one, so a demand that arrives between its yield and
/// its wait is not lost. One writer at a time (the handler's task).
final class WriterGate: Sendable {
  private struct State {
    var generation: UInt64 = 0
    var waiter: (after: UInt64, continuation: UnsafeContinuation<Void, any Error>)? = nil
    var closed = false
    var writerCancelled = false
  }

  private let state = Mutex(State())

  /// The demand generation; read it before yielding.
  var generation: UInt64 { state.withLock { $0.generation } }

  /// The reader drained the channel: wakes the writer.
  func signal() {
    let waiter = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
      state.generation &+= 1
      guard let waiter = state.waiter, state.generation != waiter.after else { return nil }
      state.waiter = nil
      return waiter.continuation
    }
    waiter?.resume()
  }

  /// The call ended: a waiting writer throws `error`, later waits too.
  func close(_ error: RPCError) {
    let waiter = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
      state.closed = true
      defer { state.waiter = nil }
      return state.waiter?.continuation
    }
    waiter?.resume(throwing: error)
  }

  /// Suspends until a demand later than `generation`, the call's end (throws `closed`), or the
  /// writer's cancellation (throws `CancellationError`).
  func wait(after generation: UInt64, closed: RPCError) async throws {
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation {
        (continuation: UnsafeContinuation<Void, any Error>) in
        let immediate: Result<Void, any Error>? = state.withLock { state in
          if state.closed { return .failure(closed) }
          if state.generation != generation { return .success(()) }
          if state.writerCancelled { return .failure(CancellationError()) }
          state.waiter = (generation, continuation)
          return nil
        }
        if let immediate { continuation.resume(with: immediate) }
      }
    } onCancel: {
      let waiter = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
        state.writerCancelled = true
        defer { state.waiter = nil }
        return state.waiter?.continuation
      }
      waiter?.resume(throwing: CancellationError())
    }
  }
}

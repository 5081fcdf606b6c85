public import RPCCore
import Synchronization

extension InProcessTransport {
  /// The server half of an `InProcessTransport`: serves the calls its `Client` makes.
  ///
  /// Lifecycle: idle → serving (`listen`, or `init(serving:)`) → draining
  /// (`beginGracefulShutdown` with calls in flight) → stopped. Calls made while idle wait for
  /// `listen` (within their deadline); calls made while draining or stopped fail with
  /// `UNAVAILABLE`, like streams refused after GOAWAY.
  public final class Server: ServerTransport {
    private enum Phase {
      case idle
      case serving(RPCRouter)
      case draining
      case stopped
    }

    private struct State {
      var phase = Phase.idle
      var nextID: UInt64 = 0
      /// Calls admitted and not yet over; graceful shutdown waits for this to empty.
      var admitted: Set<UInt64> = []
      /// The admitted calls that have started, to stop them when `listen` is cancelled.
      var calls: [UInt64: InProcessCall] = [:]
      /// Calls waiting for `listen`: every id in `waiters`, plus those about to register.
      var pending: Set<UInt64> = []
      var waiters: [UInt64: CheckedContinuation<RPCRouter, any Error>] = [:]
      /// Pending calls that gave up (deadline, cancellation) before they could register.
      var abandoned: [UInt64: RPCError] = [:]
      /// `listen` waiting for the end.
      var listener: CheckedContinuation<Void, Never>? = nil

      mutating func takeWaiters() -> [CheckedContinuation<RPCRouter, any Error>] {
        defer {
          pending.subtract(waiters.keys)
          waiters = [:]
        }
        return Array(waiters.values)
      }
    }

    private let configuration: Configuration
    private let state = Mutex(State())

    init(configuration: Configuration) {
      self.configuration = configuration
    }

    static var unavailable: RPCError {
      RPCError(code: .unavailable, message: "the in-process server is not accepting calls")
    }

    /// Serves `router` until a graceful shutdown has drained the calls in flight, or until
    /// the calling task is cancelled (which ends the calls in flight with `UNAVAILABLE`).
    /// Returns at once if the server was already shut down; throws `FAILED_PRECONDITION` if
    /// it is already serving.
    public func listen(router: RPCRouter) async throws {
      switch startServing(router) {
      case .serving: break
      case .alreadyServing:
        throw RPCError(
          code: .failedPrecondition, message: "the in-process server is already serving")
      case .stopped: return
      }
      await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
          let stopped = state.withLock { state in
            if case .stopped = state.phase { return true }
            state.listener = continuation
            return false
          }
          if stopped { continuation.resume() }
        }
      } onCancel: {
        stop()
      }
    }

    /// Stops admitting calls; those in flight finish, then `listen` returns.
    public func beginGracefulShutdown() {
      let (waiters, listener) = state.withLock {
        state -> ([CheckedContinuation<RPCRouter, any Error>], CheckedContinuation<Void, Never>?)
        in
        switch state.phase {
        case .idle:
          state.phase = .stopped
          return (state.takeWaiters(), nil)
        case .serving:
          guard state.admitted.isEmpty else {
            state.phase = .draining
            return ([], nil)
          }
          state.phase = .stopped
          defer { state.listener = nil }
          return ([], state.listener)
        case .draining, .stopped:
          return ([], nil)
        }
      }
      for waiter in waiters { waiter.resume(throwing: Self.unavailable) }
      listener?.resume()
    }

    // MARK: Internals for the client

    private enum StartResult {
      case serving
      case alreadyServing
      case stopped
    }

    /// Starts serving `router` now, admitting the calls that waited.
    @discardableResult
    private func startServing(_ router: RPCRouter) -> StartResult {
      let (result, waiters) = state.withLock {
        state -> (StartResult, [CheckedContinuation<RPCRouter, any Error>]) in
        switch state.phase {
        case .idle:
          state.phase = .serving(router)
          state.admitted.formUnion(state.waiters.keys)
          return (.serving, state.takeWaiters())
        case .serving, .draining: return (.alreadyServing, [])
        case .stopped: return (.stopped, [])
        }
      }
      for waiter in waiters { waiter.resume(returning: router) }
      return result
    }

    /// For `InProcessTransport(serving:)`.
    func serve(_ router: RPCRouter) { startServing(router) }

    /// Admits a new call, waiting for `listen` if the server has not started yet; throws
    /// `UNAVAILABLE` once shutting down, `DEADLINE_EXCEEDED` or `CANCELLED` while waiting.
    func admit(deadline: ContinuousClock.Instant?) async throws -> (router: RPCRouter, id: UInt64)
    {
      enum Outcome {
        case admitted(RPCRouter)
        case wait
        case refused
      }
      let (id, outcome) = state.withLock { state -> (UInt64, Outcome) in
        state.nextID += 1
        let id = state.nextID
        switch state.phase {
        case .serving(let router):
          state.admitted.insert(id)
          return (id, .admitted(router))
        case .idle:
          state.pending.insert(id)
          return (id, .wait)
        case .draining, .stopped:
          return (id, .refused)
        }
      }
      switch outcome {
      case .admitted(let router): return (router, id)
      case .refused: throw Self.unavailable
      case .wait: return (try await waitForListen(id, deadline: deadline), id)
      }
    }

    private func waitForListen(
      _ id: UInt64, deadline: ContinuousClock.Instant?
    ) async throws -> RPCRouter {
      let timer = deadline.map { deadline in
        Task {
          do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return }
          self.abandon(id, RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
        }
      }
      defer { timer?.cancel() }
      return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation {
          (continuation: CheckedContinuation<RPCRouter, any Error>) in
          let immediate: Result<RPCRouter, any Error>? = state.withLock { state in
            if let error = state.abandoned.removeValue(forKey: id) {
              state.pending.remove(id)
              return .failure(error)
            }
            switch state.phase {
            case .idle:
              state.waiters[id] = continuation
              return nil
            case .serving(let router):
              state.pending.remove(id)
              state.admitted.insert(id)
              return .success(router)
            case .draining, .stopped:
              state.pending.remove(id)
              return .failure(Self.unavailable)
            }
          }
          if let immediate { continuation.resume(with: immediate) }
        }
      } onCancel: {
        abandon(id, RPCError(code: .cancelled, message: "call cancelled by the client"))
      }
    }

    /// A waiting call gave up with `error`.
    private func abandon(_ id: UInt64, _ error: RPCError) {
      let waiter = state.withLock { state -> CheckedContinuation<RPCRouter, any Error>? in
        if let waiter = state.waiters.removeValue(forKey: id) {
          state.pending.remove(id)
          return waiter
        }
        if state.pending.contains(id), state.abandoned[id] == nil { state.abandoned[id] = error }
        return nil
      }
      waiter?.resume(throwing: error)
    }

    /// Records a started call so a forced stop can end it; false if the server stopped since
    /// the call was admitted.
    func track(_ call: InProcessCall) -> Bool {
      state.withLock { state in
        guard state.admitted.contains(call.id) else { return false }
        state.calls[call.id] = call
        return true
      }
    }

    /// An admitted call is over; the last one ends a graceful shutdown.
    func callEnded(_ id: UInt64) {
      let listener = state.withLock { state -> CheckedContinuation<Void, Never>? in
        state.admitted.remove(id)
        state.calls.removeValue(forKey: id)
        guard case .draining = state.phase, state.admitted.isEmpty else { return nil }
        state.phase = .stopped
        defer { state.listener = nil }
        return state.listener
      }
      listener?.resume()
    }

    /// `listen`'s task was cancelled: stop now and end every call in flight.
    private func stop() {
      let (calls, waiters, listener) = state.withLock {
        state -> (
          [InProcessCall], [CheckedContinuation<RPCRouter, any Error>],
          CheckedContinuation<Void, Never>?
        ) in
        state.phase = .stopped
        let calls = Array(state.calls.values)
        state.calls = [:]
        state.admitted = []
        defer { state.listener = nil }
        return (calls, state.takeWaiters(), state.listener)
      }
      for waiter in waiters { waiter.resume(throwing: Self.unavailable) }
      for call in calls {
        call.fail(RPCStatus(code: .unavailable, message: "the in-process server stopped"))
      }
      listener?.resume()
    }
  }
}

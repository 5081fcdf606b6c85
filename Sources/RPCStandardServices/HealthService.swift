// grpc.health.v1.Health, as grpc/grpc doc/health-checking.md and health.proto describe it.

public import RPCCore
import Synchronization

/// The `grpc.health.v1.Health` service: a table of serving statuses, keyed by fully-qualified
/// service name, with `""` standing for the server as a whole.
///
/// - `Check` answers the status of a known service and fails with `NOT_FOUND` for an unknown one.
/// - `Watch` sends the current status at once (`SERVICE_UNKNOWN` for an unknown service, and
///   the call stays open), then one message per change, until the client cancels. Consecutive
///   duplicates are not sent, and a slow watcher only ever gets the latest status (memory per
///   watcher is bounded).
///
/// Thread-safe: the server code sets statuses from any task while calls read them.
public final class HealthService: RPCService, Sendable {
  /// A serving status (`HealthCheckResponse.ServingStatus`).
  public typealias ServingStatus = HealthCheckResponse.ServingStatus

  /// The fully-qualified name of the service.
  public static let serviceName = "grpc.health.v1.Health"
  /// `grpc.health.v1.Health/Check`.
  public static let check = MethodDescriptor(service: serviceName, method: "Check", kind: .unary)
  /// `grpc.health.v1.Health/Watch`.
  public static let watch = MethodDescriptor(
    service: serviceName, method: "Watch", kind: .serverStreaming)

  private struct State: ~Copyable {
    var statuses: [String: ServingStatus]
    /// Watchers by service name, then by id.
    var watchers: [String: [UInt64: AsyncStream<ServingStatus>.Continuation]] = [:]
    var nextWatcherID: UInt64 = 0
    /// Set by `enterShutdown`: every status is NOT_SERVING and changes are ignored.
    var shuttingDown = false

    func status(of service: String) -> ServingStatus {
      statuses[service] ?? .serviceUnknown
    }

    func notify(_ service: String) {
      let status = status(of: service)
      for continuation in (watchers[service] ?? [:]).values { continuation.yield(status) }
    }
  }

  private let state: Mutex<State>

  /// A health service knowing `statuses`; by default the server as a whole (`""`) is
  /// `SERVING` and no other service is known.
  public init(statuses: [String: ServingStatus] = ["": .serving]) {
    self.state = Mutex(State(statuses: statuses))
  }

  // MARK: The status table

  /// Sets the status of `service` (`""` is the whole server) and tells its watchers. Ignored
  /// after `enterShutdown()` (until `resume()`).
  public func setStatus(_ status: ServingStatus, forService service: String) {
    state.withLock { state in
      guard !state.shuttingDown, state.statuses[service] != status else { return }
      state.statuses[service] = status
      state.notify(service)
    }
  }

  /// Forgets `service`: `Check` answers `NOT_FOUND` again and its watchers get
  /// `SERVICE_UNKNOWN`. Ignored after `enterShutdown()` (until `resume()`).
  public func clearStatus(forService service: String) {
    state.withLock { state in
      guard !state.shuttingDown, state.statuses.removeValue(forKey: service) != nil else { return }
      state.notify(service)
    }
  }

  /// The status `Check` would answer for `service`: `nil` when the service is unknown.
  public func status(forService service: String) -> ServingStatus? {
    state.withLock { $0.statuses[service] }
  }

  /// For graceful shutdown: sets every known service to `NOT_SERVING`, ignores later status
  /// changes, and ends every `Watch` call (with `OK`) after it has been sent `NOT_SERVING`,
  /// so open watches do not hold the shutdown up; a `Watch` started later gets the current
  /// status and ends at once. Clients retry a finished Watch with back-off, as the spec asks.
  public func enterShutdown() {
    let ending = state.withLock { state in
      state.shuttingDown = true
      for service in state.statuses.keys { state.statuses[service] = .notServing }
      var ending: [(AsyncStream<ServingStatus>.Continuation, ServingStatus)] = []
      for (service, watchers) in state.watchers {
        let status = state.status(of: service)
        for continuation in watchers.values { ending.append((continuation, status)) }
      }
      state.watchers = [:]
      return ending
    }
    // Outside the lock: `finish` runs the stream's termination handler, which takes it.
    for (continuation, status) in ending {
      continuation.yield(status)
      continuation.finish()
    }
  }

  /// Leaves the shutdown state: status changes are accepted again (statuses stay as they are).
  public func resume() {
    state.withLock { $0.shuttingDown = false }
  }

  /// Registers a watcher of `service`: a stream that holds the current status now and every
  /// later change, keeping only the newest one unread. Ends after `enterShutdown()`.
  func watchStatus(of service: String) -> AsyncStream<ServingStatus> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
    let id: UInt64? = state.withLock { state in
      continuation.yield(state.status(of: service))
      guard !state.shuttingDown else { return nil }
      let id = state.nextWatcherID
      state.nextWatcherID += 1
      state.watchers[service, default: [:]][id] = continuation
      return id
    }
    guard let id else {
      continuation.finish()
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { state in
        state.watchers[service]?[id] = nil
        if state.watchers[service]?.isEmpty == true { state.watchers[service] = nil }
      }
    }
    return stream
  }

  /// The number of open `Watch` calls (for tests and diagnostics).
  public var watcherCount: Int {
    state.withLock { $0.watchers.values.reduce(0) { $0 + $1.count } }
  }

  // MARK: The methods

  /// `Check`: the status of `request.service`, or `NOT_FOUND`.
  public func check(_ request: HealthCheckRequest) throws(RPCError) -> HealthCheckResponse {
    guard let status = status(forService: request.service) else {
      throw RPCError(code: .notFound, message: "unknown service \"\(request.service)\"")
    }
    return HealthCheckResponse(status: status)
  }

  /// `Watch`: writes the current status of `request.service`, then each change, until the
  /// call is cancelled (or `enterShutdown()` ends it).
  public func watch(
    _ request: HealthCheckRequest, responses: ServerResponseWriter<HealthCheckResponse>
  ) async throws {
    var lastSent: ServingStatus?
    for await status in watchStatus(of: request.service) where status != lastSent {
      try await responses.write(HealthCheckResponse(status: status))
      lastSent = status
    }
    // The stream also ends when the task is cancelled: report that, not OK.
    try Task.checkCancellation()
  }

  public var methodHandlers: [ServerMethodHandler] {
    [
      .unary(Self.check) { (request: HealthCheckRequest, _) in
        ServerResponse(try self.check(request))
      },
      .serverStreaming(Self.watch) {
        (request: HealthCheckRequest, responses: ServerResponseWriter<HealthCheckResponse>, _)
        in
        try await self.watch(request, responses: responses)
        return [:]
      },
    ]
  }
}

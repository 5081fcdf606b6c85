internal import RPCCore
internal import Synchronization

/// Counts the calls running across all of a server's connections and turns away a call beyond
/// the limit. Under more load than the server can serve, a queue only grows, and with it every
/// admitted call's latency; answering the excess at once (RESOURCE_EXHAUSTED) keeps admitted
/// calls fast and lets clients back off or go elsewhere.
final class CallAdmission: Sendable {
  /// Calls that may run at once.
  let limit: Int
  private let running = Atomic<Int>(0)
  private let shed = Atomic<Int>(0)

  init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// Takes a slot, or returns false (and counts the call as shed) when all are taken.
  func admit() -> Bool {
    if running.wrappingAdd(1, ordering: .relaxed).newValue <= limit { return true }
    running.wrappingSubtract(1, ordering: .relaxed)
    shed.wrappingAdd(1, ordering: .relaxed)
    return false
  }

  /// Gives back a slot taken by `admit()`.
  func release() {
    running.wrappingSubtract(1, ordering: .relaxed)
  }

  /// Calls holding a slot now.
  var runningCount: Int { running.load(ordering: .relaxed) }
  /// Calls turned away since the server started.
  var shedCount: Int { shed.load(ordering: .relaxed) }

  /// What a shed call is told.
  var overloadedStatus: RPCStatus {
    RPCStatus(
      code: .resourceExhausted,
      message: "server overloaded: \(limit) calls already running; retry with back-off")
  }

  /// Whether a call of `method` (at `path`) needs a slot. Only calls that answer once
  /// (unary, client streaming) do: they are the work that piles up under load. Calls that
  /// stream responses (change feeds, watches) may stay open for hours mostly idle; streams
  /// per connection and `maxConnections` bound them. Health checks are always served: a probe
  /// must learn that the server is up and busy, not restart it for being busy.
  static func applies(to method: MethodDescriptor, path: String) -> Bool {
    method.kind.hasSingleResponse && !path.hasPrefix("/grpc.health.v1.Health/")
  }
}

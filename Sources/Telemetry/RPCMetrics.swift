public import Prometheus
public import RPCCore
internal import Synchronization

/// The server's metrics in one Prometheus registry: per-method call counts by status and
/// latency histograms (named as grpc-ecosystem's go-grpc-prometheus names them, so existing
/// dashboards work), calls in flight, and gauges other parts sample at scrape time (open
/// connections and streams, feed lag).
public final class RPCMetrics: Sendable {
  /// The registry everything is exported from; other modules add their own collectors to it.
  public let registry: PrometheusCollectorRegistry

  /// Latency buckets from 100 µs to 10 s: our unary calls take tens of µs to a few ms.
  static let latencyBuckets: [Duration] = [
    .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
    .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
    .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
    .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
  ]

  private let inFlight: Gauge
  private let methods = Mutex<[String: MethodMetrics]>([:])
  private let samplers = Mutex<[@Sendable () -> Void]>([])

  public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
    self.registry = registry
    inFlight = registry.makeGauge(
      descriptor: MetricNameDescriptor(
        metricName: "grpc_server_in_flight", unitName: "calls",
        helpText: "Calls started and not yet finished."))
  }

  /// The interceptor that records every call the router dispatches.
  public var interceptor: any ServerInterceptor { MetricsInterceptor(metrics: self) }

  /// Registers `sample`, run before each export to refresh gauges that are cheaper to read than
  /// to keep current (connection counts, feed positions).
  public func addSampler(_ sample: @escaping @Sendable () -> Void) {
    samplers.withLock { $0.append(sample) }
  }

  /// A gauge in this registry (for samplers).
  public func gauge(_ name: String, help: String, labels: [(String, String)] = []) -> Gauge {
    registry.makeGauge(
      descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help),
      labels: labels)
  }

  /// A gauge set to `value()` at each scrape.
  public func sampledGauge(
    _ name: String, help: String, labels: [(String, String)] = [],
    value: @escaping @Sendable () -> Double
  ) {
    let gauge = gauge(name, help: help, labels: labels)
    addSampler { gauge.set(value()) }
  }

  /// The Prometheus text exposition (format 0.0.4) of every metric, samplers run first.
  public func exposition() -> [UInt8] {
    for sample in samplers.withLock({ $0 }) { sample() }
    return registry.emitToBuffer()
  }

  // MARK: Per method

  /// The collectors of one method, made once and cached: registry lookups take a lock and
  /// build label strings, which the per-call path should not pay.
  final class MethodMetrics: Sendable {
    let started: Counter
    let latency: DurationHistogram
    private let handled: Mutex<[RPCStatus.Code: Counter]>
    private let makeHandled: @Sendable (RPCStatus.Code) -> Counter

    init(_ descriptor: MethodDescriptor, registry: PrometheusCollectorRegistry) {
      let labels = [
        ("grpc_type", descriptor.kind.label), ("grpc_service", descriptor.service),
        ("grpc_method", descriptor.method),
      ]
      started = registry.makeCounter(
        descriptor: MetricNameDescriptor(
          metricName: "grpc_server_started", unitName: "total",
          helpText: "Calls started on the server."), labels: labels)
      latency = registry.makeDurationHistogram(
        descriptor: MetricNameDescriptor(
          metricName: "grpc_server_handling", unitName: "seconds",
          helpText: "Time from the start of a call to its status, by method."),
        labels: labels, buckets: RPCMetrics.latencyBuckets)
      handled = Mutex([:])
      makeHandled = { code in
        registry.makeCounter(
          descriptor: MetricNameDescriptor(
            metricName: "grpc_server_handled", unitName: "total",
            helpText: "Calls finished on the server, by status code."),
          labels: labels + [("grpc_code", code.name)])
      }
    }

    func handled(_ code: RPCStatus.Code) -> Counter {
      handled.withLock { counters in
        if let counter = counters[code] { return counter }
        let counter = makeHandled(code)
        counters[code] = counter
        return counter
      }
    }
  }

  func method(_ descriptor: MethodDescriptor) -> MethodMetrics {
    methods.withLock { methods in
      if let existing = methods[descriptor.path] { return existing }
      let made = MethodMetrics(descriptor, registry: registry)
      methods[descriptor.path] = made
      return made
    }
  }

  func callStarted() { inFlight.increment() }
  func callEnded() { inFlight.decrement() }
}

/// Counts and times every call: started, handled by status code, latency, in flight.
struct MetricsInterceptor: ServerInterceptor {
  let metrics: RPCMetrics

  func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    let method = metrics.method(context.descriptor)
    method.started.increment()
    metrics.callStarted()
    let start = ContinuousClock.now
    defer { metrics.callEnded() }
    do {
      let result = try await next(context)
      method.handled(.ok).increment()
      method.latency.record(ContinuousClock.now - start)
      return result
    } catch {
      // The status the transport will send for this error.
      method.handled(RPCError(mapping: error, deadline: context.deadline).status.code).increment()
      method.latency.record(ContinuousClock.now - start)
      throw error
    }
  }
}

extension MethodDescriptor.Kind {
  /// The `grpc_type` label value, as go-grpc-prometheus spells it.
  var label: String {
    switch self {
    case .unary: "unary"
    case .clientStreaming: "client_stream"
    case .serverStreaming: "server_stream"
    case .bidirectionalStreaming: "bidi_stream"
    }
  }
}

import Logging
import RPCCore
import RPCHTTP2
import ServiceLifecycle
import Telemetry
import UnixSignals

/// Runs an HTTP/2 gRPC server as a lifecycle service: serves until the service group shuts
/// down, then drains in-flight calls (GOAWAY) within the configured grace period.
struct RPCServerService: Service {
  let transport: HTTP2ServerTransport
  let router: RPCRouter
  let logger: Logger
  /// Called when shutdown begins, before new calls are refused (e.g. health → NOT_SERVING).
  var onShutdown: @Sendable () -> Void = {}

  func run() async throws {
    let transport = transport, logger = logger, onShutdown = onShutdown
    try await withGracefulShutdownHandler {
      try await withThrowingDiscardingTaskGroup { group in
        group.addTask { try await transport.listen(router: router) }
        let address = try await transport.listeningAddress
        logger.info(
          "serving", metadata: ["address": "\(address)", "methods": "\(router.methods.count)"])
      }
    } onGracefulShutdown: {
      logger.info("shutting down: draining in-flight calls")
      onShutdown()
      transport.beginGracefulShutdown()
    }
    logger.info("stopped")
  }
}

extension ServerOptions {
  /// Runs `router` on the configured address until SIGTERM or SIGINT; with `--metrics-port`,
  /// also serves `metrics` (whose interceptor the router should carry) at `/metrics`.
  func serve(
    _ router: RPCRouter, logger: Logger, metrics: RPCMetrics? = nil,
    responseEncoding: CompressionAlgorithm = .identity,
    onShutdown: @escaping @Sendable () -> Void = {}
  ) async throws {
    var configuration = HTTP2ServerConfiguration(host: host, port: port)
    configuration.responseEncoding = responseEncoding
    configuration.shutdownGracePeriod = .seconds(shutdownGraceSeconds)
    configuration.eventLoopCount = eventLoopCount
    configuration.maxConnections = maxConnections
    configuration.maxConcurrentCalls = maxConcurrentCalls
    configuration.limits.maxConcurrentStreams = UInt32(maxStreamsPerConnection)
    configuration.limits.maxHeaderListSize = UInt32(maxHeaderListBytes)
    configuration.maxReceiveMessageSize = maxMessageBytes
    configuration.handshakeTimeout = .seconds(handshakeTimeoutSeconds)
    configuration.idleTimeout = idleTimeoutSeconds == 0 ? nil : .seconds(idleTimeoutSeconds)
    let transport = HTTP2ServerTransport(configuration: configuration)
    var metricsServer: MetricsHTTPServer?
    if let metricsPort = resolvedMetricsPort, let metrics {
      let transportGauges: [(String, String, @Sendable () -> Int)] = [
        ("grpc_server_open_connections", "HTTP/2 connections open on the gRPC port.", { transport.connectionCount }),
        ("grpc_server_refused_connections", "Connections closed on arrival since start: --max-connections were open.",
         { transport.refusedConnectionCount }),
        ("grpc_server_running_calls", "Unary and client-streaming calls running (the ones --max-concurrent-calls limits).",
         { transport.runningCallCount }),
        ("grpc_server_shed_calls", "Calls answered RESOURCE_EXHAUSTED since start: --max-concurrent-calls were running.",
         { transport.shedCallCount }),
      ]
      for (name, help, value) in transportGauges {
        metrics.sampledGauge(name, help: help) { Double(value()) }
      }
      let server = try await MetricsHTTPServer.start(host: host, port: metricsPort, metrics: metrics)
      logger.info("metrics", metadata: ["address": "\(server.localAddress.map { "\($0)" } ?? "?")/metrics"])
      metricsServer = server
    }
    let server = RPCServerService(
      transport: transport, router: router, logger: logger, onShutdown: onShutdown)
    let group = ServiceGroup(
      configuration: .init(
        services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
    try await metricsServer?.close()
  }
}

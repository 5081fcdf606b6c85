import Logging
import UnixSignals
import RPCCore
import RPCHTTP2
import ServiceLifecycle

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
  /// Runs `router` on the configured address until SIGTERM or SIGINT.
  func serve(
    _ router: RPCRouter, logger: Logger, responseEncoding: CompressionAlgorithm = .identity,
    onShutdown: @escaping @Sendable () -> Void = {}
  ) async throws {
    var configuration = HTTP2ServerConfiguration(host: host, port: port)
    configuration.responseEncoding = responseEncoding
    configuration.shutdownGracePeriod = .seconds(shutdownGraceSeconds)
    configuration.eventLoopCount = eventLoopCount
    let server = RPCServerService(
      transport: HTTP2ServerTransport(configuration: configuration), router: router, logger: logger,
      onShutdown: onShutdown)
    let group = ServiceGroup(
      configuration: .init(
        services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
  }
}

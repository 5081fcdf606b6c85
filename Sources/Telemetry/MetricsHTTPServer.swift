public import NIOCore
internal import NIOHTTP1
public import NIOPosix

/// Serves `GET /metrics` (Prometheus text format) on a plain-HTTP port of its own, so scrapers
/// never share the gRPC port, its limits or its auth. Anything else gets 404; other methods 405.
public final class MetricsHTTPServer: Sendable {
  private let channel: any Channel

  /// The bound address (port 0 in the request picks a free one).
  public var localAddress: SocketAddress? { channel.localAddress }

  private init(channel: any Channel) { self.channel = channel }

  /// Binds `host:port` and serves `metrics` until ``close()``.
  public static func start(
    host: String, port: Int, metrics: RPCMetrics,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> MetricsHTTPServer {
    let channel = try await ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(MetricsHandler(metrics: metrics))
        }
      }
      .bind(host: host, port: port).get()
    return MetricsHTTPServer(channel: channel)
  }

  /// Stops listening.
  public func close() async throws {
    try await channel.close()
  }
}

/// Answers each HTTP/1.1 request on a connection; keep-alive as the client asks.
final class MetricsHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let metrics: RPCMetrics
  private var request: HTTPRequestHead?

  init(metrics: RPCMetrics) { self.metrics = metrics }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): request = head
    case .body: break
    case .end:
      guard let head = request else { return }
      request = nil
      respond(to: head, context: context)
    }
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
    let (status, contentType, body): (HTTPResponseStatus, String, [UInt8]) =
      switch (head.method, path) {
      case (.GET, "/metrics"), (.HEAD, "/metrics"):
        (.ok, "text/plain; version=0.0.4; charset=utf-8", metrics.exposition())
      case (_, "/metrics"): (.methodNotAllowed, "text/plain", Array("use GET\n".utf8))
      default: (.notFound, "text/plain", Array("metrics are at /metrics\n".utf8))
      }
    var headers = HTTPHeaders()
    headers.add(name: "content-type", value: contentType)
    headers.add(name: "content-length", value: String(body.count))
    let keepAlive = head.isKeepAlive
    if !keepAlive { headers.add(name: "connection", value: "close") }
    context.write(
      wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
      promise: nil)
    if head.method != .HEAD {
      context.write(
        wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
    }
    let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if !keepAlive {
      let channel = context.channel
      done.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}

import InteropAPI
import InteropService
import NIOCore
import NIOPosix
import Prometheus
import RPCCore
import RPCInProcess
import RPCTestSupport
import Telemetry
import Testing

@Suite struct TelemetryTests {
  /// Calls through a router with the metrics interceptor, over the in-process transport.
  func client(_ metrics: RPCMetrics) -> TestServiceClient {
    var router = RPCRouter(interceptors: [metrics.interceptor])
    router.register(InteropTestService())
    return TestServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  @Test func countsCallsByMethodAndStatusAndTimesThem() async throws {
    let metrics = RPCMetrics()
    let client = client(metrics)
    for _ in 0..<3 { _ = try await client.emptyCall(Empty()) }
    var failing = SimpleRequest()
    failing.responseStatus = EchoStatus(code: 5, message: "no such thing")
    let error = await rpcError { _ = try await client.unaryCall(failing) }
    #expect(error?.code == .notFound)
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    let labels = #"grpc_type="unary",grpc_service="grpc.testing.TestService""#
    #expect(text.contains(#"grpc_server_started_total{\#(labels),grpc_method="EmptyCall"} 3"#), "\(text)")
    #expect(text.contains(#"grpc_server_handled_total{\#(labels),grpc_method="EmptyCall",grpc_code="OK"} 3"#))
    #expect(text.contains(#"grpc_server_handled_total{\#(labels),grpc_method="UnaryCall",grpc_code="NOT_FOUND"} 1"#))
    #expect(text.contains(#"grpc_server_handling_seconds_count{\#(labels),grpc_method="EmptyCall"} 3"#))
    #expect(text.contains("grpc_server_in_flight_calls 0"))
  }

  @Test func samplersRefreshGaugesAtScrapeTime() {
    let metrics = RPCMetrics()
    let gauge = metrics.gauge("craft_test_value", help: "A sampled value.")
    let source = LockedCounter()
    metrics.addSampler { gauge.set(Double(source.next())) }
    _ = metrics.exposition()
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    #expect(text.contains("craft_test_value 2"))
  }

  @Test func servesMetricsOverPlainHTTP() async throws {
    let metrics = RPCMetrics()
    _ = try await client(metrics).emptyCall(Empty())
    let server = try await MetricsHTTPServer.start(host: "127.0.0.1", port: 0, metrics: metrics)
    let port = try #require(server.localAddress?.port)
    let response = try await httpGet(port: port, path: "/metrics")
    #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(response)")
    #expect(response.contains("content-type: text/plain; version=0.0.4"))
    #expect(response.contains(#"grpc_method="EmptyCall",grpc_code="OK"} 1"#))
    #expect(try await httpGet(port: port, path: "/").hasPrefix("HTTP/1.1 404"))
    try await server.close()
  }
}

/// A one-shot HTTP/1.1 GET over NIO; returns the whole response (status line, headers, body).
func httpGet(port: Int, path: String) async throws -> String {
  let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .connect(host: "127.0.0.1", port: port) { channel in
      channel.eventLoop.makeCompletedFuture {
        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
      }
    }
  return try await channel.executeThenClose { inbound, outbound in
    try await outbound.write(
      ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
    var text = ""
    for try await var chunk in inbound { text += chunk.readString(length: chunk.readableBytes) ?? "" }
    return text
  }
}

final class LockedCounter: Sendable {
  private let storage = Mutex(0)
  var value: Int { storage.withLock { $0 } }
  func next() -> Int { storage.withLock { $0 += 1; return $0 } }
  func set(_ value: Int) { storage.withLock { $0 = value } }
}

import Synchronization

// End to end over loopback: our HTTP/2 client against our HTTP/2 server.

import InteropAPI
import NIOCore
import RPCCore
import RPCHTTP2
import Synchronization
import Testing

// MARK: - A small test service

enum TestMethods {
  static let service = "craft.test.Loopback"
  static let unary = MethodDescriptor(service: service, method: "Unary", kind: .unary)
  static let sleep = MethodDescriptor(service: service, method: "Sleep", kind: .unary)
  static let peer = MethodDescriptor(service: service, method: "Peer", kind: .unary)
  static let expand = MethodDescriptor(service: service, method: "Expand", kind: .serverStreaming)
  static let hang = MethodDescriptor(service: service, method: "Hang", kind: .serverStreaming)
  static let collect = MethodDescriptor(service: service, method: "Collect", kind: .clientStreaming)
  static let pingPong = MethodDescriptor(
    service: service, method: "PingPong", kind: .bidirectionalStreaming)
  static let missing = MethodDescriptor(service: service, method: "Missing", kind: .unary)
}

/// What handlers observed, for the tests to check.
final class Observations: Sendable {
  private let state = Mutex<(started: Int, cancelled: Int, peers: Set<String>)>((0, 0, []))
  func started() { state.withLock { $0.started += 1 } }
  func cancelled() { state.withLock { $0.cancelled += 1 } }
  func peer(_ peer: String) { _ = state.withLock { $0.peers.insert(peer) } }
  var startedCount: Int { state.withLock { $0.started } }
  var cancelledCount: Int { state.withLock { $0.cancelled } }
  var peers: Set<String> { state.withLock { $0.peers } }
}

func payload(_ size: Int, byte: UInt8 = 0x61) -> Payload {
  Payload(body: [UInt8](repeating: byte, count: size))
}

/// `size` bytes that depend on their position and on `seed`, so a byte out of place shows.
func patterned(_ size: Int, seed: Int) -> Payload {
  Payload(body: (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 31 &+ seed &* 7) % 251) })
}

func makeRouter(_ observations: Observations) -> RPCRouter {
  var router = RPCRouter()
  router.register(
    .unary(TestMethods.unary) { (request: SimpleRequest, context) in
      if let status = request.responseStatus {
        throw RPCError(
          code: RPCStatus.Code(wireValue: Int(status.code)), message: status.message,
          metadata: ["x-reason": "requested"])
      }
      var headers: Metadata = [:]
      if let echo = context.metadata["x-echo-initial"] {
        headers.addString(echo, forKey: "x-echo-initial")
      }
      var trailers: Metadata = [:]
      for bytes in context.metadata.binaryValues(forKey: "x-echo-trailing-bin") {
        trailers.addBinary(bytes, forKey: "x-echo-trailing-bin")
      }
      var response = SimpleResponse()
      response.payload = patterned(Int(request.responseSize), seed: 0)
      response.username = "\(request.payload?.body.count ?? 0)"
      return ServerResponse(response, metadata: headers, trailers: trailers)
    })
  router.register(
    .unary(TestMethods.sleep) { (request: SimpleRequest, context) in
      observations.started()
      do {
        try await Task.sleep(for: .milliseconds(Int(request.responseSize)))
      } catch {
        observations.cancelled()
        throw error
      }
      return ServerResponse(SimpleResponse())
    })
  router.register(
    .unary(TestMethods.peer) { (request: SimpleRequest, context) in
      observations.peer(context.peer)
      return ServerResponse(SimpleResponse())
    })
  router.register(
    .serverStreaming(TestMethods.expand) {
      (
        request: StreamingOutputCallRequest,
        responses: ServerResponseWriter<StreamingOutputCallResponse>, context
      ) in
      try await responses.writeMetadata(["x-count": "\(request.responseParameters.count)"])
      for (index, parameters) in request.responseParameters.enumerated() {
        try await responses.write(
          StreamingOutputCallResponse(payload: patterned(Int(parameters.size), seed: index)))
      }
      return ["x-done": "yes"]
    })
  router.register(
    .serverStreaming(TestMethods.hang) {
      (
        request: StreamingOutputCallRequest,
        responses: ServerResponseWriter<StreamingOutputCallResponse>, context
      ) in
      observations.started()
      try await responses.write(StreamingOutputCallResponse(payload: payload(1)))
      do {
        try await Task.sleep(for: .seconds(30))
      } catch {
        observations.cancelled()
        throw error
      }
      return [:]
    })
  router.register(
    .clientStreaming(TestMethods.collect) {
      (requests: RequestStream<StreamingInputCallRequest>, context) in
      var total: Int32 = 0
      for try await request in requests { total += Int32(request.payload?.body.count ?? 0) }
      return ServerResponse(StreamingInputCallResponse(aggregatedPayloadSize: total))
    })
  router.register(
    .bidirectionalStreaming(TestMethods.pingPong) {
      (
        requests: RequestStream<StreamingOutputCallRequest>,
        responses: ServerResponseWriter<StreamingOutputCallResponse>, context
      ) in
      var count = 0
      for try await request in requests {
        count += 1
        let size = request.responseParameters.first?.size ?? 0
        try await responses.write(StreamingOutputCallResponse(payload: payload(Int(size))))
      }
      return ["x-total": "\(count)"]
    })
  return router
}

/// A server on a free loopback port and a client transport to it.
struct Loopback {
  let server: HTTP2ServerTransport
  let serving: Task<Void, any Error>
  let port: Int
  let observations: Observations

  static func start(
    configuration: HTTP2ServerConfiguration = .init(host: "127.0.0.1", port: 0)
  ) async throws -> Loopback {
    let observations = Observations()
    let server = HTTP2ServerTransport(configuration: configuration)
    let router = makeRouter(observations)
    let serving = Task { try await server.listen(router: router) }
    let address = try await server.listeningAddress
    return Loopback(
      server: server, serving: serving, port: address.port!, observations: observations)
  }

  func transport(_ configuration: HTTP2ClientConfiguration = .defaults) -> HTTP2ClientTransport {
    HTTP2ClientTransport(host: "127.0.0.1", port: port, configuration: configuration)
  }

  func stop() async throws {
    server.beginGracefulShutdown()
    try await serving.value
  }
}

/// Runs `body` with a fresh server and a client on it, then closes both.
func withLoopback(
  server configuration: HTTP2ServerConfiguration = .init(host: "127.0.0.1", port: 0),
  client clientConfiguration: HTTP2ClientConfiguration = .defaults,
  _ body: (RPCClient, Loopback) async throws -> Void
) async throws {
  let loopback = try await Loopback.start(configuration: configuration)
  let transport = loopback.transport(clientConfiguration)
  do {
    try await body(RPCClient(transport: transport), loopback)
  } catch {
    await transport.close()
    try await loopback.stop()
    throw error
  }
  await transport.close()
  try await loopback.stop()
}

func expectRPCError(
  _ code: RPCStatus.Code, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> Void
) async -> RPCError? {
  do {
    try await body()
    Issue.record("expected \(code), got success", sourceLocation: sourceLocation)
    return nil
  } catch let error as RPCError {
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    return error
  } catch {
    Issue.record("expected RPCError \(code), got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// Polls `condition` for up to `timeout`.
func eventually(
  _ timeout: Duration = .seconds(20), _ condition: () -> Bool
) async -> Bool {
  let deadline = ContinuousClock.now + timeout
  while !condition() {
    if ContinuousClock.now > deadline { return false }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return true
}

// MARK: - Tests

@Suite(.timeLimit(.minutes(1))) struct ClientServerTests {
  @Test func unaryWithMetadataAndBinaryTrailers() async throws {
    try await withLoopback { client, _ in
      var request = SimpleRequest()
      request.responseSize = 100
      request.payload = payload(10)
      var metadata: Metadata = ["x-echo-initial": "xin chào"]
      metadata = ["x-echo-initial": "hello"]
      metadata.addBinary([0, 1, 2, 0xFF, 0xFE], forKey: "x-echo-trailing-bin")
      let response = try await client.unary(
        TestMethods.unary, request: request, metadata: metadata, responseType: SimpleResponse.self)
      #expect(response.message.payload?.body.count == 100)
      #expect(response.message.username == "10")
      #expect(response.metadata["x-echo-initial"] == "hello")
      #expect(
        response.trailers.binaryValues(forKey: "x-echo-trailing-bin") == [[0, 1, 2, 0xFF, 0xFE]])
    }
  }

  @Test func unaryThroughWithStream() async throws {
    // RPCClient.clientStreaming goes through withStream, not the unary fast path.
    try await withLoopback { client, _ in
      let response = try await client.clientStreaming(
        TestMethods.collect, responseType: StreamingInputCallResponse.self
      ) { (writer: RPCWriter<StreamingInputCallRequest>) in
        var request = StreamingInputCallRequest()
        request.payload = payload(7)
        try await writer.write(request)
      }
      #expect(response.message.aggregatedPayloadSize == 7)
    }
  }

  @Test func serverStreaming() async throws {
    try await withLoopback { client, _ in
      var request = StreamingOutputCallRequest()
      request.responseParameters = [31415, 9, 2653, 58979].map { ResponseParameters(size: $0) }
      let (sizes, metadata, trailers) = try await client.serverStreaming(
        TestMethods.expand, request: request, responseType: StreamingOutputCallResponse.self
      ) { responses in
        var sizes: [Int] = []
        for try await response in responses { sizes.append(response.payload?.body.count ?? -1) }
        return (sizes, responses.metadata, responses.trailers)
      }
      #expect(sizes == [31415, 9, 2653, 58979])
      #expect(metadata?["x-count"] == "4")
      #expect(trailers?["x-done"] == "yes")
    }
  }

  @Test("messages split across DATA frames and queued behind each other arrive byte for byte")
  func messagesSpanningFramesArriveIntact() async throws {
    // Sizes around the 16 KiB DATA frame (16,384 - 5 is the largest message that fits one
    // frame with its prefix) and above it, so prefixes and messages are split across frames;
    // the handler writes them all at once, so later ones queue behind earlier ones.
    let sizes = [1, 40_000, 0, 3, 16_379, 16_380, 70_000] + Array(repeating: 33_333, count: 60)
    try await withLoopback { client, _ in
      // Unary: each response is alone on its stream (kept in the handler's array).
      for size in sizes[..<7] {
        var request = SimpleRequest()
        request.responseSize = Int32(size)
        let response = try await client.unary(
          TestMethods.unary, request: request, responseType: SimpleResponse.self)
        #expect(response.message.payload?.body == patterned(size, seed: 0).body, "unary \(size)")
      }
      var request = StreamingOutputCallRequest()
      request.responseParameters = sizes.map { ResponseParameters(size: Int32($0)) }
      let bodies = try await client.serverStreaming(
        TestMethods.expand, request: request, responseType: StreamingOutputCallResponse.self
      ) { responses in
        var bodies: [[UInt8]] = []
        for try await response in responses {
          bodies.append(response.payload?.body ?? [])
          if bodies.count % 20 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        return bodies
      }
      #expect(bodies.count == sizes.count)
      for (index, body) in bodies.enumerated() where index < sizes.count {
        #expect(body == patterned(sizes[index], seed: index).body, "message \(index)")
      }
    }
  }

  @Test func serverStreamingWithSlowConsumer() async throws {
    // 200 × 64 KiB through a 16-message channel: the flow-control window closes and reopens.
    try await withLoopback { client, _ in
      var request = StreamingOutputCallRequest()
      request.responseParameters = Array(
        repeating: ResponseParameters(size: 64 * 1024), count: 200)
      let count = try await client.serverStreaming(
        TestMethods.expand, request: request, responseType: StreamingOutputCallResponse.self
      ) { responses in
        var count = 0
        for try await response in responses {
          #expect(response.payload?.body.count == 64 * 1024)
          count += 1
          if count % 50 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        return count
      }
      #expect(count == 200)
    }
  }

  @Test func clientStreaming() async throws {
    try await withLoopback { client, _ in
      let response = try await client.clientStreaming(
        TestMethods.collect, responseType: StreamingInputCallResponse.self
      ) { (writer: RPCWriter<StreamingInputCallRequest>) in
        for size in [27182, 8, 1828, 45904] {
          var request = StreamingInputCallRequest()
          request.payload = payload(size)
          try await writer.write(request)
        }
      }
      #expect(response.message.aggregatedPayloadSize == 74922)
    }
  }

  @Test func largeClientStreamingHasBackPressure() async throws {
    // 64 MiB of requests: writes must wait for the window instead of queueing everything.
    try await withLoopback { client, _ in
      let response = try await client.clientStreaming(
        TestMethods.collect, responseType: StreamingInputCallResponse.self
      ) { (writer: RPCWriter<StreamingInputCallRequest>) in
        var request = StreamingInputCallRequest()
        request.payload = payload(1 << 20)
        for _ in 0..<64 { try await writer.write(request) }
      }
      #expect(response.message.aggregatedPayloadSize == 64 << 20)
    }
  }

  @Test("write(contentsOf:) streams many small messages in chunks, and large ones still wait for the window")
  func clientStreamingInChunks() async throws {
    try await withLoopback { client, _ in
      let sizes = (0..<1000).map { $0 % 50 }
      let small = try await client.clientStreaming(
        TestMethods.collect, responseType: StreamingInputCallResponse.self
      ) { (writer: RPCWriter<StreamingInputCallRequest>) in
        try await writer.write(contentsOf: sizes.map { size in
          var request = StreamingInputCallRequest()
          request.payload = payload(size)
          return request
        })
      }
      #expect(small.message.aggregatedPayloadSize == Int32(sizes.reduce(0, +)))
      let large = try await client.clientStreaming(
        TestMethods.collect, responseType: StreamingInputCallResponse.self
      ) { (writer: RPCWriter<StreamingInputCallRequest>) in
        var request = StreamingInputCallRequest()
        request.payload = payload(1 << 20)
        try await writer.write(contentsOf: repeatElement(request, count: 64))
      }
      #expect(large.message.aggregatedPayloadSize == 64 << 20)
    }
  }

  @Test func bidirectionalPingPong() async throws {
    try await withLoopback { client, _ in
      let sizes = [31415, 9, 2653, 58979]
      let (received, trailers) = try await client.bidirectional(
        TestMethods.pingPong, requestType: StreamingOutputCallRequest.self,
        responseType: StreamingOutputCallResponse.self
      ) { writer, responses in
        var received: [Int] = []
        var iterator = responses.makeAsyncIterator()
        for size in sizes {
          var request = StreamingOutputCallRequest()
          request.responseParameters = [ResponseParameters(size: Int32(size))]
          try await writer.write(request)
          let response = try await iterator.next()
          received.append(response?.payload?.body.count ?? -1)
        }
        await writer.finish()
        #expect(try await iterator.next() == nil)
        return (received, responses.trailers)
      }
      #expect(received == sizes)
      #expect(trailers?["x-total"] == "4")
    }
  }

  @Test func errorStatusWithPercentEncodedMessage() async throws {
    try await withLoopback { client, _ in
      let message = "Lỗi: không tìm thấy làng nghề 🧺 100% \t\r\n"
      var request = SimpleRequest()
      request.responseStatus = EchoStatus(code: 5, message: message)
      let error = await expectRPCError(.notFound) {
        _ = try await client.unary(
          TestMethods.unary, request: request, responseType: SimpleResponse.self)
      }
      #expect(error?.message == message)
      #expect(error?.metadata["x-reason"] == "requested")
    }
  }

  @Test func unknownMethodIsUnimplemented() async throws {
    try await withLoopback { client, _ in
      let error = await expectRPCError(.unimplemented) {
        _ = try await client.unary(
          TestMethods.missing, request: SimpleRequest(), responseType: SimpleResponse.self)
      }
      #expect(error?.message.contains(TestMethods.missing.path) == true)
      // Also through a stream (trailers-only response on a streaming call).
      _ = await expectRPCError(.unimplemented) {
        let missing = MethodDescriptor(
          service: TestMethods.service, method: "MissingStream", kind: .serverStreaming)
        try await client.serverStreaming(
          missing, request: SimpleRequest(), responseType: SimpleResponse.self
        ) { responses in
          for try await _ in responses {}
        }
      }
    }
  }

  @Test func deadlineExceeded() async throws {
    try await withLoopback { client, loopback in
      var request = SimpleRequest()
      request.responseSize = 60_000  // the handler sleeps 60 s
      let start = ContinuousClock.now
      _ = await expectRPCError(.deadlineExceeded) {
        _ = try await client.unary(
          TestMethods.sleep, request: request, options: CallOptions(timeout: .milliseconds(200)),
          responseType: SimpleResponse.self)
      }
      #expect(ContinuousClock.now - start < .seconds(30))  // not the handler's 60 s
      // The server cancels its handler at its own deadline (or on our RST_STREAM). Under load
      // the RST_STREAM may even beat the request to the handler, which then never starts.
      let observations = loopback.observations
      #expect(await eventually { observations.startedCount == observations.cancelledCount })
      #expect(observations.startedCount <= 1)
    }
  }

  @Test func deadlineOnStreamingCall() async throws {
    try await withLoopback { client, _ in
      _ = await expectRPCError(.deadlineExceeded) {
        try await client.serverStreaming(
          TestMethods.hang, request: StreamingOutputCallRequest(),
          options: CallOptions(timeout: .milliseconds(200)),
          responseType: StreamingOutputCallResponse.self
        ) { responses in
          for try await _ in responses {}
        }
      }
    }
  }

  @Test func clientCancellationCancelsTheHandler() async throws {
    try await withLoopback { client, loopback in
      let call = Task {
        try await client.serverStreaming(
          TestMethods.hang, request: StreamingOutputCallRequest(),
          responseType: StreamingOutputCallResponse.self
        ) { responses in
          for try await _ in responses {}
        }
      }
      #expect(await eventually { loopback.observations.startedCount == 1 })
      call.cancel()
      let result = await call.result
      #expect(throws: (any Error).self) { try result.get() }
      #expect(await eventually { loopback.observations.cancelledCount == 1 })
    }
  }

  @Test func bodyReturningEarlyCancelsTheCall() async throws {
    try await withLoopback { client, loopback in
      let first = try await client.serverStreaming(
        TestMethods.hang, request: StreamingOutputCallRequest(),
        responseType: StreamingOutputCallResponse.self
      ) { responses in
        for try await response in responses { return response.payload?.body.count }
        return nil
      }
      #expect(first == 1)
      #expect(await eventually { loopback.observations.cancelledCount == 1 })
    }
  }

  @Test(arguments: [CompressionAlgorithm.gzip, .deflate])
  func compressionBothWays(algorithm: CompressionAlgorithm) async throws {
    var server = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
    server.responseEncoding = algorithm
    server.maxReceiveMessageSize = 64 * 1024  // the compressed request is far smaller
    var clientConfiguration = HTTP2ClientConfiguration()
    clientConfiguration.maxReceiveMessageSize = 64 * 1024
    try await withLoopback(server: server, client: clientConfiguration) { client, _ in
      var request = SimpleRequest()
      request.responseSize = 50_000
      request.payload = payload(50_000)
      let response = try await client.unary(
        TestMethods.unary, request: request, options: CallOptions(compression: algorithm),
        responseType: SimpleResponse.self)
      #expect(response.message.payload?.body == patterned(50_000, seed: 0).body)
      #expect(response.message.username == "50000")

      // Streaming both ways, compressed.
      let (received, _) = try await client.bidirectional(
        TestMethods.pingPong, options: CallOptions(compression: algorithm),
        requestType: StreamingOutputCallRequest.self,
        responseType: StreamingOutputCallResponse.self
      ) { writer, responses in
        var received: [Int] = []
        for size in [1, 20_000, 40_000] {
          var request = StreamingOutputCallRequest()
          request.responseParameters = [ResponseParameters(size: Int32(size))]
          request.payload = payload(size)
          try await writer.write(request)
        }
        await writer.finish()
        for try await response in responses { received.append(response.payload?.body.count ?? -1) }
        return (received, 0)
      }
      #expect(received == [1, 20_000, 40_000])
    }
  }

  @Test func requestOverServerLimitIsResourceExhausted() async throws {
    var server = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
    server.maxReceiveMessageSize = 1024
    try await withLoopback(server: server) { client, _ in
      var request = SimpleRequest()
      request.payload = payload(4096)
      _ = await expectRPCError(.resourceExhausted) {
        _ = try await client.unary(
          TestMethods.unary, request: request, responseType: SimpleResponse.self)
      }
      // The connection is still fine.
      request.payload = payload(100)
      _ = try await client.unary(
        TestMethods.unary, request: request, responseType: SimpleResponse.self)
    }
  }

  @Test func responseOverClientLimitIsResourceExhausted() async throws {
    var clientConfiguration = HTTP2ClientConfiguration()
    clientConfiguration.maxReceiveMessageSize = 1024
    try await withLoopback(client: clientConfiguration) { client, _ in
      var request = SimpleRequest()
      request.responseSize = 4096
      _ = await expectRPCError(.resourceExhausted) {
        _ = try await client.unary(
          TestMethods.unary, request: request, responseType: SimpleResponse.self)
      }
    }
  }

  @Test func requestOverClientSendLimitIsResourceExhausted() async throws {
    var clientConfiguration = HTTP2ClientConfiguration()
    clientConfiguration.maxSendMessageSize = 1024
    try await withLoopback(client: clientConfiguration) { client, _ in
      var request = SimpleRequest()
      request.payload = payload(4096)
      _ = await expectRPCError(.resourceExhausted) {
        _ = try await client.unary(
          TestMethods.unary, request: request, responseType: SimpleResponse.self)
      }
    }
  }

  @Test func thousandConcurrentUnaryCallsShareOneConnection() async throws {
    try await withLoopback { client, loopback in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for i in 0..<1000 {
          group.addTask {
            var request = SimpleRequest()
            request.responseSize = Int32(i % 100)
            _ = try await client.unary(
              TestMethods.peer, request: request, responseType: SimpleResponse.self)
          }
        }
        try await group.waitForAll()
      }
      #expect(loopback.observations.peers.count == 1)
    }
  }

  @Test func thousandConcurrentStreamingCalls() async throws {
    try await withLoopback { client, _ in
      try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<1000 {
          group.addTask {
            var request = StreamingOutputCallRequest()
            request.responseParameters = [
              ResponseParameters(size: 10), ResponseParameters(size: 20),
            ]
            return try await client.serverStreaming(
              TestMethods.expand, request: request, responseType: StreamingOutputCallResponse.self
            ) { responses in
              var total = 0
              for try await response in responses { total += response.payload?.body.count ?? 0 }
              return total
            }
          }
        }
        var count = 0
        for try await total in group {
          #expect(total == 30)
          count += 1
        }
        #expect(count == 1000)
      }
    }
  }

  @Test func gracefulServerShutdownCompletesInFlightCall() async throws {
    let loopback = try await Loopback.start()
    let transport = loopback.transport()
    let client = RPCClient(transport: transport)
    let call = Task {
      var request = SimpleRequest()
      request.responseSize = 500  // sleeps 500 ms
      return try await client.unary(
        TestMethods.sleep, request: request, responseType: SimpleResponse.self)
    }
    #expect(await eventually { loopback.observations.startedCount == 1 })
    loopback.server.beginGracefulShutdown()
    _ = try await call.value
    try await loopback.serving.value
    // The server is gone: new calls fail UNAVAILABLE.
    _ = await expectRPCError(.unavailable) {
      _ = try await client.unary(
        TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
    }
    await transport.close()
  }

  @Test func reconnectsAfterTheServerRestarts() async throws {
    let first = try await Loopback.start()
    var clientConfiguration = HTTP2ClientConfiguration()
    clientConfiguration.backoff = ConnectionBackoff(initial: .milliseconds(50))
    let transport = first.transport(clientConfiguration)
    let client = RPCClient(transport: transport)
    _ = try await client.unary(
      TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
    try await first.stop()
    let second = try await Loopback.start(
      configuration: .init(host: "127.0.0.1", port: first.port))
    _ = try await client.unary(
      TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
    await transport.close()
    try await second.stop()
  }

  @Test func connectionRefusedIsUnavailable() async throws {
    // A port nobody listens on: bind a server, note its port, stop it.
    let loopback = try await Loopback.start()
    let port = loopback.port
    try await loopback.stop()
    var clientConfiguration = HTTP2ClientConfiguration()
    clientConfiguration.backoff = ConnectionBackoff(initial: .milliseconds(100))
    let transport = HTTP2ClientTransport(
      host: "127.0.0.1", port: port, configuration: clientConfiguration)
    let client = RPCClient(transport: transport)
    for _ in 0..<2 {
      _ = await expectRPCError(.unavailable) {
        _ = try await client.unary(
          TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
      }
    }
    _ = await expectRPCError(.unavailable) {
      try await client.serverStreaming(
        TestMethods.expand, request: StreamingOutputCallRequest(),
        responseType: StreamingOutputCallResponse.self
      ) { responses in
        for try await _ in responses {}
      }
    }
    await transport.close()
  }

  @Test func closedTransportRejectsCalls() async throws {
    try await withLoopback { _, loopback in
      let transport = loopback.transport()
      let client = RPCClient(transport: transport)
      _ = try await client.unary(
        TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
      await transport.close()
      _ = await expectRPCError(.unavailable) {
        _ = try await client.unary(
          TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
      }
    }
  }

  @Test func closeWaitsForInFlightCalls() async throws {
    try await withLoopback { _, loopback in
      let transport = loopback.transport()
      let client = RPCClient(transport: transport)
      let call = Task {
        var request = SimpleRequest()
        request.responseSize = 300
        return try await client.unary(
          TestMethods.sleep, request: request, responseType: SimpleResponse.self)
      }
      #expect(await eventually { loopback.observations.startedCount == 1 })
      await transport.close()
      _ = try await call.value  // finished OK, not cut off
    }
  }
}

@Suite(.timeLimit(.minutes(1))) struct ClientConnectionPolicyTests {
  @Test func callsBeyondMaxConcurrentStreamsQueue() async throws {
    var server = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
    server.limits.maxConcurrentStreams = 8
    try await withLoopback(server: server) { client, loopback in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<200 {
          group.addTask {
            var request = SimpleRequest()
            request.responseSize = 5  // sleeps 5 ms
            _ = try await client.unary(
              TestMethods.sleep, request: request, responseType: SimpleResponse.self)
          }
        }
        try await group.waitForAll()
      }
      #expect(loopback.observations.startedCount == 200)
    }
  }

  @Test func deadlineWhileQueuedIsDeadlineExceeded() async throws {
    var server = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
    server.limits.maxConcurrentStreams = 1
    try await withLoopback(server: server) { client, loopback in
      // Let the server's SETTINGS (limit 1) arrive first.
      _ = try await client.unary(
        TestMethods.unary, request: SimpleRequest(), responseType: SimpleResponse.self)
      let long = Task {
        var request = SimpleRequest()
        request.responseSize = 60_000  // the handler sleeps 60 s
        return try await client.unary(
          TestMethods.sleep, request: request, responseType: SimpleResponse.self)
      }
      #expect(await eventually { loopback.observations.startedCount == 1 })
      let start = ContinuousClock.now
      _ = await expectRPCError(.deadlineExceeded) {
        _ = try await client.unary(
          TestMethods.unary, request: SimpleRequest(),
          options: CallOptions(timeout: .milliseconds(100)), responseType: SimpleResponse.self)
      }
      #expect(ContinuousClock.now - start < .seconds(30))  // not after the long call's 60 s
      long.cancel()
      _ = await long.result
    }
  }

  @Test func keepalivePingsDoNotDisturbCalls() async throws {
    var clientConfiguration = HTTP2ClientConfiguration()
    clientConfiguration.keepalive = .init(interval: .milliseconds(20), timeout: .seconds(30))  // a stalled machine must not fail it
    try await withLoopback(client: clientConfiguration) { client, _ in
      var request = SimpleRequest()
      request.responseSize = 300
      _ = try await client.unary(
        TestMethods.sleep, request: request, responseType: SimpleResponse.self)
      _ = try await client.unary(
        TestMethods.sleep, request: request, responseType: SimpleResponse.self)
    }
  }

  @Test func transportWithoutCallsCloses() async throws {
    let transport = HTTP2ClientTransport(host: "127.0.0.1", port: 1)
    await transport.close()
  }
}

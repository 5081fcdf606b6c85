import ProtoWire
import RPCInProcess
import Synchronization
import RPCTestSupport
import Testing

@testable import RPCCore

/// Records the order in which interceptors run.
final class EventLog: Sendable {
  private let events = Mutex<[String]>([])
  func append(_ event: String) { events.withLock { $0.append(event) } }
  var all: [String] { events.withLock { $0 } }
}

struct UserKey: ContextKey { typealias Value = String }

/// Logs before and after the call, with the outcome.
struct LoggingInterceptor: ServerInterceptor {
  let name: String
  let log: EventLog
  func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    log.append("\(name) > \(context.descriptor.method)")
    do {
      let result = try await next(context)
      log.append("\(name) < ok")
      return result
    } catch {
      log.append("\(name) < \(RPCError(mapping: error).code)")
      throw error
    }
  }
}

/// Rejects calls without `authorization`; hands the user to handlers through `values`.
struct AuthInterceptor: ServerInterceptor {
  func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    guard let token = context.metadata["authorization"], token.hasPrefix("Bearer ") else {
      throw RPCError(code: .unauthenticated, message: "missing bearer token")
    }
    var context = context
    context.values[UserKey.self] = String(token.dropFirst(7))
    return try await next(context)
  }
}

/// Adds a bearer token to every call.
struct TokenInterceptor: ClientInterceptor {
  let token: String
  func intercept<Result>(
    context: ClientContext, next: (ClientContext) async throws -> Result
  ) async throws -> Result {
    var context = context
    context.metadata.addString("Bearer \(token)", forKey: "authorization")
    return try await next(context)
  }
}

struct TestEchoService: RPCService {
  var methodHandlers: [ServerMethodHandler] {
    [
      .unary(EchoService.get) { (request: Echo, context) in
        switch request.text {
        case "fail":
          throw RPCError(code: .notFound, message: "no such thing", metadata: ["why": "test"])
        case "crash":
          struct Internal: Error {}
          throw Internal()
        case "sleep":
          try await Task.sleep(for: .seconds(300))
        case "whoami":
          return ServerResponse(Echo(context.values[UserKey.self] ?? "nobody"))
        default:
          break
        }
        var headers: Metadata = [:]
        if let echo = context.metadata["x-echo-initial"] {
          headers.addString(echo, forKey: "x-echo-initial")
        }
        var trailers: Metadata = [:]
        for bytes in context.metadata.binaryValues(forKey: "x-echo-trailing-bin") {
          trailers.addBinary(bytes, forKey: "x-echo-trailing-bin")
        }
        return ServerResponse(
          Echo(request.text.uppercased(), number: request.number + 1), metadata: headers,
          trailers: trailers)
      },
      .clientStreaming(EchoService.collect) { (requests: RequestStream<Echo>, context) in
        var texts: [String] = []
        var sum: Int32 = 0
        for try await request in requests {
          texts.append(request.text)
          sum += request.number
        }
        return ServerResponse(Echo(texts.joined(separator: ","), number: sum))
      },
      .serverStreaming(EchoService.expand) {
        (request: Echo, responses: ServerResponseWriter<Echo>, context) in
        try await responses.writeMetadata(["x-count": "\(request.number)"])
        for i in 0..<request.number {
          try await responses.write(Echo(request.text, number: i))
        }
        if request.text == "fail-late" {
          throw RPCError(code: .aborted, message: "after \(request.number)")
        }
        return ["x-done": "yes"]
      },
      .bidirectionalStreaming(EchoService.update) {
        (requests: RequestStream<Echo>, responses: ServerResponseWriter<Echo>, context) in
        var count: Int32 = 0
        for try await request in requests {
          count += 1
          try await responses.write(Echo(request.text.uppercased(), number: count))
        }
        return ["x-total": "\(count)"]
      },
    ]
  }
}

func makeClient(
  serverInterceptors: [any ServerInterceptor] = [],
  clientInterceptors: [any ClientInterceptor] = [], watermark: Int = 4
) -> RPCClient {
  var router = RPCRouter(interceptors: serverInterceptors)
  router.register(TestEchoService())
  return RPCClient(
    transport: inProcessTransport(router, watermark: watermark), interceptors: clientInterceptors)
}

/// A client transport to `router` through `RPCInProcess`, buffering `watermark` messages.
func inProcessTransport(_ router: RPCRouter, watermark: Int) -> some ClientTransport {
  var configuration = InProcessTransport.Configuration()
  configuration.messageBufferSize = watermark
  return InProcessTransport(serving: router, configuration: configuration).client
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

@Suite struct LoopbackTests {
  @Test func unary() async throws {
    let client = makeClient()
    var metadata: Metadata = ["x-echo-initial": "hello"]
    metadata.addBinary([0, 1, 2, 0xFF], forKey: "x-echo-trailing-bin")
    let response = try await client.unary(
      EchoService.get, request: Echo("ping", number: 41), metadata: metadata,
      responseType: Echo.self)
    #expect(response.message == Echo("PING", number: 42))
    #expect(response.metadata["x-echo-initial"] == "hello")
    #expect(response.trailers.binaryValues(forKey: "x-echo-trailing-bin") == [[0, 1, 2, 0xFF]])
  }

  @Test func unaryErrorCarriesStatusMessageAndTrailers() async throws {
    let client = makeClient()
    let error = await expectRPCError(.notFound) {
      _ = try await client.unary(EchoService.get, request: Echo("fail"), responseType: Echo.self)
    }
    #expect(error?.message == "no such thing")
    #expect(error?.metadata["why"] == "test")
  }

  @Test func unexpectedHandlerErrorIsInternal() async throws {
    let client = makeClient()
    let error = await expectRPCError(.internal) {
      _ = try await client.unary(EchoService.get, request: Echo("crash"), responseType: Echo.self)
    }
    #expect(error?.message == "internal error")
  }

  @Test func unknownMethodIsUnimplemented() async throws {
    let client = makeClient()
    let missing = MethodDescriptor(service: EchoService.name, method: "Nope", kind: .unary)
    let error = await expectRPCError(.unimplemented) {
      _ = try await client.unary(missing, request: Echo("x"), responseType: Echo.self)
    }
    #expect(error?.message.contains("/rpccore.test.EchoService/Nope") == true)
  }

  @Test func clientStreaming() async throws {
    let client = makeClient()
    let response = try await client.clientStreaming(EchoService.collect, responseType: Echo.self) {
      (writer: RPCWriter<Echo>) in
      for i in 1...20 { try await writer.write(Echo("m\(i)", number: Int32(i))) }
    }
    #expect(response.message.number == 210)
    #expect(response.message.text.hasPrefix("m1,m2,m3"))
  }

  @Test func clientStreamingWithNoMessages() async throws {
    let client = makeClient()
    let response = try await client.clientStreaming(EchoService.collect, responseType: Echo.self) {
      (_: RPCWriter<Echo>) in
    }
    #expect(response.message == Echo("", number: 0))
  }

  @Test func serverStreaming() async throws {
    let client = makeClient()
    let (headers, received, trailers) = try await client.serverStreaming(
      EchoService.expand, request: Echo("item", number: 25), responseType: Echo.self
    ) { responses in
      let headers = try await responses.initialMetadata()
      var received: [Echo] = []
      for try await message in responses { received.append(message) }
      return (headers, received, responses.trailers)
    }
    #expect(headers["x-count"] == "25")
    #expect(received == (0..<25).map { Echo("item", number: $0) })
    #expect(trailers?["x-done"] == "yes")
  }

  @Test func serverStreamingErrorAfterMessages() async throws {
    let client = makeClient()
    let count = Mutex(0)
    _ = await expectRPCError(.aborted) {
      try await client.serverStreaming(
        EchoService.expand, request: Echo("fail-late", number: 3), responseType: Echo.self
      ) { responses in
        for try await _ in responses { count.withLock { $0 += 1 } }
      }
    }
    #expect(count.withLock { $0 } == 3)
  }

  @Test func bidirectionalPingPong() async throws {
    let client = makeClient()
    let trailers = try await client.bidirectional(
      EchoService.update, requestType: Echo.self, responseType: Echo.self
    ) { writer, responses in
      var iterator = responses.makeAsyncIterator()
      for i in 1...10 {
        // Full duplex: each response arrives before the next request is written.
        try await writer.write(Echo("ping \(i)"))
        let reply = try await iterator.next()
        #expect(reply == Echo("PING \(i)", number: Int32(i)))
      }
      await writer.finish()
      #expect(try await iterator.next() == nil)
      return responses.trailers
    }
    #expect(trailers?["x-total"] == "10")
  }

  @Test func bidirectionalConcurrentReadAndWrite() async throws {
    let client = makeClient(watermark: 2)
    let received = try await client.bidirectional(
      EchoService.update, requestType: Echo.self, responseType: Echo.self
    ) { writer, responses in
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          for i in 0..<200 { try await writer.write(Echo("m\(i)")) }
          await writer.finish()
        }
        var count = 0
        for try await _ in responses { count += 1 }
        try await group.waitForAll()
        return count
      }
    }
    #expect(received == 200)
  }

  @Test func deadlineExceeded() async throws {
    let client = makeClient()
    let start = ContinuousClock.now
    _ = await expectRPCError(.deadlineExceeded) {
      _ = try await client.unary(
        EchoService.get, request: Echo("sleep"), options: CallOptions(timeout: .milliseconds(50)),
        responseType: Echo.self)
    }
    // The handler sleeps 300 s: ending well before that proves the deadline cut it short. The
    // bound is loose on purpose: on a loaded 2-core machine the whole test process can stall.
    #expect(ContinuousClock.now - start < .seconds(120))
  }

  @Test func interceptorsRunInOrderAndCanReject() async throws {
    let log = EventLog()
    let client = makeClient(
      serverInterceptors: [
        LoggingInterceptor(name: "outer", log: log), AuthInterceptor(),
        LoggingInterceptor(name: "inner", log: log),
      ],
      clientInterceptors: [TokenInterceptor(token: "lan")])
    let response = try await client.unary(
      EchoService.get, request: Echo("whoami"), responseType: Echo.self)
    #expect(response.message.text == "lan")
    #expect(log.all == ["outer > Get", "inner > Get", "inner < ok", "outer < ok"])

    let anonymous = makeClient(
      serverInterceptors: [LoggingInterceptor(name: "outer", log: log), AuthInterceptor()])
    _ = await expectRPCError(.unauthenticated) {
      _ = try await anonymous.unary(
        EchoService.get, request: Echo("whoami"), responseType: Echo.self)
    }
    #expect(log.all.suffix(2) == ["outer > Get", "outer < UNAUTHENTICATED"])
  }

  @Test func serverBackPressureBoundsBuffering() async throws {
    // The server writes 1,000 messages; the client reads slowly. The server can run ahead
    // only by the channel's watermark, so its memory stays bounded.
    let written = Atomic<Int>(0)
    let descriptor = MethodDescriptor(service: "t.S", method: "Flood", kind: .serverStreaming)
    var router = RPCRouter()
    router.register(
      .serverStreaming(descriptor) {
        (_: Echo, responses: ServerResponseWriter<Echo>, _) in
        for i in 0..<1_000 {
          try await responses.write(Echo("x", number: Int32(i)))
          written.add(1, ordering: .relaxed)
        }
        return [:]
      })
    let client = RPCClient(transport: inProcessTransport(router, watermark: 4))
    try await client.serverStreaming(descriptor, request: Echo(), responseType: Echo.self) {
      responses in
      var read = 0
      for try await _ in responses {
        read += 1
        if read % 100 == 0 {
          try await Task.sleep(for: .milliseconds(5))
          #expect(written.load(ordering: .relaxed) - read <= 6)
        }
      }
      #expect(read == 1_000)
    }
  }
}

@Suite struct RouterTests {
  @Test func registrationAndLookup() {
    var router = RPCRouter()
    router.register(TestEchoService())
    #expect(router.methods.map(\.method) == ["Collect", "Expand", "Get", "Update"])
    #expect(router.serviceNames == [EchoService.name])
    #expect(router.handler(forPath: "/rpccore.test.EchoService/Get")?.descriptor.kind == .unary)
    #expect(router.handler(forPath: "/rpccore.test.EchoService/get") == nil)  // case-sensitive
    #expect(router.handler(forPath: "/Get") == nil)
  }

  @Test func unknownPathIsUnimplementedTrailersOnly() async {
    let router = RPCRouter()
    let sink = RecordingSink()
    await router.handle(
      path: "/x.Y/Z", metadata: [:], deadline: nil, peer: "test", requests: .empty, response: sink)
    #expect(sink.recorded == [.status(RPCRouter.unimplementedStatus(path: "/x.Y/Z"), [:])])
    #expect(RPCRouter.unimplementedStatus(path: "/x.Y/Z").code == .unimplemented)
  }

  func runGet(_ requests: ServerRequestStream) async -> [RPCResponsePart] {
    var router = RPCRouter()
    router.register(TestEchoService())
    let sink = RecordingSink()
    await router.handle(
      path: EchoService.get.path, metadata: [:], deadline: nil, peer: "test",
      requests: requests, response: sink)
    return sink.recorded
  }

  @Test func unaryFastPathSingleMessage() async {
    let parts = await runGet(.single(Echo("a").serializedBytes()))
    #expect(
      parts == [
        .metadata([:]), .message(Echo("A", number: 1).serializedBytes()), .status(.ok, [:]),
      ])
  }

  @Test func undecodableRequestIsInvalidArgument() async {
    let parts = await runGet(.single([0xFF]))
    guard case .status(let status, _)? = parts.last else {
      Issue.record("no status")
      return
    }
    #expect(status.code == .invalidArgument)
    #expect(parts.count == 1)  // trailers-only
  }

  @Test func unaryNeedsExactlyOneMessage() async {
    let none = await runGet(.empty)
    #expect(none.count == 1)
    if case .status(let status, _)? = none.first { #expect(status.code == .internal) }

    let channel = RPCMessageChannel<[UInt8]>()
    channel.yield(Echo("a").serializedBytes())
    channel.yield(Echo("b").serializedBytes())
    channel.finish()
    let two = await runGet(.channel(channel))
    #expect(two.count == 1)
    if case .status(let status, _)? = two.first { #expect(status.code == .internal) }
  }

  @Test func inboundErrorBecomesTheStatus() async {
    let channel = RPCMessageChannel<[UInt8]>()
    channel.finish(throwing: RPCError(code: .resourceExhausted, message: "too big"))
    var router = RPCRouter()
    router.register(TestEchoService())
    let sink = RecordingSink()
    await router.handle(
      path: EchoService.collect.path, metadata: [:], deadline: nil, peer: "test",
      requests: .channel(channel), response: sink)
    #expect(
      sink.recorded == [.status(RPCStatus(code: .resourceExhausted, message: "too big"), [:])])
  }
}

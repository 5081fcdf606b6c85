import InteropAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import Synchronization

/// The methods of the probe service, one per call kind. Messages are `Payload`s whose body is
/// a command in UTF-8 (or zeros for the size tests).
enum Probe {
  static let service = "inproc.test.Probe"
  static let unary = MethodDescriptor(service: service, method: "Unary", kind: .unary)
  static let collect = MethodDescriptor(service: service, method: "Collect", kind: .clientStreaming)
  static let expand = MethodDescriptor(service: service, method: "Expand", kind: .serverStreaming)
  static let chat = MethodDescriptor(
    service: service, method: "Chat", kind: .bidirectionalStreaming)
}

extension Payload {
  init(_ text: String) { self.init(body: Array(text.utf8)) }
  var text: String { String(decoding: body, as: UTF8.self) }
}

/// A probe service and what its handlers observed.
final class Fixture: Sendable {
  /// The contexts handlers were called with.
  let contexts = Mutex<[ServerContext]>([])
  /// The compressed flag of every request message (streamed ones per message, single ones
  /// from the context).
  let flags = Mutex<[Bool]>([])
  /// Messages the streaming handlers finished writing.
  let written = Atomic<Int>(0)
  /// Messages `Collect` read.
  let read = Atomic<Int>(0)
  /// What handlers report: "cancelled <method>", "stalled", "started <method>".
  let events: AsyncStream<String>
  private let emit: AsyncStream<String>.Continuation
  let gate = Gate()

  init() {
    (events, emit) = AsyncStream.makeStream(of: String.self)
  }

  /// Waits for `event` from a handler.
  func expect(_ event: String) async {
    for await next in events where next == event { return }
  }

  var router: RPCRouter {
    var router = RPCRouter()
    router.register(handlers)
    return router
  }

  private func record(_ context: ServerContext) {
    contexts.withLock { $0.append(context) }
  }

  /// Runs `body`; reports the method's cancellation if it ends that way.
  private func reporting<T>(
    _ context: ServerContext, _ body: () async throws -> T
  ) async throws -> T {
    do {
      return try await body()
    } catch {
      if Task.isCancelled { emit.yield("cancelled \(context.descriptor.method)") }
      throw error
    }
  }

  private var handlers: [ServerMethodHandler] {
    [
      .unary(Probe.unary) { [self] (request: Payload, context) in
        record(context)
        flags.withLock { $0.append(context.requestMessageCompressed) }
        return try await reporting(context) {
          switch request.text {
          case "sleep":
            emit.yield("started Unary")
            try await Task.sleep(for: .seconds(30))
          case "hold":
            emit.yield("started Unary")
            await gate.wait()
            return ServerResponse(Payload("held"))
          case "fail":
            throw RPCError(
              code: .notFound, message: "nope", metadata: ["x-why": "test", "grpc-x": "no"])
          case let text where text.hasPrefix("big:"):
            let size = Int(text.dropFirst(4)) ?? 0
            return ServerResponse(Payload(body: [UInt8](repeating: 0, count: size)))
          default:
            break
          }
          var headers: Metadata = ["grpc-internal": "dropped", "content-type": "dropped"]
          if let echo = context.metadata["x-echo"] { headers.addString(echo, forKey: "x-echo") }
          var trailers: Metadata = ["grpc-status": "13", "te": "dropped"]
          for bytes in context.metadata.binaryValues(forKey: "x-echo-bin") {
            trailers.addBinary(bytes, forKey: "x-echo-bin")
          }
          return ServerResponse(request, metadata: headers, trailers: trailers)
        }
      },
      .clientStreaming(Probe.collect) { [self] (requests: RequestStream<Payload>, context) in
        record(context)
        return try await reporting(context) {
          var texts: [String] = []
          var iterator = requests.makeAsyncIterator()
          while let request = try await iterator.next() {
            let compressed = iterator.lastMessageCompressed
            flags.withLock { $0.append(compressed) }
            read.add(1, ordering: .relaxed)
            if request.text == "stall" {
              emit.yield("stalled")
              await gate.wait()
            }
            texts.append(request.text)
          }
          return ServerResponse(Payload(texts.joined(separator: ",")))
        }
      },
      .serverStreaming(Probe.expand) {
        [self] (request: Payload, responses: ServerResponseWriter<Payload>, context) in
        record(context)
        return try await reporting(context) {
          let parts = request.text.split(separator: ":")
          let count = Int(parts.first ?? "") ?? 0
          for i in 0..<count {
            try await responses.write(Payload("\(i)"))
            written.add(1, ordering: .relaxed)
          }
          switch parts.dropFirst().first {
          case "fail": throw RPCError(code: .aborted, message: "after \(count)")
          case "sleep":
            emit.yield("started Expand")
            try await Task.sleep(for: .seconds(30))
          default: break
          }
          return ["x-sent": "\(count)"]
        }
      },
      .bidirectionalStreaming(Probe.chat) {
        [self] (requests: RequestStream<Payload>, responses: ServerResponseWriter<Payload>, context)
        in
        record(context)
        return try await reporting(context) {
          var count = 0
          for try await request in requests {
            count += 1
            emit.yield("got \(request.text)")
            try await responses.write(Payload(request.text.uppercased()))
          }
          return ["x-count": "\(count)"]
        }
      },
    ]
  }
}

extension RPCRouter {
  mutating func register(_ handlers: [ServerMethodHandler]) {
    for handler in handlers { register(handler) }
  }
}

/// An in-process client to `fixture`'s service.
func makeClient(
  _ fixture: Fixture, configure: (inout InProcessTransport.Configuration) -> Void = { _ in }
) -> RPCClient {
  var configuration = InProcessTransport.Configuration()
  configure(&configuration)
  return RPCClient(
    transport: InProcessTransport(serving: fixture.router, configuration: configuration).client)
}


/// `Payload(text)` serialized by hand (field 2, length-delimited; short texts only), for the
/// tests that write raw streams.
func payloadBytes(_ text: String) -> [UInt8] {
  let body = Array(text.utf8)
  precondition(body.count < 128)
  return [0x12, UInt8(body.count)] + body
}

/// A counter child tasks can share.
final class Counter: Sendable {
  private let atomic = Atomic<Int>(0)
  func increment() { atomic.add(1, ordering: .relaxed) }
  var value: Int { atomic.load(ordering: .relaxed) }
}

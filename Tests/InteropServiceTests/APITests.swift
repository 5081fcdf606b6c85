import InteropAPI
import InteropService
import ProtoWire
import RPCCore
import RPCTestSupport
import Testing

/// The hand-written contract (descriptors, handlers) and the RPCCore plumbing that carries a
/// request's compressed flag from the wire to the handler.
struct APITests {
  @Test func descriptorsMatchTheProto() {
    let expected: [(String, MethodDescriptor.Kind)] = [
      ("EmptyCall", .unary), ("UnaryCall", .unary), ("CacheableUnaryCall", .unary),
      ("StreamingOutputCall", .serverStreaming), ("StreamingInputCall", .clientStreaming),
      ("FullDuplexCall", .bidirectionalStreaming), ("HalfDuplexCall", .bidirectionalStreaming),
      ("UnimplementedCall", .unary),
    ]
    #expect(TestService.descriptors.map(\.method) == expected.map(\.0))
    #expect(TestService.descriptors.map(\.kind) == expected.map(\.1))
    #expect(TestService.descriptors.allSatisfy { $0.service == "grpc.testing.TestService" })
    #expect(TestService.Method.unaryCall.path == "/grpc.testing.TestService/UnaryCall")
    #expect(
      UnimplementedService.descriptors.map(\.path)
        == ["/grpc.testing.UnimplementedService/UnimplementedCall"])
  }

  @Test func methodHandlersCoverEveryDescriptorOnce() {
    let handlers = InteropTestService().methodHandlers
    #expect(handlers.map(\.descriptor) == TestService.descriptors)

    var router = RPCRouter()
    router.register(InteropTestService())
    #expect(router.serviceNames == ["grpc.testing.TestService"])
    #expect(router.methods.count == 8)
    #expect(router.handler(forPath: UnimplementedService.Method.unimplementedCall.path) == nil)
  }

  /// The unary fast path (`.single`) hands the flag to the handler through the context.
  @Test(arguments: [true, false])
  func singleRequestCompressedFlagReachesTheHandler(compressed: Bool) async {
    var request = SimpleRequest()
    request.expectCompressed = BoolValue(true)
    request.responseSize = 1
    var router = RPCRouter()
    router.register(InteropTestService())
    let sink = RecordingSink()
    await router.handle(
      path: TestService.Method.unaryCall.path, metadata: [:], deadline: nil, peer: "test",
      requests: .single(request.serializedBytes(), compressed: compressed), response: sink)
    guard case .status(let status, _)? = sink.recorded.last else {
      Issue.record("no status")
      return
    }
    #expect(status.code == (compressed ? .ok : .invalidArgument))
  }

  /// The deframer reports each message's flag, as the HTTP/2 transport will pass it on.
  @Test func deframerReportsTheCompressedFlag() throws {
    let framer = MessageFramer(compression: .gzip)
    var bytes = try framer.frame(zeros(100), compress: true)
    bytes += try framer.frame([1, 2, 3], compress: false)
    var deframer = MessageDeframer(compression: .gzip)
    var flags: [Bool] = []
    var messages: [[UInt8]] = []
    try bytes.withUnsafeBytes { raw in
      var chunk = raw
      while let message = try deframer.next(from: &chunk) {
        messages.append(message)
        flags.append(deframer.lastMessageCompressed)
      }
    }
    #expect(messages == [zeros(100), [1, 2, 3]])
    #expect(flags == [true, false])
  }

  /// A transport still on the plain channel reports every message as uncompressed.
  @Test func plainChannelMessagesCountAsUncompressed() async throws {
    let channel = RPCMessageChannel<[UInt8]>()
    channel.yield([1])
    channel.finish()
    var iterator = ServerRequestStream.channel(channel).makeAsyncIterator()
    #expect(try await iterator.next() == [1])
    #expect(iterator.lastMessageCompressed == false)
  }
}

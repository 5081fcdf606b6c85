import InteropAPI
import InteropService
import ProtoWire
import RPCCore
import RPCInProcess
import RPCTestSupport
import Testing

/// The unary server features of doc/interop-test-descriptions.md, through the typed client,
/// the router and `methodHandlers`.
struct UnaryCallTests {
  /// The request of large_unary and its variants.
  static func largeUnaryRequest() -> SimpleRequest {
    var request = SimpleRequest()
    request.responseSize = 314_159
    request.payload = Payload(body: zeros(271_828))
    return request
  }

  @Test func emptyUnary() async throws {
    let (client, log) = makeInteropClient()
    let response = try await client.emptyCall()
    #expect(response.message == Empty())
    #expect(response.message.serializedBytes().isEmpty)
    #expect(log.all.last == .status(.ok))
  }

  @Test func largeUnary() async throws {
    let (client, log) = makeInteropClient()
    let response = try await client.unaryCall(Self.largeUnaryRequest())
    #expect(response.message.payload?.body == zeros(314_159))
    #expect(response.message.payload?.type == .compressable)
    // CompressedResponse: not asked, not compressed.
    #expect(log.responseCompression == [false])
  }

  @Test func zeroResponseSizeGivesAnEmptyPayload() async throws {
    let (client, _) = makeInteropClient()
    let response = try await client.unaryCall(SimpleRequest())
    #expect(response.message.payload?.body == [])
  }

  @Test("payloads shared between calls of one size still have each call's size, all zeros")
  func repeatedAndChangingSizes() async throws {
    let (client, _) = makeInteropClient()
    // The service keeps the last size's zeros (up to 64 KiB) for the next call of that size.
    for size in [4096, 4096, 10, 4096, 65_536, 65_537, 65_537, 0, 10] {
      var request = SimpleRequest()
      request.responseSize = Int32(size)
      let response = try await client.unaryCall(request)
      #expect(response.message.payload?.body == zeros(size), "size \(size)")
    }
  }

  @Test(arguments: [true, false])
  func serverCompressedUnary(compressed: Bool) async throws {
    let (client, log) = makeInteropClient()
    var request = Self.largeUnaryRequest()
    request.responseCompressed = BoolValue(compressed)
    let response = try await client.unaryCall(request)
    #expect(response.message.payload?.body.count == 314_159)
    #expect(log.responseCompression == [compressed])
  }

  @Test func clientCompressedUnary() async throws {
    let (client, _) = makeInteropClient()
    var request = Self.largeUnaryRequest()
    request.expectCompressed = BoolValue(true)

    // 1. The feature probe: uncompressed, but claims to be compressed.
    let probe = await rpcError { _ = try await client.unaryCall(request) }
    #expect(probe?.code == .invalidArgument)

    // 2. Compressed, expect_compressed = true.
    let compressed = try await client.unaryCall(
      request, options: CallOptions(compression: .gzip))
    #expect(compressed.message.payload?.body.count == 314_159)

    // 3. Uncompressed, expect_compressed = false.
    request.expectCompressed = BoolValue(false)
    let uncompressed = try await client.unaryCall(request)
    #expect(uncompressed.message.payload?.body.count == 314_159)
  }

  @Test(arguments: [
    "test status message",
    "\t\ntest with whitespace\r\nand Unicode BMP \u{263A} and non-BMP \u{1F608}\t\n",
  ])
  func statusCodeAndMessage(message: String) async {
    let (client, _) = makeInteropClient()
    var request = SimpleRequest()
    request.responseStatus = EchoStatus(code: 2, message: message)
    let error = await rpcError { _ = try await client.unaryCall(request) }
    #expect(error?.code == .unknown)
    #expect(error?.message == message)
  }

  @Test func okResponseStatusIsNoError() async throws {
    let (client, _) = makeInteropClient()
    var request = SimpleRequest()
    request.responseSize = 3
    request.responseStatus = EchoStatus(code: 0, message: "ignored")
    let response = try await client.unaryCall(request)
    #expect(response.message.payload?.body == zeros(3))
  }

  @Test func everyStatusCodeIsEchoed() async {
    let (client, _) = makeInteropClient()
    for code in RPCStatus.Code.allCases where code != .ok {
      var request = SimpleRequest()
      request.responseStatus = EchoStatus(code: Int32(code.rawValue), message: "code \(code)")
      let error = await rpcError { _ = try await client.unaryCall(request) }
      #expect(error?.code == code)
      #expect(error?.message == "code \(code)")
    }
  }

  @Test func customMetadataUnary() async throws {
    let (client, _) = makeInteropClient()
    let metadata: Metadata = [
      "x-grpc-test-echo-initial": "test_initial_metadata_value",
      "x-grpc-test-echo-trailing-bin": .binary([0xAB, 0xAB, 0xAB]),
      "x-not-echoed": "no",
    ]
    let response = try await client.unaryCall(Self.largeUnaryRequest(), metadata: metadata)
    #expect(response.metadata["x-grpc-test-echo-initial"] == "test_initial_metadata_value")
    #expect(
      response.trailers.binaryValues(forKey: "x-grpc-test-echo-trailing-bin") == [
        [0xAB, 0xAB, 0xAB]
      ])
    #expect(!response.metadata.contains(key: "x-grpc-test-echo-trailing-bin"))
    #expect(!response.trailers.contains(key: "x-grpc-test-echo-initial"))
    #expect(!response.metadata.contains(key: "x-not-echoed"))
    #expect(!response.trailers.contains(key: "x-not-echoed"))
  }

  @Test func echoedTrailersCarryTheEchoedStatus() async {
    let (client, _) = makeInteropClient()
    var request = SimpleRequest()
    request.responseStatus = EchoStatus(code: 5, message: "gone")
    let error = await rpcError {
      _ = try await client.unaryCall(
        request, metadata: ["x-grpc-test-echo-trailing-bin": .binary([1, 2])])
    }
    #expect(error?.code == .notFound)
    #expect(error?.metadata.binaryValues(forKey: "x-grpc-test-echo-trailing-bin") == [[1, 2]])
  }

  @Test func unsupportedResponseTypeIsInvalidArgument() async {
    let (client, _) = makeInteropClient()
    var request = SimpleRequest()
    request.responseType = PayloadType(rawValue: 1)  // UNCOMPRESSABLE, no longer in the proto
    let error = await rpcError { _ = try await client.unaryCall(request) }
    #expect(error?.code == .invalidArgument)
  }

  @Test func negativeOrHugeSizesAreInvalidArgument() async {
    let (client, _) = makeInteropClient()
    for size: Int32 in [-1, .max] {
      var request = SimpleRequest()
      request.responseSize = size
      let error = await rpcError { _ = try await client.unaryCall(request) }
      #expect(error?.code == .invalidArgument)
    }
  }

  @Test func cacheableUnaryCall() async throws {
    let (client, _) = makeInteropClient()
    let first = try await client.cacheableUnaryCall(SimpleRequest())
    let second = try await client.cacheableUnaryCall(SimpleRequest())
    #expect(first.metadata["cache-control"] == "max-age=60, public")
    let body = first.message.payload?.body ?? []
    #expect(!body.isEmpty && body.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    #expect(first.message.payload != second.message.payload)
  }

  @Test func unimplementedMethod() async {
    let (client, _) = makeInteropClient()
    let error = await rpcError { _ = try await client.unimplementedCall() }
    #expect(error?.code == .unimplemented)
  }

  @Test func unimplementedService() async {
    var router = RPCRouter()
    router.register(InteropTestService())
    let client = UnimplementedServiceClient(
      RPCClient(transport: InProcessTransport(serving: router).client))
    let error = await rpcError { _ = try await client.unimplementedCall() }
    #expect(error?.code == .unimplemented)
  }
}

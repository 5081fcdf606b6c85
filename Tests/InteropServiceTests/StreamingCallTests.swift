import InteropAPI
import InteropService
import RPCCore
import RPCTestSupport
import Testing

/// The streaming server features of doc/interop-test-descriptions.md.
struct StreamingCallTests {
  static func outputRequest(
    sizes: [Int32], payload: Int = 0, compressed: [Bool]? = nil
  ) -> StreamingOutputCallRequest {
    var request = StreamingOutputCallRequest()
    request.responseParameters = sizes.enumerated().map { index, size in
      ResponseParameters(size: size, compressed: compressed.map { BoolValue($0[index]) })
    }
    if payload > 0 { request.payload = Payload(body: zeros(payload)) }
    return request
  }

  static func collectSizes(
    _ responses: ClientResponseStream<StreamingOutputCallResponse>
  ) async throws -> [Int] {
    var sizes: [Int] = []
    for try await response in responses {
      #expect(response.payload?.body.allSatisfy { $0 == 0 } == true)
      sizes.append(response.payload?.body.count ?? -1)
    }
    return sizes
  }

  // MARK: StreamingOutputCall

  @Test func serverStreaming() async throws {
    let (client, log) = makeInteropClient()
    let sizes = try await client.streamingOutputCall(
      Self.outputRequest(sizes: [31415, 9, 2653, 58979]), onResponse: Self.collectSizes)
    #expect(sizes == [31415, 9, 2653, 58979])
    #expect(log.responseCompression == [false, false, false, false])
    #expect(log.all.last == .status(.ok))
  }

  @Test func serverCompressedStreaming() async throws {
    let (client, log) = makeInteropClient()
    let sizes = try await client.streamingOutputCall(
      Self.outputRequest(sizes: [31415, 92653], compressed: [true, false]),
      onResponse: Self.collectSizes)
    #expect(sizes == [31415, 92653])
    #expect(log.responseCompression == [true, false])
  }

  @Test func intervalsAccumulate() async throws {
    let (client, _) = makeInteropClient()
    var request = StreamingOutputCallRequest()
    request.responseParameters = (0..<3).map { _ in ResponseParameters(size: 1, intervalUs: 50_000)
    }
    let clock = ContinuousClock()
    let start = clock.now
    let arrivals = try await client.streamingOutputCall(request) { responses in
      var arrivals: [Duration] = []
      for try await _ in responses { arrivals.append(start.duration(to: clock.now)) }
      return arrivals
    }
    #expect(arrivals.count == 3)
    for (index, arrival) in arrivals.enumerated() {
      #expect(arrival >= .milliseconds(50 * (index + 1)), "response \(index) at \(arrival)")
    }
  }

  @Test func streamingOutputEchoesStatusAfterNoResponses() async {
    let (client, log) = makeInteropClient()
    var request = Self.outputRequest(sizes: [10, 10])
    request.responseStatus = EchoStatus(code: 9, message: "nope")
    let error = await rpcError {
      _ = try await client.streamingOutputCall(request, onResponse: Self.collectSizes)
    }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message == "nope")
    #expect(log.responseCompression.isEmpty)
  }

  @Test func streamingOutputEchoesMetadata() async throws {
    let (client, _) = makeInteropClient()
    let metadata: Metadata = [
      "x-grpc-test-echo-initial": "v", "x-grpc-test-echo-trailing-bin": .binary([0xAB]),
    ]
    let (headers, trailers) = try await client.streamingOutputCall(
      Self.outputRequest(sizes: []), metadata: metadata
    ) { responses in
      let headers = try await responses.initialMetadata()
      for try await _ in responses {}
      return (headers, responses.trailers)
    }
    #expect(headers["x-grpc-test-echo-initial"] == "v")
    #expect(trailers?.binaryValues(forKey: "x-grpc-test-echo-trailing-bin") == [[0xAB]])
  }

  // MARK: StreamingInputCall

  @Test func clientStreaming() async throws {
    let (client, _) = makeInteropClient()
    let response = try await client.streamingInputCall { writer in
      for size in [27182, 8, 1828, 45904] {
        var request = StreamingInputCallRequest()
        request.payload = Payload(body: zeros(size))
        try await writer.write(request)
      }
    }
    #expect(response.message.aggregatedPayloadSize == 74922)
  }

  @Test func clientStreamingWithNoMessages() async throws {
    let (client, _) = makeInteropClient()
    let response = try await client.streamingInputCall { _ in }
    #expect(response.message.aggregatedPayloadSize == 0)
  }

  @Test func clientCompressedStreaming() async throws {
    let (client, _) = makeInteropClient()
    var first = StreamingInputCallRequest()
    first.expectCompressed = BoolValue(true)
    first.payload = Payload(body: zeros(27182))
    var second = StreamingInputCallRequest()
    second.expectCompressed = BoolValue(false)
    second.payload = Payload(body: zeros(45904))

    // 1. The feature probe: one uncompressed message claiming to be compressed.
    let probe = await rpcError {
      _ = try await client.streamingInputCall { try await $0.write(first) }
    }
    #expect(probe?.code == .invalidArgument)

    // 2. The first message compressed, the second not, on one call.
    let response = try await client.streamingInputCall(
      options: CallOptions(compression: .gzip)
    ) { writer in
      try await writer.write(first, compress: true)
      try await writer.write(second, compress: false)
    }
    #expect(response.message.aggregatedPayloadSize == 73086)
  }

  @Test func compressedCheckIsPerMessage() async {
    let (client, _) = makeInteropClient()
    var request = StreamingInputCallRequest()
    request.expectCompressed = BoolValue(true)
    // Call compression on, but the second message is sent uncompressed: that one fails.
    let error = await rpcError {
      _ = try await client.streamingInputCall(options: CallOptions(compression: .gzip)) {
        writer in
        try await writer.write(request, compress: true)
        try await writer.write(request, compress: false)
      }
    }
    #expect(error?.code == .invalidArgument)
  }

  // MARK: FullDuplexCall

  @Test func pingPong() async throws {
    let (client, _) = makeInteropClient()
    let pairs: [(request: Int, response: Int32)] = [
      (27182, 31415), (8, 9), (1828, 2653), (45904, 58979),
    ]
    let sizes = try await client.fullDuplexCall { writer, responses in
      var sizes: [Int] = []
      for pair in pairs {
        try await writer.write(Self.outputRequest(sizes: [pair.response], payload: pair.request))
        let response = try await responses.next()
        sizes.append(response?.payload?.body.count ?? -1)
      }
      await writer.finish()
      #expect(try await responses.next() == nil)
      #expect(responses.status == .ok)
      return sizes
    }
    #expect(sizes == [31415, 9, 2653, 58979])
  }

  @Test func emptyStream() async throws {
    let (client, _) = makeInteropClient()
    let count = try await client.fullDuplexCall { writer, responses in
      await writer.finish()
      var count = 0
      for try await _ in responses { count += 1 }
      return count
    }
    #expect(count == 0)
  }

  @Test func customMetadataFullDuplex() async throws {
    let (client, _) = makeInteropClient()
    let metadata: Metadata = [
      "x-grpc-test-echo-initial": "test_initial_metadata_value",
      "x-grpc-test-echo-trailing-bin": .binary([0xAB, 0xAB, 0xAB]),
    ]
    let (headers, sizes, trailers) = try await client.fullDuplexCall(metadata: metadata) {
      writer, responses in
      try await writer.write(Self.outputRequest(sizes: [314_159], payload: 271_828))
      await writer.finish()
      let headers = try await responses.initialMetadata()
      let sizes = try await Self.collectSizes(responses)
      return (headers, sizes, responses.trailers)
    }
    #expect(headers["x-grpc-test-echo-initial"] == "test_initial_metadata_value")
    #expect(sizes == [314_159])
    #expect(
      trailers?.binaryValues(forKey: "x-grpc-test-echo-trailing-bin") == [[0xAB, 0xAB, 0xAB]])
  }

  @Test func echoedHeadersComeBeforeAnyRequest() async throws {
    let (client, _) = makeInteropClient()
    let headers = try await client.fullDuplexCall(
      metadata: ["x-grpc-test-echo-initial": "early"]
    ) { writer, responses in
      let headers = try await responses.initialMetadata()  // nothing written yet
      await writer.finish()
      for try await _ in responses {}
      return headers
    }
    #expect(headers["x-grpc-test-echo-initial"] == "early")
  }

  @Test func statusCodeAndMessageFullDuplex() async {
    let (client, _) = makeInteropClient()
    var request = StreamingOutputCallRequest()
    request.responseStatus = EchoStatus(code: 2, message: "test status message")
    let error = await rpcError {
      try await client.fullDuplexCall { writer, responses in
        try await writer.write(request)
        await writer.finish()
        for try await _ in responses {}
      }
    }
    #expect(error?.code == .unknown)
    #expect(error?.message == "test status message")
  }

  @Test func statusEchoStopsProcessingLaterRequests() async {
    let (client, log) = makeInteropClient()
    var failing = Self.outputRequest(sizes: [5])
    failing.responseStatus = EchoStatus(code: 10, message: "stop")
    let error = await rpcError {
      try await client.fullDuplexCall { writer, responses in
        try await writer.write(Self.outputRequest(sizes: [1]))
        try await writer.write(failing)
        try await writer.write(Self.outputRequest(sizes: [1]))
        await writer.finish()
        for try await _ in responses {}
      }
    }
    #expect(error?.code == .aborted)
    #expect(log.responseCompression.count == 1)  // only the first request was answered
  }

  @Test func timeoutOnSleepingServer() async {
    let (client, _) = makeInteropClient()
    let error = await rpcError {
      try await client.fullDuplexCall(options: CallOptions(timeout: .milliseconds(1))) {
        writer, responses in
        try await writer.write(Self.outputRequest(sizes: [], payload: 27182))
        for try await _ in responses {}
      }
    }
    #expect(error?.code == .deadlineExceeded)
  }

  // MARK: HalfDuplexCall

  @Test func halfDuplexAnswersAfterHalfCloseInOrder() async throws {
    let (client, log) = makeInteropClient()
    let sizes = try await client.halfDuplexCall { writer, responses in
      for group: [Int32] in [[31415, 9], [2653], [58979]] {
        try await writer.write(Self.outputRequest(sizes: group))
      }
      await writer.finish()
      return try await Self.collectSizes(responses)
    }
    #expect(sizes == [31415, 9, 2653, 58979])
    let events = log.all
    let end = try #require(events.firstIndex(of: .requestEnd))
    let firstResponse = try #require(
      events.firstIndex { if case .responseMessage = $0 { true } else { false } })
    #expect(end < firstResponse)
  }

  @Test func halfDuplexFailsBeforeAnsweringWhenAnyRequestAsksForAStatus() async {
    let (client, log) = makeInteropClient()
    var failing = StreamingOutputCallRequest()
    failing.responseStatus = EchoStatus(code: 3, message: "bad")
    let error = await rpcError {
      try await client.halfDuplexCall { writer, responses in
        try await writer.write(Self.outputRequest(sizes: [1, 2]))
        try await writer.write(failing)
        await writer.finish()
        for try await _ in responses {}
      }
    }
    #expect(error?.code == .invalidArgument)
    #expect(log.responseCompression.isEmpty)
  }
}

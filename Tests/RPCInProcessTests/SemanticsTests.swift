import InteropAPI
import RPCCore
import RPCInProcess
import Synchronization
import RPCTestSupport
import Testing

/// Deadlines, cancellation, back-pressure, size limits and the compressed flag.
@Suite(.timeLimit(.minutes(1)))
struct SemanticsTests {
  // MARK: Deadlines

  @Test func deadlineEndsTheCallAndCancelsTheHandler() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let start = ContinuousClock.now
    let error = await rpcError {
      _ = try await client.unary(
        Probe.unary, request: Payload("sleep"), options: CallOptions(timeout: .milliseconds(50)),
        responseType: Payload.self)
    }
    #expect(error?.code == .deadlineExceeded)
    // Well before the handler's 30 s sleep would end; generous because a loaded machine has
    // stalled this process for over 10 s.
    #expect(ContinuousClock.now - start < .seconds(25))
    await fixture.expect("cancelled Unary")
  }

  @Test func deadlineAfterSomeStreamedMessages() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let received = Mutex(0)
    let error = await rpcError {
      try await client.serverStreaming(
        Probe.expand, request: Payload("2:sleep"), options: CallOptions(timeout: .milliseconds(50)),
        responseType: Payload.self
      ) { responses in
        for try await _ in responses { received.withLock { $0 += 1 } }
      }
    }
    #expect(error?.code == .deadlineExceeded)
    #expect(received.withLock { $0 } == 2)
    await fixture.expect("cancelled Expand")
  }

  @Test func pastDeadlineNeverReachesTheServer() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let error = await rpcError {
      _ = try await client.unary(
        Probe.unary, request: Payload("x"),
        options: CallOptions(deadline: .now.advanced(by: .milliseconds(-1))),
        responseType: Payload.self)
    }
    #expect(error?.code == .deadlineExceeded)
    #expect(fixture.contexts.withLock { $0.isEmpty })
  }

  // MARK: Cancellation

  @Test func bodyReturningEarlyCancelsTheHandler() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let first = try await client.serverStreaming(
      Probe.expand, request: Payload("1:sleep"), responseType: Payload.self
    ) { responses in
      try await responses.next()?.text
    }
    #expect(first == "0")
    await fixture.expect("cancelled Expand")
  }

  @Test func bidirectionalBodyReturningEarlyCancelsTheHandler() async throws {
    // Raw stream: `RPCClient.bidirectional` would half-close when its body returns.
    let fixture = Fixture()
    let transport = InProcessTransport(serving: fixture.router)
    try await transport.client.withStream(context: ClientContext(descriptor: Probe.chat)) {
      stream in
      try await stream.requests.writeMessage(payloadBytes("one"), compress: false)
      var parts: [RPCResponsePart] = []
      while parts.count < 2, let part = try await stream.responses.next() { parts.append(part) }
      #expect(parts == [.metadata([:]), .message(payloadBytes("ONE"))])
      // Return without half-closing: the handler is still waiting for requests.
    }
    await fixture.expect("cancelled Chat")
  }

  @Test func cancellingTheCallersTaskCancelsTheHandler() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let call = Task {
      try await client.unary(Probe.unary, request: Payload("sleep"), responseType: Payload.self)
    }
    await fixture.expect("started Unary")
    call.cancel()
    await fixture.expect("cancelled Unary")
    let result = await call.result
    #expect(throws: (any Error).self) { try result.get() }
  }

  // MARK: Back-pressure

  @Test func aSlowClientHoldsTheHandlerBack() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture) { $0.messageBufferSize = 4 }
    try await client.serverStreaming(
      Probe.expand, request: Payload("1000"), responseType: Payload.self
    ) { responses in
      var read = 0
      for try await _ in responses {
        read += 1
        if read % 100 == 0 {
          try await Task.sleep(for: .milliseconds(5))
          #expect(fixture.written.load(ordering: .relaxed) - read <= 5)
        }
      }
      #expect(read == 1000)
    }
  }

  @Test func aSlowHandlerHoldsTheClientBack() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture) { $0.messageBufferSize = 4 }
    let sent = Counter()
    let response = try await client.clientStreaming(Probe.collect, responseType: Payload.self) {
      (writer: RPCWriter<Payload>) in
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await writer.write(Payload("stall"))
          sent.increment()
          for i in 0..<100 {
            try await writer.write(Payload("\(i)"))
            sent.increment()
          }
        }
        await fixture.expect("stalled")
        try await Task.sleep(for: .milliseconds(50))
        #expect(sent.value <= 1 + 4)
        #expect(fixture.read.load(ordering: .relaxed) == 1)
        fixture.gate.open()
        try await group.waitForAll()
      }
    }
    #expect(response.message.text.split(separator: ",").count == 101)
  }

  // MARK: Size limits

  @Test func receiveLimitsDefaultTo4MiB() {
    let defaults = InProcessTransport.Configuration.defaults
    #expect(defaults.maxRequestMessageSize == 4 * 1024 * 1024)
    #expect(defaults.maxResponseMessageSize == 4 * 1024 * 1024)
  }

  @Test func oversizedRequestIsResourceExhausted() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture) { $0.maxRequestMessageSize = 1024 }
    let fits = try await client.unary(
      Probe.unary, request: Payload(body: [UInt8](repeating: 0x61, count: 1000)),
      responseType: Payload.self)
    #expect(fits.message.body.count == 1000)
    let error = await rpcError {
      _ = try await client.unary(
        Probe.unary, request: Payload(body: [UInt8](repeating: 0x61, count: 1100)),
        responseType: Payload.self)
    }
    #expect(error?.code == .resourceExhausted)

    let streamed = await rpcError {
      _ = try await client.clientStreaming(Probe.collect, responseType: Payload.self) {
        (writer: RPCWriter<Payload>) in
        try await writer.write(Payload("small"))
        try await writer.write(Payload(body: [UInt8](repeating: 0x61, count: 2000)))
      }
    }
    #expect(streamed?.code == .resourceExhausted)
  }

  @Test func defaultLimitRejectsMoreThan4MiB() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let error = await rpcError {
      _ = try await client.unary(
        Probe.unary, request: Payload(body: [UInt8](repeating: 0, count: 4 * 1024 * 1024)),
        responseType: Payload.self)
    }
    #expect(error?.code == .resourceExhausted)
  }

  @Test func oversizedResponseIsResourceExhausted() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture) { $0.maxResponseMessageSize = 1024 }
    let fits = try await client.unary(
      Probe.unary, request: Payload("big:1000"), responseType: Payload.self)
    #expect(fits.message.body.count == 1000)
    let error = await rpcError {
      _ = try await client.unary(
        Probe.unary, request: Payload("big:1100"), responseType: Payload.self)
    }
    #expect(error?.code == .resourceExhausted)
  }

  // MARK: Compressed flag

  @Test func singleRequestCompressedFlagFollowsTheCallsCompression() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    for compression: CompressionAlgorithm? in [nil, .gzip, .identity, .deflate] {
      _ = try await client.unary(
        Probe.unary, request: Payload("x"), options: CallOptions(compression: compression),
        responseType: Payload.self)
    }
    #expect(fixture.flags.withLock { $0 } == [false, true, false, true])

    let compressing = Fixture()
    let byDefault = makeClient(compressing) { $0.defaultCompression = .gzip }
    _ = try await byDefault.unary(Probe.unary, request: Payload("x"), responseType: Payload.self)
    #expect(compressing.flags.withLock { $0 } == [true])
  }

  @Test func streamedRequestsCarryTheirOwnFlag() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    _ = try await client.clientStreaming(
      Probe.collect, options: CallOptions(compression: .gzip), responseType: Payload.self
    ) { (writer: RPCWriter<Payload>) in
      try await writer.write(Payload("a"), compress: true)
      try await writer.write(Payload("b"), compress: false)
      try await writer.write(Payload("c"))
    }
    _ = try await client.clientStreaming(Probe.collect, responseType: Payload.self) {
      (writer: RPCWriter<Payload>) in
      try await writer.write(Payload("d"), compress: true)
    }
    #expect(fixture.flags.withLock { $0 } == [true, false, true, false])
  }
}

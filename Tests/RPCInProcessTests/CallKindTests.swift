import InteropAPI
import RPCCore
import RPCInProcess
import Synchronization
import RPCTestSupport
import Testing

/// The four call kinds through `InProcessTransport`, with metadata, statuses and the unary
/// request rules.
@Suite(.timeLimit(.minutes(1)))
struct CallKindTests {
  @Test func unary() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let response = try await client.unary(
      Probe.unary, request: Payload("ping"), metadata: ["x-echo": "hi"],
      responseType: Payload.self)
    #expect(response.message.text == "ping")
    #expect(response.metadata["x-echo"] == "hi")
  }

  @Test func unaryErrorCarriesStatusAndTrailers() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let error = await rpcError {
      _ = try await client.unary(Probe.unary, request: Payload("fail"), responseType: Payload.self)
    }
    #expect(error?.code == .notFound)
    #expect(error?.message == "nope")
    #expect(error?.metadata["x-why"] == "test")
    #expect(error?.metadata.contains(key: "grpc-x") == false)
  }

  @Test func immediateErrorIsTrailersOnly() async throws {
    let fixture = Fixture()
    let transport = InProcessTransport(serving: fixture.router)
    let parts = try await transport.client.withStream(
      context: ClientContext(descriptor: Probe.unary)
    ) { stream in
      try await stream.requests.writeMessage(payloadBytes("fail"), compress: false)
      await stream.requests.finish()
      var parts: [RPCResponsePart] = []
      for try await part in stream.responses { parts.append(part) }
      return parts
    }
    #expect(parts.count == 1)
    guard case .status(let status, _)? = parts.first else {
      Issue.record("expected only a status, got \(parts)")
      return
    }
    #expect(status.code == .notFound)
  }

  @Test(arguments: [0, 2])
  func singleRequestMethodsNeedExactlyOneMessage(count: Int) async throws {
    let fixture = Fixture()
    let transport = InProcessTransport(serving: fixture.router)
    for descriptor in [Probe.unary, Probe.expand] {
      let result = try await transport.client.withStream(
        context: ClientContext(descriptor: descriptor)
      ) { stream in
        for _ in 0..<count {
          try await stream.requests.writeMessage(payloadBytes("1"), compress: false)
        }
        await stream.requests.finish()
        return try await ClientUnaryResult.collect(stream.responses)
      }
      #expect(result.status.code == .internal, "\(descriptor.method): \(result.status)")
    }
  }

  @Test func clientStreaming() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let response = try await client.clientStreaming(Probe.collect, responseType: Payload.self) {
      (writer: RPCWriter<Payload>) in
      for i in 1...20 { try await writer.write(Payload("m\(i)")) }
    }
    #expect(response.message.text == (1...20).map { "m\($0)" }.joined(separator: ","))
    let empty = try await client.clientStreaming(Probe.collect, responseType: Payload.self) {
      (_: RPCWriter<Payload>) in
    }
    #expect(empty.message.text == "")
  }

  @Test func serverStreaming() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let (texts, trailers) = try await client.serverStreaming(
      Probe.expand, request: Payload("25"), responseType: Payload.self
    ) { responses in
      var texts: [String] = []
      for try await message in responses { texts.append(message.text) }
      return (texts, responses.trailers)
    }
    #expect(texts == (0..<25).map { "\($0)" })
    #expect(trailers?["x-sent"] == "25")
  }

  @Test func serverStreamingErrorAfterMessages() async {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let received = Mutex(0)
    let error = await rpcError {
      try await client.serverStreaming(
        Probe.expand, request: Payload("3:fail"), responseType: Payload.self
      ) { responses in
        for try await _ in responses { received.withLock { $0 += 1 } }
      }
    }
    #expect(error?.code == .aborted)
    #expect(received.withLock { $0 } == 3)
  }

  @Test func bidirectionalPingPong() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let trailers = try await client.bidirectional(
      Probe.chat, requestType: Payload.self, responseType: Payload.self
    ) { writer, responses in
      var iterator = responses.makeAsyncIterator()
      for i in 1...10 {
        try await writer.write(Payload("ping \(i)"))
        #expect(try await iterator.next()?.text == "PING \(i)")
      }
      await writer.finish()
      #expect(try await iterator.next() == nil)
      return responses.trailers
    }
    #expect(trailers?["x-count"] == "10")
  }

  @Test(arguments: [Probe.unary, Probe.collect, Probe.expand, Probe.chat])
  func unknownMethodIsUnimplemented(known: MethodDescriptor) async {
    let fixture = Fixture()
    let transport = InProcessTransport(serving: fixture.router)
    let missing = MethodDescriptor(service: Probe.service, method: "Nope", kind: known.kind)
    let result = try? await transport.client.unary(
      context: ClientContext(descriptor: missing), request: [], compress: false)
    #expect(result?.status.code == .unimplemented)
    #expect(result?.status.message.contains("/inproc.test.Probe/Nope") == true)
    #expect(fixture.contexts.withLock { $0.isEmpty })
  }
}

/// Metadata crosses as HTTP/2 headers would.
@Suite(.timeLimit(.minutes(1)))
struct MetadataTests {
  @Test func requestMetadataFollowsTheHeaderRules() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture)
    let metadata: Metadata = [
      "x-a": "1",
      "x-echo-bin": .binary([0, 1, 0xFF]),
      "grpc-timeout": "1S",  // reserved
      "te": "trailers",  // reserved
      "content-type": "text/plain",  // reserved
      "x-ctl": "bad\nvalue",  // not valid on the wire
      "x-text-bin": "not binary",  // a string under a -bin key
      "x-binary": .binary([1]),  // bytes under a non-bin key
    ]
    let response = try await client.unary(
      Probe.unary, request: Payload("x"), metadata: metadata, responseType: Payload.self)
    let seen = try #require(fixture.contexts.withLock { $0.first }).metadata
    #expect(seen.map(\.key) == ["x-a", "x-echo-bin"])
    #expect(seen.binaryValues(forKey: "x-echo-bin") == [[0, 1, 0xFF]])

    // The handler's reserved keys do not reach the client either.
    #expect(response.metadata.isEmpty)
    #expect(response.trailers.map(\.key) == ["x-echo-bin"])
    #expect(response.trailers.binaryValues(forKey: "x-echo-bin") == [[0, 1, 0xFF]])
  }

  @Test func peerAndDeadlineReachTheHandler() async throws {
    let fixture = Fixture()
    let client = makeClient(fixture) { $0.peer = "in-process:test" }
    let before = ContinuousClock.now
    _ = try await client.unary(
      Probe.unary, request: Payload("x"), options: CallOptions(timeout: .seconds(10)),
      responseType: Payload.self)
    _ = try await client.unary(Probe.unary, request: Payload("x"), responseType: Payload.self)
    let contexts = fixture.contexts.withLock { $0 }
    #expect(contexts.map(\.peer) == ["in-process:test", "in-process:test"])
    let deadline = try #require(contexts[0].deadline)
    #expect(deadline > before.advanced(by: .seconds(9)))
    #expect(deadline <= ContinuousClock.now.advanced(by: .seconds(10)))
    #expect(contexts[1].deadline == nil)
    #expect(InProcessTransport.Configuration.defaults.peer == "in-process")
  }
}

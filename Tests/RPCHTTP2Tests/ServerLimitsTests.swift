// Server-wide limits: connections beyond `maxConnections` are closed on arrival, and calls
// beyond `maxConcurrentCalls` are answered RESOURCE_EXHAUSTED at once; both recover when load
// drops, and neither touches the calls already admitted.

import InteropAPI
import NIOCore
import NIOPosix
import RPCCore
import Testing

@testable import RPCHTTP2

@Suite("Server limits", .timeLimit(.minutes(1)))
struct ServerLimitsTests {
  /// One echo call on a new connection; the connection stays open for the caller to close.
  private func servedConnection(port: Int, says text: String) async throws -> HTTP2ClientTransport {
    let transport = HTTP2ClientTransport(host: "127.0.0.1", port: port)
    var request = SimpleRequest()
    request.payload = Payload(body: Array(text.utf8))
    let response = try await RPCClient(transport: transport).unary(
      RobustMethods.echo, request: request, responseType: SimpleResponse.self)
    #expect(response.message.username == text)
    return transport
  }

  @Test("a connection beyond maxConnections is closed on arrival; the open ones keep serving")
  func connectionLimit() async throws {
    let server = try await RobustServer.start { $0.maxConnections = 3 }
    var open: [HTTP2ClientTransport] = []
    for i in 0..<3 { open.append(try await servedConnection(port: server.port, says: "c\(i)")) }
    #expect(server.server.connectionCount == 3)

    let extra = try await RawPeer.connect(port: server.port)
    let closed = Flag()
    extra.channel.closeFuture.whenComplete { _ in closed.set() }
    try? await extra.send(RawHTTP2.preface + RawHTTP2.settings())
    #expect(await eventually(.seconds(20)) { closed.isSet }, "the fourth connection was not closed")
    #expect(server.server.refusedConnectionCount == 1)

    // The three admitted connections are untouched.
    for (i, transport) in open.enumerated() {
      var request = SimpleRequest()
      request.payload = Payload(body: Array("again \(i)".utf8))
      let response = try await RPCClient(transport: transport).unary(
        RobustMethods.echo, request: request, responseType: SimpleResponse.self)
      #expect(response.message.username == "again \(i)")
    }

    // One leaves: its slot is free for a newcomer.
    await open.removeLast().close()
    #expect(await eventually(.seconds(20)) { server.server.connectionCount == 2 })
    open.append(try await servedConnection(port: server.port, says: "newcomer"))
    for transport in open { await transport.close() }
    await server.stop()
  }

  @Test("calls beyond maxConcurrentCalls get RESOURCE_EXHAUSTED at once; streams are not counted; it recovers")
  func callLimit() async throws {
    let server = try await RobustServer.start { $0.maxConcurrentCalls = 4 }
    let transport = HTTP2ClientTransport(host: "127.0.0.1", port: server.port)
    let client = RPCClient(transport: transport)

    // Four calls that hold their slots (the handler sleeps 30 s until cancelled).
    let sleepers = (0..<4).map { _ in
      Task {
        try await client.unary(RobustMethods.sleep, request: SimpleRequest(), responseType: SimpleResponse.self)
      }
    }
    #expect(await eventually(.seconds(20)) { server.probe.startedCount == 4 })
    #expect(server.server.runningCallCount == 4)

    // The fifth is shed with a status that says why, without reaching a handler.
    let shedStarted = ContinuousClock.now
    let error = await expectRPCError(.resourceExhausted) {
      _ = try await client.unary(RobustMethods.echo, request: SimpleRequest(), responseType: SimpleResponse.self)
    }
    print("call limit: shed after \(ContinuousClock.now - shedStarted): \(String(describing: error))")
    #expect(error?.message.contains("overloaded") == true)
    #expect(server.server.shedCallCount == 1)
    #expect(server.probe.startedCount == 4)

    // A call that streams its responses does not need a slot.
    var streamRequest = StreamingOutputCallRequest()
    streamRequest.responseParameters = [ResponseParameters()]
    let received = try await client.serverStreaming(
      RobustMethods.flood, request: streamRequest, responseType: StreamingOutputCallResponse.self
    ) { responses in
      var count = 0
      for try await _ in responses { count += 1 }
      return count
    }
    #expect(received == 1)

    // Load drops: the sleepers are cancelled, their slots come back, calls are served again.
    for sleeper in sleepers { sleeper.cancel() }
    for sleeper in sleepers { _ = await sleeper.result }
    #expect(await eventually(.seconds(20)) { server.server.runningCallCount == 0 })
    var request = SimpleRequest()
    request.payload = Payload(body: Array("back".utf8))
    let response = try await client.unary(RobustMethods.echo, request: request, responseType: SimpleResponse.self)
    #expect(response.message.username == "back")
    #expect(server.server.shedCallCount == 1)
    await transport.close()
    await server.stop()
  }
}

import InteropAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import Testing

/// `listen`, graceful shutdown and stopping.
@Suite(.timeLimit(.minutes(1)))
struct LifecycleTests {
  @Test func callsMadeBeforeListenWaitForIt() async throws {
    let fixture = Fixture()
    let transport = InProcessTransport()
    let client = RPCClient(transport: transport.client)
    try await withThrowingTaskGroup(of: Void.self) { group in
      let call = Task {
        try await client.unary(Probe.unary, request: Payload("early"), responseType: Payload.self)
      }
      try await Task.sleep(for: .milliseconds(20))
      group.addTask { try await transport.server.listen(router: fixture.router) }
      #expect(try await call.value.message.text == "early")
      transport.server.beginGracefulShutdown()
      try await group.waitForAll()
    }
  }

  @Test func aWaitingCallKeepsItsDeadline() async {
    let transport = InProcessTransport()
    let client = RPCClient(transport: transport.client)
    let error = await rpcError {
      _ = try await client.unary(
        Probe.unary, request: Payload("x"), options: CallOptions(timeout: .milliseconds(20)),
        responseType: Payload.self)
    }
    #expect(error?.code == .deadlineExceeded)
  }

  @Test func shutdownBeforeListenRefusesWaitingAndNewCalls() async throws {
    let fixture = Fixture()
    let transport = InProcessTransport()
    let client = RPCClient(transport: transport.client)
    let waiting = Task {
      try await client.unary(Probe.unary, request: Payload("x"), responseType: Payload.self)
    }
    try await Task.sleep(for: .milliseconds(20))
    transport.server.beginGracefulShutdown()
    await #expect(throws: RPCError.self) { _ = try await waiting.value }
    let error = await rpcError {
      _ = try await client.unary(Probe.unary, request: Payload("x"), responseType: Payload.self)
    }
    #expect(error?.code == .unavailable)
    try await transport.server.listen(router: fixture.router)  // returns at once
  }

  @Test func gracefulShutdownFinishesInFlightCallsAndRefusesNewOnes() async throws {
    let fixture = Fixture()
    let transport = InProcessTransport()
    let client = RPCClient(transport: transport.client)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await transport.server.listen(router: fixture.router) }
      let held = Task {
        try await client.unary(Probe.unary, request: Payload("hold"), responseType: Payload.self)
      }
      await fixture.expect("started Unary")
      transport.server.beginGracefulShutdown()

      let refused = await rpcError {
        _ = try await client.unary(Probe.unary, request: Payload("x"), responseType: Payload.self)
      }
      #expect(refused?.code == .unavailable)

      fixture.gate.open()
      #expect(try await held.value.message.text == "held")
      try await group.waitForAll()  // listen returned
    }
  }

  @Test func cancellingListenEndsCallsInFlight() async throws {
    let fixture = Fixture()
    let transport = InProcessTransport()
    let client = RPCClient(transport: transport.client)
    let listening = Task { try await transport.server.listen(router: fixture.router) }
    let held = Task {
      try await client.unary(Probe.unary, request: Payload("hold"), responseType: Payload.self)
    }
    await fixture.expect("started Unary")
    listening.cancel()
    try await listening.value
    let error = await rpcError { _ = try await held.value }
    #expect(error?.code == .unavailable)
    fixture.gate.open()
  }

  @Test func listenOnAServingTransportThrows() async {
    let fixture = Fixture()
    let transport = InProcessTransport(serving: fixture.router)
    let error = await rpcError { try await transport.server.listen(router: fixture.router) }
    #expect(error?.code == .failedPrecondition)
  }
}

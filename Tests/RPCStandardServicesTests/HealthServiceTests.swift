import RPCCore
import RPCStandardServices
import Testing

@Suite("grpc.health.v1.Health")
struct HealthServiceTests {
  typealias Status = HealthCheckResponse.ServingStatus

  @Test func descriptors() {
    let health = HealthService()
    #expect(
      health.methodHandlers.map(\.descriptor) == [
        MethodDescriptor(service: "grpc.health.v1.Health", method: "Check", kind: .unary),
        MethodDescriptor(service: "grpc.health.v1.Health", method: "Watch", kind: .serverStreaming),
      ])
    var router = RPCRouter()
    router.register(health)
    #expect(router.serviceNames == ["grpc.health.v1.Health"])
  }

  @Test func table() throws {
    let health = HealthService()
    // The whole server is SERVING by default; nothing else is known.
    #expect(try health.check(HealthCheckRequest(service: "")).status == .serving)
    #expect(health.status(forService: "a.B") == nil)
    #expect(throws: RPCError(code: .notFound, message: "unknown service \"a.B\"")) {
      try health.check(HealthCheckRequest(service: "a.B"))
    }

    health.setStatus(.notServing, forService: "a.B")
    #expect(try health.check(HealthCheckRequest(service: "a.B")).status == .notServing)
    health.setStatus(.serving, forService: "a.B")
    #expect(try health.check(HealthCheckRequest(service: "a.B")).status == .serving)
    health.setStatus(.notServing, forService: "")
    #expect(try health.check(HealthCheckRequest()).status == .notServing)
    // Exact matching only.
    #expect(throws: RPCError.self) { try health.check(HealthCheckRequest(service: "a")) }

    health.clearStatus(forService: "a.B")
    #expect(throws: RPCError.self) { try health.check(HealthCheckRequest(service: "a.B")) }

    let custom = HealthService(statuses: ["x.Y": .serving])
    #expect(throws: RPCError.self) { try custom.check(HealthCheckRequest(service: "")) }
    #expect(try custom.check(HealthCheckRequest(service: "x.Y")).status == .serving)
  }

  @Test func shutdownSetsEverythingNotServingAndFreezes() throws {
    let health = HealthService()
    health.setStatus(.serving, forService: "a.B")
    health.setStatus(.unknown, forService: "c.D")
    health.enterShutdown()
    for service in ["", "a.B", "c.D"] {
      #expect(health.status(forService: service) == .notServing)
    }
    health.setStatus(.serving, forService: "a.B")
    health.setStatus(.serving, forService: "new.Service")
    health.clearStatus(forService: "c.D")
    #expect(health.status(forService: "a.B") == .notServing)
    #expect(health.status(forService: "new.Service") == nil)
    #expect(health.status(forService: "c.D") == .notServing)

    health.resume()
    health.setStatus(.serving, forService: "a.B")
    #expect(health.status(forService: "a.B") == .serving)
  }

  @Test func checkOverTheHandler() async throws {
    let health = HealthService()
    let check = try handler(HealthService.check, of: health)

    let ok = startCall(check, request: HealthCheckRequest(service: ""))
    #expect(try await ok.sink.nextMessage(HealthCheckResponse.self).status == .serving)
    #expect(try await ok.sink.nextStatus() == .ok)

    let missing = startCall(check, request: HealthCheckRequest(service: "no.such.Service"))
    let status = try await missing.sink.nextStatus()
    #expect(status.code == .notFound)
  }

  @Test func watchSendsCurrentStatusThenChangesUntilCancelled() async throws {
    let health = HealthService()
    health.setStatus(.serving, forService: "a.B")
    let call = startCall(
      try handler(HealthService.watch, of: health), request: HealthCheckRequest(service: "a.B"))

    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .serving)
    try await waitFor { health.watcherCount == 1 }
    health.setStatus(.notServing, forService: "a.B")
    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .notServing)
    health.setStatus(.notServing, forService: "a.B")  // no change: nothing sent
    health.setStatus(.serving, forService: "other.Service")  // another service: nothing sent
    health.setStatus(.serving, forService: "a.B")
    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .serving)

    call.task.cancel()
    #expect(try await call.sink.nextStatus().code == .cancelled)
    await call.task.value
    try await waitFor { health.watcherCount == 0 }
  }

  @Test func watchOfAnUnknownServiceStaysOpen() async throws {
    let health = HealthService()
    let call = startCall(
      try handler(HealthService.watch, of: health),
      request: HealthCheckRequest(service: "later.Service"))

    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .serviceUnknown)
    try await waitFor { health.watcherCount == 1 }
    health.setStatus(.serving, forService: "later.Service")
    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .serving)
    health.clearStatus(forService: "later.Service")
    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .serviceUnknown)

    call.task.cancel()
    await call.task.value
    try await waitFor { health.watcherCount == 0 }
  }

  @Test func shutdownEndsWatches() async throws {
    let health = HealthService()
    let whole = startCall(
      try handler(HealthService.watch, of: health), request: HealthCheckRequest())
    let unknown = startCall(
      try handler(HealthService.watch, of: health), request: HealthCheckRequest(service: "u.V"))
    #expect(try await whole.sink.nextMessage(HealthCheckResponse.self).status == .serving)
    #expect(try await unknown.sink.nextMessage(HealthCheckResponse.self).status == .serviceUnknown)
    try await waitFor { health.watcherCount == 2 }

    health.enterShutdown()
    #expect(try await whole.sink.nextMessage(HealthCheckResponse.self).status == .notServing)
    #expect(try await whole.sink.nextStatus() == .ok)
    // Still unknown: no new status to send, the call just ends.
    #expect(try await unknown.sink.nextStatus() == .ok)
    #expect(health.watcherCount == 0)

    // A Watch started during shutdown gets the status and ends.
    let late = startCall(
      try handler(HealthService.watch, of: health), request: HealthCheckRequest())
    #expect(try await late.sink.nextMessage(HealthCheckResponse.self).status == .notServing)
    #expect(try await late.sink.nextStatus() == .ok)
  }

  /// A watcher that does not read keeps only the newest status (bounded memory).
  @Test func slowWatcherGetsLatestStatus() async throws {
    let health = HealthService()
    let call = startCall(
      try handler(HealthService.watch, of: health), request: HealthCheckRequest())
    #expect(try await call.sink.nextMessage(HealthCheckResponse.self).status == .serving)
    try await waitFor { health.watcherCount == 1 }
    for index in 0..<1000 {
      health.setStatus(index.isMultiple(of: 2) ? .notServing : .serving, forService: "")
    }
    health.setStatus(.notServing, forService: "")
    // Whatever was coalesced, the last message is the final status.
    var last: Status? = nil
    while last != .notServing {
      last = try await call.sink.nextMessage(HealthCheckResponse.self).status
    }
    call.task.cancel()
    await call.task.value
  }
}

/// Polls `condition` until it holds (at most ~20 s: a loaded machine stalls for seconds).
func waitFor(_ condition: () -> Bool) async throws {
  for _ in 0..<4000 {
    if condition() { return }
    try await Task.sleep(for: .milliseconds(5))
  }
  throw TestFailure("condition not met in time")
}

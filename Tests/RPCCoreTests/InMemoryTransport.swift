import Synchronization

@testable import RPCCore

/// The server side of an in-memory stream: response parts go straight into the client's
/// channel (with its back-pressure). A stand-in until the RPCInProcess module exists.
final class InMemoryResponseSink: ServerResponseSink {
  let parts: RPCMessageChannel<RPCResponsePart>
  private let headersSent = Mutex(false)

  init(parts: RPCMessageChannel<RPCResponsePart>) { self.parts = parts }

  private func claimHeaders() -> Bool {
    headersSent.withLock { sent in
      defer { sent = true }
      return !sent
    }
  }

  func writeHeaders(_ metadata: Metadata) async throws {
    guard claimHeaders() else {
      throw RPCError(code: .internal, message: "response headers written twice")
    }
    try await parts.send(.metadata(metadata))
  }

  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    if claimHeaders() { try await parts.send(.metadata([:])) }
    guard try await parts.send(.message(message)) else {
      throw RPCError(code: .cancelled, message: "client went away")
    }
  }

  func finish(status: RPCStatus, trailers: Metadata) async {
    parts.yield(.status(status, trailers))
    parts.finish()
  }
}

/// The client side: request messages go into the server's channel.
struct InMemoryRequestSink: ClientRequestSink {
  let channel: RPCMessageChannel<[UInt8]>
  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    try await channel.send(message)
  }
  func finish() async { channel.finish() }
}

/// A client transport that runs each call against a router in the same process, exercising
/// the same seam the HTTP/2 transport will use. Enforces deadlines by cancelling the handler.
struct InMemoryTransport: ClientTransport {
  let router: RPCRouter
  var watermark = 4

  func withStream<Result>(
    context: ClientContext, _ body: (ClientStream) async throws -> Result
  ) async throws -> Result {
    let requests = RPCMessageChannel<[UInt8]>(highWatermark: watermark)
    let responses = RPCMessageChannel<RPCResponsePart>(highWatermark: watermark)
    let sink = InMemoryResponseSink(parts: responses)
    let router = self.router
    let server = Task {
      await router.handle(
        path: context.descriptor.path, metadata: context.metadata, deadline: context.deadline,
        peer: "in-memory", requests: .channel(requests), response: sink)
      requests.cancelConsumer()
    }
    let timer = context.deadline.map { deadline in
      Task {
        try? await Task.sleep(until: deadline, clock: .continuous)
        if !Task.isCancelled { server.cancel() }
      }
    }
    defer {
      timer?.cancel()
      server.cancel()
    }
    return try await body(
      ClientStream(requests: InMemoryRequestSink(channel: requests), responses: responses))
  }
}

/// A sink that records what a handler wrote, for tests that drive handlers directly.
final class RecordingSink: ServerResponseSink {
  let parts = Mutex<[RPCResponsePart]>([])

  var recorded: [RPCResponsePart] { parts.withLock { $0 } }

  func writeHeaders(_ metadata: Metadata) async throws {
    parts.withLock { $0.append(.metadata(metadata)) }
  }
  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    parts.withLock { $0.append(.message(message)) }
  }
  func finish(status: RPCStatus, trailers: Metadata) async {
    parts.withLock { $0.append(.status(status, trailers)) }
  }
}

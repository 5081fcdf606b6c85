public import RPCCore

extension InProcessTransport {
  /// The client half of an `InProcessTransport`: each stream is a call on its `Server`.
  public struct Client: ClientTransport {
    private let server: Server
    private let configuration: Configuration

    init(server: Server, configuration: Configuration) {
      self.server = server
      self.configuration = configuration
    }

    /// Opens a call on the server and runs `body` with it. Throws `DEADLINE_EXCEEDED` for a
    /// deadline already past and `UNAVAILABLE` when the server is shutting down; the call is
    /// cancelled if `body` returns, throws or is cancelled before its status arrived.
    public func withStream<Result>(
      context: ClientContext, _ body: (ClientStream) async throws -> Result
    ) async throws -> Result {
      if let deadline = context.deadline, deadline <= .now {
        throw RPCError(code: .deadlineExceeded, message: "deadline exceeded")
      }
      let (router, id) = try await server.admit(deadline: context.deadline)
      guard let handler = router.handler(forPath: context.descriptor.path) else {
        // Answered at once, trailers-only, without a handler task.
        server.callEnded(id)
        let responses = RPCMessageChannel<RPCResponsePart>(highWatermark: 1)
        responses.yield(.status(RPCRouter.unimplementedStatus(path: context.descriptor.path), [:]))
        responses.finish()
        return try await body(
          ClientStream(
            requests: InProcessRequestSink(call: nil, compresses: false), responses: responses))
      }
      let call = InProcessCall(
        id: id, handler: handler,
        context: ServerContext(
          descriptor: handler.descriptor, metadata: context.metadata.passedThroughHeaders(),
          deadline: context.deadline, peer: configuration.peer),
        interceptors: router.interceptors, configuration: configuration, server: server)
      if server.track(call) {
        call.start()
      } else {
        call.fail(RPCStatus(code: .unavailable, message: "the in-process server stopped"))
      }
      let compression = context.compression ?? configuration.defaultCompression
      let requests = InProcessRequestSink(call: call, compresses: !compression.isIdentity)
      return try await withTaskCancellationHandler {
        defer {
          call.fail(
            RPCStatus(code: .cancelled, message: "the call's body returned before its status"))
        }
        return try await body(ClientStream(requests: requests, responses: call.responses))
      } onCancel: {
        call.fail(RPCStatus(code: .cancelled, message: "call cancelled by the client"))
      }
    }
  }
}

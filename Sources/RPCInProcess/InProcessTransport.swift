// An in-memory transport pair: the client hands each call straight to the server's router in
// the same process, through the same seams (`ClientTransport`, `ServerTransport`) and with the
// same observable semantics as the HTTP/2 transport, minus the sockets.

public import RPCCore

/// A connected client and server transport that never leave the process.
///
/// Services are tested over it without sockets, yet see what they would see over HTTP/2:
/// - metadata goes through the header rules (`Metadata.forEachHeaderToSend` on the way out,
///   `appendReceivedHeader` on the way in): reserved keys are dropped, invalid entries are
///   skipped, `-bin` values cross base64-encoded and arrive as bytes;
/// - a call's deadline reaches the handler, and when it passes the call ends with
///   `DEADLINE_EXCEEDED` and the handler's task is cancelled;
/// - the client giving up (its body returns early, its task is cancelled) cancels the handler's
///   task;
/// - both directions are bounded buffers (`RPCMessageChannel`): a writer suspends while its
///   reader is behind by `Configuration.messageBufferSize` messages;
/// - an unknown method is answered `UNIMPLEMENTED` at once, without a handler task;
/// - messages over the receive limits (4 MiB by default, like HTTP/2) end the call with
///   `RESOURCE_EXHAUSTED`;
/// - a request message is flagged compressed when the call asked for compression and the
///   writer allowed it, as the HTTP/2 client would frame it (nothing is really compressed);
/// - single-request methods (unary, server-streaming) start their handler at half-close with
///   the fast-path `.single` request, as the HTTP/2 server does;
/// - `beginGracefulShutdown` refuses new calls with `UNAVAILABLE` and lets in-flight ones
///   finish, then `listen` returns; cancelling `listen`'s task stops at once (`UNAVAILABLE`).
///
/// ```swift
/// let transport = InProcessTransport(serving: router)
/// let client = RPCClient(transport: transport.client)
/// ```
/// or, to drive the server's lifecycle, `InProcessTransport()` and run
/// `transport.server.listen(router:)` in a task of its own; calls made before it listens wait
/// for it (within their deadline).
public struct InProcessTransport: Sendable {
  /// The server half: pass it to whatever runs `listen(router:)`.
  public let server: Server
  /// The client half: pass it to `RPCClient(transport:)`.
  public let client: Client

  /// A pair whose server serves once `server.listen(router:)` runs.
  public init(configuration: Configuration = .defaults) {
    let server = Server(configuration: configuration)
    self.server = server
    self.client = Client(server: server, configuration: configuration)
  }

  /// A pair whose server already serves `router`, without a `listen` task: the short form for
  /// tests. `beginGracefulShutdown` still works; `listen` on it throws `FAILED_PRECONDITION`.
  public init(serving router: RPCRouter, configuration: Configuration = .defaults) {
    self.init(configuration: configuration)
    server.serve(router)
  }
}

extension InProcessTransport {
  /// Limits and defaults of both halves.
  public struct Configuration: Sendable {
    /// The largest request message the server accepts (the HTTP/2 server's
    /// `maxReceiveMessageSize`, 4 MiB by default); a larger one ends the call with
    /// `RESOURCE_EXHAUSTED`.
    public var maxRequestMessageSize: Int
    /// The largest response message the client accepts (the HTTP/2 client's
    /// `maxReceiveMessageSize`, 4 MiB by default); a larger one ends the call with
    /// `RESOURCE_EXHAUSTED` and cancels the handler.
    public var maxResponseMessageSize: Int
    /// Request compression for calls that do not choose one (`CallOptions.compression`).
    /// Only the compressed flag the server sees depends on it; identity by default.
    public var defaultCompression: CompressionAlgorithm
    /// Messages buffered in each direction before the writer suspends: how far a fast side
    /// may run ahead of a slow one.
    public var messageBufferSize: Int
    /// What handlers see as `ServerContext.peer`.
    public var peer: String

    /// 4 MiB limits both ways, no default compression, 16 messages of buffer, peer
    /// `in-process`.
    public static let defaults = Configuration()

    /// The defaults; change fields afterwards.
    public init() {
      self.maxRequestMessageSize = MessageDeframer.defaultMaxReceiveSize
      self.maxResponseMessageSize = MessageDeframer.defaultMaxReceiveSize
      self.defaultCompression = .identity
      self.messageBufferSize = 16
      self.peer = "in-process"
    }
  }
}

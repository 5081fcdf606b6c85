internal import NIOCore
internal import RPCCore

/// The state of one gRPC call on a server connection. Confined to the connection's event loop.
/// Stored properties are `@exclusivity(unchecked)`, as in `HTTP2Session`: the stream is touched
/// only on the connection's event loop (the handler's task reaches it through
/// `HTTP2ResponseSink`, which hops there), and never with two accesses to a property open.
final class ServerStream {
  /// How request messages reach the handler.
  enum Requests {
    /// Methods whose client sends one message: collected until END_STREAM, then the task starts.
    case collecting(first: ReceivedMessage?, count: Int)
    /// Streaming requests: yielded into the channel the running handler reads.
    case streaming(RPCMessageChannel<ReceivedMessage>)
  }

  let id: Int32
  /// The connection the stream is on. Strong: the connection drops its streams when they
  /// close (and all of them when the socket goes), which breaks the cycle.
  let connection: GRPCServerConnection
  let handler: ServerMethodHandler
  /// The call's context until its task starts, which takes it (a move: copying a context
  /// retains every string and array in it).
  @exclusivity(unchecked) var context: ServerContext?
  @exclusivity(unchecked) var deframer: MessageDeframer
  @exclusivity(unchecked) var framer: MessageFramer
  /// The `grpc-encoding` of responses, or nil for identity.
  let responseEncodingName: String?
  @exclusivity(unchecked) var requests: Requests
  @exclusivity(unchecked) var task: Task<Void, Never>?
  @exclusivity(unchecked) var deadlineTimer: Scheduled<Void>?
  /// Response headers went out (so the end is trailers, not a trailers-only response).
  @exclusivity(unchecked) var headersSent = false
  /// The response is finished (trailers queued) or the stream is gone.
  @exclusivity(unchecked) var finished = false
  /// The peer ended its side.
  @exclusivity(unchecked) var requestEnded = false
  /// Received bytes not yet handed back to the flow-control window (while the handler is slow).
  @exclusivity(unchecked) var unconsumedBytes = 0
  /// The request channel asked the connection to stop reopening the window.
  @exclusivity(unchecked) var paused = false
  /// The call holds a slot of the server's `CallAdmission` until the stream closes.
  @exclusivity(unchecked) var holdsAdmission = false
  /// A writer waits for the outbound queue to drain.
  @exclusivity(unchecked) var writeWaiter: EventLoopPromise<Void>?

  init(
    id: Int32, connection: GRPCServerConnection, handler: ServerMethodHandler, context: ServerContext, deframer: MessageDeframer,
    framer: MessageFramer, responseEncodingName: String?, requests: Requests
  ) {
    self.id = id
    self.connection = connection
    self.handler = handler
    self.context = context
    self.deframer = deframer
    self.framer = framer
    self.responseEncodingName = responseEncodingName
    self.requests = requests
  }
}

@available(*, unavailable)
extension ServerStream: Sendable {}

public import RPCCore

/// How an `HTTP2ServerTransport` listens and what it allows.
public struct HTTP2ServerConfiguration: Sendable {
  /// The address to bind; `127.0.0.1` unless told otherwise.
  public var host: String
  /// The port to bind; 0 picks a free one (see `HTTP2ServerTransport.listeningPort`).
  public var port: Int
  /// HTTP/2 settings and protections of each connection.
  public var limits: HTTP2Limits
  /// The largest request message accepted, after decompression (default 4 MiB).
  public var maxReceiveMessageSize: Int
  /// The largest response message sent.
  public var maxSendMessageSize: Int
  /// Encodings accepted for request messages (identity is always accepted).
  public var acceptedEncodings: [CompressionAlgorithm]
  /// The encoding for responses when the client accepts it and the handler allows it;
  /// identity by default, since compression costs CPU that small messages do not repay.
  public var responseEncoding: CompressionAlgorithm
  /// How long in-flight calls may run after a graceful shutdown starts.
  public var shutdownGracePeriod: Duration
  /// A new connection must complete the HTTP/2 preface and SETTINGS within this time
  /// (a client that never does holds a socket for nothing).
  public var handshakeTimeout: Duration
  /// A connection with no call for this long is closed with GOAWAY; `nil` keeps it.
  public var idleTimeout: Duration?
  /// How often to PING a connection to check the peer is alive; `nil` never pings.
  public var keepaliveInterval: Duration?
  /// How long to wait for a PING's answer before closing the connection.
  public var keepaliveTimeout: Duration
  /// Connections served at once: one more is closed as soon as it is accepted. Each costs a
  /// file descriptor and ~20 KiB, so a flood of connections must not exhaust either (keep the
  /// process's descriptor limit above it). `nil`: no limit.
  public var maxConnections: Int?
  /// Unary and client-streaming calls running at once across all connections: one beyond it
  /// is answered at once with RESOURCE_EXHAUSTED rather than queued (see `CallAdmission`;
  /// streaming responses and health checks are not counted). `nil`: no limit (streams per
  /// connection still bound each connection).
  public var maxConcurrentCalls: Int?
  /// Whether calls' handlers run on their connection's event loop (the default): no thread
  /// switch per call. A handler that computes for long then delays the I/O of every
  /// connection on that loop; services with such handlers should set this to false, which
  /// runs handlers on Swift's global concurrent executor (one hop there and back per call).
  public var runsHandlersOnEventLoop: Bool
  /// Event loop threads of a group the transport creates and owns, when it is not given one;
  /// `nil` uses NIO's shared group (one loop per core). Calls run on their connection's loop,
  /// so a server pinned to one core serves best from one loop (no idle threads to wake).
  public var eventLoopCount: Int?

  /// Defaults on `host:port`.
  public init(host: String = "127.0.0.1", port: Int = 0) {
    self.host = host
    self.port = port
    self.limits = HTTP2Limits()
    self.maxReceiveMessageSize = MessageDeframer.defaultMaxReceiveSize
    self.maxSendMessageSize = MessageFramer.defaultMaxSendSize
    self.acceptedEncodings = [.gzip, .deflate]
    self.responseEncoding = .identity
    self.shutdownGracePeriod = .seconds(10)
    self.handshakeTimeout = .seconds(10)
    self.idleTimeout = .seconds(300)
    self.keepaliveInterval = .seconds(7200)
    self.keepaliveTimeout = .seconds(20)
    self.eventLoopCount = nil
    self.maxConnections = 10_000
    self.maxConcurrentCalls = nil
    self.runsHandlersOnEventLoop = true
  }
}

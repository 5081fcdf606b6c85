public import RPCCore

/// How an `HTTP2ClientTransport` connects to its server and what it allows.
public struct HTTP2ClientConfiguration: Sendable {
  /// HTTP/2 settings and protections of the connection (windows, header list size, …).
  public var limits: HTTP2Limits
  /// The largest response message accepted, after decompression (default 4 MiB).
  public var maxReceiveMessageSize: Int
  /// The largest request message sent; larger ones fail the call with `RESOURCE_EXHAUSTED`.
  public var maxSendMessageSize: Int
  /// Request compression when a call does not choose one (`CallOptions.compression`);
  /// identity by default, since small messages do not repay the CPU.
  public var defaultCompression: CompressionAlgorithm
  /// Response encodings advertised in `grpc-accept-encoding` and accepted in `grpc-encoding`
  /// (identity always is). A response in any other encoding fails the call with `INTERNAL`.
  public var acceptedEncodings: [CompressionAlgorithm]
  /// How long one connection attempt may take (gRPC's `MIN_CONNECT_TIMEOUT`: 20 s).
  public var connectTimeout: Duration
  /// The wait between failed connection attempts.
  public var backoff: ConnectionBackoff
  /// Keepalive pings, if any (off by default, as in gRPC).
  public var keepalive: Keepalive?
  /// The `user-agent` header of every request.
  public var userAgent: String
  /// The `:authority` of every request; `host:port` when `nil`.
  public var authority: String?
  /// Responses buffered per streaming call before the transport stops reading from the server
  /// (its flow-control window then closes): what a slow consumer costs at most.
  public var responseBufferSize: Int

  /// Defaults: 4 MiB receive limit, no request compression, gzip and deflate accepted.
  public init() {
    self.limits = HTTP2Limits()
    self.maxReceiveMessageSize = MessageDeframer.defaultMaxReceiveSize
    self.maxSendMessageSize = MessageFramer.defaultMaxSendSize
    self.defaultCompression = .identity
    self.acceptedEncodings = [.gzip, .deflate]
    self.connectTimeout = .seconds(20)
    self.backoff = ConnectionBackoff()
    self.keepalive = nil
    self.userAgent = "craft-rpc/0.1"
    self.authority = nil
    self.responseBufferSize = 16
  }

  /// The defaults.
  public static var defaults: Self { Self() }

  /// Keepalive: a PING every `interval` while calls are open (or always, with
  /// `permitWithoutCalls`); no acknowledgement within `timeout` closes the connection, failing
  /// its calls with `UNAVAILABLE`, so a dead peer is noticed without waiting for TCP.
  public struct Keepalive: Sendable {
    /// Time between pings.
    public var interval: Duration
    /// How long to wait for a ping's acknowledgement.
    public var timeout: Duration
    /// Ping even when no call is open (servers may treat this as abuse unless configured).
    public var permitWithoutCalls: Bool

    /// Keepalive every `interval`, with a 20 s acknowledgement timeout by default.
    public init(
      interval: Duration, timeout: Duration = .seconds(20), permitWithoutCalls: Bool = false
    ) {
      self.interval = interval
      self.timeout = timeout
      self.permitWithoutCalls = permitWithoutCalls
    }
  }
}

/// gRPC's connection back-off (grpc/grpc `doc/connection-backoff.md`): after a failed attempt,
/// wait `initial`, then each time `multiplier` times longer up to `maximum`, each wait spread by
/// ±`jitter` so clients that failed together do not retry together.
public struct ConnectionBackoff: Sendable, Hashable {
  /// The wait after the first failure (1 s).
  public var initial: Duration
  /// The growth factor of consecutive waits (1.6).
  public var multiplier: Double
  /// The relative spread of each wait (0.2: ±20 %).
  public var jitter: Double
  /// The longest wait, before jitter (120 s).
  public var maximum: Duration

  /// gRPC's parameters by default.
  public init(
    initial: Duration = .seconds(1), multiplier: Double = 1.6, jitter: Double = 0.2,
    maximum: Duration = .seconds(120)
  ) {
    self.initial = initial
    self.multiplier = multiplier
    self.jitter = jitter
    self.maximum = maximum
  }

  /// The sequence of waits for consecutive failures: `initial` unjittered first, as the
  /// algorithm's first deadline is, then growing and jittered.
  public func makeIterator() -> Iterator { Iterator(backoff: self) }

  /// Consecutive waits; reset by making a new one after a successful connection.
  public struct Iterator: Sendable {
    let backoff: ConnectionBackoff
    private var current: Double?

    init(backoff: ConnectionBackoff) { self.backoff = backoff }

    /// The next wait.
    public mutating func next() -> Duration {
      guard let previous = current else {
        current = Self.seconds(backoff.initial)
        return backoff.initial
      }
      let grown = min(previous * backoff.multiplier, Self.seconds(backoff.maximum))
      current = grown
      let spread = grown * backoff.jitter
      let jittered = spread > 0 ? grown + Double.random(in: -spread...spread) : grown
      return .nanoseconds(Int64(max(0, jittered) * 1e9))
    }

    private static func seconds(_ duration: Duration) -> Double {
      let (seconds, attoseconds) = duration.components
      return Double(seconds) + Double(attoseconds) / 1e18
    }
  }
}

/// What a handler knows about its call besides the request messages.
///
/// A value type built by the transport; interceptors may pass a modified copy to the next
/// step (e.g. with an authenticated principal in `values`).
///
/// Cancellation is the handler task's cancellation: the transport cancels the task when the
/// client resets the stream, the connection dies, or the deadline passes. Handlers check
/// `Task.isCancelled` (or `isCancelled` here) or let `try await` points throw; the call then
/// ends with `CANCELLED` or `DEADLINE_EXCEEDED`.
public struct ServerContext: Sendable {
  /// The method being called.
  public let descriptor: MethodDescriptor
  /// The request's custom metadata (reserved headers removed by the transport).
  public var metadata: Metadata
  /// When the client stops waiting, from `grpc-timeout`; `nil` for no deadline.
  public var deadline: ContinuousClock.Instant?
  /// The peer, e.g. `ipv4:127.0.0.1:50123` or `in-process`.
  public var peer: String
  /// Values interceptors attach for handlers (authenticated user, request id, …).
  public var values: ContextValues
  /// For calls whose client sends one message (unary, server-streaming): whether it arrived
  /// compressed. Set from the request stream before the handler runs; streamed requests report
  /// it per message (`RequestStream.AsyncIterator.lastMessageCompressed`).
  public var requestMessageCompressed = false

  /// A context for one call.
  public init(
    descriptor: MethodDescriptor, metadata: Metadata = [:],
    deadline: ContinuousClock.Instant? = nil, peer: String = "", values: ContextValues = .init()
  ) {
    self.descriptor = descriptor
    self.metadata = metadata
    self.deadline = deadline
    self.peer = peer
    self.values = values
  }

  /// Whether the call has been cancelled (the handler's task is cancelled).
  public var isCancelled: Bool { Task.isCancelled }

  /// Time left before the deadline (negative once passed), or `nil` without a deadline.
  public var timeRemaining: Duration? { deadline.map { ContinuousClock.now.duration(to: $0) } }
}

/// A key for `ContextValues`: a type whose `Value` is what it stores.
public protocol ContextKey {
  /// The stored type.
  associatedtype Value: Sendable
}

/// A small typed bag of values keyed by types, for interceptors to pass data to handlers.
/// Empty, it allocates nothing.
public struct ContextValues: Sendable {
  private var storage: [ObjectIdentifier: any Sendable] = [:]

  /// An empty bag.
  public init() {}

  /// The value stored under `key`.
  public subscript<Key: ContextKey>(key: Key.Type) -> Key.Value? {
    get { storage[ObjectIdentifier(key)] as? Key.Value }
    set { storage[ObjectIdentifier(key)] = newValue }
  }
}

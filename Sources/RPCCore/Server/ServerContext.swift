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
  /// The fields, in one copy-on-write box: a context travels by value through the transport,
  /// the method handler, interceptors and the service (four copies and as many destroys per
  /// unary call), and copying the fields themselves retained and released every string and
  /// array in them each time -- 2,300 of an EmptyCall's ~47,000 instructions. A copy of the
  /// box is one retain; a setter copies the fields only when the box is shared.
  private var storage: Storage

  /// The method being called.
  public var descriptor: MethodDescriptor { storage.descriptor }
  /// The request's custom metadata (reserved headers removed by the transport).
  public var metadata: Metadata {
    get { storage.metadata }
    _modify { yield &uniqueStorage().metadata }
  }
  /// When the client stops waiting, from `grpc-timeout`; `nil` for no deadline.
  public var deadline: ContinuousClock.Instant? {
    get { storage.deadline }
    set { uniqueStorage().deadline = newValue }
  }
  /// The peer, e.g. `ipv4:127.0.0.1:50123` or `in-process`.
  public var peer: String {
    get { storage.peer }
    set { uniqueStorage().peer = newValue }
  }
  /// Values interceptors attach for handlers (authenticated user, request id, …).
  public var values: ContextValues {
    get { storage.values }
    _modify { yield &uniqueStorage().values }
  }
  /// For calls whose client sends one message (unary, server-streaming): whether it arrived
  /// compressed. Set from the request stream before the handler runs; streamed requests report
  /// it per message (`RequestStream.AsyncIterator.lastMessageCompressed`).
  public var requestMessageCompressed: Bool {
    get { storage.requestMessageCompressed }
    set {
      // Setting the value it has (the usual `false`) must not copy a shared box.
      guard newValue != storage.requestMessageCompressed else { return }
      uniqueStorage().requestMessageCompressed = newValue
    }
  }

  /// A context for one call.
  public init(
    descriptor: MethodDescriptor, metadata: Metadata = [:],
    deadline: ContinuousClock.Instant? = nil, peer: String = "", values: ContextValues = .init()
  ) {
    storage = Storage(
      descriptor: descriptor, metadata: metadata, deadline: deadline, peer: peer, values: values,
      requestMessageCompressed: false)
  }

  /// Whether the call has been cancelled (the handler's task is cancelled).
  public var isCancelled: Bool { Task.isCancelled }

  /// Time left before the deadline (negative once passed), or `nil` without a deadline.
  public var timeRemaining: Duration? { deadline.map { ContinuousClock.now.duration(to: $0) } }

  private mutating func uniqueStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  /// The box. `@unchecked Sendable` as the buffer of an `Array` is: it is mutated only
  /// through `uniqueStorage()`, that is while no other context (so no other thread) holds it.
  /// For the same reason no two accesses to a field can overlap, so the fields skip the
  /// runtime exclusivity checks.
  private final class Storage: @unchecked Sendable {
    let descriptor: MethodDescriptor
    @exclusivity(unchecked) var metadata: Metadata
    @exclusivity(unchecked) var deadline: ContinuousClock.Instant?
    @exclusivity(unchecked) var peer: String
    @exclusivity(unchecked) var values: ContextValues
    @exclusivity(unchecked) var requestMessageCompressed: Bool

    init(
      descriptor: MethodDescriptor, metadata: Metadata, deadline: ContinuousClock.Instant?,
      peer: String, values: ContextValues, requestMessageCompressed: Bool
    ) {
      self.descriptor = descriptor
      self.metadata = metadata
      self.deadline = deadline
      self.peer = peer
      self.values = values
      self.requestMessageCompressed = requestMessageCompressed
    }

    func copy() -> Storage {
      Storage(
        descriptor: descriptor, metadata: metadata, deadline: deadline, peer: peer,
        values: values, requestMessageCompressed: requestMessageCompressed)
    }
  }
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

/// Per-call options a caller sets.
public struct CallOptions: Sendable {
  /// How long the call may take, counted from when it starts; `nil` for no limit.
  public var timeout: Duration?
  /// An absolute deadline (e.g. propagated from an inbound call's context); the earlier of
  /// this and `timeout` applies.
  public var deadline: ContinuousClock.Instant?
  /// Request compression; `nil` uses the transport's default.
  public var compression: CompressionAlgorithm?

  /// Options with every field unset.
  public static let defaults = CallOptions()

  /// Options from their parts.
  public init(
    timeout: Duration? = nil, deadline: ContinuousClock.Instant? = nil,
    compression: CompressionAlgorithm? = nil
  ) {
    self.timeout = timeout
    self.deadline = deadline
    self.compression = compression
  }

  /// The effective deadline for a call starting at `now`.
  public func effectiveDeadline(now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant? {
    let fromTimeout = timeout.map { now.advanced(by: $0) }
    switch (fromTimeout, deadline) {
    case (let a?, let b?): return min(a, b)
    case (let a?, nil): return a
    case (nil, let b?): return b
    case (nil, nil): return nil
    }
  }
}

/// What a client transport needs to open a stream; client interceptors may pass a modified
/// copy on (e.g. adding an `authorization` entry to `metadata`).
public struct ClientContext: Sendable {
  /// The method to call.
  public let descriptor: MethodDescriptor
  /// Request custom metadata.
  public var metadata: Metadata
  /// The call's deadline; the transport sends it as `grpc-timeout` and fails the call with
  /// `DEADLINE_EXCEEDED` once it passes.
  public var deadline: ContinuousClock.Instant?
  /// Request compression; `nil` uses the transport's default.
  public var compression: CompressionAlgorithm?

  /// A context from its parts.
  public init(
    descriptor: MethodDescriptor, metadata: Metadata = [:],
    deadline: ContinuousClock.Instant? = nil, compression: CompressionAlgorithm? = nil
  ) {
    self.descriptor = descriptor
    self.metadata = metadata
    self.deadline = deadline
    self.compression = compression
  }
}

/// Wraps every call an `RPCClient` makes, in order (the first is outermost). May change the
/// context passed on (metadata, deadline), fail the call by throwing, and observe the outcome.
/// Like `ServerInterceptor`, it does not see individual messages.
public protocol ClientInterceptor: Sendable {
  /// Runs the call by calling `next` (at most once) with the context to use.
  func intercept<Result>(
    context: ClientContext,
    next: (ClientContext) async throws -> Result
  ) async throws -> Result
}

extension Array where Element == any ClientInterceptor {
  @usableFromInline
  func run<Result>(
    from index: Int = 0, context: ClientContext,
    _ body: (ClientContext) async throws -> Result
  ) async throws -> Result {
    if index == count { return try await body(context) }
    return try await self[index].intercept(context: context) { context in
      try await self.run(from: index + 1, context: context, body)
    }
  }
}

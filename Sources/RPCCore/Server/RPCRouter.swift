/// A group of method handlers, e.g. one protobuf service; API modules make their service
/// protocols produce one of these.
public protocol RPCService: Sendable {
  /// The handlers of every method of the service.
  var methodHandlers: [ServerMethodHandler] { get }
}

/// Maps `:path` (`/package.Service/Method`) to handlers, and holds the interceptors applied
/// to every call. Built once before serving, then shared read-only by the transports.
public struct RPCRouter: Sendable {
  private var handlers: [String: ServerMethodHandler] = [:]
  /// Interceptors for every call, outermost first.
  public var interceptors: [any ServerInterceptor]

  /// An empty router with `interceptors`.
  public init(interceptors: [any ServerInterceptor] = []) {
    self.interceptors = interceptors
  }

  /// Registers a handler, replacing any for the same path.
  public mutating func register(_ handler: ServerMethodHandler) {
    handlers[handler.descriptor.path] = handler
  }

  /// Registers every method of `service`.
  public mutating func register(_ service: some RPCService) {
    for handler in service.methodHandlers { register(handler) }
  }

  /// The registered methods, sorted by path.
  public var methods: [MethodDescriptor] {
    handlers.values.map(\.descriptor).sorted { $0.path < $1.path }
  }

  /// The fully-qualified names of the registered services, sorted (for reflection).
  public var serviceNames: [String] {
    Array(Set(handlers.values.map(\.descriptor.service))).sorted()
  }

  /// The handler for `path`, if any. Transports call this first so an unknown method is
  /// answered without creating a task.
  @inlinable
  public func handler(forPath path: String) -> ServerMethodHandler? { lookup(path) }

  @usableFromInline
  func lookup(_ path: String) -> ServerMethodHandler? { handlers[path] }

  /// The status for a path no handler serves.
  public static func unimplementedStatus(path: String) -> RPCStatus {
    RPCStatus(code: .unimplemented, message: "method \(path) is not implemented")
  }

  /// Dispatches one call: runs the handler for `path` with the router's interceptors, or
  /// finishes with `UNIMPLEMENTED`.
  public func handle(
    path: String, metadata: Metadata, deadline: ContinuousClock.Instant?, peer: String,
    requests: ServerRequestStream, response: any ServerResponseSink
  ) async {
    guard let handler = lookup(path) else {
      await response.finish(status: Self.unimplementedStatus(path: path), trailers: [:])
      return
    }
    let context = ServerContext(
      descriptor: handler.descriptor, metadata: metadata, deadline: deadline, peer: peer)
    await handler.handle(
      requests: requests, response: response, context: context, interceptors: interceptors)
  }
}

/// Wraps every call a router dispatches, in registration order (the first is outermost).
///
/// An interceptor runs before the handler, may replace the context it passes on (e.g. to add
/// an authenticated principal to `values`), may reject the call by throwing (the error becomes
/// the status), and observes how the call ended (returns or throws) — which is what auth,
/// logging and metrics need. It deliberately does not see individual messages: keeping
/// messages out of the chain keeps the per-message path free of interceptor hops. `Result`
/// is opaque to the interceptor (the typed response for single-response calls, the trailers
/// for streaming ones).
public protocol ServerInterceptor: Sendable {
  /// Runs the call by calling `next` (at most once) with the context to use.
  func intercept<Result>(
    context: ServerContext,
    next: (ServerContext) async throws -> Result
  ) async throws -> Result
}

extension Array where Element == any ServerInterceptor {
  /// Runs `body` inside the interceptors from `index` on. No allocation: the chain is a
  /// recursion of non-escaping closures.
  @usableFromInline
  func run<Result>(
    from index: Int = 0, context: ServerContext,
    _ body: (ServerContext) async throws -> Result
  ) async throws -> Result {
    if index == count { return try await body(context) }
    return try await self[index].intercept(context: context) { context in
      try await self.run(from: index + 1, context: context, body)
    }
  }
}

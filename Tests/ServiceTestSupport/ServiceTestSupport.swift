public import Auth
public import RPCCore
import Synchronization

/// Puts a fixed caller into every call's context: what the AuthInterceptor does from a token,
/// without minting one, so service tests exercise authorization rules directly.
public struct FixedCallerInterceptor: ServerInterceptor {
  public let caller: Caller

  public init(caller: Caller) { self.caller = caller }

  public func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    var context = context
    context.values[CallerKey.self] = caller
    return try await next(context)
  }
}

/// A clock tests move by hand (milliseconds since the epoch), so expiry and response times
/// are tested without sleeping.
public final class TestClock: Sendable {
  private let value: Atomic<Int64>
  public init(_ start: Int64 = 1_780_000_000_000) { value = Atomic(start) }
  public var now: Int64 { value.load(ordering: .relaxed) }
  public func advance(seconds: Int64) { value.add(seconds * 1000, ordering: .relaxed) }
  public func advance(days: Int64) { advance(seconds: days * 86_400) }
}

public import RPCCore

/// Authenticates every call: reads `authorization: Bearer <token>`, verifies it with the
/// ``TokenAuthority`` and puts the ``Caller`` into the context for the service to authorize.
///
/// No header → the call goes on as ``Caller/anonymous`` (public reads need no token; each
/// protected method refuses anonymous callers itself). A header that is present but wrong —
/// not `Bearer`, bad signature, expired, revoked — ends the call with `UNAUTHENTICATED` at
/// once, also on public methods: a client with a broken token should learn it on its first call.
public struct AuthInterceptor: ServerInterceptor {
  private let authority: TokenAuthority

  public init(authority: TokenAuthority) {
    self.authority = authority
  }

  public func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    guard let header = context.metadata["authorization"] else { return try await next(context) }
    guard let token = Self.bearerToken(in: header) else {
      throw RPCError(
        code: .unauthenticated, message: "the authorization metadata must be 'Bearer <token>'")
    }
    let caller: Caller
    do {
      caller = try await authority.verify(token)
    } catch {
      throw RPCError(code: .unauthenticated, message: error.description, cause: error)
    }
    var context = context
    context.values[CallerKey.self] = caller
    return try await next(context)
  }

  /// The token of a `Bearer` credential (RFC 6750: the scheme is case-insensitive). Compares
  /// bytes rather than lowercasing a copy: it runs on every call.
  static func bearerToken(in header: String) -> String? {
    let words = header.utf8.split(separator: UInt8(ascii: " "))
    guard words.count == 2, words[0].elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 }) else {
      return nil
    }
    return String(Substring(words[1]))
  }
}

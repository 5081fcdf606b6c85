public import RPCCore
internal import Synchronization

/// The bearer token one service presents to another (e.g. matching following the catalogue's
/// and the orders' feeds), as `authorization` metadata for each new call.
///
/// Either minted from the deployment's shared key and renewed at half its life (so a process
/// that runs for months never presents an expired one), or a fixed registered token an operator
/// issued with `craftd token --role system` (revocable one by one, renewed by the operator).
public final class ServiceCredentials: Sendable {
  private enum Source {
    case minted(TokenAuthority)
    case fixed(String)
  }

  private let source: Source
  /// The current minted token and its claims.
  private let current = Mutex<(token: String, claims: TokenClaims)?>(nil)

  /// Tokens minted by `authority` (``TokenAuthority/mintServiceToken()``).
  public init(minting authority: TokenAuthority) {
    source = .minted(authority)
  }

  /// Always `token`.
  public init(fixed token: String) {
    source = .fixed(token)
  }

  /// `authorization: Bearer …` with a token that is valid for at least half its lifetime.
  public func metadata() -> Metadata {
    var metadata: Metadata = [:]
    metadata.addString("Bearer \(token())", forKey: "authorization")
    return metadata
  }

  /// The token to present now.
  public func token() -> String {
    switch source {
    case .fixed(let token):
      return token
    case .minted(let authority):
      let now = authority.nowSeconds
      return current.withLock { current in
        if let (token, claims) = current, now < claims.issuedAt + (claims.expiresAt - claims.issuedAt) / 2 {
          return token
        }
        let fresh = authority.mintServiceToken()
        current = fresh
        return fresh.token
      }
    }
  }
}

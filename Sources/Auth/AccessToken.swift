public import CommonAPI
internal import Crypto
internal import Foundation
internal import RPCCore

/// The claims a bearer token carries.
public struct TokenClaims: Sendable, Hashable {
  /// The token's id (`jti`): what revocation names.
  public var id: String
  /// The role it grants.
  public var role: Role
  /// The producer or buyer id for those roles (`sub`); empty otherwise.
  public var subject: String
  /// Seconds since 1970 when it was issued (`iat`).
  public var issuedAt: Int64
  /// Seconds since 1970 after which it is refused (`exp`).
  public var expiresAt: Int64

  public init(id: String, role: Role, subject: String, issuedAt: Int64, expiresAt: Int64) {
    self.id = id
    self.role = role
    self.subject = subject
    self.issuedAt = issuedAt
    self.expiresAt = expiresAt
  }

  /// The caller a request with this token acts as.
  public var caller: Caller { Caller(role: role, id: subject) }
}

/// Why a token was refused. The message is safe to send to the client: it says what is wrong
/// with the token, never anything about the key.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
  case malformed
  case badSignature
  case expired
  case revoked
  case unknown

  public var description: String {
    switch self {
    case .malformed: "the bearer token is malformed"
    case .badSignature: "the bearer token's signature is invalid"
    case .expired: "the bearer token has expired"
    case .revoked: "the bearer token has been revoked"
    case .unknown: "the bearer token was not issued by this server"
    }
  }
}

/// Signs and verifies tokens: JSON Web Tokens with HMAC-SHA256 (`alg` `HS256` only), so any
/// JWT tool can read the claims while only the holder of the key can mint them.
///
/// Format: `base64url(header) . base64url(claims) . base64url(HMAC-SHA256(key, first two))`,
/// claims `{"jti","role","sub","iat","exp","iss":"craftd"}`. Verification never trusts the
/// header's `alg`: a token whose header is not exactly ours is malformed, which rules out the
/// classic `alg: none` and algorithm-confusion attacks.
public struct TokenSigner: Sendable {
  private let key: SymmetricKey

  /// The header every token carries, pre-encoded.
  private static let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

  /// A signer with a secret key of at least 32 bytes.
  public init(key: [UInt8]) {
    precondition(key.count >= 32, "an HMAC-SHA256 key needs at least 32 bytes")
    self.key = SymmetricKey(data: key)
  }

  /// The token text for `claims`.
  public func sign(_ claims: TokenClaims) -> String {
    let object: [String: Any] = [
      "jti": claims.id, "role": claims.role.displayName, "sub": claims.subject,
      "iat": claims.issuedAt, "exp": claims.expiresAt, "iss": "craftd",
    ]
    // Sorted keys: the same claims always give the same token.
    let json = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    let signingInput = Self.header + "." + Base64URL.encode(Array(json))
    let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
    return signingInput + "." + Base64URL.encode(Array(mac))
  }

  /// The claims of `token` if its signature is ours and it has not expired at `now` (seconds
  /// since 1970). Revocation is the ``TokenAuthority``'s job.
  public func verify(_ token: String, now: Int64) throws(TokenError) -> TokenClaims {
    let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].elementsEqual(Self.header.utf8) else { throw .malformed }
    guard let signature = Base64URL.decode(parts[2]) else { throw .malformed }
    let signingInput = token.utf8.prefix(parts[0].count + 1 + parts[1].count)
    guard
      HMAC<SHA256>.isValidAuthenticationCode(
        signature, authenticating: Array(signingInput), using: key)
    else { throw .badSignature }
    guard let json = Base64URL.decode(parts[1]),
      let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
      let id = object["jti"] as? String, !id.isEmpty,
      let roleName = object["role"] as? String, let role = Role(displayName: roleName),
      let subject = object["sub"] as? String,
      let issuedAt = (object["iat"] as? NSNumber)?.int64Value,
      let expiresAt = (object["exp"] as? NSNumber)?.int64Value
    else { throw .malformed }
    if role.needsSubject && subject.isEmpty { throw .malformed }
    guard now < expiresAt else { throw .expired }
    return TokenClaims(
      id: id, role: role, subject: subject, issuedAt: issuedAt, expiresAt: expiresAt)
  }
}

/// RFC 4648 §5 base64url without padding, as JWTs use it.
enum Base64URL {
  static func encode(_ bytes: [UInt8]) -> String {
    var text = Base64.encode(bytes)
    text.unicodeScalars.removeAll { $0 == "=" }
    return String(
      text.map { character -> Character in
        switch character {
        case "+": "-"
        case "/": "_"
        default: character
        }
      })
  }

  static func decode<C: Collection<UInt8>>(_ text: C) -> [UInt8]? {
    var standard: [UInt8] = []
    standard.reserveCapacity(text.count)
    for byte in text {
      switch byte {
      case UInt8(ascii: "-"): standard.append(UInt8(ascii: "+"))
      case UInt8(ascii: "_"): standard.append(UInt8(ascii: "/"))
      case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): return nil
      default: standard.append(byte)
      }
    }
    return Base64.decode(standard)
  }
}

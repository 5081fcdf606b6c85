public import CommonAPI
internal import Foundation
internal import Glibc
internal import Storage
internal import Synchronization

/// Issues, verifies and revokes the bearer tokens of one data directory.
///
/// - `auth.key`: the 32-byte HMAC key, created on first use with mode 0600. Whoever can read
///   it can mint tokens; it never leaves the directory.
/// - `auth.sqlite`: every issued token's id, role, subject and dates, and when it was revoked.
///   A token is accepted only if its id is in this registry and not revoked, so a leaked
///   token can be revoked (`craftd token revoke ID`) while the server runs: revocation reaches
///   a running server within ``revocationCheckInterval``. The one exception are the short-lived
///   service tokens of ``mintServiceToken()``.
///
/// The processes of one deployment open the same directory (`craftd serve --auth-dir`), so a
/// token issued once is accepted by every service, and a revocation reaches them all.
public final class TokenAuthority: Sendable {
  /// How long a successful registry lookup is reused before the token is checked again.
  public static let revocationCheckInterval: Int64 = 2_000  // milliseconds

  private let signer: TokenSigner
  private let registry: Database
  private let clock: @Sendable () -> Int64
  /// Tokens verified lately: a token presented again skips the HMAC and the JSON parse.
  private let verified = Mutex(VerifiedTokens(capacity: TokenAuthority.verifiedTokenCapacity))

  /// Distinct tokens kept verified per generation of the cache (see ``VerifiedTokens``).
  static let verifiedTokenCapacity = 10_000

  /// Opens (creating if needed) the key and registry in `dataDirectory`. `clock` returns
  /// milliseconds since 1970 (tests move it).
  public init(
    dataDirectory: String,
    clock: (@Sendable () -> Int64)? = nil
  ) throws {
    try FileManager.default.createDirectory(
      atPath: dataDirectory, withIntermediateDirectories: true)
    signer = TokenSigner(key: try Self.loadOrCreateKey(at: "\(dataDirectory)/auth.key"))
    registry = try Database(
      path: "\(dataDirectory)/auth.sqlite", configuration: .init(readerCount: 1),
      migrations: Self.migrations)
    self.clock = clock ?? { Int64(Date().timeIntervalSince1970 * 1000) }
  }

  /// Closes the registry.
  public func close() async { await registry.close() }

  /// Issues a token for `role` (bound to `subject` for producers and buyers), valid for
  /// `lifetime`, and records it.
  public func issue(role: Role, subject: String = "", lifetime: Duration = .seconds(30 * 86_400))
    async throws -> (token: String, claims: TokenClaims)
  {
    guard Role(displayName: role.displayName) == role else {
      throw TokenAuthorityError.invalidRequest("role \(role) cannot hold tokens")
    }
    if role.needsSubject && subject.isEmpty {
      throw TokenAuthorityError.invalidRequest(
        "a \(role.displayName) token must be bound to an id (--subject)")
    }
    let now = clock() / 1000
    var id = ""
    for _ in 0..<16 { id += String(UInt8.random(in: 0...255), radix: 16).leftPadded(to: 2) }
    let claims = TokenClaims(
      id: id, role: role, subject: role.needsSubject ? subject : "", issuedAt: now,
      expiresAt: now + lifetime.components.seconds)
    try await registry.write { tx in
      try tx.execute(
        "INSERT INTO token(id, role, subject, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        claims.id, Int64(claims.role.rawValue), claims.subject, claims.issuedAt,
        claims.expiresAt)
    }
    return (signer.sign(claims), claims)
  }

  /// Revokes token `id`; returns false if no such token was issued.
  @discardableResult
  public func revoke(id: String) async throws -> Bool {
    let now = clock() / 1000
    let changed = try await registry.write { tx in
      try tx.execute(
        "UPDATE token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id)
    }
    verified.withLock { $0.removeAll(id: id) }
    return changed > 0
  }

  /// Every issued token, newest first.
  public func issuedTokens() async throws -> [IssuedToken] {
    try await registry.read { tx in
      try tx.fetchAll(
        """
        SELECT id, role, subject, issued_at, expires_at, revoked_at FROM token
        ORDER BY issued_at DESC, id
        """, map: { (row: Row) in
        IssuedToken(
          claims: TokenClaims(
            id: row.string(0), role: Role(rawValue: Int32(row.int64(1))), subject: row.string(2),
            issuedAt: row.int64(3), expiresAt: row.int64(4)),
          revokedAt: row.isNull(5) ? nil : row.int64(5))
      })
    }
  }

  /// The longest a service token may live: a service renews its token at half this age (see
  /// ``ServiceCredentials``), and a verifier refuses one that claims to live longer.
  public static let serviceTokenLifetime: Duration = .seconds(3_600)

  /// What marks a service token's id; registered ids are 32 hex digits, so they never start so.
  static let serviceTokenPrefix = "svc-"

  /// A system-role token for the services of one deployment to call each other (following a
  /// change feed, say), across processes: signed with the shared key but never written to the
  /// registry, so any process that holds the key verifies it without a registry row, starting
  /// and crashing processes leave nothing behind, and its lifetime is short instead.
  ///
  /// The trade-off, against registered tokens: it cannot be revoked one by one — it dies at
  /// expiry (at most ``serviceTokenLifetime``), or at once for all when `auth.key` is replaced.
  public func mintServiceToken() -> (token: String, claims: TokenClaims) {
    var generator = SystemRandomNumberGenerator()
    let now = clock() / 1000
    let claims = TokenClaims(
      id: Self.serviceTokenPrefix
        + Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }),
      role: .system, subject: "", issuedAt: now,
      expiresAt: now + Self.serviceTokenLifetime.components.seconds)
    return (signer.sign(claims), claims)
  }

  /// Seconds since 1970 by this authority's clock.
  var nowSeconds: Int64 { clock() / 1000 }

  /// The caller `token` authenticates: signature, expiry and registry checked. A token
  /// verified lately skips the signature check (its bytes are the ones that checked out) but
  /// never the expiry; its registry check is reused for ``revocationCheckInterval``, and a
  /// revocation made through this authority takes effect at once.
  public func verify(_ token: String) async throws(TokenError) -> Caller {
    let nowMilliseconds = clock()
    let claims: TokenClaims
    let (cached, revocations) = verified.withLock { ($0.entry(for: token), $0.revocations) }
    if let cached {
      guard nowMilliseconds / 1000 < cached.claims.expiresAt else { throw .expired }
      if cached.claims.id.hasPrefix(Self.serviceTokenPrefix)
        || nowMilliseconds - cached.registryCheckedAt < Self.revocationCheckInterval
      {
        return cached.claims.caller
      }
      claims = cached.claims
    } else {
      claims = try signer.verify(token, now: nowMilliseconds / 1000)
      if claims.id.hasPrefix(Self.serviceTokenPrefix) {
        // Signed with our key, so minted by a process of this deployment: no registry row to
        // check. Only the system role, and never one that claims to outlive the longest
        // lifetime.
        guard claims.role == .system,
          claims.expiresAt - nowMilliseconds / 1000 <= Self.serviceTokenLifetime.components.seconds
        else { throw .unknown }
        remember(token, claims, checkedAt: nowMilliseconds, ifNoRevocationSince: revocations)
        return claims.caller
      }
    }
    let state: Int64?
    do {
      state = try await registry.read { tx in
        try tx.fetchOne(
          "SELECT coalesce(revoked_at, 0) FROM token WHERE id = ?", claims.id,
          map: { $0.int64(0) })
      }
    } catch {
      // The registry cannot be read: refuse rather than accept a possibly revoked token.
      throw .unknown
    }
    guard let revokedAt = state else { throw .unknown }
    if revokedAt != 0 {
      verified.withLock { $0.removeAll(id: claims.id) }
      throw .revoked
    }
    remember(token, claims, checkedAt: nowMilliseconds, ifNoRevocationSince: revocations)
    return claims.caller
  }

  /// Caches a verified token, unless a revocation happened since the verification began (its
  /// registry answer may predate it).
  private func remember(
    _ token: String, _ claims: TokenClaims, checkedAt: Int64, ifNoRevocationSince revocations: UInt64
  ) {
    verified.withLock { cache in
      guard cache.revocations == revocations else { return }
      cache.store(.init(claims: claims, registryCheckedAt: checkedAt), for: token)
    }
  }

  // MARK: Key and registry

  static let migrations: [Migration] = [
    Migration(
      version: 1,
      sql: """
        CREATE TABLE token(
          id TEXT PRIMARY KEY,
          role INTEGER NOT NULL,
          subject TEXT NOT NULL,
          issued_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          revoked_at INTEGER
        ) WITHOUT ROWID;
        """)
  ]

  /// Reads the key at `path`, or creates it: 32 bytes from the system's CSPRNG, written to a
  /// private temporary file (mode 0600, fsynced) that is then hard-linked into place, so a
  /// process never sees a half-written key and two processes starting at once agree on one.
  static func loadOrCreateKey(at path: String) throws -> [UInt8] {
    if let existing = FileManager.default.contents(atPath: path) {
      guard existing.count == 32 else {
        throw TokenAuthorityError.badKeyFile("\(path) holds \(existing.count) bytes, not 32")
      }
      return Array(existing)
    }
    var generator = SystemRandomNumberGenerator()
    let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let temporary = "\(path).\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else {
      throw TokenAuthorityError.badKeyFile("cannot create \(temporary): errno \(errno)")
    }
    defer { unlink(temporary) }
    let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    Glibc.close(fd)
    guard written == key.count, synced else {
      throw TokenAuthorityError.badKeyFile("cannot write \(temporary): errno \(errno)")
    }
    if link(temporary, path) != 0 {
      guard errno == EEXIST else {
        throw TokenAuthorityError.badKeyFile("cannot create \(path): errno \(errno)")
      }
      return try loadOrCreateKey(at: path)  // another process won the race: use its key
    }
    return key
  }
}

/// A token as the registry records it.
public struct IssuedToken: Sendable, Hashable {
  public var claims: TokenClaims
  /// Seconds since 1970 when it was revoked, if it was.
  public var revokedAt: Int64?
}

/// Errors of issuing tokens and of the key file.
public enum TokenAuthorityError: Error, Sendable, CustomStringConvertible {
  case invalidRequest(String)
  case badKeyFile(String)

  public var description: String {
    switch self {
    case .invalidRequest(let message), .badKeyFile(let message): message
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

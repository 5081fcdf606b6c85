@testable import Auth
import CommonAPI
import Testing

/// The verification cache must never change an answer: revocation, expiry and forged bytes
/// behave as if every call checked the token from scratch.
@Suite struct VerifiedTokenCacheTests {
  @Test func aRevokedTokenStopsWorkingAtOnceThoughItWasJustVerified() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let authority = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let (token, claims) = try await authority.issue(role: .buyer, subject: "b-1")
    #expect(try await authority.verify(token) == .buyer("b-1"))
    #expect(try await authority.verify(token) == .buyer("b-1"))  // from the cache
    #expect(try await authority.revoke(id: claims.id))
    // The clock has not moved: the registry check of the cached entry is still fresh.
    await #expect(throws: TokenError.revoked) { try await authority.verify(token) }
    await #expect(throws: TokenError.revoked) { try await authority.verify(token) }
    await authority.close()
  }

  @Test func aCachedTokenExpiresOnTime() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let authority = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let (token, _) = try await authority.issue(role: .analyst, lifetime: .seconds(1))
    #expect(try await authority.verify(token) == Caller(role: .analyst))
    // Less than the revocation check interval later: only the expiry check can refuse it.
    clock.advance(milliseconds: 1_000)
    #expect(1_000 < TokenAuthority.revocationCheckInterval)
    await #expect(throws: TokenError.expired) { try await authority.verify(token) }
    await authority.close()
  }

  @Test func otherBytesThanAVerifiedTokenAreCheckedInFull() async throws {
    let directory = TemporaryDirectory()
    let authority = try TokenAuthority(dataDirectory: directory.path)
    let (token, _) = try await authority.issue(role: .admin)
    #expect(try await authority.verify(token) == .admin)
    var bytes = Array(token.utf8)
    bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    await #expect(throws: TokenError.badSignature) {
      try await authority.verify(String(decoding: bytes, as: UTF8.self))
    }
    await authority.close()
  }

  @Test func aServiceTokenIsCachedUntilItExpires() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let authority = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let (token, claims) = authority.mintServiceToken()
    #expect(try await authority.verify(token) == .system)
    clock.advance(milliseconds: (claims.expiresAt - claims.issuedAt) * 1000 - 1)
    #expect(try await authority.verify(token) == .system)
    clock.advance(milliseconds: 1)
    await #expect(throws: TokenError.expired) { try await authority.verify(token) }
    await authority.close()
  }

  func entry(_ id: String) -> VerifiedTokens.Entry {
    .init(
      claims: TokenClaims(id: id, role: .admin, subject: "", issuedAt: 0, expiresAt: 1),
      registryCheckedAt: 0)
  }

  @Test func theCacheIsBoundedAndKeepsTokensInUse() {
    var cache = VerifiedTokens(capacity: 2)
    cache.store(entry("1"), for: "t1")
    cache.store(entry("2"), for: "t2")
    cache.store(entry("3"), for: "t3")  // t1, t2 move to the older generation
    #expect(cache.entry(for: "t1")?.claims.id == "1")  // used: back into the newer one
    cache.store(entry("4"), for: "t4")  // t3, t1 become the older generation; t2 is dropped
    #expect(cache.entry(for: "t2") == nil)
    #expect(cache.entry(for: "t1")?.claims.id == "1")
    for index in 5..<100 { cache.store(entry(String(index)), for: "t\(index)") }
    #expect(cache.count <= 4)
    #expect(cache.entry(for: "t99")?.claims.id == "99")
  }

  @Test func revokingAnIdForgetsItsTokensInBothGenerations() {
    var cache = VerifiedTokens(capacity: 2)
    cache.store(entry("a"), for: "t1")
    cache.store(entry("b"), for: "t2")
    cache.store(entry("a"), for: "t3")
    let before = cache.revocations
    cache.removeAll(id: "a")
    #expect(cache.revocations == before + 1)
    #expect(cache.entry(for: "t1") == nil && cache.entry(for: "t3") == nil)
    #expect(cache.entry(for: "t2")?.claims.id == "b")
  }
}

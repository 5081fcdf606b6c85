import Auth
import CommonAPI
import Foundation
import RPCCore
import RPCTestSupport
import Synchronization
import Testing

/// A data directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory: Sendable {
  let path = NSTemporaryDirectory() + "auth-tests-" + UUID().uuidString
  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A clock tests move by hand (milliseconds since 1970).
final class ManualClock: Sendable {
  private let now = Mutex<Int64>(1_790_000_000_000)
  var milliseconds: Int64 { now.withLock { $0 } }
  func advance(milliseconds: Int64) { now.withLock { $0 += milliseconds } }
  var function: @Sendable () -> Int64 { { self.milliseconds } }
}

@Suite struct TokenSignerTests {
  let signer = TokenSigner(key: Array(repeating: 7, count: 32))
  let claims = TokenClaims(
    id: "abc123", role: .producer, subject: "p-ninh-so-1", issuedAt: 1_000, expiresAt: 2_000)

  @Test func roundTrips() throws {
    let token = signer.sign(claims)
    #expect(token.split(separator: ".").count == 3)
    #expect(try signer.verify(token, now: 1_500) == claims)
    #expect(try signer.verify(token, now: 1_500).caller == .producer("p-ninh-so-1"))
  }

  @Test func refusesAnExpiredToken() {
    #expect(throws: TokenError.expired) { try signer.verify(signer.sign(claims), now: 2_000) }
  }

  @Test func refusesATokenSignedWithAnotherKey() {
    let other = TokenSigner(key: Array(repeating: 8, count: 32))
    #expect(throws: TokenError.badSignature) { try signer.verify(other.sign(claims), now: 1_500) }
  }

  @Test func refusesEditedClaims() throws {
    // Swap the claims of a producer token for an admin's, keeping the signature.
    let parts = signer.sign(claims).split(separator: ".").map(String.init)
    var admin = claims
    admin.role = .admin
    let adminParts = signer.sign(admin).split(separator: ".").map(String.init)
    let forged = [parts[0], adminParts[1], parts[2]].joined(separator: ".")
    #expect(throws: TokenError.badSignature) { try signer.verify(forged, now: 1_500) }
  }

  @Test func refusesAlgNoneAndOtherHeaders() {
    let parts = signer.sign(claims).split(separator: ".").map(String.init)
    // {"alg":"none","typ":"JWT"} with the same claims and no signature.
    let none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + "."
    #expect(throws: TokenError.malformed) { try signer.verify(none, now: 1_500) }
    #expect(throws: TokenError.malformed) { try signer.verify("", now: 1_500) }
    #expect(throws: TokenError.malformed) { try signer.verify("a.b", now: 1_500) }
    #expect(throws: TokenError.malformed) {
      try signer.verify(parts[0] + "." + parts[1] + ".!!!", now: 1_500)
    }
  }

  @Test func refusesAFlippedSignatureBit() throws {
    var bytes = Array(signer.sign(claims).utf8)
    let last = bytes.count - 2
    bytes[last] = bytes[last] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    #expect(throws: TokenError.badSignature) {
      try signer.verify(String(decoding: bytes, as: UTF8.self), now: 1_500)
    }
  }
}

@Suite struct TokenAuthorityTests {
  @Test func issuesTokensThatVerifyAcrossInstancesOfTheSameDirectory() async throws {
    let directory = TemporaryDirectory()
    let first = try TokenAuthority(dataDirectory: directory.path)
    let (token, claims) = try await first.issue(role: .producer, subject: "p-1")
    #expect(claims.subject == "p-1")
    let second = try TokenAuthority(dataDirectory: directory.path)
    #expect(try await second.verify(token) == .producer("p-1"))
    let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/auth.key")
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect((attributes[.size] as? Int) == 32)
    await first.close()
    await second.close()
  }

  @Test func aTokenFromAnotherDirectoryIsRefused() async throws {
    let a = TemporaryDirectory(), b = TemporaryDirectory()
    let authorityA = try TokenAuthority(dataDirectory: a.path)
    let authorityB = try TokenAuthority(dataDirectory: b.path)
    let (token, _) = try await authorityA.issue(role: .admin)
    await #expect(throws: TokenError.badSignature) { try await authorityB.verify(token) }
    await authorityA.close()
    await authorityB.close()
  }

  @Test func revocationReachesARunningServerWithinTheCheckInterval() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let server = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let cli = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let (token, claims) = try await cli.issue(role: .buyer, subject: "b-osaka")
    #expect(try await server.verify(token) == .buyer("b-osaka"))
    #expect(try await cli.revoke(id: claims.id))
    #expect(try await cli.revoke(id: claims.id) == false)  // already revoked
    clock.advance(milliseconds: TokenAuthority.revocationCheckInterval + 1)
    await #expect(throws: TokenError.revoked) { try await server.verify(token) }
    let listed = try await cli.issuedTokens()
    #expect(listed.map(\.claims.id) == [claims.id])
    #expect(listed.first?.revokedAt != nil)
    await server.close()
    await cli.close()
  }

  @Test func expiryFollowsTheClock() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let authority = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let (token, _) = try await authority.issue(role: .analyst, lifetime: .seconds(60))
    #expect(try await authority.verify(token) == Caller(role: .analyst))
    clock.advance(milliseconds: 61_000)
    await #expect(throws: TokenError.expired) { try await authority.verify(token) }
    await authority.close()
  }

  @Test func aSignedTokenMissingFromTheRegistryIsRefused() async throws {
    // The registry is the list of tokens this server issued: deleting the database (or a key
    // reused elsewhere) must not make old tokens valid.
    let directory = TemporaryDirectory()
    let authority = try TokenAuthority(dataDirectory: directory.path)
    let (token, _) = try await authority.issue(role: .admin)
    await authority.close()
    try FileManager.default.removeItem(atPath: directory.path + "/auth.sqlite")
    let reopened = try TokenAuthority(dataDirectory: directory.path)
    await #expect(throws: TokenError.unknown) { try await reopened.verify(token) }
    await reopened.close()
  }

  @Test func producerAndBuyerTokensNeedASubject() async throws {
    let directory = TemporaryDirectory()
    let authority = try TokenAuthority(dataDirectory: directory.path)
    await #expect(throws: TokenAuthorityError.self) {
      try await authority.issue(role: .producer, subject: "")
    }
    await #expect(throws: TokenAuthorityError.self) { try await authority.issue(role: .unspecified) }
    await authority.close()
  }
}

@Suite struct AuthInterceptorTests {
  let descriptor = MethodDescriptor(service: "craft.test.v1.Test", method: "Call", kind: .unary)

  /// Runs the interceptor for a call with `metadata`; returns the caller the handler saw.
  func callerSeen(with metadata: Metadata, authority: TokenAuthority) async throws -> Caller {
    let interceptor = AuthInterceptor(authority: authority)
    return try await interceptor.intercept(
      context: ServerContext(descriptor: descriptor, metadata: metadata)
    ) { Caller.from($0) }
  }

  @Test func establishesTheCallerFromABearerToken() async throws {
    let directory = TemporaryDirectory()
    let authority = try TokenAuthority(dataDirectory: directory.path)
    let (token, _) = try await authority.issue(role: .producer, subject: "p-7")
    #expect(try await callerSeen(with: ["authorization": "Bearer \(token)"], authority: authority)
      == .producer("p-7"))
    #expect(try await callerSeen(with: ["authorization": "bearer \(token)"], authority: authority)
      == .producer("p-7"))
    #expect(try await callerSeen(with: [:], authority: authority) == .anonymous)
    await authority.close()
  }

  @Test func aBadCredentialIsUnauthenticatedEvenOnPublicMethods() async throws {
    let directory = TemporaryDirectory()
    let authority = try TokenAuthority(dataDirectory: directory.path)
    let (token, _) = try await authority.issue(role: .admin)
    for header in ["Basic dXNlcjpwYXNz", "Bearer", "Bearer \(token)x", token, "Bearer a.b.c"] {
      let error = await rpcError { _ = try await callerSeen(with: ["authorization": .string(header)], authority: authority) }
      #expect(error?.code == .unauthenticated, "\(header)")
    }
    await authority.close()
  }

  @Test func callerChecksGiveTheRightStatuses() {
    #expect(throws: RPCError.self) { try Caller.anonymous.requireAuthenticated() }
    func denied(_ caller: Caller, _ producer: String) -> RPCStatus.Code? {
      do throws(RPCError) {
        try caller.requireEditor(ofProducer: producer)
        return nil
      } catch { return error.code }
    }
    #expect(denied(.anonymous, "p-1") == .unauthenticated)
    #expect(denied(.producer("p-2"), "p-1") == .permissionDenied)
    #expect(denied(.buyer("b-1"), "p-1") == .permissionDenied)
    #expect(denied(Caller(role: .analyst), "p-1") == .permissionDenied)
    #expect(denied(.producer("p-1"), "p-1") == nil)
    #expect(denied(.admin, "p-1") == nil)
    #expect(denied(.system, "p-1") == nil)
  }
}

@Suite struct ServiceTokenTests {
  /// The key of `directory`, to sign tokens an attacker holding it could make.
  func signer(_ directory: TemporaryDirectory) throws -> TokenSigner {
    TokenSigner(key: Array(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/auth.key"))))
  }

  @Test func serviceTokensVerifyInEveryProcessSharingTheKeyWithoutARegistryRow() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let matching = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    // Another process of the deployment: another authority on the same directory.
    let catalogue = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let (token, claims) = matching.mintServiceToken()
    #expect(claims.id.hasPrefix("svc-") && claims.role == .system)
    #expect(try await catalogue.verify(token) == .system)
    #expect(try await matching.issuedTokens().isEmpty)  // never written to the registry
    // A process with another key (another deployment) refuses it.
    let stranger = TemporaryDirectory()
    let elsewhere = try TokenAuthority(dataDirectory: stranger.path, clock: clock.function)
    await #expect(throws: TokenError.badSignature) { try await elsewhere.verify(token) }
    // It expires.
    clock.advance(milliseconds: Int64(TokenAuthority.serviceTokenLifetime.components.seconds) * 1000)
    await #expect(throws: TokenError.expired) { try await catalogue.verify(token) }
    await matching.close()
    await catalogue.close()
    await elsewhere.close()
  }

  @Test func onlySystemTokensWithABoundedLifetimeSkipTheRegistry() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let authority = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let signer = try signer(directory)
    let now = clock.milliseconds / 1000
    // Signed with the key and marked, but an admin's: not a service token, and not registered.
    let admin = TokenClaims(id: "svc-x", role: .admin, subject: "", issuedAt: now, expiresAt: now + 60)
    await #expect(throws: TokenError.unknown) { try await authority.verify(signer.sign(admin)) }
    // A system token claiming to live for a year.
    let long = TokenClaims(id: "svc-y", role: .system, subject: "", issuedAt: now, expiresAt: now + 31_536_000)
    await #expect(throws: TokenError.unknown) { try await authority.verify(signer.sign(long)) }
    // Unmarked and unregistered: refused as before.
    let plain = TokenClaims(id: "abc", role: .system, subject: "", issuedAt: now, expiresAt: now + 60)
    await #expect(throws: TokenError.unknown) { try await authority.verify(signer.sign(plain)) }
    // The marked one, within the lifetime, passes.
    let service = TokenClaims(id: "svc-z", role: .system, subject: "", issuedAt: now, expiresAt: now + 60)
    #expect(try await authority.verify(signer.sign(service)) == .system)
    await authority.close()
  }

  @Test func credentialsRenewTheMintedTokenAtHalfItsLife() async throws {
    let directory = TemporaryDirectory()
    let clock = ManualClock()
    let authority = try TokenAuthority(dataDirectory: directory.path, clock: clock.function)
    let credentials = ServiceCredentials(minting: authority)
    let first = credentials.token()
    let half = Int64(TokenAuthority.serviceTokenLifetime.components.seconds) * 500
    clock.advance(milliseconds: half - 1_000)
    #expect(credentials.token() == first)
    clock.advance(milliseconds: 1_000)
    let second = credentials.token()
    #expect(second != first)
    #expect(try await authority.verify(second) == .system)
    #expect(credentials.metadata()["authorization"] == "Bearer \(second)")
    #expect(ServiceCredentials(fixed: "t").token() == "t")
    await authority.close()
  }
}

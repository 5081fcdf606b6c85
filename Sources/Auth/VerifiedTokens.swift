/// The tokens a ``TokenAuthority`` verified lately, keyed by the token text, so a client that
/// presents the same token on every call pays a dictionary lookup instead of an HMAC and a
/// JSON parse each time (the orders service verifies one per `CreateOrder`, the catalogue one
/// per validation call from orders).
///
/// Only tokens whose signature checked out are stored, so a forged or edited token (other
/// bytes) never hits. The cache speeds up verification without changing its answers: the
/// authority checks expiry on every hit, asks the registry again once an entry's check is older
/// than ``TokenAuthority/revocationCheckInterval``, and drops a token's entries when it is
/// revoked here.
///
/// Bounded as an approximate LRU in two generations: new entries go into `current`; when it
/// holds `capacity`, it becomes `previous` (the old `previous` is dropped) and a hit in
/// `previous` moves the entry back into `current`. So tokens in use stay, at most
/// 2 × `capacity` are held, and every operation is O(1) but ``removeAll(id:)``, which only a
/// revocation calls.
struct VerifiedTokens {
  /// What a verification found out about one token.
  struct Entry {
    var claims: TokenClaims
    /// When (ms) the registry last said the token's id is issued and not revoked.
    var registryCheckedAt: Int64
  }

  let capacity: Int
  private var current: [String: Entry] = [:]
  private var previous: [String: Entry] = [:]
  /// Counts revocations, so a verification that read the registry before a revocation does not
  /// store its now stale answer after the revocation dropped the token's entries.
  private(set) var revocations: UInt64 = 0

  init(capacity: Int) {
    precondition(capacity > 0, "a token cache needs room for one token")
    self.capacity = capacity
  }

  /// How many tokens are held (at most 2 × `capacity`).
  var count: Int { current.count + previous.count }

  /// The entry of `token`, if it was verified lately.
  mutating func entry(for token: String) -> Entry? {
    if let entry = current[token] { return entry }
    guard let entry = previous.removeValue(forKey: token) else { return nil }
    store(entry, for: token)
    return entry
  }

  /// Remembers `entry` for `token`.
  mutating func store(_ entry: Entry, for token: String) {
    if current[token] == nil && current.count >= capacity {
      previous = current
      current = Dictionary(minimumCapacity: capacity)
    }
    current[token] = entry
  }

  /// Forgets every token with id `id` (the same id may come in several texts).
  mutating func removeAll(id: String) {
    revocations &+= 1
    current = current.filter { $0.value.claims.id != id }
    previous = previous.filter { $0.value.claims.id != id }
  }
}

import Auth
import CatalogueAPI
import CommonAPI
import Logging
import Matching
import RPCCore
import RPCInProcess

/// The matching service's place in `craftd serve`: its store in the data directory, and the
/// follower that keeps its catalogue index fresh from the catalogue's change feed.
///
/// The follower reads the feed like any other client would — through the RPC client, here an
/// in-process transport into this process's own router, so it passes the same interceptors
/// (auth included). The feed is for services, so it calls as the platform with a token that
/// lives only in this process's memory.
struct MatchingRuntime {
  let store: MatchingStore
  private let follower: Task<Void, Never>
  private let token: String
  private let authority: TokenAuthority

  /// Opens `matching.sqlite` in `dataDir` (the follower starts with ``follow(router:)``).
  static func open(dataDir: String) async throws -> MatchingStore {
    try await MatchingStore(path: "\(dataDir)/matching.sqlite")
  }

  /// Starts following the catalogue served by `router`.
  init(store: MatchingStore, router: RPCRouter, authority: TokenAuthority, logger: Logger) async throws {
    let token = authority.issueProcessToken(for: .system)
    var metadata: Metadata = [:]
    metadata.addString("Bearer \(token)", forKey: "authorization")
    let client = CatalogueServiceClient(
      RPCClient(transport: InProcessTransport(serving: router).client))
    let follower = CatalogueFollower(store: store, client: client, metadata: metadata)
    self.follower = Task {
      await follower.run { error in
        logger.warning("matching: catalogue feed interrupted; resubscribing", metadata: ["error": "\(error)"])
      }
    }
    self.store = store
    self.token = token
    self.authority = authority
  }

  /// Stops following, ends the follower's token and closes the store.
  func shutdown() async {
    follower.cancel()
    await follower.value
    authority.revokeProcessToken(token)
    await store.close()
  }
}

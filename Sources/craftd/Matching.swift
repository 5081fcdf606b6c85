import Auth
import CatalogueAPI
import Logging
import Matching
import OrdersAPI
import RPCCore

/// The matching service's place in `craftd serve`: its store in the data directory, and the
/// followers that keep its read models fresh from the catalogue's change feed and the orders
/// service's event feed.
///
/// The followers read the feeds like any other client would — through the RPC client, to
/// another process over HTTP/2 or into this process's own router, so they pass the same
/// interceptors (auth included). The feeds are for services, so they present the process's
/// service credentials.
struct MatchingRuntime {
  let store: MatchingStore
  private let followers: [Task<Void, Never>]

  /// Opens `matching.sqlite` in `dataDir` (the followers start with
  /// ``init(store:catalogue:orders:credentials:logger:)``).
  static func open(dataDir: String) async throws -> MatchingStore {
    try await MatchingStore(path: "\(dataDir)/matching.sqlite")
  }

  /// Starts following the catalogue, and the orders service when there is one to follow.
  init(
    store: MatchingStore, catalogue: CatalogueServiceClient, orders: OrdersServiceClient?,
    credentials: ServiceCredentials, logger: Logger
  ) {
    let metadata: @Sendable () -> Metadata = { credentials.metadata() }
    var followers = [
      Self.follow(store.catalogueFollower(client: catalogue, metadata: metadata), feed: "catalogue", logger)
    ]
    if let orders {
      followers.append(Self.follow(store.ordersFollower(client: orders, metadata: metadata), feed: "orders", logger))
    }
    self.store = store
    self.followers = followers
  }

  private static func follow<Event>(
    _ follower: FeedFollower<Event>, feed: String, _ logger: Logger
  ) -> Task<Void, Never> {
    Task {
      await follower.run { error, delay in
        logger.warning(
          "matching: \(feed) feed interrupted; resubscribing", metadata: ["error": "\(error)", "retry-in": "\(delay)"])
      }
    }
  }

  /// Stops following and closes the store.
  func shutdown() async {
    for follower in followers { follower.cancel() }
    for follower in followers { await follower.value }
    await store.close()
  }
}

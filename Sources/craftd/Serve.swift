import ArgumentParser
import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Logging
import Matching
import Orders
import OrdersAPI
import RPCCore
import RPCHTTP2
import RPCInProcess
import RPCStandardServices
import Telemetry

/// `craftd serve`: runs the services (all of them by default, or the subset `--services`
/// names) in one process on one port, with health and reflection; the others are reached at
/// their `--…-addr` (``PeerOptions``).
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the Làng Nghề Connect services (health and reflection included).")

  @OptionGroup var options: ServerOptions

  @Option(help: "Directory for the services' SQLite files (env CRAFTD_DATA_DIR).")
  var dataDir: String = ProcessInfo.processInfo.environment["CRAFTD_DATA_DIR"] ?? ".data/craftd"

  @Flag(
    help: "Seed an empty catalogue with the demo villages, producers and listings, and an empty matching store with demo buyers and RFQs.")
  var demo = false

  @Option(help: "Comma-separated services to run: catalogue, matching, orders (env CRAFTD_SERVICES).")
  var services: String =
    ProcessInfo.processInfo.environment["CRAFTD_SERVICES"] ?? "catalogue,matching,orders"

  @OptionGroup var peers: PeerOptions

  @Option(
    help: """
      Writes the orders store commits together at most (group commit: orders arriving during       one fsync share the next); 1 commits each on its own.
      """)
  var ordersWriteBatch: Int = OrdersStore.defaultWriteBatchLimit

  /// Every service `--services` may name.
  static let knownServices: Set<String> = ["catalogue", "matching", "orders"]

  var selectedServices: Set<String> {
    Set(services.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
  }

  func validate() throws {
    let selected = selectedServices
    guard !selected.isEmpty, selected.isSubset(of: Self.knownServices) else {
      throw ValidationError("--services takes a comma-separated subset of catalogue, matching, orders")
    }
    try peers.validate(running: selected)
    guard ordersWriteBatch >= 1 else { throw ValidationError("--orders-write-batch must be at least 1") }
  }

  func run() async throws {
    let logger = options.makeLogger(label: "craftd")
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let authority = try TokenAuthority(dataDirectory: peers.authDirectory(dataDir: dataDir))
    let credentials = try await serviceCredentials(authority)
    let remotes = RemoteServices(addresses: peers.addresses)
    let selected = selectedServices
    var registered: [any RPCService] = []

    // One deterministic demo world for the catalogue and the matching market.
    let demoCatalogue = demo ? DemoCatalogue.generate() : nil
    var catalogue: CatalogueStore?
    if selected.contains("catalogue") {
      let store = try CatalogueStore(path: "\(dataDir)/catalogue.sqlite")
      if let demoCatalogue { try await seedDemo(store, demoCatalogue, logger: logger) }
      registered.append(CatalogueServiceImpl(store: store))
      catalogue = store
    }

    var orders: OrdersStore?
    if selected.contains("orders") {
      // The orders service asks the catalogue over RPC: over HTTP/2 when it runs elsewhere;
      // in one process over an in-process transport to a router serving the same catalogue
      // store (a router of its own: the served router is built from the services, so it cannot
      // exist before the orders service does; catalogue reads need no token).
      let catalogueClient: CatalogueServiceClient
      if let transport = remotes.transport(for: "catalogue") {
        catalogueClient = CatalogueServiceClient(
          RPCClient(transport: transport, interceptors: [TracePropagationInterceptor()]))
      } else if let catalogue {
        var catalogueRouter = RPCRouter()
        catalogueRouter.register(CatalogueServiceImpl(store: catalogue))
        catalogueClient = CatalogueServiceClient(
          RPCClient(
            transport: InProcessTransport(serving: catalogueRouter).client,
            interceptors: [TracePropagationInterceptor()]))
      } else {
        throw ValidationError("--services orders needs the catalogue here or at --catalogue-addr")
      }
      let store = try OrdersStore(
        path: "\(dataDir)/orders.sqlite",
        configuration: OrdersStore.configuration(writeBatchLimit: ordersWriteBatch))
      registered.append(OrdersServiceImpl(store: store, catalogue: catalogueClient))
      orders = store
    }

    var matchingStore: MatchingStore?
    if selected.contains("matching") {
      let store = try await MatchingRuntime.open(dataDir: dataDir)
      if let demoCatalogue { try await seedDemoMarket(store, demoCatalogue, logger: logger) }
      registered.append(MatchingServiceImpl(store: store))
      matchingStore = store
    }

    let metrics = RPCMetrics()
    metrics.bootstrapMetricsSystem()
    if let matchingStore {
      metrics.feedPosition(
        feed: "catalogue", consumer: "matching", seen: { matchingStore.catalogue.latestSeenSeq },
        applied: { matchingStore.catalogue.lastSeq })
    }
    let standard = try StandardServices.make(
      registering: registered,
      interceptors: [
        TracingInterceptor(logger: logger), metrics.interceptor, AuthInterceptor(authority: authority),
      ])
    // Matching follows the catalogue's and the orders' feeds: over HTTP/2 when they run
    // elsewhere, else through this process's own router (same interceptors, auth included).
    var matching: MatchingRuntime?
    if let matchingStore {
      let local = RPCClient(transport: InProcessTransport(serving: standard.router).client)
      let remoteCatalogue = remotes.transport(for: "catalogue").map { RPCClient(transport: $0) }
      let remoteOrders = remotes.transport(for: "orders").map { RPCClient(transport: $0) }
      let ordersClient = remoteOrders ?? (orders != nil ? local : nil)
      if ordersClient != nil {
        metrics.feedPosition(
          feed: "orders", consumer: "matching", seen: { matchingStore.ordersFeed.seenSeq },
          applied: { matchingStore.ordersFeed.appliedSeq })
      }
      if ordersClient == nil {
        logger.warning(
          """
          matching: no orders service here and no --orders-addr: existing trade is not known \
          and reports show orders as not available
          """)
      }
      matching = MatchingRuntime(
        store: matchingStore, catalogue: CatalogueServiceClient(remoteCatalogue ?? local),
        orders: ordersClient.map { OrdersServiceClient($0) }, credentials: credentials, logger: logger)
    }
    logger.info(
      "starting",
      metadata: [
        "services": "\(selected.sorted())", "data-dir": "\(dataDir)",
        "auth-dir": "\(peers.authDirectory(dataDir: dataDir))", "peers": "\(remotes.description)",
      ])
    // Open quotes past valid_until become EXPIRED (with their feed events) once a minute.
    let sweeps = Task { [orders] in await orders?.runExpirySweeps() }
    try await options.serve(standard.router, logger: logger, metrics: metrics) { [catalogue, orders] in
      standard.health.enterShutdown()
      // Followers in other processes hold their feed streams open; end them so the drain
      // does not wait out the grace period (they resume from their stored seq elsewhere).
      catalogue?.endFeeds()
      orders?.endFeeds()
    }
    sweeps.cancel()
    await sweeps.value
    await matching?.shutdown()
    await orders?.close()
    await remotes.close()
    await catalogue?.close()
    await authority.close()
  }

  /// The token this process presents to the other services: `--service-token` (checked now, so
  /// a wrong one fails at start rather than on every call), else minted from the shared key.
  private func serviceCredentials(_ authority: TokenAuthority) async throws -> ServiceCredentials {
    guard !peers.serviceToken.isEmpty else { return ServiceCredentials(minting: authority) }
    let caller: Caller
    do {
      caller = try await authority.verify(peers.serviceToken)
    } catch {
      throw ValidationError("--service-token: \(error) (issue one with craftd token --role system)")
    }
    guard caller.role == .system else {
      throw ValidationError("--service-token must be a system token, not a \(caller.role.displayName) token")
    }
    return ServiceCredentials(fixed: peers.serviceToken)
  }

  /// Seeds the deterministic demo catalogue, only into an empty database.
  private func seedDemo(_ catalogue: CatalogueStore, _ demo: DemoCatalogue, logger: Logger) async throws {
    var probe = ListProducersRequest()
    probe.pageSize = 1
    guard try await catalogue.listProducers(probe, caller: .system).producers.isEmpty else {
      logger.info("demo: the catalogue has data already; not seeding", metadata: ["data-dir": "\(dataDir)"])
      return
    }
    let start = ContinuousClock.now
    let summary = try await catalogue.seed(
      villages: demo.villages, producers: demo.producers, listings: demo.listings)
    logger.info(
      "demo: seeded",
      metadata: [
        "villages": "\(summary.villages)", "producers": "\(summary.producers)",
        "listings": "\(summary.listings)", "duration": "\(ContinuousClock.now - start)",
      ])
  }

  /// Seeds demo buyers and RFQs derived from the demo catalogue, only into a matching store
  /// without buyers. It does not wait for the read model: buyers and RFQs name categories and
  /// HS codes, not producers, and the follower catches up on its own.
  private func seedDemoMarket(_ store: MatchingStore, _ demo: DemoCatalogue, logger: Logger) async throws {
    let start = ContinuousClock.now
    guard let summary = try await store.seedDemo(listings: demo.listings, producers: demo.producers) else {
      logger.info("demo: the matching store has buyers already; not seeding", metadata: ["data-dir": "\(dataDir)"])
      return
    }
    logger.info(
      "demo: seeded the market",
      metadata: [
        "buyers": "\(summary.buyers)", "rfqs": "\(summary.rfqs)", "duration": "\(ContinuousClock.now - start)",
      ])
  }
}

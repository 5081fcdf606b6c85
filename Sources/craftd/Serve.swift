import ArgumentParser
import Auth
import Catalogue
import CatalogueAPI
import Foundation
import Logging
import Matching
import Orders
import RPCCore
import RPCHTTP2
import RPCInProcess
import RPCStandardServices
import Telemetry

/// `craftd serve`: runs the services (all of them by default, or the subset `--services`
/// names) in one process on one port, with health and reflection.
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

  @Option(
    help: """
      host:port of the catalogue the orders service validates against (env \
      CRAFTD_CATALOGUE_ADDRESS); empty: the catalogue of this process.
      """)
  var catalogueAddress: String = ProcessInfo.processInfo.environment["CRAFTD_CATALOGUE_ADDRESS"] ?? ""

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
    // Matching reads the catalogue's feed in-process today; a remote feed needs a service token
    // for the other process (issue 7).
    if selected.contains("matching") && !selected.contains("catalogue") {
      throw ValidationError("--services matching needs catalogue in the same process (for now)")
    }
    if selected.contains("orders") && !selected.contains("catalogue") && catalogueAddress.isEmpty {
      throw ValidationError("--services orders without catalogue needs --catalogue-address")
    }
    if !catalogueAddress.isEmpty && Self.hostAndPort(catalogueAddress) == nil {
      throw ValidationError("--catalogue-address must be host:port")
    }
  }

  func run() async throws {
    let logger = options.makeLogger(label: "craftd")
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let authority = try TokenAuthority(dataDirectory: dataDir)
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
    var remoteCatalogue: HTTP2ClientTransport?
    if selected.contains("orders") {
      // The orders service asks the catalogue over RPC: over HTTP/2 when it runs elsewhere;
      // in one process over an in-process transport to a router serving the same catalogue
      // store (a router of its own: the served router is built from the services, so it cannot
      // exist before the orders service does; catalogue reads need no token).
      let catalogueClient: CatalogueServiceClient
      if let (host, port) = Self.hostAndPort(catalogueAddress) {
        let transport = HTTP2ClientTransport(host: host, port: port)
        remoteCatalogue = transport
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
        throw ValidationError("--services orders without catalogue needs --catalogue-address")
      }
      let store = try OrdersStore(path: "\(dataDir)/orders.sqlite")
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
    // Matching follows the catalogue's change feed through this process's own router.
    var matching: MatchingRuntime?
    if let matchingStore {
      matching = try await MatchingRuntime(
        store: matchingStore, router: standard.router, authority: authority, logger: logger)
    }
    logger.info("starting", metadata: ["services": "\(selected.sorted())", "data-dir": "\(dataDir)"])
    // Open quotes past valid_until become EXPIRED (with their feed events) once a minute.
    let sweeps = Task { [orders] in await orders?.runExpirySweeps() }
    try await options.serve(standard.router, logger: logger, metrics: metrics) {
      standard.health.enterShutdown()
    }
    sweeps.cancel()
    await sweeps.value
    await matching?.shutdown()
    await orders?.close()
    await remoteCatalogue?.close()
    await catalogue?.close()
    await authority.close()
  }

  /// `host:port` split, if it is one (the last colon separates, so `[::1]:50051` works too).
  static func hostAndPort(_ address: String) -> (String, Int)? {
    guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
      (1...65535).contains(port)
    else { return nil }
    var host = String(address[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return host.isEmpty ? nil : (host, port)
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

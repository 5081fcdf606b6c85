import ArgumentParser
import Auth
import Catalogue
import CatalogueAPI
import Foundation
import Logging
import Orders
import RPCCore
import RPCInProcess
import RPCStandardServices

/// `craftd serve`: runs every service that exists, in one process on one port, with health
/// and reflection.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the Làng Nghề Connect services (health and reflection included).")

  @OptionGroup var options: ServerOptions

  @Option(help: "Directory for the services' SQLite files (env CRAFTD_DATA_DIR).")
  var dataDir: String = ProcessInfo.processInfo.environment["CRAFTD_DATA_DIR"] ?? ".data/craftd"

  @Flag(help: "Seed an empty catalogue with the demo villages, producers and listings.")
  var demo = false

  func run() async throws {
    let logger = options.makeLogger(label: "craftd")
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let authority = try TokenAuthority(dataDirectory: dataDir)
    let catalogue = try CatalogueStore(path: "\(dataDir)/catalogue.sqlite")
    if demo { try await seedDemo(catalogue, logger: logger) }
    let orders = try OrdersStore(path: "\(dataDir)/orders.sqlite")
    // The orders service asks the catalogue over RPC, as it would across processes; in one
    // process that is an in-process transport to a router serving the same catalogue store.
    // (A router of its own, because the served router is built from the services and so cannot
    // exist before the orders service is made; catalogue reads need no token.)
    var catalogueRouter = RPCRouter()
    catalogueRouter.register(CatalogueServiceImpl(store: catalogue))
    let catalogueClient = CatalogueServiceClient(
      RPCClient(transport: InProcessTransport(serving: catalogueRouter).client))
    // Matching joins this list as it lands (issue 5).
    let standard = try StandardServices.make(
      registering: [
        CatalogueServiceImpl(store: catalogue),
        OrdersServiceImpl(store: orders, catalogue: catalogueClient),
      ],
      interceptors: [AuthInterceptor(authority: authority)])
    try await options.serve(standard.router, logger: logger) {
      standard.health.enterShutdown()
    }
    await orders.close()
    await catalogue.close()
    await authority.close()
  }

  /// Seeds the deterministic demo catalogue, only into an empty database.
  private func seedDemo(_ catalogue: CatalogueStore, logger: Logger) async throws {
    var probe = ListProducersRequest()
    probe.pageSize = 1
    guard try await catalogue.listProducers(probe, caller: .system).producers.isEmpty else {
      logger.info("demo: the catalogue has data already; not seeding", metadata: ["data-dir": "\(dataDir)"])
      return
    }
    let start = ContinuousClock.now
    let demo = DemoCatalogue.generate()
    let summary = try await catalogue.seed(
      villages: demo.villages, producers: demo.producers, listings: demo.listings)
    logger.info(
      "demo: seeded",
      metadata: [
        "villages": "\(summary.villages)", "producers": "\(summary.producers)",
        "listings": "\(summary.listings)", "duration": "\(ContinuousClock.now - start)",
      ])
  }
}

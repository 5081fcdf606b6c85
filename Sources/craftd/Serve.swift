import ArgumentParser
import Auth
import Catalogue
import CatalogueAPI
import Foundation
import Logging
import Matching
import RPCCore
import RPCStandardServices
import Telemetry

/// `craftd serve`: runs every service that exists, in one process on one port, with health
/// and reflection.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the Làng Nghề Connect services (health and reflection included).")

  @OptionGroup var options: ServerOptions

  @Option(help: "Directory for the services' SQLite files (env CRAFTD_DATA_DIR).")
  var dataDir: String = ProcessInfo.processInfo.environment["CRAFTD_DATA_DIR"] ?? ".data/craftd"

  @Flag(
    help: "Seed an empty catalogue with the demo villages, producers and listings, and an empty matching store with demo buyers and RFQs.")
  var demo = false

  func run() async throws {
    let logger = options.makeLogger(label: "craftd")
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let authority = try TokenAuthority(dataDirectory: dataDir)
    let catalogue = try CatalogueStore(path: "\(dataDir)/catalogue.sqlite")
    let demoCatalogue = demo ? DemoCatalogue.generate() : nil
    if let demoCatalogue { try await seedDemo(catalogue, demoCatalogue, logger: logger) }
    let matchingStore = try await MatchingRuntime.open(dataDir: dataDir)
    if let demoCatalogue { try await seedDemoMarket(matchingStore, demoCatalogue, logger: logger) }
    // Orders joins this list as it lands (issue 6).
    let metrics = RPCMetrics()
    let standard = try StandardServices.make(
      registering: [CatalogueServiceImpl(store: catalogue), MatchingServiceImpl(store: matchingStore)],
      interceptors: [metrics.interceptor, AuthInterceptor(authority: authority)])
    let matching = try await MatchingRuntime(
      store: matchingStore, router: standard.router, authority: authority, logger: logger)
    try await options.serve(standard.router, logger: logger, metrics: metrics) {
      standard.health.enterShutdown()
    }
    await matching.shutdown()
    await catalogue.close()
    await authority.close()
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

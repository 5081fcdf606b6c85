import ArgumentParser
import Logging
import RPCCore
import RPCStandardServices

/// `craftd serve`: runs every service that exists, in one process on one port, with health
/// and reflection.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the Làng Nghề Connect services (health and reflection included).")

  @OptionGroup var options: ServerOptions

  @Option(help: "Directory for the services' SQLite files.")
  var dataDir: String = ".data/craftd"

  @Flag(help: "Seed an empty data directory with demo villages, producers and listings.")
  var demo = false

  func run() async throws {
    let logger = options.makeLogger(label: "craftd")
    // The catalogue, matching and orders services join this list as they land (issues 4–6);
    // until then `serve` answers health and reflection only, and says so.
    let standard = try StandardServices.make(registering: [])
    if demo {
      logger.warning("--demo: no service stores data yet; nothing to seed", metadata: ["data-dir": "\(dataDir)"])
    }
    try await options.serve(standard.router, logger: logger) {
      standard.health.enterShutdown()
    }
  }
}

import ArgumentParser
import Logging
import InteropService
import RPCCore
import RPCStandardServices

/// `craftd interop`: serves grpc.testing.TestService with health and reflection, for stock
/// gRPC interop clients. Logs only; runs until SIGTERM or SIGINT, then shuts down gracefully.
struct Interop: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the gRPC interop TestService (with health and reflection).")

  @OptionGroup var options: ServerOptions

  func run() async throws {
    let logger = options.makeLogger(label: "craftd.interop")
    let standard = try StandardServices.make(registering: [InteropTestService()])
    standard.health.setStatus(.serving, forService: "grpc.testing.TestService")
    // Interop clients ask for compressed responses per message; the handler decides which.
    try await options.serve(standard.router, logger: logger, responseEncoding: .gzip) {
      standard.health.enterShutdown()
    }
  }
}

import ArgumentParser
import Foundation
import RPCCore
import RPCHTTP2
import RPCStandardServices

/// `craftd health`: asks a server's `grpc.health.v1.Health/Check` and exits 0 when it answers
/// SERVING, 1 otherwise (not serving, unknown service, unreachable, timeout). Container health
/// checks and systemd watchdogs run it; the image then needs no separate `grpc_health_probe`.
struct Health: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a server's gRPC health; exit 0 when SERVING, 1 otherwise.")

  @Option(help: "host:port of the server (env CRAFTD_HEALTH_ADDR).")
  var addr: String = ProcessInfo.processInfo.environment["CRAFTD_HEALTH_ADDR"] ?? "127.0.0.1:50051"

  @Option(help: "The service to ask about, e.g. craft.orders.v1.OrdersService; empty: the server as a whole.")
  var service: String = ""

  @Option(help: "Seconds to wait for the answer.")
  var timeout: Double = 3

  func validate() throws {
    guard Serve.hostAndPort(addr) != nil else { throw ValidationError("--addr must be host:port") }
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
  }

  func run() async throws {
    let (host, port) = Serve.hostAndPort(addr)!
    let transport = HTTP2ClientTransport(host: host, port: port)
    let client = RPCClient(transport: transport)
    let status: String
    do {
      let response = try await client.unary(
        HealthService.check, request: HealthCheckRequest(service: service),
        options: CallOptions(timeout: .milliseconds(Int64(timeout * 1000))),
        responseType: HealthCheckResponse.self)
      status = response.message.status.description
    } catch let error as RPCError {
      status = "\(error.code.name): \(error.message)"
    } catch {
      status = "\(error)"
    }
    await transport.close()
    print("\(addr)\(service.isEmpty ? "" : " \(service)"): \(status)")
    if status != HealthCheckResponse.ServingStatus.serving.description { throw ExitCode(1) }
  }
}

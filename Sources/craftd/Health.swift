import ArgumentParser
import Foundation
import RPCCore
import RPCHTTP2
import RPCStandardServices

/// `craftd health`: asks a server's `grpc.health.v1.Health/Check` and exits 0 only when it
/// answers SERVING — for scripts (`Deploy/local/run.sh`) and exec probes that have no gRPC
/// client of their own.
struct Health: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Exit 0 if the server at --addr answers SERVING to a gRPC health check, else 1.")

  @Option(help: "host:port of the server.")
  var addr: String = "127.0.0.1:50051"

  @Option(help: "The service to ask about (e.g. craft.orders.v1.OrdersService); empty: the server.")
  var service: String = ""

  @Option(help: "Seconds to wait for the answer.")
  var timeout: Double = 2

  func validate() throws {
    guard PeerOptions.hostAndPort(addr) != nil else { throw ValidationError("--addr must be host:port") }
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
  }

  func run() async throws {
    let (host, port) = PeerOptions.hostAndPort(addr)!
    let transport = HTTP2ClientTransport(host: host, port: port)
    let answer: Result<HealthCheckResponse, any Error>
    do {
      answer = .success(
        try await RPCClient(transport: transport).unary(
          HealthService.check, request: HealthCheckRequest(service: service),
          options: CallOptions(timeout: .milliseconds(Int64(timeout * 1000))),
          responseType: HealthCheckResponse.self
        ).message)
    } catch {
      answer = .failure(error)
    }
    await transport.close()
    switch answer {
    case .success(let response) where response.status == .serving:
      print(response.status)
    case .success(let response):
      FileHandle.standardError.write(Data("\(addr): \(response.status)\n".utf8))
      throw ExitCode(1)
    case .failure(let error):
      FileHandle.standardError.write(Data("\(addr): \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}

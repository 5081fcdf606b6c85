import ArgumentParser
import Foundation

/// How `craftd serve` reaches the services it does not run, and how the processes of one
/// deployment trust each other. Each flag can also come from the environment.
///
/// A deployment's processes share one auth directory (`auth.key` and the token registry
/// `auth.sqlite`): a token issued once is accepted by every service, a revocation reaches them
/// all, and the service tokens they mint for each other verify everywhere (see SECURITY.md).
struct PeerOptions: ParsableArguments {
  @Option(help: "host:port of the catalogue when this process does not run it (env CRAFTD_CATALOGUE_ADDR).")
  var catalogueAddr: String = ProcessInfo.processInfo.environment["CRAFTD_CATALOGUE_ADDR"] ?? ""

  @Option(help: "host:port of the orders service when this process does not run it (env CRAFTD_ORDERS_ADDR).")
  var ordersAddr: String = ProcessInfo.processInfo.environment["CRAFTD_ORDERS_ADDR"] ?? ""

  @Option(
    help: """
      host:port of the matching service when this process does not run it (env \
      CRAFTD_MATCHING_ADDR); no service calls matching yet, so it is only checked.
      """)
  var matchingAddr: String = ProcessInfo.processInfo.environment["CRAFTD_MATCHING_ADDR"] ?? ""

  @Option(
    help: """
      Directory of auth.key and the token registry, shared by the processes of one deployment \
      (env CRAFTD_AUTH_DIR); default: the data directory.
      """)
  var authDir: String = ProcessInfo.processInfo.environment["CRAFTD_AUTH_DIR"] ?? ""

  /// `--auth-dir`, else `dataDir`.
  func authDirectory(dataDir: String) -> String { authDir.isEmpty ? dataDir : authDir }

  @Option(
    help: """
      A system token (craftd token --role system) this process presents to the other services \
      (env CRAFTD_SERVICE_TOKEN); default: short-lived tokens minted from the shared auth.key.
      """)
  var serviceToken: String = ProcessInfo.processInfo.environment["CRAFTD_SERVICE_TOKEN"] ?? ""

  /// The address of each service, by name, as given (empty: not given).
  var addresses: [String: String] {
    ["catalogue": catalogueAddr, "orders": ordersAddr, "matching": matchingAddr]
  }

  /// Checks the addresses against the services this process runs: a service that runs here
  /// takes no address, and a service another one here depends on needs one.
  func validate(running selected: Set<String>) throws {
    for (service, address) in addresses.sorted(by: { $0.key < $1.key }) where !address.isEmpty {
      let flag = "--\(service)-addr"
      guard Self.hostAndPort(address) != nil else {
        throw ValidationError("\(flag) must be host:port, not '\(address)'")
      }
      if selected.contains(service) {
        throw ValidationError(
          "\(flag) names a service this process runs itself (--services); drop one of them")
      }
    }
    for dependent in ["orders", "matching"] where selected.contains(dependent) {
      if !selected.contains("catalogue") && catalogueAddr.isEmpty {
        throw ValidationError(
          """
          --services \(dependent) needs the catalogue: run it here too (--services \
          catalogue,\(dependent)) or give --catalogue-addr HOST:PORT (env CRAFTD_CATALOGUE_ADDR)
          """)
      }
    }
  }

  /// `host:port` split, if it is one (the last colon separates, so `[::1]:50051` works too).
  static func hostAndPort(_ address: String) -> (host: String, port: Int)? {
    guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
      (1...65535).contains(port)
    else { return nil }
    var host = String(address[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return host.isEmpty ? nil : (host, port)
  }
}

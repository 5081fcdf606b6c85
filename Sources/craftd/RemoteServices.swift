import RPCHTTP2

/// One HTTP/2 client transport per service this process reaches by address, shared by every
/// client of that service here (orders and matching both call a remote catalogue over one
/// connection). A transport connects on its first call and reconnects with back-off after the
/// other process restarts.
struct RemoteServices: CustomStringConvertible {
  private let transports: [String: HTTP2ClientTransport]

  /// Transports for the non-empty `addresses` (service name → `host:port`, already validated).
  init(addresses: [String: String]) {
    var transports: [String: HTTP2ClientTransport] = [:]
    for (service, address) in addresses {
      guard let (host, port) = PeerOptions.hostAndPort(address) else { continue }
      transports[service] = HTTP2ClientTransport(host: host, port: port)
    }
    self.transports = transports
  }

  /// The transport to `service`, if it is reached by address.
  func transport(for service: String) -> HTTP2ClientTransport? { transports[service] }

  /// `service=host:port`, for the start-up log.
  var description: String {
    transports.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.host):\($0.value.port)" }
      .joined(separator: ", ")
  }

  /// Lets in-flight calls finish and closes the connections.
  func close() async {
    for transport in transports.values { await transport.close() }
  }
}

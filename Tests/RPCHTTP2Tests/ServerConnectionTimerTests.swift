// Connection-level timers of the server: a peer that never completes the handshake, and an idle
// connection, are closed; a raw TCP socket shows it (EOF), with no client library in between.

import Foundation
import Glibc
import NIOCore
import RPCCore
import RPCHTTP2
import Testing

@Suite("Server connection timers")
struct ServerConnectionTimerTests {
  /// Connects a plain TCP socket to 127.0.0.1:`port`, optionally sends `bytes`, and returns how
  /// long the server took to close it (reading until EOF), or nil after `limit`.
  private func secondsUntilServerCloses(port: Int, sending bytes: [UInt8] = [], limit: Double) -> Double? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return nil }
    if !bytes.isEmpty { _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) } }
    var timeout = timeval(tv_sec: Int(limit), tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let start = Date()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = recv(fd, &buffer, buffer.count, 0)
      if n == 0 { return Date().timeIntervalSince(start) }
      if n < 0 { return nil }  // timed out (or reset)
    }
  }

  private func withServer(
    _ configure: (inout HTTP2ServerConfiguration) -> Void, _ body: (Int) async throws -> Void
  ) async throws {
    var configuration = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
    configure(&configuration)
    let server = HTTP2ServerTransport(configuration: configuration)
    let serving = Task { try await server.listen(router: .init()) }
    let port = try await server.listeningAddress.port!
    try await body(port)
    server.beginGracefulShutdown()
    try await serving.value
  }

  @Test("a peer that never sends the HTTP/2 preface is disconnected after the handshake timeout")
  func handshakeTimeout() async throws {
    try await withServer({ $0.handshakeTimeout = .milliseconds(300) }) { port in
      let closedAfter = secondsUntilServerCloses(port: port, limit: 5)
      #expect(closedAfter != nil)
      #expect((closedAfter ?? 99) < 3)
    }
  }

  @Test("a connection with no calls is closed after the idle timeout")
  func idleTimeout() async throws {
    // The client preface and an empty SETTINGS frame complete the handshake.
    let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0]
    try await withServer({
      $0.handshakeTimeout = .seconds(30)
      $0.idleTimeout = .milliseconds(400)
    }) { port in
      let closedAfter = secondsUntilServerCloses(port: port, sending: preface, limit: 5)
      #expect(closedAfter != nil)
      #expect((closedAfter ?? 99) < 3)
    }
  }

  @Test("a connection that completed the handshake is not closed by the handshake timer")
  func handshakeCompleted() async throws {
    let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0]
    try await withServer({
      $0.handshakeTimeout = .milliseconds(200)
      $0.idleTimeout = nil
    }) { port in
      #expect(secondsUntilServerCloses(port: port, sending: preface, limit: 1) == nil)
    }
  }
}

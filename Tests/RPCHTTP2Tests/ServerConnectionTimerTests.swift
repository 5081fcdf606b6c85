// Connection-level timers of the server: a peer that never completes the handshake, and an idle
// connection, are closed; a plain TCP channel shows it, with no HTTP/2 client in between.

import NIOCore
import NIOPosix
import RPCCore
import RPCHTTP2
import Testing

@Suite("Server connection timers")
struct ServerConnectionTimerTests {
  /// Connects a plain TCP channel (no HTTP/2 on our side) to 127.0.0.1:`port`, optionally
  /// sends `bytes`, and returns how long after connecting the server closed it, or nil after
  /// `limit`.
  private func secondsUntilServerCloses(
    port: Int, sending bytes: [UInt8] = [], limit: Duration
  ) async throws -> Double? {
    // From before the connection exists: the server's timers cannot start earlier.
    let start = ContinuousClock.now
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port).get()
    // On a stalled machine the server's timer may fire before this write: the write then fails
    // on the closed channel, and the close is what is measured.
    if !bytes.isEmpty { try? await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get() }
    let closed = await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        try? await channel.closeFuture.get()
        return true
      }
      group.addTask {
        try? await Task.sleep(for: limit)
        return false
      }
      let first = await group.next()!
      group.cancelAll()
      if !first { try? await channel.close() }
      return first
    }
    guard closed else { return nil }
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
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
      // The bound proves the timer closes the connection; it is generous because the tests share
      // two cores and one event-loop group, and a CI run once saw a 400 ms timer fire after 5.7 s.
      let closedAfter = try await secondsUntilServerCloses(port: port, limit: .seconds(30))
      #expect(closedAfter != nil)
      #expect((closedAfter ?? 0) >= 0.25)
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
      // Not before the idle timeout; the upper bound only proves it closes (see handshakeTimeout).
      let closedAfter = try await secondsUntilServerCloses(port: port, sending: preface, limit: .seconds(30))
      #expect(closedAfter != nil)
      #expect((closedAfter ?? 0) >= 0.35)
    }
  }

  @Test("a connection that completed the handshake is not closed by the handshake timer")
  func handshakeCompleted() async throws {
    let timeout = Duration.seconds(2)
    try await withServer({
      $0.handshakeTimeout = timeout
      $0.idleTimeout = nil
    }) { port in
      // The PING's ACK proves the server read the preface: only then is the handshake complete
      // for it. A machine stalled past the timer before the server read anything may close the
      // connection first (the timer is right to); that attempt proves nothing, so try again.
      let ping = RawHTTP2.frame(type: 0x6, Array("handshak".utf8))
      for _ in 0..<3 {
        let received = ReceivedFrames()
        let peer = try await RawPeer.connect(port: port, collecting: received)
        let connected = ContinuousClock.now
        try? await peer.send(RawHTTP2.preface + RawHTTP2.settings() + ping)
        let acknowledged = await eventually(.seconds(30)) {
          received.closed || received.frames.contains { $0.type == 0x6 && $0.flags & 0x1 != 0 }
        }
        guard acknowledged, !received.closed else { continue }
        // Past the timer's deadline, counted from the connect (the timer starts at accept).
        try await Task.sleep(until: connected + timeout + .seconds(1))
        #expect(!received.closed, "the handshake timer closed a connection whose handshake completed")
        try? await peer.channel.close()
        return
      }
      Issue.record("three connections closed before the server read their preface")
    }
  }
}

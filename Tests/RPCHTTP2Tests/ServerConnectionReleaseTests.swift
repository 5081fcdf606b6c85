// After a peer disconnects, the server's per-connection objects (GRPCServerConnection, its
// nghttp2 session, queued response bytes) must be freed, not kept alive by a pending timer.

import NIOCore
import NIOPosix
import RPCCore
import Synchronization
import Testing

@testable import RPCHTTP2

/// Weak references to the server connections made by `ReleaseServer`, read on their loops.
final class ConnectionWatch: Sendable {
  final class Weak {
    weak var connection: GRPCServerConnection?
  }

  private let entries = Mutex<[NIOLoopBound<Weak>]>([])

  func add(_ connection: GRPCServerConnection, on eventLoop: any EventLoop) {
    let weak = Weak()
    weak.connection = connection
    entries.withLock { $0.append(NIOLoopBound(weak, eventLoop: eventLoop)) }
  }

  var count: Int { entries.withLock { $0.count } }

  /// Connections not yet deallocated.
  func alive() async throws -> Int {
    var alive = 0
    for entry in entries.withLock({ $0 }) {
      if try await entry.eventLoop.submit({ entry.value.connection != nil }).get() { alive += 1 }
    }
    return alive
  }
}

@Suite(.timeLimit(.minutes(1)))
struct ServerConnectionReleaseTests {
  /// A listener that serves `GRPCServerConnection`s (as `HTTP2ServerTransport` does) and
  /// watches them. The handshake timeout is 120 s, so a connection freed within the test's
  /// bound was freed by its close, not by the timer.
  private func withWatchedServer(
    _ body: (_ port: Int, _ watch: ConnectionWatch, _ probe: HandlerProbe) async throws -> Void
  ) async throws {
    let configuration = {
      var configuration = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
      configuration.handshakeTimeout = .seconds(120)
      return configuration
    }()
    let probe = HandlerProbe()
    let router = makeRobustRouter(probe: probe)
    let watch = ConnectionWatch()
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let connection = try GRPCServerConnection(
            channel: channel, router: router, configuration: configuration)
          try channel.pipeline.syncOperations.addHandler(connection.handler)
          watch.add(connection, on: channel.eventLoop)
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    do {
      try await body(listener.localAddress!.port!, watch, probe)
    } catch {
      try? await listener.close()
      throw error
    }
    try await listener.close()
  }

  @Test(
    "a connection whose peer vanished is freed at once, not when its handshake timer fires",
    arguments: [false, true])
  func vanishedConnectionIsFreed(withCall: Bool) async throws {
    try await withWatchedServer { port, watch, probe in
      let peer = try await RawPeer.connect(port: port)
      var opening = RawHTTP2.preface + RawHTTP2.settings()
      if withCall {
        opening += RawHTTP2.request(stream: 1, path: RobustMethods.path(RobustMethods.sleep))
        opening += RawHTTP2.message(stream: 1, [], endStream: true)
      }
      try await peer.send(opening)
      #expect(await eventually(.seconds(30)) { watch.count == 1 })
      if withCall { #expect(await eventually(.seconds(30)) { probe.startedCount == 1 }) }
      try await Task.sleep(for: .milliseconds(100))
      #expect(try await watch.alive() == 1)

      let vanished = ContinuousClock.now
      try await peer.vanish(.rst)
      var alive = 1
      while alive > 0, ContinuousClock.now - vanished < .seconds(30) {
        try await Task.sleep(for: .milliseconds(20))
        alive = try await watch.alive()
      }
      print(
        "connection release (call: \(withCall)): alive \(alive) after \(ContinuousClock.now - vanished)"
      )
      #expect(alive == 0, "the connection is still alive 30 s after its peer vanished")
      if withCall { #expect(probe.exits.first?.cancelled == true) }
    }
  }
}

// GOAWAY on the client: a server connection goes away while the server keeps listening.

import InteropAPI
import NIOCore
import NIOPosix
import RPCCore
import Synchronization
import Testing

@testable import RPCHTTP2

/// A server whose connections the test can tell to go away one by one, while it keeps listening.
final class GoAwayServer: Sendable {
  struct Live: Sendable {
    let eventLoop: any EventLoop
    let connection: NIOLoopBound<GRPCServerConnection>
  }

  let channel: any Channel
  let holder: ConnectionsHolder

  init(router: RPCRouter) async throws {
    let configuration = HTTP2ServerConfiguration(host: "127.0.0.1", port: 0)
    let holder = ConnectionsHolder()
    channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let connection = try GRPCServerConnection(
            channel: channel, router: router, configuration: configuration)
          try channel.pipeline.syncOperations.addHandler(connection.handler)
          holder.add(
            Live(
              eventLoop: channel.eventLoop,
              connection: NIOLoopBound(connection, eventLoop: channel.eventLoop)))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    self.holder = holder
  }

  var port: Int { channel.localAddress!.port! }

  func goAway(connection index: Int) {
    let live = holder.all[index]
    live.eventLoop.execute { live.connection.value.beginGracefulShutdown() }
  }
}

final class ConnectionsHolder: Sendable {
  private let lives = Mutex<[GoAwayServer.Live]>([])
  func add(_ live: GoAwayServer.Live) { lives.withLock { $0.append(live) } }
  var all: [GoAwayServer.Live] { lives.withLock { $0 } }
}

@Suite(.timeLimit(.minutes(1))) struct ClientGoAwayTests {
  @Test func goAwayMovesNewCallsToANewConnectionWhileOldCallsFinish() async throws {
    let observations = Observations()
    let server = try await GoAwayServer(router: makeRouter(observations))
    let transport = HTTP2ClientTransport(host: "127.0.0.1", port: server.port)
    let client = RPCClient(transport: transport)
    _ = try await client.unary(
      TestMethods.peer, request: SimpleRequest(), responseType: SimpleResponse.self)
    let long = Task {
      var request = SimpleRequest()
      request.responseSize = 500
      return try await client.unary(
        TestMethods.sleep, request: request, responseType: SimpleResponse.self)
    }
    #expect(await eventually { observations.startedCount == 1 })
    server.goAway(connection: 0)
    // Past the final GOAWAY (200 ms after the first): even if the client has not yet read the
    // first one (it happened under load), a call it still sends on the old connection is
    // refused and retried on a new one.
    try await Task.sleep(for: .milliseconds(300))
    // A new call goes to a second connection...
    _ = try await client.unary(
      TestMethods.peer, request: SimpleRequest(), responseType: SimpleResponse.self)
    #expect(observations.peers.count == 2)
    #expect(server.holder.all.count == 2)
    // ...while the call on the first one completes.
    _ = try await long.value
    await transport.close()
    try await server.channel.close()
  }
}

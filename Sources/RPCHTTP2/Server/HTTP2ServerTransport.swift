// Listens on a TCP port and serves gRPC over HTTP/2 (h2c with prior knowledge) with one
// nghttp2 session per connection, on SwiftNIO event loops.

public import NIOCore
internal import NIOPosix
public import RPCCore
internal import Synchronization

/// A gRPC server transport on libnghttp2.
public final class HTTP2ServerTransport: ServerTransport {
  private enum State {
    case idle
    case listening(any Channel)
    case stopping
    case stopped
  }

  /// One live connection, reachable from any thread.
  private struct LiveConnection {
    let eventLoop: any EventLoop
    let connection: NIOLoopBound<GRPCServerConnection>
  }

  public let configuration: HTTP2ServerConfiguration
  private let group: any EventLoopGroup
  /// The group was created here (from `configuration.eventLoopCount`) and is shut down here.
  private let ownsGroup: Bool
  private let state = Mutex<State>(.idle)
  private let connections = Mutex<[ObjectIdentifier: LiveConnection]>([:])
  private let bound: EventLoopPromise<SocketAddress>
  /// The limit on running calls (`configuration.maxConcurrentCalls`), shared by all connections.
  private let admission: CallAdmission?
  private let refusedConnections = Atomic<Int>(0)

  /// A server with `configuration`, on `group`; without one, on a group of
  /// `configuration.eventLoopCount` loops it owns, or else on NIO's shared event loops.
  public init(
    configuration: HTTP2ServerConfiguration,
    group: (any EventLoopGroup)? = nil
  ) {
    self.configuration = configuration
    if let group {
      self.group = group
      self.ownsGroup = false
    } else if let count = configuration.eventLoopCount {
      self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, count))
      self.ownsGroup = true
    } else {
      self.group = MultiThreadedEventLoopGroup.singleton
      self.ownsGroup = false
    }
    let group = self.group
    self.bound = group.any().makePromise(of: SocketAddress.self)
    self.admission = configuration.maxConcurrentCalls.map { CallAdmission(limit: $0) }
  }

  /// The address the server listens on, once it does (useful with port 0).
  public var listeningAddress: SocketAddress {
    get async throws { try await bound.futureResult.get() }
  }

  /// Connections accepted and not yet closed: for metrics, and for tests that check a vanished
  /// peer's connection (and with it its calls) was released.
  public var connectionCount: Int { connections.withLock { $0.count } }
  /// Connections closed on arrival because `maxConnections` were open.
  public var refusedConnectionCount: Int { refusedConnections.load(ordering: .relaxed) }
  /// Calls running now, when `maxConcurrentCalls` is set (health checks not counted).
  public var runningCallCount: Int { admission?.runningCount ?? 0 }
  /// Calls answered RESOURCE_EXHAUSTED because `maxConcurrentCalls` were running.
  public var shedCallCount: Int { admission?.shedCount ?? 0 }

  public func listen(router: RPCRouter) async throws {
    let configuration = configuration
    let channel: any Channel
    do {
      channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.backlog, value: 1024)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
        .childChannelOption(.maxMessagesPerRead, value: 16)
        .childChannelInitializer { [weak self, admission] channel in
          guard let self, self.reserveConnectionSlot() else {
            // Over the limit: the socket is closed before any HTTP/2 state exists for it.
            return channel.close()
          }
          return channel.eventLoop.makeCompletedFuture {
            do {
              let connection = try GRPCServerConnection(
                channel: channel, router: router, configuration: configuration, admission: admission)
              try channel.pipeline.syncOperations.addHandler(connection.handler)
              self.track(connection, channel: channel)
            } catch {
              self.releaseConnectionSlot()
              throw error
            }
          }
        }
        .bind(host: configuration.host, port: configuration.port)
        .get()
    } catch {
      bound.fail(error)
      await shutDownOwnedGroup()
      throw error
    }
    let started = state.withLock { state -> Bool in
      guard case .idle = state else { return false }
      state = .listening(channel)
      return true
    }
    guard started else {
      try? await channel.close()
      bound.fail(CancellationError())
      await shutDownOwnedGroup()
      return
    }
    if let address = channel.localAddress { bound.succeed(address) }
    try await channel.closeFuture.get()
    // The listener is closed: wait for the connections to drain (up to the grace period).
    let deadline = ContinuousClock.now + configuration.shutdownGracePeriod
    while !connections.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(20))
    }
    let remaining = connections.withLock { $0 }
    for live in remaining.values {
      live.eventLoop.execute { live.connection.value.forceClose() }
    }
    state.withLock { $0 = .stopped }
    // Let the forced closes run before the loops go away.
    let closeDeadline = ContinuousClock.now + .seconds(1)
    while !connections.withLock({ $0.isEmpty }), ContinuousClock.now < closeDeadline {
      try? await Task.sleep(for: .milliseconds(10))
    }
    await shutDownOwnedGroup()
  }

  /// Serves gRPC on `channel`, a connection this transport did not accept: installs the same
  /// per-connection handler `listen` does, with no server-wide limits. For the HTTP/2 fuzzer,
  /// which drives a connection through an `EmbeddedChannel`, byte by byte and deterministically.
  @_spi(Fuzzing) public static func serveConnection(
    on channel: any Channel, router: RPCRouter, configuration: HTTP2ServerConfiguration
  ) throws {
    let connection = try GRPCServerConnection(
      channel: channel, router: router, configuration: configuration)
    try channel.pipeline.syncOperations.addHandler(connection.handler)
  }

  private func shutDownOwnedGroup() async {
    guard ownsGroup else { return }
    try? await group.shutdownGracefully()
  }

  public func beginGracefulShutdown() {
    let listener = state.withLock { state -> (any Channel)? in
      guard case .listening(let channel) = state else {
        if case .idle = state { state = .stopped }
        return nil
      }
      state = .stopping
      return channel
    }
    listener?.close(promise: nil)
    for live in connections.withLock({ $0 }).values {
      live.eventLoop.execute { live.connection.value.beginGracefulShutdown() }
    }
  }

  /// Slots taken by connections being set up or open; checked and taken in one step, so
  /// connections accepted at once on several loops cannot overshoot `maxConnections`.
  private let connectionSlots = Atomic<Int>(0)

  private func reserveConnectionSlot() -> Bool {
    guard let limit = configuration.maxConnections else { return true }
    if connectionSlots.wrappingAdd(1, ordering: .relaxed).newValue <= limit { return true }
    connectionSlots.wrappingSubtract(1, ordering: .relaxed)
    refusedConnections.wrappingAdd(1, ordering: .relaxed)
    return false
  }

  private func releaseConnectionSlot() {
    guard configuration.maxConnections != nil else { return }
    connectionSlots.wrappingSubtract(1, ordering: .relaxed)
  }

  private func track(_ connection: GRPCServerConnection, channel: any Channel) {
    let key = ObjectIdentifier(connection)
    connections.withLock {
      $0[key] = LiveConnection(
        eventLoop: channel.eventLoop,
        connection: NIOLoopBound(connection, eventLoop: channel.eventLoop))
    }
    let draining = state.withLock { state -> Bool in
      if case .listening = state { return false }
      return true
    }
    if draining { connection.beginGracefulShutdown() }
    channel.closeFuture.whenComplete { [weak self] _ in
      _ = self?.connections.withLock { $0.removeValue(forKey: key) }
      self?.releaseConnectionSlot()
    }
  }
}

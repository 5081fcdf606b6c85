// The connection life cycle of one client transport: connect lazily on the first call, share
// the connection among all calls (queueing those beyond the server's concurrent-stream limit),
// move to a new connection after GOAWAY while the old one drains, back off after failed
// attempts, and close gracefully. Confined to the transport's event loop.

internal import NIOCore
internal import NIOPosix
internal import RPCCore

final class GRPCClientConnectionManager {
  private enum State {
    /// No connection; the next call connects.
    case idle
    /// A connection attempt is running (TCP, then the server's first SETTINGS); calls queue.
    case connecting
    /// Calls go to this connection.
    case ready(GRPCClientConnection)
    /// The last attempt failed: calls fail fast with this error until the back-off expires.
    case transientFailure(RPCError)
    /// `close()` was called: calls fail; live connections drain.
    case shutdown
  }

  let eventLoop: any EventLoop
  private let host: String
  private let port: Int
  private let configuration: HTTP2ClientConfiguration
  private let authority: String
  private var state = State.idle
  /// Calls waiting for a connection or a free stream, oldest first. Calls that ended while
  /// waiting (deadline, cancellation) stay until popped and are skipped then.
  private var pending = CircularBuffer<GRPCClientStream>()
  /// Every connection with a live channel: the ready one and those draining.
  private var connections: [ObjectIdentifier: GRPCClientConnection] = [:]
  /// The connection of the running attempt, created by the channel initializer.
  private var connecting: GRPCClientConnection?
  /// The connection of the running attempt once TCP is up, until the server's SETTINGS arrive:
  /// calls wait for them so the first burst respects the server's concurrent-stream limit.
  private var handshaking: GRPCClientConnection?
  private var attempt = 0
  private var backoff: ConnectionBackoff.Iterator
  private var closePromises: [EventLoopPromise<Void>] = []

  init(
    eventLoop: any EventLoop, host: String, port: Int, configuration: HTTP2ClientConfiguration
  ) {
    self.eventLoop = eventLoop
    self.host = host
    self.port = port
    self.configuration = configuration
    self.authority =
      configuration.authority ?? (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
    self.backoff = configuration.backoff.makeIterator()
  }

  // MARK: Calls

  /// Opens `stream` now if the connection has room, else queues it (connecting if needed).
  /// `retry` marks a call the server refused unprocessed: its deadline timer already runs.
  func enqueue(_ stream: GRPCClientStream, retry: Bool = false) {
    if !retry { stream.startDeadlineTimer() }
    switch state {
    case .shutdown:
      stream.failToOpen(RPCError(code: .unavailable, message: "the client transport is closed"))
    case .transientFailure(let error):
      // Fail fast (gRPC's default, not wait-for-ready) while backing off.
      stream.failToOpen(error)
    case .ready(let connection) where pending.isEmpty && connection.hasCapacity:
      connection.open(stream)
    case .ready, .connecting:
      pending.append(stream)
    case .idle:
      pending.append(stream)
      connect()
    }
  }

  /// Opens queued calls while the ready connection has room.
  private func dispatch() {
    guard case .ready(let connection) = state else { return }
    while connection.hasCapacity, let stream = pending.popFirst() {
      if stream.phase == .queued { connection.open(stream) }
    }
    while let first = pending.first, first.phase != .queued { pending.removeFirst() }
  }

  private func failPending(_ error: RPCError) {
    while let stream = pending.popFirst() { stream.failToOpen(error) }
  }

  // MARK: Connecting

  private func connect() {
    attempt += 1
    let attemptID = attempt
    state = .connecting
    let manager = NIOLoopBound(self, eventLoop: eventLoop)
    let configuration = configuration
    let authority = authority
    ClientBootstrap(group: eventLoop)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .connectTimeout(TimeAmount(configuration.connectTimeout))
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let connection = try GRPCClientConnection(
            channel: channel, manager: manager.value, configuration: configuration,
            authority: authority)
          try channel.pipeline.syncOperations.addHandler(connection.handler)
          manager.value.connectionCreated(connection, attempt: attemptID)
        }
      }
      .connect(host: host, port: port)
      .whenComplete { result in
        manager.value.connectCompleted(attempt: attemptID, result.map { _ in () })
      }
  }

  private func connectionCreated(_ connection: GRPCClientConnection, attempt: Int) {
    if attempt == self.attempt { connecting = connection }
  }

  private func connectCompleted(attempt: Int, _ result: Result<Void, any Error>) {
    let connection = attempt == self.attempt ? connecting : nil
    if attempt == self.attempt { connecting = nil }
    guard attempt == self.attempt, case .connecting = state else {
      connection?.abandon()  // a stale attempt, or the transport closed meanwhile
      return
    }
    switch result {
    case .success:
      guard let connection, !connection.closed else {
        return connectFailed("the connection closed at once", cause: nil)
      }
      connections[ObjectIdentifier(connection)] = connection
      handshaking = connection
      eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(configuration.connectTimeout)) {
        guard self.handshaking === connection else { return }
        connection.close("no SETTINGS from the server within the connect timeout")
      }
    case .failure(let error):
      connection?.abandon()
      connectFailed("\(error)", cause: error)
    }
  }

  private func connectFailed(_ reason: String, cause: (any Error)?) {
    let failure = RPCError(
      code: .unavailable, message: "cannot connect to \(host):\(port): \(reason)", cause: cause)
    state = .transientFailure(failure)
    failPending(failure)
    let attemptID = attempt
    eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(backoff.next())) {
      // The back-off is over: the next call tries again.
      guard attemptID == self.attempt, case .transientFailure = self.state else { return }
      self.state = .idle
      if !self.pending.isEmpty { self.connect() }
    }
  }

  // MARK: Connection events

  /// The server's first SETTINGS arrived: calls go to this connection.
  func connectionReady(_ connection: GRPCClientConnection) {
    guard case .connecting = state, handshaking === connection else { return }
    handshaking = nil
    backoff = configuration.backoff.makeIterator()
    state = .ready(connection)
    connection.startKeepalive()
    dispatch()
  }

  /// A connection received GOAWAY: new calls go to a new one.
  func connectionDraining(_ connection: GRPCClientConnection) {
    if handshaking === connection {
      handshaking = nil
      return connectFailed("GOAWAY before the first SETTINGS", cause: nil)
    }
    guard case .ready(let current) = state, current === connection else { return }
    state = .idle
    if !pending.isEmpty { connect() }
  }

  /// A stream ended or the server raised its limit: queued calls may start.
  func streamSlotFreed(_ connection: GRPCClientConnection) {
    guard case .ready(let current) = state, current === connection else { return }
    dispatch()
  }

  /// A connection's channel closed; its calls have already failed.
  func connectionClosed(_ connection: GRPCClientConnection) {
    connections.removeValue(forKey: ObjectIdentifier(connection))
    if handshaking === connection {
      handshaking = nil
      connectFailed("the connection closed before the server's SETTINGS", cause: nil)
    }
    if case .ready(let current) = state, current === connection {
      state = .idle
      if !pending.isEmpty { connect() }
    }
    if case .shutdown = state, connections.isEmpty { completeClose() }
  }

  // MARK: Shutdown

  /// Stops taking calls; in-flight calls finish, then every connection closes. `promise`
  /// completes when the last one has.
  func close(promise: EventLoopPromise<Void>?) {
    if let promise { closePromises.append(promise) }
    if case .shutdown = state {
      if connections.isEmpty { completeClose() }
      return
    }
    state = .shutdown
    failPending(RPCError(code: .unavailable, message: "the client transport is closed"))
    connecting?.abandon()
    connecting = nil
    handshaking = nil
    for connection in Array(connections.values) { connection.startDraining() }
    if connections.isEmpty { completeClose() }
  }

  private func completeClose() {
    let promises = closePromises
    closePromises = []
    for promise in promises { promise.succeed() }
  }
}

@available(*, unavailable)
extension GRPCClientConnectionManager: Sendable {}

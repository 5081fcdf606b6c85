// gRPC on one client-side HTTP/2 connection: opens streams for calls the manager hands it (up
// to the server's SETTINGS_MAX_CONCURRENT_STREAMS), routes the session's events to them, keeps
// the connection alive with PINGs if asked, and reports GOAWAY and loss to the manager.
// Everything here runs on the transport's event loop.

internal import NIOCore
internal import RPCCore

final class GRPCClientConnection: HTTP2SessionDelegate {
  let session: HTTP2Session
  let handler: HTTP2ConnectionHandler
  private let eventLoop: any EventLoop
  // Strong: the manager must outlive its connections (a cycle broken when the channel closes).
  private let manager: GRPCClientConnectionManager
  private let authority: String
  private let userAgent: String
  private let acceptEncodingValue: String
  private let keepalive: HTTP2ClientConfiguration.Keepalive?
  private var streams: [Int32: GRPCClientStream] = [:]
  private var keepaliveTimer: Scheduled<Void>?
  private var pingTimeout: Scheduled<Void>?
  /// GOAWAY received (or the transport is closing): no new streams; close when the last ends.
  private(set) var draining = false
  /// The channel is gone.
  private(set) var closed = false
  /// The server's first SETTINGS arrived.
  private(set) var handshakeDone = false

  init(
    channel: any Channel, manager: GRPCClientConnectionManager,
    configuration: HTTP2ClientConfiguration, authority: String
  ) throws {
    self.eventLoop = channel.eventLoop
    self.manager = manager
    self.authority = authority
    self.userAgent = configuration.userAgent
    self.acceptEncodingValue = CompressionNegotiation.acceptEncodingHeader(
      configuration.acceptedEncodings)
    self.keepalive = configuration.keepalive
    self.session = try HTTP2Session(
      role: .client, limits: configuration.limits, allocator: channel.allocator)
    self.handler = HTTP2ConnectionHandler(session: session)
    self.session.delegate = self
    self.handler.owner = self
    self.handler.onClose = { [unowned self] in self.connectionClosed() }
  }

  /// Calls in flight.
  var activeStreams: Int { streams.count }

  /// Whether another call may start here now.
  var hasCapacity: Bool {
    !draining && !closed && UInt32(streams.count) < session.remoteMaxConcurrentStreams
  }

  /// Starts the keepalive timer, once the connection is ready.
  func startKeepalive() {
    scheduleKeepalive()
  }

  private func scheduleKeepalive() {
    guard let keepalive, !closed else { return }
    keepaliveTimer = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(keepalive.interval)) {
      self.sendKeepalivePing()
      self.scheduleKeepalive()
    }
  }

  // MARK: Calls

  /// Submits the request headers of `stream` (a free slot was checked by the manager).
  func open(_ stream: GRPCClientStream) {
    guard
      let headers = stream.requestHeaders(
        authority: authority, userAgent: userAgent, acceptEncoding: acceptEncodingValue)
    else {
      return stream.failToOpen(RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
    }
    let id: Int32
    do {
      id = try session.submitRequest(headers)
    } catch {
      return stream.failToOpen(
        RPCError(code: .unavailable, message: "cannot start a stream: \(error)"))
    }
    streams[id] = stream
    stream.didOpen(on: self, id: id)
    handler.scheduleFlush()
  }

  // MARK: Session events

  func session(
    _ session: HTTP2Session, stream id: Int32, receivedHeaders headers: [HeaderField],
    endStream: Bool
  ) {
    streams[id]?.receivedHeaders(headers, endStream: endStream)
  }

  func session(
    _ session: HTTP2Session, stream id: Int32, receivedData bytes: UnsafeRawBufferPointer
  ) {
    let consumable = streams[id]?.receivedData(bytes) ?? bytes.count
    session.consume(stream: id, count: consumable)
  }

  func session(_ session: HTTP2Session, streamEnded id: Int32) {
    streams[id]?.remoteEnded()
  }

  func session(_ session: HTTP2Session, streamClosed id: Int32, errorCode: UInt32) {
    guard let stream = streams.removeValue(forKey: id) else { return }
    if stream.prepareTransparentRetry(errorCode: errorCode) {
      // Refused unprocessed (GOAWAY above its id, or RST_STREAM REFUSED_STREAM): safe to send
      // again, on the current connection or a new one.
      manager.enqueue(stream, retry: true)
    } else {
      stream.closed(errorCode: errorCode)
    }
    if draining && streams.isEmpty {
      handler.closeWhenFlushed()
    } else {
      manager.streamSlotFreed(self)
    }
  }

  func session(_ session: HTTP2Session, outboundDrained id: Int32) {
    streams[id]?.outboundDrained()
  }

  func session(_ session: HTTP2Session, goAwayReceived lastStreamID: Int32, errorCode: UInt32) {
    // nghttp2 closes our streams above `lastStreamID` itself (REFUSED_STREAM → UNAVAILABLE,
    // safe to retry); those at or below it run to completion here.
    startDraining()
  }

  func sessionReceivedSettings(_ session: HTTP2Session) {
    if handshakeDone {
      manager.streamSlotFreed(self)
    } else {
      // The server's first SETTINGS: its stream limit is known, calls may start.
      handshakeDone = true
      manager.connectionReady(self)
    }
  }

  func sessionReceivedPingAck(_ session: HTTP2Session) {
    pingTimeout?.cancel()
    pingTimeout = nil
  }

  // MARK: Keepalive

  private func sendKeepalivePing() {
    guard let keepalive, !closed, pingTimeout == nil else { return }
    guard !streams.isEmpty || keepalive.permitWithoutCalls else { return }
    session.ping()
    handler.scheduleFlush()
    pingTimeout = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(keepalive.timeout)) {
      self.pingTimeout = nil
      self.failAll("keepalive ping not acknowledged")
      self.handler.close()
    }
  }

  // MARK: Lifecycle

  /// No new calls here; the connection closes when its last call ends.
  func startDraining() {
    guard !draining else { return }
    draining = true
    manager.connectionDraining(self)
    if streams.isEmpty { handler.closeWhenFlushed() }
  }

  private func failAll(_ message: String) {
    let current = streams
    streams.removeAll()
    for stream in current.values { stream.connectionLost(message) }
  }

  /// The channel closed (peer, error, keepalive, or us): calls still running fail UNAVAILABLE.
  private func connectionClosed() {
    guard !closed else { return }
    closed = true
    keepaliveTimer?.cancel()
    keepaliveTimer = nil
    pingTimeout?.cancel()
    pingTimeout = nil
    failAll("the connection to the server was lost")
    manager.connectionClosed(self)
  }

  /// Closes the channel now; calls still running fail with `UNAVAILABLE`.
  func close(_ reason: String) {
    failAll(reason)
    handler.close()
  }

  /// Closes the channel of a connection the manager did not adopt (a failed, stale or
  /// cancelled attempt) and breaks the handler ↔ connection cycle, which `channelInactive`
  /// would not break for a channel that never became active.
  func abandon() {
    handler.close()
    handler.onClose = nil
    handler.owner = nil
  }
}

@available(*, unavailable)
extension GRPCClientConnection: Sendable {}

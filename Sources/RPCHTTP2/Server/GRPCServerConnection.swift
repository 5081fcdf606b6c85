// gRPC on one server-side HTTP/2 connection: request headers are checked and routed, request
// DATA is deframed into messages, each call runs in a task of its own, and responses come back
// through `HTTP2ResponseSink`. Everything here runs on the connection's event loop.

internal import NIOCore
internal import RPCCore

/// Stored properties are `@exclusivity(unchecked)`, as in `HTTP2Session`: confined to the
/// connection's event loop, and no property is accessed while another access to it is open.
final class GRPCServerConnection: HTTP2SessionDelegate {
  let session: HTTP2Session
  let handler: HTTP2ConnectionHandler
  private let router: RPCRouter
  private let configuration: HTTP2ServerConfiguration
  /// The server-wide limit on running calls, if any.
  private let admission: CallAdmission?
  private let eventLoop: any EventLoop
  private let peer: String
  private let acceptEncodingValue: String
  /// Calls' tasks prefer the connection's event loop as their executor (see `startTask`).
  private let taskExecutor: EventLoopTaskExecutor
  @exclusivity(unchecked) private var streams = StreamMap<ServerStream>()
  @exclusivity(unchecked) private var lastRoute: (path: String, handler: ServerMethodHandler)?
  /// `:status`, `content-type` and `grpc-accept-encoding`: the start of every response.
  private let baseResponseHeaders: [HeaderField]
  /// The trailers of a plain OK: built once, not per call.
  private let okTrailers = [HeaderField("grpc-status", RPCStatus.Code.ok.grpcStatusHeader)]
  /// `baseResponseHeaders` and `okTrailers` laid out for nghttp2 once: most calls send
  /// exactly these.
  private let preparedResponseHeaders: PreparedHeaders
  private let preparedOKTrailers: PreparedHeaders
  /// An uncompressed empty message framed (five zero bytes): `google.protobuf.Empty`
  /// responses and empty acknowledgements share it instead of allocating a buffer each.
  private let framedEmptyMessage: ByteBuffer
  /// Set once a graceful shutdown began: the connection closes when the last stream ends.
  @exclusivity(unchecked) private(set) var draining = false
  /// The final GOAWAY (with the last stream id we serve) is out: later streams are refused.
  @exclusivity(unchecked) private var finalGoAwaySent = false
  /// The peer's SETTINGS arrived: the handshake is complete.
  @exclusivity(unchecked) private var handshakeDone = false
  /// When the last call ended (for the idle timeout).
  @exclusivity(unchecked) private var idleSince = NIODeadline.now()
  @exclusivity(unchecked) private var keepaliveTimeoutTask: Scheduled<Void>?
  /// Closes a connection that does not complete the handshake in time. Cancelled once it does,
  /// or when the connection closes: its closure keeps the connection (and its session) alive.
  @exclusivity(unchecked) private var handshakeTimer: Scheduled<Void>?
  @exclusivity(unchecked) private var timers: [RepeatedTask] = []

  init(
    channel: any Channel, router: RPCRouter, configuration: HTTP2ServerConfiguration,
    admission: CallAdmission? = nil
  ) throws {
    self.router = router
    self.configuration = configuration
    self.admission = admission
    self.eventLoop = channel.eventLoop
    self.taskExecutor = EventLoopTaskExecutor(eventLoop: channel.eventLoop)
    self.peer = channel.remoteAddress.map { "\($0)" } ?? "unknown"
    self.acceptEncodingValue = CompressionNegotiation.acceptEncodingHeader(
      configuration.acceptedEncodings)
    self.baseResponseHeaders = [
      HeaderField(":status", "200"), HeaderField("content-type", "application/grpc"),
      HeaderField("grpc-accept-encoding", acceptEncodingValue),
    ]
    let session = try HTTP2Session(
      role: .server, limits: configuration.limits, allocator: channel.allocator)
    self.session = session
    // Reserved names a server does not act on (`openCall` skips them).
    session.ignoredHeaders =
      KnownHeader.scheme.bit | KnownHeader.authority.bit | KnownHeader.status.bit | KnownHeader.te.bit
      | KnownHeader.grpcStatus.bit | KnownHeader.grpcMessage.bit
    self.preparedResponseHeaders = session.prepare(baseResponseHeaders)
    self.preparedOKTrailers = session.prepare(okTrailers)
    self.framedEmptyMessage = ByteBuffer(repeating: 0, count: MessageFramer.prefixLength)
    self.handler = HTTP2ConnectionHandler(session: session)
    self.session.delegate = self
    self.handler.owner = self
    self.handler.onClose = { [unowned self] in self.connectionClosed() }
    startTimers()
  }

  // MARK: Connection timers

  private func startTimers() {
    let loop = eventLoop.assumeIsolated()
    handshakeTimer = loop.scheduleTask(in: TimeAmount(configuration.handshakeTimeout)) {
      if !self.handshakeDone { self.handler.close() }
    }
    let connection = NIOLoopBound(self, eventLoop: eventLoop)
    if let idle = configuration.idleTimeout {
      let check = TimeAmount.nanoseconds(TimeAmount(idle).nanoseconds / 4)
      timers.append(
        eventLoop.scheduleRepeatedTask(initialDelay: check, delay: check) { _ in
          connection.value.closeIfIdle(for: TimeAmount(idle))
        })
    }
    if let interval = configuration.keepaliveInterval {
      timers.append(
        eventLoop.scheduleRepeatedTask(initialDelay: TimeAmount(interval), delay: TimeAmount(interval)) { _ in
          connection.value.sendKeepalive()
        })
    }
  }

  private func closeIfIdle(for idle: TimeAmount) {
    if streams.isEmpty, !draining, NIODeadline.now() - idleSince >= idle {
      beginGracefulShutdown()
    }
  }

  private func sendKeepalive() {
    guard keepaliveTimeoutTask == nil else { return }
    session.ping()
    handler.scheduleFlush()
    keepaliveTimeoutTask = eventLoop.assumeIsolated().scheduleTask(
      in: TimeAmount(configuration.keepaliveTimeout)
    ) {
      // No answer: the peer or the path is gone.
      self.handler.close()
    }
  }

  func sessionReceivedPingAck(_ session: HTTP2Session) {
    keepaliveTimeoutTask?.cancel()
    keepaliveTimeoutTask = nil
  }

  func sessionReceivedSettings(_ session: HTTP2Session) {
    handshakeDone = true
    handshakeTimer?.cancel()
    handshakeTimer = nil
  }

  // MARK: Requests

  func session(_ session: HTTP2Session, stream id: Int32, receivedHeaders headers: [HeaderField], endStream: Bool) {
    if let stream = streams[id] {
      // Trailers from the client: gRPC clients send none, but they end the request all the same.
      if endStream { requestEnded(stream) }
      return
    }
    guard !finalGoAwaySent else {
      session.reset(stream: id, errorCode: UInt32(NGHTTP2RefusedStream))
      return
    }
    openCall(id, headers, endStream: endStream)
  }

  private func openCall(_ id: Int32, _ headers: [HeaderField], endStream: Bool) {
    var method = "", path = "", contentType = "", timeout: String?, encoding: String?
    var acceptEncoding: String?
    var metadata = Metadata()
    // Through the buffer, field by field: binding each `HeaderField` would copy (retain and
    // release) both of its strings.
    headers.withUnsafeBufferPointer { headers in
      for index in headers.indices {
        let known = headers[index].known
        if metadata.isEmpty, known == .userAgent || known == .other {
          // One allocation for all the custom metadata instead of growing it per field.
          metadata.reserveCapacity(headers.count - index)
        }
        switch known {
        case .method: method = headers[index].value
        case .path: path = headers[index].value
        case .contentType: contentType = headers[index].value
        case .grpcTimeout: timeout = headers[index].value
        case .grpcEncoding: encoding = headers[index].value
        case .grpcAcceptEncoding: acceptEncoding = headers[index].value
        case .userAgent:
          // A valid, lowercase, non-binary key: nothing to check.
          metadata.appendReceivedText(validKey: headers[index].name, value: headers[index].value)
        case .other:
          // nghttp2 has checked the name (HTTP/2 names are lowercase), so no normalising.
          if !Metadata.isReserved(key: headers[index].name) {
            metadata.appendReceivedHeader(lowercaseName: headers[index].name, value: headers[index].value)
          }
        case .scheme, .authority, .status, .te, .grpcStatus, .grpcMessage:
          break  // reserved (and not delivered to a server: see `ignoredHeaders`)
        }
      }
    }

    // Not gRPC: plain HTTP answers, so generic HTTP/2 clients and tools understand them.
    guard method == "POST" else {
      return respondHTTPError(id, status: "405", extra: [HeaderField("allow", "POST")], endStream)
    }
    guard Self.isGRPC(contentType: contentType) else {
      return respondHTTPError(id, status: "415", extra: [], endStream)
    }
    guard let methodHandler = route(path) else {
      return respondTrailersOnly(id, RPCRouter.unimplementedStatus(path: path), endStream)
    }
    var holdsAdmission = false
    if let admission, CallAdmission.applies(to: methodHandler.descriptor, path: path) {
      guard admission.admit() else {
        return respondTrailersOnly(id, admission.overloadedStatus, endStream)
      }
      holdsAdmission = true
    }
    var deadline: ContinuousClock.Instant?
    if let timeout {
      guard let parsed = GRPCTimeout(header: timeout) else {
        if holdsAdmission { admission?.release() }
        return respondTrailersOnly(
          id, RPCStatus(code: .internal, message: "malformed grpc-timeout '\(timeout)'"), endStream)
      }
      deadline = parsed.deadline()
    }
    let requestEncoding: CompressionAlgorithm
    do {
      requestEncoding = try CompressionNegotiation.requestEncoding(
        grpcEncoding: encoding, enabled: configuration.acceptedEncodings)
    } catch {
      if holdsAdmission { admission?.release() }
      return respondTrailersOnly(id, error.status, endStream)
    }
    let responseEncoding = CompressionNegotiation.responseEncoding(
      preferred: configuration.responseEncoding, clientAcceptEncoding: acceptEncoding)

    let descriptor = methodHandler.descriptor
    let requests: ServerStream.Requests
    if descriptor.kind.hasSingleRequest {
      requests = .collecting(first: nil, count: 0)
    } else {
      let loop = eventLoop
      let connection = NIOLoopBound(self, eventLoop: loop)
      requests = .streaming(
        RPCMessageChannel<ReceivedMessage>(highWatermark: 16) {
          loop.execute { connection.value.resumeReading(id) }
        })
    }
    let stream = ServerStream(
      id: id, connection: self, handler: methodHandler,
      context: ServerContext(descriptor: descriptor, metadata: metadata, deadline: deadline, peer: peer),
      deframer: MessageDeframer(
        compression: requestEncoding, maxReceiveSize: configuration.maxReceiveMessageSize),
      framer: MessageFramer(
        compression: responseEncoding, maxSendSize: configuration.maxSendMessageSize),
      responseEncodingName: responseEncoding.isIdentity ? nil : responseEncoding.name,
      requests: requests)
    stream.holdsAdmission = holdsAdmission
    streams[id] = stream

    if let deadline {
      let delay = ContinuousClock.now.duration(to: deadline)
      let nanoseconds = max(0, delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000)
      stream.deadlineTimer = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanoseconds)) {
        self.deadlineExpired(id)
      }
    }
    if case .streaming(let channel) = requests {
      startTask(stream, ServerRequestStream.channel(channel))
    }
    if endStream { requestEnded(stream) }
  }

  /// Whether `contentType` starts with `application/grpc` (`+proto` and the like follow it):
  /// one `memcmp` on the bytes, where `hasPrefix` compares Unicode text.
  private static func isGRPC(contentType: String) -> Bool {
    let prefix = "application/grpc"
    return contentType.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count >= prefix.utf8.count
        && utf8(of: prefix, equals: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[..<prefix.utf8.count]))
    } ?? contentType.hasPrefix(prefix)
  }

  /// The handler for `path`. Calls on a connection mostly repeat one method, and the session
  /// interns `:path`, so the last answer is kept: a string comparison that is usually a pointer
  /// comparison instead of hashing the path.
  private func route(_ path: String) -> ServerMethodHandler? {
    if let lastRoute, lastRoute.path == path { return lastRoute.handler }
    guard let handler = router.handler(forPath: path) else { return nil }
    lastRoute = (path, handler)
    return handler
  }

  func session(_ session: HTTP2Session, stream id: Int32, receivedData bytes: UnsafeRawBufferPointer) {
    guard let stream = streams[id], !stream.finished, !stream.requestEnded else {
      session.consume(stream: id, count: bytes.count)  // nobody will read it: keep the window open
      return
    }
    var chunk = bytes
    do {
      while let message = try stream.deframer.next(from: &chunk) {
        deliver(ReceivedMessage(bytes: message, compressed: stream.deframer.lastMessageCompressed), to: stream)
      }
    } catch {
      session.consume(stream: id, count: bytes.count)
      return failCall(stream, error.status)
    }
    if stream.paused {
      stream.unconsumedBytes += bytes.count
    } else {
      session.consume(stream: id, count: bytes.count)
    }
  }

  private func deliver(_ message: ReceivedMessage, to stream: ServerStream) {
    switch stream.requests {
    case .collecting(let first, let count):
      stream.requests = .collecting(first: first ?? message, count: count + 1)
    case .streaming(let channel):
      if channel.yield(message) == .stopProducing { stream.paused = true }
    }
  }

  func session(_ session: HTTP2Session, streamEnded id: Int32) {
    if let stream = streams[id] { requestEnded(stream) }
  }

  private func requestEnded(_ stream: ServerStream) {
    guard !stream.requestEnded else { return }
    stream.requestEnded = true
    guard !stream.finished else { return }
    do {
      try stream.deframer.finish()
    } catch {
      if case .streaming(let channel) = stream.requests { channel.finish(throwing: error) }
      return failCall(stream, error.status)
    }
    switch stream.requests {
    case .collecting(let first, let count):
      switch count {
      case 0: startTask(stream, .empty)
      case 1: startTask(stream, .single(first!.bytes, compressed: first!.compressed))
      default:
        failCall(
          stream,
          RPCStatus(code: .internal, message: "more than one request message for a single-request method"))
      }
    case .streaming(let channel):
      channel.finish()
    }
  }

  /// The request channel drained: reopen the flow-control window for what was held back.
  func resumeReading(_ id: Int32) {
    guard let stream = streams[id], stream.paused else { return }
    stream.paused = false
    session.consume(stream: id, count: stream.unconsumedBytes)
    stream.unconsumedBytes = 0
    handler.scheduleFlush()
  }

  /// Runs the call's handler in a task that prefers the connection's event loop as its
  /// executor: the handler runs on this thread (no hop to the global pool and back), and its
  /// response is queued directly in the session. Where the toolchain has `Task.immediate`, the
  /// task starts synchronously, right here, so a handler that does not suspend has submitted its
  /// whole response before this read is processed and it leaves with the read's flush.
  private func startTask(_ stream: ServerStream, _ requests: ServerRequestStream) {
    let sink = HTTP2ResponseSink(stream: stream, eventLoop: eventLoop)
    let methodHandler = stream.handler
    // Moved out, not copied: the task is the context's only user from here on.
    let context = stream.context.take()!
    let interceptors = router.interceptors
    if !configuration.runsHandlersOnEventLoop {
      stream.task = Task {
        await methodHandler.handle(
          requests: requests, response: sink, context: context, interceptors: interceptors)
      }
    } else if #available(macOS 26.0, *) {
      stream.task = Task.immediate(executorPreference: taskExecutor) {
        await methodHandler.handle(
          requests: requests, response: sink, context: context, interceptors: interceptors)
      }
    } else {
      stream.task = Task(executorPreference: taskExecutor) {
        await methodHandler.handle(
          requests: requests, response: sink, context: context, interceptors: interceptors)
      }
    }
  }

  // MARK: Stream end

  func session(_ session: HTTP2Session, streamClosed id: Int32, errorCode: UInt32) {
    guard let stream = streams.removeValue(forKey: id) else { return }
    stream.deadlineTimer?.cancel()
    if stream.holdsAdmission {
      stream.holdsAdmission = false
      admission?.release()
    }
    if !stream.finished {
      // Reset by the client or lost with the connection: the handler's work is moot.
      stream.finished = true
      stream.task?.cancel()
      if case .streaming(let channel) = stream.requests {
        channel.finish(throwing: RPCError(code: .cancelled, message: "the client cancelled the call"))
      }
    }
    stream.writeWaiter?.fail(RPCError(code: .cancelled, message: "the stream is closed"))
    stream.writeWaiter = nil
    if streams.isEmpty { idleSince = .now() }
    if draining && streams.isEmpty { closeAfterFinalGoAway() }
  }

  func session(_ session: HTTP2Session, outboundDrained id: Int32) {
    guard let stream = streams[id], let waiter = stream.writeWaiter else { return }
    stream.writeWaiter = nil
    waiter.succeed()
  }

  func session(_ session: HTTP2Session, goAwayReceived lastStreamID: Int32, errorCode: UInt32) {}

  private func deadlineExpired(_ id: Int32) {
    guard let stream = streams[id], !stream.finished else { return }
    finish(stream, status: RPCStatus(code: .deadlineExceeded, message: "deadline exceeded"), trailers: [:])
    stream.task?.cancel()
    if case .streaming(let channel) = stream.requests {
      channel.finish(throwing: RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
    }
  }

  /// Ends a call from the transport's side (bad framing, too large, too many messages).
  private func failCall(_ stream: ServerStream, _ status: RPCStatus) {
    guard !stream.finished else { return }
    finish(stream, status: status, trailers: [:])
    stream.task?.cancel()
  }

  // MARK: Responses (called through HTTP2ResponseSink, on the event loop)

  func writeHeaders(_ stream: ServerStream, _ metadata: Metadata) throws(RPCError) {
    guard !stream.finished else { throw RPCError(code: .cancelled, message: "the stream is closed") }
    guard !stream.headersSent else { return }
    stream.headersSent = true
    do {
      if stream.responseEncodingName == nil, metadata.isEmpty {
        try session.submitResponse(stream: stream.id, prepared: preparedResponseHeaders)
      } else {
        var headers = baseResponseHeaders
        if let name = stream.responseEncodingName { headers.append(HeaderField("grpc-encoding", name)) }
        metadata.forEachHeaderToSend { headers.append(HeaderField($0, $1)) }
        try session.submitResponse(stream: stream.id, headers: headers)
      }
    } catch {
      throw RPCError(code: .internal, message: "cannot send headers: \(error)")
    }
    handler.scheduleFlush()
  }

  /// Queues one framed message. Returns nil when the writer may send the next one at once,
  /// or a future that completes when the stream's queue has drained enough.
  func writeMessage(
    _ stream: ServerStream, _ message: [UInt8], compress: Bool
  ) throws(RPCError) -> EventLoopFuture<Void>? {
    try writeHeaders(stream, [:])
    let accepted = try send(message, compress: compress, on: stream)
    handler.scheduleFlush()
    if accepted { return nil }
    let waiter = eventLoop.makePromise(of: Void.self)
    stream.writeWaiter = waiter
    return waiter.futureResult
  }

  /// Ends the response with trailers (or a trailers-only response when nothing was sent).
  func finish(_ stream: ServerStream, status: RPCStatus, trailers: Metadata) {
    guard !stream.finished else { return }
    stream.finished = true
    stream.deadlineTimer?.cancel()
    if stream.headersSent {
      if status.code == .ok, status.message.isEmpty, trailers.isEmpty {
        session.finish(stream: stream.id, prepared: preparedOKTrailers)
      } else {
        session.finish(stream: stream.id, trailers: trailerFields(status, trailers))
      }
    } else {
      var fields = baseResponseHeaders
      fields.append(contentsOf: trailerFields(status, trailers))
      try? session.submitHeadersOnly(stream: stream.id, headers: fields)
    }
    handler.scheduleFlush()
  }

  /// A whole unary response in one step.
  func finishUnary(_ stream: ServerStream, headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata) {
    guard !stream.finished else { return }
    do throws(RPCError) {
      try writeHeaders(stream, headers)
      try send(message, compress: compress, on: stream)
      finish(stream, status: .ok, trailers: trailers)
    } catch {
      finish(stream, status: error.status, trailers: error.metadata)
    }
  }

  /// Queues one response message on `stream`; false when the writer should wait.
  @discardableResult
  private func send(_ message: [UInt8], compress: Bool, on stream: ServerStream) throws(RPCError) -> Bool {
    if message.isEmpty, !compress || stream.framer.compressor == nil {
      return session.send(data: framedEmptyMessage, stream: stream.id)
    }
    return try stream.framer.send(message, compress: compress, on: session, stream: stream.id)
  }

  private func trailerFields(_ status: RPCStatus, _ trailers: Metadata) -> [HeaderField] {
    if status.code == .ok, status.message.isEmpty, trailers.isEmpty { return okTrailers }
    var fields = [HeaderField("grpc-status", status.code.grpcStatusHeader)]
    if !status.message.isEmpty {
      fields.append(HeaderField("grpc-message", GRPCMessageEncoding.encode(status.message)))
    }
    trailers.forEachHeaderToSend { fields.append(HeaderField($0, $1)) }
    return fields
  }

  private func respondTrailersOnly(_ id: Int32, _ status: RPCStatus, _ requestEnded: Bool) {
    var fields = baseResponseHeaders
    fields.append(contentsOf: trailerFields(status, [:]))
    try? session.submitHeadersOnly(stream: id, headers: fields)
    stopUpload(id, requestEnded)
    handler.scheduleFlush()
  }

  /// After an early answer, tells a client still uploading to stop (RST_STREAM NO_ERROR,
  /// queued after the answer, as RFC 9113 §8.1 allows).
  private func stopUpload(_ id: Int32, _ requestEnded: Bool) {
    if !requestEnded { session.resetAfterSending(stream: id) }
  }

  private func respondHTTPError(_ id: Int32, status: String, extra: [HeaderField], _ requestEnded: Bool) {
    var fields = [HeaderField(":status", status)]
    fields.append(contentsOf: extra)
    try? session.submitHeadersOnly(stream: id, headers: fields)
    stopUpload(id, requestEnded)
    handler.scheduleFlush()
  }

  // MARK: Shutdown

  /// Starts a graceful shutdown: GOAWAY, no new calls, close when the last call ends.
  func beginGracefulShutdown() {
    guard !draining else { return }
    draining = true
    session.goAway(graceful: true)
    handler.scheduleFlush()
    // After a round trip the final GOAWAY names the last stream we will serve.
    eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(200)) {
      guard !self.finalGoAwaySent else { return }
      self.sendFinalGoAway()
      self.handler.flushOutput()
      if self.streams.isEmpty { self.handler.closeWhenFlushed() }
    }
  }

  /// GOAWAY with the last stream id we processed: streams above it are refused (the client
  /// may retry them), streams at or below it are served.
  private func sendFinalGoAway() {
    session.goAway(graceful: false)
    finalGoAwaySent = true
  }

  /// The last call ended while draining. The final GOAWAY goes out first, even before its
  /// timer: without it a stream opened in the same read (legal after the first GOAWAY) would
  /// start its handler on a connection about to close, and the close would cancel it.
  private func closeAfterFinalGoAway() {
    if !finalGoAwaySent { sendFinalGoAway() }
    handler.closeWhenFlushed()
  }

  /// The socket is gone: every call still running is cancelled.
  private func connectionClosed() {
    for timer in timers { timer.cancel() }
    timers = []
    handshakeTimer?.cancel()
    handshakeTimer = nil
    keepaliveTimeoutTask?.cancel()
    for (id, _) in streams {  // a copy: closing removes from `streams`
      session(session, streamClosed: id, errorCode: 0)
    }
  }

  /// Ends every call still running (the grace period is over) and closes.
  func forceClose() {
    for (_, stream) in streams {
      failCall(stream, RPCStatus(code: .unavailable, message: "the server is shutting down"))
    }
    handler.closeWhenFlushed()
  }
}

/// NGHTTP2_REFUSED_STREAM: the stream was not processed and may be retried elsewhere.
let NGHTTP2RefusedStream = 0x7

@available(*, unavailable)
extension GRPCServerConnection: Sendable {}

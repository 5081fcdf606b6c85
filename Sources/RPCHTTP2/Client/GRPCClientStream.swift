// One client call on the wire: waits in the connection manager's queue until a connection has
// a free stream, then sends the request headers, framed request messages and END_STREAM, and
// turns the response (headers, DATA, trailers, or a reset) into `RPCResponsePart`s — or, for
// the unary fast path, into one `ClientUnaryResult`. Confined to the transport's event loop.

internal import NIOCore
internal import RPCCore

final class GRPCClientStream {
  /// Where the response goes.
  enum Delivery {
    /// Streaming calls: parts into the channel the caller's body reads.
    case channel(RPCMessageChannel<RPCResponsePart>, opened: EventLoopPromise<Void>)
    /// The unary fast path: one request sent at open, one result at the end.
    case unary(EventLoopPromise<ClientUnaryResult>, request: [UInt8], compress: Bool)
    /// The call ended; nothing more is delivered.
    case none
  }

  enum Phase {
    /// Waiting for a connection or a free stream.
    case queued
    /// Request headers submitted; `id` is valid.
    case open
    /// The status was delivered (or the call never opened).
    case ended
  }

  let eventLoop: any EventLoop
  let context: ClientContext
  /// The request encoding (`grpc-encoding`), identity for none.
  let compression: CompressionAlgorithm
  private let acceptedEncodings: [CompressionAlgorithm]
  private let maxReceiveMessageSize: Int
  private var framer: MessageFramer
  private var deframer: MessageDeframer?
  private var delivery: Delivery
  private(set) var phase = Phase.queued
  private(set) var id: Int32 = 0
  private var connection: GRPCClientConnection?
  private var headersReceived = false
  /// A transparent retry was used.
  private var retried = false
  private var requestFinished = false
  /// The response channel is full: received bytes are not handed back to the window.
  private var paused = false
  private var unconsumedBytes = 0
  private var writeWaiter: EventLoopPromise<Void>?
  private var deadlineTimer: Scheduled<Void>?
  // The unary fast path collects here.
  private var unaryMetadata = Metadata()
  private var unaryMessage: [UInt8]?

  init(
    eventLoop: any EventLoop, context: ClientContext, configuration: HTTP2ClientConfiguration,
    delivery: Delivery
  ) {
    self.eventLoop = eventLoop
    self.context = context
    self.compression = context.compression ?? configuration.defaultCompression
    self.acceptedEncodings = configuration.acceptedEncodings
    self.maxReceiveMessageSize = configuration.maxReceiveMessageSize
    self.framer = MessageFramer(
      compression: compression, maxSendSize: configuration.maxSendMessageSize)
    self.delivery = delivery
  }

  /// Arms the deadline timer; called once the stream is known to the manager.
  func startDeadlineTimer() {
    guard let deadline = context.deadline else { return }
    let delay = ContinuousClock.now.duration(to: deadline)
    let (seconds, attoseconds) = delay.components
    let nanoseconds = max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    deadlineTimer = eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanoseconds)) {
      self.cancel(RPCStatus(code: .deadlineExceeded, message: "deadline exceeded"))
    }
  }

  // MARK: Opening

  /// The request headers, per PROTOCOL-HTTP2.md "Requests"; nil when the deadline has passed.
  func requestHeaders(authority: String, userAgent: String, acceptEncoding: String)
    -> [HeaderField]?
  {
    var headers = [
      HeaderField(":method", "POST"), HeaderField(":scheme", "http"),
      HeaderField(":path", context.descriptor.path), HeaderField(":authority", authority),
      HeaderField("content-type", "application/grpc"), HeaderField("te", "trailers"),
      HeaderField("user-agent", userAgent),
    ]
    if let deadline = context.deadline {
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { return nil }
      headers.append(HeaderField("grpc-timeout", GRPCTimeout(duration: remaining).headerValue))
    }
    if !compression.isIdentity { headers.append(HeaderField("grpc-encoding", compression.name)) }
    headers.append(HeaderField("grpc-accept-encoding", acceptEncoding))
    context.metadata.forEachHeaderToSend { headers.append(HeaderField($0, $1)) }
    return headers
  }

  /// The connection submitted the request headers as stream `id`.
  func didOpen(on connection: GRPCClientConnection, id: Int32) {
    guard phase == .queued else { return }
    phase = .open
    self.connection = connection
    self.id = id
    switch delivery {
    case .channel(_, let opened):
      opened.succeed()
    case .unary(_, let request, let compress):
      _ = send(request, compress: compress)
      finishRequest()
    case .none:
      break
    }
  }

  /// The call could not be opened (no connection, transport closed, deadline or cancellation
  /// while queued): the caller's `withStream` / `unary` throws `error`.
  func failToOpen(_ error: RPCError) {
    guard phase == .queued else { return }
    phase = .ended
    deadlineTimer?.cancel()
    switch delivery {
    case .channel(let channel, let opened):
      channel.finish()
      opened.fail(error)
    case .unary(let promise, _, _):
      promise.fail(error)
    case .none:
      break
    }
    delivery = .none
  }

  // MARK: Requests

  /// Frames and queues request messages in order. Returns a future that completes when the
  /// writer may go on (at once, or when the stream's queue drained); messages after the end are
  /// dropped. The queue only grows until the next flush, so the last message says whether to wait.
  func write(_ messages: some Collection<[UInt8]>, compress: Bool) -> EventLoopFuture<Void> {
    var mayGoOn = true
    for message in messages {
      guard phase == .open, !requestFinished else { return eventLoop.makeSucceededVoidFuture() }
      switch send(message, compress: compress) {
      case .success(let accepted): mayGoOn = accepted
      case .failure(let error): return eventLoop.makeFailedFuture(error)
      }
    }
    if mayGoOn { return eventLoop.makeSucceededVoidFuture() }
    let waiter = eventLoop.makePromise(of: Void.self)
    writeWaiter = waiter
    return waiter.futureResult
  }

  /// Queues one framed message on the session; `false` when the writer should wait.
  private func send(_ message: [UInt8], compress: Bool) -> Result<Bool, RPCError> {
    guard let connection else { return .success(true) }
    let accepted: Bool
    do {
      accepted = try framer.send(message, compress: compress, on: connection.session, stream: id)
    } catch {
      end(status: error.status, trailers: [:], reset: HTTP2ErrorCode.cancel)
      return .failure(error)
    }
    connection.handler.scheduleFlush()
    return .success(accepted)
  }

  /// Half-closes: END_STREAM after the queued messages. Idempotent.
  func finishRequest() {
    guard phase == .open, !requestFinished, let connection else { return }
    requestFinished = true
    connection.session.finish(stream: id, trailers: [])
    connection.handler.scheduleFlush()
  }

  /// The session's queue for this stream drained: a waiting writer goes on.
  func outboundDrained() {
    writeWaiter?.succeed()
    writeWaiter = nil
  }

  // MARK: Responses

  func receivedHeaders(_ fields: [HeaderField], endStream: Bool) {
    guard phase == .open else { return }
    let head = GRPCResponseHead(fields)
    if !headersReceived {
      if head.isInformational && !endStream { return }
      if endStream {
        // Trailers-only: the status and trailers in one block, no response headers.
        end(status: head.finalStatus(trailersOnly: true), trailers: head.metadata, reset: nil)
        return
      }
      if let failure = head.headersFailure {
        return end(status: failure, trailers: [:], reset: HTTP2ErrorCode.cancel)
      }
      let encoding: CompressionAlgorithm
      do {
        encoding = try CompressionNegotiation.responseDecoding(
          grpcEncoding: head.encoding, enabled: acceptedEncodings)
      } catch {
        return end(status: error.status, trailers: [:], reset: HTTP2ErrorCode.cancel)
      }
      deframer = MessageDeframer(compression: encoding, maxReceiveSize: maxReceiveMessageSize)
      headersReceived = true
      switch delivery {
      case .channel(let channel, _): _ = channel.yield(.metadata(head.metadata))
      case .unary: unaryMetadata = head.metadata
      case .none: break
      }
      return
    }
    guard endStream else {
      return end(
        status: RPCStatus(code: .internal, message: "a second header block without END_STREAM"),
        trailers: [:], reset: HTTP2ErrorCode.cancel)
    }
    if deframer?.hasPartialMessage == true {
      return end(
        status: RPCStatus(code: .internal, message: "response ended inside a message"),
        trailers: [:], reset: nil)
    }
    end(status: head.finalStatus(trailersOnly: false), trailers: head.metadata, reset: nil)
  }

  /// Deframes a DATA chunk; returns how many bytes may be handed back to the window now.
  func receivedData(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard phase == .open, headersReceived, deframer != nil else { return bytes.count }
    var chunk = bytes
    do {
      while phase == .open, let message = try deframer!.next(from: &chunk) {
        deliver(message)
      }
    } catch {
      end(status: error.status, trailers: [:], reset: HTTP2ErrorCode.cancel)
      return bytes.count
    }
    guard phase == .open, paused else { return bytes.count }
    unconsumedBytes += bytes.count
    return 0
  }

  private func deliver(_ message: [UInt8]) {
    switch delivery {
    case .channel(let channel, _):
      if channel.yield(.message(message)) == .stopProducing { paused = true }
    case .unary:
      guard unaryMessage == nil else {
        return end(
          status: RPCStatus(code: .internal, message: "more than one response message"),
          trailers: [:], reset: HTTP2ErrorCode.cancel)
      }
      unaryMessage = message
    case .none:
      break
    }
  }

  /// The consumer drained the channel: hand the held-back bytes to the window.
  func resumeReading() {
    guard paused else { return }
    paused = false
    releaseUnconsumed()
    connection?.handler.scheduleFlush()
  }

  private func releaseUnconsumed() {
    guard unconsumedBytes > 0, let connection else { return }
    connection.session.consume(stream: id, count: unconsumedBytes)
    unconsumedBytes = 0
  }

  /// END_STREAM on a DATA frame: the server ended without trailers.
  func remoteEnded() {
    guard phase == .open else { return }
    end(
      status: RPCStatus(code: .internal, message: "the server ended the stream without trailers"),
      trailers: [:], reset: nil)
  }

  /// nghttp2 closed the stream (both sides done, or reset).
  func closed(errorCode: UInt32) {
    guard phase == .open else { return }
    let status =
      errorCode == 0
      ? RPCStatus(code: .internal, message: "the stream closed without a status")
      : RPCStatus.fromResetStream(errorCode: errorCode)
    // The stream is gone from the session: nothing to reset, but the connection-level window
    // still wants the bytes held back.
    releaseUnconsumed()
    connection = nil
    end(status: status, trailers: [:], reset: nil)
  }

  /// Whether the server refused this call before processing it and it can be sent again as
  /// is — gRPC's transparent retry, limited here to unary fast-path calls (their one request
  /// is kept) and to one retry. Resets the stream to `queued` if so.
  func prepareTransparentRetry(errorCode: UInt32) -> Bool {
    guard phase == .open, errorCode == HTTP2ErrorCode.refusedStream, !headersReceived,
      !retried, case .unary = delivery
    else { return false }
    retried = true
    phase = .queued
    connection = nil
    id = 0
    requestFinished = false
    paused = false
    unconsumedBytes = 0
    return true
  }

  /// The connection died under the call.
  func connectionLost(_ message: String) {
    connection = nil
    end(status: RPCStatus(code: .unavailable, message: message), trailers: [:], reset: nil)
    failToOpen(RPCError(code: .unavailable, message: message))
  }

  // MARK: Ending

  /// Ends the call from this side (deadline, caller cancelled, body returned early): resets the
  /// stream with CANCEL, or takes it out of the queue.
  func cancel(_ status: RPCStatus) {
    switch phase {
    case .queued: failToOpen(RPCError(code: status.code, message: status.message))
    case .open: end(status: status, trailers: [:], reset: HTTP2ErrorCode.cancel)
    case .ended: break
    }
  }

  /// Delivers the final status once. `reset` sends RST_STREAM with that code; nil resets only
  /// if the request side is still open (the server answered early: NO_ERROR frees the stream).
  private func end(status: RPCStatus, trailers: Metadata, reset: UInt32?) {
    guard phase == .open else { return }
    phase = .ended
    deadlineTimer?.cancel()
    deadlineTimer = nil
    writeWaiter?.succeed()
    writeWaiter = nil
    if let connection {
      if let reset {
        connection.session.reset(stream: id, errorCode: reset)
      } else if !requestFinished {
        connection.session.reset(stream: id, errorCode: HTTP2ErrorCode.noError)
      }
      releaseUnconsumed()
      connection.handler.scheduleFlush()
    }
    requestFinished = true
    switch delivery {
    case .channel(let channel, _):
      channel.yield(.status(status, trailers))
      channel.finish()
    case .unary(let promise, _, _):
      promise.succeed(
        ClientUnaryResult(
          metadata: unaryMetadata, message: status.isOK ? unaryMessage : nil, status: status,
          trailers: trailers))
    case .none:
      break
    }
    delivery = .none
  }
}

/// HTTP/2 error codes the client sends (RFC 9113 §7).
enum HTTP2ErrorCode {
  static let noError: UInt32 = 0x0
  static let refusedStream: UInt32 = 0x7
  static let cancel: UInt32 = 0x8
}

@available(*, unavailable)
extension GRPCClientStream: Sendable {}

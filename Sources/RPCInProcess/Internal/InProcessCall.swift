import RPCCore
import Synchronization

/// One call between `InProcessTransport.Client` and `.Server`: the in-memory stand-in for an
/// HTTP/2 stream, with both halves' state behind one lock.
///
/// The client writes requests (`receive`, `endRequests`), the handler's task writes the
/// response (`InProcessResponseSink`), and the transport may end the call early (`fail`:
/// deadline, size limit, client cancellation, server stop). Whoever ends it first delivers the
/// one final status; everything later is dropped, and the response parts are yielded under the
/// lock so none can follow the status.
final class InProcessCall: Sendable {
  private struct State {
    /// Single-request methods: the first request message and how many arrived.
    var first: ReceivedMessage? = nil
    var count = 0
    var requestEnded = false
    var headersSent = false
    /// The status was delivered (or the call was abandoned): the call is over.
    var finished = false
    var task: Task<Void, Never>? = nil
    var timer: Task<Void, Never>? = nil
  }

  /// The server's key for the call.
  let id: UInt64
  /// Response parts for the client (single consumer).
  let responses: RPCMessageChannel<RPCResponsePart>
  /// Request messages for streaming-request methods; `nil` when the method takes one message,
  /// which is collected and handed over at half-close instead.
  private let requests: RPCMessageChannel<ReceivedMessage>?
  private let gate: WriterGate
  private let handler: ServerMethodHandler
  private let context: ServerContext
  private let interceptors: [any ServerInterceptor]
  private let configuration: InProcessTransport.Configuration
  private let server: InProcessTransport.Server
  private let state = Mutex(State())

  /// What writes after the end throw.
  static let closed = RPCError(code: .cancelled, message: "the call has ended")

  init(
    id: UInt64, handler: ServerMethodHandler, context: ServerContext,
    interceptors: [any ServerInterceptor], configuration: InProcessTransport.Configuration,
    server: InProcessTransport.Server
  ) {
    self.id = id
    self.handler = handler
    self.context = context
    self.interceptors = interceptors
    self.configuration = configuration
    self.server = server
    let gate = WriterGate()
    self.gate = gate
    self.responses = RPCMessageChannel(highWatermark: configuration.messageBufferSize) {
      gate.signal()
    }
    self.requests =
      handler.descriptor.kind.hasSingleRequest
      ? nil : RPCMessageChannel(highWatermark: configuration.messageBufferSize)
  }

  // MARK: Lifecycle

  /// Arms the deadline and, for streaming-request methods, starts the handler.
  func start() {
    if let deadline = context.deadline {
      let timer = Task {
        do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return }
        self.fail(RPCStatus(code: .deadlineExceeded, message: "deadline exceeded"))
      }
      let armed = state.withLock { state in
        guard !state.finished else { return false }
        state.timer = timer
        return true
      }
      if !armed { timer.cancel() }
    }
    if let requests { run(.channel(requests)) }
  }

  /// Runs the handler in a task of its own (unless the call is already over).
  private func run(_ requests: ServerRequestStream) {
    let sink = InProcessResponseSink(call: self)
    let handler = handler, context = context, interceptors = interceptors
    state.withLock { state in
      guard !state.finished else { return }
      state.task = Task {
        await handler.handle(
          requests: requests, response: sink, context: context, interceptors: interceptors)
        // A handler always finishes its call; if one did not, the client must still hear.
        self.fail(RPCStatus(code: .internal, message: "the handler returned without a status"))
      }
    }
  }

  /// Ends the call from the transport's side: the client gets `status`, the handler's task is
  /// cancelled and its request stream fails. No effect on a call that is already over.
  func fail(_ status: RPCStatus) {
    end(status: status, trailers: [:], failure: RPCError(status: status))
  }

  private func end(status: RPCStatus, trailers: Metadata, failure: RPCError?) {
    let ended = state.withLock { state -> (Task<Void, Never>?, Task<Void, Never>?)? in
      guard !state.finished else { return nil }
      state.finished = true
      responses.yield(.status(status, trailers))
      responses.finish()
      defer {
        state.task = nil
        state.timer = nil
        state.first = nil
      }
      return (state.task, state.timer)
    }
    guard let (task, timer) = ended else { return }
    timer?.cancel()
    gate.close(Self.closed)
    if let failure {
      task?.cancel()
      requests?.finish(throwing: failure)
    } else {
      // The handler is done reading: release a client writer waiting for room.
      requests?.cancelConsumer()
    }
    server.callEnded(id)
  }

  // MARK: Requests (from the client)

  /// One request message; dropped once the client half-closed or the call is over.
  func receive(_ bytes: [UInt8], compressed: Bool) async throws {
    guard bytes.count <= configuration.maxRequestMessageSize else {
      return fail(
        RPCStatus(
          code: .resourceExhausted,
          message:
            "request message of \(bytes.count) bytes exceeds the limit of "
            + "\(configuration.maxRequestMessageSize) bytes"))
    }
    let message = ReceivedMessage(bytes: bytes, compressed: compressed)
    if let requests {
      try await requests.send(message)
      return
    }
    state.withLock { state in
      guard !state.finished, !state.requestEnded else { return }
      if state.count == 0 { state.first = message }
      state.count += 1
    }
  }

  /// The client half-closed. Idempotent.
  func endRequests() {
    enum Next {
      case nothing
      case run(ServerRequestStream)
      case tooMany
    }
    let next = state.withLock { state -> Next in
      guard !state.requestEnded else { return .nothing }
      state.requestEnded = true
      guard requests == nil, !state.finished else { return .nothing }
      defer { state.first = nil }
      switch (state.count, state.first) {
      case (0, _): return .run(.empty)
      case (1, let first?): return .run(.single(first.bytes, compressed: first.compressed))
      default: return .tooMany
      }
    }
    requests?.finish()
    switch next {
    case .nothing:
      break
    case .run(let requests):
      run(requests)
    case .tooMany:
      fail(
        RPCStatus(
          code: .internal, message: "more than one request message for a single-request method"))
    }
  }

  // MARK: Responses (from the handler's task)

  typealias YieldResult = RPCMessageChannel<RPCResponsePart>.YieldResult

  func writeHeaders(_ metadata: Metadata) async throws {
    let headers = metadata.passedThroughHeaders()
    let generation = gate.generation
    let result = try state.withLock { state throws(RPCError) -> YieldResult? in
      guard !state.finished else { throw Self.closed }
      guard !state.headersSent else { return nil }
      state.headersSent = true
      return responses.yield(.metadata(headers))
    }
    try await settle(result, generation)
  }

  func writeMessage(_ message: [UInt8]) async throws {
    try checkResponseSize(message)
    let generation = gate.generation
    let result = try state.withLock { state throws(RPCError) -> YieldResult in
      guard !state.finished else { throw Self.closed }
      if !state.headersSent {
        state.headersSent = true
        responses.yield(.metadata([:]))
      }
      return responses.yield(.message(message))
    }
    try await settle(result, generation)
  }

  func finish(status: RPCStatus, trailers: Metadata) {
    end(status: status, trailers: trailers.passedThroughHeaders(), failure: nil)
  }

  /// Headers, message and OK status in one step, without waiting for room (as HTTP/2 does).
  func finishUnary(headers: Metadata, message: [UInt8], trailers: Metadata) {
    do {
      try checkResponseSize(message)
    } catch {
      return
    }
    let headers = headers.passedThroughHeaders()
    let sent = state.withLock { state -> Bool in
      guard !state.finished else { return false }
      if !state.headersSent {
        state.headersSent = true
        responses.yield(.metadata(headers))
      }
      responses.yield(.message(message))
      return true
    }
    guard sent else { return }
    finish(status: .ok, trailers: trailers)
  }

  /// The client's receive limit: over it, the client ends the call and resets the stream.
  private func checkResponseSize(_ message: [UInt8]) throws(RPCError) {
    guard message.count > configuration.maxResponseMessageSize else { return }
    let status = RPCStatus(
      code: .resourceExhausted,
      message:
        "response message of \(message.count) bytes exceeds the limit of "
        + "\(configuration.maxResponseMessageSize) bytes")
    fail(status)
    throw RPCError(status: status)
  }

  private func settle(_ result: YieldResult?, _ generation: UInt64) async throws {
    switch result {
    case nil, .produceMore?: return
    case .dropped?: throw Self.closed
    case .stopProducing?: try await gate.wait(after: generation, closed: Self.closed)
    }
  }
}

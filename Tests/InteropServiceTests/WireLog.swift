import RPCCore
import Synchronization

/// What the interop cases assert but the client API hides: the `compress` flag the handler
/// gave each response message, and when the client half-closed relative to the responses.
/// Filled by thin wrappers around the in-process transport: a tapped router (response side)
/// and `LoggingClientTransport` (the half-close).
final class WireLog: Sendable {
  enum Event: Hashable, Sendable {
    case requestEnd
    case responseHeaders
    case responseMessage(compressed: Bool)
    case status(RPCStatus.Code)
  }

  private let events = Mutex<[Event]>([])

  func append(_ event: Event) { events.withLock { $0.append(event) } }
  var all: [Event] { events.withLock { $0 } }

  /// The compressed flags of the response messages, in order.
  var responseCompression: [Bool] {
    all.compactMap { if case .responseMessage(let compressed) = $0 { compressed } else { nil } }
  }
}

extension RPCRouter {
  /// This router with every handler's response sink wrapped to log into `log`.
  func tapped(_ log: WireLog) -> RPCRouter {
    var tapped = RPCRouter(interceptors: interceptors)
    for descriptor in methods {
      guard let handler = handler(forPath: descriptor.path) else { continue }
      tapped.register(
        ServerMethodHandler(descriptor: descriptor) { requests, sink, context, interceptors in
          await handler.handle(
            requests: requests, response: LoggingResponseSink(base: sink, log: log),
            context: context, interceptors: interceptors)
        })
    }
    return tapped
  }
}

/// Logs, then forwards to the transport's sink.
final class LoggingResponseSink: ServerResponseSink {
  let base: any ServerResponseSink
  let log: WireLog
  private let headersSent = Mutex(false)

  init(base: any ServerResponseSink, log: WireLog) {
    self.base = base
    self.log = log
  }

  private func logHeadersOnce() {
    if headersSent.withLock({ sent in defer { sent = true }; return !sent }) {
      log.append(.responseHeaders)
    }
  }

  func writeHeaders(_ metadata: Metadata) async throws {
    logHeadersOnce()
    try await base.writeHeaders(metadata)
  }

  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    logHeadersOnce()
    log.append(.responseMessage(compressed: compress))
    try await base.writeMessage(message, compress: compress)
  }

  func finish(status: RPCStatus, trailers: Metadata) async {
    log.append(.status(status.code))
    await base.finish(status: status, trailers: trailers)
  }

  func finishUnary(headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata) async {
    logHeadersOnce()
    log.append(.responseMessage(compressed: compress))
    log.append(.status(.ok))
    await base.finishUnary(
      headers: headers, message: message, compress: compress, trailers: trailers)
  }
}

/// Logs the client's half-close, then forwards to the transport.
struct LoggingClientTransport<Base: ClientTransport>: ClientTransport {
  let base: Base
  let log: WireLog

  struct Requests: ClientRequestSink {
    let base: any ClientRequestSink
    let log: WireLog

    func writeMessage(_ message: [UInt8], compress: Bool) async throws {
      try await base.writeMessage(message, compress: compress)
    }

    func finish() async {
      log.append(.requestEnd)
      await base.finish()
    }
  }

  func withStream<Result>(
    context: ClientContext, _ body: (ClientStream) async throws -> Result
  ) async throws -> Result {
    try await base.withStream(context: context) { stream in
      try await body(
        ClientStream(
          requests: Requests(base: stream.requests, log: log), responses: stream.responses))
    }
  }
}

// A gRPC client transport on libnghttp2: one lazily created, shared HTTP/2 connection (h2c with
// prior knowledge) to one server, multiplexing every call, on one SwiftNIO event loop.

public import NIOCore
public import NIOPosix
public import RPCCore
internal import Synchronization

/// A gRPC client transport to one server address.
///
/// Calls share one HTTP/2 connection, made on the first call; calls beyond the server's
/// SETTINGS_MAX_CONCURRENT_STREAMS wait for a free stream. After GOAWAY new calls go to a new
/// connection while the old one finishes its calls. A failed connection attempt fails the
/// waiting calls with `UNAVAILABLE` and backs off (gRPC's connection-backoff) before the next.
/// `close()` lets in-flight calls finish.
public final class HTTP2ClientTransport: ClientTransport {
  /// The server's host name or address.
  public let host: String
  /// The server's port.
  public let port: Int
  /// Limits, compression and connection policy.
  public let configuration: HTTP2ClientConfiguration
  private let eventLoop: any EventLoop
  private let manager: NIOLoopBoundBox<GRPCClientConnectionManager>

  /// A transport to `host:port`, on one event loop of `group` (by default NIO's shared ones).
  /// Nothing connects until the first call.
  public init(
    host: String, port: Int, configuration: HTTP2ClientConfiguration = .defaults,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) {
    self.host = host
    self.port = port
    self.configuration = configuration
    let eventLoop = group.next()
    self.eventLoop = eventLoop
    self.manager = NIOLoopBoundBox.makeBoxSendingValue(
      GRPCClientConnectionManager(
        eventLoop: eventLoop, host: host, port: port, configuration: configuration),
      eventLoop: eventLoop)
  }

  deinit {
    let manager = manager
    eventLoop.execute { manager.value.close(promise: nil) }
  }

  /// Stops taking calls (new ones fail with `UNAVAILABLE`), waits for in-flight calls to
  /// finish, and closes the connections.
  public func close() async {
    let manager = manager
    let promise = eventLoop.makePromise(of: Void.self)
    eventLoop.execute { manager.value.close(promise: promise) }
    try? await promise.futureResult.get()
  }

  /// Starts `close()` without waiting for it.
  public func beginGracefulShutdown() {
    let manager = manager
    eventLoop.execute { manager.value.close(promise: nil) }
  }

  // MARK: ClientTransport

  public func withStream<Result>(
    context: ClientContext, _ body: (ClientStream) async throws -> Result
  ) async throws -> Result {
    let manager = manager
    let configuration = configuration
    let loop = eventLoop
    let call = try await eventLoop.submit {
      let opened = loop.makePromise(of: Void.self)
      let box = NIOLoopBoundBox<GRPCClientStream?>(nil, eventLoop: loop)
      let responses = RPCMessageChannel<RPCResponsePart>(
        highWatermark: configuration.responseBufferSize
      ) {
        loop.execute { box.value?.resumeReading() }
      }
      let stream = GRPCClientStream(
        eventLoop: loop, context: context, configuration: configuration,
        delivery: .channel(responses, opened: opened))
      box.value = stream
      let call = HTTP2ClientCall(
        eventLoop: loop, stream: NIOLoopBound(stream, eventLoop: loop), responses: responses,
        opened: opened.futureResult)
      manager.value.enqueue(stream)
      return call
    }.get()
    return try await withTaskCancellationHandler {
      do {
        try await call.opened.get()
      } catch {
        throw RPCError(mapping: error)
      }
      defer { call.bodyReturned() }
      return try await body(ClientStream(requests: call, responses: call.responses))
    } onCancel: {
      call.cancel()
    }
  }

  public func unary(
    context: ClientContext, request: [UInt8], compress: Bool
  ) async throws -> ClientUnaryResult {
    let manager = manager
    let configuration = configuration
    let loop = eventLoop
    let token = CancellationToken()
    let result = eventLoop.flatSubmit {
      let promise = loop.makePromise(of: ClientUnaryResult.self)
      let stream = GRPCClientStream(
        eventLoop: loop, context: context, configuration: configuration,
        delivery: .unary(promise, request: request, compress: compress))
      if token.register(NIOLoopBound(stream, eventLoop: loop)) {
        stream.failToOpen(RPCError(code: .cancelled, message: "call cancelled"))
      } else {
        manager.value.enqueue(stream)
      }
      return promise.futureResult
    }
    return try await withTaskCancellationHandler {
      do {
        return try await result.get()
      } catch {
        throw RPCError(mapping: error)
      }
    } onCancel: {
      token.cancel(on: loop)
    }
  }
}

/// The caller's handle on one streaming call: its request sink, plus cancellation.
struct HTTP2ClientCall: ClientRequestSink {
  let eventLoop: any EventLoop
  let stream: NIOLoopBound<GRPCClientStream>
  let responses: RPCMessageChannel<RPCResponsePart>
  let opened: EventLoopFuture<Void>

  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    let stream = stream
    try await eventLoop.flatSubmit { stream.value.write(CollectionOfOne(message), compress: compress) }.get()
  }

  func writeMessages(_ messages: [[UInt8]], compress: Bool) async throws {
    let stream = stream
    try await eventLoop.flatSubmit { stream.value.write(messages, compress: compress) }.get()
  }

  func finish() async {
    let stream = stream
    eventLoop.execute { stream.value.finishRequest() }
  }

  /// The caller's task was cancelled: RST_STREAM(CANCEL), status CANCELLED.
  func cancel() {
    let stream = stream
    eventLoop.execute {
      stream.value.cancel(RPCStatus(code: .cancelled, message: "call cancelled by the client"))
    }
  }

  /// `withStream`'s body returned: a call without its status yet is cancelled.
  func bodyReturned() {
    let stream = stream
    eventLoop.execute {
      stream.value.cancel(
        RPCStatus(code: .cancelled, message: "the call's body returned before its status"))
    }
  }
}

/// Lets a unary call's cancellation handler reach a stream created later on the event loop.
final class CancellationToken: Sendable {
  private enum State {
    case waiting
    case registered(NIOLoopBound<GRPCClientStream>)
    case cancelled
  }

  private let state = Mutex(State.waiting)

  /// Records the stream; returns true if the call was already cancelled.
  func register(_ stream: NIOLoopBound<GRPCClientStream>) -> Bool {
    state.withLock { state in
      if case .cancelled = state { return true }
      state = .registered(stream)
      return false
    }
  }

  /// Cancels the stream if it exists, or marks the call cancelled for `register`.
  func cancel(on eventLoop: any EventLoop) {
    let stream = state.withLock { state -> NIOLoopBound<GRPCClientStream>? in
      defer { state = .cancelled }
      if case .registered(let stream) = state { return stream }
      return nil
    }
    guard let stream else { return }
    eventLoop.execute {
      stream.value.cancel(RPCStatus(code: .cancelled, message: "call cancelled by the client"))
    }
  }
}

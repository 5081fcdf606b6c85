// The server-side seam between RPCCore and a transport (RPCHTTP2, RPCInProcess).
//
// A transport accepts streams; for each one it:
//  1. reads the request headers: `:path`, `grpc-timeout` (→ deadline via `GRPCTimeout`),
//     `grpc-encoding` (→ `CompressionNegotiation.requestEncoding`, which may fail the call with
//     UNIMPLEMENTED), `grpc-accept-encoding` (→ `responseEncoding`) and the custom metadata
//     (`Metadata.appendReceivedHeader`, reserved keys dropped);
//  2. looks the method up with `RPCRouter.handler(forPath:)` — an unknown path is answered at
//     once with `RPCRouter.unimplementedStatus(path:)` as a trailers-only response, no task;
//  3. builds the request messages: for methods whose client sends one message
//     (`kind.hasSingleRequest`) it may wait for END_STREAM and pass `.single(bytes)` (no
//     channel, no synchronisation: the fast path for unary calls), otherwise it creates an
//     `RPCMessageChannel<[UInt8]>`, passes `.channel(channel)` and `yield`s each deframed,
//     decompressed message into it, finishing it at END_STREAM or failing it with the
//     `RPCError` a deframing error produced. A transport that knows each message's compressed
//     flag (`MessageDeframer.lastMessageCompressed`) passes it on with `.single(bytes,
//     compressed:)` and a channel of `ReceivedMessage`s instead, so handlers can check it;
//  4. runs `handler.handle(requests:response:context:interceptors:)` in a task of its own,
//     cancels that task on RST_STREAM, connection loss or deadline expiry, and
//  5. implements `ServerResponseSink` for the stream: headers, framed (and maybe compressed)
//     messages, then trailers with `grpc-status` / percent-encoded `grpc-message` — always
//     adding `grpc-accept-encoding`.
//
// The handler side guarantees: `finish` (or `finishUnary`) is called exactly once and last;
// `writeHeaders` at most once and before any message; all calls come from one task in order.

/// One request message with what the transport knows about how it arrived.
public struct ReceivedMessage: Hashable, Sendable {
  /// The message, unframed and decompressed.
  public var bytes: [UInt8]
  /// Whether its compressed flag was set on the wire. Handlers rarely care; the interop
  /// service's `expect_compressed` check does.
  public var compressed: Bool

  /// A message and its flag.
  public init(bytes: [UInt8], compressed: Bool) {
    self.bytes = bytes
    self.compressed = compressed
  }
}

/// The request messages of one call, unframed and decompressed, as the transport delivers
/// them. Single consumer.
public struct ServerRequestStream: AsyncSequence, Sendable {
  @usableFromInline enum Storage: Sendable {
    case single([UInt8], compressed: Bool)
    case empty
    case channel(RPCMessageChannel<[UInt8]>)
    case receivedChannel(RPCMessageChannel<ReceivedMessage>)
  }

  @usableFromInline let storage: Storage

  /// Exactly one message, already complete (the unary fast path); `compressed` is its
  /// compressed flag on the wire.
  public static func single(_ message: [UInt8], compressed: Bool = false) -> Self {
    Self(storage: .single(message, compressed: compressed))
  }
  /// No messages (the client half-closed without sending).
  public static let empty = Self(storage: .empty)
  /// Messages as the transport yields them into `channel`; each counts as uncompressed.
  public static func channel(_ channel: RPCMessageChannel<[UInt8]>) -> Self {
    Self(storage: .channel(channel))
  }
  /// Messages with their compressed flags, as the transport yields them into `channel`.
  public static func channel(_ channel: RPCMessageChannel<ReceivedMessage>) -> Self {
    Self(storage: .receivedChannel(channel))
  }

  /// Iterates the messages.
  public struct AsyncIterator: AsyncIteratorProtocol {
    @usableFromInline var storage: Storage?
    @usableFromInline var lastCompressed = false

    @usableFromInline init(storage: Storage?) { self.storage = storage }

    /// Whether the message `next()` returned last arrived compressed (its flag was set).
    public var lastMessageCompressed: Bool { lastCompressed }

    @inlinable
    public mutating func next() async throws -> [UInt8]? {
      switch storage {
      case .single(let message, let compressed):
        storage = nil
        lastCompressed = compressed
        return message
      case .channel(let channel):
        lastCompressed = false
        return try await channel.next()
      case .receivedChannel(let channel):
        guard let received = try await channel.next() else { return nil }
        lastCompressed = received.compressed
        return received.bytes
      case .empty, nil:
        return nil
      }
    }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(storage: storage) }

  /// The one message of a call whose client must send exactly one; `INTERNAL` for none or more.
  public func singleMessage() async throws -> [UInt8] {
    try await singleReceivedMessage().bytes
  }

  /// The one message of a call whose client must send exactly one, with its compressed flag;
  /// `INTERNAL` for none or more.
  public func singleReceivedMessage() async throws -> ReceivedMessage {
    // The unary fast path: the message is here, nothing to wait for.
    if case .single(let message, let compressed) = storage {
      return ReceivedMessage(bytes: message, compressed: compressed)
    }
    var iterator = makeAsyncIterator()
    guard let first = try await iterator.next() else {
      throw RPCError(code: .internal, message: "client half-closed without a request message")
    }
    let compressed = iterator.lastMessageCompressed
    if try await iterator.next() != nil {
      throw RPCError(
        code: .internal, message: "more than one request message for a single-request method")
    }
    return ReceivedMessage(bytes: first, compressed: compressed)
  }
}

/// The response half of one server call, implemented by the transport.
///
/// Methods are `async` for back-pressure: a transport suspends `writeMessage` while the peer
/// is not reading (HTTP/2 stream window or channel writability exhausted) so a slow client
/// cannot make the server buffer without bound. Writes after the stream is gone throw
/// (`CANCELLED`), and the handler's task is cancelled anyway.
///
/// The requirements are `nonisolated(nonsending)`: they run on the caller's executor, so a
/// handler that calls them costs no executor switch per call (a transport that needs its own
/// thread hops there itself, as `HTTP2ResponseSink` does when not on its event loop).
public protocol ServerResponseSink: Sendable {
  /// Sends the response headers with `metadata`. If not called, empty headers go before the
  /// first message; if no message is sent either, `finish` produces a trailers-only response.
  nonisolated(nonsending) func writeHeaders(_ metadata: Metadata) async throws

  /// Sends one serialized message. `compress` allows compression with the negotiated response
  /// encoding (false sends it uncompressed). Throws `RESOURCE_EXHAUSTED` over the send limit.
  nonisolated(nonsending) func writeMessage(_ message: [UInt8], compress: Bool) async throws

  /// Ends the call with `status` and `trailers` (END_STREAM). Never throws: a stream that is
  /// already gone has nobody to tell.
  nonisolated(nonsending) func finish(status: RPCStatus, trailers: Metadata) async

  /// Headers, one message and an OK status in one step, so a transport can emit the whole
  /// unary response in one event-loop hop. The default calls the three methods above.
  nonisolated(nonsending) func finishUnary(headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata) async
}

extension ServerResponseSink {
  nonisolated(nonsending) public func finishUnary(
    headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata
  ) async {
    do {
      try await writeHeaders(headers)
      try await writeMessage(message, compress: compress)
      await finish(status: .ok, trailers: trailers)
    } catch {
      let error = RPCError(mapping: error)
      await finish(status: error.status, trailers: error.metadata)
    }
  }
}

/// A server transport: accepts connections and streams and dispatches them to a router.
public protocol ServerTransport: Sendable {
  /// Serves until shut down, dispatching every stream to `router`.
  func listen(router: RPCRouter) async throws
  /// Stops accepting new streams; in-flight calls finish (GOAWAY), then `listen` returns.
  func beginGracefulShutdown()
}

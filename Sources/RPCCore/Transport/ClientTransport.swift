// The client-side seam between RPCCore and a transport.
//
// `RPCClient` builds a `ClientContext` (method, metadata, deadline, compression), runs the
// client interceptors, then asks the transport for a stream. The transport:
//  - sends the request headers (`:path` = descriptor.path, `grpc-timeout` from the deadline via
//    `GRPCTimeout(duration:)`, `grpc-encoding`, `grpc-accept-encoding`, custom metadata via
//    `Metadata.forEachHeaderToSend`);
//  - frames request messages written to `ClientStream.requests` (`MessageFramer`), half-closes
//    on `finish()`;
//  - delivers the response as `RPCResponsePart`s on `ClientStream.responses`: `.metadata` once
//    (response headers), then `.message`s (deframed, decompressed), then exactly one
//    `.status` (from trailers, a trailers-only response, or synthesized: RST_STREAM, connection
//    loss → UNAVAILABLE, deadline → DEADLINE_EXCEEDED, malformed response → INTERNAL), then
//    finishes the channel. Transport failures are statuses, not thrown errors;
//  - cancels the stream (RST_STREAM CANCEL) if `withStream`'s body returns before the status.

/// One part of a response, as a client transport delivers it.
public enum RPCResponsePart: Hashable, Sendable {
  /// The response headers' custom metadata.
  case metadata(Metadata)
  /// One serialized response message.
  case message([UInt8])
  /// The final status and the trailers' custom metadata.
  case status(RPCStatus, Metadata)
}

/// The request half of a client stream, implemented by the transport.
public protocol ClientRequestSink: Sendable {
  /// Sends one serialized request message, suspending while the server is not reading.
  /// Messages written after the call ended are dropped.
  func writeMessage(_ message: [UInt8], compress: Bool) async throws
  /// Sends several serialized request messages in order; a transport that can queues them in one
  /// step (one hop to its event loop rather than one per message), then suspends while the
  /// server is not reading.
  func writeMessages(_ messages: [[UInt8]], compress: Bool) async throws
  /// Half-closes: no more request messages. Idempotent.
  func finish() async
}

extension ClientRequestSink {
  /// One `writeMessage` after the other.
  public func writeMessages(_ messages: [[UInt8]], compress: Bool) async throws {
    for message in messages { try await writeMessage(message, compress: compress) }
  }
}

/// An open client stream: requests out, response parts in.
public struct ClientStream: Sendable {
  /// Where request messages go.
  public let requests: any ClientRequestSink
  /// Where response parts arrive (single consumer).
  public let responses: RPCMessageChannel<RPCResponsePart>

  /// A stream over a transport's sink and channel.
  public init(requests: any ClientRequestSink, responses: RPCMessageChannel<RPCResponsePart>) {
    self.requests = requests
    self.responses = responses
  }
}

/// The whole response of a call whose server sends one message, in raw form.
public struct ClientUnaryResult: Hashable, Sendable {
  /// Response headers' custom metadata (empty for a trailers-only response).
  public var metadata: Metadata
  /// The response message, if one arrived.
  public var message: [UInt8]?
  /// The final status.
  public var status: RPCStatus
  /// Trailers' custom metadata.
  public var trailers: Metadata

  /// A result from its parts.
  public init(metadata: Metadata, message: [UInt8]?, status: RPCStatus, trailers: Metadata) {
    self.metadata = metadata
    self.message = message
    self.status = status
    self.trailers = trailers
  }
}

/// A client transport: opens streams to one server (or a pool of connections to it).
public protocol ClientTransport: Sendable {
  /// Opens a stream for `context.descriptor` and runs `body` with it; the stream is cancelled
  /// if `body` returns or throws before the response status arrived. Throws an `RPCError`
  /// (e.g. `UNAVAILABLE`) only when the stream could not be opened at all.
  func withStream<Result>(
    context: ClientContext, _ body: (ClientStream) async throws -> Result
  ) async throws -> Result

  /// Sends one request message and collects the whole response: the unary fast path (one
  /// continuation instead of channels). The default goes through `withStream`.
  func unary(
    context: ClientContext, request: [UInt8], compress: Bool
  ) async throws -> ClientUnaryResult
}

extension ClientTransport {
  public func unary(
    context: ClientContext, request: [UInt8], compress: Bool
  ) async throws -> ClientUnaryResult {
    try await withStream(context: context) { stream in
      try await stream.requests.writeMessage(request, compress: compress)
      await stream.requests.finish()
      return try await ClientUnaryResult.collect(stream.responses)
    }
  }
}

extension ClientUnaryResult {
  /// Reads response parts until the status; more than one message is `INTERNAL`.
  public static func collect(
    _ responses: RPCMessageChannel<RPCResponsePart>
  ) async throws -> ClientUnaryResult {
    var metadata: Metadata = [:]
    var message: [UInt8]? = nil
    while let part = try await responses.next() {
      switch part {
      case .metadata(let headers):
        metadata = headers
      case .message(let bytes):
        guard message == nil else {
          return ClientUnaryResult(
            metadata: metadata, message: nil,
            status: RPCStatus(code: .internal, message: "more than one response message"),
            trailers: [:])
        }
        message = bytes
      case .status(let status, let trailers):
        return ClientUnaryResult(
          metadata: metadata, message: message, status: status, trailers: trailers)
      }
    }
    return ClientUnaryResult(
      metadata: metadata, message: nil,
      status: RPCStatus(code: .internal, message: "response ended without a status"),
      trailers: [:])
  }
}

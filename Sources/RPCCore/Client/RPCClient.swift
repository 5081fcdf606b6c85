public import ProtoWire

/// The response of a call whose server sends one message.
public struct ClientResponse<Message: ProtoMessage>: Sendable {
  /// The response message.
  public var message: Message
  /// Response headers' custom metadata.
  public var metadata: Metadata
  /// Trailers' custom metadata.
  public var trailers: Metadata

  /// A response from its parts.
  public init(message: Message, metadata: Metadata = [:], trailers: Metadata = [:]) {
    self.message = message
    self.metadata = metadata
    self.trailers = trailers
  }
}

/// Writes request messages of a client-streaming or bidirectional call. `write` suspends while
/// the server is not reading.
public struct RPCWriter<Message: ProtoMessage>: Sendable {
  /// The transport's sink.
  public let sink: any ClientRequestSink

  /// A writer over a sink.
  public init(sink: any ClientRequestSink) { self.sink = sink }

  /// Sends one message; `compress: false` sends it uncompressed even with call compression on.
  public func write(_ message: Message, compress: Bool = true) async throws {
    try await sink.writeMessage(message.serializedBytes(), compress: compress)
  }

  /// Sends each message in order, handing them to the transport in chunks (one step per chunk
  /// instead of one per message), so streaming many small messages is cheap.
  public func write(contentsOf messages: some Sequence<Message>) async throws {
    var chunk: [[UInt8]] = []
    var bytes = 0
    for message in messages {
      let serialized = message.serializedBytes()
      chunk.append(serialized)
      bytes += serialized.count
      if chunk.count == Self.chunkMessages || bytes >= Self.chunkBytes {
        try await sink.writeMessages(chunk, compress: true)
        chunk.removeAll(keepingCapacity: true)
        bytes = 0
      }
    }
    if !chunk.isEmpty { try await sink.writeMessages(chunk, compress: true) }
  }

  /// Messages serialized ahead of the transport: enough to amortise a hop, few enough that a
  /// server that stops reading holds back the writer soon (large messages go one by one).
  static var chunkMessages: Int { 64 }
  static var chunkBytes: Int { 64 << 10 }

  /// Half-closes the request stream (also done when the request body returns).
  public func finish() async { await sink.finish() }
}

/// The responses of a server-streaming or bidirectional call: an async sequence of messages
/// that ends at an OK status and throws `RPCError` for any other. `metadata` and `trailers`
/// fill in as they arrive.
///
/// Single consumer, used inside the call's body only: not Sendable.
public final class ClientResponseStream<Message: ProtoMessage>: AsyncSequence {
  private let parts: RPCMessageChannel<RPCResponsePart>
  private var pendingMessage: [UInt8]? = nil
  /// Response headers' custom metadata, once received.
  public private(set) var metadata: Metadata? = nil
  /// Trailers' custom metadata, once the call ended.
  public private(set) var trailers: Metadata? = nil
  /// The final status, once the call ended.
  public private(set) var status: RPCStatus? = nil

  init(parts: RPCMessageChannel<RPCResponsePart>) { self.parts = parts }

  /// Waits for the response headers (or the end of a trailers-only response) and returns
  /// their metadata. Throws the call's error if it ended with a non-OK status first.
  public func initialMetadata() async throws -> Metadata {
    if let metadata { return metadata }
    if status != nil { return [:] }
    guard let part = try await parts.next() else { throw Self.noStatus }
    switch part {
    case .metadata(let headers):
      metadata = headers
      return headers
    case .message(let bytes):
      pendingMessage = bytes
      metadata = [:]
      return [:]
    case .status(let status, let trailers):
      try end(status, trailers)
      return [:]
    }
  }

  /// The next response message; `nil` after an OK status.
  public func next() async throws -> Message? {
    if let bytes = pendingMessage {
      pendingMessage = nil
      return try Message(serializedBytes: bytes)
    }
    while status == nil {
      guard let part = try await parts.next() else { throw Self.noStatus }
      switch part {
      case .metadata(let headers):
        if metadata == nil { metadata = headers }
      case .message(let bytes):
        if metadata == nil { metadata = [:] }
        return try Message(serializedBytes: bytes)
      case .status(let status, let trailers):
        try end(status, trailers)
      }
    }
    return nil
  }

  private func end(_ status: RPCStatus, _ trailers: Metadata) throws {
    self.status = status
    self.trailers = trailers
    if metadata == nil { metadata = [:] }
    guard status.isOK else { throw RPCError(status: status, metadata: trailers) }
  }

  private static var noStatus: RPCError {
    RPCError(code: .internal, message: "response ended without a status")
  }

  /// Iterates the response messages.
  public struct AsyncIterator: AsyncIteratorProtocol {
    let stream: ClientResponseStream
    public mutating func next() async throws -> Message? { try await stream.next() }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(stream: self) }
}

@available(*, unavailable)
extension ClientResponseStream: Sendable {}

/// Typed calls over a client transport, through client interceptors.
public struct RPCClient: Sendable {
  /// The transport calls go through.
  public let transport: any ClientTransport
  /// Interceptors for every call, outermost first.
  public var interceptors: [any ClientInterceptor]

  /// A client over `transport`.
  public init(transport: any ClientTransport, interceptors: [any ClientInterceptor] = []) {
    self.transport = transport
    self.interceptors = interceptors
  }

  private func context(
    _ descriptor: MethodDescriptor, _ metadata: Metadata, _ options: CallOptions
  ) -> ClientContext {
    ClientContext(
      descriptor: descriptor, metadata: metadata, deadline: options.effectiveDeadline(),
      compression: options.compression)
  }

  private static func decodeSingle<Response: ProtoMessage>(
    _ result: ClientUnaryResult
  ) throws -> ClientResponse<Response> {
    guard result.status.isOK else {
      throw RPCError(status: result.status, metadata: result.trailers)
    }
    guard let bytes = result.message else {
      throw RPCError(code: .internal, message: "OK status without a response message")
    }
    do {
      return ClientResponse(
        message: try Response(serializedBytes: bytes), metadata: result.metadata,
        trailers: result.trailers)
    } catch {
      // A response we cannot decode is not the caller's invalid argument: INTERNAL.
      throw RPCError(code: .internal, message: "response does not decode: \(error)", cause: error)
    }
  }

  /// One request, one response. Throws `RPCError` for a non-OK status.
  public func unary<Request: ProtoMessage, Response: ProtoMessage>(
    _ descriptor: MethodDescriptor, request: Request, metadata: Metadata = [:],
    options: CallOptions = .defaults, responseType: Response.Type = Response.self
  ) async throws -> ClientResponse<Response> {
    try await interceptors.run(context: context(descriptor, metadata, options)) { context in
      let result = try await transport.unary(
        context: context, request: request.serializedBytes(), compress: true)
      return try Self.decodeSingle(result)
    }
  }

  /// A stream of requests written by `requests`, one response.
  public func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ descriptor: MethodDescriptor, metadata: Metadata = [:], options: CallOptions = .defaults,
    responseType: Response.Type = Response.self,
    requests: (RPCWriter<Request>) async throws -> Void
  ) async throws -> ClientResponse<Response> {
    try await interceptors.run(context: context(descriptor, metadata, options)) { context in
      try await transport.withStream(context: context) { stream in
        try await requests(RPCWriter(sink: stream.requests))
        await stream.requests.finish()
        return try Self.decodeSingle(try await ClientUnaryResult.collect(stream.responses))
      }
    }
  }

  /// One request, a stream of responses handled by `onResponse`.
  public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result>(
    _ descriptor: MethodDescriptor, request: Request, metadata: Metadata = [:],
    options: CallOptions = .defaults, responseType: Response.Type = Response.self,
    onResponse: (ClientResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    try await interceptors.run(context: context(descriptor, metadata, options)) { context in
      try await transport.withStream(context: context) { stream in
        try await stream.requests.writeMessage(request.serializedBytes(), compress: true)
        await stream.requests.finish()
        return try await onResponse(ClientResponseStream(parts: stream.responses))
      }
    }
  }

  /// Full duplex: `body` gets the request writer and the response stream and may use them in
  /// any order (spawn child tasks for concurrent reading and writing). The request stream is
  /// half-closed when `body` returns; returning before the status cancels the call.
  public func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result>(
    _ descriptor: MethodDescriptor, metadata: Metadata = [:], options: CallOptions = .defaults,
    requestType: Request.Type = Request.self, responseType: Response.Type = Response.self,
    body: (RPCWriter<Request>, ClientResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    try await interceptors.run(context: context(descriptor, metadata, options)) { context in
      try await transport.withStream(context: context) { stream in
        let result = try await body(
          RPCWriter(sink: stream.requests), ClientResponseStream(parts: stream.responses))
        await stream.requests.finish()
        return result
      }
    }
  }
}

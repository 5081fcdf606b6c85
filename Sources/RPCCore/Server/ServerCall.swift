public import ProtoWire

/// The response of a call whose server sends one message: the message, plus the response
/// headers and trailers to send with it.
public struct ServerResponse<Message: ProtoMessage>: Sendable {
  /// The response message.
  public var message: Message
  /// Custom metadata for the response headers.
  public var metadata: Metadata
  /// Custom metadata for the trailers.
  public var trailers: Metadata
  /// Whether the message may be compressed with the negotiated encoding.
  public var compress: Bool

  /// A response with `message` and optional metadata.
  public init(
    _ message: Message, metadata: Metadata = [:], trailers: Metadata = [:], compress: Bool = true
  ) {
    self.message = message
    self.metadata = metadata
    self.trailers = trailers
    self.compress = compress
  }
}

/// The request messages of a client-streaming or bidirectional call, decoded lazily.
/// A message that does not decode ends iteration with `INVALID_ARGUMENT`.
public struct RequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
  /// The raw messages.
  public let raw: ServerRequestStream

  /// Typed view of `raw`.
  public init(raw: ServerRequestStream) { self.raw = raw }

  /// Iterates and decodes.
  public struct AsyncIterator: AsyncIteratorProtocol {
    var base: ServerRequestStream.AsyncIterator

    /// Whether the message `next()` returned last arrived compressed (its flag was set).
    public var lastMessageCompressed: Bool { base.lastMessageCompressed }

    public mutating func next() async throws -> Message? {
      guard let bytes = try await base.next() else { return nil }
      return try Message(serializedBytes: bytes)
    }
  }

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(base: raw.makeAsyncIterator())
  }
}

/// Writes the responses of a server-streaming or bidirectional call. `write` suspends while
/// the client is not reading (back-pressure).
public struct ServerResponseWriter<Message: ProtoMessage>: Sendable {
  /// The transport's sink.
  public let sink: any ServerResponseSink

  /// A writer over a sink.
  public init(sink: any ServerResponseSink) { self.sink = sink }

  /// Sends the response headers now with `metadata` (otherwise empty ones go with the first
  /// message). At most once, before any message.
  public func writeMetadata(_ metadata: Metadata) async throws {
    try await sink.writeHeaders(metadata)
  }

  /// Sends one message; `compress: false` sends it uncompressed even if an encoding was
  /// negotiated.
  public func write(_ message: Message, compress: Bool = true) async throws {
    try await sink.writeMessage(message.serializedBytes(), compress: compress)
  }

  /// Sends each message in order.
  public func write(contentsOf messages: some Sequence<Message>) async throws {
    for message in messages { try await write(message) }
  }
}

/// Reads gRPC Length-Prefixed-Messages from bytes that arrive in arbitrary chunks (DATA frame
/// boundaries say nothing about message boundaries).
///
/// Limits are enforced before memory is committed: a length prefix above `maxReceiveSize`
/// fails the stream with `RESOURCE_EXHAUSTED` as soon as the 5-byte prefix is read, before any
/// of the body is buffered; a compressed message is held to the same limit after
/// decompression, which stops as soon as the limit is passed (zip-bomb safe). A compressed
/// flag without a negotiated encoding, or a flag other than 0 or 1, is `INTERNAL`.
///
/// Usage, with no allocation but each message's own bytes:
/// ```
/// var chunk: UnsafeRawBufferPointer = ...
/// while let message = try deframer.next(from: &chunk) { deliver(message) }
/// ```
/// Not Sendable when decompressing (it owns a zlib stream): one per stream.
public struct MessageDeframer {
  /// The default limit on a received message, as in every gRPC implementation: 4 MiB.
  public static let defaultMaxReceiveSize = 4 * 1024 * 1024

  /// The largest message, after decompression, this deframer accepts.
  public let maxReceiveSize: Int
  /// The decompressor for the negotiated encoding, `nil` for identity.
  public let decompressor: MessageDecompressor?

  private var prefix: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
  private var prefixCount = 0
  private var body: [UInt8] = []
  private var bodyLength = 0
  private var bodyCompressed = false
  private var inBody = false

  /// Whether the message `next(from:)` returned last had its compressed flag set; a transport
  /// passes it on (`ReceivedMessage`) for handlers that must check how a request arrived.
  public private(set) var lastMessageCompressed = false

  /// A deframer for messages encoded with `compression` (identity: the compressed flag must be 0).
  public init(
    compression: CompressionAlgorithm = .identity,
    maxReceiveSize: Int = Self.defaultMaxReceiveSize
  ) {
    self.maxReceiveSize = maxReceiveSize
    self.decompressor = compression.isIdentity ? nil : MessageDecompressor(algorithm: compression)
  }

  /// True when bytes of an incomplete message are buffered; at end of stream this means the
  /// peer sent a truncated message.
  public var hasPartialMessage: Bool { prefixCount > 0 || inBody }

  /// Consumes bytes from the front of `chunk` until one message is complete, and returns it;
  /// returns `nil` once `chunk` is empty without completing one. Call it in a loop.
  public mutating func next(from chunk: inout UnsafeRawBufferPointer) throws(RPCError) -> [UInt8]? {
    while true {
      if !inBody {
        // Fast path: a whole prefix in the chunk.
        if prefixCount == 0, chunk.count >= 5 {
          prefix = (chunk[0], chunk[1], chunk[2], chunk[3], chunk[4])
          chunk = UnsafeRawBufferPointer(rebasing: chunk[5...])
        } else {
          while prefixCount < 5, !chunk.isEmpty {
            withUnsafeMutableBytes(of: &prefix) { $0[prefixCount] = chunk[0] }
            prefixCount += 1
            chunk = UnsafeRawBufferPointer(rebasing: chunk[1...])
          }
          guard prefixCount == 5 else { return nil }
        }
        prefixCount = 0
        try startBody()
        if bodyLength == 0 {
          inBody = false
          return try finishBody([])
        }
        // Fast path: the whole body is in the chunk: one allocation, one copy.
        if chunk.count >= bodyLength {
          let bytes = [UInt8](UnsafeRawBufferPointer(rebasing: chunk[..<bodyLength]))
          chunk = UnsafeRawBufferPointer(rebasing: chunk[bodyLength...])
          inBody = false
          return try finishBody(bytes)
        }
        // Reserve for what may come, but not the whole claimed length up front: a peer that
        // claims 4 MiB and sends nothing must not cost 4 MiB per stream.
        body = []
        body.reserveCapacity(min(bodyLength, max(chunk.count, 16 * 1024)))
      }
      if chunk.isEmpty { return nil }
      let take = min(chunk.count, bodyLength - body.count)
      body.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<take]))
      chunk = UnsafeRawBufferPointer(rebasing: chunk[take...])
      if body.count == bodyLength {
        inBody = false
        let bytes = body
        body = []
        return try finishBody(bytes)
      }
      return nil
    }
  }

  private mutating func startBody() throws(RPCError) {
    let flag = prefix.0
    let length =
      Int(prefix.1) << 24 | Int(prefix.2) << 16 | Int(prefix.3) << 8 | Int(prefix.4)
    switch flag {
    case 0:
      bodyCompressed = false
    case 1:
      guard decompressor != nil else {
        throw RPCError(
          code: .internal,
          message: "compressed flag set on a message but no grpc-encoding was negotiated")
      }
      bodyCompressed = true
    default:
      throw RPCError(code: .internal, message: "invalid compressed flag \(flag) (must be 0 or 1)")
    }
    guard length <= maxReceiveSize else {
      throw RPCError(
        code: .resourceExhausted,
        message: "message of \(length) bytes exceeds the limit of \(maxReceiveSize) bytes")
    }
    bodyLength = length
    inBody = true
  }

  private mutating func finishBody(_ bytes: [UInt8]) throws(RPCError) -> [UInt8] {
    lastMessageCompressed = bodyCompressed
    guard bodyCompressed, let decompressor else { return bytes }
    let limit = maxReceiveSize
    let result: Result<[UInt8], RPCError> = bytes.withUnsafeBytes { raw in
      do throws(RPCError) {
        return .success(try decompressor.decompress(raw, limit: limit))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Feeds `bytes` and returns every message they complete. A convenience for tests and
  /// in-memory transports; transports on a byte stream use `next(from:)`.
  public mutating func process(_ bytes: [UInt8]) throws(RPCError) -> [[UInt8]] {
    var messages: [[UInt8]] = []
    let result: Result<Void, RPCError> = bytes.withUnsafeBytes { raw in
      var chunk = raw
      do throws(RPCError) {
        while let message = try next(from: &chunk) { messages.append(message) }
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
    return messages
  }

  /// Checks the stream ended on a message boundary; a partial message is `INTERNAL`.
  public func finish() throws(RPCError) {
    if hasPartialMessage {
      throw RPCError(code: .internal, message: "stream ended inside a message")
    }
  }
}

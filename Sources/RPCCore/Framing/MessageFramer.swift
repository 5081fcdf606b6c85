/// Writes gRPC Length-Prefixed-Messages: a compressed flag byte, a 4-byte big-endian length,
/// then the message. Compresses when an algorithm was negotiated and the caller allows it.
///
/// Not Sendable when compressing (it owns a zlib stream): one framer per stream, confined
/// to the transport's event loop or the call's task.
public struct MessageFramer {
  /// The default limit on an outgoing message, as in grpc-go and grpc-java: no limit beyond
  /// what the 4-byte length can say.
  public static let defaultMaxSendSize = Int(UInt32.max)

  /// The largest uncompressed message this framer sends; larger ones fail with
  /// `RESOURCE_EXHAUSTED`.
  public var maxSendSize: Int
  /// The compressor for the negotiated encoding, `nil` for identity.
  public let compressor: MessageCompressor?

  /// A framer sending with `compression` (identity: never compress).
  public init(
    compression: CompressionAlgorithm = .identity, maxSendSize: Int = Self.defaultMaxSendSize
  ) {
    self.maxSendSize = min(maxSendSize, Int(UInt32.max))
    self.compressor = compression.isIdentity ? nil : MessageCompressor(algorithm: compression)
  }

  /// The length of the prefix.
  public static let prefixLength = 5

  /// Writes the 5-byte prefix at `pointer`.
  @inlinable
  public static func writePrefix(compressed: Bool, length: Int, to pointer: UnsafeMutableRawPointer)
  {
    pointer.storeBytes(of: compressed ? 1 : 0, as: UInt8.self)
    pointer.storeBytes(
      of: UInt32(truncatingIfNeeded: length).bigEndian, toByteOffset: 1, as: UInt32.self)
  }

  /// The 5-byte prefix as a tuple, for transports that write it into their own buffers.
  @inlinable
  public static func prefix(compressed: Bool, length: Int) -> (UInt8, UInt8, UInt8, UInt8, UInt8) {
    let n = UInt32(truncatingIfNeeded: length)
    return (
      compressed ? 1 : 0, UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16),
      UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)
    )
  }

  /// Appends one framed message to `buffer`, compressing it when `compress` is true and an
  /// encoding was negotiated (pass false to send a message uncompressed, e.g. against
  /// CRIME/BEAST-style attacks or when compression does not pay).
  public func append(
    _ message: UnsafeRawBufferPointer, compress: Bool = true, to buffer: inout [UInt8]
  ) throws(RPCError) {
    try checkSendSize(message.count)
    let start = buffer.count
    if compress, let compressor {
      buffer.append(contentsOf: repeatElement(0, count: Self.prefixLength))
      compressor.compress(message, appendingTo: &buffer)
      let length = buffer.count - start - Self.prefixLength
      guard length <= Int(UInt32.max) else {
        buffer.removeLast(buffer.count - start)
        throw RPCError(code: .resourceExhausted, message: "compressed message too large")
      }
      buffer.withUnsafeMutableBytes { out in
        Self.writePrefix(compressed: true, length: length, to: out.baseAddress! + start)
      }
    } else {
      let (a, b, c, d, e) = Self.prefix(compressed: false, length: message.count)
      buffer.reserveCapacity(start + Self.prefixLength + message.count)
      buffer.append(a)
      buffer.append(b)
      buffer.append(c)
      buffer.append(d)
      buffer.append(e)
      buffer.append(contentsOf: message)
    }
  }

  /// Fails with `RESOURCE_EXHAUSTED` when a message of `count` bytes is over `maxSendSize`.
  public func checkSendSize(_ count: Int) throws(RPCError) {
    guard count <= maxSendSize else {
      throw RPCError(
        code: .resourceExhausted,
        message: "message of \(count) bytes exceeds the send limit of \(maxSendSize) bytes")
    }
  }

  /// One framed message as a new array.
  public func frame(_ message: [UInt8], compress: Bool = true) throws(RPCError) -> [UInt8] {
    var buffer: [UInt8] = []
    let result: Result<Void, RPCError> = message.withUnsafeBytes { bytes in
      do throws(RPCError) {
        try append(bytes, compress: compress, to: &buffer)
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
    return buffer
  }
}

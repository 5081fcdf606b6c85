internal import NIOCore
internal import RPCCore

extension MessageFramer {
  /// One message with its 5-byte prefix in a NIO buffer, ready for a DATA frame: compressed when
  /// an encoding was negotiated and `compress` allows it, otherwise copied once.
  func framedBuffer(
    _ message: [UInt8], compress: Bool, allocator: ByteBufferAllocator
  ) throws(RPCError) -> ByteBuffer {
    guard message.count <= maxSendSize else {
      throw RPCError(
        code: .resourceExhausted,
        message: "message of \(message.count) bytes exceeds the send limit of \(maxSendSize) bytes")
    }
    if compress, compressor != nil {
      var framed: [UInt8] = []
      var failure: RPCError?
      message.withUnsafeBytes { bytes in
        do throws(RPCError) {
          try append(bytes, compress: true, to: &framed)
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
      return ByteBuffer(bytes: framed)
    }
    var buffer = allocator.buffer(capacity: MessageFramer.prefixLength + message.count)
    buffer.writeMultipleIntegers(UInt8(0), UInt32(truncatingIfNeeded: message.count))
    buffer.writeBytes(message)
    return buffer
  }
}

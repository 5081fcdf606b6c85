internal import NIOCore
internal import RPCCore

extension MessageFramer {
  /// Queues one message with its 5-byte prefix on a stream of `session`; false when the writer
  /// should wait for the stream to drain. An uncompressed message stays in its array until
  /// `HTTP2Session` writes it into a DATA frame (one copy); a compressed one is framed into a
  /// buffer here first.
  func send(
    _ message: [UInt8], compress: Bool, on session: HTTP2Session, stream: Int32
  ) throws(RPCError) -> Bool {
    try checkSendSize(message.count)
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
      return session.send(data: ByteBuffer(bytes: framed), stream: stream)
    }
    return session.send(
      message: message, head: MessageFramer.prefix(compressed: false, length: message.count),
      stream: stream)
  }
}

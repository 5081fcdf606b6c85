// The SwiftNIO side of one HTTP/2 connection: bytes from the socket go into the nghttp2 session,
// and whatever the session wants to send goes out, coalesced into one write per event-loop tick.

internal import NIOCore

/// Owns an `HTTP2Session` for the lifetime of its channel.
/// Stored properties are `@exclusivity(unchecked)`, as in `HTTP2Session`: confined to the
/// channel's event loop, and no property is accessed while another access to it is open.
final class HTTP2ConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  let session: HTTP2Session
  /// The protocol logic above the session (e.g. `GRPCServerConnection`), kept alive with the channel.
  @exclusivity(unchecked) var owner: AnyObject?
  /// Called once when the channel goes away.
  @exclusivity(unchecked) var onClose: (() -> Void)?
  @exclusivity(unchecked) private var context: ChannelHandlerContext?
  @exclusivity(unchecked) private var flushScheduled = false
  @exclusivity(unchecked) private var reading = false
  @exclusivity(unchecked) private var closed = false
  @exclusivity(unchecked) private var closeRequested = false
  /// The capacity to allocate the next output buffer with: the size of the last one.
  @exclusivity(unchecked) private var outputCapacity = 1024

  init(session: HTTP2Session) {
    self.session = session
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    if context.channel.isActive { flushOutput() }  // our SETTINGS (and the client preface)
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.context = nil
  }

  func channelActive(context: ChannelHandlerContext) {
    flushOutput()
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    reading = true
    do {
      try buffer.withUnsafeReadableBytes { bytes throws(HTTP2SessionError) in
        try session.receive(bytes)
      }
    } catch {
      // nghttp2 has queued a GOAWAY with the matching error code; send it, then close.
      reading = false
      closeRequested = true
      flushOutput()
    }
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    reading = false
    flushOutput()
    context.fireChannelReadComplete()
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    // Frames are produced only while the socket drains; queued bytes wait in the streams,
    // where their writers feel the back-pressure.
    if context.channel.isWritable { flushOutput() }
    context.fireChannelWritabilityChanged()
  }

  func channelInactive(context: ChannelHandlerContext) {
    closed = true
    onClose?()
    onClose = nil
    owner = nil
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    close()
  }

  /// Asks for the session's output to be written soon; many calls in one tick make one write.
  func scheduleFlush() {
    guard !flushScheduled, !reading, let context else { return }
    flushScheduled = true
    context.eventLoop.assumeIsolated().execute {
      self.flushScheduled = false
      self.flushOutput()
    }
  }

  /// Writes everything the session has to send, if the socket takes it; then closes the
  /// connection if the session is done or a close was requested.
  func flushOutput() {
    guard let context, !closed else { return }
    var written: EventLoopFuture<Void>?
    if context.channel.isWritable {
      // Sized like the last write: growing from empty would reallocate (and copy) the
      // buffer several times per flush when many responses leave together.
      var buffer = context.channel.allocator.buffer(capacity: outputCapacity)
      do {
        try session.drainOutput(into: &buffer)
      } catch {
        close()
        return
      }
      outputCapacity = min(max(buffer.readableBytes, 1024), 1 << 20)
      if buffer.readableBytes > 0 {
        written = context.writeAndFlush(wrapOutboundOut(buffer))
      }
    }
    guard closeRequested || (!session.wantsRead && !session.wantsWrite) else { return }
    // Close only after the last frames (trailers, GOAWAY) have reached the socket.
    if let written {
      written.assumeIsolated().whenComplete { _ in self.close() }
    } else {
      close()
    }
  }

  /// Closes the connection once everything the session has queued is written. Safe to call
  /// from inside session callbacks, which run while output is being produced.
  func closeWhenFlushed() {
    closeRequested = true
    guard let context, !closed else { return }
    context.eventLoop.assumeIsolated().execute { self.flushOutput() }
  }

  func close() {
    guard !closed, let context else { return }
    closed = true
    context.close(promise: nil)
  }
}

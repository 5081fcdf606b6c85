internal import NIOCore
internal import RPCCore

/// The response half of one call, as the handler's task sees it: every call hops to the
/// connection's event loop. `writeMessage` completes only when the stream has room again,
/// which is how a client that stops reading slows its handler down instead of growing a buffer.
struct HTTP2ResponseSink: ServerResponseSink {
  let eventLoop: any EventLoop
  let connection: NIOLoopBound<GRPCServerConnection>
  let stream: NIOLoopBound<ServerStream>

  func writeHeaders(_ metadata: Metadata) async throws {
    let connection = connection, stream = stream
    try await eventLoop.submit {
      try connection.value.writeHeaders(stream.value, metadata)
    }.get()
  }

  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    let connection = connection, stream = stream
    try await eventLoop.flatSubmit {
      connection.value.writeMessage(stream.value, message, compress: compress)
    }.get()
  }

  func finish(status: RPCStatus, trailers: Metadata) async {
    let connection = connection, stream = stream
    eventLoop.execute {
      connection.value.finish(stream.value, status: status, trailers: trailers)
    }
  }

  func finishUnary(headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata) async {
    let connection = connection, stream = stream
    eventLoop.execute {
      connection.value.finishUnary(
        stream.value, headers: headers, message: message, compress: compress, trailers: trailers)
    }
  }
}

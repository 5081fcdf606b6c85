internal import NIOCore
internal import RPCCore

/// The response half of one call, as the handler's task sees it. Calls run on the task's
/// thread when that is the connection's event loop (the usual case: tasks prefer the loop as
/// their executor) and hop to the loop otherwise. `writeMessage` completes only when the
/// stream has room again, which is how a client that stops reading slows its handler down
/// instead of growing a buffer.
///
/// Three words (a loop-bound reference), so `any ServerResponseSink` holds it without a box.
struct HTTP2ResponseSink: ServerResponseSink {
  let stream: NIOLoopBound<ServerStream>

  init(stream: ServerStream, eventLoop: any EventLoop) {
    self.stream = NIOLoopBound(stream, eventLoop: eventLoop)
  }

  nonisolated(nonsending) func writeHeaders(_ metadata: Metadata) async throws {
    let eventLoop = stream.eventLoop
    if eventLoop.inEventLoop {
      let stream = stream.value
      try stream.connection.writeHeaders(stream, metadata)
      return
    }
    let stream = stream
    try await eventLoop.submit {
      let stream = stream.value
      try stream.connection.writeHeaders(stream, metadata)
    }.get()
  }

  nonisolated(nonsending) func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    let eventLoop = stream.eventLoop
    if eventLoop.inEventLoop {
      let stream = stream.value
      if let wait = try stream.connection.writeMessage(stream, message, compress: compress) {
        try await wait.get()
      }
      return
    }
    let stream = stream
    try await eventLoop.flatSubmit {
      let stream = stream.value
      do {
        return try stream.connection.writeMessage(stream, message, compress: compress)
          ?? eventLoop.makeSucceededVoidFuture()
      } catch {
        return eventLoop.makeFailedFuture(error)
      }
    }.get()
  }

  nonisolated(nonsending) func finish(status: RPCStatus, trailers: Metadata) async {
    let eventLoop = stream.eventLoop
    if eventLoop.inEventLoop {
      let stream = stream.value
      stream.connection.finish(stream, status: status, trailers: trailers)
      return
    }
    let stream = stream
    eventLoop.execute {
      let stream = stream.value
      stream.connection.finish(stream, status: status, trailers: trailers)
    }
  }

  nonisolated(nonsending) func finishUnary(headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata) async {
    let eventLoop = stream.eventLoop
    if eventLoop.inEventLoop {
      let stream = stream.value
      stream.connection.finishUnary(
        stream, headers: headers, message: message, compress: compress, trailers: trailers)
      return
    }
    let stream = stream
    eventLoop.execute {
      let stream = stream.value
      stream.connection.finishUnary(
        stream, headers: headers, message: message, compress: compress, trailers: trailers)
    }
  }
}

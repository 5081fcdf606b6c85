import RPCCore

/// The handler's view of an `InProcessCall`. `compress` has no effect in process.
struct InProcessResponseSink: ServerResponseSink {
  let call: InProcessCall

  func writeHeaders(_ metadata: Metadata) async throws { try await call.writeHeaders(metadata) }

  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    try await call.writeMessage(message)
  }

  func finish(status: RPCStatus, trailers: Metadata) async {
    call.finish(status: status, trailers: trailers)
  }

  func finishUnary(headers: Metadata, message: [UInt8], compress: Bool, trailers: Metadata) async {
    call.finishUnary(headers: headers, message: message, trailers: trailers)
  }
}

/// The client's request writer for one call; `call` is `nil` for a call answered at once
/// (unknown method), whose writes are dropped.
struct InProcessRequestSink: ClientRequestSink {
  let call: InProcessCall?
  /// Whether the call compresses requests: a message written with `compress: true` is then
  /// flagged compressed, as the HTTP/2 client would frame it.
  let compresses: Bool

  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    try await call?.receive(message, compressed: compresses && compress)
  }

  func finish() async { call?.endRequests() }
}

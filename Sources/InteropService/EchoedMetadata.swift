// The Echo Metadata server feature of doc/interop-test-descriptions.md.

import RPCCore

/// The Echo Metadata feature: which request metadata goes back, and where.
struct EchoedMetadata: Sendable {
  /// For the response headers: every `x-grpc-test-echo-initial` value.
  var initial: Metadata = [:]
  /// For the trailers: every `x-grpc-test-echo-trailing-bin` value.
  var trailing: Metadata = [:]

  init(_ context: ServerContext) {
    for value in context.metadata.values(forKey: InteropTestService.echoInitialKey) {
      initial.add(value, forKey: InteropTestService.echoInitialKey)
    }
    for value in context.metadata.values(forKey: InteropTestService.echoTrailingKey) {
      trailing.add(value, forKey: InteropTestService.echoTrailingKey)
    }
  }

  /// Sends the response headers now when there is something to echo; otherwise they go with
  /// the first message (or the status).
  func sendInitial<Message>(on responses: ServerResponseWriter<Message>) async throws {
    if !initial.isEmpty { try await responses.writeMetadata(initial) }
  }
}

// The Echo Metadata server feature of doc/interop-test-descriptions.md.

import RPCCore

/// The Echo Metadata feature: which request metadata goes back, and where.
struct EchoedMetadata: Sendable {
  /// For the response headers: every `x-grpc-test-echo-initial` value.
  var initial: Metadata = [:]
  /// For the trailers: every `x-grpc-test-echo-trailing-bin` value.
  var trailing: Metadata = [:]

  init(_ context: ServerContext) {
    // One pass over the entries, comparing with the (lowercase) keys as they are: received
    // keys are lowercase already, so `values(forKey:)`'s normalising and the array it builds
    // would be per-call work for nothing on the common call that asks for no echo.
    for entry in context.metadata {
      if entry.key == InteropTestService.echoInitialKey {
        initial.add(entry.value, forKey: entry.key)
      } else if entry.key == InteropTestService.echoTrailingKey {
        trailing.add(entry.value, forKey: entry.key)
      }
    }
  }

  /// Sends the response headers now when there is something to echo; otherwise they go with
  /// the first message (or the status).
  func sendInitial<Message>(on responses: ServerResponseWriter<Message>) async throws {
    if !initial.isEmpty { try await responses.writeMetadata(initial) }
  }
}

import Synchronization

@testable import RPCCore

/// A sink that records what a handler wrote, for tests that drive handlers directly.
final class RecordingSink: ServerResponseSink {
  let parts = Mutex<[RPCResponsePart]>([])

  var recorded: [RPCResponsePart] { parts.withLock { $0 } }

  func writeHeaders(_ metadata: Metadata) async throws {
    parts.withLock { $0.append(.metadata(metadata)) }
  }
  func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    parts.withLock { $0.append(.message(message)) }
  }
  func finish(status: RPCStatus, trailers: Metadata) async {
    parts.withLock { $0.append(.status(status, trailers)) }
  }
}

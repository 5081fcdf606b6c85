// Helpers shared by the test targets that drive RPC handlers and clients.

public import RPCCore
import Synchronization

/// A sink that records what a handler wrote, for tests that drive handlers directly.
public final class RecordingSink: ServerResponseSink {
  private let parts = Mutex<[RPCResponsePart]>([])

  public init() {}

  /// Everything written so far, in order.
  public var recorded: [RPCResponsePart] { parts.withLock { $0 } }

  public func writeHeaders(_ metadata: Metadata) async throws {
    parts.withLock { $0.append(.metadata(metadata)) }
  }
  public func writeMessage(_ message: [UInt8], compress: Bool) async throws {
    parts.withLock { $0.append(.message(message)) }
  }
  public func finish(status: RPCStatus, trailers: Metadata) async {
    parts.withLock { $0.append(.status(status, trailers)) }
  }
}

/// Runs `body` and returns the `RPCError` it threw: nil if it did not throw, and `UNKNOWN`
/// naming the error if it threw something else (so "expect no error" cannot pass by accident).
public func rpcError(_ body: () async throws -> Void) async -> RPCError? {
  do {
    try await body()
    return nil
  } catch let error as RPCError {
    return error
  } catch {
    return RPCError(code: .unknown, message: "not an RPCError: \(error)")
  }
}

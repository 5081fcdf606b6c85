import InteropAPI
import InteropService
import RPCCore
import RPCInProcess
import Synchronization

/// A typed client over an in-process server running `InteropTestService`, and the wire log.
func makeInteropClient() -> (TestServiceClient, WireLog) {
  let log = WireLog()
  var router = RPCRouter()
  router.register(InteropTestService())
  let transport = InProcessTransport(serving: router.tapped(log))
  let client = RPCClient(transport: LoggingClientTransport(base: transport.client, log: log))
  return (TestServiceClient(client), log)
}

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

/// `count` zero bytes, the interop payload body.
func zeros(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }

/// Runs `body`, which must throw an `RPCError`, and returns it (nil if it did not throw one).
func rpcError(_ body: () async throws -> Void) async -> RPCError? {
  do {
    try await body()
    return nil
  } catch let error as RPCError {
    return error
  } catch {
    return nil
  }
}

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

/// `count` zero bytes, the interop payload body.
func zeros(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }


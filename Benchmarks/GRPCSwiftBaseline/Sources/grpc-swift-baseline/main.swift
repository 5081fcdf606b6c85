// grpc-swift-baseline: grpc-swift-2 2.4.3 serving grpc.testing.TestService over HTTP/2 plaintext
// (grpc-swift-nio-transport 2.9.2, NIO posix, the transport's default configuration), the
// comparison server for Deploy/bench/rpc.sh.
//
//   grpc-swift-baseline [--host 127.0.0.1] [--port 50052]
//
// EmptyCall returns Empty; UnaryCall returns a payload of `response_size` zero bytes (the request
// payload is read and ignored, like craftd's interop service). Everything else is unimplemented.
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Foundation
import GRPCProtobuf

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct TestService: Grpc_Testing_TestService.SimpleServiceProtocol {
  func emptyCall(request: Grpc_Testing_Empty, context: ServerContext) async throws
    -> Grpc_Testing_Empty
  {
    Grpc_Testing_Empty()
  }

  func unaryCall(request: Grpc_Testing_SimpleRequest, context: ServerContext) async throws
    -> Grpc_Testing_SimpleResponse
  {
    guard request.responseSize >= 0 else {
      throw RPCError(code: .invalidArgument, message: "negative response_size")
    }
    var response = Grpc_Testing_SimpleResponse()
    response.payload.body = Data(count: Int(request.responseSize))
    return response
  }

  func cacheableUnaryCall(request: Grpc_Testing_SimpleRequest, context: ServerContext)
    async throws -> Grpc_Testing_SimpleResponse
  {
    throw RPCError(code: .unimplemented, message: "not in the baseline")
  }

  func streamingOutputCall(
    request: Grpc_Testing_StreamingOutputCallRequest,
    response: RPCWriter<Grpc_Testing_StreamingOutputCallResponse>,
    context: ServerContext
  ) async throws {
    throw RPCError(code: .unimplemented, message: "not in the baseline")
  }

  func streamingInputCall(
    request: RPCAsyncSequence<Grpc_Testing_StreamingInputCallRequest, any Error>,
    context: ServerContext
  ) async throws -> Grpc_Testing_StreamingInputCallResponse {
    throw RPCError(code: .unimplemented, message: "not in the baseline")
  }

  func fullDuplexCall(
    request: RPCAsyncSequence<Grpc_Testing_StreamingOutputCallRequest, any Error>,
    response: RPCWriter<Grpc_Testing_StreamingOutputCallResponse>,
    context: ServerContext
  ) async throws {
    throw RPCError(code: .unimplemented, message: "not in the baseline")
  }

  func halfDuplexCall(
    request: RPCAsyncSequence<Grpc_Testing_StreamingOutputCallRequest, any Error>,
    response: RPCWriter<Grpc_Testing_StreamingOutputCallResponse>,
    context: ServerContext
  ) async throws {
    throw RPCError(code: .unimplemented, message: "not in the baseline")
  }

  func unimplementedCall(request: Grpc_Testing_Empty, context: ServerContext) async throws
    -> Grpc_Testing_Empty
  {
    throw RPCError(code: .unimplemented, message: "unimplemented")
  }
}

func parseArguments() -> (host: String, port: Int) {
  var host = "127.0.0.1"
  var port = 50052
  var arguments = CommandLine.arguments.dropFirst().makeIterator()
  while let argument = arguments.next() {
    switch argument {
    case "--host": host = arguments.next() ?? host
    case "--port": port = arguments.next().flatMap { Int($0) } ?? port
    default:
      print("usage: grpc-swift-baseline [--host HOST] [--port PORT]")
      exit(2)
    }
  }
  return (host, port)
}

let (host, port) = parseArguments()
let server = GRPCServer(
  transport: .http2NIOPosix(
    address: .ipv4(host: host, port: port),
    transportSecurity: .plaintext
  ),
  services: [TestService()]
)
try await withThrowingDiscardingTaskGroup { group in
  group.addTask { try await server.serve() }
  if let address = try await server.listeningAddress {
    print("grpc-swift-baseline listening on \(address)")
  }
}

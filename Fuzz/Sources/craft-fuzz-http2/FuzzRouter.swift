// The methods the HTTP/2 fuzzer calls: one of each kind, on grpc.testing's messages (so
// requests are decoded for real), with handlers that wait only for the connection — for
// request messages and for room to write — never for a clock or another thread, which keeps
// every run on the EmbeddedChannel's loop and deterministic. Response sizes are capped so a
// fuzzed request cannot ask for gigabytes.

import InteropAPI
import RPCCore

enum FuzzMethods {
  static let service = "grpc.testing.TestService"
  static let unary = MethodDescriptor(service: service, method: "UnaryCall", kind: .unary)
  static let serverStreaming = MethodDescriptor(
    service: service, method: "StreamingOutputCall", kind: .serverStreaming)
  static let clientStreaming = MethodDescriptor(
    service: service, method: "StreamingInputCall", kind: .clientStreaming)
  static let bidirectional = MethodDescriptor(
    service: service, method: "FullDuplexCall", kind: .bidirectionalStreaming)
}

/// `size` zero bytes, at most 4 KiB of them.
func cappedPayload(_ size: Int32) -> Payload {
  Payload(body: [UInt8](repeating: 0, count: Int(min(max(size, 0), 4_096))))
}

/// Echoes or answers with a status the request asks for, like the interop service does.
func answer(_ status: EchoStatus?) throws {
  guard let status, status.code != 0 else { return }
  throw RPCError(code: RPCStatus.Code(rawValue: Int(status.code)) ?? .unknown, message: status.message)
}

func makeFuzzRouter() -> RPCRouter {
  var router = RPCRouter()
  router.register(
    .unary(FuzzMethods.unary) { (request: SimpleRequest, context) in
      try answer(request.responseStatus)
      var response = SimpleResponse()
      response.payload = cappedPayload(request.responseSize)
      response.username = context.metadata["x-user"] ?? ""
      return ServerResponse(response, trailers: context.metadata, compress: request.responseCompressed?.value ?? false)
    })
  router.register(
    .serverStreaming(FuzzMethods.serverStreaming) {
      (request: StreamingOutputCallRequest, responses: ServerResponseWriter<StreamingOutputCallResponse>, context) in
      for parameters in request.responseParameters.prefix(8) {
        try await responses.write(StreamingOutputCallResponse(payload: cappedPayload(parameters.size)))
      }
      try answer(request.responseStatus)
      return [:]
    })
  router.register(
    .clientStreaming(FuzzMethods.clientStreaming) { (requests: RequestStream<StreamingInputCallRequest>, context) in
      var total: Int32 = 0
      for try await request in requests {
        total &+= Int32(truncatingIfNeeded: request.payload?.body.count ?? 0)
      }
      var response = StreamingInputCallResponse()
      response.aggregatedPayloadSize = total
      return ServerResponse(response)
    })
  router.register(
    .bidirectionalStreaming(FuzzMethods.bidirectional) {
      (requests: RequestStream<StreamingOutputCallRequest>, responses: ServerResponseWriter<StreamingOutputCallResponse>, context) in
      for try await request in requests {
        try answer(request.responseStatus)
        for parameters in request.responseParameters.prefix(4) {
          try await responses.write(StreamingOutputCallResponse(payload: cappedPayload(parameters.size)))
        }
      }
      return [:]
    })
  return router
}

// `grpc.testing.TestService` as grpc/grpc `doc/interop-test-descriptions.md` ("Server")
// describes it, for stock gRPC clients' interop test cases against `craftd interop`.

public import InteropAPI
public import RPCCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interop test server.
///
/// Server features (each always on, as the spec asks):
/// - **EmptyCall**, **UnaryCall** (payload of `response_size` zero bytes; only `COMPRESSABLE`
///   payloads, anything else is `INVALID_ARGUMENT`), **CacheableUnaryCall** (timestamp payload,
///   `cache-control` header), **StreamingOutputCall**, **StreamingInputCall**,
///   **FullDuplexCall**, **HalfDuplexCall**; **UnimplementedCall** answers `UNIMPLEMENTED`.
/// - **CompressedResponse**: a response is compressed only when the request asks
///   (`response_compressed`, `ResponseParameters.compressed`), never by default.
/// - **CompressedRequest**: a request message with `expect_compressed` set that did not arrive
///   compressed fails the call with `INVALID_ARGUMENT` (the transport reports the flag).
/// - **Echo Status**: a non-OK `response_status` ends the call with that code and message; in a
///   stream, before the responses of that request and without reading further requests.
/// - **Echo Metadata**: `x-grpc-test-echo-initial` goes back in the response headers,
///   `x-grpc-test-echo-trailing-bin` in the trailers (also those of a failed call).
/// - **interval_us**: a sleep before each response, so delays accumulate.
public struct InteropTestService: TestServiceProtocol {
  /// The request key echoed in the response headers.
  public static let echoInitialKey = "x-grpc-test-echo-initial"
  /// The request key echoed in the trailers.
  public static let echoTrailingKey = "x-grpc-test-echo-trailing-bin"

  /// The largest payload a request may ask for; larger sizes are `INVALID_ARGUMENT`, so a
  /// client cannot make the server allocate up to 2 GiB per response.
  public var maxPayloadSize: Int
  /// Response bodies, shared between calls that ask for the same size.
  private let zeroPayloads = ZeroPayloads()

  /// A service with the default payload limit (16 MiB, above every interop case's sizes).
  public init(maxPayloadSize: Int = 16 * 1024 * 1024) {
    self.maxPayloadSize = maxPayloadSize
  }

  // MARK: Unary

  public func emptyCall(_ request: Empty, context: ServerContext) async throws
    -> ServerResponse<Empty>
  {
    let echo = EchoedMetadata(context)
    return ServerResponse(Empty(), metadata: echo.initial, trailers: echo.trailing)
  }

  public func unaryCall(
    _ request: SimpleRequest, context: ServerContext
  ) async throws -> ServerResponse<SimpleResponse> {
    let echo = EchoedMetadata(context)
    try checkCompressed(
      expected: request.expectCompressed, actual: context.requestMessageCompressed, echo)
    var response = SimpleResponse()
    response.payload = try payload(type: request.responseType, size: request.responseSize, echo)
    try echoStatus(request.responseStatus, echo)
    return ServerResponse(
      response, metadata: echo.initial, trailers: echo.trailing,
      compress: request.responseCompressed?.value ?? false)
  }

  public func cacheableUnaryCall(
    _ request: SimpleRequest, context: ServerContext
  ) async throws -> ServerResponse<SimpleResponse> {
    let echo = EchoedMetadata(context)
    var headers = echo.initial
    headers.addString("max-age=60, public", forKey: "cache-control")
    var response = SimpleResponse()
    response.payload = Payload(body: Array(String(Self.nanosecondsSinceEpoch()).utf8))
    return ServerResponse(response, metadata: headers, trailers: echo.trailing, compress: false)
  }

  public func unimplementedCall(_ request: Empty, context: ServerContext) async throws
    -> ServerResponse<Empty>
  {
    // "The test server will not implement this method" (test.proto).
    throw RPCError(
      code: .unimplemented, message: "\(TestService.Method.unimplementedCall) is not implemented")
  }

  // MARK: Streaming

  public func streamingOutputCall(
    _ request: StreamingOutputCallRequest,
    responses: ServerResponseWriter<StreamingOutputCallResponse>, context: ServerContext
  ) async throws -> Metadata {
    let echo = EchoedMetadata(context)
    try await echo.sendInitial(on: responses)
    try await respond(to: request, on: responses, echo)
    return echo.trailing
  }

  public func streamingInputCall(
    _ requests: RequestStream<StreamingInputCallRequest>, context: ServerContext
  ) async throws -> ServerResponse<StreamingInputCallResponse> {
    let echo = EchoedMetadata(context)
    var total = 0
    var iterator = requests.makeAsyncIterator()
    while let request = try await iterator.next() {
      try checkCompressed(
        expected: request.expectCompressed, actual: iterator.lastMessageCompressed, echo)
      total += request.payload?.body.count ?? 0
    }
    guard let size = Int32(exactly: total) else {
      throw RPCError(
        code: .outOfRange, message: "aggregated payload size \(total) exceeds int32",
        metadata: echo.trailing)
    }
    return ServerResponse(
      StreamingInputCallResponse(aggregatedPayloadSize: size), metadata: echo.initial,
      trailers: echo.trailing, compress: false)
  }

  public func fullDuplexCall(
    _ requests: RequestStream<StreamingOutputCallRequest>,
    responses: ServerResponseWriter<StreamingOutputCallResponse>, context: ServerContext
  ) async throws -> Metadata {
    let echo = EchoedMetadata(context)
    try await echo.sendInitial(on: responses)
    for try await request in requests {
      try await respond(to: request, on: responses, echo)
    }
    return echo.trailing
  }

  public func halfDuplexCall(
    _ requests: RequestStream<StreamingOutputCallRequest>,
    responses: ServerResponseWriter<StreamingOutputCallResponse>, context: ServerContext
  ) async throws -> Metadata {
    let echo = EchoedMetadata(context)
    var buffered: [StreamingOutputCallRequest] = []
    for try await request in requests { buffered.append(request) }
    // Fail before answering anything if any request asks for a status or a bad payload.
    for request in buffered { try check(request, echo) }
    try await echo.sendInitial(on: responses)
    for request in buffered { try await respond(to: request, on: responses, echo) }
    return echo.trailing
  }

  // MARK: Shared behaviour

  /// Answers one `StreamingOutputCallRequest`: echoes its status if it asks for one, otherwise
  /// sends one response per `ResponseParameters`, each after its `interval_us`.
  private func respond(
    to request: StreamingOutputCallRequest,
    on responses: ServerResponseWriter<StreamingOutputCallResponse>, _ echo: EchoedMetadata
  ) async throws {
    try check(request, echo)
    for parameters in request.responseParameters {
      if parameters.intervalUs > 0 {
        try await Task.sleep(for: .microseconds(parameters.intervalUs))
      }
      let body = try payload(type: request.responseType, size: parameters.size, echo)
      try await responses.write(
        StreamingOutputCallResponse(payload: body),
        compress: parameters.compressed?.value ?? false)
    }
  }

  /// What must fail a streaming request before any of its responses: the echoed status, an
  /// unsupported payload type, a size out of range.
  private func check(_ request: StreamingOutputCallRequest, _ echo: EchoedMetadata) throws {
    try echoStatus(request.responseStatus, echo)
    for parameters in request.responseParameters {
      try checkPayload(type: request.responseType, size: parameters.size, echo)
    }
  }

  /// CompressedRequest: `expect_compressed` set but the message arrived uncompressed.
  private func checkCompressed(
    expected: BoolValue?, actual: Bool, _ echo: EchoedMetadata
  ) throws {
    guard expected?.value == true, !actual else { return }
    throw RPCError(
      code: .invalidArgument, message: "expected a compressed request message, got uncompressed",
      metadata: echo.trailing)
  }

  /// Echo Status: a non-OK `response_status` becomes the call's status.
  private func echoStatus(_ status: EchoStatus?, _ echo: EchoedMetadata) throws {
    guard let status, status.code != 0 else { return }
    throw RPCError(
      code: RPCStatus.Code(wireValue: Int(status.code)), message: status.message,
      metadata: echo.trailing)
  }

  private func checkPayload(type: PayloadType, size: Int32, _ echo: EchoedMetadata) throws {
    guard type == .compressable else {
      throw RPCError(
        code: .invalidArgument, message: "unsupported response_type \(type)",
        metadata: echo.trailing)
    }
    guard size >= 0, Int(size) <= maxPayloadSize else {
      throw RPCError(
        code: .invalidArgument,
        message: "response size \(size) is outside 0...\(maxPayloadSize)", metadata: echo.trailing)
    }
  }

  /// A payload of `size` zero bytes.
  private func payload(type: PayloadType, size: Int32, _ echo: EchoedMetadata) throws -> Payload {
    try checkPayload(type: type, size: size, echo)
    return Payload(type: type, body: zeroPayloads.zeros(count: Int(size)))
  }

  /// Wall-clock time, for CacheableUnaryCall's payload ("different for each request").
  private static func nanosecondsSinceEpoch() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }
}

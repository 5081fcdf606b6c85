// The contract of grpc/testing/test.proto's `grpc.testing.TestService` in Swift: method
// descriptors, the service protocol and the typed client — what protoc's Swift plugin would
// generate, written by hand.
//
// This file is the pattern for every `…API` module's service contract (copy its shape for
// CatalogueService, MatchingService, OrdersService):
//  1. `enum <Service>`: a namespace with the service name, one `MethodDescriptor` per RPC in
//     `Method`, and `descriptors` listing them all (in .proto order);
//  2. `protocol <Service>Protocol: RPCService`: one `async throws` requirement per RPC, in the
//     shape RPCCore's handler builders take for its kind; an extension supplies
//     `methodHandlers`, so an implementation is only its methods;
//  3. `struct <Service>Client`: one typed method per RPC over `RPCClient`.

public import RPCCore

/// `grpc.testing.TestService`: the service every gRPC implementation serves for the
/// cross-language interop tests (grpc/grpc `doc/interop-test-descriptions.md`).
public enum TestService {
  /// The fully-qualified service name.
  public static let name = "grpc.testing.TestService"

  /// The methods, one descriptor per RPC.
  public enum Method {
    /// `rpc EmptyCall(Empty) returns (Empty)`.
    public static let emptyCall = MethodDescriptor(
      service: name, method: "EmptyCall", kind: .unary)
    /// `rpc UnaryCall(SimpleRequest) returns (SimpleResponse)`.
    public static let unaryCall = MethodDescriptor(
      service: name, method: "UnaryCall", kind: .unary)
    /// `rpc CacheableUnaryCall(SimpleRequest) returns (SimpleResponse)`.
    public static let cacheableUnaryCall = MethodDescriptor(
      service: name, method: "CacheableUnaryCall", kind: .unary)
    /// `rpc StreamingOutputCall(StreamingOutputCallRequest)
    /// returns (stream StreamingOutputCallResponse)`.
    public static let streamingOutputCall = MethodDescriptor(
      service: name, method: "StreamingOutputCall", kind: .serverStreaming)
    /// `rpc StreamingInputCall(stream StreamingInputCallRequest)
    /// returns (StreamingInputCallResponse)`.
    public static let streamingInputCall = MethodDescriptor(
      service: name, method: "StreamingInputCall", kind: .clientStreaming)
    /// `rpc FullDuplexCall(stream StreamingOutputCallRequest)
    /// returns (stream StreamingOutputCallResponse)`.
    public static let fullDuplexCall = MethodDescriptor(
      service: name, method: "FullDuplexCall", kind: .bidirectionalStreaming)
    /// `rpc HalfDuplexCall(stream StreamingOutputCallRequest)
    /// returns (stream StreamingOutputCallResponse)`.
    public static let halfDuplexCall = MethodDescriptor(
      service: name, method: "HalfDuplexCall", kind: .bidirectionalStreaming)
    /// `rpc UnimplementedCall(Empty) returns (Empty)`: no server implements it.
    public static let unimplementedCall = MethodDescriptor(
      service: name, method: "UnimplementedCall", kind: .unary)
  }

  /// Every method, in .proto order.
  public static let descriptors: [MethodDescriptor] = [
    Method.emptyCall, Method.unaryCall, Method.cacheableUnaryCall, Method.streamingOutputCall,
    Method.streamingInputCall, Method.fullDuplexCall, Method.halfDuplexCall,
    Method.unimplementedCall,
  ]
}

/// The server side of `grpc.testing.TestService`: implement the methods, register the value
/// with an `RPCRouter` (`methodHandlers` comes from the extension below).
///
/// Each requirement has the shape of its call kind: unary and client-streaming methods return a
/// `ServerResponse` (message, headers, trailers, compression); server-streaming and
/// bidirectional methods write to a `ServerResponseWriter` and return the trailers. Throw an
/// `RPCError` (or an `RPCErrorConvertible`) to end the call with that status.
public protocol TestServiceProtocol: RPCService {
  /// One empty request, one empty response.
  func emptyCall(_ request: Empty, context: ServerContext) async throws -> ServerResponse<Empty>

  /// One request, one response shaped by the request.
  func unaryCall(
    _ request: SimpleRequest, context: ServerContext
  ) async throws -> ServerResponse<SimpleResponse>

  /// One request, one response a caching proxy may cache.
  func cacheableUnaryCall(
    _ request: SimpleRequest, context: ServerContext
  ) async throws -> ServerResponse<SimpleResponse>

  /// One request, a stream of responses (streamed download); returns the trailers.
  func streamingOutputCall(
    _ request: StreamingOutputCallRequest,
    responses: ServerResponseWriter<StreamingOutputCallResponse>, context: ServerContext
  ) async throws -> Metadata

  /// A stream of requests (streamed upload), one response.
  func streamingInputCall(
    _ requests: RequestStream<StreamingInputCallRequest>, context: ServerContext
  ) async throws -> ServerResponse<StreamingInputCallResponse>

  /// Requests served as they arrive (full duplex); returns the trailers.
  func fullDuplexCall(
    _ requests: RequestStream<StreamingOutputCallRequest>,
    responses: ServerResponseWriter<StreamingOutputCallResponse>, context: ServerContext
  ) async throws -> Metadata

  /// Requests buffered until the client half-closes, then served in order; returns the
  /// trailers.
  func halfDuplexCall(
    _ requests: RequestStream<StreamingOutputCallRequest>,
    responses: ServerResponseWriter<StreamingOutputCallResponse>, context: ServerContext
  ) async throws -> Metadata

  /// The method test servers do not implement: throw `UNIMPLEMENTED`.
  func unimplementedCall(_ request: Empty, context: ServerContext) async throws
    -> ServerResponse<Empty>
}

extension TestServiceProtocol {
  /// One handler per method, each forwarding to the requirement of the same name.
  public var methodHandlers: [ServerMethodHandler] {
    [
      .unary(TestService.Method.emptyCall) { (request: Empty, context) in
        try await self.emptyCall(request, context: context)
      },
      .unary(TestService.Method.unaryCall) { (request: SimpleRequest, context) in
        try await self.unaryCall(request, context: context)
      },
      .unary(TestService.Method.cacheableUnaryCall) { (request: SimpleRequest, context) in
        try await self.cacheableUnaryCall(request, context: context)
      },
      .serverStreaming(TestService.Method.streamingOutputCall) {
        (request: StreamingOutputCallRequest, responses, context) in
        try await self.streamingOutputCall(request, responses: responses, context: context)
      },
      .clientStreaming(TestService.Method.streamingInputCall) {
        (requests: RequestStream<StreamingInputCallRequest>, context) in
        try await self.streamingInputCall(requests, context: context)
      },
      .bidirectionalStreaming(TestService.Method.fullDuplexCall) {
        (requests: RequestStream<StreamingOutputCallRequest>, responses, context) in
        try await self.fullDuplexCall(requests, responses: responses, context: context)
      },
      .bidirectionalStreaming(TestService.Method.halfDuplexCall) {
        (requests: RequestStream<StreamingOutputCallRequest>, responses, context) in
        try await self.halfDuplexCall(requests, responses: responses, context: context)
      },
      .unary(TestService.Method.unimplementedCall) { (request: Empty, context) in
        try await self.unimplementedCall(request, context: context)
      },
    ]
  }
}

/// Typed calls to `grpc.testing.TestService`.
///
/// Calls throw `RPCError` for a non-OK status. Single-response calls return the message with
/// the response headers and trailers; streaming calls hand the caller the response stream and/or
/// request writer inside a closure, and the call ends when the closure returns.
public struct TestServiceClient: Sendable {
  /// The client calls go through (transport and client interceptors).
  public let client: RPCClient

  /// A typed client over `client`.
  public init(_ client: RPCClient) { self.client = client }

  /// `EmptyCall`.
  public func emptyCall(
    _ request: Empty = Empty(), metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Empty> {
    try await client.unary(
      TestService.Method.emptyCall, request: request, metadata: metadata, options: options)
  }

  /// `UnaryCall`.
  public func unaryCall(
    _ request: SimpleRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<SimpleResponse> {
    try await client.unary(
      TestService.Method.unaryCall, request: request, metadata: metadata, options: options)
  }

  /// `CacheableUnaryCall` (sent as a POST: this client has no cacheable GET).
  public func cacheableUnaryCall(
    _ request: SimpleRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<SimpleResponse> {
    try await client.unary(
      TestService.Method.cacheableUnaryCall, request: request, metadata: metadata,
      options: options)
  }

  /// `StreamingOutputCall`: `onResponse` reads the responses; its result is the call's.
  public func streamingOutputCall<Result>(
    _ request: StreamingOutputCallRequest, metadata: Metadata = [:],
    options: CallOptions = .defaults,
    onResponse: (ClientResponseStream<StreamingOutputCallResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      TestService.Method.streamingOutputCall, request: request, metadata: metadata,
      options: options, onResponse: onResponse)
  }

  /// `StreamingInputCall`: `requests` writes the requests; the stream is half-closed when it
  /// returns.
  public func streamingInputCall(
    metadata: Metadata = [:], options: CallOptions = .defaults,
    requests: (RPCWriter<StreamingInputCallRequest>) async throws -> Void
  ) async throws -> ClientResponse<StreamingInputCallResponse> {
    try await client.clientStreaming(
      TestService.Method.streamingInputCall, metadata: metadata, options: options,
      requests: requests)
  }

  /// `FullDuplexCall`: `body` writes requests and reads responses in any order; the request
  /// stream is half-closed when it returns.
  public func fullDuplexCall<Result>(
    metadata: Metadata = [:], options: CallOptions = .defaults,
    body: (
      RPCWriter<StreamingOutputCallRequest>, ClientResponseStream<StreamingOutputCallResponse>
    ) async throws -> Result
  ) async throws -> Result {
    try await client.bidirectional(
      TestService.Method.fullDuplexCall, metadata: metadata, options: options, body: body)
  }

  /// `HalfDuplexCall`: like `fullDuplexCall`, but the server answers only after the request
  /// stream is half-closed (call `finish()` on the writer before reading).
  public func halfDuplexCall<Result>(
    metadata: Metadata = [:], options: CallOptions = .defaults,
    body: (
      RPCWriter<StreamingOutputCallRequest>, ClientResponseStream<StreamingOutputCallResponse>
    ) async throws -> Result
  ) async throws -> Result {
    try await client.bidirectional(
      TestService.Method.halfDuplexCall, metadata: metadata, options: options, body: body)
  }

  /// `UnimplementedCall`: a conforming server answers `UNIMPLEMENTED`.
  public func unimplementedCall(
    _ request: Empty = Empty(), metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Empty> {
    try await client.unary(
      TestService.Method.unimplementedCall, request: request, metadata: metadata,
      options: options)
  }
}

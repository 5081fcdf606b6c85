// The contract of grpc/testing/test.proto's `grpc.testing.UnimplementedService`: descriptors
// and a typed client only. No server implements this service (that is its point), so there is
// no service protocol: a call gets `UNIMPLEMENTED` from the router.

public import RPCCore

/// `grpc.testing.UnimplementedService`: a service no server registers, for the
/// `unimplemented_service` interop case.
public enum UnimplementedService {
  /// The fully-qualified service name.
  public static let name = "grpc.testing.UnimplementedService"

  /// The methods, one descriptor per RPC.
  public enum Method {
    /// `rpc UnimplementedCall(Empty) returns (Empty)`.
    public static let unimplementedCall = MethodDescriptor(
      service: name, method: "UnimplementedCall", kind: .unary)
  }

  /// Every method, in .proto order.
  public static let descriptors: [MethodDescriptor] = [Method.unimplementedCall]
}

/// Typed calls to `grpc.testing.UnimplementedService`; every call should fail with
/// `UNIMPLEMENTED`.
public struct UnimplementedServiceClient: Sendable {
  /// The client calls go through (transport and client interceptors).
  public let client: RPCClient

  /// A typed client over `client`.
  public init(_ client: RPCClient) { self.client = client }

  /// `UnimplementedCall`.
  public func unimplementedCall(
    _ request: Empty = Empty(), metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Empty> {
    try await client.unary(
      UnimplementedService.Method.unimplementedCall, request: request, metadata: metadata,
      options: options)
  }
}

// Messages of grpc/reflection/v1/reflection.proto (package grpc.reflection.v1). The message
// bodies are shared with v1alpha and written once in Reflection+Messages.swift.

public import ProtoWire

/// Server reflection, `grpc.reflection.v1`: the current version of the protocol.
public enum ReflectionV1: ReflectionVersion {
  public static let protoPackage = "grpc.reflection.v1"

  /// `grpc.reflection.v1.ServerReflectionRequest`: what the client asks on the stream.
  public typealias ServerReflectionRequest = Reflection.ServerReflectionRequest<ReflectionV1>
  /// `grpc.reflection.v1.ExtensionRequest`: a containing type and an extension number.
  public typealias ExtensionRequest = Reflection.ExtensionRequest<ReflectionV1>
  /// `grpc.reflection.v1.ServerReflectionResponse`: the server's answer on the stream.
  public typealias ServerReflectionResponse = Reflection.ServerReflectionResponse<ReflectionV1>
  /// `grpc.reflection.v1.FileDescriptorResponse`: serialized file descriptors.
  public typealias FileDescriptorResponse = Reflection.FileDescriptorResponse<ReflectionV1>
  /// `grpc.reflection.v1.ExtensionNumberResponse`: the extension numbers of a type.
  public typealias ExtensionNumberResponse = Reflection.ExtensionNumberResponse<ReflectionV1>
  /// `grpc.reflection.v1.ListServiceResponse`: the registered services.
  public typealias ListServiceResponse = Reflection.ListServiceResponse<ReflectionV1>
  /// `grpc.reflection.v1.ServiceResponse`: one registered service.
  public typealias ServiceResponse = Reflection.ServiceResponse<ReflectionV1>
  /// `grpc.reflection.v1.ErrorResponse`: a failed request's status code and message.
  public typealias ErrorResponse = Reflection.ErrorResponse<ReflectionV1>

  /// Every message of the package.
  public static let messageTypes: [any ProtoMessage.Type] = [
    ServerReflectionRequest.self,
    ExtensionRequest.self,
    ServerReflectionResponse.self,
    FileDescriptorResponse.self,
    ExtensionNumberResponse.self,
    ListServiceResponse.self,
    ServiceResponse.self,
    ErrorResponse.self,
  ]
}

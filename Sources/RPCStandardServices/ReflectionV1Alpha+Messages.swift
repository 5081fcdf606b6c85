// Messages of grpc/reflection/v1alpha/reflection.proto (package grpc.reflection.v1alpha).
// The message bodies are shared with v1 and written once in Reflection+Messages.swift.

public import ProtoWire

/// Server reflection, `grpc.reflection.v1alpha`: the deprecated version, which older clients
/// still ask for. Same messages, fields and numbers as v1; only the package differs.
public enum ReflectionV1Alpha: ReflectionVersion {
  public static let protoPackage = "grpc.reflection.v1alpha"

  /// `grpc.reflection.v1alpha.ServerReflectionRequest`: what the client asks on the stream.
  public typealias ServerReflectionRequest = Reflection.ServerReflectionRequest<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.ExtensionRequest`: a containing type and an extension number.
  public typealias ExtensionRequest = Reflection.ExtensionRequest<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.ServerReflectionResponse`: the server's answer on the stream.
  public typealias ServerReflectionResponse = Reflection.ServerReflectionResponse<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.FileDescriptorResponse`: serialized file descriptors.
  public typealias FileDescriptorResponse = Reflection.FileDescriptorResponse<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.ExtensionNumberResponse`: the extension numbers of a type.
  public typealias ExtensionNumberResponse = Reflection.ExtensionNumberResponse<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.ListServiceResponse`: the registered services.
  public typealias ListServiceResponse = Reflection.ListServiceResponse<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.ServiceResponse`: one registered service.
  public typealias ServiceResponse = Reflection.ServiceResponse<ReflectionV1Alpha>
  /// `grpc.reflection.v1alpha.ErrorResponse`: a failed request's status code and message.
  public typealias ErrorResponse = Reflection.ErrorResponse<ReflectionV1Alpha>

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

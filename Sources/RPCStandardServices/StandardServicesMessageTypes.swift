// The message types of this module, for the contract tests.

public import ProtoWire

/// Every message of grpc.health.v1, grpc.reflection.v1 and grpc.reflection.v1alpha.
public let standardServicesMessageTypes: [any ProtoMessage.Type] =
  [HealthCheckRequest.self, HealthCheckResponse.self]
  + ReflectionV1.messageTypes
  + ReflectionV1Alpha.messageTypes

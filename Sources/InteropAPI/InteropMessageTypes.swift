// The message types of this module, for the contract tests.

public import ProtoWire

/// Every message of grpc/testing/empty.proto and grpc/testing/messages.proto (our subset).
public let interopMessageTypes: [any ProtoMessage.Type] = [
  Empty.self,
  BoolValue.self,
  Payload.self,
  EchoStatus.self,
  SimpleRequest.self,
  SimpleResponse.self,
  StreamingInputCallRequest.self,
  StreamingInputCallResponse.self,
  ResponseParameters.self,
  StreamingOutputCallRequest.self,
  StreamingOutputCallResponse.self,
  TestOrcaReport.self,
]

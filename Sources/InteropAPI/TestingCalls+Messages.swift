// Messages of grpc/testing/messages.proto (package grpc.testing), written by hand: the requests
// and responses of `grpc.testing.TestService`.

public import ProtoWire

/// Unary request (`UnaryCall`, `CacheableUnaryCall`).
public struct SimpleRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.SimpleRequest"

  /// Desired payload type in the response from the server.
  public var responseType: PayloadType = .compressable
  /// Desired payload size in the response from the server.
  public var responseSize: Int32 = 0
  /// Optional input payload sent along with the request.
  public var payload: Payload?
  /// Whether SimpleResponse should include username.
  public var fillUsername: Bool = false
  /// Whether SimpleResponse should include OAuth scope.
  public var fillOauthScope: Bool = false
  /// Whether the server should compress the response; nullable, for clients that cannot test
  /// compression.
  public var responseCompressed: BoolValue?
  /// The status the server should answer with.
  public var responseStatus: EchoStatus?
  /// Whether the server should expect this request to be compressed.
  public var expectCompressed: BoolValue?
  /// Whether SimpleResponse should include server_id.
  public var fillServerId: Bool = false
  /// Whether SimpleResponse should include grpclb_route_type.
  public var fillGrpclbRouteType: Bool = false
  /// If set, the server records this metrics report for the current RPC.
  public var orcaPerQueryReport: TestOrcaReport?
  /// If set, the server updates this metrics report at the out-of-band server.
  public var orcaOobReport: TestOrcaReport?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): responseType = try reader.readEnum(PayloadType.self)
      case (2, .varint): responseSize = try reader.readInt32()
      case (3, .lengthDelimited): try reader.readMessage(into: &payload)
      case (4, .varint): fillUsername = try reader.readBool()
      case (5, .varint): fillOauthScope = try reader.readBool()
      case (6, .lengthDelimited): try reader.readMessage(into: &responseCompressed)
      case (7, .lengthDelimited): try reader.readMessage(into: &responseStatus)
      case (8, .lengthDelimited): try reader.readMessage(into: &expectCompressed)
      case (9, .varint): fillServerId = try reader.readBool()
      case (10, .varint): fillGrpclbRouteType = try reader.readBool()
      case (11, .lengthDelimited): try reader.readMessage(into: &orcaPerQueryReport)
      case (12, .lengthDelimited): try reader.readMessage(into: &orcaOobReport)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(12, orcaOobReport)
    writer.writeMessage(11, orcaPerQueryReport)
    writer.write(10, fillGrpclbRouteType, as: ProtoBool.self)
    writer.write(9, fillServerId, as: ProtoBool.self)
    writer.writeMessage(8, expectCompressed)
    writer.writeMessage(7, responseStatus)
    writer.writeMessage(6, responseCompressed)
    writer.write(5, fillOauthScope, as: ProtoBool.self)
    writer.write(4, fillUsername, as: ProtoBool.self)
    writer.writeMessage(3, payload)
    writer.write(2, responseSize, as: ProtoInt32.self)
    writer.write(1, responseType, as: PayloadType.self)
  }
}

/// Unary response, as configured by the request.
public struct SimpleResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.SimpleResponse"

  /// Payload to increase message size.
  public var payload: Payload?
  /// The user the request came from, for verifying authentication.
  public var username: String = ""
  /// OAuth scope.
  public var oauthScope: String = ""
  /// Server ID: unique among server instances, the same for all RPCs to one instance.
  public var serverId: String = ""
  /// gRPCLB path.
  public var grpclbRouteType: GrpclbRouteType = .unknown
  /// Server hostname.
  public var hostname: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &payload)
      case (2, .lengthDelimited): username = try reader.readString()
      case (3, .lengthDelimited): oauthScope = try reader.readString()
      case (4, .lengthDelimited): serverId = try reader.readString()
      case (5, .varint): grpclbRouteType = try reader.readEnum(GrpclbRouteType.self)
      case (6, .lengthDelimited): hostname = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, hostname, as: ProtoString.self)
    writer.write(5, grpclbRouteType, as: GrpclbRouteType.self)
    writer.write(4, serverId, as: ProtoString.self)
    writer.write(3, oauthScope, as: ProtoString.self)
    writer.write(2, username, as: ProtoString.self)
    writer.writeMessage(1, payload)
  }
}

/// Client-streaming request (`StreamingInputCall`).
public struct StreamingInputCallRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.StreamingInputCallRequest"

  /// Optional input payload sent along with the request.
  public var payload: Payload?
  /// Whether the server should expect this request to be compressed; nullable, for servers
  /// that cannot test compression.
  public var expectCompressed: BoolValue?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &payload)
      case (2, .lengthDelimited): try reader.readMessage(into: &expectCompressed)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(2, expectCompressed)
    writer.writeMessage(1, payload)
  }
}

/// Client-streaming response.
public struct StreamingInputCallResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.StreamingInputCallResponse"

  /// Aggregated size of payloads received from the client.
  public var aggregatedPayloadSize: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  /// A response reporting `aggregatedPayloadSize` bytes.
  public init(aggregatedPayloadSize: Int32) {
    self.aggregatedPayloadSize = aggregatedPayloadSize
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): aggregatedPayloadSize = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, aggregatedPayloadSize, as: ProtoInt32.self)
  }
}

/// Server-streaming request (`StreamingOutputCall`, `FullDuplexCall`, `HalfDuplexCall`).
public struct StreamingOutputCallRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.StreamingOutputCallRequest"

  /// Desired payload type in the responses from the server.
  public var responseType: PayloadType = .compressable
  /// Configuration for each expected response message.
  public var responseParameters: [ResponseParameters] = []
  /// Optional input payload sent along with the request.
  public var payload: Payload?
  /// The status the server should answer with.
  public var responseStatus: EchoStatus?
  /// If set, the server updates this metrics report at the out-of-band server.
  public var orcaOobReport: TestOrcaReport?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): responseType = try reader.readEnum(PayloadType.self)
      case (2, .lengthDelimited): try reader.appendMessage(to: &responseParameters)
      case (3, .lengthDelimited): try reader.readMessage(into: &payload)
      case (7, .lengthDelimited): try reader.readMessage(into: &responseStatus)
      case (8, .lengthDelimited): try reader.readMessage(into: &orcaOobReport)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(8, orcaOobReport)
    writer.writeMessage(7, responseStatus)
    writer.writeMessage(3, payload)
    writer.writeRepeatedMessages(2, responseParameters)
    writer.write(1, responseType, as: PayloadType.self)
  }
}

/// Server-streaming response, as configured by the request and its parameters.
public struct StreamingOutputCallResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.StreamingOutputCallResponse"

  /// Payload to increase response size.
  public var payload: Payload?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  /// A response carrying `payload`.
  public init(payload: Payload?) {
    self.payload = payload
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &payload)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(1, payload)
  }
}

// Messages of grpc/testing/messages.proto (package grpc.testing), written by hand: the value
// types that the request and response messages (TestingCalls+Messages.swift) are built from.

public import ProtoWire

/// `grpc.testing.BoolValue`: a nullable bool (the interop protos' own copy of the wrapper type).
public struct BoolValue: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.BoolValue"

  /// The bool value.
  public var value: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A wrapper holding `false`.
  public init() {}

  /// A wrapper holding `value`.
  public init(_ value: Bool) {
    self.value = value
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): value = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, value, as: ProtoBool.self)
  }
}

/// The type of payload that should be returned.
public struct PayloadType: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A payload type from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `COMPRESSABLE`: compressable text format.
  public static let compressable = PayloadType(rawValue: 0)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "COMPRESSABLE"
    default: "\(rawValue)"
    }
  }
}

/// A block of data, to simply increase gRPC message size.
public struct Payload: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.Payload"

  /// The type of data in body.
  public var type: PayloadType = .compressable
  /// Primary contents of payload.
  public var body: [UInt8] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty payload.
  public init() {}

  /// A payload of `body`.
  public init(type: PayloadType = .compressable, body: [UInt8]) {
    self.type = type
    self.body = body
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): type = try reader.readEnum(PayloadType.self)
      case (2, .lengthDelimited): body = try reader.readBytes()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, body, as: ProtoBytes.self)
    writer.write(1, type, as: PayloadType.self)
  }
}

/// A gRPC status as a message: the status a test client asks the server to answer with.
public struct EchoStatus: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.EchoStatus"

  /// The status code.
  public var code: Int32 = 0
  /// The status message.
  public var message: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A status with every field at its default (OK, no message).
  public init() {}

  /// The status `code` with `message`.
  public init(code: Int32, message: String) {
    self.code = code
    self.message = message
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): code = try reader.readInt32()
      case (2, .lengthDelimited): message = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, message, as: ProtoString.self)
    writer.write(1, code, as: ProtoInt32.self)
  }
}

/// The route a client took to reach a server with respect to gRPCLB: `fallback` when the RPC
/// came via the gRPCLB fallback path, `backend` when the server's address came from the
/// gRPCLB server's BalanceLoad RPC.
public struct GrpclbRouteType: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A route type from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `GRPCLB_ROUTE_TYPE_UNKNOWN`: the server did not detect the route.
  public static let unknown = GrpclbRouteType(rawValue: 0)
  /// `GRPCLB_ROUTE_TYPE_FALLBACK`: the client reached the server via gRPCLB fallback.
  public static let fallback = GrpclbRouteType(rawValue: 1)
  /// `GRPCLB_ROUTE_TYPE_BACKEND`: the client reached the server as a gRPCLB-given backend.
  public static let backend = GrpclbRouteType(rawValue: 2)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "GRPCLB_ROUTE_TYPE_UNKNOWN"
    case 1: "GRPCLB_ROUTE_TYPE_FALLBACK"
    case 2: "GRPCLB_ROUTE_TYPE_BACKEND"
    default: "\(rawValue)"
    }
  }
}

/// Configuration for one response of a server-streaming call.
public struct ResponseParameters: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.ResponseParameters"

  /// Desired payload size of the response.
  public var size: Int32 = 0
  /// Desired interval before this response, in microseconds.
  public var intervalUs: Int32 = 0
  /// Whether to compress the response; nullable, for clients that cannot test compression.
  public var compressed: BoolValue?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// Parameters with every field at its default.
  public init() {}

  /// A response of `size` bytes after `intervalUs` microseconds.
  public init(size: Int32, intervalUs: Int32 = 0, compressed: BoolValue? = nil) {
    self.size = size
    self.intervalUs = intervalUs
    self.compressed = compressed
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): size = try reader.readInt32()
      case (2, .varint): intervalUs = try reader.readInt32()
      case (3, .lengthDelimited): try reader.readMessage(into: &compressed)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(3, compressed)
    writer.write(2, intervalUs, as: ProtoInt32.self)
    writer.write(1, size, as: ProtoInt32.self)
  }
}

/// Metrics data the server records and reports to the client; mirrors the ORCA load report
/// without depending on it. Used by the per-query and out-of-band reporting tests.
public struct TestOrcaReport: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.TestOrcaReport"

  /// CPU utilization.
  public var cpuUtilization: Double = 0
  /// Memory utilization.
  public var memoryUtilization: Double = 0
  /// Request costs by name.
  public var requestCost: [String: Double] = [:]
  /// Utilizations by name.
  public var utilization: [String: Double] = [:]
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A report with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .fixed64): cpuUtilization = try reader.readDouble()
      case (2, .fixed64): memoryUtilization = try reader.readDouble()
      case (3, .lengthDelimited):
        try reader.readMapEntry(into: &requestCost, key: ProtoString.self, value: ProtoDouble.self)
      case (4, .lengthDelimited):
        try reader.readMapEntry(into: &utilization, key: ProtoString.self, value: ProtoDouble.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMap(4, utilization, key: ProtoString.self, value: ProtoDouble.self)
    writer.writeMap(3, requestCost, key: ProtoString.self, value: ProtoDouble.self)
    writer.write(2, memoryUtilization, as: ProtoDouble.self)
    writer.write(1, cpuUtilization, as: ProtoDouble.self)
  }
}

// Messages of grpc/health/v1/health.proto (package grpc.health.v1), written by hand.

public import ProtoWire

/// The request of `grpc.health.v1.Health/Check` and `/Watch`.
public struct HealthCheckRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.health.v1.HealthCheckRequest"

  /// The service to ask about, by its fully-qualified name; empty means the server as a whole.
  public var service: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (the whole server).
  public init() {}

  /// A request about one service.
  public init(service: String) {
    self.service = service
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): service = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, service, as: ProtoString.self)
  }
}

/// The answer of `grpc.health.v1.Health/Check`, and each message of `/Watch`.
public struct HealthCheckResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.health.v1.HealthCheckResponse"

  /// Whether a service is serving.
  public struct ServingStatus: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A status from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `UNKNOWN`: the status is not known.
    public static let unknown = ServingStatus(rawValue: 0)
    /// `SERVING`: the service accepts calls.
    public static let serving = ServingStatus(rawValue: 1)
    /// `NOT_SERVING`: the service is known but does not accept calls.
    public static let notServing = ServingStatus(rawValue: 2)
    /// `SERVICE_UNKNOWN`: the service is not known; used only by `Watch` (Check answers NOT_FOUND).
    public static let serviceUnknown = ServingStatus(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "UNKNOWN"
      case 1: "SERVING"
      case 2: "NOT_SERVING"
      case 3: "SERVICE_UNKNOWN"
      default: "\(rawValue)"
      }
    }
  }

  /// The serving status of the service asked about.
  public var status: ServingStatus = .unknown
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default (`UNKNOWN`).
  public init() {}

  /// A response carrying `status`.
  public init(status: ServingStatus) {
    self.status = status
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): status = try reader.readEnum()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, status, as: ServingStatus.self)
  }
}

// Messages of google/rpc/status.proto and google/rpc/error_details.proto (package google.rpc),
// written by hand: gRPC's rich error model, sent base64-encoded in `grpc-status-details-bin`.

public import ProtoWire

/// Every hand-written message type of RPCCore, for the contract vector tests.
public let rpcCoreMessageTypes: [any ProtoMessage.Type] = [
  GoogleRPCStatus.self,
  BadRequest.self,
  BadRequest.FieldViolation.self,
  LocalizedMessage.self,
]

/// `google.rpc.Status`: a call's status code and message with machine-readable details.
public struct GoogleRPCStatus: ProtoMessage, Hashable {
  public static let protoMessageName = "google.rpc.Status"

  /// The status code (a `google.rpc.Code`, the same numbers as gRPC's status codes).
  public var code: Int32 = 0
  /// A developer-facing error message, in English.
  public var message: String = ""
  /// Messages that carry the error details (e.g. a packed ``BadRequest``).
  public var details: [ProtoAny] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A status with every field at its default.
  public init() {}

  /// A status with a code, a message and details.
  public init(code: Int32, message: String, details: [ProtoAny] = []) {
    self.code = code
    self.message = message
    self.details = details
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): code = try reader.readInt32()
      case (2, .lengthDelimited): message = try reader.readString()
      case (3, .lengthDelimited): try reader.appendMessage(to: &details)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(3, details)
    writer.write(2, message, as: ProtoString.self)
    writer.write(1, code, as: ProtoInt32.self)
  }
}

/// `google.rpc.BadRequest`: which fields of a request are wrong, and why.
public struct BadRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "google.rpc.BadRequest"

  /// One bad field of the request.
  public struct FieldViolation: ProtoMessage, Hashable {
    public static let protoMessageName = "google.rpc.BadRequest.FieldViolation"

    /// The dot-separated path to the field in the request, e.g. `listing.moq` or
    /// `price_tiers[1].unit_price`.
    public var field: String = ""
    /// Why the field is bad.
    public var description: String = ""
    /// An UPPER_SNAKE_CASE constant identifying the kind of violation.
    public var reason: String = ""
    /// A localized message that is safe to show to the API consumer.
    public var localizedMessage: LocalizedMessage?
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A violation with every field at its default.
    public init() {}

    /// A violation of `field` for `description`.
    public init(field: String, description: String) {
      self.field = field
      self.description = description
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): field = try reader.readString()
        case (2, .lengthDelimited): description = try reader.readString()
        case (3, .lengthDelimited): reason = try reader.readString()
        case (4, .lengthDelimited): try reader.readMessage(into: &localizedMessage)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.writeMessage(4, localizedMessage)
      writer.write(3, reason, as: ProtoString.self)
      writer.write(2, description, as: ProtoString.self)
      writer.write(1, field, as: ProtoString.self)
    }
  }

  /// Every violation in the request.
  public var fieldViolations: [FieldViolation] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request report with no violations.
  public init() {}

  /// A report of `fieldViolations`.
  public init(fieldViolations: [FieldViolation]) {
    self.fieldViolations = fieldViolations
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &fieldViolations)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, fieldViolations)
  }
}

/// `google.rpc.LocalizedMessage`: an error message in one locale, safe to show to a user.
public struct LocalizedMessage: ProtoMessage, Hashable {
  public static let protoMessageName = "google.rpc.LocalizedMessage"

  /// The BCP 47 locale of `message`, e.g. `en-US`, `vi-VN`.
  public var locale: String = ""
  /// The localized message.
  public var message: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A message with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): locale = try reader.readString()
      case (2, .lengthDelimited): message = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, message, as: ProtoString.self)
    writer.write(1, locale, as: ProtoString.self)
  }
}

/// `google.protobuf.Duration`: a signed span of time as seconds and nanoseconds.
public struct ProtoDuration: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.Duration"

  public var seconds: Int64 = 0
  /// Same sign as `seconds` when both are non-zero; -999_999_999 ... 999_999_999.
  public var nanos: Int32 = 0
  public var unknownFields = UnknownFields()

  public init() {}

  public init(seconds: Int64, nanos: Int32 = 0) {
    self.seconds = seconds
    self.nanos = nanos
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): seconds = try reader.readInt64()
      case (2, .varint): nanos = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nanos, as: ProtoInt32.self)
    writer.write(1, seconds, as: ProtoInt64.self)
  }
}

/// `google.protobuf.Timestamp`: an instant as seconds and nanoseconds since the Unix epoch (UTC).
/// Lives beside the codec because every contract file uses it.
public struct ProtoTimestamp: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.Timestamp"

  /// Seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int64 = 0
  /// Non-negative fraction of a second, 0 ..< 1_000_000_000.
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

extension ProtoTimestamp: Comparable {
  public static func < (lhs: ProtoTimestamp, rhs: ProtoTimestamp) -> Bool {
    (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
  }
}

extension ProtoTimestamp {
  /// Whether this is a timestamp protobuf allows (timestamp.proto): 0001-01-01T00:00:00Z to
  /// 9999-12-31T23:59:59.999999999Z, nanos in 0 ..< 10⁹. Services check client timestamps
  /// with it before any arithmetic, so a hostile value is INVALID_ARGUMENT, not an overflow.
  public var isValid: Bool {
    (-62_135_596_800...253_402_300_799).contains(seconds) && (0..<1_000_000_000).contains(nanos)
  }
}

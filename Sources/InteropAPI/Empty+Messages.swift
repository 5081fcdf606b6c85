// Messages of grpc/testing/empty.proto (package grpc.testing), written by hand.

public import ProtoWire

/// An empty message, the argument or result of calls that carry no data (e.g. `EmptyCall`).
public struct Empty: ProtoMessage, Hashable {
  public static let protoMessageName = "grpc.testing.Empty"

  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// The empty message.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      try reader.skipUnknown(tag, into: &unknownFields)
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
  }
}

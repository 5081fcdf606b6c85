/// `google.protobuf.Any`: a serialized message of any type with the URL naming its type.
///
/// gRPC's rich error model (`google.rpc.Status.details`) carries its detail messages in these.
public struct ProtoAny: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.Any"

  /// `type.googleapis.com/<full.proto.Name>`: identifies the type of `value`.
  public var typeUrl: String = ""
  /// The serialized message of that type.
  public var value: [UInt8] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty Any (no type).
  public init() {}

  /// `message` packed with its type URL.
  public init<M: ProtoMessage>(packing message: M) {
    typeUrl = Self.typeUrl(for: M.self)
    value = message.serializedBytes()
  }

  /// The type URL protoc's runtimes write for `M`.
  public static func typeUrl<M: ProtoMessage>(for _: M.Type) -> String {
    "type.googleapis.com/" + M.protoMessageName
  }

  /// The packed message if it is an `M` (by the last path segment of the type URL), else nil.
  public func unpack<M: ProtoMessage>(_: M.Type) throws(ProtoDecodingError) -> M? {
    guard typeUrl.split(separator: "/").last.map(String.init) == M.protoMessageName else { return nil }
    return try M(serializedBytes: value)
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): typeUrl = try reader.readString()
      case (2, .lengthDelimited): value = try reader.readBytes()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, value, as: ProtoBytes.self)
    writer.write(1, typeUrl, as: ProtoString.self)
  }
}

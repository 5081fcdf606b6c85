/// A proto3 enum. Enums are open: a value this build does not name survives decoding and
/// re-encoding unchanged, so conformers are structs over `Int32` with named static constants
/// rather than Swift enums.
///
///     public struct BuyerType: ProtoEnum {
///       public var rawValue: Int32
///       public init(rawValue: Int32) { self.rawValue = rawValue }
///       public static let unspecified = BuyerType(rawValue: 0)
///       public static let importer = BuyerType(rawValue: 1)
///     }
public protocol ProtoEnum: ProtoScalarCodec, Hashable, Sendable where Value == Self {
  var rawValue: Int32 { get }
  init(rawValue: Int32)
}

extension ProtoEnum {
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: Self { Self(rawValue: 0) }
  @inlinable public static func isDefault(_ value: Self) -> Bool { value.rawValue == 0 }
  @inlinable public static func prepend(_ value: Self, to writer: inout ProtoWriter) {
    writer.prependVarint(UInt64(bitPattern: Int64(value.rawValue)))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Self {
    Self(rawValue: try reader.readInt32())
  }
}

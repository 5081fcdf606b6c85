/// How one protobuf scalar type maps to a Swift type: its wire type, its default, and how to
/// read and write its value (without the tag). The caseless enums below name the protobuf types,
/// so a field's declaration reads like the `.proto` line: `write(3, moq, as: ProtoInt64.self)`.
public protocol ProtoScalarCodec {
  associatedtype Value
  static var wireType: WireType { get }
  /// The proto3 default, which implicit-presence fields do not write.
  static var defaultValue: Value { get }
  static func isDefault(_ value: Value) -> Bool
  /// Writes the value (no tag) in front of what the writer holds.
  static func prepend(_ value: Value, to writer: inout ProtoWriter)
  static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Value
}

/// A scalar type allowed as a map key, with protoc's deterministic ordering of keys.
public protocol ProtoMapKeyCodec: ProtoScalarCodec where Value: Hashable {
  static func precedes(_ lhs: Value, _ rhs: Value) -> Bool
}

extension ProtoMapKeyCodec where Value: Comparable {
  @inlinable public static func precedes(_ lhs: Value, _ rhs: Value) -> Bool { lhs < rhs }
}

public enum ProtoInt32: ProtoMapKeyCodec {
  public typealias Value = Int32
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: Int32 { 0 }
  @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
  /// Negative values are sign-extended to 64 bits (10 bytes), as the format requires.
  @inlinable public static func prepend(_ value: Int32, to writer: inout ProtoWriter) {
    writer.prependVarint(UInt64(bitPattern: Int64(value)))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int32 {
    try reader.readInt32()
  }
}

public enum ProtoInt64: ProtoMapKeyCodec {
  public typealias Value = Int64
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: Int64 { 0 }
  @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: Int64, to writer: inout ProtoWriter) {
    writer.prependVarint(UInt64(bitPattern: value))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int64 {
    try reader.readInt64()
  }
}

public enum ProtoUInt32: ProtoMapKeyCodec {
  public typealias Value = UInt32
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: UInt32 { 0 }
  @inlinable public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: UInt32, to writer: inout ProtoWriter) {
    writer.prependVarint(UInt64(value))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> UInt32 {
    try reader.readUInt32()
  }
}

public enum ProtoUInt64: ProtoMapKeyCodec {
  public typealias Value = UInt64
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: UInt64 { 0 }
  @inlinable public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: UInt64, to writer: inout ProtoWriter) {
    writer.prependVarint(value)
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> UInt64 {
    try reader.readUInt64()
  }
}

public enum ProtoSInt32: ProtoMapKeyCodec {
  public typealias Value = Int32
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: Int32 { 0 }
  @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
  /// ZigZag: small negative numbers stay small on the wire.
  @inlinable public static func prepend(_ value: Int32, to writer: inout ProtoWriter) {
    writer.prependVarint(UInt64(UInt32(bitPattern: (value &<< 1) ^ (value &>> 31))))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int32 {
    try reader.readSInt32()
  }
}

public enum ProtoSInt64: ProtoMapKeyCodec {
  public typealias Value = Int64
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: Int64 { 0 }
  @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: Int64, to writer: inout ProtoWriter) {
    writer.prependVarint(UInt64(bitPattern: (value &<< 1) ^ (value &>> 63)))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int64 {
    try reader.readSInt64()
  }
}

public enum ProtoFixed32: ProtoMapKeyCodec {
  public typealias Value = UInt32
  @inlinable public static var wireType: WireType { .fixed32 }
  @inlinable public static var defaultValue: UInt32 { 0 }
  @inlinable public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: UInt32, to writer: inout ProtoWriter) {
    writer.prependFixed32(value)
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> UInt32 {
    try reader.readFixed32()
  }
}

public enum ProtoFixed64: ProtoMapKeyCodec {
  public typealias Value = UInt64
  @inlinable public static var wireType: WireType { .fixed64 }
  @inlinable public static var defaultValue: UInt64 { 0 }
  @inlinable public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: UInt64, to writer: inout ProtoWriter) {
    writer.prependFixed64(value)
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> UInt64 {
    try reader.readFixed64()
  }
}

public enum ProtoSFixed32: ProtoMapKeyCodec {
  public typealias Value = Int32
  @inlinable public static var wireType: WireType { .fixed32 }
  @inlinable public static var defaultValue: Int32 { 0 }
  @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: Int32, to writer: inout ProtoWriter) {
    writer.prependFixed32(UInt32(bitPattern: value))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int32 {
    try reader.readSFixed32()
  }
}

public enum ProtoSFixed64: ProtoMapKeyCodec {
  public typealias Value = Int64
  @inlinable public static var wireType: WireType { .fixed64 }
  @inlinable public static var defaultValue: Int64 { 0 }
  @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
  @inlinable public static func prepend(_ value: Int64, to writer: inout ProtoWriter) {
    writer.prependFixed64(UInt64(bitPattern: value))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int64 {
    try reader.readSFixed64()
  }
}

public enum ProtoBool: ProtoMapKeyCodec {
  public typealias Value = Bool
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var defaultValue: Bool { false }
  @inlinable public static func isDefault(_ value: Bool) -> Bool { !value }
  @inlinable public static func precedes(_ lhs: Bool, _ rhs: Bool) -> Bool { !lhs && rhs }
  @inlinable public static func prepend(_ value: Bool, to writer: inout ProtoWriter) {
    writer.prependVarint(value ? 1 : 0)
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Bool {
    try reader.readBool()
  }
}

public enum ProtoFloat: ProtoScalarCodec {
  public typealias Value = Float
  @inlinable public static var wireType: WireType { .fixed32 }
  @inlinable public static var defaultValue: Float { 0 }
  /// Only +0.0 is the default: -0.0 and NaN are written, as protoc compares bit patterns.
  @inlinable public static func isDefault(_ value: Float) -> Bool { value.bitPattern == 0 }
  @inlinable public static func prepend(_ value: Float, to writer: inout ProtoWriter) {
    writer.prependFixed32(value.bitPattern)
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Float {
    try reader.readFloat()
  }
}

public enum ProtoDouble: ProtoScalarCodec {
  public typealias Value = Double
  @inlinable public static var wireType: WireType { .fixed64 }
  @inlinable public static var defaultValue: Double { 0 }
  /// Only +0.0 is the default: -0.0 and NaN are written, as protoc compares bit patterns.
  @inlinable public static func isDefault(_ value: Double) -> Bool { value.bitPattern == 0 }
  @inlinable public static func prepend(_ value: Double, to writer: inout ProtoWriter) {
    writer.prependFixed64(value.bitPattern)
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Double {
    try reader.readDouble()
  }
}

public enum ProtoString: ProtoMapKeyCodec {
  public typealias Value = String
  @inlinable public static var wireType: WireType { .lengthDelimited }
  @inlinable public static var defaultValue: String { "" }
  @inlinable public static func isDefault(_ value: String) -> Bool { value.isEmpty }
  /// protoc sorts string keys by their bytes, not by Unicode collation.
  @inlinable public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
  }
  @inlinable public static func prepend(_ value: String, to writer: inout ProtoWriter) {
    let before = writer.count
    writer.prependUTF8(value)
    writer.prependVarint(UInt64(writer.count &- before))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> String {
    try reader.readString()
  }
}

public enum ProtoBytes: ProtoScalarCodec {
  public typealias Value = [UInt8]
  @inlinable public static var wireType: WireType { .lengthDelimited }
  @inlinable public static var defaultValue: [UInt8] { [] }
  @inlinable public static func isDefault(_ value: [UInt8]) -> Bool { value.isEmpty }
  @inlinable public static func prepend(_ value: [UInt8], to writer: inout ProtoWriter) {
    value.withUnsafeBytes { writer.prependBytes($0) }
    writer.prependVarint(UInt64(value.count))
  }
  @inlinable public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> [UInt8] {
    try reader.readBytes()
  }
}

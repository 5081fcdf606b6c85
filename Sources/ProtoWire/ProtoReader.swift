/// A cursor over one encoded message. It never allocates: values are read straight out of the
/// caller's memory, and a length prefix is checked against the bytes that are really there
/// before anything is sized by it.
///
/// The reader borrows the buffer it was made from; it must not outlive that buffer's
/// `withUnsafeBytes` scope.
public struct ProtoReader {
  /// Deeper nesting than this (messages or groups) is rejected, as in protoc's runtimes.
  public static let maxDepth = 100

  @usableFromInline let base: UnsafeRawPointer
  @usableFromInline var position: Int
  @usableFromInline var end: Int
  @usableFromInline var depth: Int
  /// Where the last tag started, so an unknown field can be kept with its tag.
  @usableFromInline var tagStart: Int

  /// A reader over `buffer`.
  @inlinable
  public init(buffer: UnsafeRawBufferPointer) {
    // An empty buffer may have no base address; it is never dereferenced since `end == 0`.
    self.base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 0x1)!
    self.position = 0
    self.end = buffer.count
    self.depth = 0
    self.tagStart = 0
  }

  /// True when every byte of the current message has been consumed.
  @inlinable
  public var isAtEnd: Bool { position >= end }

  // MARK: Tags

  /// The next field's tag, or `nil` at the end of the current message.
  @inlinable
  public mutating func nextTag() throws(ProtoDecodingError) -> FieldTag? {
    guard position < end else { return nil }
    tagStart = position
    let key = try readVarint()
    // A key past 32 bits carries a field number above 2^29 - 1.
    guard key <= UInt64(UInt32.max) else { throw .invalidFieldNumber(Int(truncatingIfNeeded: key &>> 3)) }
    let number = Int(key &>> 3)
    guard number > 0 else { throw .invalidFieldNumber(number) }
    guard let wireType = WireType(rawValue: UInt8(truncatingIfNeeded: key & 7)) else {
      throw .invalidWireType(UInt8(truncatingIfNeeded: key & 7))
    }
    if wireType == .endGroup { throw .unexpectedEndGroup }
    return FieldTag(fieldNumber: number, wireType: wireType)
  }

  // MARK: Primitive reads

  /// A base-128 varint of at most 10 bytes. Bits beyond 64 are dropped, as in protoc.
  @inlinable
  public mutating func readVarint() throws(ProtoDecodingError) -> UInt64 {
    if position < end {
      let byte = base.load(fromByteOffset: position, as: UInt8.self)
      if byte < 0x80 {
        position &+= 1
        return UInt64(byte)
      }
    }
    return try readVarintSlow()
  }

  @usableFromInline
  mutating func readVarintSlow() throws(ProtoDecodingError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    var index = position
    while true {
      guard index < end else { throw .truncated }
      let byte = base.load(fromByteOffset: index, as: UInt8.self)
      index &+= 1
      result |= UInt64(byte & 0x7F) &<< shift
      if byte < 0x80 { break }
      shift &+= 7
      if shift >= 70 { throw .malformedVarint }
    }
    position = index
    return result
  }

  /// Four little-endian bytes.
  @inlinable
  public mutating func readFixed32() throws(ProtoDecodingError) -> UInt32 {
    guard end &- position >= 4 else { throw .truncated }
    let value = base.loadUnaligned(fromByteOffset: position, as: UInt32.self)
    position &+= 4
    return UInt32(littleEndian: value)
  }

  /// Eight little-endian bytes.
  @inlinable
  public mutating func readFixed64() throws(ProtoDecodingError) -> UInt64 {
    guard end &- position >= 8 else { throw .truncated }
    let value = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
    position &+= 8
    return UInt64(littleEndian: value)
  }

  /// A length prefix, checked against the bytes left in the current message.
  @inlinable
  public mutating func readLength() throws(ProtoDecodingError) -> Int {
    let length = try readVarint()
    guard length <= UInt64(end &- position) else {
      // A varint that is complete but points past the end: distinguish from a cut-off varint.
      throw .lengthOutOfRange
    }
    return Int(length)
  }

  /// The bytes of a length-delimited value, without copying. Valid while the source buffer is.
  @inlinable
  public mutating func readLengthDelimited() throws(ProtoDecodingError) -> UnsafeRawBufferPointer {
    let length = try readLength()
    let slice = UnsafeRawBufferPointer(start: base + position, count: length)
    position &+= length
    return slice
  }

  // MARK: Typed scalar reads (one per protobuf scalar type)

  @inlinable public mutating func readInt32() throws(ProtoDecodingError) -> Int32 {
    Int32(truncatingIfNeeded: try readVarint())
  }
  @inlinable public mutating func readInt64() throws(ProtoDecodingError) -> Int64 {
    Int64(bitPattern: try readVarint())
  }
  @inlinable public mutating func readUInt32() throws(ProtoDecodingError) -> UInt32 {
    UInt32(truncatingIfNeeded: try readVarint())
  }
  @inlinable public mutating func readUInt64() throws(ProtoDecodingError) -> UInt64 {
    try readVarint()
  }
  @inlinable public mutating func readSInt32() throws(ProtoDecodingError) -> Int32 {
    let raw = UInt32(truncatingIfNeeded: try readVarint())
    return Int32(bitPattern: (raw &>> 1) ^ (0 &- (raw & 1)))
  }
  @inlinable public mutating func readSInt64() throws(ProtoDecodingError) -> Int64 {
    let raw = try readVarint()
    return Int64(bitPattern: (raw &>> 1) ^ (0 &- (raw & 1)))
  }
  @inlinable public mutating func readBool() throws(ProtoDecodingError) -> Bool {
    try readVarint() != 0
  }
  @inlinable public mutating func readSFixed32() throws(ProtoDecodingError) -> Int32 {
    Int32(bitPattern: try readFixed32())
  }
  @inlinable public mutating func readSFixed64() throws(ProtoDecodingError) -> Int64 {
    Int64(bitPattern: try readFixed64())
  }
  @inlinable public mutating func readFloat() throws(ProtoDecodingError) -> Float {
    Float(bitPattern: try readFixed32())
  }
  @inlinable public mutating func readDouble() throws(ProtoDecodingError) -> Double {
    Double(bitPattern: try readFixed64())
  }
  /// An open enum: values this build does not name are kept, not rejected.
  @inlinable public mutating func readEnum<E: ProtoEnum>(_: E.Type = E.self) throws(ProtoDecodingError) -> E {
    E(rawValue: Int32(truncatingIfNeeded: try readVarint()))
  }

  /// A `string` field; invalid UTF-8 is an error, as proto3 requires.
  @inlinable
  public mutating func readString() throws(ProtoDecodingError) -> String {
    let bytes = try readLengthDelimited()
    // Not `String(validating:as:)`, which is several times slower here (see validatedString).
    guard let string = ProtoReader.validatedString(bytes) else {
      // tagStart holds the key of the field being read.
      throw .invalidUTF8(fieldNumber: currentFieldNumber)
    }
    return string
  }

  /// A `bytes` field, copied out of the input.
  @inlinable
  public mutating func readBytes() throws(ProtoDecodingError) -> [UInt8] {
    let bytes = try readLengthDelimited()
    return [UInt8](bytes)
  }

  /// The field number of the tag read last (for error messages).
  @usableFromInline
  var currentFieldNumber: Int {
    var probe = self
    probe.position = tagStart
    return (try? probe.readVarint()).map { Int($0 &>> 3) } ?? 0
  }

  // MARK: Messages

  /// Merges a length-delimited sub-message into `message`, bounding the reader to its bytes.
  @inlinable
  public mutating func readMessage<M: ProtoMessage>(into message: inout M) throws(ProtoDecodingError) {
    let length = try readLength()
    guard depth < ProtoReader.maxDepth else { throw .nestingTooDeep }
    let outerEnd = end
    end = position &+ length
    depth &+= 1
    try message.decodeFields(from: &self)
    depth &-= 1
    end = outerEnd
  }

  /// Merges a sub-message into an optional field (protobuf merges repeated occurrences).
  @inlinable
  public mutating func readMessage<M: ProtoMessage>(into message: inout M?) throws(ProtoDecodingError) {
    var value = message ?? M()
    message = nil  // keep the value uniquely referenced while it is decoded
    try readMessage(into: &value)
    message = value
  }

  /// Decodes one element of a repeated message field.
  @inlinable
  public mutating func appendMessage<M: ProtoMessage>(to array: inout [M]) throws(ProtoDecodingError) {
    var value = M()
    try readMessage(into: &value)
    // Room for a few elements at once instead of growing 1 → 2 → 4.
    if array.capacity == 0 { array.reserveCapacity(4) }
    array.append(value)
  }

  // MARK: Unknown fields

  /// Skips the field whose tag was just read and keeps its raw bytes (tag included).
  @inlinable
  public mutating func skipUnknown(_ tag: FieldTag, into unknown: inout UnknownFields) throws(ProtoDecodingError) {
    let start = tagStart
    try skip(tag)
    unknown.bytes.append(
      contentsOf: UnsafeRawBufferPointer(start: base + start, count: position &- start))
  }

  /// Skips the value of the field whose tag was just read.
  @usableFromInline
  mutating func skip(_ tag: FieldTag) throws(ProtoDecodingError) {
    switch tag.wireType {
    case .varint: _ = try readVarint()
    case .fixed64: _ = try readFixed64()
    case .fixed32: _ = try readFixed32()
    case .lengthDelimited: _ = try readLengthDelimited()
    case .startGroup: try skipGroup(fieldNumber: tag.fieldNumber)
    case .endGroup: throw .unexpectedEndGroup
    }
  }

  /// Skips a legacy group up to the end-group of the same field number.
  @usableFromInline
  mutating func skipGroup(fieldNumber: Int) throws(ProtoDecodingError) {
    guard depth < ProtoReader.maxDepth else { throw .nestingTooDeep }
    depth &+= 1
    defer { depth &-= 1 }
    while true {
      guard position < end else { throw .unterminatedGroup }
      let key = try readVarint()
      guard key <= UInt64(UInt32.max) else { throw .invalidFieldNumber(Int(truncatingIfNeeded: key &>> 3)) }
      let number = Int(key &>> 3)
      guard number > 0 else { throw .invalidFieldNumber(number) }
      guard let wireType = WireType(rawValue: UInt8(truncatingIfNeeded: key & 7)) else {
        throw .invalidWireType(UInt8(truncatingIfNeeded: key & 7))
      }
      if wireType == .endGroup {
        guard number == fieldNumber else { throw .unterminatedGroup }
        return
      }
      try skip(FieldTag(fieldNumber: number, wireType: wireType))
    }
  }
}

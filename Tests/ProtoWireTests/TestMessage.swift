// Small hand-written messages for the codec tests. Field numbers and types mirror a subset of
// protowire.test.v1.AllTypes (Tests/ContractTests/Protos), so every hand-made encoding here is
// also a valid input for protoc's runtimes when comparing behaviour.

import ProtoWire

/// An open enum (`protowire.test.v1.Color`).
struct TestColor: ProtoEnum {
  var rawValue: Int32
  init(rawValue: Int32) { self.rawValue = rawValue }

  static let unspecified = TestColor(rawValue: 0)
  static let red = TestColor(rawValue: 1)
  static let negative = TestColor(rawValue: -1)
}

/// A message with one field of most kinds, numbered as in `AllTypes`.
struct TestMessage: ProtoMessage, Hashable {
  static let protoMessageName = "protowire.test.v1.AllTypes"

  /// `oneof scalar_choice` / `message_choice` folded into one (numbers 60, 61, 70).
  enum Choice: Hashable, Sendable {
    case number(Int32)
    case text(String)
    case child(Child)
  }

  var int32: Int32 = 0  // 1
  var int64: Int64 = 0  // 2
  var uint32: UInt32 = 0  // 3
  var uint64: UInt64 = 0  // 4
  var sint32: Int32 = 0  // 5
  var sint64: Int64 = 0  // 6
  var fixed32: UInt32 = 0  // 7
  var fixed64: UInt64 = 0  // 8
  var sfixed32: Int32 = 0  // 9
  var sfixed64: Int64 = 0  // 10
  var float: Float = 0  // 11
  var double: Double = 0  // 12
  var bool: Bool = false  // 13
  var string: String = ""  // 14
  var bytes: [UInt8] = []  // 15
  var color: TestColor = .unspecified  // 16
  var child: Child?  // 17
  var optionalInt32: Int32?  // 18
  var optionalString: String?  // 19
  var ints: [Int32] = []  // 31, packed
  var sint64s: [Int64] = []  // 36, packed
  var fixed32s: [UInt32] = []  // 37, packed
  var strings: [String] = []  // 44
  var children: [Child] = []  // 47
  var counts: [String: Int32] = [:]  // 50
  var childMap: [String: Child] = [:]  // 52
  var choice: Choice?  // 60, 61, 70
  var unknownFields = UnknownFields()

  init() {}

  mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): int32 = try reader.readInt32()
      case (2, .varint): int64 = try reader.readInt64()
      case (3, .varint): uint32 = try reader.readUInt32()
      case (4, .varint): uint64 = try reader.readUInt64()
      case (5, .varint): sint32 = try reader.readSInt32()
      case (6, .varint): sint64 = try reader.readSInt64()
      case (7, .fixed32): fixed32 = try reader.readFixed32()
      case (8, .fixed64): fixed64 = try reader.readFixed64()
      case (9, .fixed32): sfixed32 = try reader.readSFixed32()
      case (10, .fixed64): sfixed64 = try reader.readSFixed64()
      case (11, .fixed32): float = try reader.readFloat()
      case (12, .fixed64): double = try reader.readDouble()
      case (13, .varint): bool = try reader.readBool()
      case (14, .lengthDelimited): string = try reader.readString()
      case (15, .lengthDelimited): bytes = try reader.readBytes()
      case (16, .varint): color = try reader.readEnum(TestColor.self)
      case (17, .lengthDelimited): try reader.readMessage(into: &child)
      case (18, .varint): optionalInt32 = try reader.readInt32()
      case (19, .lengthDelimited): optionalString = try reader.readString()
      case (31, .varint), (31, .lengthDelimited):
        try reader.readRepeated(tag, into: &ints, as: ProtoInt32.self)
      case (36, .varint), (36, .lengthDelimited):
        try reader.readRepeated(tag, into: &sint64s, as: ProtoSInt64.self)
      case (37, .fixed32), (37, .lengthDelimited):
        try reader.readRepeated(tag, into: &fixed32s, as: ProtoFixed32.self)
      case (44, .lengthDelimited): try reader.readRepeated(tag, into: &strings, as: ProtoString.self)
      case (47, .lengthDelimited): try reader.appendMessage(to: &children)
      case (50, .lengthDelimited):
        try reader.readMapEntry(into: &counts, key: ProtoString.self, value: ProtoInt32.self)
      case (52, .lengthDelimited): try reader.readMapEntry(into: &childMap, key: ProtoString.self)
      case (60, .varint): choice = .number(try reader.readInt32())
      case (61, .lengthDelimited): choice = .text(try reader.readString())
      case (70, .lengthDelimited):
        var value: Child
        if case .child(let existing) = choice { value = existing } else { value = Child() }
        try reader.readMessage(into: &value)
        choice = .child(value)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    if case .child(let v) = choice { writer.writeMessage(70, v) }
    if case .text(let v) = choice { writer.write(61, Optional(v), as: ProtoString.self) }
    if case .number(let v) = choice { writer.write(60, Optional(v), as: ProtoInt32.self) }
    writer.writeMap(52, childMap, key: ProtoString.self)
    writer.writeMap(50, counts, key: ProtoString.self, value: ProtoInt32.self)
    writer.writeRepeatedMessages(47, children)
    writer.writeRepeated(44, strings, as: ProtoString.self)
    writer.writeRepeated(37, fixed32s, as: ProtoFixed32.self)
    writer.writeRepeated(36, sint64s, as: ProtoSInt64.self)
    writer.writeRepeated(31, ints, as: ProtoInt32.self)
    writer.write(19, optionalString, as: ProtoString.self)
    writer.write(18, optionalInt32, as: ProtoInt32.self)
    writer.writeMessage(17, child)
    writer.write(16, color, as: TestColor.self)
    writer.write(15, bytes, as: ProtoBytes.self)
    writer.write(14, string, as: ProtoString.self)
    writer.write(13, bool, as: ProtoBool.self)
    writer.write(12, double, as: ProtoDouble.self)
    writer.write(11, float, as: ProtoFloat.self)
    writer.write(10, sfixed64, as: ProtoSFixed64.self)
    writer.write(9, sfixed32, as: ProtoSFixed32.self)
    writer.write(8, fixed64, as: ProtoFixed64.self)
    writer.write(7, fixed32, as: ProtoFixed32.self)
    writer.write(6, sint64, as: ProtoSInt64.self)
    writer.write(5, sint32, as: ProtoSInt32.self)
    writer.write(4, uint64, as: ProtoUInt64.self)
    writer.write(3, uint32, as: ProtoUInt32.self)
    writer.write(2, int64, as: ProtoInt64.self)
    writer.write(1, int32, as: ProtoInt32.self)
  }
}

/// A nested message (`AllTypes.Nested`); `child` recurses back to `TestMessage`.
struct Child: ProtoMessage, Hashable {
  static let protoMessageName = "protowire.test.v1.AllTypes.Nested"

  var value: Int32 = 0  // 1
  var label: String = ""  // 2
  var child: TestMessage? {  // 3
    get { childBox?.value }
    set { childBox = newValue.map(TestMessageBox.init) }
  }
  var unknownFields = UnknownFields()
  private var childBox: TestMessageBox?

  init() {}

  init(value: Int32, label: String = "") {
    self.value = value
    self.label = label
  }

  mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): value = try reader.readInt32()
      case (2, .lengthDelimited): label = try reader.readString()
      case (3, .lengthDelimited): try reader.readMessage(into: &child)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(3, child)
    writer.write(2, label, as: ProtoString.self)
    writer.write(1, value, as: ProtoInt32.self)
  }
}

/// Heap storage so that `Child` can hold a `TestMessage` that holds a `Child`.
private final class TestMessageBox: Hashable, Sendable {
  let value: TestMessage
  init(_ value: TestMessage) { self.value = value }
  static func == (lhs: TestMessageBox, rhs: TestMessageBox) -> Bool { lhs.value == rhs.value }
  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

// MARK: Helpers

/// Bytes from a hex string; spaces are ignored: `hex("08 96 01")`.
func hex(_ text: String) -> [UInt8] {
  let digits = text.filter { !$0.isWhitespace }.utf8.map { byte -> UInt8 in
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: fatalError("not a hex digit in \(text)")
    }
  }
  precondition(digits.count % 2 == 0, "odd number of hex digits in \(text)")
  return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
}

/// Bytes as lowercase hex, for readable failure messages.
func hexString(_ bytes: [UInt8]) -> String {
  let digits = Array("0123456789abcdef")
  return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
}

/// A varint built by the test itself (for constructing inputs, never for expected outputs).
func varint(_ value: UInt64) -> [UInt8] {
  var value = value
  var out: [UInt8] = []
  while value >= 0x80 {
    out.append(UInt8(truncatingIfNeeded: value) | 0x80)
    value >>= 7
  }
  out.append(UInt8(value))
  return out
}

/// The result of decoding `bytes` as `M`: the message, or the codec's error.
func decode<M: ProtoMessage>(_ bytes: [UInt8], as _: M.Type = TestMessage.self) -> Result<M, ProtoDecodingError> {
  do throws(ProtoDecodingError) {
    return .success(try M(serializedBytes: bytes))
  } catch {
    return .failure(error)
  }
}

/// The error decoding `bytes` as `M` threw, or nil when the codec accepted the input.
func decodingError<M: ProtoMessage>(_ bytes: [UInt8], as type: M.Type = TestMessage.self) -> ProtoDecodingError? {
  if case .failure(let error) = decode(bytes, as: type) { return error }
  return nil
}

/// Reads a single varint from `bytes` and requires it to consume them all.
func readOneVarint(_ bytes: [UInt8]) -> Result<UInt64, ProtoDecodingError> {
  bytes.withUnsafeBytes { buffer in
    var reader = ProtoReader(buffer: buffer)
    do throws(ProtoDecodingError) {
      let value = try reader.readVarint()
      precondition(reader.isAtEnd, "varint did not consume \(hexString(bytes))")
      return .success(value)
    } catch {
      return .failure(error)
    }
  }
}

/// The bytes of one varint written by `ProtoWriter`.
func writtenVarint(_ value: UInt64) -> [UInt8] {
  var writer = ProtoWriter()
  writer.prependVarint(value)
  return writer.finish()
}

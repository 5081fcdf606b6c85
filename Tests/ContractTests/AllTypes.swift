// Messages of protowire/test/v1/all_types.proto (package protowire.test.v1), written by hand.
// One message with every kind of field, so the shared vectors exercise the codec itself.

import ProtoWire

/// Every message type of all_types.proto, for the vector tests.
let allTypesMessageTypes: [any ProtoMessage.Type] = [
  AllTypes.self,
  AllTypes.Nested.self,
]

/// An open enum: values this build does not name survive a round trip.
struct Color: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  var rawValue: Int32
  /// A color from its wire value.
  init(rawValue: Int32) { self.rawValue = rawValue }

  /// `COLOR_UNSPECIFIED`: the default.
  static let unspecified = Color(rawValue: 0)
  /// `COLOR_RED`.
  static let red = Color(rawValue: 1)
  /// `COLOR_GREEN`.
  static let green = Color(rawValue: 2)
  /// `COLOR_BLUE`.
  static let blue = Color(rawValue: 3)
  /// `COLOR_NEGATIVE`: a negative value, written as a 10-byte varint.
  static let negative = Color(rawValue: -1)

  /// The proto value name, or the number when this build does not name it.
  var description: String {
    switch rawValue {
    case 0: "COLOR_UNSPECIFIED"
    case 1: "COLOR_RED"
    case 2: "COLOR_GREEN"
    case 3: "COLOR_BLUE"
    case -1: "COLOR_NEGATIVE"
    default: "\(rawValue)"
    }
  }
}

/// One field of every kind: singular, optional, repeated (packed and not), enum, message, map
/// and oneof.
struct AllTypes: ProtoMessage, Hashable {
  static let protoMessageName = "protowire.test.v1.AllTypes"

  /// A small message to nest; `child` makes the structure recursive, for deep vectors.
  struct Nested: ProtoMessage, Hashable {
    static let protoMessageName = "protowire.test.v1.AllTypes.Nested"

    /// A number.
    var value: Int32 = 0
    /// A text.
    var label: String = ""
    /// The whole thing again, one level down (boxed: a struct cannot contain itself).
    var child: AllTypes? {
      get { childBox?.value }
      set { childBox = newValue.map(AllTypesBox.init) }
    }
    /// A repeated enum inside a nested message.
    var colors: [Color] = []
    /// Fields this build does not know, kept for re-encoding.
    var unknownFields = UnknownFields()

    private var childBox: AllTypesBox?

    /// A message with every field at its default.
    init() {}

    /// A nested message with a value and a label.
    init(value: Int32, label: String) {
      self.value = value
      self.label = label
    }

    mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): value = try reader.readInt32()
        case (2, .lengthDelimited): label = try reader.readString()
        case (3, .lengthDelimited): try reader.readMessage(into: &child)
        case (4, .varint), (4, .lengthDelimited):
          try reader.readRepeated(tag, into: &colors, as: Color.self)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.writeRepeated(4, colors, as: Color.self)
      writer.writeMessage(3, child)
      writer.write(2, label, as: ProtoString.self)
      writer.write(1, value, as: ProtoInt32.self)
    }
  }

  /// `oneof scalar_choice`: a member holding its default is still written.
  enum ScalarChoice: Hashable, Sendable {
    case choiceInt32(Int32)
    case choiceString(String)
    case choiceBytes([UInt8])
    case choiceColor(Color)
    case choiceDouble(Double)
  }

  /// `oneof message_choice`: a oneof with a message member.
  enum MessageChoice: Hashable, Sendable {
    case choiceNested(Nested)
    case choiceSint64(Int64)
  }

  // Singular scalars (implicit presence: the default is not written).
  /// Field 1.
  var singularInt32: Int32 = 0
  /// Field 2.
  var singularInt64: Int64 = 0
  /// Field 3.
  var singularUint32: UInt32 = 0
  /// Field 4.
  var singularUint64: UInt64 = 0
  /// Field 5 (zigzag).
  var singularSint32: Int32 = 0
  /// Field 6 (zigzag).
  var singularSint64: Int64 = 0
  /// Field 7.
  var singularFixed32: UInt32 = 0
  /// Field 8.
  var singularFixed64: UInt64 = 0
  /// Field 9.
  var singularSfixed32: Int32 = 0
  /// Field 10.
  var singularSfixed64: Int64 = 0
  /// Field 11.
  var singularFloat: Float = 0
  /// Field 12.
  var singularDouble: Double = 0
  /// Field 13.
  var singularBool: Bool = false
  /// Field 14.
  var singularString: String = ""
  /// Field 15.
  var singularBytes: [UInt8] = []
  /// Field 16, the first field with a two-byte tag.
  var singularColor: Color = .unspecified
  /// Field 17.
  var singularNested: Nested?

  // Explicit presence: written whenever set, even to the default.
  /// Field 18.
  var optionalInt32: Int32?
  /// Field 19.
  var optionalString: String?
  /// Field 20.
  var optionalDouble: Double?
  /// Field 21.
  var optionalBool: Bool?
  /// Field 22.
  var optionalColor: Color?
  /// Field 23.
  var optionalNested: Nested?

  // Repeated numerics are packed by default in proto3.
  /// Field 31.
  var repeatedInt32: [Int32] = []
  /// Field 32.
  var repeatedInt64: [Int64] = []
  /// Field 33.
  var repeatedUint32: [UInt32] = []
  /// Field 34.
  var repeatedUint64: [UInt64] = []
  /// Field 35.
  var repeatedSint32: [Int32] = []
  /// Field 36.
  var repeatedSint64: [Int64] = []
  /// Field 37.
  var repeatedFixed32: [UInt32] = []
  /// Field 38.
  var repeatedFixed64: [UInt64] = []
  /// Field 39.
  var repeatedSfixed32: [Int32] = []
  /// Field 40.
  var repeatedSfixed64: [Int64] = []
  /// Field 41.
  var repeatedFloat: [Float] = []
  /// Field 42.
  var repeatedDouble: [Double] = []
  /// Field 43.
  var repeatedBool: [Bool] = []
  /// Field 44.
  var repeatedString: [String] = []
  /// Field 45.
  var repeatedBytes: [[UInt8]] = []
  /// Field 46.
  var repeatedColor: [Color] = []
  /// Field 47.
  var repeatedNested: [Nested] = []
  /// Field 48, `[packed = false]`: one record per element on the wire.
  var unpackedInt32: [Int32] = []

  // Maps of several key and value kinds (entries are written sorted by key).
  /// Field 50.
  var mapStringInt32: [String: Int32] = [:]
  /// Field 51.
  var mapInt32String: [Int32: String] = [:]
  /// Field 52.
  var mapStringNested: [String: Nested] = [:]
  /// Field 53.
  var mapBoolBytes: [Bool: [UInt8]] = [:]
  /// Field 54.
  var mapSint64Double: [Int64: Double] = [:]
  /// Field 55.
  var mapFixed32String: [UInt32: String] = [:]
  /// Field 56.
  var mapUint64Color: [UInt64: Color] = [:]

  /// Fields 60-64.
  var scalarChoice: ScalarChoice?
  /// Fields 70-71.
  var messageChoice: MessageChoice?

  /// Field 536870911, the highest legal field number: a five-byte tag.
  var maxFieldNumber: String = ""

  /// Fields this build does not know, kept for re-encoding.
  var unknownFields = UnknownFields()

  /// A message with every field at its default.
  init() {}

  mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): singularInt32 = try reader.readInt32()
      case (2, .varint): singularInt64 = try reader.readInt64()
      case (3, .varint): singularUint32 = try reader.readUInt32()
      case (4, .varint): singularUint64 = try reader.readUInt64()
      case (5, .varint): singularSint32 = try reader.readSInt32()
      case (6, .varint): singularSint64 = try reader.readSInt64()
      case (7, .fixed32): singularFixed32 = try reader.readFixed32()
      case (8, .fixed64): singularFixed64 = try reader.readFixed64()
      case (9, .fixed32): singularSfixed32 = try reader.readSFixed32()
      case (10, .fixed64): singularSfixed64 = try reader.readSFixed64()
      case (11, .fixed32): singularFloat = try reader.readFloat()
      case (12, .fixed64): singularDouble = try reader.readDouble()
      case (13, .varint): singularBool = try reader.readBool()
      case (14, .lengthDelimited): singularString = try reader.readString()
      case (15, .lengthDelimited): singularBytes = try reader.readBytes()
      case (16, .varint): singularColor = try reader.readEnum(Color.self)
      case (17, .lengthDelimited): try reader.readMessage(into: &singularNested)

      case (18, .varint): optionalInt32 = try reader.readInt32()
      case (19, .lengthDelimited): optionalString = try reader.readString()
      case (20, .fixed64): optionalDouble = try reader.readDouble()
      case (21, .varint): optionalBool = try reader.readBool()
      case (22, .varint): optionalColor = try reader.readEnum(Color.self)
      case (23, .lengthDelimited): try reader.readMessage(into: &optionalNested)

      case (31, .varint), (31, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedInt32, as: ProtoInt32.self)
      case (32, .varint), (32, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedInt64, as: ProtoInt64.self)
      case (33, .varint), (33, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedUint32, as: ProtoUInt32.self)
      case (34, .varint), (34, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedUint64, as: ProtoUInt64.self)
      case (35, .varint), (35, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedSint32, as: ProtoSInt32.self)
      case (36, .varint), (36, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedSint64, as: ProtoSInt64.self)
      case (37, .fixed32), (37, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedFixed32, as: ProtoFixed32.self)
      case (38, .fixed64), (38, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedFixed64, as: ProtoFixed64.self)
      case (39, .fixed32), (39, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedSfixed32, as: ProtoSFixed32.self)
      case (40, .fixed64), (40, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedSfixed64, as: ProtoSFixed64.self)
      case (41, .fixed32), (41, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedFloat, as: ProtoFloat.self)
      case (42, .fixed64), (42, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedDouble, as: ProtoDouble.self)
      case (43, .varint), (43, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedBool, as: ProtoBool.self)
      case (44, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedString, as: ProtoString.self)
      case (45, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedBytes, as: ProtoBytes.self)
      case (46, .varint), (46, .lengthDelimited):
        try reader.readRepeated(tag, into: &repeatedColor, as: Color.self)
      case (47, .lengthDelimited): try reader.appendMessage(to: &repeatedNested)
      case (48, .varint), (48, .lengthDelimited):
        try reader.readRepeated(tag, into: &unpackedInt32, as: ProtoInt32.self)

      case (50, .lengthDelimited):
        try reader.readMapEntry(into: &mapStringInt32, key: ProtoString.self, value: ProtoInt32.self)
      case (51, .lengthDelimited):
        try reader.readMapEntry(into: &mapInt32String, key: ProtoInt32.self, value: ProtoString.self)
      case (52, .lengthDelimited):
        try reader.readMapEntry(into: &mapStringNested, key: ProtoString.self)
      case (53, .lengthDelimited):
        try reader.readMapEntry(into: &mapBoolBytes, key: ProtoBool.self, value: ProtoBytes.self)
      case (54, .lengthDelimited):
        try reader.readMapEntry(into: &mapSint64Double, key: ProtoSInt64.self, value: ProtoDouble.self)
      case (55, .lengthDelimited):
        try reader.readMapEntry(into: &mapFixed32String, key: ProtoFixed32.self, value: ProtoString.self)
      case (56, .lengthDelimited):
        try reader.readMapEntry(into: &mapUint64Color, key: ProtoUInt64.self, value: Color.self)

      case (60, .varint): scalarChoice = .choiceInt32(try reader.readInt32())
      case (61, .lengthDelimited): scalarChoice = .choiceString(try reader.readString())
      case (62, .lengthDelimited): scalarChoice = .choiceBytes(try reader.readBytes())
      case (63, .varint): scalarChoice = .choiceColor(try reader.readEnum(Color.self))
      case (64, .fixed64): scalarChoice = .choiceDouble(try reader.readDouble())

      case (70, .lengthDelimited):
        var nested: Nested
        if case .choiceNested(let existing) = messageChoice { nested = existing } else { nested = Nested() }
        try reader.readMessage(into: &nested)
        messageChoice = .choiceNested(nested)
      case (71, .varint): messageChoice = .choiceSint64(try reader.readSInt64())

      case (536_870_911, .lengthDelimited): maxFieldNumber = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(536_870_911, maxFieldNumber, as: ProtoString.self)

    if case .choiceSint64(let v) = messageChoice { writer.write(71, Optional(v), as: ProtoSInt64.self) }
    if case .choiceNested(let v) = messageChoice { writer.writeMessage(70, v) }

    if case .choiceDouble(let v) = scalarChoice { writer.write(64, Optional(v), as: ProtoDouble.self) }
    if case .choiceColor(let v) = scalarChoice { writer.write(63, Optional(v), as: Color.self) }
    if case .choiceBytes(let v) = scalarChoice { writer.write(62, Optional(v), as: ProtoBytes.self) }
    if case .choiceString(let v) = scalarChoice { writer.write(61, Optional(v), as: ProtoString.self) }
    if case .choiceInt32(let v) = scalarChoice { writer.write(60, Optional(v), as: ProtoInt32.self) }

    writer.writeMap(56, mapUint64Color, key: ProtoUInt64.self, value: Color.self)
    writer.writeMap(55, mapFixed32String, key: ProtoFixed32.self, value: ProtoString.self)
    writer.writeMap(54, mapSint64Double, key: ProtoSInt64.self, value: ProtoDouble.self)
    writer.writeMap(53, mapBoolBytes, key: ProtoBool.self, value: ProtoBytes.self)
    writer.writeMap(52, mapStringNested, key: ProtoString.self)
    writer.writeMap(51, mapInt32String, key: ProtoInt32.self, value: ProtoString.self)
    writer.writeMap(50, mapStringInt32, key: ProtoString.self, value: ProtoInt32.self)

    // `[packed = false]`: one record per element, zeros included.
    for value in unpackedInt32.reversed() { writer.write(48, Optional(value), as: ProtoInt32.self) }
    writer.writeRepeatedMessages(47, repeatedNested)
    writer.writeRepeated(46, repeatedColor, as: Color.self)
    writer.writeRepeated(45, repeatedBytes, as: ProtoBytes.self)
    writer.writeRepeated(44, repeatedString, as: ProtoString.self)
    writer.writeRepeated(43, repeatedBool, as: ProtoBool.self)
    writer.writeRepeated(42, repeatedDouble, as: ProtoDouble.self)
    writer.writeRepeated(41, repeatedFloat, as: ProtoFloat.self)
    writer.writeRepeated(40, repeatedSfixed64, as: ProtoSFixed64.self)
    writer.writeRepeated(39, repeatedSfixed32, as: ProtoSFixed32.self)
    writer.writeRepeated(38, repeatedFixed64, as: ProtoFixed64.self)
    writer.writeRepeated(37, repeatedFixed32, as: ProtoFixed32.self)
    writer.writeRepeated(36, repeatedSint64, as: ProtoSInt64.self)
    writer.writeRepeated(35, repeatedSint32, as: ProtoSInt32.self)
    writer.writeRepeated(34, repeatedUint64, as: ProtoUInt64.self)
    writer.writeRepeated(33, repeatedUint32, as: ProtoUInt32.self)
    writer.writeRepeated(32, repeatedInt64, as: ProtoInt64.self)
    writer.writeRepeated(31, repeatedInt32, as: ProtoInt32.self)

    writer.writeMessage(23, optionalNested)
    writer.write(22, optionalColor, as: Color.self)
    writer.write(21, optionalBool, as: ProtoBool.self)
    writer.write(20, optionalDouble, as: ProtoDouble.self)
    writer.write(19, optionalString, as: ProtoString.self)
    writer.write(18, optionalInt32, as: ProtoInt32.self)

    writer.writeMessage(17, singularNested)
    writer.write(16, singularColor, as: Color.self)
    writer.write(15, singularBytes, as: ProtoBytes.self)
    writer.write(14, singularString, as: ProtoString.self)
    writer.write(13, singularBool, as: ProtoBool.self)
    writer.write(12, singularDouble, as: ProtoDouble.self)
    writer.write(11, singularFloat, as: ProtoFloat.self)
    writer.write(10, singularSfixed64, as: ProtoSFixed64.self)
    writer.write(9, singularSfixed32, as: ProtoSFixed32.self)
    writer.write(8, singularFixed64, as: ProtoFixed64.self)
    writer.write(7, singularFixed32, as: ProtoFixed32.self)
    writer.write(6, singularSint64, as: ProtoSInt64.self)
    writer.write(5, singularSint32, as: ProtoSInt32.self)
    writer.write(4, singularUint64, as: ProtoUInt64.self)
    writer.write(3, singularUint32, as: ProtoUInt32.self)
    writer.write(2, singularInt64, as: ProtoInt64.self)
    writer.write(1, singularInt32, as: ProtoInt32.self)
  }
}

/// Heap storage for `AllTypes.Nested.child`: a struct cannot contain itself, even optionally.
private final class AllTypesBox: Hashable, Sendable {
  let value: AllTypes

  init(_ value: AllTypes) { self.value = value }

  static func == (lhs: AllTypesBox, rhs: AllTypesBox) -> Bool { lhs.value == rhs.value }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

// Every class of malformed input: each test fails if the codec accepts the input, and names the
// exact error. Inputs are decoded as TestMessage (numbered like protowire.test.v1.AllTypes).

import ProtoWire
import Testing

/// One malformed input and the error it must produce.
struct Malformed: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]
  let error: ProtoDecodingError
  var testDescription: String { name }

  init(_ name: String, _ bytes: [UInt8], _ error: ProtoDecodingError) {
    self.name = name
    self.bytes = bytes
    self.error = error
  }
}

/// `count` nested sub-messages, alternating TestMessage.child (17) and Child.child (3), with an
/// int32 at the bottom. `count` = 1 is a TestMessage holding a Child.
func nestedMessages(_ count: Int, innermost: [UInt8] = hex("08 01")) -> [UInt8] {
  var bytes = innermost
  for level in stride(from: count, through: 1, by: -1) {
    // Level 1 is a field of the top-level TestMessage; odd levels are Child fields 17 of a
    // TestMessage, even levels TestMessage fields 3 of a Child.
    let tag: [UInt8] = level % 2 == 1 ? hex("8a 01") : hex("1a")
    bytes = tag + varint(UInt64(bytes.count)) + bytes
  }
  return bytes
}

/// `count` unknown groups nested inside each other (field 100), each closed properly.
func nestedGroups(_ count: Int) -> [UInt8] {
  Array(repeating: hex("a3 06"), count: count).flatMap { $0 } + hex("a0 06 01")
    + Array(repeating: hex("a4 06"), count: count).flatMap { $0 }
}

@Suite("Malformed input")
struct MalformedInputTests {
  static let truncations: [Malformed] = [
    Malformed("tag cut inside its varint", hex("80"), .truncated),
    Malformed("two-byte tag cut after its first byte", hex("fa"), .truncated),
    Malformed("tag with no value", hex("08"), .truncated),
    Malformed("varint value cut", hex("08 96"), .truncated),
    Malformed("nine continuation bytes then end", hex("08 ff ff ff ff ff ff ff ff ff"), .truncated),
    Malformed("fixed32 cut", hex("3d 01 02 03"), .truncated),
    Malformed("fixed32 with no bytes", hex("3d"), .truncated),
    Malformed("fixed64 cut", hex("41 01 02 03 04 05 06 07"), .truncated),
    Malformed("sfixed64 cut", hex("51 00"), .truncated),
    Malformed("double cut", hex("61 00 00 00 00"), .truncated),
    Malformed("length prefix cut", hex("72 80"), .truncated),
    Malformed("length-delimited value cut", hex("72 05 61 62"), .lengthOutOfRange),
    Malformed("bytes value cut", hex("7a 02 00"), .lengthOutOfRange),
    Malformed("sub-message cut", hex("8a 01 04 08 01"), .lengthOutOfRange),
    Malformed("field cut inside a sub-message", hex("8a 01 02 08 96"), .truncated),
    Malformed("unknown varint cut", hex("a0 06 80"), .truncated),
    Malformed("unknown fixed32 cut", hex("9d 06 01"), .truncated),
    Malformed("unknown fixed64 cut", hex("91 06 01 02"), .truncated),
    Malformed("unknown length-delimited cut", hex("8a 06 02 00"), .lengthOutOfRange),
    Malformed("map entry cut inside", hex("92 03 03 0a 05 61"), .lengthOutOfRange),
  ]

  @Test("truncated input", arguments: truncations)
  func truncated(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  static let varints: [Malformed] = [
    Malformed("11-byte varint value", hex("08 80 80 80 80 80 80 80 80 80 80 01"), .malformedVarint),
    Malformed("11-byte varint of zeros", hex("08 80 80 80 80 80 80 80 80 80 80 00"), .malformedVarint),
    Malformed("ten bytes all with continuation, then end", hex("08 ff ff ff ff ff ff ff ff ff ff"), .malformedVarint),
    Malformed("11-byte tag", hex("88 80 80 80 80 80 80 80 80 80 00 01"), .malformedVarint),
    Malformed("11-byte length prefix", hex("72 80 80 80 80 80 80 80 80 80 80 00"), .malformedVarint),
    Malformed("11-byte varint inside a packed field", hex("fa 01 0b 80 80 80 80 80 80 80 80 80 80 01"), .malformedVarint),
    Malformed("11-byte unknown varint", hex("a0 06 80 80 80 80 80 80 80 80 80 80 01"), .malformedVarint),
  ]

  @Test("varints longer than ten bytes", arguments: varints)
  func longVarint(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  @Test("a 10th varint byte above 1 is accepted and its extra bits dropped, as protobuf C++ does")
  func tenthByte() throws {
    // Bits 64-69 do not exist; C++ (VarintParse) and upb drop them. Go's protowire rejects.
    #expect(try readOneVarint(hex("ff ff ff ff ff ff ff ff ff 7f")).get() == UInt64.max)
    #expect(try readOneVarint(hex("80 80 80 80 80 80 80 80 80 7e")).get() == 0)
    let message = try TestMessage(serializedBytes: hex("08 ff ff ff ff ff ff ff ff ff 7f"))
    #expect(message.int32 == -1)
    #expect(hexString(message.serializedBytes()) == hexString(hex("08 ff ff ff ff ff ff ff ff ff 01")))
  }

  @Test("a tag padded past five bytes is accepted (protobuf C++ and upb reject it)")
  func paddedTag() throws {
    // Field 1, varint, as a six-byte tag. The value fits 32 bits, so the key is unambiguous;
    // the codec only limits varints to ten bytes. Pinned here so that a change is deliberate.
    #expect(try TestMessage(serializedBytes: hex("88 80 80 80 80 00 01")).int32 == 1)
  }

  static let wireTypes: [Malformed] = [
    Malformed("wire type 6", hex("0e 00"), .invalidWireType(6)),
    Malformed("wire type 7", hex("0f 00"), .invalidWireType(7)),
    Malformed("wire type 6 on an unknown field", hex("a6 06 00"), .invalidWireType(6)),
    Malformed("wire type 7 after a valid field", hex("08 01 7f"), .invalidWireType(7)),
    Malformed("wire type 6 inside a sub-message", hex("8a 01 02 0e 00"), .invalidWireType(6)),
    Malformed("wire type 7 inside a group", hex("a3 06 0f 00 a4 06"), .invalidWireType(7)),
    Malformed("wire type 6 inside a map entry", hex("92 03 02 0e 00"), .invalidWireType(6)),
  ]

  @Test("invalid wire types", arguments: wireTypes)
  func invalidWireType(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  static let fieldNumbers: [Malformed] = [
    Malformed("field 0, varint", hex("00 00"), .invalidFieldNumber(0)),
    Malformed("field 0, length-delimited", hex("02 00"), .invalidFieldNumber(0)),
    Malformed("field 0, wire type 7", hex("07"), .invalidFieldNumber(0)),
    Malformed("field 0 in a padded tag", hex("80 00 00"), .invalidFieldNumber(0)),
    Malformed("field 0 inside a sub-message", hex("8a 01 02 00 00"), .invalidFieldNumber(0)),
    Malformed("field 0 inside a group", hex("a3 06 00 00 a4 06"), .invalidFieldNumber(0)),
    Malformed("field 2^29", hex("80 80 80 80 10 00"), .invalidFieldNumber(1 << 29)),
    Malformed("field 2^29 + 1, length-delimited", hex("8a 80 80 80 10 00"), .invalidFieldNumber((1 << 29) + 1)),
    Malformed("field 2^32", hex("80 80 80 80 80 01 00"), .invalidFieldNumber(1 << 32)),
    Malformed("field 2^61 - 1 (the largest a 64-bit key holds)", hex("f8 ff ff ff ff ff ff ff ff 01 00"), .invalidFieldNumber((1 << 61) - 1)),
    Malformed("field 2^29 inside a group", hex("a3 06 80 80 80 80 10 00 a4 06"), .invalidFieldNumber(1 << 29)),
  ]

  @Test("invalid field numbers", arguments: fieldNumbers)
  func invalidFieldNumber(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  static let lengths: [Malformed] = [
    Malformed("string length one past the end", hex("72 03 61 62"), .lengthOutOfRange),
    Malformed("string length past an empty rest", hex("72 01"), .lengthOutOfRange),
    Malformed("length past the end of the enclosing sub-message, within the buffer",
              hex("8a 01 03 12 05 61 62 63 64 65"), .lengthOutOfRange),
    Malformed("sub-message length past the end of its parent", hex("8a 01 04 1a 05 08 01 08 01 08 01"), .lengthOutOfRange),
    Malformed("packed length past the end", hex("fa 01 05 01 02"), .lengthOutOfRange),
    Malformed("map entry length past the end", hex("92 03 10 0a 01 61"), .lengthOutOfRange),
    Malformed("unknown field length past the end", hex("8a 06 7f 00"), .lengthOutOfRange),
    Malformed("length 2^31", hex("72 80 80 80 80 08 61"), .lengthOutOfRange),
  ]

  @Test("length prefixes past the end", arguments: lengths)
  func lengthPastEnd(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  /// Huge declared lengths with a few bytes behind them. If the codec sized anything by the
  /// prefix before checking it (an array, a string, a reserveCapacity), these would trap or
  /// exhaust memory; instead each throws `lengthOutOfRange` straight from the length check.
  static let hugeLengths: [Malformed] = {
    let huge: [UInt64] = [1 << 62, UInt64(Int64.max), UInt64.max, 1 << 32, (1 << 31) - 1]
    var cases: [Malformed] = []
    for length in huge {
      let prefix = varint(length)
      let tail = hex("01 02 03 04 05 06 07 08")
      cases += [
        Malformed("string of \(length)", hex("72") + prefix + tail, .lengthOutOfRange),
        Malformed("bytes of \(length)", hex("7a") + prefix + tail, .lengthOutOfRange),
        Malformed("sub-message of \(length)", hex("8a 01") + prefix + tail, .lengthOutOfRange),
        Malformed("repeated message of \(length)", hex("fa 02") + prefix + tail, .lengthOutOfRange),
        Malformed("packed int32 of \(length)", hex("fa 01") + prefix + tail, .lengthOutOfRange),
        Malformed("packed fixed32 of \(length)", hex("aa 02") + prefix + tail, .lengthOutOfRange),
        Malformed("map entry of \(length)", hex("92 03") + prefix + tail, .lengthOutOfRange),
        Malformed("unknown field of \(length)", hex("8a 06") + prefix + tail, .lengthOutOfRange),
        Malformed("string of \(length) in a sub-message", hex("8a 01 0c 12") + prefix + tail.prefix(11 - prefix.count), .lengthOutOfRange),
      ]
    }
    return cases
  }()

  @Test("huge length prefixes throw before anything is allocated", arguments: hugeLengths)
  func hugeLength(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  static let utf8: [Malformed] = [
    Malformed("overlong '/' (c0 af)", hex("72 02 c0 af"), .invalidUTF8(fieldNumber: 14)),
    Malformed("overlong NUL (c0 80)", hex("72 02 c0 80"), .invalidUTF8(fieldNumber: 14)),
    Malformed("overlong three-byte (e0 80 af)", hex("72 03 e0 80 af"), .invalidUTF8(fieldNumber: 14)),
    Malformed("overlong four-byte (f0 80 80 af)", hex("72 04 f0 80 80 af"), .invalidUTF8(fieldNumber: 14)),
    Malformed("surrogate U+D800 (ed a0 80)", hex("72 03 ed a0 80"), .invalidUTF8(fieldNumber: 14)),
    Malformed("surrogate U+DFFF (ed bf bf)", hex("72 03 ed bf bf"), .invalidUTF8(fieldNumber: 14)),
    Malformed("surrogate pair as CESU-8", hex("72 06 ed a0 bd ed b8 80"), .invalidUTF8(fieldNumber: 14)),
    Malformed("truncated sequence at the end (ề without its last byte)", hex("72 03 4c e1 bb"), .invalidUTF8(fieldNumber: 14)),
    Malformed("truncated sequence in the middle", hex("72 03 e1 bb 41"), .invalidUTF8(fieldNumber: 14)),
    Malformed("lone continuation byte", hex("72 01 80"), .invalidUTF8(fieldNumber: 14)),
    Malformed("above U+10FFFF (f4 90 80 80)", hex("72 04 f4 90 80 80"), .invalidUTF8(fieldNumber: 14)),
    Malformed("byte ff", hex("72 01 ff"), .invalidUTF8(fieldNumber: 14)),
    Malformed("byte f5", hex("72 04 f5 80 80 80"), .invalidUTF8(fieldNumber: 14)),
    Malformed("invalid byte after eight valid ones", hex("72 0a 4c c3 a0 6e 67 20 6e 67 68 c0"), .invalidUTF8(fieldNumber: 14)),
    Malformed("invalid byte inside a long valid run", hex("72 12 61 61 61 61 61 61 61 61 ff 61 61 61 61 61 61 61 61 61"), .invalidUTF8(fieldNumber: 14)),
    Malformed("in an optional string", hex("9a 01 01 ff"), .invalidUTF8(fieldNumber: 19)),
    Malformed("in a repeated string, second element", hex("e2 02 01 61 e2 02 01 c0"), .invalidUTF8(fieldNumber: 44)),
    Malformed("in a oneof string", hex("ea 03 02 c0 af"), .invalidUTF8(fieldNumber: 61)),
    Malformed("in a nested message's string", hex("8a 01 04 12 02 c0 af"), .invalidUTF8(fieldNumber: 2)),
  ]

  @Test("invalid UTF-8 in a string field", arguments: utf8)
  func invalidUTF8(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  @Test("invalid UTF-8 in a map key is rejected")
  func invalidUTF8MapKey() throws {
    // The error names the entry's field (1 = key), not the map's field 50.
    let error = decodingError(hex("92 03 06 0a 02 c0 af 10 01"))
    guard case .invalidUTF8 = error else {
      Issue.record("expected invalidUTF8, got \(String(describing: error))")
      return
    }
  }

  @Test("valid UTF-8 that a repairing decoder would produce (U+FFFD itself) is accepted")
  func replacementCharacterIsValid() throws {
    #expect(try TestMessage(serializedBytes: hex("72 03 ef bf bd")).string == "\u{FFFD}")
    let mixed = hex("72 0e 41 ef bf bd 42 f0 9f 8f ba c3 a0 e1 bb 81")  // A � B 🏺 à ề
    #expect(try TestMessage(serializedBytes: mixed).string == "A\u{FFFD}B🏺àề")
    #expect(hexString(try TestMessage(serializedBytes: mixed).serializedBytes()) == hexString(mixed))
  }

  @Test("invalid UTF-8 is fine in bytes fields and in unknown fields")
  func utf8NotChecked() throws {
    #expect(try TestMessage(serializedBytes: hex("7a 02 c0 af")).bytes == [0xC0, 0xAF])
    let unknown = hex("8a 06 02 c0 af")  // field 97 is not known
    #expect(try TestMessage(serializedBytes: unknown).unknownFields.bytes == unknown)
  }

  static let groups: [Malformed] = [
    Malformed("end-group alone", hex("0c"), .unexpectedEndGroup),
    Malformed("end-group of an unknown field", hex("a4 06"), .unexpectedEndGroup),
    Malformed("end-group after valid fields", hex("08 01 72 01 61 0c"), .unexpectedEndGroup),
    Malformed("end-group inside a sub-message", hex("8a 01 01 0c"), .unexpectedEndGroup),
    Malformed("end-group inside a map entry", hex("92 03 01 0c"), .unexpectedEndGroup),
    Malformed("end-group after a closed group", hex("0b 0c 0c"), .unexpectedEndGroup),
    Malformed("start-group at the end", hex("0b"), .unterminatedGroup),
    Malformed("start-group with fields and no end", hex("0b 08 01 72 01 61"), .unterminatedGroup),
    Malformed("start-group closed by another field's end", hex("0b 14"), .unterminatedGroup),
    Malformed("inner group unclosed", hex("a3 06 0b a4 06"), .unterminatedGroup),
    Malformed("start-group whose end lies outside its sub-message", hex("8a 01 01 0b 0c"), .unterminatedGroup),
    Malformed("start-group in a packed field's place", hex("fb 01"), .unterminatedGroup),
  ]

  @Test("groups without their other half", arguments: groups)
  func groupMismatch(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  @Test("well-formed unknown groups are kept and re-emitted")
  func wellFormedGroup() throws {
    let input = hex("0b 08 01 0c" + "a3 06 0b 72 01 61 0c a4 06")
    let message = try TestMessage(serializedBytes: input)
    #expect(message.int32 == 0)
    #expect(hexString(message.unknownFields.bytes) == hexString(input))
    #expect(hexString(message.serializedBytes()) == hexString(input))
  }

  @Test("100 nested sub-messages are accepted, 101 are rejected")
  func messageDepth() throws {
    #expect(ProtoReader.maxDepth == 100)
    let top = try TestMessage(serializedBytes: nestedMessages(100))
    // Walk down: levels alternate TestMessage -> Child -> TestMessage ...; level 100 is a
    // TestMessage holding int32 = 1.
    var levels = 0
    var message = top
    while let child = message.child, let next = child.child {
      levels += 2
      message = next
    }
    #expect(levels == 100)
    #expect(message.int32 == 1)
    #expect(hexString(top.serializedBytes()) == hexString(nestedMessages(100)))

    #expect(decodingError(nestedMessages(101)) == .nestingTooDeep)
    #expect(decodingError(nestedMessages(150)) == .nestingTooDeep)
  }

  @Test("the depth limit counts map entries and oneof messages too")
  func depthThroughMapsAndOneofs() throws {
    // 98 nested messages, then a map<string, Child> entry (99) and its value (100).
    #expect(decodingError(nestedMessages(98, innermost: hex("a2 03 04 12 02 08 01"))) == nil)
    // ... and a message inside that value (101).
    #expect(decodingError(nestedMessages(98, innermost: hex("a2 03 06 12 04 1a 02 08 01"))) == .nestingTooDeep)
    // A map entry at 101.
    #expect(decodingError(nestedMessages(100, innermost: hex("a2 03 02 0a 00"))) == .nestingTooDeep)
    // 98 nested messages, a oneof message member (99) holding a message (100); then one more.
    #expect(decodingError(nestedMessages(98, innermost: hex("b2 04 04 1a 02 08 01"))) == nil)
    #expect(decodingError(nestedMessages(98, innermost: hex("b2 04 07 1a 05 8a 01 02 08 01"))) == .nestingTooDeep)
  }

  @Test("100 nested unknown groups are accepted, 101 are rejected")
  func groupDepth() throws {
    let hundred = nestedGroups(100)
    let message = try TestMessage(serializedBytes: hundred)
    #expect(hexString(message.serializedBytes()) == hexString(hundred))
    #expect(decodingError(nestedGroups(101)) == .nestingTooDeep)
    #expect(decodingError(nestedGroups(1000)) == .nestingTooDeep)
  }

  @Test("messages and groups share one depth budget")
  func mixedDepth() throws {
    // 99 sub-messages, then one group at depth 100: accepted. Two groups: 101, rejected.
    #expect(decodingError(nestedMessages(99, innermost: hex("a3 06 a4 06"))) == nil)
    #expect(decodingError(nestedMessages(99, innermost: hex("a3 06 a3 06 a4 06 a4 06"))) == .nestingTooDeep)
    #expect(decodingError(nestedMessages(100, innermost: hex("a3 06 a4 06"))) == .nestingTooDeep)
  }

  static let packed: [Malformed] = [
    Malformed("packed length cuts a varint in half", hex("fa 01 02 01 96 01"), .truncated),
    Malformed("packed length cuts a ten-byte varint", hex("fa 01 05 ff ff ff ff ff ff ff ff ff 01"), .truncated),
    Malformed("packed zigzag cut", hex("a2 02 01 80 00"), .truncated),
    Malformed("packed fixed32 length not a multiple of 4", hex("aa 02 05 01 00 00 00 02 00 00 00"), .truncated),
    Malformed("packed fixed32 length 3", hex("aa 02 03 01 00 00"), .truncated),
  ]

  @Test("packed fields whose length cuts an element", arguments: packed)
  func packedCut(_ input: Malformed) throws {
    #expect(decodingError(input.bytes) == input.error)
  }

  @Test("truncating a valid encoding anywhere gives truncated or lengthOutOfRange, never anything else")
  func everyPrefix() throws {
    var message = TestMessage()
    message.int32 = -1
    message.fixed64 = 1
    message.string = "Làng nghề"
    message.child = Child(value: 300, label: "gốm")
    message.ints = [1, 300, -1]
    message.fixed32s = [7, 8]
    message.counts = ["a": 1, "đ": 2]
    message.choice = .child(Child(value: 5))
    message.unknownFields = UnknownFields(bytes: hex("a3 06 08 01 a4 06"))
    let bytes = message.serializedBytes()
    var accepted = 0
    for cut in 0..<bytes.count {
      switch decode(Array(bytes.prefix(cut))) {
      case .success: accepted += 1  // cut exactly between two top-level fields
      case .failure(let error):
        #expect(
          error == .truncated || error == .lengthOutOfRange || error == .unterminatedGroup,
          "cut at \(cut): \(error)")
      }
    }
    #expect(accepted > 0)
  }

  @Test("errors describe themselves")
  func descriptions() throws {
    #expect(ProtoDecodingError.invalidWireType(6).description == "invalid wire type 6")
    #expect(ProtoDecodingError.invalidFieldNumber(0).description == "invalid field number 0")
    #expect(ProtoDecodingError.invalidUTF8(fieldNumber: 14).description == "invalid UTF-8 in string field 14")
    #expect(ProtoDecodingError.nestingTooDeep.description.contains("100"))
  }
}

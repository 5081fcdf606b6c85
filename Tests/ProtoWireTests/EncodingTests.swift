// Exact bytes, computed by hand from the protobuf encoding spec, for every kind of value.

import ProtoWire
import Testing

@Suite("Varints")
struct VarintTests {
  /// (value, encoding) at every length boundary.
  static let boundaries: [(UInt64, String)] = [
    (0, "00"),
    (1, "01"),
    (127, "7f"),
    (128, "80 01"),
    (300, "ac 02"),
    (16383, "ff 7f"),
    (16384, "80 80 01"),
    (2_097_151, "ff ff 7f"),
    (2_097_152, "80 80 80 01"),
    (268_435_455, "ff ff ff 7f"),
    (268_435_456, "80 80 80 80 01"),
    (4_294_967_295, "ff ff ff ff 0f"),
    (4_294_967_296, "80 80 80 80 10"),
    (34_359_738_367, "ff ff ff ff 7f"),
    (34_359_738_368, "80 80 80 80 80 01"),
    (9_223_372_036_854_775_807, "ff ff ff ff ff ff ff ff 7f"),
    (9_223_372_036_854_775_808, "80 80 80 80 80 80 80 80 80 01"),
    (UInt64.max, "ff ff ff ff ff ff ff ff ff 01"),
  ]

  @Test("written at every boundary", arguments: boundaries)
  func written(value: UInt64, encoding: String) throws {
    #expect(hexString(writtenVarint(value)) == hexString(hex(encoding)))
    #expect(ProtoWriter.varintSize(value) == hex(encoding).count)
  }

  @Test("read at every boundary", arguments: boundaries)
  func read(value: UInt64, encoding: String) throws {
    #expect(try readOneVarint(hex(encoding)).get() == value)
  }

  @Test("non-minimal encodings are accepted (padding with 0x80 ... 0x00)")
  func nonMinimal() throws {
    #expect(try readOneVarint(hex("81 00")).get() == 1)
    #expect(try readOneVarint(hex("80 80 80 80 80 80 80 80 80 00")).get() == 0)
    // The same through a message: re-encoding is minimal.
    let message = try? TestMessage(serializedBytes: hex("08 96 81 80 80 00"))
    #expect(message?.int32 == 150)
    #expect(message.map { hexString($0.serializedBytes()) } == "089601")
  }

  @Test("negative int32 is sign-extended to ten bytes")
  func negativeInt32() throws {
    var message = TestMessage()
    message.int32 = -1
    #expect(hexString(message.serializedBytes()) == hexString(hex("08 ff ff ff ff ff ff ff ff ff 01")))
    message.int32 = Int32.min
    #expect(hexString(message.serializedBytes()) == hexString(hex("08 80 80 80 80 f8 ff ff ff ff 01")))
    message.int32 = 150
    #expect(hexString(message.serializedBytes()) == "089601")
    #expect(try TestMessage(serializedBytes: hex("08 80 80 80 80 f8 ff ff ff ff 01")).int32 == Int32.min)
  }

  @Test("int32 read from a varint above 32 bits keeps the low 32 bits, as protoc does")
  func int32Truncation() throws {
    // 2^32 + 5 -> 5; 0x1_FFFF_FFFF -> -1.
    #expect(try TestMessage(serializedBytes: hex("08 85 80 80 80 10")).int32 == 5)
    #expect(try TestMessage(serializedBytes: hex("08 ff ff ff ff 1f")).int32 == -1)
    #expect(try TestMessage(serializedBytes: hex("18 85 80 80 80 10")).uint32 == 5)
  }

  @Test("int64, uint32 and uint64 extremes")
  func wideIntegers() throws {
    var message = TestMessage()
    message.int64 = Int64.min
    message.uint32 = UInt32.max
    message.uint64 = UInt64.max
    let expected = hex(
      "10 80 80 80 80 80 80 80 80 80 01"  // 2: int64 min
        + "18 ff ff ff ff 0f"  // 3: uint32 max
        + "20 ff ff ff ff ff ff ff ff ff 01")  // 4: uint64 max
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected) == message)
  }

  @Test("bool: any non-zero varint is true, written back as 01")
  func bool() throws {
    #expect(try TestMessage(serializedBytes: hex("68 02")).bool)
    #expect(try TestMessage(serializedBytes: hex("68 80 80 80 80 80 80 80 80 80 01")).bool)
    #expect(try !TestMessage(serializedBytes: hex("68 00")).bool)
    #expect(hexString(try TestMessage(serializedBytes: hex("68 02")).serializedBytes()) == "6801")
  }
}

@Suite("ZigZag")
struct ZigZagTests {
  static let sint32Cases: [(Int32, String)] = [
    (0, ""),  // the default is not written
    (-1, "28 01"),
    (1, "28 02"),
    (-2, "28 03"),
    (-64, "28 7f"),
    (64, "28 80 01"),
    (Int32.max, "28 fe ff ff ff 0f"),
    (Int32.min, "28 ff ff ff ff 0f"),
  ]

  static let sint64Cases: [(Int64, String)] = [
    (0, ""),
    (-1, "30 01"),
    (1, "30 02"),
    (-2, "30 03"),
    (Int64.max, "30 fe ff ff ff ff ff ff ff ff 01"),
    (Int64.min, "30 ff ff ff ff ff ff ff ff ff 01"),
  ]

  @Test("sint32", arguments: sint32Cases)
  func sint32(value: Int32, encoding: String) throws {
    var message = TestMessage()
    message.sint32 = value
    #expect(hexString(message.serializedBytes()) == hexString(hex(encoding)))
    #expect(try TestMessage(serializedBytes: hex(encoding)).sint32 == value)
  }

  @Test("sint64", arguments: sint64Cases)
  func sint64(value: Int64, encoding: String) throws {
    var message = TestMessage()
    message.sint64 = value
    #expect(hexString(message.serializedBytes()) == hexString(hex(encoding)))
    #expect(try TestMessage(serializedBytes: hex(encoding)).sint64 == value)
  }
}

@Suite("Fixed-width and floating point")
struct FixedTests {
  @Test("fixed32, fixed64, sfixed32, sfixed64 are little-endian")
  func fixed() throws {
    var message = TestMessage()
    message.fixed32 = 0xDEAD_BEEF
    message.fixed64 = 0x0102_0304_0506_0708
    message.sfixed32 = -2
    message.sfixed64 = Int64.min
    let expected = hex(
      "3d ef be ad de"  // 7
        + "41 08 07 06 05 04 03 02 01"  // 8
        + "4d fe ff ff ff"  // 9
        + "51 00 00 00 00 00 00 00 80")  // 10
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected) == message)
  }

  @Test("float and double: +0.0 is not written, -0.0 is")
  func signedZero() throws {
    var message = TestMessage()
    message.float = 0.0
    message.double = 0.0
    #expect(message.serializedBytes().isEmpty)
    message.float = -0.0
    message.double = -0.0
    let expected = hex("5d 00 00 00 80" + "61 00 00 00 00 00 00 00 80")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    let decoded = try TestMessage(serializedBytes: expected)
    #expect(decoded.float.bitPattern == 0x8000_0000)
    #expect(decoded.double.bitPattern == 0x8000_0000_0000_0000)
  }

  @Test("NaN is written, and its exact bits survive a round trip")
  func nan() throws {
    var message = TestMessage()
    message.float = Float(bitPattern: 0x7FC0_0000)
    message.double = Double(bitPattern: 0x7FF8_0000_0000_0000)
    #expect(hexString(message.serializedBytes()) == hexString(hex("5d 00 00 c0 7f 61 00 00 00 00 00 00 f8 7f")))
    // A NaN with a payload and the sign bit set.
    let payload = hex("5d 01 00 c0 ff 61 01 00 00 00 00 00 f8 ff")
    let decoded = try TestMessage(serializedBytes: payload)
    #expect(decoded.float.isNaN && decoded.double.isNaN)
    #expect(decoded.float.bitPattern == 0xFFC0_0001)
    #expect(decoded.double.bitPattern == 0xFFF8_0000_0000_0001)
    #expect(hexString(decoded.serializedBytes()) == hexString(payload))
  }

  @Test("ordinary values, infinities and subnormals")
  func values() throws {
    var message = TestMessage()
    message.float = 1.5
    message.double = -Double.infinity
    #expect(hexString(message.serializedBytes()) == hexString(hex("5d 00 00 c0 3f 61 00 00 00 00 00 00 f0 ff")))
    message.float = .leastNonzeroMagnitude
    message.double = .leastNonzeroMagnitude
    #expect(hexString(message.serializedBytes()) == hexString(hex("5d 01 00 00 00 61 01 00 00 00 00 00 00 00")))
  }
}

@Suite("Strings, bytes and enums")
struct LengthDelimitedTests {
  @Test("Vietnamese text is written as its UTF-8 bytes")
  func vietnamese() throws {
    var message = TestMessage()
    message.string = "Bát Tràng"
    // B á(c3 a1) t ␠ T r à(c3 a0) n g: 11 bytes.
    let expected = hex("72 0b 42 c3 a1 74 20 54 72 c3 a0 6e 67")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected).string == "Bát Tràng")

    message.string = "Làng nghề"  // ề = U+1EC1 = e1 bb 81
    let nghe = hex("72 0c 4c c3 a0 6e 67 20 6e 67 68 e1 bb 81")
    #expect(hexString(message.serializedBytes()) == hexString(nghe))
    #expect(try TestMessage(serializedBytes: nghe).string == "Làng nghề")
  }

  @Test("decomposed and precomposed forms keep their own bytes")
  func normalizationIsNotApplied() throws {
    // "ề" precomposed (e1 bb 81) and decomposed (e + U+0302 + U+0300 = 65 cc 82 cc 80).
    let decomposed = hex("72 05 65 cc 82 cc 80")
    let message = try TestMessage(serializedBytes: decomposed)
    #expect(hexString(message.serializedBytes()) == hexString(decomposed))
  }

  @Test("a string longer than 127 bytes has a two-byte length")
  func longString() throws {
    var message = TestMessage()
    message.string = String(repeating: "ạ", count: 100)  // 3 bytes each: 300 = ac 02
    let bytes = message.serializedBytes()
    #expect(Array(bytes.prefix(3)) == hex("72 ac 02"))
    #expect(bytes.count == 303)
    #expect(try TestMessage(serializedBytes: bytes) == message)
  }

  @Test("bytes are copied verbatim, including invalid UTF-8")
  func bytes() throws {
    var message = TestMessage()
    message.bytes = [0x00, 0xFF, 0xC0, 0xAF]
    let expected = hex("7a 04 00 ff c0 af")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected).bytes == [0x00, 0xFF, 0xC0, 0xAF])
  }

  @Test("enum: two-byte tag, negative value in ten bytes, unknown values kept")
  func enums() throws {
    var message = TestMessage()
    message.color = .red
    #expect(hexString(message.serializedBytes()) == "800101")
    message.color = .negative
    #expect(hexString(message.serializedBytes()) == hexString(hex("80 01 ff ff ff ff ff ff ff ff ff 01")))
    let unknown = hex("80 01 e7 07")  // 999
    let decoded = try TestMessage(serializedBytes: unknown)
    #expect(decoded.color.rawValue == 999)
    #expect(hexString(decoded.serializedBytes()) == hexString(unknown))
  }
}

@Suite("Repeated fields")
struct RepeatedTests {
  @Test("numeric repeated fields are packed")
  func packed() throws {
    var message = TestMessage()
    message.ints = [1, 150, -1]
    message.sint64s = [0, -1, 1, -2]
    message.fixed32s = [1, 0xFFFF_FFFF]
    let expected = hex(
      "fa 01 0d 01 96 01 ff ff ff ff ff ff ff ff ff 01"  // 31: 1 + 2 + 10 bytes
        + "a2 02 04 00 01 02 03"  // 36: zigzag
        + "aa 02 08 01 00 00 00 ff ff ff ff")  // 37
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected) == message)
  }

  @Test("zeros inside a packed field are written; an empty field is not")
  func zerosAndEmpty() throws {
    var message = TestMessage()
    message.ints = [0, 0]
    #expect(hexString(message.serializedBytes()) == "fa01020000")
    message.ints = []
    #expect(message.serializedBytes().isEmpty)
  }

  @Test("unpacked records, packed records and a mix of both are accepted")
  func unpackedAccepted() throws {
    #expect(try TestMessage(serializedBytes: hex("f8 01 01 f8 01 96 01")).ints == [1, 150])
    #expect(try TestMessage(serializedBytes: hex("f8 01 01 fa 01 02 02 03 f8 01 04")).ints == [1, 2, 3, 4])
    #expect(try TestMessage(serializedBytes: hex("ad 02 01 00 00 00 aa 02 04 02 00 00 00")).fixed32s == [1, 2])
    #expect(try TestMessage(serializedBytes: hex("fa 01 00")).ints == [])
    // Re-encoding packs.
    let message = try TestMessage(serializedBytes: hex("f8 01 01 f8 01 96 01"))
    #expect(hexString(message.serializedBytes()) == "fa0103019601")
  }

  @Test("repeated strings and messages: one record per element, empty ones included")
  func stringsAndMessages() throws {
    var message = TestMessage()
    message.strings = ["a", "", "đ"]
    message.children = [Child(value: 1), Child()]
    let expected = hex(
      "e2 02 01 61 e2 02 00 e2 02 02 c4 91"  // 44
        + "fa 02 02 08 01 fa 02 00")  // 47
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected) == message)
  }
}

@Suite("Maps")
struct MapTests {
  @Test("entries are sorted by key, strings by their UTF-8 bytes; default values still written")
  func sortedByUTF8() throws {
    var message = TestMessage()
    message.counts = ["b": 2, "ă": 3, "a": 1, "Z": 0, "": 4, "ab": 5]
    // "" < "Z" (5a) < "a" < "ab" < "b" < "ă" (c4 83): bytewise, a prefix first.
    let expected = hex(
      "92 03 04 0a 00 10 04"
        + "92 03 05 0a 01 5a 10 00"
        + "92 03 05 0a 01 61 10 01"
        + "92 03 06 0a 02 61 62 10 05"
        + "92 03 05 0a 01 62 10 02"
        + "92 03 06 0a 02 c4 83 10 03")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected) == message)
  }

  @Test("string keys sort by raw UTF-8 bytes, not by Swift's Unicode-aware String ordering")
  func sortedByBytesNotCollation() throws {
    var message = TestMessage()
    // "a" + U+0301 (61 cc 81) sorts before "b" (62) bytewise; Swift's `<` compares the
    // canonical form "á" (U+00E1) and would put it after "b".
    message.counts = ["b": 1, "a\u{301}": 2]
    let expected = hex("92 03 07 0a 03 61 cc 81 10 02" + "92 03 05 0a 01 62 10 01")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
  }

  @Test("keys that differ only in Unicode normalization are distinct keys in protobuf")
  func canonicallyEquivalentKeys() throws {
    // "é" decomposed (65 cc 81) and precomposed (c3 a9): two entries for protoc's runtimes.
    let input = hex("92 03 07 0a 03 65 cc 81 10 02" + "92 03 06 0a 02 c3 a9 10 01")
    let message = try TestMessage(serializedBytes: input)
    withKnownIssue("Swift String == is canonical equivalence, so [String: V] merges the two keys") {
      #expect(message.counts.count == 2)
      #expect(hexString(message.serializedBytes()) == hexString(input))
    }
  }

  @Test("message values: an empty value is still written")
  func messageValues() throws {
    var message = TestMessage()
    message.childMap = ["y": Child(), "x": Child(value: 1)]
    let expected = hex("a2 03 07 0a 01 78 12 02 08 01" + "a2 03 05 0a 01 79 12 00")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    #expect(try TestMessage(serializedBytes: expected) == message)
  }

  @Test("decoding: entries in any order, missing key or value defaults, last duplicate wins")
  func decoding() throws {
    // Value before key; an entry with no key; an entry with no value; a duplicate key;
    // an unknown field inside an entry is skipped.
    let input = hex(
      "92 03 05 10 07 0a 01 62"  // b: 7
        + "92 03 02 10 09"  // "": 9
        + "92 03 03 0a 01 63"  // c: 0
        + "92 03 05 0a 01 62 10 08"  // b: 8
        + "92 03 07 0a 01 64 18 01 10 06")  // d: 6 (field 3 skipped)
    let message = try TestMessage(serializedBytes: input)
    #expect(message.counts == ["b": 8, "": 9, "c": 0, "d": 6])
    #expect(message.unknownFields.isEmpty)
  }
}

@Suite("Presence")
struct PresenceTests {
  @Test("an optional field set to its default is written")
  func optionalDefault() throws {
    var message = TestMessage()
    message.optionalInt32 = 0
    message.optionalString = ""
    let expected = hex("90 01 00 9a 01 00")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
    let decoded = try TestMessage(serializedBytes: expected)
    #expect(decoded.optionalInt32 == 0)
    #expect(decoded.optionalString == "")
    #expect(try TestMessage(serializedBytes: []).optionalInt32 == nil)
  }

  @Test("a oneof member holding its default is written")
  func oneofDefault() throws {
    var message = TestMessage()
    message.choice = .number(0)
    #expect(hexString(message.serializedBytes()) == "e00300")
    message.choice = .text("")
    #expect(hexString(message.serializedBytes()) == "ea0300")
    message.choice = .child(Child())
    #expect(hexString(message.serializedBytes()) == "b20400")
    #expect(try TestMessage(serializedBytes: hex("e0 03 00")).choice == .number(0))
    #expect(try TestMessage(serializedBytes: hex("b2 04 00")).choice == .child(Child()))
  }

  @Test("the last oneof member seen wins; a repeated message member merges")
  func oneofLastWins() throws {
    #expect(try TestMessage(serializedBytes: hex("ea 03 01 61 e0 03 05")).choice == .number(5))
    #expect(try TestMessage(serializedBytes: hex("e0 03 05 ea 03 01 61")).choice == .text("a"))
    let merged = try TestMessage(serializedBytes: hex("b2 04 02 08 01 b2 04 03 12 01 78"))
    #expect(merged.choice == .child(Child(value: 1, label: "x")))
  }

  @Test("an empty sub-message is written; a missing one is not")
  func emptySubMessage() throws {
    var message = TestMessage()
    message.child = Child()
    #expect(hexString(message.serializedBytes()) == "8a0100")
    message.child = nil
    #expect(message.serializedBytes().isEmpty)
  }

  @Test("a sub-message seen twice is merged; scalars seen twice keep the last")
  func merging() throws {
    let message = try TestMessage(serializedBytes: hex("8a 01 02 08 01 08 01 8a 01 03 12 01 78 08 02"))
    #expect(message.child == Child(value: 1, label: "x"))
    #expect(message.int32 == 2)
  }
}

@Suite("Field order and unknown fields")
struct OrderTests {
  @Test("fields come out in ascending field-number order, unknown fields last")
  func ascending() throws {
    var message = TestMessage()
    message.choice = .number(1)
    message.string = "x"
    message.child = Child(value: 2)
    message.int32 = 3
    message.ints = [4]
    message.sint32 = -1
    message.unknownFields = UnknownFields(bytes: hex("a0 06 05"))  // field 100
    let expected = hex("08 03" + "28 01" + "72 01 78" + "8a 01 02 08 02" + "fa 01 01 04" + "e0 03 01" + "a0 06 05")
    #expect(hexString(message.serializedBytes()) == hexString(expected))
  }

  @Test("unknown fields of every wire type are kept in arrival order and re-emitted after the known ones")
  func unknownFields() throws {
    let unknownVarint = hex("a0 06 96 01")  // 100: varint
    let unknownFixed32 = hex("9d 06 01 02 03 04")  // 99: fixed32
    let unknownFixed64 = hex("91 06 01 02 03 04 05 06 07 08")  // 98: fixed64
    let unknownBytes = hex("8a 06 03 ff fe fd")  // 97: length-delimited
    let unknownGroup = hex("83 06 08 01 0b 0c 84 06")  // 96: group holding a varint and a group
    let input =
      unknownVarint + hex("08 01") + unknownFixed32 + unknownFixed64 + hex("72 01 61") + unknownBytes
      + unknownGroup
    let message = try TestMessage(serializedBytes: input)
    #expect(message.int32 == 1)
    #expect(message.string == "a")
    let unknown = unknownVarint + unknownFixed32 + unknownFixed64 + unknownBytes + unknownGroup
    #expect(hexString(message.unknownFields.bytes) == hexString(unknown))
    #expect(hexString(message.serializedBytes()) == hexString(hex("08 01 72 01 61") + unknown))
  }

  @Test("a known field with the wrong wire type is kept as an unknown field")
  func wrongWireType() throws {
    let input = hex("0d 01 00 00 00" + "72 01 61")  // field 1 (int32) as fixed32
    let message = try TestMessage(serializedBytes: input)
    #expect(message.int32 == 0)
    #expect(hexString(message.unknownFields.bytes) == "0d01000000")
    #expect(hexString(message.serializedBytes()) == hexString(hex("72 01 61 0d 01 00 00 00")))
  }

  @Test("unknown fields inside a nested message stay with that message")
  func nestedUnknown() throws {
    let input = hex("8a 01 05 08 01 a0 06 07")
    let message = try TestMessage(serializedBytes: input)
    #expect(hexString(message.child?.unknownFields.bytes ?? []) == "a00607")
    #expect(hexString(message.serializedBytes()) == hexString(input))
  }

  @Test("the highest field number (2^29 - 1) round-trips as an unknown field")
  func maxFieldNumber() throws {
    let input = hex("f8 ff ff ff 0f 01")  // (2^29 - 1) << 3 | varint
    let message = try TestMessage(serializedBytes: input)
    #expect(hexString(message.serializedBytes()) == hexString(input))
  }

  @Test("a message whose encoding needs more than the writer's first buffer")
  func growth() throws {
    var message = TestMessage()
    message.strings = (0..<500).map { "chuỗi \($0)" }
    message.child = Child(value: 1, label: String(repeating: "x", count: 5000))
    let bytes = message.serializedBytes()
    #expect(bytes.count == message.serializedSize)
    #expect(try TestMessage(serializedBytes: bytes) == message)
  }
}

@Suite("Well-known types")
struct WellKnownTypeTests {
  @Test("a timestamp is valid only within years 1–9999 with nanos below a second")
  func timestampRange() {
    #expect(ProtoTimestamp(seconds: 0).isValid)
    #expect(ProtoTimestamp(seconds: -62_135_596_800).isValid)
    #expect(ProtoTimestamp(seconds: 253_402_300_799, nanos: 999_999_999).isValid)
    #expect(!ProtoTimestamp(seconds: 253_402_300_800).isValid)
    #expect(!ProtoTimestamp(seconds: -62_135_596_801).isValid)
    #expect(!ProtoTimestamp(seconds: Int64.max).isValid)
    #expect(!ProtoTimestamp(seconds: 0, nanos: -1).isValid)
    #expect(!ProtoTimestamp(seconds: 0, nanos: 1_000_000_000).isValid)
  }

  @Test("Any packs a message with its type URL and unpacks only that type")
  func anyPacking() throws {
    let timestamp = ProtoTimestamp(seconds: 1_790_000_000, nanos: 5)
    let packed = ProtoAny(packing: timestamp)
    #expect(packed.typeUrl == "type.googleapis.com/google.protobuf.Timestamp")
    #expect(try packed.unpack(ProtoTimestamp.self) == timestamp)
    #expect(try packed.unpack(ProtoDuration.self) == nil)
  }
}

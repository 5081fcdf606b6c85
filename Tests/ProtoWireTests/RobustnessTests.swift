// Arbitrary input never crashes the decoder, and whatever it accepts survives a round trip:
// decode -> encode -> decode gives an equal message and the same bytes. All inputs come from
// seeded generators, so a failure reproduces exactly.

import ProtoWire
import RPCTestSupport
import Testing

/// Checks the round-trip property for one input; returns a description of a violation.
func roundTripViolation(_ bytes: [UInt8]) -> String? {
  let first: TestMessage
  switch decode(bytes) {
  case .failure: return nil  // rejected with a typed error: fine
  case .success(let message): first = message
  }
  let encoded = first.serializedBytes()
  guard encoded.count == first.serializedSize else { return "serializedSize differs for \(hexString(bytes))" }
  let second: TestMessage
  switch decode(encoded) {
  case .failure(let error): return "re-encoding of \(hexString(bytes)) does not decode: \(error)"
  case .success(let message): second = message
  }
  if second.serializedBytes() != encoded {
    return "re-encoding is not stable for \(hexString(bytes))"
  }
  // NaN payloads make a message unequal to itself; the byte comparison above covers those.
  if first == first, second != first {
    return "decode(encode(m)) != m for \(hexString(bytes))"
  }
  return nil
}

/// Valid-looking fields for TestMessage and unknown numbers, with random values: reaches far
/// deeper into the decoder than uniformly random bytes do.
struct FieldSoup {
  var rng: SeededGenerator

  static let known: [(Int, WireType)] = [
    (1, .varint), (2, .varint), (3, .varint), (4, .varint), (5, .varint), (6, .varint),
    (7, .fixed32), (8, .fixed64), (9, .fixed32), (10, .fixed64), (11, .fixed32), (12, .fixed64),
    (13, .varint), (14, .lengthDelimited), (15, .lengthDelimited), (16, .varint),
    (17, .lengthDelimited), (18, .varint), (19, .lengthDelimited), (31, .lengthDelimited),
    (31, .varint), (36, .lengthDelimited), (37, .lengthDelimited), (37, .fixed32),
    (44, .lengthDelimited), (47, .lengthDelimited), (50, .lengthDelimited), (52, .lengthDelimited),
    (60, .varint), (61, .lengthDelimited), (70, .lengthDelimited), (100, .varint),
    (101, .startGroup), (3, .lengthDelimited),
  ]
  static let texts = ["", "a", "Làng", "nghề", "Bát Tràng", "gốm sứ 🏺", "\u{0}"]

  mutating func message(depth: Int) -> [UInt8] {
    var out: [UInt8] = []
    for _ in 0..<Int.random(in: 0...6, using: &rng) { out += field(depth: depth) }
    return out
  }

  mutating func field(depth: Int) -> [UInt8] {
    var (number, wireType) = FieldSoup.known.randomElement(using: &rng)!
    if Int.random(in: 0..<20, using: &rng) == 0 {
      number = Int.random(in: 0...(1 << 29), using: &rng)
      wireType = WireType(rawValue: UInt8.random(in: 0...5, using: &rng))!
    }
    var out = varint(UInt64(number) << 3 | UInt64(wireType.rawValue))
    switch wireType {
    case .varint: out += randomVarint()
    case .fixed32: out += (0..<4).map { _ in UInt8.random(in: 0...255, using: &rng) }
    case .fixed64: out += (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
    case .lengthDelimited:
      let payload: [UInt8]
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: payload = Array(FieldSoup.texts.randomElement(using: &rng)!.utf8)
      case 1: payload = (0..<Int.random(in: 0...12, using: &rng)).flatMap { _ in randomVarint() }
      case 2 where depth < 4: payload = message(depth: depth + 1)
      default: payload = (0..<Int.random(in: 0...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
      }
      out += varint(UInt64(payload.count)) + payload
    case .startGroup:
      out += depth < 4 ? message(depth: depth + 1) : []
      out += varint(UInt64(number) << 3 | 4)
    case .endGroup: break
    }
    return out
  }

  mutating func randomVarint() -> [UInt8] {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: varint(UInt64.random(in: 0...127, using: &rng))
    case 1: varint(UInt64.random(in: 0...UInt64.max, using: &rng))
    case 2: varint(UInt64(bitPattern: Int64(Int32.random(in: .min ... .max, using: &rng))))
    default: varint(UInt64.random(in: 0...UInt64(UInt32.max), using: &rng))
    }
  }
}

/// One random edit of `bytes`.
func mutate(_ bytes: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
  var bytes = bytes
  guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
  let index = Int.random(in: 0..<bytes.count, using: &rng)
  switch Int.random(in: 0..<7, using: &rng) {
  case 0: bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &rng)  // bit flip
  case 1: bytes[index] = UInt8.random(in: 0...255, using: &rng)  // byte replaced
  case 2: bytes.removeSubrange(index...)  // truncation
  case 3: bytes.remove(at: index)  // deletion
  case 4: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: index)  // insertion
  case 5:  // a run duplicated
    let end = min(bytes.count, index + Int.random(in: 1...8, using: &rng))
    bytes.insert(contentsOf: bytes[index..<end], at: index)
  default:  // several flips
    for _ in 0..<Int.random(in: 2...5, using: &rng) {
      bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= 1 << UInt8.random(in: 0...7, using: &rng)
    }
  }
  return bytes
}

/// A fully populated message to mutate.
func populatedMessage() -> TestMessage {
  var message = TestMessage()
  message.int32 = -5
  message.int64 = Int64.max
  message.uint32 = 300
  message.uint64 = UInt64.max
  message.sint32 = -300
  message.sint64 = Int64.min
  message.fixed32 = 0xDEAD_BEEF
  message.fixed64 = 1
  message.sfixed32 = -1
  message.sfixed64 = -2
  message.float = -0.0
  message.double = 2.5
  message.bool = true
  message.string = "Làng nghề Bát Tràng"
  message.bytes = [0, 1, 0xFF]
  message.color = .negative
  var inner = TestMessage()
  inner.string = "sâu"
  inner.ints = [1, 2]
  message.child = Child(value: 7, label: "gốm")
  message.child?.child = inner
  message.optionalInt32 = 0
  message.optionalString = "tùy chọn"
  message.ints = [0, 1, -1, 300]
  message.sint64s = [-1, 1]
  message.fixed32s = [1, 2, 3]
  message.strings = ["", "lụa", "tre"]
  message.children = [Child(value: 1), Child(), Child(value: -1, label: "x")]
  message.counts = ["a": 1, "đ": -2, "": 0]
  message.childMap = ["k": Child(value: 3)]
  message.choice = .child(Child(value: 9, label: "chọn"))
  message.unknownFields = UnknownFields(bytes: hex("a0 06 01 a3 06 08 01 a4 06 8a 06 01 ff"))
  return message
}

@Suite("Robustness")
struct RobustnessTests {
  @Test("20,000 random byte strings (0-200 bytes) never crash; accepted ones round-trip")
  func randomBytes() throws {
    var rng = SeededGenerator(seed: 0x4C61_6E67_4E67_6865)  // "LangNghe"
    var violations: [String] = []
    var accepted = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...200, using: &rng)
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
      if case .success = decode(bytes) { accepted += 1 }
      if let violation = roundTripViolation(bytes) { violations.append(violation) }
    }
    #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(3))")
    #expect(accepted > 0)  // short inputs such as [] or a lone valid field do decode
  }

  @Test("20,000 random field sequences never crash; accepted ones round-trip")
  func randomFields() throws {
    var soup = FieldSoup(rng: SeededGenerator(seed: 20_251_130))
    var violations: [String] = []
    var accepted = 0
    for _ in 0..<20_000 {
      let bytes = soup.message(depth: 0)
      if case .success = decode(bytes) { accepted += 1 }
      if let violation = roundTripViolation(bytes) { violations.append(violation) }
    }
    #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(3))")
    #expect(accepted > 1_000)  // the generator mostly produces valid input
  }

  @Test("20,000 mutations of a valid encoding never crash; accepted ones round-trip")
  func mutatedEncodings() throws {
    let seeds = [populatedMessage().serializedBytes(), nestedMessages(100), nestedGroups(100)]
    var rng = SeededGenerator(seed: 42)
    var violations: [String] = []
    for round in 0..<20_000 {
      var bytes = seeds[round % seeds.count]
      for _ in 0..<Int.random(in: 1...3, using: &rng) { bytes = mutate(bytes, using: &rng) }
      if let violation = roundTripViolation(bytes) { violations.append(violation) }
    }
    #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(3))")
  }

  @Test("every single-bit flip of a valid encoding never crashes; accepted ones round-trip")
  func everyBitFlip() throws {
    let bytes = populatedMessage().serializedBytes()
    var violations: [String] = []
    for index in bytes.indices {
      for bit in 0..<8 {
        var flipped = bytes
        flipped[index] ^= UInt8(1) << bit
        if let violation = roundTripViolation(flipped) { violations.append(violation) }
      }
    }
    #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(3))")
  }

  @Test("the populated message round-trips exactly")
  func populated() throws {
    let message = populatedMessage()
    let bytes = message.serializedBytes()
    let decoded = try TestMessage(serializedBytes: bytes)
    #expect(decoded == message)
    #expect(decoded.serializedBytes() == bytes)
  }

  @Test("decoding from caller-owned memory and merging behave like decoding an array")
  func bufferAndMerge() throws {
    let bytes = populatedMessage().serializedBytes()
    let fromBuffer = try bytes.withUnsafeBytes { buffer throws(ProtoDecodingError) in
      try TestMessage(buffer: buffer)
    }
    #expect(fromBuffer == populatedMessage())
    // Merging an encoding twice: repeated fields append, scalars stay, maps keep one entry per key.
    var merged = try TestMessage(serializedBytes: bytes)
    try merged.merge(serializedBytes: bytes)
    #expect(merged.ints == populatedMessage().ints + populatedMessage().ints)
    #expect(merged.counts == populatedMessage().counts)
    #expect(merged.int32 == -5)
  }
}

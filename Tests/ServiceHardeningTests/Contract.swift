import Foundation
import ProtoWire
import RPCStandardServices
import RPCTestSupport

/// The contract as protoc compiled it (`Sources/craftd/Resources/descriptors.binpb`, kept fresh
/// by CI): every message's fields and every method's request type, so the generator below needs
/// no code per method and a method added to Protos/ is covered as soon as a router serves it.
struct Contract: Sendable {
  /// One field of a message.
  struct Field: Sendable {
    var name: String
    var number: Int
    var type: FieldDescriptorProto.FieldType
    var repeated: Bool
    /// The message or enum type, full name without the leading dot.
    var typeName: String
  }

  /// A method's request type and shape.
  struct Method: Sendable {
    var input: String
    var clientStreaming: Bool
  }

  /// Fields by full message name (`craft.catalogue.v1.Listing`).
  var messages: [String: [Field]] = [:]
  /// Methods by `:path` (`/craft.catalogue.v1.CatalogueService/GetListing`).
  var methods: [String: Method] = [:]

  static let shared: Contract = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Sources/craftd/Resources/descriptors.binpb")
    guard let data = try? Data(contentsOf: url), let set = try? FileDescriptorSet(serializedBytes: [UInt8](data))
    else { fatalError("cannot read \(url.path); run Deploy/contract/generate.sh") }
    var contract = Contract()
    for file in set.file {
      let package = file.package ?? ""
      for message in file.messageType { contract.add(message, prefix: package) }
      for service in file.service {
        for method in service.method {
          let path = "/\(package).\(service.name ?? "")/\(method.name ?? "")"
          contract.methods[path] = Method(
            input: String((method.inputType ?? "").drop { $0 == "." }),
            clientStreaming: method.clientStreaming ?? false)
        }
      }
    }
    return contract
  }()

  private mutating func add(_ message: DescriptorProto, prefix: String) {
    let name = "\(prefix).\(message.name ?? "")"
    messages[name] = message.field.map { field in
      Field(
        name: field.name ?? "", number: Int(field.number ?? 0), type: field.type ?? .int32,
        repeated: field.label == .repeated,
        typeName: String((field.typeName ?? "").drop { $0 == "." }))
    }
    for nested in message.nestedType { add(nested, prefix: name) }
  }
}

/// Protobuf bytes written forwards, field by field: the generator also writes what a typed
/// message cannot hold (invalid UTF-8 in a string, out-of-range enums, 10-byte varints).
struct WireBytes {
  var bytes: [UInt8] = []

  mutating func varint(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  mutating func tag(_ field: Int, _ wireType: UInt64) { varint(UInt64(field) << 3 | wireType) }

  mutating func varintField(_ field: Int, _ value: UInt64) {
    tag(field, 0)
    varint(value)
  }

  mutating func fixed(_ field: Int, _ value: UInt64, width: Int) {
    tag(field, width == 4 ? 5 : 1)
    for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
  }

  mutating func lengthDelimited(_ field: Int, _ payload: [UInt8]) {
    tag(field, 2)
    varint(UInt64(payload.count))
    bytes.append(contentsOf: payload)
  }
}

/// Request messages built from the contract: plausible ones (ids of the seeded world, positive
/// quantities, known currencies) and hostile ones (huge, NUL, invalid UTF-8, negative and
/// extreme numbers, unknown enum values, empty required fields).
struct RequestGenerator {
  let contract: Contract
  /// Ids of the seeded world by kind (`producer`, `listing`, `order`, …); ``learnIDs(from:)``
  /// adds the ids of objects the calls create, so later cases reach them.
  var ids: [String: [String]]
  var rng: SeededGenerator
  /// The chance that a field gets a hostile value instead of a plausible one.
  var hostility: Double = 0
  /// The chance that a top-level field is set at all.
  var fieldChance: Double = 0.85
  /// The chance that a field of a nested message is set.
  var nestedFieldChance: Double = 0.6
  /// The chance that an id field names an object of the seeded world.
  var knownIDChance: Double = 0.9
  /// Seconds since 1970 "now", for timestamps in the future.
  let now = UInt64(Date().timeIntervalSince1970)

  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
  mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }

  /// One encoded message of `type`.
  mutating func message(_ type: String, depth: Int = 0) -> [UInt8] {
    var out = WireBytes()
    for field in contract.messages[type] ?? [] {
      guard depth < 5, chance(depth == 0 ? fieldChance : nestedFieldChance) else { continue }
      let count = field.repeated ? Int.random(in: 0...3, using: &rng) : 1
      for _ in 0..<count { value(field, depth: depth, into: &out) }
    }
    return out.bytes
  }

  private mutating func value(_ field: Contract.Field, depth: Int, into out: inout WireBytes) {
    let hostile = chance(hostility)
    let n = field.number
    switch field.type {
    case .string:
      out.lengthDelimited(n, hostile ? hostileString() : Array(plausibleString(field.name).utf8))
    case .bytes:
      out.lengthDelimited(n, (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
    case .message:
      if hostile && chance(0.3) {
        out.lengthDelimited(n, Array(message(field.typeName, depth: depth + 1).prefix(3)))  // cut short
      } else {
        out.lengthDelimited(n, message(field.typeName, depth: depth + 1))
      }
    case .enum:
      out.varintField(n, hostile ? pick([999, UInt64(bitPattern: -1), UInt64(Int32.max)]) : UInt64.random(in: 0...5, using: &rng))
    case .bool:
      out.varintField(n, hostile ? pick([2, UInt64.max]) : UInt64.random(in: 0...1, using: &rng))
    case .int32, .int64, .uint32, .uint64:
      out.varintField(n, UInt64(bitPattern: hostile ? hostileInteger() : plausibleInteger(field.name)))
    case .sint32, .sint64:
      let value = hostile ? hostileInteger() : plausibleInteger(field.name)
      out.varintField(n, UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    case .fixed32, .sfixed32:
      out.fixed(n, UInt64(bitPattern: hostile ? hostileInteger() : plausibleInteger(field.name)), width: 4)
    case .float:
      let value: Float = hostile ? pick([.nan, .infinity, -.infinity, -1e30]) : Float.random(in: 0...1000, using: &rng)
      out.fixed(n, UInt64(value.bitPattern), width: 4)
    case .fixed64, .sfixed64:
      out.fixed(n, UInt64(bitPattern: hostile ? hostileInteger() : plausibleInteger(field.name)), width: 8)
    case .double:
      let value: Double = hostile ? pick([.nan, .infinity, -.infinity, -1e300, .leastNonzeroMagnitude]) : Double.random(in: 0...1000, using: &rng)
      out.fixed(n, value.bitPattern, width: 8)
    default:
      break
    }
  }

  private mutating func plausibleString(_ name: String) -> String {
    if name == "request_id" || name == "idempotency_key" { return "req-\(rng.next() % 1_000_000)" }
    if name == "id" || name.hasSuffix("_id") || name.hasSuffix("_ids") {
      let kinds = ids.keys.sorted().filter { name.contains($0) }
      let pool = kinds.isEmpty ? ids.values.flatMap { $0 } : kinds.flatMap { ids[$0] ?? [] }
      return chance(knownIDChance) && !pool.isEmpty ? pick(pool) : "x-\(rng.next() % 1000)"
    }
    if name.contains("currency") { return pick(["USD", "EUR", "VND"]) }
    if name.contains("country") || name.contains("market") { return pick(["US", "DE", "JP"]) }
    if name.contains("hs_code") { return pick(["4602", "460212", "6912.00"]) }
    if name.contains("email") { return "buyer@example.com" }
    if name == "page_token" { return "" }
    if name == "sku" { return "SKU-\(rng.next() % 100_000)" }
    return pick(["Giỏ mây đan tay", "rattan basket", "Bát Tràng", "Hải Phòng", "FOB", "ok"])
  }

  private mutating func plausibleInteger(_ name: String) -> Int64 {
    switch name {
    case "page_size": return Int64.random(in: 0...60, using: &rng)
    case "expected_version", "version": return Int64.random(in: 0...4, using: &rng)
    case "year": return Int64.random(in: 2026...2030, using: &rng)
    case "month": return Int64.random(in: 1...12, using: &rng)
    case "day": return Int64.random(in: 1...28, using: &rng)
    case "seconds": return Int64(now) + Int64.random(in: 3_600...(90 * 86_400), using: &rng)
    case "nanos", "after_seq": return Int64.random(in: 0...20, using: &rng)
    default:
      if name.contains("percent") { return Int64.random(in: 0...100, using: &rng) }
      return Int64.random(in: 1...1_000, using: &rng)
    }
  }

  private mutating func hostileInteger() -> Int64 {
    pick([0, -1, Int64.min, Int64.max, Int64(Int32.min), Int64(Int32.max), Int64(UInt32.max), -86_400, 1 << 53])
  }

  private mutating func hostileString() -> [UInt8] {
    switch Int.random(in: 0..<13, using: &rng) {
    case 0: return []
    case 1: return Array(String(repeating: "x", count: pick([300, 5_000, 70_000])).utf8)
    case 2: return [0]
    case 3: return Array("a\u{0}b".utf8)
    case 4: return [0xFF, 0xFE, 0xC3]  // not UTF-8: the decoder must refuse it
    case 5: return Array("'; DROP TABLE listing; --".utf8)
    case 6: return Array("../../etc/passwd%s%n".utf8)
    case 7: return Array("\u{202E}🏺\u{0301}\u{FEFF}".utf8)
    case 8: return Array("99999999999999999999999".utf8)
    case 9: return Array(" \(pick(ids.values.flatMap { $0 })) ".utf8)
    case 10: return Array(pick(["AAAA", "////", "LTE=", "ZmZmZiwtMQ==", "=", "%%"]).utf8)  // page tokens
    case 11: return Array(String(repeating: "đ", count: 2_000).utf8)
    default: return Array("-1".utf8)
    }
  }

  /// `bytes` with a few bits flipped, cut short, or with junk inserted.
  mutating func corrupt(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    switch Int.random(in: 0..<3, using: &rng) {
    case 0 where !bytes.isEmpty:
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let index = Int.random(in: 0..<bytes.count, using: &rng)
        bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &rng)
      }
    case 1 where !bytes.isEmpty:
      bytes.removeLast(Int.random(in: 1...bytes.count, using: &rng))
    default:
      let index = Int.random(in: 0...bytes.count, using: &rng)
      bytes.insert(contentsOf: randomBytes(maxCount: 12), at: index)
    }
    return bytes
  }

  /// Up to `maxCount` random bytes.
  mutating func randomBytes(maxCount: Int) -> [UInt8] {
    (0..<Int.random(in: 0...maxCount, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
  }
}

extension RequestGenerator {
  /// The kinds of the services' generated ids by prefix (`newID("rfq")` → `rfq-…`).
  static let idKinds = [
    "byr": "buyer", "g": "group", "int": "introduction", "l": "listing", "o": "order",
    "p": "producer", "q": "quote", "rfq": "rfq",
  ]

  /// Adds the generated ids found anywhere in a response to the pool (at most 16 per kind,
  /// newest kept).
  mutating func learnIDs(from response: [UInt8]) {
    for text in Self.strings(in: response[...], depth: 0) {
      let parts = text.split(separator: "-")
      guard parts.count == 2, [12, 20].contains(parts[1].count), let kind = Self.idKinds[String(parts[0])],
        parts[1].allSatisfy({ $0.isLowercase || $0.isNumber })
      else { continue }
      var pool = ids[kind] ?? []
      if !pool.contains(text) { pool.append(text) }
      ids[kind] = Array(pool.suffix(16))
    }
  }

  /// Every length-delimited payload in `bytes` that is UTF-8, looking into nested messages.
  private static func strings(in bytes: ArraySlice<UInt8>, depth: Int) -> [String] {
    var found: [String] = []
    var index = bytes.startIndex
    func varint() -> UInt64? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while index < bytes.endIndex, shift < 64 {
        let byte = bytes[index]
        index += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
      return nil
    }
    while index < bytes.endIndex, let tag = varint() {
      switch tag & 7 {
      case 0: guard varint() != nil else { return found }
      case 1: index += 8
      case 5: index += 4
      case 2:
        guard let length = varint(), length <= UInt64(bytes.endIndex - index) else { return found }
        let payload = bytes[index..<index + Int(length)]
        index += Int(length)
        if let text = String(validating: payload, as: UTF8.self) { found.append(text) }
        if depth < 4 { found += strings(in: payload, depth: depth + 1) }
      default: return found
      }
    }
    return found
  }
}

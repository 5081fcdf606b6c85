/// gRPC custom metadata: an ordered multimap from lowercase keys to ASCII or binary values.
///
/// Keys are normalised to lowercase on insertion, so lookups are case-insensitive. Keys ending
/// in `-bin` carry binary values, base64-encoded on the wire (unpadded on output; padded and
/// unpadded accepted on input). Mutation never traps: metadata is often echoed from what a peer
/// sent, so validity is checked where it matters — when the transport puts entries on the wire
/// (`forEachHeaderToSend`, which skips reserved and invalid entries) and when it reads them
/// (`appendReceivedHeader`).
///
/// Storage is one array of entries; an empty `Metadata` allocates nothing.
public struct Metadata: Hashable, Sendable, ExpressibleByDictionaryLiteral, CustomStringConvertible
{
  /// A metadata value: text for ordinary keys, bytes for `-bin` keys.
  public enum Value: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// A printable-ASCII value (0x20–0x7E on the wire).
    case string(String)
    /// A binary value, for keys ending in `-bin`.
    case binary([UInt8])

    /// A text value from a literal.
    public init(stringLiteral value: String) { self = .string(value) }

    public var description: String {
      switch self {
      case .string(let text): text
      case .binary(let bytes): "<\(bytes.count) bytes: \(Base64.encode(bytes))>"
      }
    }
  }

  /// One key–value pair.
  public struct Entry: Hashable, Sendable {
    /// The key, lowercase.
    public var key: String
    /// The value.
    public var value: Value
  }

  @usableFromInline var entries: [Entry]

  /// Empty metadata.
  @inlinable
  public init() { entries = [] }

  /// Metadata from literal pairs, in order: `["x-trace": "abc", "token-bin": .binary(bytes)]`.
  public init(dictionaryLiteral elements: (String, Value)...) {
    entries = []
    // `[:]` is the common case (default arguments, "no metadata"): reserving 0 still takes
    // the array's slow path.
    guard !elements.isEmpty else { return }
    entries.reserveCapacity(elements.count)
    for (key, value) in elements { add(value, forKey: key) }
  }

  /// The number of entries (a key with several values counts several times).
  @inlinable public var count: Int { entries.count }
  /// True when there are no entries.
  @inlinable public var isEmpty: Bool { entries.isEmpty }

  // MARK: Mutation

  /// Appends a text value. Use `addBinary` for `-bin` keys.
  public mutating func addString(_ value: String, forKey key: String) {
    entries.append(Entry(key: Self.normalize(key), value: .string(value)))
  }

  /// Appends a binary value; `key` should end in `-bin` (otherwise it is not sent).
  public mutating func addBinary(_ value: [UInt8], forKey key: String) {
    entries.append(Entry(key: Self.normalize(key), value: .binary(value)))
  }

  /// Appends an entry.
  public mutating func add(_ value: Value, forKey key: String) {
    entries.append(Entry(key: Self.normalize(key), value: value))
  }

  /// Appends all entries of `other`.
  public mutating func add(contentsOf other: Metadata) {
    entries.append(contentsOf: other.entries)
  }

  /// Replaces every value of `key` with one text value.
  public mutating func replaceOrAddString(_ value: String, forKey key: String) {
    let key = Self.normalize(key)
    entries.removeAll { $0.key == key }
    entries.append(Entry(key: key, value: .string(value)))
  }

  /// Removes every value of `key`; returns whether any was there.
  @discardableResult
  public mutating func removeAllValues(forKey key: String) -> Bool {
    let key = Self.normalize(key)
    let before = entries.count
    entries.removeAll { $0.key == key }
    return entries.count != before
  }

  // MARK: Lookup

  /// The first text value of `key` (binary values are skipped).
  public subscript(key: String) -> String? {
    let key = Self.normalize(key)
    for entry in entries where entry.key == key {
      if case .string(let text) = entry.value { return text }
    }
    return nil
  }

  /// Every value of `key`, in order.
  public func values(forKey key: String) -> [Value] {
    let key = Self.normalize(key)
    return entries.lazy.filter { $0.key == key }.map(\.value)
  }

  /// Every text value of `key`, in order.
  public func stringValues(forKey key: String) -> [String] {
    values(forKey: key).compactMap { if case .string(let s) = $0 { s } else { nil } }
  }

  /// Every binary value of `key`, in order.
  public func binaryValues(forKey key: String) -> [[UInt8]] {
    values(forKey: key).compactMap { if case .binary(let b) = $0 { b } else { nil } }
  }

  /// Whether `key` has at least one value.
  public func contains(key: String) -> Bool {
    let key = Self.normalize(key)
    return entries.contains { $0.key == key }
  }

  public var description: String {
    "[" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
  }
}

extension Metadata: RandomAccessCollection {
  public typealias Index = Int
  @inlinable public var startIndex: Int { entries.startIndex }
  @inlinable public var endIndex: Int { entries.endIndex }
  @inlinable public subscript(position: Int) -> Entry { entries[position] }
}

// MARK: - Validation and the wire

extension Metadata {
  /// Lowercases ASCII letters; returns `key` itself (no copy) when it is already lowercase.
  @usableFromInline
  static func normalize(_ key: String) -> String {
    let hasUpper =
      key.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { $0 &- 0x41 < 26 } }
      ?? key.utf8.contains { $0 &- 0x41 < 26 }
    guard hasUpper else { return key }
    return String(
      decoding: key.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// Whether `key` is a valid custom-metadata name: `1*( 0-9 / a-z / "_" / "-" / "." )`.
  public static func isValidKey(_ key: String) -> Bool {
    key.utf8.withContiguousStorageIfAvailable(isValidKey) ?? isValidKey(Array(key.utf8))
  }

  private static func isValidKey(_ bytes: some Collection<UInt8>) -> Bool {
    guard !bytes.isEmpty else { return false }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
        continue
      default:
        return false
      }
    }
    return true
  }

  /// Whether `value` is a valid ASCII value: space and printable ASCII (0x20–0x7E) only.
  public static func isValidASCIIValue(_ value: String) -> Bool {
    value.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
  }

  /// Whether `key` names a binary header.
  @inlinable
  public static func isBinaryKey(_ key: String) -> Bool {
    key.utf8.count > 4 && key.hasSuffix("-bin")
  }

  /// Keys the transport owns and never takes from application metadata: pseudo-headers,
  /// every `grpc-` key but `grpc-status-details-bin` (the rich error status, which the
  /// application sets in its trailers), `content-type`, `te`, and HTTP/1 connection headers
  /// HTTP/2 forbids.
  public static func isReserved(key: String) -> Bool {
    // Byte comparisons: `hasPrefix` goes through Unicode-aware comparison.
    let utf8 = key.utf8
    if let first = utf8.first {
      if first == UInt8(ascii: ":") { return true }
      if first == UInt8(ascii: "g"), utf8.starts(with: "grpc-".utf8) {
        return !utf8.elementsEqual("grpc-status-details-bin".utf8)
      }
    }
    // By length first: most keys then need no comparison at all, and a `switch` over the
    // eight names compared each in turn (`String ==` of unequal strings is not a `memcmp`).
    func spells(_ name: StaticString) -> Bool {
      utf8.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
    switch utf8.count {
    case 2: return spells("te")
    case 4: return spells("host")
    case 7: return spells("upgrade")
    case 10: return spells("connection") || spells("keep-alive")
    case 12: return spells("content-type")
    case 16: return spells("proxy-connection")
    case 17: return spells("transfer-encoding")
    default: return false
    }
  }

  /// Calls `body` with each entry as an HTTP/2 header (name, value), skipping reserved keys
  /// and entries that are not valid on the wire; binary values are base64-encoded, unpadded.
  /// Transports use this to emit application metadata.
  public func forEachHeaderToSend(_ body: (_ name: String, _ value: String) throws -> Void)
    rethrows
  {
    for entry in entries {
      guard Self.isValidKey(entry.key), !Self.isReserved(key: entry.key) else { continue }
      switch entry.value {
      case .string(let text):
        guard !Self.isBinaryKey(entry.key), Self.isValidASCIIValue(text) else { continue }
        try body(entry.key, text)
      case .binary(let bytes):
        guard Self.isBinaryKey(entry.key) else { continue }
        try body(entry.key, Base64.encode(bytes))
      }
    }
  }

  /// Adds one header received from the peer. `-bin` values are split on `,` (the spec lets
  /// proxies join duplicates) and base64-decoded, padded or not. Returns false, adding nothing,
  /// for an invalid name or undecodable binary value. Reserved keys are added as given: the
  /// transport decides which headers it passes on.
  @discardableResult
  public mutating func appendReceivedHeader(name: String, value: String) -> Bool {
    appendReceivedHeader(lowercaseName: Self.normalize(name), value: value)
  }

  /// `appendReceivedHeader(name:value:)` for a name known to be lowercase already (HTTP/2
  /// requires it, and nghttp2 rejects other names), which skips normalising it.
  @discardableResult
  package mutating func appendReceivedHeader(lowercaseName key: String, value: String) -> Bool {
    guard Self.isValidKey(key) || key.hasPrefix(":") else { return false }
    guard Self.isBinaryKey(key) else {
      entries.append(Entry(key: key, value: .string(value)))
      return true
    }
    var decoded: [[UInt8]] = []
    for part in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
      guard let bytes = Base64.decode(trimmingSpaces(part)) else { return false }
      decoded.append(bytes)
    }
    for bytes in decoded { entries.append(Entry(key: key, value: .binary(bytes))) }
    return true
  }

  /// Makes room for `count` entries at once: a transport that knows how many fields a request
  /// carries allocates the storage once instead of growing it field by field.
  package mutating func reserveCapacity(_ count: Int) {
    entries.reserveCapacity(count)
  }

  /// Appends a received text value under a key the transport knows is a valid, lowercase,
  /// non-binary custom-metadata key (e.g. `user-agent`), with no checks.
  package mutating func appendReceivedText(validKey key: String, value: String) {
    entries.append(Entry(key: key, value: .string(value)))
  }

  private func trimmingSpaces(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
    var slice = bytes
    while let first = slice.first, first == UInt8(ascii: " ") { slice = slice.dropFirst() }
    while let last = slice.last, last == UInt8(ascii: " ") { slice = slice.dropLast() }
    return slice
  }
}

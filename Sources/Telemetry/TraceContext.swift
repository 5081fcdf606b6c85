/// The W3C Trace Context of the call being served (https://www.w3.org/TR/trace-context/):
/// a trace id shared by every call of one request across services, and this call's own span.
///
/// The server side takes the caller's `traceparent` (or starts a fresh trace when there is none
/// or it is invalid: tracing never fails a call), gives the call a new span id, and binds the
/// result to the handler's task (``current``). Calls the handler makes to other services send
/// the same trace id with this span as their parent (``TracePropagationInterceptor``).
public struct TraceContext: Sendable, Hashable {
  /// 16 bytes as 32 lowercase hex digits; never all zero.
  public let traceID: String
  /// This call's span: 8 bytes as 16 lowercase hex digits; never all zero.
  public let spanID: String
  /// The caller's span, when the caller sent a valid `traceparent`.
  public let parentID: String?
  /// The trace flags byte (bit 0: sampled), carried through unchanged.
  public let flags: UInt8

  /// The metadata key, lowercase as HTTP/2 sends it.
  public static let headerName = "traceparent"

  /// The trace of the call this task serves, if any.
  @TaskLocal public static var current: TraceContext?

  /// A context from its parts; ids must already be valid (see ``parse(_:)``).
  init(traceID: String, spanID: String, parentID: String?, flags: UInt8) {
    self.traceID = traceID
    self.spanID = spanID
    self.parentID = parentID
    self.flags = flags
  }

  /// A new root: fresh trace id and span id, sampled.
  public static func fresh() -> TraceContext {
    TraceContext(traceID: randomHex(words: 2), spanID: randomHex(words: 1), parentID: nil, flags: 1)
  }

  /// The context of a call whose caller sent `header`: the caller's trace with a new span, or a
  /// fresh trace when `header` is missing or invalid.
  public static func continuing(_ header: String?) -> TraceContext {
    guard let header, let parent = TraceParent.parse(header) else { return fresh() }
    return TraceContext(
      traceID: parent.traceID, spanID: randomHex(words: 1), parentID: parent.parentID,
      flags: parent.flags)
  }

  /// The `traceparent` this span sends on calls it makes: same trace, this span as the parent.
  public var outgoingHeader: String {
    TraceParent(traceID: traceID, parentID: spanID, flags: flags).header
  }

  /// `words` random 64-bit words as hex, never all zero (the spec reserves all-zero ids as
  /// invalid). A word per `next()`: one system call, not one per byte.
  static func randomHex(words: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    while true {
      let first = generator.next()
      let second = words > 1 ? generator.next() : 0
      if first != 0 || second != 0 {
        return words > 1 ? hex(first) + hex(second) : hex(first)
      }
    }
  }

  /// 16 lowercase hex digits.
  static func hex(_ word: UInt64) -> String {
    String(unsafeUninitializedCapacity: 16) { buffer in
      for index in 0..<16 {
        let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * index)) & 0x0f
        buffer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
      }
      return 16
    }
  }

  /// 2 lowercase hex digits.
  static func hex(_ byte: UInt8) -> String {
    String(hex(UInt64(byte)).suffix(2))
  }
}

/// A parsed `traceparent` header: `version-traceid-parentid-flags`, version `00`.
public struct TraceParent: Sendable, Hashable {
  /// 32 lowercase hex digits.
  public let traceID: String
  /// 16 lowercase hex digits: the caller's span.
  public let parentID: String
  /// The trace flags byte.
  public let flags: UInt8

  /// The header text, version 00.
  public var header: String {
    "00-\(traceID)-\(parentID)-\(TraceContext.hex(flags))"
  }

  /// Parses a header, or `nil` when it is not a valid version-00 `traceparent`: lowercase hex
  /// fields of the exact lengths, a trace id and a parent id that are not all zero, version
  /// `ff` refused. A higher version is read by its first four fields, as the spec asks of a
  /// version-00 parser, provided the text after them starts with `-`.
  public static func parse(_ header: String) -> TraceParent? {
    let text = Array(header.utf8)
    // 2 + 1 + 32 + 1 + 16 + 1 + 2 = 55 bytes for version 00.
    guard text.count >= 55 else { return nil }
    func isHex(_ range: Range<Int>) -> Bool {
      range.allSatisfy { (0x30...0x39).contains(text[$0]) || (0x61...0x66).contains(text[$0]) }
    }
    guard isHex(0..<2), text[2] == 0x2d, isHex(3..<35), text[35] == 0x2d, isHex(36..<52),
      text[52] == 0x2d, isHex(53..<55)
    else { return nil }
    let version = String(decoding: text[0..<2], as: UTF8.self)
    if version == "ff" { return nil }
    if version == "00" {
      guard text.count == 55 else { return nil }
    } else if text.count > 55, text[55] != 0x2d {
      return nil
    }
    let traceID = String(decoding: text[3..<35], as: UTF8.self)
    let parentID = String(decoding: text[36..<52], as: UTF8.self)
    guard traceID.contains(where: { $0 != "0" }), parentID.contains(where: { $0 != "0" }),
      let flags = UInt8(String(decoding: text[53..<55], as: UTF8.self), radix: 16)
    else { return nil }
    return TraceParent(traceID: traceID, parentID: parentID, flags: flags)
  }
}

internal import ProtoWire
internal import RPCCore

/// An opaque page token: a position (an offset into a ranking, or the last key of an ordered
/// list) plus a fingerprint of the request it belongs to, so a token reused with other
/// parameters is refused (`INVALID_ARGUMENT`) instead of paging through another result.
struct PageToken: Equatable {
  /// FNV-1a of the request with `page_token` and `page_size` cleared.
  var fingerprint: UInt64
  /// Where the previous page ended.
  var position: String

  func encoded() -> String {
    Base64.encode(Array((String(fingerprint, radix: 16) + ":" + position).utf8))
  }

  /// The position `token` carries (`nil` for an empty token, i.e. the first page).
  static func position(_ token: String, fingerprint: UInt64) throws(MatchingError) -> String? {
    guard !token.isEmpty else { return nil }
    let invalid = MatchingError.invalidArgument(
      field: "page_token", reason: "not a token of this request; start again without one")
    guard let bytes = Base64.decode(Array(token.utf8)) else { throw invalid }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let colon = text.firstIndex(of: ":"),
      let print = UInt64(text[..<colon], radix: 16), print == fingerprint
    else { throw invalid }
    return String(text[text.index(after: colon)...])
  }

  /// The offset `token` carries (0 for the first page).
  static func offset(_ token: String, fingerprint: UInt64) throws(MatchingError) -> Int {
    guard let position = try position(token, fingerprint: fingerprint) else { return 0 }
    guard let offset = Int(position), offset >= 0 else {
      throw .invalidArgument(field: "page_token", reason: "malformed")
    }
    return offset
  }

  /// The fingerprint of a request: FNV-1a 64 of its encoding.
  static func fingerprint(_ message: some ProtoMessage) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in message.serializedBytes() {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}

/// Page sizes: 0 → the default; larger than the maximum → the maximum; negative → invalid.
func effectivePageSize(_ requested: Int32, default defaultSize: Int = 50, maximum: Int = 500)
  throws(MatchingError) -> Int
{
  if requested < 0 {
    throw .invalidArgument(field: "page_size", reason: "must not be negative")
  }
  if requested == 0 { return defaultSize }
  return min(Int(requested), maximum)
}

/// Fresh opaque ids: a prefix and 12 random hex digits ("rfq-3f9a0c…").
func newID(_ prefix: String) -> String {
  var id = prefix + "-"
  for _ in 0..<6 {
    let byte = UInt8.random(in: 0...255)
    id += byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
  }
  return id
}

/// A stable id for a value: FNV-1a 64 of its UTF-8, in hex.
func stableHash(_ text: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  return String(hash, radix: 16)
}

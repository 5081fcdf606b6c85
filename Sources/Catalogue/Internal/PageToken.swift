internal import ProtoWire
internal import RPCCore
internal import Storage

/// An opaque page token: where the previous page ended (keyset values), plus a fingerprint
/// of the request it belongs to, so a token reused with other parameters is refused
/// (`INVALID_ARGUMENT`) instead of silently paging through a different result.
///
/// Encoded as base64 of a small text form; clients must treat it as opaque.
struct PageToken: Equatable {
  /// FNV-1a of the request with `page_token` and `page_size` cleared.
  var fingerprint: UInt64
  /// The keyset position and any values fixed at the first page (e.g. the row cap).
  var values: [SQLValue]

  func encoded() -> String {
    var parts = [String(fingerprint, radix: 16)]
    for value in values {
      switch value {
      case .integer(let v): parts.append("i" + String(v))
      case .real(let v): parts.append("r" + String(v.bitPattern, radix: 16))
      case .text(let v): parts.append("t" + Base64.encode(Array(v.utf8)))
      case .null, .blob: parts.append("n")
      }
    }
    return Base64.encode(Array(parts.joined(separator: ",").utf8))
  }

  /// Decodes `token` and checks it belongs to a request with `fingerprint` and carries
  /// `count` values.
  /// The id a page of an id-ordered list ends at (`""` for the first page).
  static func lastID(_ token: String, fingerprint: UInt64) throws(CatalogueError) -> String {
    guard !token.isEmpty else { return "" }
    let decoded = try decode(token, fingerprint: fingerprint, count: 1)
    guard case .text(let id) = decoded.values[0] else {
      throw CatalogueError.invalidArgument(field: "page_token", reason: "malformed")
    }
    return id
  }

  static func decode(_ token: String, fingerprint: UInt64, count: Int) throws(CatalogueError)
    -> PageToken
  {
    let invalid = CatalogueError.invalidArgument(
      field: "page_token", reason: "not a token of this request; start again without one")
    guard let bytes = Base64.decode(Array(token.utf8)) else { throw invalid }
    let parts = String(decoding: bytes, as: UTF8.self).split(
      separator: ",", omittingEmptySubsequences: false)
    guard parts.count == count + 1, let print = UInt64(parts[0], radix: 16), print == fingerprint
    else { throw invalid }
    var values: [SQLValue] = []
    for part in parts.dropFirst() {
      guard let tag = part.first else { throw invalid }
      let body = part.dropFirst()
      switch tag {
      case "i":
        guard let v = Int64(body) else { throw invalid }
        values.append(.integer(v))
      case "r":
        guard let bits = UInt64(body, radix: 16) else { throw invalid }
        values.append(.real(Double(bitPattern: bits)))
      case "t":
        guard let text = Base64.decode(Array(body.utf8)) else { throw invalid }
        values.append(.text(String(decoding: text, as: UTF8.self)))
      case "n": values.append(.null)
      default: throw invalid
      }
    }
    return PageToken(fingerprint: print, values: values)
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
  throws(CatalogueError) -> Int
{
  if requested < 0 {
    throw .invalidArgument(field: "page_size", reason: "must not be negative")
  }
  if requested == 0 { return defaultSize }
  return min(Int(requested), maximum)
}

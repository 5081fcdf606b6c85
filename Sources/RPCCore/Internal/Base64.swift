/// RFC 4648 §4 base64 for `-bin` metadata, without Foundation.
///
/// Encoding is unpadded, as PROTOCOL-HTTP2.md recommends; decoding accepts both padded and
/// unpadded input and rejects anything else (bad characters, impossible lengths, stray `=`).
package enum Base64 {
  private static let alphabet: [UInt8] = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// 0–63 for alphabet bytes, 0xFF otherwise.
  private static let reverse: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  /// The unpadded base64 text of `bytes`.
  package static func encode(_ bytes: [UInt8]) -> String {
    let fullGroups = bytes.count / 3
    let remainder = bytes.count % 3
    let outputCount = fullGroups * 4 + (remainder == 0 ? 0 : remainder + 1)
    return String(unsafeUninitializedCapacity: outputCount) { out in
      alphabet.withUnsafeBufferPointer { table in
        var o = 0
        var i = 0
        while i + 3 <= bytes.count {
          let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
          out[o] = table[Int(n >> 18 & 63)]
          out[o + 1] = table[Int(n >> 12 & 63)]
          out[o + 2] = table[Int(n >> 6 & 63)]
          out[o + 3] = table[Int(n & 63)]
          o += 4
          i += 3
        }
        if remainder == 1 {
          let n = UInt32(bytes[i]) << 16
          out[o] = table[Int(n >> 18 & 63)]
          out[o + 1] = table[Int(n >> 12 & 63)]
          o += 2
        } else if remainder == 2 {
          let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
          out[o] = table[Int(n >> 18 & 63)]
          out[o + 1] = table[Int(n >> 12 & 63)]
          out[o + 2] = table[Int(n >> 6 & 63)]
          o += 3
        }
        return o
      }
    }
  }

  /// Decodes padded or unpadded base64; `nil` if the text is not base64.
  package static func decode<C: Collection<UInt8>>(_ text: C) -> [UInt8]? {
    var input = Array(text)
    // Strip at most two padding characters, and only when they complete a 4-character group.
    if input.count % 4 == 0, input.last == UInt8(ascii: "=") {
      input.removeLast()
      if input.last == UInt8(ascii: "=") { input.removeLast() }
    }
    if input.count % 4 == 1 { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for byte in input {
      let value = reverse[Int(byte)]
      if value == 0xFF { return nil }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    // Leftover bits (non-zero only from sloppy encoders) are ignored, as Go and Java do.
    return output
  }
}

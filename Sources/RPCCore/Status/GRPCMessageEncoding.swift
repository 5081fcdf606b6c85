/// Percent-encoding of the `grpc-message` value (PROTOCOL-HTTP2.md, "Status-Message").
///
/// The message is UTF-8, then every byte outside 0x20–0x7E, and `%` itself, becomes `%XX`
/// (uppercase hex). Decoding never fails: a broken `%` sequence is kept as-is and invalid UTF-8
/// becomes U+FFFD, as the spec asks ("MUST NOT error or throw away the message").
public enum GRPCMessageEncoding {
  private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

  @inline(__always)
  private static func needsEncoding(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "%")
  }

  /// The percent-encoded form of `message`; returns `message` itself when nothing needs encoding.
  public static func encode(_ message: String) -> String {
    let utf8 = message.utf8
    var extra = 0
    for byte in utf8 where needsEncoding(byte) { extra += 2 }
    if extra == 0 { return message }
    return String(unsafeUninitializedCapacity: utf8.count + extra) { out in
      var o = 0
      for byte in utf8 {
        if needsEncoding(byte) {
          out[o] = UInt8(ascii: "%")
          out[o + 1] = hex[Int(byte >> 4)]
          out[o + 2] = hex[Int(byte & 0xF)]
          o += 3
        } else {
          out[o] = byte
          o += 1
        }
      }
      return o
    }
  }

  @inline(__always)
  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }

  /// The message a `grpc-message` value carries. Valid `%XX` sequences are decoded (lowercase
  /// hex is accepted too); anything else is kept literally.
  public static func decode(_ value: String) -> String {
    let utf8 = value.utf8
    guard utf8.contains(UInt8(ascii: "%")) else { return value }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var iterator = Array(utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let high = hexValue(iterator[iterator.startIndex]),
        let low = hexValue(iterator[iterator.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        iterator = iterator.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

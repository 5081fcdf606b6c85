internal import CSQLite3

/// Folds text for search: lower-case, tone marks and other diacritics removed, `đ`/`Đ` → `d`.
///
/// "Mây tre đan Phú Vinh" → "may tre dan phu vinh", "ĐỒNG" → "dong". Index and query go
/// through the same function, so a buyer typing without diacritics finds the Vietnamese text.
///
/// Why not only FTS5's `unicode61 remove_diacritics 2`? It strips combining marks, but `đ` is a
/// letter of its own (U+0111, no decomposition), so "dan" would never match "đan". The fold
/// handles both precomposed (NFC) and decomposed (NFD, e.g. from macOS keyboards) input.
///
/// Two ways to use it:
/// - in Swift: `VietnameseFolding.fold(userText)`;
/// - in SQL: every ``Connection`` registers a deterministic, innocuous `fold(text)` function, so
///   a view or trigger can index `fold(new.title)` (see ``FTSQuery`` for the query side).
///
/// Pure Swift on UTF-8 bytes, no Foundation: ASCII that is already lower-case is returned as is
/// without allocating; other Latin letters go through two small lookup tables; scripts outside
/// Latin are only lower-cased.
public enum VietnameseFolding {
  /// The folded form of `text`.
  public static func fold(_ text: String) -> String {
    var text = text
    let folded: String? = text.withUTF8 { utf8 in
      if isFoldedASCII(utf8) { return nil }
      var output: [UInt8] = []
      output.reserveCapacity(utf8.count)
      fold(utf8: utf8, into: &output)
      return String(decoding: output, as: UTF8.self)
    }
    return folded ?? text
  }

  /// Whether `utf8` is ASCII with no upper-case letter, i.e. already folded.
  @inline(__always)
  static func isFoldedASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in utf8 where byte >= 0x80 || byte &- 0x41 < 26 { return false }
    return true
  }

  /// Appends the folded form of `input` (UTF-8, possibly ill-formed: SQLite does not validate)
  /// to `output`. Ill-formed sequences become U+FFFD.
  static func fold(utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    let count = input.count
    var index = 0
    while index < count {
      let lead = input[index]
      if lead < 0x80 {
        output.append(lead &- 0x41 < 26 ? lead | 0x20 : lead)
        index += 1
        continue
      }
      guard let (scalar, length) = decodeScalar(input, at: index, lead: lead) else {
        output.append(contentsOf: [0xEF, 0xBF, 0xBD] as [UInt8])
        index += 1
        continue
      }
      appendFolded(
        scalar, original: UnsafeBufferPointer(rebasing: input[index..<index + length]), to: &output)
      index += length
    }
  }

  @inline(__always)
  private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  /// Decodes one multi-byte UTF-8 sequence, rejecting overlong forms and surrogates.
  private static func decodeScalar(
    _ input: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8
  ) -> (UInt32, Int)? {
    let remaining = input.count - index
    if lead >= 0xC2 && lead <= 0xDF {
      guard remaining >= 2, isContinuation(input[index + 1]) else { return nil }
      return (UInt32(lead & 0x1F) << 6 | UInt32(input[index + 1] & 0x3F), 2)
    }
    if lead & 0xF0 == 0xE0 {
      guard remaining >= 3, isContinuation(input[index + 1]), isContinuation(input[index + 2])
      else { return nil }
      let value =
        UInt32(lead & 0x0F) << 12 | UInt32(input[index + 1] & 0x3F) << 6
        | UInt32(input[index + 2] & 0x3F)
      guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
      return (value, 3)
    }
    if lead >= 0xF0 && lead <= 0xF4 {
      guard remaining >= 4, isContinuation(input[index + 1]), isContinuation(input[index + 2]),
        isContinuation(input[index + 3])
      else { return nil }
      let value =
        UInt32(lead & 0x07) << 18 | UInt32(input[index + 1] & 0x3F) << 12
        | UInt32(input[index + 2] & 0x3F) << 6 | UInt32(input[index + 3] & 0x3F)
      guard value >= 0x10000, value <= 0x10FFFF else { return nil }
      return (value, 4)
    }
    return nil
  }

  private static func appendFolded(
    _ value: UInt32, original: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]
  ) {
    switch value {
    // Combining marks (tone marks typed as separate code points, NFD input): dropped.
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
      return
    case 0x00C0..<0x0250:
      let base = latinTable[Int(value) - 0xC0]
      if base != 0 {
        output.append(base)
        return
      }
    case 0x1E00..<0x1F00:
      let base = latinExtendedAdditionalTable[Int(value) - 0x1E00]
      if base != 0 {
        output.append(base)
        return
      }
    default:
      break
    }
    switch value {
    case 0xC6, 0xE6: output.append(contentsOf: "ae".utf8)  // Æ æ
    case 0x152, 0x153: output.append(contentsOf: "oe".utf8)  // Œ œ
    case 0xDF: output.append(contentsOf: "ss".utf8)  // ß
    case 0xDE, 0xFE: output.append(contentsOf: "th".utf8)  // Þ þ
    case 0x132, 0x133: output.append(contentsOf: "ij".utf8)  // Ĳ ĳ
    default:
      if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
        output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else {
        output.append(contentsOf: original)
      }
    }
  }

  /// Registers `fold(text)` on a connection. Deterministic (same input, same output, so it may
  /// appear in indexes and generated columns) and innocuous (no side effects, so it may run in
  /// triggers and views even with `trusted_schema=OFF`). `NULL` folds to `NULL`.
  static func register(on db: OpaquePointer) throws {
    let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
    let rc = sqlite3_create_function_v2(
      db, "fold", 1, flags, nil,
      { context, _, arguments in
        guard let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL,
          let text = sqlite3_value_text(argument)
        else {
          sqlite3_result_null(context)
          return
        }
        let input = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(argument)))
        if sqlite3_value_type(argument) == SQLITE_TEXT && VietnameseFolding.isFoldedASCII(input) {
          sqlite3_result_value(context, argument)  // already folded: no copy in Swift
          return
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        VietnameseFolding.fold(utf8: input, into: &output)
        output.withUnsafeBufferPointer { folded in
          guard let base = folded.baseAddress, folded.count > 0 else {
            // Only combining marks: the fold is the empty string, not NULL.
            sqlite3_result_text64(context, "", 0, sqliteTransient, sqliteUTF8Encoding)
            return
          }
          base.withMemoryRebound(to: CChar.self, capacity: folded.count) {
            sqlite3_result_text64(
              context, $0, UInt64(folded.count), sqliteTransient, sqliteUTF8Encoding)
          }
        }
      }, nil, nil, nil)
    guard rc == SQLITE_OK else { throw StorageError.from(rc, db: db) }
  }
}

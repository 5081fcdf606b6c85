/// Turns what a person typed into a safe FTS5 `MATCH` expression.
///
/// FTS5 has its own query language (`"phrases"`, `prefix*`, `NEAR(…)`, `AND`/`OR`/`NOT`,
/// `-`, `column:`, `^`, parentheses). Passing raw input to `MATCH` lets a stray quote or
/// `NEAR(` turn into a syntax error (a 500 for the user) or an unintended query. The builder
/// keeps only words: input is folded with ``VietnameseFolding``, split on everything that is
/// not a letter or digit (the same boundaries as the `unicode61` tokenizer), operator words are
/// dropped, each remaining term is quoted as a one-word phrase, and the last term becomes a
/// prefix query so results follow the user's typing ("bat tra" finds "Bát Tràng").
///
/// The result is a **bound parameter** of `… MATCH ?`, never spliced into SQL text:
///
///     guard let match = FTSQuery.match(userInput) else { return [] }
///     try tx.fetchAll(
///       "SELECT rowid FROM listing_fts WHERE listing_fts MATCH ? ORDER BY rank", match
///     ) { $0.int64(0) }
///
/// Terms are implicitly AND-ed: every word must appear (in any indexed column).
public enum FTSQuery {
  /// FTS5 operator keywords; dropped rather than searched for (after folding, so any case).
  static let operatorWords: Set<String> = ["and", "or", "not", "near"]

  /// The folded search terms in `input`, in order, at most `maxTerms`.
  public static func terms(_ input: String, maxTerms: Int = 16) -> [String] {
    var terms: [String] = []
    forEachToken(inFolded: VietnameseFolding.fold(input)) { token in
      if terms.count < maxTerms && !operatorWords.contains(token) { terms.append(token) }
    }
    return terms
  }

  /// Calls `body` with each token of `folded` (text already folded), in order, split where
  /// `unicode61` splits it: what the index holds for the text. Unlike ``terms(_:maxTerms:)``
  /// nothing is dropped (the index holds operator words too). Walks UTF-8 bytes (folded text
  /// is mostly ASCII): the in-memory search index tokenizes every listing with it at start-up.
  public static func forEachToken(inFolded folded: String, _ body: (String) -> Void) {
    var folded = folded
    folded.withUTF8 { bytes in
      var start = -1
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        let length: Int
        let isToken: Bool
        if lead < 0x80 {
          length = 1
          isToken = lead &- 0x61 < 26 || lead &- 0x30 < 10 || lead &- 0x41 < 26
        } else {
          // Valid UTF-8 (a Swift string): the lead byte gives the length.
          length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
          var value = UInt32(lead) & (0x7F >> length)
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          isToken = Unicode.Scalar(value).map(isTokenCharacter) ?? false
        }
        if isToken {
          if start < 0 { start = index }
        } else if start >= 0 {
          body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
          start = -1
        }
        index += length
      }
      if start >= 0 {
        body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
      }
    }
  }

  /// A `MATCH` expression for `input`, or `nil` when it holds no searchable term (callers then
  /// skip full-text search instead of sending an empty expression, which FTS5 rejects).
  ///
  /// `"Bát Trà"` → `"bat" "tra"*`; `'gốm" OR NEAR(x'` → `"gom" "x"*`.
  public static func match(_ input: String, prefixLastTerm: Bool = true, maxTerms: Int = 16)
    -> String?
  {
    let terms = terms(input, maxTerms: maxTerms)
    guard !terms.isEmpty else { return nil }
    // A term holds only letters and digits, so wrapping it in quotes is always well-formed.
    var expression = terms.map { "\"" + $0 + "\"" }.joined(separator: " ")
    if prefixLastTerm { expression += "*" }
    return expression
  }

  /// Letters and digits, as `unicode61` counts them; everything else separates terms.
  @inline(__always)
  static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
        || (value >= 0x41 && value <= 0x5A)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
  }
}

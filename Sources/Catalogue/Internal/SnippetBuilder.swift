internal import CatalogueAPI
internal import CommonAPI
internal import Storage

/// Builds `SearchHit.snippet` from the listing's original text (with its diacritics): the
/// first field, in display order, with a word matching a query term; matched words wrapped in
/// «», at most `window` words around the first match, "…" where cut.
///
/// Matching is done word by word on folded text, the same way the index matches (the last
/// term as a prefix), so what is highlighted is what matched.
enum SnippetBuilder {
  static func snippet(
    terms: [String], listing: Listing, producerName: LocalizedText?, villageName: LocalizedText?,
    window: Int = 12
  ) -> Snippet? {
    guard !terms.isEmpty else { return nil }
    let fields: [(String, String)] = [
      ("title.vi", listing.title?.vi ?? ""), ("title.en", listing.title?.en ?? ""),
      ("description.vi", listing.description?.vi ?? ""),
      ("description.en", listing.description?.en ?? ""),
      ("materials", listing.materials.joined(separator: ", ")),
      ("producer", [producerName?.vi ?? "", producerName?.en ?? ""].joined(separator: " ")),
      ("village", [villageName?.vi ?? "", villageName?.en ?? ""].joined(separator: " ")),
    ]
    let exact = Set(terms.dropLast())
    let prefix = terms.last!
    func matches(_ word: Substring) -> Bool {
      FTSQuery.terms(String(word)).contains { exact.contains($0) || $0.hasPrefix(prefix) }
    }
    for (name, text) in fields where !text.isEmpty {
      let words = text.split(whereSeparator: { $0.isWhitespace })
      guard let first = words.firstIndex(where: matches) else { continue }
      let start = max(0, first - window / 3)
      let end = min(words.count, start + window)
      var parts: [String] = []
      for word in words[start..<end] {
        parts.append(matches(word) ? "«" + word + "»" : String(word))
      }
      var excerpt = parts.joined(separator: " ")
      if start > 0 { excerpt = "…" + excerpt }
      if end < words.count { excerpt += "…" }
      return Snippet(field: name, text: excerpt)
    }
    return nil
  }
}

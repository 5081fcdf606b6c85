public import CatalogueAPI
public import CommonAPI
internal import Storage

/// The plain text-search baseline: Okapi BM25 (k1 = 1.2, b = 0.75) over each active listing's
/// titles, descriptions and materials in both languages, Vietnamese folded; a producer scores
/// its best listing. What a buyer gets from typing its RFQ into a search box.
public struct BM25Index: Sendable {
  struct Posting: Sendable {
    var document: Int32
    var frequency: Float
  }

  /// The listing behind each document.
  public let documents: [Listing]
  let producerOfDocument: [String]
  let categoryOfDocument: [CraftCategory]
  let lengths: [Float]
  let averageLength: Float
  let postings: [String: [Posting]]
  let k1: Float = 1.2
  let b: Float = 0.75

  public init(listings: [Listing]) {
    var documents: [Listing] = []
    var producers: [String] = []
    var categories: [CraftCategory] = []
    var lengths: [Float] = []
    var postings: [String: [Posting]] = [:]
    for listing in listings.sorted(by: { $0.id < $1.id }) where listing.status == .active {
      let document = Int32(producers.count)
      producers.append(listing.producerId)
      documents.append(listing)
      categories.append(listing.category)
      let text = [
        listing.title?.vi ?? "", listing.title?.en ?? "", listing.description?.vi ?? "",
        listing.description?.en ?? "",
      ] + listing.materials
      let tokens = text.flatMap(Self.tokens)
      lengths.append(Float(tokens.count))
      var counts: [String: Int] = [:]
      for token in tokens { counts[token, default: 0] += 1 }
      for (token, count) in counts { postings[token, default: []].append(Posting(document: document, frequency: Float(count))) }
    }
    self.documents = documents
    producerOfDocument = producers
    categoryOfDocument = categories
    self.lengths = lengths
    averageLength = lengths.isEmpty ? 1 : lengths.reduce(0, +) / Float(lengths.count)
    self.postings = postings
  }

  /// Lower-case, tone marks and `đ` folded, split on anything not a letter or digit.
  static func tokens(_ text: String) -> [String] {
    let folded = VietnameseFolding.fold(text).lowercased()
    var words: [String] = []
    var current = ""
    for character in folded {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.filter { $0.count > 1 }
  }

  /// The top `limit` producers for `query` by their best listing's BM25 score (ties by id);
  /// with `category`, only listings of that category count (a search with a category facet).
  public func rankProducers(
    _ query: String, category: CraftCategory? = nil, limit: Int, where allowed: ((Listing) -> Bool)? = nil
  ) -> [String] {
    let count = Float(lengths.count)
    var scores: [Int32: Float] = [:]
    for term in Set(Self.tokens(query)).sorted() {
      guard let list = postings[term] else { continue }
      let df = Float(list.count)
      let idf = logf(1 + (count - df + 0.5) / (df + 0.5))
      for posting in list {
        let tf = posting.frequency
        let norm = k1 * (1 - b + b * lengths[Int(posting.document)] / averageLength)
        scores[posting.document, default: 0] += idf * tf * (k1 + 1) / (tf + norm)
      }
    }
    var best: [String: Float] = [:]
    for (document, score) in scores {
      if let category, categoryOfDocument[Int(document)] != category { continue }
      if let allowed, !allowed(documents[Int(document)]) { continue }
      let producer = producerOfDocument[Int(document)]
      if score > (best[producer] ?? -1) { best[producer] = score }
    }
    return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
  }
}

/// Natural log for `Float` without Foundation: ln x = 2 atanh((x − 1)/(x + 1)), after taking
/// out powers of two.
func logf(_ x: Float) -> Float {
  guard x > 0 else { return -.infinity }
  var value = Double(x)
  var exponent = 0.0
  while value > 2 {
    value /= 2
    exponent += 1
  }
  while value < 1 {
    value *= 2
    exponent -= 1
  }
  let y = (value - 1) / (value + 1)
  var term = y, sum = 0.0, k = 1.0
  for _ in 0..<40 {
    sum += term / k
    term *= y * y
    k += 2
  }
  return Float(2 * sum + exponent * 0.693_147_180_559_945_3)
}

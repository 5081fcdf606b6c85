#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif
internal import CatalogueAPI
internal import Storage

extension SearchIndexState {
  /// One page of a search, its total and (when asked) its facets, in one pass over the
  /// matches: what ``ListingSearch/run(_:maxRowid:after:limit:includeFacets:)`` answers from
  /// SQLite, with the same rows, keys, order and counts.
  ///
  /// Relevance is FTS5's `bm25()` recomputed: per phrase (query term, the last as a prefix)
  /// `idf = log((N − n + 0.5) / (n + 0.5))` (at least 1e-6) over every indexed row, and per
  /// row `Σ idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl))` negated, with `f` the weighted
  /// count of the phrase's tokens and `D` the row's tokens — the same operations in the same
  /// order as `fts5_aux.c`, so the doubles come out equal.
  func search(
    _ criteria: SearchCriteria, day: Int64, maxRowid cap: Int64, after: (SQLValue, String)?,
    limit: Int, includeFacets: Bool
  ) throws(CatalogueError) -> SearchFound {
    let order = PageOrder(criteria.sort, ids: ids)
    let start: PageOrder.Position?
    if let (key, id) = after {
      guard let position = order.position(key, id) else {
        throw CatalogueError.invalidArgument(field: "page_token", reason: "malformed")
      }
      start = position
    } else {
      start = nil
    }
    var pass = SearchPass(
      filter: RowFilter(criteria, day: day, cap: cap, state: self),
      key: SortKey(criteria.sort, currencyIDs: currencyIDs),
      page: PageCollector(order: order, after: start, limit: limit),
      counts: FacetCounter(state: self, enabled: includeFacets))
    if criteria.terms.isEmpty {
      let last = Int(min(cap, maxRowid))
      if last >= 1 {
        for row in 1...last { pass.consider(row, score: 0, in: self) }
      }
    } else {
      let (rows, scores) = matchText(criteria.terms)
      for index in rows.indices { pass.consider(Int(rows[index]), score: scores[index], in: self) }
    }
    let rows = pass.page.sorted().map { hit -> (rowid: Int64, id: String, key: SQLValue) in
      let key: SQLValue = criteria.sort == .relevance ? .real(hit.real) : .integer(hit.integer)
      return (Int64(hit.row), ids[hit.row], key)
    }
    return (rows, pass.total, includeFacets ? pass.counts.facets(day: day, state: self) : [])
  }

  // MARK: Text

  /// The rows holding every term (the last as a prefix), ascending, with their bm25 keys
  /// (negated scores: lower is better).
  private func matchText(_ terms: [String]) -> (rows: [UInt32], scores: [Double]) {
    var lists: [Postings] = []
    for (index, term) in terms.enumerated() {
      if index == terms.count - 1 {
        lists.append(prefixPostings(term))
      } else if let id = termIDs[term] {
        lists.append(postings[Int(id)])
      } else {
        return ([], [])
      }
      if lists[index].rows.isEmpty { return ([], []) }
    }
    let idf = lists.map { list -> Double in
      let hits = list.rows.count
      let value = log((Double(rowCount - hits) + 0.5) / (Double(hits) + 0.5))
      return value <= 0.0 ? 1e-6 : value
    }
    let averageLength = Double(tokenCount) / Double(rowCount)
    let k1 = 1.2
    let b = 0.75
    // Intersect, driven by the shortest list; the others advance by galloping.
    let driver = lists.indices.min { lists[$0].rows.count < lists[$1].rows.count }!
    let driving = lists[driver]
    let others = lists.indices.filter { $0 != driver }.map { lists[$0] }
    var cursors = [Int](repeating: 0, count: others.count)
    var frequencies = [Double](repeating: 0, count: lists.count)
    var rows: [UInt32] = []
    var scores: [Double] = []
    rows.reserveCapacity(driving.rows.count)
    scores.reserveCapacity(driving.rows.count)
    candidates: for position in driving.rows.indices {
      let row = driving.rows[position]
      for index in others.indices {
        guard others[index].gallop(to: row, from: &cursors[index]) else {
          if cursors[index] == others[index].rows.count { break candidates }
          continue candidates
        }
      }
      // bm25 sums the phrases in query order: the driver's place among them matters.
      var other = 0
      for index in lists.indices {
        if index == driver {
          frequencies[index] = Double(driving.frequencies[position])
        } else {
          frequencies[index] = Double(others[other].frequencies[cursors[other]])
          other += 1
        }
      }
      let length = Double(lengths[Int(row)])
      var score = 0.0
      for index in lists.indices {
        let f = frequencies[index]
        score += idf[index] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * length / averageLength)))
      }
      rows.append(row)
      scores.append(-1.0 * score)
    }
    return (rows, scores)
  }

  /// The union of the postings of every term starting with `prefix` (UTF-8 bytes), weighted
  /// frequencies summed per row: FTS5's `"prefix"*` phrase.
  private func prefixPostings(_ prefix: String) -> Postings {
    var matching: [UInt32] = []
    var position = lowerBound(ofPrefix: prefix)
    while position < sortedTerms.count {
      let id = sortedTerms[position]
      guard termTexts[Int(id)].utf8.starts(with: prefix.utf8) else { break }
      if !postings[Int(id)].rows.isEmpty { matching.append(id) }
      position += 1
    }
    if matching.count == 1 { return postings[Int(matching[0])] }
    var union = Postings()
    guard !matching.isEmpty else { return union }
    var sums = [UInt32](repeating: 0, count: Int(maxRowid) + 1)
    for id in matching {
      let list = postings[Int(id)]
      for (row, frequency) in zip(list.rows, list.frequencies) { sums[Int(row)] += frequency }
    }
    for (row, sum) in sums.enumerated() where sum != 0 {
      union.rows.append(UInt32(row))
      union.frequencies.append(sum)
    }
    return union
  }
}

extension SearchIndexState.Postings {
  /// Moves `cursor` to the first entry not below `row` (exponential, then binary search);
  /// whether that entry is `row`.
  func gallop(to row: UInt32, from cursor: inout Int) -> Bool {
    var low = cursor
    var step = 1
    var high = low
    while high < rows.count && rows[high] < row {
      low = high + 1
      high += step
      step *= 2
    }
    high = Swift.min(high, rows.count)
    while low < high {
      let middle = (low + high) / 2
      if rows[middle] < row { low = middle + 1 } else { high = middle }
    }
    cursor = low
    return low < rows.count && rows[low] == row
  }
}

// MARK: Filters

/// Every filter of a ``SearchCriteria`` resolved against the index once per search (sets of
/// interned ids, a per-producer certification verdict), then checked per row.
private struct RowFilter {
  let cap: Int
  var categories: Set<Int32>?
  var incoterms: Set<Int32>?
  var materials: Set<Int32>?
  var villages: Set<Int32>?
  /// The prefix's digits: packed with the mask of their nibbles, and as text.
  var hsPrefix: (packed: UInt64, mask: UInt64, text: String)?
  var sku: String?
  var producerID: String?
  var maxMoq: Int64?
  var maxLeadTime: Int64?
  var minCapacity: Int64?
  var price: (currency: Int32, min: Int64, max: Int64)?
  /// Per producer slot: holds every required certificate on the day.
  var certified: [Bool]?
  /// A filter names a value nothing in the index has: no row passes.
  var impossible = false

  init(_ criteria: SearchCriteria, day: Int64, cap: Int64, state: SearchIndexState) {
    self.cap = Int(clamping: cap)
    if !criteria.categories.isEmpty { categories = criteria.categories }
    if !criteria.incoterms.isEmpty { incoterms = criteria.incoterms }
    if !criteria.materials.isEmpty {
      materials = Set(criteria.materials.compactMap { state.materialIDs[$0] })
    }
    var villageSet: Set<Int32>?
    if !criteria.villageIDs.isEmpty {
      villageSet = Set(criteria.villageIDs.compactMap { state.villageSlots[$0] })
    }
    if let district = criteria.district {
      let inDistrict = Set(
        state.villages.indices.filter {
          state.villages[$0].known && state.villages[$0].districtFolded == district
        }.map(Int32.init))
      villageSet = villageSet.map { $0.intersection(inDistrict) } ?? inDistrict
    }
    villages = villageSet
    if let prefix = criteria.hsPrefix {
      // ListingSearch accepts 1 to 10 digits: they always pack.
      let count = prefix.utf8.count
      let mask = count >= 16 ? UInt64.max : ~(UInt64.max >> (4 * UInt64(count)))
      if let packed = SearchIndexState.packDigits(prefix) {
        hsPrefix = (packed, mask, prefix)
      } else {
        impossible = true
      }
    }
    sku = criteria.sku
    producerID = criteria.producerID
    maxMoq = criteria.maxMoq
    maxLeadTime = criteria.maxLeadTimeDays
    minCapacity = criteria.minMonthlyCapacity
    if let (currency, low, high) = criteria.price {
      if let id = state.currencyIDs[currency] {
        price = (id, low, high)
      } else {
        impossible = true
      }
    }
    if !criteria.certifications.isEmpty {
      let required = Set(criteria.certifications)
      certified = state.certificates.map { list in
        let held = Set(list.lazy.filter { $0.validFrom <= day && $0.validTo >= day }.map(\.type))
        return required.isSubset(of: held)
      }
    }
  }

  func accepts(_ row: Int, state: SearchIndexState) -> Bool {
    guard !impossible, row <= cap, state.present[row], state.status[row] == 1 else { return false }
    if let categories, !categories.contains(state.category[row]) { return false }
    if let maxMoq, state.moq[row] > maxMoq { return false }
    if let villages, !villages.contains(state.village[row]) { return false }
    if let maxLeadTime, state.leadTime[row] > maxLeadTime { return false }
    if let minCapacity, state.capacity[row] < minCapacity { return false }
    if let incoterms, !incoterms.contains(state.incoterm[row]) { return false }
    if let certified, !certified[Int(state.producer[row])] { return false }
    if let materials, !state.materials[row].contains(where: materials.contains) { return false }
    if let hsPrefix {
      let packed = state.hsPacked[row]
      if packed == UInt64.max {
        guard state.hsDigits[row].utf8.starts(with: hsPrefix.text.utf8) else { return false }
      } else if packed & hsPrefix.mask != hsPrefix.packed {
        return false
      }
    }
    if let sku, state.skus[row] != sku { return false }
    if let producerID, state.producerIDs[row] != producerID { return false }
    if let price,
      !state.prices[row].contains(where: {
        $0.currency == price.currency && $0.minor >= price.min && $0.minor <= price.max
      })
    {
      return false
    }
    return true
  }
}

// MARK: Order and page

/// One search's pass over its candidate rows: filter, count, key, page.
private struct SearchPass {
  let filter: RowFilter
  let key: SortKey
  var page: PageCollector
  var counts: FacetCounter
  var total: Int64 = 0

  @inline(__always)
  mutating func consider(_ row: Int, score: Double, in state: SearchIndexState) {
    guard filter.accepts(row, state: state) else { return }
    total += 1
    counts.add(row, state: state)
    page.offer(row, real: score, integer: key.integer(row, state: state))
  }
}

/// The integer sort key of a row (relevance's key is its score).
private enum SortKey {
  case zero
  case lowestPrice(currency: Int32?, missing: Int64)
  case leadTime
  case created

  init(_ sort: SearchCriteria.Sort, currencyIDs: [String: Int32]) {
    switch sort {
    case .none, .relevance: self = .zero
    case .priceAscending(let currency): self = .lowestPrice(currency: currencyIDs[currency], missing: Int64.max)
    case .priceDescending(let currency): self = .lowestPrice(currency: currencyIDs[currency], missing: -1)
    case .leadTime: self = .leadTime
    case .newest: self = .created
    }
  }

  /// SQL: `coalesce((SELECT min(unit_price_minor) …), missing)`, `lead_time_days`, `created_ms`.
  @inline(__always)
  func integer(_ row: Int, state: SearchIndexState) -> Int64 {
    switch self {
    case .zero: return 0
    case .leadTime: return state.leadTime[row]
    case .created: return state.created[row]
    case .lowestPrice(let currency, let missing):
      guard let currency else { return missing }
      var lowest: Int64?
      for price in state.prices[row] where price.currency == currency {
        lowest = min(lowest ?? price.minor, price.minor)
      }
      return lowest ?? missing
    }
  }
}

/// The order of a result: the sort key (a double for relevance, an integer otherwise), then
/// the listing id's UTF-8 bytes — SQLite's `ORDER BY k [DESC], lid`.
private struct PageOrder {
  struct Position {
    var real: Double
    var integer: Int64
    var id: String
  }

  let relevance: Bool
  let descending: Bool
  let ids: [String]

  init(_ sort: SearchCriteria.Sort, ids: [String]) {
    relevance = sort == .relevance
    switch sort {
    case .priceDescending, .newest: descending = true
    default: descending = false
    }
    self.ids = ids
  }

  /// A page token's keyset position; `nil` when its key is not of this order's type.
  func position(_ key: SQLValue, _ id: String) -> Position? {
    switch (key, relevance) {
    case (.real(let value), true): Position(real: value, integer: 0, id: id)
    case (.integer(let value), false): Position(real: 0, integer: value, id: id)
    default: nil
    }
  }

  /// How the keys compare: -1 (a first), 0 (tie: the ids decide), 1.
  @inline(__always)
  func compare(_ aReal: Double, _ aInteger: Int64, _ bReal: Double, _ bInteger: Int64) -> Int {
    if relevance {
      return aReal < bReal ? -1 : aReal > bReal ? 1 : 0
    }
    if aInteger == bInteger { return 0 }
    return (aInteger < bInteger) != descending ? -1 : 1
  }
}

/// Keeps the first `limit` rows after the page token's position, in order, without sorting
/// every match.
private struct PageCollector {
  struct Hit {
    var row: Int
    var real: Double
    var integer: Int64
  }

  let order: PageOrder
  let after: PageOrder.Position?
  let limit: Int
  private var hits: [Hit] = []

  init(order: PageOrder, after: PageOrder.Position?, limit: Int) {
    self.order = order
    self.after = after
    self.limit = limit
    hits.reserveCapacity(limit + 1)
  }

  /// Whether `hit` comes before the row `row` with keys (real, integer).
  @inline(__always)
  private func precedes(_ hit: Hit, _ row: Int, _ real: Double, _ integer: Int64) -> Bool {
    switch order.compare(hit.real, hit.integer, real, integer) {
    case -1: true
    case 1: false
    default: order.ids[hit.row].utf8.lexicographicallyPrecedes(order.ids[row].utf8)
    }
  }

  mutating func offer(_ row: Int, real: Double, integer: Int64) {
    if let after {
      switch order.compare(after.real, after.integer, real, integer) {
      case 1: return
      case 0: guard after.id.utf8.lexicographicallyPrecedes(order.ids[row].utf8) else { return }
      default: break
      }
    }
    if hits.count == limit {
      guard let last = hits.last, !precedes(last, row, real, integer) else { return }
      hits.removeLast()
    }
    var low = 0
    var high = hits.count
    while low < high {
      let middle = (low + high) / 2
      if precedes(hits[middle], row, real, integer) { low = middle + 1 } else { high = middle }
    }
    hits.insert(Hit(row: row, real: real, integer: integer), at: low)
  }

  func sorted() -> [Hit] { hits }
}

// MARK: Facets

/// Counts matches per category, village and producer in the same pass; the certification
/// facet is derived from the producers' counts at the end (SQL: each listing counted once per
/// certificate type its producer holds on the day).
private struct FacetCounter {
  let enabled: Bool
  var categories: [Int32: Int64] = [:]
  var villages: [Int64]
  var producers: [Int64]

  init(state: SearchIndexState, enabled: Bool) {
    self.enabled = enabled
    villages = enabled ? [Int64](repeating: 0, count: state.villages.count) : []
    producers = enabled ? [Int64](repeating: 0, count: state.certificates.count) : []
  }

  mutating func add(_ row: Int, state: SearchIndexState) {
    guard enabled else { return }
    categories[state.category[row], default: 0] += 1
    villages[Int(state.village[row])] += 1
    producers[Int(state.producer[row])] += 1
  }

  func facets(day: Int64, state: SearchIndexState) -> [Facet] {
    var certifications: [Int32: Int64] = [:]
    for (slot, count) in producers.enumerated() where count > 0 {
      let held = Set(
        state.certificates[slot].lazy.filter { $0.validFrom <= day && $0.validTo >= day }.map(\.type))
      for type in held { certifications[type, default: 0] += count }
    }
    let villageCounts = villages.enumerated().filter { $0.element > 0 }.map { slot, count in
      let village = state.villages[slot]
      return (id: village.id, vi: village.nameVi, en: village.nameEn, count: count)
    }
    return ListingSearch.facets(
      categories: categories.map { ($0.key, $0.value) }, villages: villageCounts,
      certifications: certifications.map { ($0.key, $0.value) })
  }
}

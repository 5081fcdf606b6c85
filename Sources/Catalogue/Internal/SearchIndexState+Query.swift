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
    let order = PageOrder(criteria.sort, ids: ids, idKeys: idKeys)
    let start: PageOrder.Position?
    if let (key, id) = after {
      guard let position = order.position(key, id) else {
        throw CatalogueError.invalidArgument(field: "page_token", reason: "malformed")
      }
      start = position
    } else {
      start = nil
    }
    let filter = RowFilter(criteria, day: day, cap: cap, state: self)
    let key = SortKey(criteria.sort, currencyIDs: currencyIDs)
    var page = PageCollector(order: order, after: start, limit: limit)
    var counts = FacetCounter(state: self, enabled: includeFacets)
    var total: Int64 = 0
    // Methods of `self` in the loops: the state is borrowed, never copied per row.
    func consider(_ row: Int, score: Double) {
      guard accepts(row, filter) else { return }
      total += 1
      if includeFacets { count(row, into: &counts) }
      page.offer(row, real: score, integer: sortKey(row, key))
    }
    if criteria.terms.isEmpty {
      let last = Int(min(cap, maxRowid))
      if last >= 1 {
        for row in 1...last { consider(row, score: 0) }
      }
    } else {
      let (rows, scores) = matchText(criteria.terms)
      for index in rows.indices { consider(Int(rows[index]), score: scores[index]) }
    }
    let rows = page.sorted().map { hit -> (rowid: Int64, id: String, key: SQLValue) in
      let key: SQLValue = criteria.sort == .relevance ? .real(hit.real) : .integer(hit.integer)
      return (Int64(hit.row), ids[hit.row], key)
    }
    return (rows, total, includeFacets ? counts.facets(day: day, state: self) : [])
  }

  /// Whether `row` passes every filter (and is an active listing under the row cap).
  @inline(__always)
  private func accepts(_ row: Int, _ filter: RowFilter) -> Bool {
    guard !filter.impossible, row <= filter.cap, present[row], status[row] == 1 else { return false }
    if let categories = filter.categories, !categories.contains(category[row]) { return false }
    if let maxMoq = filter.maxMoq, moq[row] > maxMoq { return false }
    if let villages = filter.villages, !villages.contains(village[row]) { return false }
    if let maxLeadTime = filter.maxLeadTime, leadTime[row] > maxLeadTime { return false }
    if let minCapacity = filter.minCapacity, capacity[row] < minCapacity { return false }
    if let incoterms = filter.incoterms, !incoterms.contains(incoterm[row]) { return false }
    if let certified = filter.certified, !certified[Int(producer[row])] { return false }
    if let materials = filter.materials, !self.materials[row].contains(where: materials.contains) {
      return false
    }
    if let hsPrefix = filter.hsPrefix {
      let packed = hsPacked[row]
      if packed == UInt64.max {
        guard hsDigits[row].utf8.starts(with: hsPrefix.text.utf8) else { return false }
      } else if packed & hsPrefix.mask != hsPrefix.packed {
        return false
      }
    }
    if let sku = filter.sku, skus[row] != sku { return false }
    if let producerID = filter.producerID, producerIDs[row] != producerID { return false }
    if let price = filter.price,
      !prices[row].contains(where: {
        $0.currency == price.currency && $0.minor >= price.min && $0.minor <= price.max
      })
    {
      return false
    }
    return true
  }

  /// The integer sort key of `row`. SQL: `coalesce((SELECT min(unit_price_minor) …),
  /// missing)`, `lead_time_days`, `created_ms`; relevance's key is the score.
  @inline(__always)
  private func sortKey(_ row: Int, _ key: SortKey) -> Int64 {
    switch key {
    case .zero: return 0
    case .leadTime: return leadTime[row]
    case .created: return created[row]
    case .lowestPrice(let currency, let missing):
      guard let currency else { return missing }
      var lowest: Int64?
      for price in prices[row] where price.currency == currency {
        lowest = min(lowest ?? price.minor, price.minor)
      }
      return lowest ?? missing
    }
  }

  @inline(__always)
  private func count(_ row: Int, into counts: inout FacetCounter) {
    let category = self.category[row]
    if category >= 0 && category < 64 {
      counts.categories[Int(category)] += 1
    } else {
      counts.otherCategories[category, default: 0] += 1
    }
    counts.villages[Int(village[row])] += 1
    counts.producers[Int(producer[row])] += 1
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
    // Intersect pairwise, shortest list first; `positions[i][m]` is where match m sits in
    // list i.
    let order = lists.indices.sorted { lists[$0].rows.count < lists[$1].rows.count }
    var rows = lists[order[0]].rows
    var positions = [[Int]](repeating: [], count: lists.count)
    positions[order[0]] = Array(rows.indices)
    for list in order.dropFirst() {
      let (kept, found) = lists[list].intersect(rows)
      rows = kept.map { rows[$0] }
      for other in lists.indices where !positions[other].isEmpty {
        positions[other] = kept.map { positions[other][$0] }
      }
      positions[list] = found
      if rows.isEmpty { return ([], []) }
    }
    let averageLength = Double(tokenCount) / Double(rowCount)
    let k1 = 1.2
    let b = 0.75
    var scores = [Double](repeating: 0, count: rows.count)
    for match in rows.indices {
      let length = Double(lengths[Int(rows[match])])
      // bm25 sums the phrases in query order, as FTS5 does.
      var score = 0.0
      for index in lists.indices {
        let f = Double(lists[index].frequencies[positions[index][match]])
        score += idf[index] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * length / averageLength)))
      }
      scores[match] = -1.0 * score
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
    if matching.count <= 4 {
      return matching.reduce(into: Postings()) { $0 = $0.merged(with: postings[Int($1)]) }
    }
    var union = Postings()
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
  /// Which of `candidates` (ascending rowids) this list holds: their indexes in `candidates`
  /// and their positions here. Gallops, so a long list costs about the short one's length.
  func intersect(_ candidates: [UInt32]) -> (kept: [Int], found: [Int]) {
    var kept: [Int] = []
    var found: [Int] = []
    var cursor = 0
    let count = rows.count
    rows.withUnsafeBufferPointer { rows in
      for (index, row) in candidates.enumerated() {
        // Exponential steps, then a binary search, for the first entry not below `row`.
        var low = cursor
        var step = 1
        var high = low
        while high < count && rows[high] < row {
          low = high + 1
          high += step
          step &*= 2
        }
        high = Swift.min(high, count)
        while low < high {
          let middle = (low + high) / 2
          if rows[middle] < row { low = middle + 1 } else { high = middle }
        }
        cursor = low
        if cursor == count { break }
        if rows[cursor] == row {
          kept.append(index)
          found.append(cursor)
        }
      }
    }
    return (kept, found)
  }
}

/// A set of small integers (enum raw values) as a bit mask; larger values in a `Set`.
fileprivate struct SmallSet {
  var mask: UInt64 = 0
  var others: Set<Int32> = []

  init(_ values: Set<Int32>) {
    for value in values {
      if value >= 0 && value < 64 { mask |= 1 << UInt64(value) } else { others.insert(value) }
    }
  }

  @inline(__always)
  func contains(_ value: Int32) -> Bool {
    value >= 0 && value < 64 ? mask & (1 << UInt64(value)) != 0 : others.contains(value)
  }
}

extension SearchIndexState.Postings {
  /// The union of two lists, frequencies of a row in both summed.
  func merged(with other: Self) -> Self {
    if rows.isEmpty { return other }
    if other.rows.isEmpty { return self }
    var result = Self()
    result.rows.reserveCapacity(rows.count + other.rows.count)
    result.frequencies.reserveCapacity(rows.count + other.rows.count)
    var left = 0
    var right = 0
    while left < rows.count || right < other.rows.count {
      if right == other.rows.count || (left < rows.count && rows[left] < other.rows[right]) {
        result.rows.append(rows[left])
        result.frequencies.append(frequencies[left])
        left += 1
      } else if left == rows.count || other.rows[right] < rows[left] {
        result.rows.append(other.rows[right])
        result.frequencies.append(other.frequencies[right])
        right += 1
      } else {
        result.rows.append(rows[left])
        result.frequencies.append(frequencies[left] + other.frequencies[right])
        left += 1
        right += 1
      }
    }
    return result
  }
}

// MARK: Filters

/// Every filter of a ``SearchCriteria`` resolved against the index once per search (sets of
/// interned ids, a per-producer certification verdict), then checked per row.
fileprivate struct RowFilter {
  let cap: Int
  var categories: SmallSet?
  var incoterms: SmallSet?
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
    if !criteria.categories.isEmpty { categories = SmallSet(criteria.categories) }
    if !criteria.incoterms.isEmpty { incoterms = SmallSet(criteria.incoterms) }
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
}

// MARK: Order and page

/// The integer sort key of a row (relevance's key is its score).
fileprivate enum SortKey {
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
}

/// The order of a result: the sort key (a double for relevance, an integer otherwise), then
/// the listing id's UTF-8 bytes — SQLite's `ORDER BY k [DESC], lid`.
private struct PageOrder {
  struct Position {
    var real: Double
    var integer: Int64
    var id: String
    var key: IDKey

    init(real: Double, integer: Int64, id: String) {
      self.real = real
      self.integer = integer
      self.id = id
      key = IDKey(id)
    }
  }

  let relevance: Bool
  let descending: Bool
  let ids: [String]
  let idKeys: [IDKey]

  init(_ sort: SearchCriteria.Sort, ids: [String], idKeys: [IDKey]) {
    relevance = sort == .relevance
    switch sort {
    case .priceDescending, .newest: descending = true
    default: descending = false
    }
    self.ids = ids
    self.idKeys = idKeys
  }

  /// Whether listing `a`'s id sorts before `b`'s (UTF-8 bytes).
  @inline(__always)
  func idPrecedes(_ a: Int, _ b: Int) -> Bool {
    idKeys[a].precedes(idKeys[b]) ?? ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8)
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
    default: order.idPrecedes(hit.row, row)
    }
  }

  mutating func offer(_ row: Int, real: Double, integer: Int64) {
    if let after {
      switch order.compare(after.real, after.integer, real, integer) {
      case 1: return
      case 0:
        let precedes = after.key.precedes(order.idKeys[row])
        guard precedes ?? after.id.utf8.lexicographicallyPrecedes(order.ids[row].utf8) else { return }
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
fileprivate struct FacetCounter {
  let enabled: Bool
  /// Per category raw value below 64 (every category there is); others in `otherCategories`.
  var categories = [Int64](repeating: 0, count: 64)
  var otherCategories: [Int32: Int64] = [:]
  var villages: [Int64]
  var producers: [Int64]

  init(state: SearchIndexState, enabled: Bool) {
    self.enabled = enabled
    villages = enabled ? [Int64](repeating: 0, count: state.villages.count) : []
    producers = enabled ? [Int64](repeating: 0, count: state.certificates.count) : []
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
      categories: categories.enumerated().filter { $0.element > 0 }.map { (Int32($0.offset), $0.element) }
        + otherCategories.map { ($0.key, $0.value) },
      villages: villageCounts,
      certifications: certifications.map { ($0.key, $0.value) })
  }
}

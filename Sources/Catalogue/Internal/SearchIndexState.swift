internal import Storage

/// The data of ``SearchIndex``: a value (arrays only), so a search works on a copy that the
/// writer's next change cannot tear; the arrays are copied on write only while a search still
/// holds the old ones.
///
/// Listings are kept in columns indexed by rowid (rowids are dense: SQLite hands out max + 1).
/// Text is an inverted index of folded terms: per term, the rowids holding it (ascending) and,
/// per rowid, the term's frequency weighted by the bm25 column weights (title 10, description
/// 1, materials 4, producer 2, village 2) — all bm25 needs of the per-column counts, because the
/// weights are fixed (``ListingSearch/rankExpression``). Every listing row is indexed, whatever
/// its status, as FTS5 indexes them: the corpus statistics of bm25 (row count, total tokens,
/// rows per term) count them all.
struct SearchIndexState {
  /// The bm25 weights of title, description, materials, producer, village.
  static let columnWeights: [UInt32] = [10, 1, 4, 2, 2]
  /// Rowids above this are not indexed (the columns are arrays indexed by rowid); a database
  /// holding one makes ``SearchIndex`` fall back to SQL.
  static let rowidLimit: Int64 = 1 << 26

  /// One term's postings: ascending rowids and their weighted frequencies.
  struct Postings {
    var rows: [UInt32] = []
    var frequencies: [UInt32] = []
  }

  /// A price tier: interned currency, unit price.
  struct Price {
    var currency: Int32
    var minor: Int64
  }

  /// A village as facets and the district filter see it; `known` is false for an id no
  /// village row has (the facet then shows an empty label, as SQL's `LEFT JOIN`).
  struct Village {
    var id: String
    var known = false
    var nameVi = ""
    var nameEn = ""
    var districtFolded = ""
  }

  // Per listing rowid.
  var present: [Bool] = [false]
  var status: [Int64] = [0]
  var category: [Int32] = [0]
  var incoterm: [Int32] = [0]
  var moq: [Int64] = [0]
  var leadTime: [Int64] = [0]
  var capacity: [Int64] = [0]
  var created: [Int64] = [0]
  var village: [Int32] = [0]
  var producer: [Int32] = [0]
  var ids: [String] = [""]
  /// The first 16 UTF-8 bytes of each id, big-endian in two words: ids compare as these
  /// integers first (the string only when both words are equal).
  var idKeys: [IDKey] = [IDKey()]
  var producerIDs: [String] = [""]
  var hsDigits: [String] = [""]
  /// `hsDigits` as ``packDigits(_:)`` packs them, `UInt64.max` when they do not pack.
  var hsPacked: [UInt64] = [0]
  var skus: [String] = [""]
  var materials: [[Int32]] = [[]]
  var prices: [[Price]] = [[]]
  /// Tokens in all five columns (bm25's document length).
  var lengths: [UInt32] = [0]
  /// The distinct terms of each listing, to take it out of the postings again.
  var terms: [[UInt32]] = [[]]

  /// Listing rows (bm25's N) and their tokens in all (N × average length).
  var rowCount = 0
  var tokenCount = 0
  /// The largest rowid held (0: none): the row cap of a first page.
  var maxRowid: Int64 = 0

  // Terms.
  var termIDs: [String: UInt32] = [:]
  var termTexts: [String] = []
  /// Term ids ordered by their text's UTF-8 bytes (FTS5's order), for prefix ranges.
  var sortedTerms: [UInt32] = []
  var postings: [Postings] = []

  // Interned values.
  var villageSlots: [String: Int32] = [:]
  var villages: [Village] = []
  var producerSlots: [Int64: Int32] = [:]
  /// Certificates per producer slot.
  var certificates: [[IndexedCertificate]] = []
  var materialIDs: [String: Int32] = [:]
  var currencyIDs: [String: Int32] = [:]

  // MARK: Changes

  /// Sets (or, with `nil`, forgets) village `id`'s names and district.
  mutating func setVillage(_ id: String, _ row: IndexedVillage?) {
    let slot = villageSlot(id)
    villages[Int(slot)].known = row != nil
    villages[Int(slot)].nameVi = row?.nameVi ?? ""
    villages[Int(slot)].nameEn = row?.nameEn ?? ""
    villages[Int(slot)].districtFolded = row?.districtFolded ?? ""
  }

  /// Sets a producer's certificates (`nil`: no such producer, no certificates).
  mutating func setProducer(_ rowid: Int64, _ certificates: [IndexedCertificate]?) {
    self.certificates[Int(producerSlot(rowid))] = certificates ?? []
  }

  /// Replaces listings (`nil`: the row is gone), all postings touched once.
  mutating func setListings(_ changes: [(Int64, IndexedListing?)]) {
    var removed: [UInt32: [UInt32]] = [:]
    var added: [UInt32: [(UInt32, UInt32)]] = [:]
    var scratch = TermCounter()
    for (rowid, listing) in changes.sorted(by: { $0.0 < $1.0 }) {
      let row = UInt32(rowid)
      if Int(row) < present.count && present[Int(row)] {
        for term in terms[Int(row)] { removed[term, default: []].append(row) }
        forget(row)
      }
      guard let listing else { continue }
      for (term, frequency) in store(row, listing, counter: &scratch, insertingTerms: true) {
        added[term, default: []].append((row, frequency))
      }
    }
    for term in Set(removed.keys).union(added.keys) {
      postings[Int(term)].replace(removing: removed[term] ?? [], adding: added[term] ?? [])
    }
  }

  /// Adds listing `rowid`, larger than every rowid held (the load at open, in rowid order);
  /// ``finishLoad()`` orders the terms afterwards.
  mutating func appendLoaded(_ rowid: Int64, _ listing: IndexedListing, counter: inout TermCounter) {
    let row = UInt32(rowid)
    for (term, frequency) in store(row, listing, counter: &counter, insertingTerms: false) {
      postings[Int(term)].rows.append(row)
      postings[Int(term)].frequencies.append(frequency)
    }
  }

  /// Orders the vocabulary once after a load.
  mutating func finishLoad() {
    let texts = termTexts
    sortedTerms = (0..<UInt32(texts.count)).sorted {
      texts[Int($0)].utf8.lexicographicallyPrecedes(texts[Int($1)].utf8)
    }
  }

  /// Writes `listing`'s columns at `row` and returns its terms with weighted frequencies.
  private mutating func store(
    _ row: UInt32, _ listing: IndexedListing, counter: inout TermCounter, insertingTerms: Bool
  ) -> [(UInt32, UInt32)] {
    let index = Int(row)
    grow(to: index)
    present[index] = true
    status[index] = listing.status
    category[index] = listing.category
    incoterm[index] = listing.incoterm
    moq[index] = listing.moq
    leadTime[index] = listing.leadTimeDays
    capacity[index] = listing.monthlyCapacity
    created[index] = listing.createdMs
    village[index] = villageSlot(listing.villageID)
    producer[index] = producerSlot(listing.producerRowid)
    ids[index] = listing.id
    idKeys[index] = IDKey(listing.id)
    producerIDs[index] = listing.producerID
    hsDigits[index] = listing.hsDigits
    hsPacked[index] = Self.packDigits(listing.hsDigits) ?? UInt64.max
    skus[index] = listing.skuFolded
    materials[index] = listing.materials.map { intern($0, in: &materialIDs) }
    prices[index] = listing.prices.map {
      Price(currency: intern($0.currency, in: &currencyIDs), minor: $0.minor)
    }
    var length: UInt32 = 0
    for (column, text) in listing.fields.enumerated() {
      let weight = Self.columnWeights[column]
      FTSQuery.forEachToken(inFolded: text) { token in
        length += 1
        counter.add(termID(token, inserting: insertingTerms), weight)
      }
    }
    let counted = counter.drain()
    lengths[index] = length
    terms[index] = counted.map(\.0)
    rowCount += 1
    tokenCount += Int(length)
    maxRowid = max(maxRowid, Int64(row))
    return counted
  }

  /// Clears row `row`'s columns and statistics (its postings are the caller's).
  private mutating func forget(_ row: UInt32) {
    let index = Int(row)
    present[index] = false
    rowCount -= 1
    tokenCount -= Int(lengths[index])
    lengths[index] = 0
    terms[index] = []
    materials[index] = []
    prices[index] = []
    if Int64(row) == maxRowid {
      var last = index - 1
      while last > 0 && !present[last] { last -= 1 }
      maxRowid = Int64(last)
    }
  }

  private mutating func grow(to index: Int) {
    guard index >= present.count else { return }
    let extra = index + 1 - present.count
    present += repeatElement(false, count: extra)
    status += repeatElement(0, count: extra)
    category += repeatElement(0, count: extra)
    incoterm += repeatElement(0, count: extra)
    moq += repeatElement(0, count: extra)
    leadTime += repeatElement(0, count: extra)
    capacity += repeatElement(0, count: extra)
    created += repeatElement(0, count: extra)
    village += repeatElement(0, count: extra)
    producer += repeatElement(0, count: extra)
    ids += repeatElement("", count: extra)
    idKeys += repeatElement(IDKey(), count: extra)
    producerIDs += repeatElement("", count: extra)
    hsDigits += repeatElement("", count: extra)
    hsPacked += repeatElement(0, count: extra)
    skus += repeatElement("", count: extra)
    materials += repeatElement([], count: extra)
    prices += repeatElement([], count: extra)
    lengths += repeatElement(0, count: extra)
    terms += repeatElement([], count: extra)
  }

  /// Up to 16 decimal digits as nibbles (digit + 1) from the top: a code starts with a prefix
  /// when their top nibbles agree, one compare instead of a string walk per listing.
  static func packDigits(_ text: String) -> UInt64? {
    guard text.utf8.count <= 16 else { return nil }
    var value: UInt64 = 0
    var shift: UInt64 = 60
    for byte in text.utf8 {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value |= UInt64(byte - 0x30 + 1) << shift
      shift &-= 4
    }
    return value
  }

  /// The id of `text`, new ones added (kept in ``sortedTerms`` order when `inserting`).
  private mutating func termID(_ text: String, inserting: Bool) -> UInt32 {
    if let id = termIDs[text] { return id }
    let id = UInt32(termTexts.count)
    termIDs[text] = id
    termTexts.append(text)
    postings.append(Postings())
    if inserting {
      let position = lowerBound(ofPrefix: text)
      sortedTerms.insert(id, at: position)
    }
    return id
  }

  /// The first position in ``sortedTerms`` whose text is not below `text` (UTF-8 order).
  func lowerBound(ofPrefix text: String) -> Int {
    var low = 0
    var high = sortedTerms.count
    while low < high {
      let middle = (low + high) / 2
      if termTexts[Int(sortedTerms[middle])].utf8.lexicographicallyPrecedes(text.utf8) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  private mutating func villageSlot(_ id: String) -> Int32 {
    if let slot = villageSlots[id] { return slot }
    let slot = Int32(villages.count)
    villageSlots[id] = slot
    villages.append(Village(id: id))
    return slot
  }

  private mutating func producerSlot(_ rowid: Int64) -> Int32 {
    if let slot = producerSlots[rowid] { return slot }
    let slot = Int32(certificates.count)
    producerSlots[rowid] = slot
    certificates.append([])
    return slot
  }

  private func intern(_ value: String, in table: inout [String: Int32]) -> Int32 {
    if let id = table[value] { return id }
    let id = Int32(table.count)
    table[value] = id
    return id
  }
}

/// The first 16 UTF-8 bytes of a listing id as two big-endian words, zero-padded.
struct IDKey: Equatable {
  var high: UInt64 = 0
  var low: UInt64 = 0

  init() {}

  init(_ id: String) {
    for (index, byte) in id.utf8.prefix(16).enumerated() {
      if index < 8 {
        high |= UInt64(byte) << (56 - 8 * UInt64(index))
      } else {
        low |= UInt64(byte) << (56 - 8 * UInt64(index - 8))
      }
    }
  }

  /// Whether `self` sorts first; `nil` when the words are equal and the strings must decide.
  @inline(__always)
  func precedes(_ other: IDKey) -> Bool? {
    if high != other.high { return high < other.high }
    if low != other.low { return low < other.low }
    return nil
  }
}

/// Sums weighted term frequencies of one listing without a dictionary per listing.
struct TermCounter {
  private var counts: [UInt32] = []
  private var seen: [UInt32] = []

  mutating func add(_ term: UInt32, _ weight: UInt32) {
    let index = Int(term)
    if index >= counts.count { counts += repeatElement(0, count: index + 1 - counts.count + 1024) }
    if counts[index] == 0 { seen.append(term) }
    counts[index] += weight
  }

  /// The terms added since the last drain with their sums; resets.
  mutating func drain() -> [(UInt32, UInt32)] {
    defer { seen.removeAll(keepingCapacity: true) }
    return seen.map { term in
      defer { counts[Int(term)] = 0 }
      return (term, counts[Int(term)])
    }
  }
}

extension SearchIndexState.Postings {
  /// Takes `removing` rows out and puts `adding` in (both ascending by rowid; a row may be in
  /// both: an updated listing that keeps the term).
  mutating func replace(removing: [UInt32], adding: [(UInt32, UInt32)]) {
    if removing.count == adding.count, updateFrequencies(removing, adding) { return }
    if removing.count + adding.count <= 8 {
      for row in removing {
        let position = lowerBound(row)
        if position < rows.count && rows[position] == row {
          rows.remove(at: position)
          frequencies.remove(at: position)
        }
      }
      for (row, frequency) in adding {
        let position = lowerBound(row)
        rows.insert(row, at: position)
        frequencies.insert(frequency, at: position)
      }
      return
    }
    if removing.isEmpty, let first = adding.first, first.0 > rows.last ?? 0 {
      rows += adding.map(\.0)  // new listings: their rowids come after every other
      frequencies += adding.map(\.1)
      return
    }
    // Many changes: one pass that copies the unchanged runs between them in bulk.
    var newRows: [UInt32] = []
    var newFrequencies: [UInt32] = []
    newRows.reserveCapacity(rows.count + adding.count)
    newFrequencies.reserveCapacity(rows.count + adding.count)
    var old = 0
    var removal = 0
    var addition = 0
    while removal < removing.count || addition < adding.count {
      let next = Swift.min(
        removal < removing.count ? removing[removal] : UInt32.max,
        addition < adding.count ? adding[addition].0 : UInt32.max)
      let position = lowerBound(next, from: old)
      newRows += rows[old..<position]
      newFrequencies += frequencies[old..<position]
      old = position
      if removal < removing.count && removing[removal] == next {
        if old < rows.count && rows[old] == next { old += 1 }
        removal += 1
      }
      if addition < adding.count && adding[addition].0 == next {
        newRows.append(next)
        newFrequencies.append(adding[addition].1)
        addition += 1
      }
    }
    newRows += rows[old...]
    newFrequencies += frequencies[old...]
    rows = newRows
    frequencies = newFrequencies
  }

  /// When every row taken out is put back (listings updated that keep the term, as a
  /// re-import of unchanged text does), sets their new frequencies in place instead of
  /// rebuilding the arrays; returns false, changing nothing, otherwise.
  private mutating func updateFrequencies(_ removing: [UInt32], _ adding: [(UInt32, UInt32)])
    -> Bool
  {
    guard zip(removing, adding).allSatisfy({ $0 == $1.0 }) else { return false }
    var positions: [Int] = []
    positions.reserveCapacity(removing.count)
    var start = 0
    for row in removing {
      let position = lowerBound(row, from: start)
      guard position < rows.count, rows[position] == row else { return false }
      positions.append(position)
      start = position + 1
    }
    for (position, (_, frequency)) in zip(positions, adding) { frequencies[position] = frequency }
    return true
  }

  /// The first position at or after `start` whose rowid is not below `row`.
  func lowerBound(_ row: UInt32, from start: Int = 0) -> Int {
    var low = start
    var high = rows.count
    while low < high {
      let middle = (low + high) / 2
      if rows[middle] < row { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

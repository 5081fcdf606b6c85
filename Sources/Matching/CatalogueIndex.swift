public import CatalogueAPI
internal import CommonAPI
internal import Storage

/// The matching engine's view of the catalogue: the latest snapshot of every village, producer
/// and listing the change feed delivered, and beside each listing and producer the few numbers
/// the hard filters and the score read (``ListingNumbers``, ``ProducerFacts``), derived once when
/// the snapshot arrives.
///
/// Listings and producers live in slots (arrays indexed by an integer that a listing or
/// producer keeps for life: the catalogue never removes one, it marks it deleted), so a ranking
/// scans flat arrays of plain numbers instead of decoding, hashing ids or copying messages.
/// Words and country codes are interned to integers for the same reason.
///
/// A plain value: ``CatalogueReadModel`` keeps one behind a lock and hands out copies, which
/// cost nothing until the next event changes the original (arrays and dictionaries are
/// copy-on-write), so a ranking always runs over one consistent snapshot.
public struct CatalogueIndex: Sendable {
  /// A listing with what the engine derived from it.
  public struct IndexedListing: Sendable {
    /// The listing as the catalogue last published it.
    public var listing: Listing
    var facts: ListingFacts
    /// The HS code's digits ("460212").
    var hsDigits: String { facts.hsDigits }
  }

  /// Villages by id.
  public private(set) var villages: [String: Village] = [:]
  /// Producers by id, deleted ones included (their listings are deleted too).
  public private(set) var producers: [String: Producer] = [:]
  /// Listing ids of each producer.
  public private(set) var listingsByProducer: [String: Set<String>] = [:]

  /// The slot of each listing id.
  private(set) var listingSlots: [String: Int32] = [:]
  /// Per listing slot: the listing as published, its id, and where its columns are: which of
  /// `categories` and the position there.
  private(set) var listingsBySlot: [Listing] = []
  private(set) var listingIDs: [String] = []
  private var places: [Place] = []
  /// The listings of each category (any status) in columns, and the index there of each
  /// category's raw value.
  private(set) var categories: [CategoryColumns] = []
  private var categoryPositions: [Int32: Int32] = [:]
  /// The slot of each producer id (a listing may name a producer before the producer arrives),
  /// and per producer slot its id, its snapshot once it arrived and what the engine reads of it.
  private(set) var producerSlots: [String: Int32] = [:]
  private(set) var producerIDs: [String] = []
  private(set) var producersBySlot: [Producer?] = []
  private(set) var producerFacts: [ProducerFacts] = []
  /// Per producer slot, how many of its listings are active: a ranking learns which producers
  /// make only other categories without reading those categories' columns.
  private(set) var activeListingCounts: [Int32] = []
  /// Interned folded words, upper-case country codes and upper-case currency codes (each
  /// currency's code by id too).
  private(set) var termIDs: [String: Int32] = [:]
  private(set) var countryIDs: [String: Int32] = [:]
  private(set) var currencyIDs: [String: Int32] = [:]
  private(set) var currencyCodes: [String] = []

  /// An empty index.
  public init() {}

  /// Applies one snapshot (the object after a change; a deleted object arrives marked deleted).
  public mutating func apply(_ snapshot: ChangeEvent.Snapshot) {
    switch snapshot {
    case .village(let village):
      villages[village.id] = village
    case .producer(let producer):
      producers[producer.id] = producer
      let slot = Int(producerSlot(producer.id))
      producersBySlot[slot] = producer
      producerFacts[slot] = ProducerFacts(producer, countries: &countryIDs)
    case .listing(let listing):
      let producer = producerSlot(listing.producerId)
      let (points, defaultCurrency) = PricePoint.points(of: listing.priceTiers) { internCurrency($0) }
      let numbers = ListingNumbers(
        moq: listing.moq, leadTimeDays: Int64(listing.leadTimeDays), monthlyCapacity: listing.monthlyCapacity,
        hs: HSDigits.packed(Self.digits(listing.hsCode)), termStart: 0, termCount: 0, priceStart: 0, priceCount: 0,
        producer: producer,
        category: listing.category.rawValue, unit: listing.unit.rawValue, defaultCurrency: defaultCurrency,
        incotermRank: MatchEngine.incotermRank(listing.incoterm).map(Int8.init) ?? -1)
      let target = categoryColumns(listing.category.rawValue)
      var entry = CategoryColumns.Entry(
        slot: Int32(listingsBySlot.count), active: listing.status == .active, numbers: numbers,
        hsDigits: Self.digits(listing.hsCode), terms: internedTerms(of: listing), prices: points)
      if entry.active { activeListingCounts[Int(producer)] += 1 }
      if let slot = listingSlots[listing.id].map(Int.init) {
        let previous = listingsBySlot[slot].producerId
        if isActive(Int32(slot)) { activeListingCounts[Int(facts(Int32(slot)).producer)] -= 1 }
        if previous != listing.producerId { listingsByProducer[previous]?.remove(listing.id) }
        listingsBySlot[slot] = listing
        entry.slot = Int32(slot)
        let place = places[slot]
        if place.columns == target {
          categories[Int(target)].replace(at: place.position, with: entry)
        } else {
          if let moved = categories[Int(place.columns)].remove(at: place.position) {
            places[Int(moved)].position = place.position
          }
          places[slot] = Place(columns: target, position: categories[Int(target)].append(entry))
        }
      } else {
        listingSlots[listing.id] = entry.slot
        listingsBySlot.append(listing)
        listingIDs.append(listing.id)
        places.append(Place(columns: target, position: categories[Int(target)].append(entry)))
      }
      listingsByProducer[listing.producerId, default: []].insert(listing.id)
    }
  }

  /// Where a listing's columns are.
  private struct Place {
    var columns: Int32
    var position: Int32
  }

  /// The index in `categories` of the category `raw`, a new one when it has none yet.
  private mutating func categoryColumns(_ raw: Int32) -> Int32 {
    if let position = categoryPositions[raw] { return position }
    let position = Int32(categories.count)
    categories.append(CategoryColumns(category: raw))
    categoryPositions[raw] = position
    return position
  }

  /// How many listings the index holds, any status.
  public var listingCount: Int { listingsBySlot.count }

  /// The listing `id`, any status.
  public func listing(_ id: String) -> IndexedListing? {
    listingSlots[id].map(indexed)
  }

  func indexed(_ slot: Int32) -> IndexedListing {
    IndexedListing(listing: listingsBySlot[Int(slot)], facts: facts(slot))
  }

  /// What the engine reads of the listing in `slot`.
  func facts(_ slot: Int32) -> ListingFacts {
    let place = places[Int(slot)]
    let columns = categories[Int(place.columns)]
    let numbers = columns.numbers[Int(place.position)]
    return ListingFacts(
      numbers: numbers, hsDigits: columns.hsDigits[Int(place.position)], terms: columns.terms(at: place.position),
      prices: columns.prices(at: place.position), defaultCode: currencyCodes[Int(numbers.defaultCurrency)])
  }

  /// Whether the listing in `slot` is active.
  func isActive(_ slot: Int32) -> Bool {
    let place = places[Int(slot)]
    return categories[Int(place.columns)].producers[Int(place.position)] >= 0
  }

  /// The producer of a listing's facts, when its snapshot has arrived.
  func producer(of facts: ListingFacts) -> Producer? {
    producersBySlot[Int(facts.producer)]
  }

  /// Active listings of producers that are not deleted, in id order (deterministic scans).
  func activeListings(ofProducer producerID: String? = nil) -> [IndexedListing] {
    let ids: [String]
    if let producerID {
      ids = (listingsByProducer[producerID] ?? []).sorted()
    } else {
      ids = listingSlots.keys.sorted()
    }
    return ids.compactMap { id in
      guard let slot = listingSlots[id], isActive(slot) else { return nil }
      let indexed = indexed(slot)
      return producerFacts[Int(indexed.facts.producer)].eligible ? indexed : nil
    }
  }

  /// The id of a folded word, if any listing ever used it.
  func termID(_ term: String) -> Int32? { termIDs[term] }

  /// The id of an upper-case country code, if any producer ever exported there.
  func countryID(_ code: String) -> Int32? { countryIDs[code] }

  /// The id of an upper-case currency code, if any listing ever priced in it.
  func currencyID(_ code: String) -> Int32? { currencyIDs[code] }

  /// How many words, country and currency codes are interned: ids are never removed or reused,
  /// so two snapshots of one index with the same sizes map every word and code alike.
  var vocabularySize: (terms: Int, countries: Int, currencies: Int) {
    (termIDs.count, countryIDs.count, currencyIDs.count)
  }

  private mutating func producerSlot(_ id: String) -> Int32 {
    if let slot = producerSlots[id] { return slot }
    let slot = Int32(producerFacts.count)
    producerSlots[id] = slot
    producerIDs.append(id)
    producersBySlot.append(nil)
    producerFacts.append(ProducerFacts())
    activeListingCounts.append(0)
    return slot
  }

  private mutating func internCurrency(_ code: String) -> Int32 {
    let id = Self.intern(code, in: &currencyIDs)
    if Int(id) == currencyCodes.count { currencyCodes.append(code) }
    return id
  }

  /// The sorted ids of a listing's folded words, interning new ones.
  private mutating func internedTerms(of listing: Listing) -> [Int32] {
    Self.terms(of: listing).map { Self.intern($0, in: &termIDs) }.sorted()
  }

  /// The id of `key` in `table`, a new one (the next integer) when it is not there yet.
  static func intern(_ key: String, in table: inout [String: Int32]) -> Int32 {
    if let id = table[key] { return id }
    let id = Int32(table.count)
    table[key] = id
    return id
  }

  /// The folded search terms of a listing: titles, descriptions and materials.
  static func terms(of listing: Listing) -> Set<String> {
    var text = [listing.title?.vi ?? "", listing.title?.en ?? "", listing.description?.vi ?? "",
      listing.description?.en ?? ""]
    text += listing.materials
    return Set(text.flatMap { TextTerms.terms($0) })
  }

  /// The digits of an HS code ("4602.12" → "460212").
  static func digits(_ code: String) -> String {
    String(code.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
  }
}

/// Words for text relevance: Vietnamese folded (tone marks and `đ`), lower case, split on
/// anything that is not a letter or a digit; one-letter words and a few stop words dropped.
enum TextTerms {
  static let stopWords: Set<String> = [
    "and", "for", "the", "with", "of", "in", "to", "or", "a", "an", "our", "we", "need", "needs",
    "va", "cho", "cua", "voi", "cac", "nhung", "mot", "la", "co", "can",
  ]

  static func terms(_ text: String) -> [String] {
    let folded = VietnameseFolding.fold(text).lowercased()
    if let words = asciiTerms(folded) { return words }
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
    return words.filter { $0.count > 1 && !stopWords.contains($0) }
  }

  /// The same words for folded text that is all ASCII (almost all of it: folding removes the
  /// tone marks), split on bytes instead of grapheme clusters, whose Unicode property lookups
  /// cost most of a ranking that prepares needs; nil for any other text. In ASCII, a letter or
  /// a number is exactly `a`–`z`, `A`–`Z` or `0`–`9`.
  private static func asciiTerms(_ folded: String) -> [String]? {
    var copy = folded
    return copy.withUTF8 { utf8 -> [String]? in
      var words: [String] = []
      var start = 0
      func flush(_ end: Int) {
        if end - start > 1 {
          let word = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
          if !stopWords.contains(word) { words.append(word) }
        }
      }
      for (position, byte) in utf8.enumerated() {
        if byte >= 0x80 { return nil }
        let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
        if !isWordByte {
          flush(position)
          start = position + 1
        }
      }
      flush(utf8.count)
      return words
    }
  }
}

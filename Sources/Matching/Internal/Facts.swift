internal import CatalogueAPI
internal import CommonAPI

/// What the hard filters and the score read of a listing, as plain numbers, derived once when
/// its snapshot arrives instead of on every ranking.
struct ListingFacts: Sendable {
  /// The producer's slot in the index.
  var producer: Int32
  var category: CraftCategory
  var unit: QuantityUnit
  var moq: Int64
  var leadTimeDays: Int64
  var monthlyCapacity: Int64
  /// ``MatchEngine/incotermRank(_:)`` of the incoterm.
  var incotermRank: Int?
  /// The HS code's digits ("460212").
  var hsDigits: String
  /// Interned folded words of its titles, descriptions and materials, sorted.
  var terms: [Int32]
  var prices: PriceTable

  init(_ listing: Listing, producer: Int32, terms: [Int32]) {
    self.producer = producer
    category = listing.category
    unit = listing.unit
    moq = listing.moq
    leadTimeDays = Int64(listing.leadTimeDays)
    monthlyCapacity = listing.monthlyCapacity
    incotermRank = MatchEngine.incotermRank(listing.incoterm)
    hsDigits = CatalogueIndex.digits(listing.hsCode)
    self.terms = terms
    prices = PriceTable(listing.priceTiers)
  }

  /// How many of the words in `set` the listing contains (both hold each word once).
  @inline(__always)
  func termsFound(_ set: TermSet) -> Int {
    var found = 0
    for term in terms where set.contains(term) { found += 1 }
    return found
  }
}

/// A need's word ids as bits: counting the words a listing shares with the need is one load
/// and one test per listing word, without the branches of merging two sorted lists.
struct TermSet: Sendable {
  private var bits: [UInt64] = []

  init(_ ids: [Int32]) {
    for id in ids where id >= 0 {
      let word = Int(id) >> 6
      if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
      bits[word] |= 1 << UInt64(id & 63)
    }
  }

  @inline(__always)
  func contains(_ id: Int32) -> Bool {
    let word = Int(id) >> 6
    return id >= 0 && word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
  }
}

/// A listing's price tiers grouped by currency, each group sorted by minimum quantity.
struct PriceTable: Sendable {
  struct Tier: Sendable {
    var minQuantity: Int64
    var amountMinor: Int64?
  }

  struct Group: Sendable {
    /// Upper case ("" for tiers without a currency).
    var code: String
    var tiers: [Tier]
  }

  /// The first tier's currency, upper case ("" without one): the price when none is asked for.
  var defaultCode: String
  var groups: [Group]

  init(_ priceTiers: [PriceTier]) {
    defaultCode = (priceTiers.first?.unitPrice?.currencyCode ?? "").uppercased()
    var groups: [Group] = []
    for tier in priceTiers {
      let code = (tier.unitPrice?.currencyCode ?? "").uppercased()
      let entry = Tier(minQuantity: tier.minQuantity, amountMinor: tier.unitPrice?.amountMinor)
      if let index = groups.firstIndex(where: { $0.code == code }) {
        groups[index].tiers.append(entry)
      } else {
        groups.append(Group(code: code, tiers: [entry]))
      }
    }
    for index in groups.indices { groups[index].tiers.sort { $0.minQuantity < $1.minQuantity } }
    self.groups = groups
  }

  /// The unit price of the tier that applies to `quantity` (the lowest tier when none does), in
  /// `code` (upper case) when given, else in the first tier's currency; nil without such a tier.
  func price(quantity: Int64, code: String?) -> Money? {
    let code = code ?? defaultCode
    return amount(quantity: quantity, code: code).map { Money(amountMinor: $0, currencyCode: code) }
  }

  /// ``price(quantity:code:)``'s amount alone, for `code` (upper case): what a score compares,
  /// without building a message for every listing ranked.
  @inline(__always)
  func amount(quantity: Int64, code: String) -> Int64? {
    for group in groups where group.code == code {
      guard let first = group.tiers.first else { return nil }
      let tier = group.tiers.last { $0.minQuantity <= quantity } ?? first
      return tier.amountMinor
    }
    return nil
  }
}

/// What the filters and the score read of a producer, derived once per snapshot.
struct ProducerFacts: Sendable {
  /// A certificate's type and the days it is valid on (both ends included; open ends are the
  /// extremes).
  struct Window: Sendable {
    var type: CertificationType
    var from: Int64
    var through: Int64

    func isValid(on day: Int64) -> Bool { from <= day && through >= day }
  }

  /// The certificates of `producer` as windows of days.
  static func windows(of producer: Producer) -> [Window] {
    producer.certifications.map { certification in
      Window(
        type: certification.type,
        from: certification.valid?.start.map(Time.dayNumber) ?? .min,
        through: certification.valid?.end.map(Time.dayNumber) ?? .max)
    }
  }

  /// Its snapshot has arrived (a listing may name it first) and it is not deleted.
  var eligible = false
  var certifications: [Window] = []
  /// Interned upper-case export markets, and the region of each (-1: none).
  var markets: [Int32] = []
  var marketRegions: [Int] = []
  var verification = ScoreFacts.Verification.none
  /// The catalogue's own response rate, when it has a sample.
  var catalogueResponseRate: Double?

  init() {}

  init(_ producer: Producer, countries: inout [String: Int32]) {
    eligible = !producer.deleted
    certifications = Self.windows(of: producer)
    for market in producer.exportMarkets.map({ $0.uppercased() }) {
      markets.append(CatalogueIndex.intern(market, in: &countries))
      marketRegions.append(Regions.region(of: market) ?? -1)
    }
    verification = ScoreFacts.Verification(producer.verificationTier)
    if let stats = producer.responseStats, stats.sampleSize > 0 { catalogueResponseRate = stats.responseRate }
  }

  /// Whether a certificate of `type` is valid on `day`.
  func holds(_ type: CertificationType, on day: Int64) -> Bool {
    certifications.contains { $0.type == type && $0.isValid(on: day) }
  }

  /// How many distinct certification types are valid on `day`.
  func validTypeCount(on day: Int64) -> Int {
    var count = 0
    for (index, window) in certifications.enumerated() where window.isValid(on: day) {
      if !certifications[..<index].contains(where: { $0.type == window.type && $0.isValid(on: day) }) {
        count += 1
      }
    }
    return count
  }
}

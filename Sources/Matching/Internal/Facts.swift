internal import CatalogueAPI
internal import CommonAPI

/// The numbers the hard filters and the score read of a listing, and where its words and price
/// tiers sit in the index's pools. Plain values only: reading one from its column copies a few
/// bytes and retains nothing, where a struct holding arrays and strings retained each of them
/// for every listing a ranking scanned.
struct ListingNumbers: Sendable, BitwiseCopyable {
  var moq: Int64
  var leadTimeDays: Int64
  var monthlyCapacity: Int64
  /// The HS code's digits as ``HSDigits/packed(_:)`` gives them (nil: too long to pack).
  var hs: UInt64?
  /// The listing's words: `termCount` ids from `termStart` in its ``CategoryColumns/termPool``.
  var termStart: Int32
  var termCount: Int32
  /// Its price tiers: `priceCount` points from `priceStart` in its ``CategoryColumns/pricePool``.
  var priceStart: Int32
  var priceCount: Int32
  /// The producer's slot in the index.
  var producer: Int32
  /// Raw values of the category and the unit.
  var category: Int32
  var unit: Int32
  /// The interned currency of the first tier ("" without one): the price when none is asked for.
  var defaultCurrency: Int32
  /// ``MatchEngine/incotermRank(_:)`` of the incoterm, -1 for none.
  var incotermRank: Int8

  /// The incoterm rank as ``MatchEngine/incotermCompatible(wanted:offered:)`` takes it.
  var offeredIncoterm: Int? { incotermRank < 0 ? nil : Int(incotermRank) }
}

/// HS digits packed into an integer, so a need's HS prefixes are tested against a listing with a
/// mask and a compare instead of walking two strings.
enum HSDigits {
  /// Digit i (of at most 16) in bits 60 - 4i ..< 64 - 4i, as the digit plus one, zeros after
  /// the last: a prefix matches exactly when the code's bits under the prefix's mask equal it
  /// (a prefix longer than the code has a digit where the code has zero). nil for longer
  /// strings or anything but ASCII digits.
  static func packed(_ digits: String) -> UInt64? {
    var value: UInt64 = 0
    var shift = 60
    for byte in digits.utf8 {
      guard shift >= 0, byte >= 0x30, byte <= 0x39 else { return nil }
      value |= UInt64(byte - 0x30 + 1) << UInt64(shift)
      shift -= 4
    }
    return value
  }

  /// The mask of a packed prefix: the nibbles its digits use.
  static func mask(of packed: UInt64) -> UInt64 {
    packed == 0 ? 0 : ~0 << UInt64(packed.trailingZeroBitCount & ~3)
  }
}

/// One price tier of a listing: its currency interned, so a ranking compares integers.
struct PricePoint: Sendable, BitwiseCopyable {
  var minQuantity: Int64
  var amountMinor: Int64?
  var currency: Int32

  /// A listing's tiers as points, grouped by currency in order of first appearance, each group
  /// sorted by minimum quantity, and the first tier's currency; `intern` gives each upper-case
  /// code ("" for a tier without a currency) its id.
  static func points(
    of priceTiers: [PriceTier], intern: (String) -> Int32
  ) -> (points: [PricePoint], defaultCurrency: Int32) {
    var groups: [(code: String, tiers: [PricePoint])] = []
    for tier in priceTiers {
      let code = (tier.unitPrice?.currencyCode ?? "").uppercased()
      let point = PricePoint(minQuantity: tier.minQuantity, amountMinor: tier.unitPrice?.amountMinor, currency: 0)
      if let index = groups.firstIndex(where: { $0.code == code }) {
        groups[index].tiers.append(point)
      } else {
        groups.append((code, [point]))
      }
    }
    var points: [PricePoint] = []
    for var group in groups {
      group.tiers.sort { $0.minQuantity < $1.minQuantity }
      let currency = intern(group.code)
      points += group.tiers.map { PricePoint(minQuantity: $0.minQuantity, amountMinor: $0.amountMinor, currency: currency) }
    }
    return (points, intern((priceTiers.first?.unitPrice?.currencyCode ?? "").uppercased()))
  }

  /// The amount of the tier of `currency` that applies to `quantity` (the lowest tier when none
  /// does); nil without a tier in that currency.
  @inline(__always)
  static func amount(_ points: UnsafeBufferPointer<PricePoint>, quantity: Int64, currency: Int32) -> Int64? {
    var position = 0
    while position < points.count && points[position].currency != currency { position += 1 }
    guard position < points.count else { return nil }
    var chosen = position
    while position < points.count && points[position].currency == currency {
      if points[position].minQuantity <= quantity { chosen = position }
      position += 1
    }
    return points[chosen].amountMinor
  }
}

/// What the engine reads of one listing outside a ranking's scan (a page explained, a
/// producer's own listings, reports): its numbers and its slices of the index's pools.
struct ListingFacts: Sendable {
  var numbers: ListingNumbers
  /// The HS code's digits ("460212").
  var hsDigits: String
  /// Interned folded words of its titles, descriptions and materials, sorted.
  var terms: ArraySlice<Int32>
  var prices: ArraySlice<PricePoint>
  /// The first tier's currency, upper case ("" without one).
  var defaultCode: String

  /// The producer's slot in the index.
  var producer: Int32 { numbers.producer }

  /// The unit price of the tier that applies to `quantity` in the need's currency (the first
  /// tier's without one); nil without a tier in that currency.
  func price(quantity: Int64, for need: CompiledNeed) -> Money? {
    let currency: Int32?, code: String
    if let wanted = need.currency {
      (currency, code) = (need.currencyID, wanted)
    } else {
      (currency, code) = (numbers.defaultCurrency, defaultCode)
    }
    guard let currency else { return nil }
    let amount = prices.withUnsafeBufferPointer { PricePoint.amount($0, quantity: quantity, currency: currency) }
    return amount.map { Money(amountMinor: $0, currencyCode: code) }
  }

  /// The score's facts of this listing, screened, for a producer whose side is known.
  func scoreFacts(_ need: CompiledNeed, side: ProducerSide, screening: Screening) -> ScoreFacts {
    let found = terms.withUnsafeBufferPointer { need.terms.count(in: $0) }
    return prices.withUnsafeBufferPointer { prices in
      MatchEngine.facts(need, numbers, termsFound: found, prices: prices, side: side, screening: screening)
    }
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

  /// How many of `terms` are in the set (both hold each word once).
  @inline(__always)
  func count(in terms: UnsafeBufferPointer<Int32>) -> Int {
    if bits.isEmpty { return 0 }
    return bits.withUnsafeBufferPointer { bits in
      var found = 0
      for id in terms {
        let word = Int(id) >> 6
        if id >= 0 && word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0 { found += 1 }
      }
      return found
    }
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

public import CatalogueAPI
public import CommonAPI
internal import Matching
public import MatchingAPI

/// What a simulated buyer really wants: the product it would order and the terms under which it
/// would. Only part of it, with noise, reaches the RFQ the engine sees.
public struct HiddenPreference: Sendable {
  public var country: String
  public var category: CraftCategory
  /// The product type it would order (the catalogue's product code, from the SKU: never in
  /// the listing text the engine reads).
  public var productCode: String
  public var hsCode: String
  public var material: String
  /// The most it would pay per unit, USD cents; the RFQ states less.
  public var reservationCents: Int64
  public var quantity: Int64
  public var deadlineDays: Int64
  public var certifications: [CertificationType]
  public var incoterm: Incoterm
  /// How much it values a supplier already exporting to its country (0…0.3); not in the RFQ.
  public var marketWeight: Double
  /// Whether it insists on an audited or document-verified supplier; not in the RFQ.
  public var wantsVerified: Bool
}

/// One evaluation case: a buyer, its hidden preference, the RFQ it posts.
public struct EvalCase: Sendable {
  public var buyer: Buyer
  public var preference: HiddenPreference
  public var rfq: Rfq
}

/// Generates evaluation cases and grades producers against hidden preferences.
///
/// The grade is NOT the engine's score: it is a separate utility model of "would this buyer
/// actually order from this producer" built from the hidden preference — the exact product
/// type (which the engine only sees as RFQ words), a reservation price above the stated target,
/// a capacity rule that leaves two weeks for samples (the engine does not), incoterm as a
/// negotiable penalty rather than a filter, a per-buyer, unstated weight on experience in its
/// market, an unstated wish for verified suppliers — plus Gaussian noise, then cut into grades
/// 0–3. The engine's responsiveness, novelty and reciprocal-fit factors play no part in it.
public struct Simulation: Sendable {
  public let producers: [String: Producer]
  /// Active listings by category, in id order.
  public let listingsByCategory: [CraftCategory: [Listing]]
  /// Active USD-priced listings (what an RFQ can start from), by category.
  let exportByCategory: [CraftCategory: [Listing]]
  let categories: [CraftCategory]
  public let today: Int64

  public init(producers: [Producer], listings: [Listing], today: Int64) {
    self.producers = Dictionary(producers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.today = today
    var byCategory: [CraftCategory: [Listing]] = [:]
    var export: [CraftCategory: [Listing]] = [:]
    for listing in listings.sorted(by: { $0.id < $1.id }) where listing.status == .active {
      byCategory[listing.category, default: []].append(listing)
      if Self.usdCents(listing, quantity: listing.moq) != nil { export[listing.category, default: []].append(listing) }
    }
    listingsByCategory = byCategory
    exportByCategory = export
    categories = export.keys.sorted { $0.rawValue < $1.rawValue }
  }

  // MARK: Cases

  static let countries: [(String, Double, Bool)] = [
    ("US", 30, false), ("JP", 12, false), ("GB", 8, true), ("DE", 8, true), ("FR", 7, true),
    ("ES", 5, true), ("IN", 5, false), ("KR", 6, false), ("AU", 6, false), ("NL", 4, true),
    ("IT", 4, true),
  ]

  /// `count` cases from `seed`; each case's numbers come from its own stream.
  public func cases(count: Int, seed: UInt64) -> [EvalCase] {
    (1...count).compactMap { number in
      var rng = MarketRandom(seed: seed, stream: 900_000 + UInt64(number))
      return makeCase(number: number, rng: &rng)
    }
  }

  func makeCase(number: Int, rng: inout MarketRandom) -> EvalCase? {
    let (country, _, european) = rng.weighted(Self.countries.map { ($0, $0.1) })
    // Categories in proportion to what the catalogue offers for export.
    let category = rng.weighted(categories.map { ($0, Double(exportByCategory[$0]?.count ?? 0)) })
    guard let pool = exportByCategory[category], !pool.isEmpty else { return nil }
    let seed = rng.pick(pool)
    let code = Self.productCode(seed)
    let material = seed.materials.first ?? ""

    var preference = HiddenPreference(
      country: country, category: category, productCode: code, hsCode: seed.hsCode, material: material,
      reservationCents: 0, quantity: 0, deadlineDays: 0, certifications: [], incoterm: .fob,
      marketWeight: rng.double(0, 0.3), wantsVerified: rng.chance(0.25))
    preference.quantity = Self.round(Double(seed.moq) * rng.double(1, 8))
    preference.deadlineDays = Int64(max(42, min(182, Int(seed.leadTimeDays) + rng.int(14...90))))
    let price = Self.usdCents(seed, quantity: preference.quantity) ?? 1_000
    preference.reservationCents = Int64(Double(price) * rng.double(0.9, 1.35))
    preference.incoterm = rng.weighted([(Incoterm.fob, 0.65), (.cif, 0.1), (.exw, 0.1), (.fca, 0.15)])
    preference.certifications = certifications(category: category, european: european, rng: &rng)

    var buyer = Buyer()
    buyer.id = "eval-byr-" + String(number)
    buyer.companyName = "Evaluation buyer \(number)"
    buyer.countryCode = country
    buyer.buyerType = rng.weighted([(.importer, 0.4), (.wholesaler, 0.25), (.retailer, 0.2), (.brand, 0.15)])
    buyer.categories = [category]

    // The RFQ: the product in the buyer's words, the material usually, a target price below
    // what it would pay, its real quantity, deadline, certifications and incoterm.
    let title = seed.title?.en ?? ""
    let product = String(title.split(separator: " – ", maxSplits: 1).first ?? Substring(title))
    var rfq = Rfq()
    rfq.buyerId = buyer.id
    rfq.title = product
    var description = "Looking for \(product.lowercased())"
    if !material.isEmpty && rng.chance(0.8) {
      description += " made of \(material)"
      rfq.materials = [material]
    }
    description += rng.pick([
      ". Quote with samples, please.", " for our spring programme.", ", private label.",
      ". Repeat orders for the right partner.",
    ])
    rfq.description = description
    rfq.category = category
    if rng.chance(0.5) { rfq.hsCode = seed.hsCode }
    rfq.quantity = preference.quantity
    rfq.quantityUnit = seed.unit
    rfq.targetUnitPrice = Money(
      amountMinor: max(5, Int64(Double(preference.reservationCents) * rng.double(0.8, 1.0))),
      currencyCode: "USD")
    rfq.deadline = CalendarDate(daysSinceEpoch: today + preference.deadlineDays)
    rfq.requiredCertifications = preference.certifications
    rfq.incoterm = preference.incoterm
    rfq.maxProposals = 10
    return EvalCase(buyer: buyer, preference: preference, rfq: rfq)
  }

  func certifications(category: CraftCategory, european: Bool, rng: inout MarketRandom) -> [CertificationType] {
    // Only what several producers of the category hold, so most cases can be met.
    var held: [CertificationType: Int] = [:]
    for id in Set((listingsByCategory[category] ?? []).map(\.producerId)).sorted() {
      for type in Set(Self.validCertifications(producers[id], on: today + 120)) { held[type, default: 0] += 1 }
    }
    var out: [CertificationType] = []
    if (held[.amforiBsci] ?? 0) >= 4 && rng.chance(european ? 0.3 : 0.08) { out.append(.amforiBsci) }
    if (held[.fscCoc] ?? 0) >= 4 && european && rng.chance(0.25) { out.append(.fscCoc) }
    if (held[.oekoTex100] ?? 0) >= 3 && rng.chance(0.3) { out.append(.oekoTex100) }
    return out
  }

  // MARK: Ground truth

  /// The grade (0–3) of every producer for `preference`: its best listing's, from a utility
  /// model with Gaussian noise (its own stream per case and producer, so grades do not depend
  /// on evaluation order).
  public func grades(for preference: HiddenPreference, caseNumber: Int, seed: UInt64) -> [String: Int] {
    var best: [String: Double] = [:]
    for listing in listingsByCategory[preference.category] ?? [] {
      guard let producer = producers[listing.producerId], !producer.deleted else { continue }
      let utility = self.utility(listing, producer: producer, preference)
      if utility > (best[producer.id] ?? -1) { best[producer.id] = utility }
    }
    var grades: [String: Int] = [:]
    for id in best.keys.sorted() {
      guard let utility = best[id], utility > 0 else { continue }
      var rng = MarketRandom(seed: seed ^ 0x5EED, stream: UInt64(caseNumber) &* 1_000_003 &+ UInt64(stableNumber(id)))
      let noisy = utility + 0.07 * rng.gaussian()
      grades[id] = noisy >= 0.85 ? 3 : noisy >= 0.68 ? 2 : noisy >= 0.5 ? 1 : 0
    }
    return grades
  }

  /// Would-order utility of one listing; 0 when the buyer could not order it at all.
  func utility(_ listing: Listing, producer: Producer, _ preference: HiddenPreference) -> Double {
    guard listing.moq <= preference.quantity, Int64(listing.leadTimeDays) <= preference.deadlineDays else { return 0 }
    // Two weeks of the time go to samples and approval before production starts.
    let productionDays = preference.deadlineDays - 14
    guard productionDays > 0, listing.monthlyCapacity * productionDays / 30 >= preference.quantity else { return 0 }
    let held = Set(Self.validCertifications(producer, on: today + preference.deadlineDays))
    guard preference.certifications.allSatisfy(held.contains) else { return 0 }

    let product: Double =
      Self.productCode(listing) == preference.productCode ? 1 : listing.hsCode == preference.hsCode ? 0.45 : 0.15
    let material: Double = listing.materials.contains(preference.material) ? 1 : 0
    let price: Double
    if let cents = Self.usdCents(listing, quantity: preference.quantity) {
      let ratio = Double(cents) / Double(max(1, preference.reservationCents))
      price = ratio <= 1 ? 1 : max(0, 1 - 2.5 * (ratio - 1))
    } else {
      price = 0.2  // no export price: the buyer would have to ask
    }
    let incoterm = Self.rank(listing.incoterm) >= Self.rank(preference.incoterm) ? 1.0 : 0.6
    let market = producer.exportMarkets.contains { $0.uppercased() == preference.country } ? 1.0 : 0
    let verified = producer.verificationTier == .onSiteAudit || producer.verificationTier == .documents
    var utility = (0.5 * product + 0.15 * material + 0.35 * price) * incoterm + preference.marketWeight * market
    if preference.wantsVerified { utility *= verified ? 1.05 : 0.8 } else if verified { utility += 0.03 }
    return utility
  }

  // MARK: Helpers

  /// The product code in a demo SKU ("NS-RB01-003" → "RB01").
  static func productCode(_ listing: Listing) -> String {
    let parts = listing.sku.split(separator: "-")
    return parts.count >= 3 ? String(parts[parts.count - 2]) : listing.sku
  }

  static func usdCents(_ listing: Listing, quantity: Int64) -> Int64? {
    let tiers = listing.priceTiers.filter { $0.unitPrice?.currencyCode.uppercased() == "USD" }
      .sorted { $0.minQuantity < $1.minQuantity }
    guard let first = tiers.first else { return nil }
    return (tiers.last { $0.minQuantity <= quantity } ?? first).unitPrice?.amountMinor
  }

  static func validCertifications(_ producer: Producer?, on day: Int64) -> [CertificationType] {
    guard let producer else { return [] }
    return producer.certifications.compactMap { certification in
      if let start = certification.valid?.start, dayNumber(start) > day { return nil }
      if let end = certification.valid?.end, dayNumber(end) < day { return nil }
      return certification.type
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
  public static func dayNumber(_ date: CalendarDate) -> Int64 {
    let y = Int64(date.year) - (date.month <= 2 ? 1 : 0)
    let m = Int64(date.month), d = Int64(date.day)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
  }

  static func rank(_ incoterm: Incoterm) -> Int {
    switch incoterm {
    case .exw: 0
    case .fca: 1
    case .fas, .fob: 2
    case .cpt, .cfr: 3
    case .cip, .cif: 4
    default: -1
    }
  }

  static func round(_ value: Double) -> Int64 {
    let step: Double = value >= 1_000 ? 50 : 10
    return max(Int64(step), Int64((value / step).rounded(.up)) * Int64(step))
  }

  func stableNumber(_ text: String) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return hash
  }
}

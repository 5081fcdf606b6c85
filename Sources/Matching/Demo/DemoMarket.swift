// The demo market that `craftd serve --demo` seeds into an empty matching store.

public import CatalogueAPI
internal import CommonAPI
public import MatchingAPI
internal import ProtoWire
internal import Storage

/// ~200 foreign buyers in the markets of DOMAIN.md and ~500 open RFQs, derived from the demo
/// catalogue so that their needs are ones the villages can (mostly) meet.
///
/// Derived, not invented: a buyer's categories are drawn by how many export listings of each
/// category go to producers already selling in the buyer's country (incense to India, silk to
/// Japan and France, plant-fibre goods to the US); its target prices, quantities and HS
/// headings come from those listings' terms; an RFQ starts from one real export listing and
/// asks for that product with the buyer's own quantity, price, certifications and incoterm.
/// Some RFQs ask for more than any one producer makes by the deadline: the consortium case.
///
/// Deterministic: the same catalogue, seed and `today` give the same buyers and RFQs. Deadlines
/// and expiries are relative to `today` (the seeding day), so the demo never holds RFQs whose
/// deadline has passed, which the engine would refuse.
public struct DemoMarket: Sendable {
  /// Buyers ordered by id ("byr-0001").
  public var buyers: [Buyer]
  /// RFQs ordered by id ("rfq-demo-0001"), each of an existing buyer.
  public var rfqs: [Rfq]

  /// The seed `craftd serve --demo` uses.
  public static let defaultSeed: UInt64 = 2026
  public static let buyerCount = 200
  public static let rfqCount = 500

  /// Generates the market for `listings` and `producers` (the demo catalogue's), as of the
  /// Vietnamese calendar day of `nowMilliseconds`.
  public static func generate(
    listings: [Listing], producers: [Producer], nowMilliseconds: Int64, seed: UInt64 = defaultSeed,
    buyers buyerCount: Int = buyerCount, rfqs rfqCount: Int = rfqCount
  ) -> DemoMarket {
    let context = MarketContext(
      listings: listings, producers: producers, today: Time.dayInVietnam(nowMilliseconds))
    var buyers: [Buyer] = []
    var names = Set<String>()
    for number in 1...max(1, buyerCount) {
      var rng = MarketRandom(seed: seed, stream: 10_000 + UInt64(number))
      buyers.append(context.buyer(number: number, rng: &rng, usedNames: &names))
    }
    var rfqs: [Rfq] = []
    for number in 1...max(1, rfqCount) {
      var rng = MarketRandom(seed: seed, stream: 50_000 + UInt64(number))
      if let rfq = context.rfq(
        number: number, buyers: buyers, nowMilliseconds: nowMilliseconds, rng: &rng)
      {
        rfqs.append(rfq)
      }
    }
    return DemoMarket(buyers: buyers, rfqs: rfqs)
  }
}

// MARK: - Markets

/// A buyer country and what its companies look like.
struct MarketSpec: Sendable {
  let code: String
  let weight: Double
  let languages: [String]
  let ports: [String]
  let firstWords: [String]
  let secondWords: [String]
  let suffixes: [String]
  /// EU / UK buyers ask for social audits and legal-timber evidence more often.
  let european: Bool
}

/// The buyer markets: US first (~40 % of rattan, bamboo and sedge goods), then Japan, the EU
/// countries, the UK, India (incense), Korea and Australia, as in DOMAIN.md.
let marketSpecs: [MarketSpec] = [
  MarketSpec(
    code: "US", weight: 30, languages: ["en"],
    ports: ["Los Angeles", "Long Beach", "New York / New Jersey", "Savannah", "Houston"],
    firstWords: ["Pacific", "Harbor", "Juniper", "Cedar Lane", "Blue Ridge", "Hudson", "Prairie", "Sonoma", "Magnolia", "Lakeshore"],
    secondWords: ["Home", "Living", "Imports", "Trading", "Goods", "Decor", "Supply", "Home & Garden"],
    suffixes: ["LLC", "Inc.", "Co."], european: false),
  MarketSpec(
    code: "JP", weight: 12, languages: ["ja", "en"], ports: ["Tokyo", "Yokohama", "Osaka", "Kobe", "Nagoya"],
    firstWords: ["Sakura", "Hinoki", "Minato", "Asahi", "Kobe", "Kyoto", "Aoi", "Tsubame"],
    secondWords: ["Zakka", "Trading", "Interior", "Shoji", "Kogei", "Living"],
    suffixes: ["K.K.", "Co., Ltd."], european: false),
  MarketSpec(
    code: "GB", weight: 8, languages: ["en"], ports: ["Felixstowe", "Southampton", "London Gateway"],
    firstWords: ["Thames", "Cotswold", "Harrow", "Brighton", "Pennine", "Kestrel", "Wren"],
    secondWords: ["Home", "Interiors", "Trading", "Homeware", "Living"],
    suffixes: ["Ltd"], european: true),
  MarketSpec(
    code: "DE", weight: 8, languages: ["de", "en"], ports: ["Hamburg", "Bremerhaven"],
    firstWords: ["Rhein", "Elbe", "Nordlicht", "Bergmann", "Hanse", "Lindenhof", "Isar"],
    secondWords: ["Wohnen", "Handel", "Living", "Import", "Wohnkultur"],
    suffixes: ["GmbH", "GmbH & Co. KG"], european: true),
  MarketSpec(
    code: "FR", weight: 7, languages: ["fr", "en"], ports: ["Le Havre", "Marseille-Fos"],
    firstWords: ["Maison", "Atelier", "Provence", "Lumière", "Rivage", "Comptoir"],
    secondWords: ["Déco", "Import", "Artisanat", "Intérieur", "Maison"],
    suffixes: ["SARL", "SAS"], european: true),
  MarketSpec(
    code: "ES", weight: 5, languages: ["es", "en"], ports: ["Valencia", "Barcelona", "Algeciras"],
    firstWords: ["Sol", "Levante", "Mediterránea", "Alba", "Brisa", "Olivo"],
    secondWords: ["Hogar", "Decoración", "Importaciones", "Casa"],
    suffixes: ["S.L.", "S.A."], european: true),
  MarketSpec(
    code: "IN", weight: 5, languages: ["en", "hi"], ports: ["Nhava Sheva", "Chennai", "Mundra", "Kolkata"],
    firstWords: ["Ganga", "Shree", "Lotus", "Deccan", "Sai", "Kaveri"],
    secondWords: ["Agarbatti", "Traders", "Exports & Imports", "Fragrances", "Enterprises"],
    suffixes: ["Pvt. Ltd.", "LLP"], european: false),
  MarketSpec(
    code: "KR", weight: 6, languages: ["ko", "en"], ports: ["Busan", "Incheon"],
    firstWords: ["Hanbit", "Seoul", "Busan", "Jeju", "Arirang", "Namsan"],
    secondWords: ["Living", "Trading", "Interior", "Craft"],
    suffixes: ["Co., Ltd."], european: false),
  MarketSpec(
    code: "AU", weight: 6, languages: ["en"], ports: ["Sydney", "Melbourne", "Brisbane"],
    firstWords: ["Southern Cross", "Coastal", "Eucalypt", "Harbour", "Wattle", "Byron"],
    secondWords: ["Homewares", "Living", "Imports", "Trading"],
    suffixes: ["Pty Ltd"], european: false),
  MarketSpec(
    code: "NL", weight: 4, languages: ["nl", "en"], ports: ["Rotterdam"],
    firstWords: ["Noord", "Delta", "Oranje", "Amstel", "Polder"],
    secondWords: ["Wonen", "Trading", "Home", "Interieur"],
    suffixes: ["B.V."], european: true),
  MarketSpec(
    code: "IT", weight: 4, languages: ["it", "en"], ports: ["Genoa", "La Spezia"],
    firstWords: ["Toscana", "Milano", "Adriatica", "Portofino", "Brera"],
    secondWords: ["Casa", "Design", "Import", "Arredo"],
    suffixes: ["S.r.l."], european: true),
  MarketSpec(
    code: "CA", weight: 3, languages: ["en", "fr"], ports: ["Vancouver", "Montréal"],
    firstWords: ["Maple", "Northern", "Laurentian", "Cascade"],
    secondWords: ["Home", "Imports", "Living"],
    suffixes: ["Inc.", "Ltd."], european: false),
  MarketSpec(
    code: "TW", weight: 2, languages: ["zh", "en"], ports: ["Kaohsiung", "Keelung"],
    firstWords: ["Formosa", "Jade", "Lotus Bay"], secondWords: ["Trading", "Art Supply", "Temple Goods"],
    suffixes: ["Co., Ltd."], european: false),
]

/// Words for a category in a buyer's profile and RFQs.
func categoryPhrase(_ category: CraftCategory) -> (vi: String, en: String) {
  switch category {
  case .rattanBamboo: ("hàng mây tre đan", "rattan and bamboo baskets and homeware")
  case .seagrassSedge: ("hàng cói, cỏ tế, lục bình", "seagrass, fern and water hyacinth baskets")
  case .ceramics: ("gốm sứ", "ceramics and tableware")
  case .silkTextiles: ("lụa tơ tằm", "silk scarves and fabric")
  case .embroidery: ("hàng thêu tay", "hand embroidery and linens")
  case .lacquer: ("đồ sơn mài", "lacquerware")
  case .motherOfPearlInlay: ("đồ khảm trai", "mother-of-pearl inlay")
  case .woodCarving: ("tượng gỗ", "carved wood statues and decor")
  case .furniture: ("đồ gỗ nội thất", "furniture")
  case .conicalHats: ("nón lá", "palm-leaf conical hats")
  case .fans: ("quạt giấy, quạt tre", "paper and bamboo fans")
  case .goldSilverLeaf: ("vàng bạc quỳ", "gold and silver leaf")
  case .bronzeCasting: ("đồ đồng đúc", "cast bronze")
  case .incense: ("hương, tăm hương", "incense and incense sticks")
  case .foodSpecialties: ("cốm và đặc sản", "green rice flakes and specialty foods")
  case .bonsaiPlants: ("cây cảnh bonsai", "bonsai")
  default: ("hàng thủ công", "handicrafts")
  }
}

/// Wood and plant-fibre categories, where legal-timber evidence (FSC, EUDR) is asked for.
let woodyCategories: Set<CraftCategory> = [.rattanBamboo, .furniture, .woodCarving, .lacquer, .fans, .motherOfPearlInlay]

// MARK: - Generation

/// What the generator derives once from the catalogue.
struct MarketContext: Sendable {
  let today: Int64
  /// Active export listings (priced in USD), by category, in id order.
  let exportListings: [CraftCategory: [Listing]]
  /// Categories with export listings, in raw-value order.
  let categories: [CraftCategory]
  /// Per country: how many export listings of each category come from producers selling there.
  let countryCategoryWeights: [String: [CraftCategory: Double]]
  /// Per category: certification types some of its producers hold, valid in 120 days, with how
  /// many producers hold each.
  let certificationsByCategory: [CraftCategory: [(CertificationType, Int)]]
  /// Per category: the median USD price (cents) at the MOQ tier and the median MOQ.
  let medianPrice: [CraftCategory: Int64]
  let medianMOQ: [CraftCategory: Int64]
  /// Per category: 4-digit HS headings, and materials by frequency.
  let headings: [CraftCategory: [String]]
  let materials: [CraftCategory: [String]]

  init(listings: [Listing], producers: [Producer], today: Int64) {
    self.today = today
    let producersByID = Dictionary(producers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var export: [CraftCategory: [Listing]] = [:]
    for listing in listings.sorted(by: { $0.id < $1.id })
    where listing.status == .active && usdPrice(listing, quantity: listing.moq) != nil {
      export[listing.category, default: []].append(listing)
    }
    exportListings = export
    categories = export.keys.sorted { $0.rawValue < $1.rawValue }

    var weights: [String: [CraftCategory: Double]] = [:]
    for (category, items) in export {
      for listing in items {
        for market in producersByID[listing.producerId]?.exportMarkets ?? [] {
          weights[market.uppercased(), default: [:]][category, default: 0] += 1
        }
      }
    }
    countryCategoryWeights = weights

    var certs: [CraftCategory: [(CertificationType, Int)]] = [:]
    var prices: [CraftCategory: Int64] = [:]
    var moqs: [CraftCategory: Int64] = [:]
    var heads: [CraftCategory: [String]] = [:]
    var mats: [CraftCategory: [String]] = [:]
    for category in categories {
      let items = export[category] ?? []
      let producerIDs = Set(items.map(\.producerId)).sorted()
      var counts: [CertificationType: Int] = [:]
      for id in producerIDs {
        guard let producer = producersByID[id] else { continue }
        for type in Set(MatchEngine.validCertifications(of: producer, on: today + 120)) {
          counts[type, default: 0] += 1
        }
      }
      certs[category] = counts.filter { $0.key != .other }.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue
      }.map { ($0.key, $0.value) }
      prices[category] = median(items.compactMap { usdPrice($0, quantity: $0.moq) })
      moqs[category] = median(items.map(\.moq))
      var headingCounts: [String: Int] = [:]
      var materialCounts: [String: Int] = [:]
      for listing in items {
        headingCounts[String(CatalogueIndex.digits(listing.hsCode).prefix(4)), default: 0] += 1
        for material in listing.materials { materialCounts[material, default: 0] += 1 }
      }
      heads[category] = headingCounts.keys.filter { !$0.isEmpty }.sorted()
      mats[category] = materialCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map(\.key)
    }
    certificationsByCategory = certs
    medianPrice = prices
    medianMOQ = moqs
    headings = heads
    materials = mats
  }

  // MARK: Buyers

  func buyer(number: Int, rng: inout MarketRandom, usedNames: inout Set<String>) -> Buyer {
    let market = rng.weighted(marketSpecs.map { ($0, $0.weight) })
    var buyer = Buyer()
    buyer.id = "byr-" + padded(number, width: 4)
    buyer.countryCode = market.code
    buyer.buyerType = rng.weighted([
      (.importer, 0.32), (.wholesaler, 0.2), (.retailer, 0.22), (.brand, 0.14), (.agent, 0.12),
    ])
    var name = ""
    repeat {
      let first = rng.pick(market.firstWords), second = rng.pick(market.secondWords)
      name = "\(first) \(second) \(rng.pick(market.suffixes))"
      if usedNames.contains(name) { name = "\(first) \(second) \(rng.int(2...99)) \(rng.pick(market.suffixes))" }
    } while usedNames.contains(name)
    usedNames.insert(name)
    buyer.companyName = name

    // Categories: by what the country already buys from the villages, plus a little of the rest.
    let known = countryCategoryWeights[market.code] ?? [:]
    let choices = categories.map { ($0, (known[$0] ?? 0) + 8) }
    let count = rng.weighted([(1, 0.55), (2, 0.35), (3, 0.1)])
    buyer.categories = rng.weightedDistinct(choices, count: count)
    let main = buyer.categories[0]
    buyer.hsCodePrefixes = buyer.categories.flatMap { headings[$0] ?? [] }
    buyer.hsCodePrefixes = Array(Set(buyer.hsCodePrefixes)).sorted()
    buyer.materials = Array((materials[main] ?? []).prefix(rng.int(1...3)))

    // Order size: importers and wholesalers buy containers, retailers and brands less.
    let moq = max(Int64(50), medianMOQ[main] ?? 100)
    let (low, high): (Double, Double) =
      switch buyer.buyerType {
      case .importer: (3, 20)
      case .wholesaler: (2, 10)
      case .retailer: (1, 4)
      case .brand: (2, 8)
      default: (1, 12)
      }
    let minimum = roundQuantity(Double(moq) * rng.double(low, (low + high) / 2))
    let maximum = max(minimum * 2, roundQuantity(Double(moq) * rng.double((low + high) / 2, high)))
    let unit = exportListings[main]?.first?.unit ?? .piece
    buyer.typicalOrderQuantity = QuantityRange(minQuantity: minimum, maxQuantity: maximum, unit: unit)

    // Prices: around the category's median, retailers and brands paying a little more.
    let median = Double(medianPrice[main] ?? 1_000)
    let payFactor: Double =
      switch buyer.buyerType {
      case .retailer, .brand: 1.2
      case .importer: 0.95
      default: 1.0
      }
    buyer.targetUnitPrice = MoneyRange(
      minMinor: roundCents(median * 0.5 * payFactor), maxMinor: roundCents(median * rng.double(1.0, 1.5) * payFactor),
      currencyCode: "USD")

    buyer.requiredCertifications = requiredCertifications(
      category: main, european: market.european, type: buyer.buyerType, rng: &rng)
    buyer.preferredIncoterms = rng.weighted([
      ([Incoterm.fob], 0.5), ([.fob, .cif], 0.2), ([.cif], 0.08), ([.exw, .fca], 0.1), ([.fca], 0.05),
      ([.fob, .fca], 0.07),
    ])
    buyer.preferredPorts =
      buyer.preferredIncoterms.contains(.cif) ? [rng.pick(market.ports)] : ["Hải Phòng"]
    buyer.languages = market.languages

    let kind: (vi: String, en: String) =
      switch buyer.buyerType {
      case .importer: ("nhà nhập khẩu", "importer")
      case .wholesaler: ("nhà bán buôn", "wholesaler")
      case .retailer: ("chuỗi bán lẻ", "retailer")
      case .brand: ("thương hiệu", "brand")
      default: ("đại lý thu mua", "sourcing agent")
      }
    let phrases = buyer.categories.map(categoryPhrase)
    let country = countryName(market.code)
    let channel = rng.pick([
      ("cho các chuỗi cửa hàng nội thất", "for home-decor chains"),
      ("bán online và tại cửa hàng", "online and in own stores"),
      ("cho khách sạn và nhà hàng", "for hotels and restaurants"),
      ("cho các cửa hàng quà tặng", "for gift shops"),
      ("cho các nhà bán lẻ lớn", "for large retailers"),
    ])
    buyer.about = LocalizedText(
      vi: "\(kind.vi.capitalizedFirst) tại \(country.vi), mua \(phrases.map(\.vi).joined(separator: ", ")) \(channel.0).",
      en: "\(kind.en.capitalizedFirst) in \(country.en) buying \(phrases.map(\.en).joined(separator: ", ")) \(channel.1).")
    var contact = Contact()
    let stem = slug(name)
    contact.personName = rng.pick(["Alex Morgan", "Yuki Tanaka", "Sophie Martin", "Lena Becker", "Carlos Ruiz", "Priya Shah", "Min-jun Kim", "Emma Wilson", "Luca Rossi", "Daan de Vries"])
    contact.email = "sourcing@\(stem).example.com"
    contact.website = "https://\(stem).example.com"
    buyer.contact = contact
    return buyer
  }

  /// Certifications a buyer requires: only types enough producers of the category hold, so the
  /// demand can be met. EU and UK buyers of wood ask for FSC or EUDR evidence, large buyers for
  /// a social audit.
  func requiredCertifications(
    category: CraftCategory, european: Bool, type: BuyerType, rng: inout MarketRandom
  ) -> [CertificationType] {
    let held = Dictionary(uniqueKeysWithValues: certificationsByCategory[category] ?? [])
    func common(_ type: CertificationType) -> Bool { (held[type] ?? 0) >= 3 }
    var out: [CertificationType] = []
    let big = type == .importer || type == .retailer
    if common(.amforiBsci) && rng.chance(european ? (big ? 0.35 : 0.2) : (big ? 0.12 : 0.04)) {
      out.append(.amforiBsci)
    }
    if woodyCategories.contains(category) && european && common(.fscCoc) && rng.chance(0.3) {
      out.append(.fscCoc)
    }
    if category == .silkTextiles && common(.oekoTex100) && rng.chance(european ? 0.4 : 0.2) {
      out.append(.oekoTex100)
    }
    if !european && common(.smeta) && type == .retailer && rng.chance(0.15) { out.append(.smeta) }
    return out
  }

  // MARK: RFQs

  func rfq(number: Int, buyers: [Buyer], nowMilliseconds: Int64, rng: inout MarketRandom) -> Rfq? {
    // Importers and wholesalers post the most.
    let buyer = rng.weighted(buyers.map { buyer in
      let weight: Double =
        switch buyer.buyerType {
        case .importer: 3
        case .wholesaler: 2.5
        case .agent: 2
        default: 1.5
        }
      return (buyer, weight)
    })
    let category = rng.weighted(buyer.categories.enumerated().map { ($0.element, $0.offset == 0 ? 3.0 : 1.0) })
    guard let listings = exportListings[category], !listings.isEmpty else { return nil }
    let seed = rng.pick(listings)
    let title = seed.title?.en ?? ""
    let parts = title.split(separator: " – ", maxSplits: 1).map(String.init)
    let product = parts.first ?? title
    let finish = parts.dropFirst().first

    var rfq = Rfq()
    rfq.id = "rfq-demo-" + padded(number, width: 4)
    rfq.buyerId = buyer.id
    rfq.category = category
    if rng.chance(0.6) { rfq.hsCode = seed.hsCode }
    rfq.materials = Array(seed.materials.prefix(2))
    rfq.title = finish.map { "\(product), \($0)" } ?? product
    rfq.quantityUnit = seed.unit

    // Quantity: the buyer's usual size, never under the product's usual MOQ; one in eight is a
    // big programme order no single workshop can make in time.
    let range = buyer.typicalOrderQuantity ?? QuantityRange(minQuantity: seed.moq, maxQuantity: seed.moq * 5, unit: seed.unit)
    var quantity = Int64(rng.int(Int(range.minQuantity)...Int(max(range.minQuantity, range.maxQuantity))))
    if rng.chance(0.125) { quantity *= Int64(rng.int(4...8)) }
    rfq.quantity = max(seed.moq, roundQuantity(Double(quantity)))

    // Price: near the listing's price for the quantity, sometimes too low to be met.
    let price = usdPrice(seed, quantity: rfq.quantity) ?? seed.moq
    rfq.targetUnitPrice = Money(amountMinor: roundCents(Double(price) * rng.double(0.85, 1.3)), currencyCode: "USD")

    // Deadline: lead time plus shipping slack, between 7 and 26 weeks out.
    let days = max(49, min(182, Int(seed.leadTimeDays) + rng.int(14...90)))
    rfq.deadline = CalendarDate(daysSinceEpoch: today + Int64(days))
    rfq.expiresAt = Time.timestamp(nowMilliseconds + Int64(rng.int(10...45)) * Time.millisecondsPerDay)
    rfq.requiredCertifications = buyer.requiredCertifications
    rfq.incoterm = rng.pick(buyer.preferredIncoterms.isEmpty ? [.fob] : buyer.preferredIncoterms)
    rfq.port = rfq.incoterm == .cif ? (buyer.preferredPorts.first ?? "") : (rfq.incoterm == .fob ? "Hải Phòng" : "")
    rfq.maxProposals = rng.weighted([(10, 0.8), (5, 0.1), (20, 0.1)])

    let incoterm = incotermCode(rfq.incoterm)
    var text = "\(buyerKind(buyer.buyerType)) in \(countryName(buyer.countryCode).en) looking for \(product.lowercasedFirst)"
    if !rfq.materials.isEmpty { text += " in \(rfq.materials.joined(separator: " and "))" }
    if let finish { text += ", \(finish.lowercasedFirst)" }
    text += ". \(rfq.quantity) \(unitWord(rfq.quantityUnit)), \(incoterm)"
    if !rfq.port.isEmpty { text += " \(rfq.port)" }
    text += "."
    if !rfq.requiredCertifications.isEmpty {
      text += " Supplier must hold " + rfq.requiredCertifications.map(MatchEngine.certificationName).joined(separator: ", ") + "."
    }
    text += rng.pick([
      " Please quote with sample cost and lead time.", " Samples needed before the order.",
      " Repeat orders possible for the right partner.", " Private label packaging required.",
      " Mixed designs in one container.",
    ])
    rfq.description = text
    return rfq
  }
}

// MARK: - Helpers

/// The USD unit price of the tier for `quantity` (cents), or nil without USD tiers.
func usdPrice(_ listing: Listing, quantity: Int64) -> Int64? {
  MatchEngine.unitPrice(listing, quantity: quantity, currency: "USD")?.amountMinor
}

func median(_ values: [Int64]) -> Int64 {
  guard !values.isEmpty else { return 0 }
  return values.sorted()[values.count / 2]
}

func padded(_ value: Int, width: Int) -> String {
  let text = String(value)
  return String(repeating: "0", count: max(0, width - text.count)) + text
}

func roundCents(_ value: Double) -> Int64 { max(5, Int64((value / 5).rounded()) * 5) }

/// To 10 below 1,000, else to 50.
func roundQuantity(_ value: Double) -> Int64 {
  let step: Double = value >= 1_000 ? 50 : 10
  return max(Int64(step), Int64((value / step).rounded()) * Int64(step))
}

func slug(_ text: String) -> String {
  let folded = VietnameseFolding.fold(text).lowercased()
  var out = ""
  for character in folded {
    if character.isLetter && character.isASCII || character.isNumber {
      out.append(character)
    } else if out.last != "-" && !out.isEmpty {
      out.append("-")
    }
  }
  while out.last == "-" { out.removeLast() }
  return out
}

func countryName(_ code: String) -> (vi: String, en: String) {
  switch code {
  case "US": ("Hoa Kỳ", "the US")
  case "JP": ("Nhật Bản", "Japan")
  case "GB": ("Anh", "the UK")
  case "DE": ("Đức", "Germany")
  case "FR": ("Pháp", "France")
  case "ES": ("Tây Ban Nha", "Spain")
  case "IN": ("Ấn Độ", "India")
  case "KR": ("Hàn Quốc", "Korea")
  case "AU": ("Úc", "Australia")
  case "NL": ("Hà Lan", "the Netherlands")
  case "IT": ("Ý", "Italy")
  case "CA": ("Canada", "Canada")
  case "TW": ("Đài Loan", "Taiwan")
  default: (code, code)
  }
}

func buyerKind(_ type: BuyerType) -> String {
  switch type {
  case .importer: "Importer"
  case .wholesaler: "Wholesaler"
  case .retailer: "Retailer"
  case .brand: "Brand"
  default: "Sourcing agent"
  }
}

func incotermCode(_ incoterm: Incoterm) -> String {
  switch incoterm {
  case .exw: "EXW"
  case .fca: "FCA"
  case .fob: "FOB"
  case .cif: "CIF"
  case .cfr: "CFR"
  case .dap: "DAP"
  case .ddp: "DDP"
  default: "any incoterm"
  }
}

func unitWord(_ unit: QuantityUnit) -> String {
  switch unit {
  case .set: "sets"
  case .pair: "pairs"
  case .kilogram: "kg"
  case .metre: "m"
  default: "pcs"
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
  var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

// The demo catalogue that `craftd serve --demo` seeds into an empty data directory.

public import CatalogueAPI
public import CommonAPI
import ProtoWire

/// The real craft villages of DOMAIN.md with ~300 generated producers and exactly
/// `listingTarget` listings (or as many as asked for), in Vietnamese and English, with the
/// trade terms buyers compare.
///
/// Everything is drawn from a seeded SplitMix64 generator and never from the clock, so the same
/// seed gives byte-identical messages on every machine and run. Dates are relative to
/// `referenceDate`, not today: certificates that had expired by then stay expired.
///
/// Output-only fields (`createdAt`, `updatedAt`, `version`, the villages' counts, the listings'
/// `villageId`) are filled in consistently so the data can be stored as it is; a seeder that goes
/// through the create RPCs may let the server replace them.
public struct DemoCatalogue: Sendable, Equatable {
  /// Every village of DOMAIN.md, ordered by id; ids are "vlg-" plus the slug ("vlg-ninh-so").
  public var villages: [Village]
  /// Producers ordered by id ("prd-ninh-so-001"), each of an existing village.
  public var producers: [Producer]
  /// Listings ordered by id ("lst-00001"), ids increasing with `createdAt`.
  public var listings: [Listing]

  /// The seed `craftd serve --demo` uses.
  public static let defaultSeed: UInt64 = 2026
  /// The listings generated for any seed.
  public static let listingTarget = 5_000
  /// The day the data is "as of": certificate validity, verification and creation times are
  /// drawn relative to it.
  public static let referenceDate = CalendarDate(year: 2026, month: 11, day: 1)

  public init(villages: [Village], producers: [Producer], listings: [Listing]) {
    self.villages = villages
    self.producers = producers
    self.listings = listings
  }

  /// Generates the demo catalogue; the same seed always gives the same data. Takes a few tens
  /// of milliseconds in a debug build.
  ///
  /// - Parameter listings: how many listings to share out over the same villages and
  ///   producers (benchmarks use 100,000); at least 3 per producer. Ids get a sixth digit past
  ///   99,999 ("lst-000001"), so ids still sort like creation times.
  public static func generate(seed: UInt64 = defaultSeed, listings: Int = listingTarget)
    -> DemoCatalogue
  {
    var generator = DemoGenerator(seed: seed, listingTarget: listings)
    return generator.run()
  }
}

// MARK: - Generation

/// A producer while its listings are being generated.
private struct DemoProducerPlan {
  var producer: Producer
  let spec: DemoVillageSpec
  let crafts: [DemoCraft]
  let products: [(DemoCraft, DemoProduct)]
  let initials: String
  let weight: Double
  var listingCount = 0
}

private struct DemoGenerator {
  let seed: UInt64
  let referenceDay: Int
  let listingTarget: Int

  init(seed: UInt64, listingTarget: Int) {
    self.seed = seed
    self.referenceDay = DemoDates.day(DemoCatalogue.referenceDate)
    self.listingTarget = listingTarget
  }

  mutating func run() -> DemoCatalogue {
    var plans: [DemoProducerPlan] = []
    for (villageIndex, spec) in DemoCatalogue.villageSpecs.enumerated() {
      var rng = DemoRandom(seed: seed, stream: 1_000 + UInt64(villageIndex))
      var usedBrands: [String] = []
      var usedDomains: [String] = []
      for number in 1...spec.producers {
        plans.append(
          makeProducer(
            spec: spec, number: number, rng: &rng, usedBrands: &usedBrands, usedDomains: &usedDomains))
      }
    }
    allocateListings(&plans)

    var generated: [Listing] = []
    generated.reserveCapacity(listingTarget)
    var created: [Int64] = []
    created.reserveCapacity(listingTarget)
    var activeByVillage: [String: Int32] = [:]
    for (index, plan) in plans.enumerated() {
      var rng = DemoRandom(seed: seed, stream: 100_000 + UInt64(index))
      let made = makeListings(plan, rng: &rng)
      for listing in made.indices {
        created.append(made[listing].createdAt?.seconds ?? 0)
        if made[listing].status == .active { activeByVillage[plan.spec.id, default: 0] += 1 }
      }
      generated += made
    }
    // Ids increase with creation time, so "newest first" and "by id" tell the same story. The
    // sort runs on small keys: moving whole listings around is slow in a debug build.
    let order = created.indices.sorted { created[$0] != created[$1] ? created[$0] < created[$1] : $0 < $1 }
    let idWidth = max(5, String(order.count).count)
    var listings: [Listing] = []
    listings.reserveCapacity(order.count)
    for (position, index) in order.enumerated() {
      var listing = generated[index]
      listing.id = "lst-" + DemoText.padded(position + 1, width: idWidth)
      listings.append(listing)
    }

    var villages = DemoCatalogue.villageSpecs.map(\.village)
    for index in villages.indices {
      let id = villages[index].id
      villages[index].producerCount = Int32(plans.count { $0.spec.id == id })
      villages[index].listingCount = activeByVillage[id] ?? 0
    }
    villages.sort { $0.id < $1.id }
    let producers = plans.map(\.producer).sorted { $0.id < $1.id }
    return DemoCatalogue(villages: villages, producers: producers, listings: listings)
  }

  // MARK: Producers

  private func makeProducer(
    spec: DemoVillageSpec, number: Int, rng: inout DemoRandom, usedBrands: inout [String],
    usedDomains: inout [String]
  ) -> DemoProducerPlan {
    let big = spec.producers >= 20
    let kind: Producer.Kind =
      number == 1 && spec.producers >= 10
      ? .cooperative
      : rng.weighted([
        (.household, big ? 0.45 : 0.6), (.cooperative, big ? 0.15 : 0.2), (.company, big ? 0.4 : 0.2),
      ])
    let primary = DemoCatalogue.craft(rng.weighted(spec.crafts))
    var crafts = [primary]
    if spec.crafts.count > 1, rng.chance(0.3),
      let other = spec.crafts.map(\.0).first(where: { $0 != primary.category })
    {
      crafts.append(DemoCatalogue.craft(other))
    }

    // Products: a few types of the main craft, one or two of a second.
    let range: ClosedRange<Int> =
      switch kind {
      case .household: 2...4
      case .cooperative: 3...6
      default: 4...8
      }
    var products = rng.sample(primary.products, count: rng.int(range)).map { (primary, $0) }
    if crafts.count > 1 {
      products += rng.sample(crafts[1].products, count: rng.int(1...2)).map { (crafts[1], $0) }
    }

    var brand = ""
    repeat {
      let first = rng.pick(DemoNames.brandWords)
      let second = rng.pick(DemoNames.brandWords)
      if first != second { brand = first + " " + second }
    } while brand.isEmpty || usedBrands.contains(brand) || DemoNames.avoidedBrands.contains(brand)
    usedBrands.append(brand)
    let person = DemoNames.person(&rng)

    let nounVI = primary.nounVI
    let nounEN = primary.nounEN
    let brandEN = DemoText.ascii(brand)
    let nameVI: String
    let nameEN: String
    switch kind {
    case .household:
      if rng.chance(0.5) {
        (nameVI, nameEN) = ("Cơ sở \(nounVI) \(brand)", "\(brandEN) \(nounEN) Workshop")
      } else {
        (nameVI, nameEN) = ("Hộ kinh doanh \(person.full)", "\(DemoText.ascii(person.full)) Household Business")
      }
    case .cooperative:
      if number == 1 {
        (nameVI, nameEN) = ("Hợp tác xã \(nounVI) \(spec.vi)", "\(spec.en) \(nounEN) Cooperative")
      } else {
        (nameVI, nameEN) = ("Hợp tác xã \(nounVI) \(brand)", "\(brandEN) \(nounEN) Cooperative")
      }
    default:
      let noun = DemoNames.capitalizedFirst(nounVI)
      (nameVI, nameEN) = rng.pick([
        ("Công ty TNHH \(noun) \(brand)", "\(brandEN) \(nounEN) Co., Ltd."),
        ("Công ty Cổ phần \(noun) \(brand)", "\(brandEN) \(nounEN) JSC"),
        ("Công ty TNHH Xuất nhập khẩu \(noun) \(brand)", "\(brandEN) \(nounEN) Import-Export Co., Ltd."),
        ("Công ty TNHH Thủ công Mỹ nghệ \(brand)", "\(brandEN) Handicrafts Co., Ltd."),
      ])
    }

    var producer = Producer()
    producer.id = "prd-\(spec.slug)-" + DemoText.padded(number, width: 3)
    producer.kind = kind
    producer.name = LocalizedText(vi: nameVI, en: nameEN)
    producer.villageId = spec.id

    // Contact: fake but well-formed.
    var domainStem = DemoText.slug(kind == .household && nameVI.hasPrefix("Hộ") ? person.full : brand)
    if usedDomains.contains(domainStem) { domainStem += "-\(number)" }
    usedDomains.append(domainStem)
    let domain =
      kind == .cooperative && number == 1 ? "htx-\(spec.slug).example.vn" : "\(domainStem)-\(spec.slug).example.vn"
    var contact = Contact()
    contact.personName = person.full
    let mailbox =
      kind == .household
      ? DemoText.slug(person.given) + "." + DemoText.slug(person.family)
      : rng.pick(["sales", "export", "info", DemoText.slug(person.given)])
    contact.email = "\(mailbox)@\(domain)"
    contact.phone =
      kind == .company && rng.chance(0.4)
      ? "+8424" + DemoText.padded(rng.int(3_000_0000...3_999_9999), width: 8)
      : "+84" + rng.pick(DemoNames.mobilePrefixes) + DemoText.padded(rng.int(0...9_999_999), width: 7)
    if kind != .household || rng.chance(0.2) { contact.website = "https://\(domain)" }
    let hamlet = rng.pick(spec.hamlets)
    let street = hamlet.hasPrefix("phố") || hamlet.hasPrefix("ngõ")
    contact.address =
      (street || rng.chance(0.4) ? "Số \(rng.int(1...180)) " : "") + "\(hamlet), \(spec.addressTail)"
    producer.contact = contact

    // Markets: the village's known buyers first, then the craft's usual ones.
    let marketCount: Int =
      switch kind {
      case .household: rng.chance(0.45) ? 0 : rng.int(1...2)
      case .cooperative: rng.int(1...4)
      default: rng.int(3...8)
      }
    var marketWeights = primary.markets.map { (code, weight) in
      (code, spec.knownMarkets.contains(code) ? weight + 15 : weight)
    }
    for code in spec.knownMarkets where !marketWeights.contains(where: { $0.0 == code }) {
      marketWeights.append((code, 15))
    }
    producer.exportMarkets = rng.weightedDistinct(marketWeights, count: marketCount)

    let kindFactor: Double =
      switch kind {
      case .household: 0.25
      case .cooperative: 0.9
      default: 1.4
      }
    for (type, probability) in primary.certifications where rng.chance(min(0.95, probability * kindFactor)) {
      producer.certifications.append(certification(type, producerID: producer.id, craft: primary, rng: &rng))
    }

    producer.verificationTier =
      switch kind {
      case .company: rng.weighted([(.onSiteAudit, 0.45), (.documents, 0.4), (.selfDeclared, 0.15)])
      case .cooperative: rng.weighted([(.onSiteAudit, 0.3), (.documents, 0.45), (.selfDeclared, 0.25)])
      default: rng.weighted([(.documents, 0.2), (.selfDeclared, 0.55), (.unspecified, 0.25)])
      }
    if producer.verificationTier == .documents || producer.verificationTier == .onSiteAudit {
      producer.verifiedOn = DemoDates.date(referenceDay - rng.int(10...500))
    }

    var stats = ResponseStats()
    if !rng.chance(0.08) {
      let rate: ClosedRange<Int> =
        switch kind {
        case .company: 75...98
        case .cooperative: 60...95
        default: 35...90
        }
      stats.responseRate = Double(rng.int(rate)) / 100
      // Log-uniform between 20 minutes and 36 hours, to the minute.
      let logSeconds = 7.09 + rng.unit() * (11.77 - 7.09)
      stats.medianResponseSeconds = Int64(DemoDates.exp(logSeconds) / 60) * 60
      stats.sampleSize = Int32(rng.int(kind == .household ? 3...40 : 8...180))
    }
    producer.responseStats = stats

    let employees: ClosedRange<Int>
    let founded: ClosedRange<Int>
    switch kind {
    case .household: (employees, founded) = (3...25, 1986...2023)
    case .cooperative: (employees, founded) = (25...350, 1997...2021)
    default: (employees, founded) = (30...900, 1993...2022)
    }
    producer.employees = Int32(rng.int(employees))
    producer.foundedYear = Int32(rng.int(founded))

    let created = DemoDates.seconds(day: referenceDay - rng.int(200...560), rng: &rng)
    producer.createdAt = ProtoTimestamp(seconds: created)
    producer.updatedAt = ProtoTimestamp(seconds: created)
    producer.version = 1

    producer.description = producerDescription(
      producer, spec: spec, products: products.map(\.1), rng: &rng)

    let weight: Double =
      switch kind {
      case .household: 1.0
      case .cooperative: 1.8
      default: 2.6
      }
    return DemoProducerPlan(
      producer: producer, spec: spec, crafts: crafts, products: products,
      initials: DemoText.initials(kind == .household && nameVI.hasPrefix("Hộ") ? person.full : brand),
      weight: weight * (0.6 + rng.unit() * 0.8))
  }

  private func producerDescription(
    _ producer: Producer, spec: DemoVillageSpec, products: [DemoProduct], rng: inout DemoRandom
  ) -> LocalizedText {
    let (kindVI, kindEN) =
      switch producer.kind {
      case .household: ("cơ sở sản xuất hộ gia đình", "a family workshop")
      case .cooperative: ("hợp tác xã", "a cooperative")
      default: ("doanh nghiệp sản xuất và xuất khẩu", "a manufacturer and exporter")
      }
    let shown = Array(products.prefix(3))
    let listVI = DemoNames.list(shown.map { DemoNames.lowercasedFirst($0.vi) }, and: "và")
    let listEN = DemoNames.list(shown.map { DemoNames.lowercasedFirst($0.en) }, and: "and")
    let name = producer.name ?? LocalizedText()
    var vi =
      "\(name.vi) là \(kindVI) tại làng \(spec.shortVI) (\(spec.district), Hà Nội), chuyên \(listVI). "
      + "Thành lập năm \(producer.foundedYear), khoảng \(producer.employees) lao động"
    var en =
      "\(name.en) is \(kindEN) in \(spec.en) (\(DemoText.ascii(spec.district)), Hanoi) making \(listEN). "
      + "Founded in \(producer.foundedYear), about \(producer.employees) workers"
    if producer.kind != .household, rng.chance(0.5) {
      vi += ", kể cả thợ làm tại nhà trong làng"
      en += ", including home workers in the village"
    }
    vi += ". "
    en += ". "
    let markets = producer.exportMarkets.prefix(4)
    if markets.isEmpty {
      vi += "Chủ yếu bán trong nước và qua các công ty thu gom của làng."
      en += "Sells mainly at home and through the village's collecting firms."
    } else {
      vi += "Đã xuất khẩu sang " + DemoNames.list(markets.map { DemoNames.country($0).vi }, and: "và") + "."
      en += "Exports to " + DemoNames.list(markets.map { DemoNames.country($0).en }, and: "and") + "."
    }
    if producer.kind == .company, rng.chance(0.5) {
      vi += " Nhận gom hàng từ nhiều hộ trong làng để đáp ứng đơn hàng container."
      en += " Consolidates work from many village households to fill container orders."
    }
    return LocalizedText(vi: vi, en: en)
  }

  private func certification(
    _ type: CertificationType, producerID: String, craft: DemoCraft, rng: inout DemoRandom
  ) -> Certification {
    var cert = Certification()
    cert.type = type
    let years: Int
    switch type {
    case .fscCoc:
      let (issuer, prefix) = rng.pick([
        ("Control Union", "CU-COC-"), ("SGS", "SGSHK-COC-"), ("Bureau Veritas", "BV-COC-"),
        ("Preferred by Nature", "NC-COC-"), ("SCS Global Services", "SCS-COC-"),
      ])
      cert.issuer = issuer
      cert.certificateNumber = prefix + DemoText.padded(rng.int(0...999_999), width: 6)
      cert.label = "FSC Chain of Custody (FSC-C\(rng.int(100_000...199_999)))"
      years = 5
    case .pefcCoc:
      cert.issuer = rng.pick(["Bureau Veritas", "SGS", "Control Union"])
      cert.certificateNumber = "PEFC/VN-COC-" + DemoText.padded(rng.int(0...99_999), width: 5)
      cert.label = "PEFC Chain of Custody"
      years = 5
    case .amforiBsci:
      cert.issuer = rng.pick(["TÜV Rheinland", "Intertek", "SGS", "Bureau Veritas", "QIMA"])
      cert.certificateNumber = "DBID " + String(rng.int(300_000...499_999))
      let rating = rng.weighted([("A", 0.15), ("B", 0.45), ("C", 0.4)])
      cert.label = "amfori BSCI audit, rating \(rating)"
      years = rating == "C" ? 1 : 2
    case .smeta:
      cert.issuer = rng.pick(["Intertek", "SGS", "Bureau Veritas", "ELEVATE"])
      cert.certificateNumber = "ZS" + DemoText.padded(rng.int(0...99_999_999), width: 8)
      cert.label = "SMETA 4-Pillar audit"
      years = 1
    case .sa8000:
      cert.issuer = rng.pick(["TÜV SÜD", "Bureau Veritas"])
      cert.certificateNumber = "SA8000-VN-" + DemoText.padded(rng.int(0...9_999), width: 4)
      cert.label = "SA8000:2014"
      years = 3
    case .iso9001:
      cert.issuer = rng.pick(["QUACERT", "TÜV Rheinland Vietnam", "Bureau Veritas", "SGS Vietnam"])
      cert.certificateNumber = "QMS-\(rng.int(21...26))-" + DemoText.padded(rng.int(0...9_999), width: 4)
      cert.label = "ISO 9001:2015"
      years = 3
    case .oekoTex100:
      cert.issuer = rng.pick(["Hohenstein", "TESTEX", "CENTEXBEL"])
      cert.certificateNumber = "\(rng.int(22...26)).HVN." + DemoText.padded(rng.int(0...99_999), width: 5)
      cert.label = "OEKO-TEX Standard 100, product class II"
      years = 1
    case .fairTrade:
      cert.issuer = "World Fair Trade Organization (WFTO)"
      cert.certificateNumber = "WFTO-VN-" + DemoText.padded(rng.int(1...250), width: 3)
      cert.label = "WFTO Guaranteed Fair Trade"
      years = 3
    case .vietcraftExcellence:
      cert.issuer = "Vietcraft"
      cert.certificateNumber = "VCE-\(rng.int(2022...2026))-" + DemoText.padded(rng.int(1...400), width: 3)
      cert.label = "Vietcraft Excellence"
      years = 2
    case .eudrDueDiligence:
      cert.issuer = "Preferred by Nature"
      cert.certificateNumber = "DDS-\(rng.int(25...26))VN" + DemoText.padded(rng.int(0...99_999_999), width: 8)
      cert.label = "EUDR due-diligence statement with plot geolocation"
      years = 1
    default:
      cert.type = .other
      cert.issuer = "UBND Thành phố Hà Nội"
      cert.certificateNumber = "OCOP-HN-\(rng.int(2021...2026))-" + DemoText.padded(rng.int(1...2_000), width: 4)
      cert.label = "OCOP \(rng.weighted([(3, 0.4), (4, 0.5), (5, 0.1)])) sao (Mỗi xã một sản phẩm)"
      years = 3
    }
    // Starts so that roughly a fifth to a third of the short certificates have lapsed.
    let span = years * 365
    let start = referenceDay - rng.int(30...(span + 200))
    cert.valid = DateRange(start: DemoDates.date(start), end: DemoDates.date(start + span - 1))
    if rng.chance(0.6) {
      cert.documentUrl = "https://docs.example.vn/certs/\(producerID)/\(DemoText.slug(cert.label)).pdf"
    }
    return cert
  }

  /// Shares `listingTarget` listings out by weight (largest remainder), at least 3 each.
  private func allocateListings(_ plans: inout [DemoProducerPlan]) {
    let minimum = 3
    let target = max(listingTarget, minimum * plans.count)
    let spare = Double(target - minimum * plans.count)
    let total = plans.reduce(0) { $0 + $1.weight }
    var remainders: [(Double, Int)] = []
    var assigned = 0
    for index in plans.indices {
      let exact = spare * plans[index].weight / total
      let whole = Int(exact)
      plans[index].listingCount = minimum + whole
      assigned += minimum + whole
      remainders.append((exact - Double(whole), index))
    }
    remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    for (_, index) in remainders.prefix(target - assigned) { plans[index].listingCount += 1 }
  }

  // MARK: Listings

  private func makeListings(_ plan: DemoProducerPlan, rng: inout DemoRandom) -> [Listing] {
    var listings: [Listing] = []
    var usedCombos: [String] = []
    let producer = plan.producer
    let spec = plan.spec
    let created = producer.createdAt?.seconds ?? 0
    let createdDay = Int(created / 86_400)
    // Per producer, not per listing: string work is slow in a debug build.
    let districtEN = DemoText.ascii(spec.district)
    let atVillage = ("\(spec.vi), \(spec.district), Hà Nội", "\(spec.en), \(districtEN), Hanoi")
    let held = producer.certifications.filter { $0.valid?.contains(DemoCatalogue.referenceDate) ?? false }
      .map(\.type)
    for sequence in 1...plan.listingCount {
      // A product, finish and size this producer does not list yet (a few tries, then repeat).
      var choice = (plan.products[0], -1, -1)
      for _ in 0..<6 {
        let pair = plan.products[(sequence - 1 + rng.int(0...1)) % plan.products.count]
        let finishes = pair.1.finishes ?? pair.0.finishes
        let finish = finishes.isEmpty ? -1 : rng.int(0...(finishes.count - 1))
        let size = pair.1.sizes.isEmpty ? -1 : rng.int(0...(pair.1.sizes.count - 1))
        choice = (pair, finish, size)
        let key = "\(pair.1.code)/\(finish)/\(size)"
        if !usedCombos.contains(key) {
          usedCombos.append(key)
          break
        }
      }
      let ((craft, product), finishIndex, sizeIndex) = choice
      let finishes = product.finishes ?? craft.finishes
      let finish: DemoFinish? = finishIndex >= 0 ? finishes[finishIndex] : nil
      let size: String? = sizeIndex >= 0 ? product.sizes[sizeIndex] : nil
      let step = Double(max(sizeIndex, 0))

      var listing = Listing()
      listing.producerId = producer.id
      listing.villageId = spec.id
      listing.sku = "\(plan.initials)-\(product.code)-" + DemoText.padded(sequence, width: 3)
      listing.category = craft.category
      listing.hsCode = product.hs
      var materials = product.materials
      if let material = finish?.material, !materials.contains(material) { materials.append(material) }
      listing.materials = materials
      listing.unit = product.unit

      // Trade terms.
      let export = rng.chance(craft.exportShare * (producer.kind == .household ? 0.85 : 1))
      listing.moq = Int64(rng.pick(product.moqs))
      let kindFactor: Double =
        switch producer.kind {
        case .household: 0.9
        case .cooperative: 0.95
        default: 1.05
        }
      let base =
        Double(rng.int(product.price)) * (1 + 0.35 * step) * kindFactor
        * (finish?.material == nil ? 1 : 1.15)
      let tierCount = producer.kind == .household ? rng.int(1...3) : rng.int(2...4)
      let multipliers = [1.0, 0.95, 0.9, 0.85]
      let quantities = [1, 2, 5, 10].map { Int64($0) * listing.moq }
      var usdTiers: [PriceTier] = []
      var vndTiers: [PriceTier] = []
      for tier in 0..<tierCount {
        let cents = DemoPrices.roundCents(base * multipliers[tier] * (0.99 + rng.unit() * 0.02))
        if export || rng.chance(0.5) {
          usdTiers.append(PriceTier(minQuantity: quantities[tier], unitPrice: Money(amountMinor: cents, currencyCode: "USD")))
        }
        if !export || rng.chance(0.12) {
          vndTiers.append(PriceTier(minQuantity: quantities[tier], unitPrice: Money(amountMinor: DemoPrices.vnd(cents), currencyCode: "VND")))
        }
      }
      if usdTiers.isEmpty && vndTiers.isEmpty {
        vndTiers.append(PriceTier(minQuantity: listing.moq, unitPrice: Money(amountMinor: DemoPrices.vnd(DemoPrices.roundCents(base)), currencyCode: "VND")))
      }
      if !usdTiers.isEmpty, usdTiers[0].minQuantity != listing.moq {
        usdTiers[0].minQuantity = listing.moq
      }
      if !vndTiers.isEmpty, vndTiers[0].minQuantity != listing.moq {
        vndTiers[0].minQuantity = listing.moq
      }
      listing.priceTiers = usdTiers + vndTiers

      let place: (vi: String, en: String)
      if !export {
        listing.incoterm = .exw
        place = atVillage
      } else {
        let light = [CraftCategory.silkTextiles, .goldSilverLeaf, .embroidery].contains(craft.category)
        listing.incoterm = rng.weighted([
          (.fob, 0.6), (.exw, 0.2), (.cif, 0.12), (.fca, light ? 0.25 : 0.04),
        ])
        switch listing.incoterm {
        case .fob:
          place = rng.chance(0.8) ? ("Hải Phòng", "Hai Phong") : ("Cát Lái, TP. Hồ Chí Minh", "Cat Lai, Ho Chi Minh City")
        case .cif:
          let market = producer.exportMarkets.first ?? "US"
          let port = DemoNames.port(market)
          place = (port, port)
        case .fca:
          place = ("Sân bay Nội Bài, Hà Nội", "Noi Bai Airport, Hanoi")
        default:
          place = atVillage
        }
      }
      listing.incotermPlace = place.vi
      listing.leadTimeDays = Int32(rng.int(product.lead))

      let capacityFactor: Double =
        switch producer.kind {
        case .household: 0.35
        case .cooperative: 1.0
        default: 1.8
        }
      let capacity = Double(rng.int(product.capacity)) * capacityFactor / (1 + 0.3 * step)
      listing.monthlyCapacity = max(DemoPrices.roundQuantity(capacity), listing.moq * 2)

      let sampleChance: Double =
        switch craft.category {
        case .bonsaiPlants: 0.3
        case .foodSpecialties: 0.6
        default: 0.88
        }
      if rng.chance(sampleChance) {
        let currency = usdTiers.isEmpty ? "VND" : "USD"
        let cents = max(1_000, Int64(base * (1.5 + rng.unit() * 1.5)))
        let rounded = (cents + 99) / 100 * 100
        listing.samplePrice = Money(amountMinor: currency == "USD" ? rounded : DemoPrices.vnd(rounded), currencyCode: currency)
        listing.sampleDays = Int32(min(rng.int(10...21), max(Int(listing.leadTimeDays), 3)))
      }

      var packing = Packing()
      let perCarton = Double(rng.int(product.perCarton)) / (1 + 0.5 * step)
      packing.unitsPerCarton = Int32(max(1, Int(perCarton.rounded())))
      packing.cartonCbm = DemoPrices.round(product.cartonCbm * (1 + 0.4 * step) * (0.9 + rng.unit() * 0.2), places: 3)
      packing.cartonGrossWeightKg = DemoPrices.round(product.cartonKg * (1 + 0.3 * step) * (0.9 + rng.unit() * 0.2), places: 1)
      packing.description = LocalizedText(
        vi: DemoText.fill(product.packVI, Int(packing.unitsPerCarton)),
        en: DemoText.fill(product.packEN, Int(packing.unitsPerCarton)))
      listing.packing = packing

      let images = rng.int(1...4)
      listing.imageUrls = (1...images).map {
        "https://img.example.vn/\(producer.id)/\(listing.sku.lowercased())-\($0).jpg"
      }
      switch producer.kind {
      case .household: (listing.oem, listing.odm) = (rng.chance(0.35), rng.chance(0.2))
      case .cooperative: (listing.oem, listing.odm) = (rng.chance(0.6), rng.chance(0.4))
      default: (listing.oem, listing.odm) = (rng.chance(0.8), rng.chance(0.6))
      }
      listing.status = rng.chance(0.05) ? .draft : .active

      // Text.
      var titleVI = product.vi
      var titleEN = product.en
      if let finish {
        titleVI += " – " + finish.vi
        titleEN += " – " + finish.en
      }
      if let size {
        titleVI += (finish == nil ? " " : ", ") + size
        titleEN += (finish == nil ? " " : ", ") + size
      }
      listing.title = LocalizedText(vi: titleVI, en: titleEN)
      listing.description = listingDescription(
        listing, craft: craft, product: product, finish: finish, place: place, producer: producer,
        spec: spec, districtEN: districtEN, held: held, rng: &rng)

      // Times: after the producer joined, before the reference day.
      let latest = max(createdDay + 1, referenceDay - 1)
      let day = rng.int(createdDay...min(createdDay + 300, latest))
      var seconds = DemoDates.seconds(day: day, rng: &rng)
      if seconds < created { seconds = created + Int64(sequence) * 60 }
      listing.createdAt = ProtoTimestamp(seconds: seconds)
      listing.version = 1
      var updated = seconds
      if rng.chance(0.15) {
        listing.version = Int64(rng.int(2...3))
        let updatedDay = min(day + rng.int(1...60), referenceDay - 1)
        updated = max(seconds, DemoDates.seconds(day: updatedDay, rng: &rng))
      }
      listing.updatedAt = ProtoTimestamp(seconds: updated)
      listings.append(listing)
    }
    return listings
  }

  private func listingDescription(
    _ listing: Listing, craft: DemoCraft, product: DemoProduct, finish: DemoFinish?,
    place: (vi: String, en: String), producer: Producer, spec: DemoVillageSpec, districtEN: String,
    held: [CertificationType], rng: inout DemoRandom
  ) -> LocalizedText {
    var vi = [product.descVI]
    var en = [product.descEN]
    if let finish {
      let label = DemoNames.finishLabel(craft.category)
      vi.append("\(label.vi): \(finish.vi).")
      en.append("\(label.en): \(finish.en).")
    }
    let technique = rng.int(0...(craft.techniqueVI.count - 1))
    vi.append(craft.techniqueVI[technique])
    en.append(craft.techniqueEN[technique])
    vi.append("Sản xuất tại làng nghề \(spec.shortVI) (\(spec.district), Hà Nội).")
    en.append("Made in the craft village of \(spec.shortEN) (\(districtEN), Hanoi).")
    let woody: [CraftCategory] = [.rattanBamboo, .lacquer, .woodCarving, .furniture, .fans, .motherOfPearlInlay]
    if held.contains(.fscCoc), woody.contains(craft.category) {
      vi.append("Nguyên liệu có chứng nhận FSC.")
      en.append("FSC-certified material available.")
    }
    if held.contains(.amforiBsci) {
      vi.append("Xưởng đã được đánh giá amfori BSCI.")
      en.append("amfori BSCI audited workshop.")
    }
    if held.contains(.oekoTex100) {
      vi.append("Đạt chứng nhận OEKO-TEX Standard 100.")
      en.append("OEKO-TEX Standard 100 certified.")
    }
    switch (listing.oem, listing.odm) {
    case (true, true):
      vi.append("Nhận OEM theo thiết kế của khách và ODM từ mẫu có sẵn.")
      en.append("OEM to your design and ODM from our range.")
    case (true, false):
      vi.append("Nhận sản xuất OEM theo mẫu của khách hàng.")
      en.append("OEM production to your design.")
    case (false, true):
      vi.append("Điều chỉnh mẫu có sẵn theo yêu cầu (ODM).")
      en.append("ODM: our designs adapted to your brief.")
    default: break
    }
    let unit = DemoNames.unitWords(listing.unit, category: craft.category)
    let term = DemoNames.incotermCode(listing.incoterm)
    var tradeVI = "MOQ \(DemoText.groupedVI(Int(listing.moq))) \(unit.vi)/mẫu; giá \(term) \(place.vi); sản xuất khoảng \(listing.leadTimeDays) ngày"
    var tradeEN = "MOQ \(DemoText.groupedEN(Int(listing.moq))) \(unit.en) per design; \(term) \(place.en); production lead time about \(listing.leadTimeDays) days"
    if listing.samplePrice != nil {
      tradeVI += "; làm mẫu trong \(listing.sampleDays) ngày"
      tradeEN += "; samples in \(listing.sampleDays) days"
    }
    vi.append(tradeVI + ".")
    en.append(tradeEN + ".")
    if producer.kind != .household, rng.chance(0.4) {
      vi.append("Thanh toán: đặt cọc 30%, 70% khi nhận bộ chứng từ (B/L).")
      en.append("Payment: 30% deposit, 70% against shipping documents (B/L).")
    }
    return LocalizedText(vi: vi.joined(separator: " "), en: en.joined(separator: " "))
  }
}

// MARK: - Small helpers

/// Calendar arithmetic on day numbers since 1970-01-01 (proleptic Gregorian, H. Hinnant's
/// algorithms), so no Foundation calendar or time zone is involved.
enum DemoDates {
  static func day(_ date: CalendarDate) -> Int {
    let y = Int(date.year) - (date.month <= 2 ? 1 : 0)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int(date.month)
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int(date.day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func date(_ day: Int) -> CalendarDate {
    CalendarDate(daysSinceEpoch: Int64(day))
  }

  /// A time on `day` during Hanoi office hours (08:00–18:00 UTC+7), in Unix seconds.
  static func seconds(day: Int, rng: inout DemoRandom) -> Int64 {
    Int64(day) * 86_400 + Int64(rng.int(3_600...39_600))
  }

  /// eˣ by range reduction and a Taylor series, so no libm call (and no platform difference).
  static func exp(_ x: Double) -> Double {
    let n = Int(x)
    let r = x - Double(n)
    var term = 1.0
    var sum = 1.0
    for k in 1...20 {
      term *= r / Double(k)
      sum += term
    }
    var result = sum
    for _ in 0..<n { result *= 2.718_281_828_459_045 }
    return result
  }
}

enum DemoPrices {
  /// Dong per US cent (25,400 VND to the dollar).
  static let vndPerCent: Int64 = 254

  /// Whole cents; above $10 to the 10 cents, below to the 5 cents.
  static func roundCents(_ value: Double) -> Int64 {
    let step: Double = value >= 1_000 ? 10 : 5
    return max(Int64(step), Int64((value / step).rounded()) * Int64(step))
  }

  /// A price in dong rounded to 1,000 VND.
  static func vnd(_ cents: Int64) -> Int64 { max(1_000, (cents * vndPerCent + 500) / 1_000 * 1_000) }

  /// A capacity rounded to 10 below 1,000, else to 50.
  static func roundQuantity(_ value: Double) -> Int64 {
    let step: Double = value >= 1_000 ? 50 : 10
    return max(Int64(step), Int64((value / step).rounded()) * Int64(step))
  }

  static func round(_ value: Double, places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}

internal import CatalogueAPI
internal import CommonAPI
internal import MatchingAPI

/// What a buyer needs, normalised from an RFQ or from a standing buyer profile, so one engine
/// serves both directions.
struct MatchNeed: Sendable {
  var buyerID = ""
  var buyerCountry = ""
  var rfqID = ""
  /// Categories that fit; empty: any.
  var categories: Set<CraftCategory> = []
  /// HS digit prefixes that fit ("4602", "460212"); empty: any.
  var hsPrefixes: [String] = []
  /// Folded words of the need, unique, in first-seen order.
  var terms: [String] = []
  /// Total quantity; 0 when unknown (a profile without a typical quantity).
  var quantity: Int64 = 0
  var unit: QuantityUnit = .unspecified
  /// Target unit price, in minor units of its currency.
  var targetPrice: Money?
  /// The day (days since 1970, Vietnam) the goods must be ready; `nil`: no deadline.
  var deadlineDay: Int64?
  var requiredCertifications: [CertificationType] = []
  /// Incoterms the buyer accepts; empty: any.
  var incoterms: [Incoterm] = []
}

/// What matching knows about a buyer–producer pair from introductions and, when it follows the
/// orders feed, from orders.
struct PairHistory: Sendable {
  /// The latest introduction between the pair; empty and `.unspecified` without one.
  var latestIntroductionID = ""
  var latestStatus: IntroductionStatus = .unspecified
  /// An introduction between them was accepted, or they trade: a known pair.
  var known = false
  /// Orders between them that are not cancelled; `nil` when orders are not followed.
  var orders: Int?
}

/// A producer's answers to introductions requested by buyers.
struct ResponseStats: Sendable {
  var requested = 0
  var answered = 0
  var answeredWithin24h = 0
  var medianSeconds: Int64 = 0

  /// Answered within 24 h / requested.
  var within24hRate: Double { requested == 0 ? 0 : Double(answeredWithin24h) / Double(requested) }
}

/// A need prepared against one index: its words, country and certificates as the index's
/// integers, so the filters and the score compare numbers.
struct CompiledNeed: Sendable {
  var need: MatchNeed
  var today: Int64
  /// Raw values of the categories that fit; empty: any.
  var categories: [Int32]
  /// The HS prefixes packed with their masks (``HSDigits``); nil when one is too long to pack.
  var hsPrefixes: [(value: UInt64, mask: UInt64)]?
  /// Ids of the need's words that some listing uses (the rest can match nothing).
  var terms: TermSet
  /// The buyer's country among the producers' export markets (nil: nobody exports there).
  var country: Int32?
  var region: Int?
  /// The target price's currency, upper case, and its id in the index (nil: no listing has a
  /// price in it).
  var currency: String?
  var currencyID: Int32?
  /// The target unit price (positive), in minor units.
  var target: Int64?
  /// The day certificates must be valid on: the deadline, else today.
  var day: Int64
  /// The required certifications, each once.
  var wanted: [CertificationType]
  /// The accepted incoterms as ``MatchEngine/incotermRank(_:)`` gives them; empty: any.
  var incotermRanks: [Int?]

  init(_ need: MatchNeed, index: CatalogueIndex, today: Int64) {
    self.need = need
    self.today = today
    categories = need.categories.map(\.rawValue)
    let packed = need.hsPrefixes.compactMap(HSDigits.packed)
    hsPrefixes = packed.count == need.hsPrefixes.count ? packed.map { ($0, HSDigits.mask(of: $0)) } : nil
    terms = TermSet(need.terms.compactMap(index.termID))
    let country = need.buyerCountry.uppercased()
    self.country = country.isEmpty ? nil : index.countryID(country)
    region = Regions.region(of: country)
    currency = need.targetPrice?.currencyCode.uppercased()
    currencyID = currency.flatMap(index.currencyID)
    if let price = need.targetPrice, price.amountMinor > 0 { target = price.amountMinor }
    day = need.deadlineDay ?? today
    var wanted: [CertificationType] = []
    for type in need.requiredCertifications where !wanted.contains(type) { wanted.append(type) }
    self.wanted = wanted
    incotermRanks = need.incoterms.map(MatchEngine.incotermRank)
  }
}

/// The hard filters' verdict on one listing, as bits in filter order.
struct Screening: Sendable {
  /// Bit i set: the listing fails `MatchEngine.filterOrder[i]`.
  var failures: UInt8 = 0
  /// What the producer can make by the deadline from this listing (0 without a deadline).
  var capacityByDeadline: Int64 = 0

  var passed: Bool { failures == 0 }
  /// The index in `filterOrder` of the first filter failed.
  var firstFailure: Int? { failures == 0 ? nil : failures.trailingZeroBitCount }
  /// Only the capacity-by-deadline filter failed: a consortium could still help.
  var onlyCapacity: Bool { failures == 1 << 2 }
}

/// What a card shows of a listing for a need.
struct FilterResult: Sendable {
  /// What the producer can make by the deadline from this listing (0 without a deadline).
  var capacityByDeadline: Int64 = 0
  /// Certifications valid on the deadline (or today).
  var validCertifications: [CertificationType] = []
  /// The tier price for the quantity, in the need's currency (or the listing's first).
  var unitPrice: Money?
}

/// A listing that passed, scored.
struct ScoredListing: Sendable {
  var listing: CatalogueIndex.IndexedListing
  var filter: FilterResult
  var score: Double
}

/// Everything a score depends on, as numbers: one struct for the fast path that ranks every
/// candidate and the explaining path that shows a page, so both give the same score.
struct ScoreFacts: Sendable {
  enum Market: Sendable { case none, same, sameRegion, elsewhere }
  /// The verification tier, as a Swift enum (see ``MatchEngine/Factor`` for why).
  enum Verification: Sendable {
    case none, selfDeclared, documents, onSiteAudit

    init(_ tier: Producer.VerificationTier) {
      switch tier {
      case .onSiteAudit: self = .onSiteAudit
      case .documents: self = .documents
      case .selfDeclared: self = .selfDeclared
      default: self = .none
      }
    }
  }
  /// The pair's history as novelty sees it: never introduced (and, when orders are followed,
  /// no orders), already trading, introduced and accepted, or an earlier introduction refused.
  enum Pair: Sendable { case new(ordersFollowed: Bool), trades, known, earlier }

  var termCount: Int
  var termsFound: Int
  var target: Int64?
  var price: Int64?
  var quantity: Int64
  var hasDeadline: Bool
  var capacityByDeadline: Int64
  var monthlyCapacity: Int64
  var moq: Int64
  /// Distinct required certifications, how many of them are held, distinct valid ones held.
  var wanted: Int
  var have: Int
  var held: Int
  var market: Market
  /// Answered within 24 h / requested, when buyers requested introductions.
  var introductionRate: Double?
  var catalogueRate: Double?
  var verification: ScoreFacts.Verification
  var pair: Pair
}

/// The part of ``ScoreFacts`` (and of the hard filters) that depends on the producer and the
/// pair, not on the listing: a ranking computes it once per producer, not once per listing.
struct ProducerSide: Sendable {
  /// Holds every required certification, valid on the need's day.
  var certified: Bool
  var have: Int
  var held: Int
  var market: ScoreFacts.Market
  var introductionRate: Double?
  var catalogueRate: Double?
  var verification: ScoreFacts.Verification
  var pair: ScoreFacts.Pair
}

/// What only the reasons need: the objects behind the facts. A class: the score of every
/// listing ranked passes "no context", which as an optional struct (a need inside) was built
/// and copied for every listing, and as an optional reference is one null word.
final class ExplainContext {
  let need: MatchNeed
  /// The need's words the listing contains, in the need's order.
  let foundWords: [String]
  let unitPrice: Money?
  let certifications: [CertificationType]
  /// Upper case.
  let exportMarkets: [String]
  let responses: ResponseStats?
  let history: PairHistory?

  init(
    need: MatchNeed, foundWords: [String], unitPrice: Money?, certifications: [CertificationType],
    exportMarkets: [String], responses: ResponseStats?, history: PairHistory?
  ) {
    self.need = need
    self.foundWords = foundWords
    self.unitPrice = unitPrice
    self.certifications = certifications
    self.exportMarkets = exportMarkets
    self.responses = responses
    self.history = history
  }
}

/// The explained matching engine: pure functions from a need, a listing and its producer to
/// hard-filter results and score components. No I/O, no clock: `today` is given.
enum MatchEngine {
  /// The filters in the order they are applied; a candidate is charged to the first it fails.
  static let filterOrder: [HardFilter] = [
    .category, .moq, .capacityDeadline, .certification, .incoterm, .existingPartner,
  ]

  /// The score's factors as a Swift enum: a switch over it is a jump table, where a switch over
  /// the wire type (a struct whose cases are `public static let`s of another module) compares
  /// with each case through an accessor, which cost more than the arithmetic of a score.
  enum Factor: Sendable {
    case textRelevance, priceFit, capacityFit, certifications, marketExperience, responsiveness
    case verification, reciprocalFit, novelty

    var wire: ScoreFactor {
      switch self {
      case .textRelevance: .textRelevance
      case .priceFit: .priceFit
      case .capacityFit: .capacityFit
      case .certifications: .certifications
      case .marketExperience: .marketExperience
      case .responsiveness: .responsiveness
      case .verification: .verification
      case .reciprocalFit: .reciprocalFit
      case .novelty: .novelty
      }
    }
  }

  /// The weight of each factor; they sum to 1. Text and the hard trade terms weigh most.
  static let weights: [(Factor, Double)] = [
    (.textRelevance, 0.25), (.priceFit, 0.15), (.capacityFit, 0.15), (.certifications, 0.10),
    (.marketExperience, 0.10), (.responsiveness, 0.05), (.verification, 0.05),
    (.reciprocalFit, 0.05), (.novelty, 0.10),
  ]

  // MARK: Hard filters

  /// Applies every hard filter (except the existing-partner one, which the caller decides);
  /// after a category failure, none of the others.
  static func screen(_ need: CompiledNeed, _ listing: ListingFacts, producer: ProducerFacts) -> Screening {
    screen(need, listing.numbers, hsDigits: listing.hsDigits, certified: certified(need, producer))
  }

  /// Whether `producer` holds every certification `need` requires, valid on its day: the same
  /// for all of a producer's listings.
  static func certified(_ need: CompiledNeed, _ producer: ProducerFacts) -> Bool {
    !need.wanted.contains(where: { !producer.holds($0, on: need.day) })
  }

  /// ``screen(_:_:producer:)`` with the certification filter's verdict given.
  @inline(__always)
  static func screen(_ need: CompiledNeed, _ listing: ListingNumbers, hsDigits: String, certified: Bool) -> Screening {
    var result = Screening()
    // Category / HS.
    let categoryFits = need.categories.isEmpty || need.categories.contains(listing.category)
    var hsFits = true
    if !need.need.hsPrefixes.isEmpty {
      if let prefixes = need.hsPrefixes, let code = listing.hs {
        hsFits = prefixes.contains { code & $0.mask == $0.value }
      } else {
        let hsDigits = hsDigits.utf8
        hsFits = need.need.hsPrefixes.contains { hsDigits.starts(with: $0.utf8) }
      }
    }
    if !categoryFits || !hsFits {
      // Callers look only at the first failure (and at "only capacity failed", which this is
      // not): nothing else is needed of a listing of another category.
      result.failures = 1
      return result
    }
    // MOQ ≤ quantity, in the same unit.
    let quantity = need.need.quantity
    if quantity > 0 {
      let unit = need.need.unit.rawValue
      let unitsDiffer = unit != 0 && listing.unit != 0 && unit != listing.unit
      if unitsDiffer || listing.moq > quantity { result.failures |= 1 << 1 }
    }
    // Capacity × lead time vs the deadline.
    if let deadline = need.need.deadlineDay {
      let days = deadline - need.today
      result.capacityByDeadline = days >= listing.leadTimeDays ? listing.monthlyCapacity * days / 30 : 0
      if days < listing.leadTimeDays || result.capacityByDeadline < quantity { result.failures |= 1 << 2 }
    }
    // Certifications valid on the deadline (today without one).
    if !certified { result.failures |= 1 << 3 }
    // Incoterm: the producer can take on at most the obligations it offers.
    let offered = listing.offeredIncoterm
    if !need.incotermRanks.isEmpty
      && !need.incotermRanks.contains(where: { incotermCompatible(wanted: $0, offered: offered) })
    {
      result.failures |= 1 << 4
    }
    return result
  }

  /// What a card shows of a listing that was screened for `need`.
  static func filterResult(
    _ need: CompiledNeed, _ listing: ListingFacts, producer: Producer, screening: Screening
  ) -> FilterResult {
    FilterResult(
      capacityByDeadline: screening.capacityByDeadline,
      validCertifications: validCertifications(of: producer, on: need.day),
      unitPrice: listing.price(quantity: need.need.quantity, for: need))
  }

  /// Certification types of `producer` valid on `day` (open ends count as valid), sorted.
  static func validCertifications(of producer: Producer, on day: Int64) -> [CertificationType] {
    let types = Set(ProducerFacts.windows(of: producer).filter { $0.isValid(on: day) }.map(\.type))
    return types.sorted { $0.rawValue < $1.rawValue }
  }

  /// The seller's obligations under each rule, from fewest (EXW) to most (DDP).
  static func obligationRank(_ incoterm: Incoterm) -> Int {
    switch incoterm {
    case .exw: 0
    case .fca: 1
    case .fas, .fob: 2
    case .cpt, .cfr: 3
    case .cip, .cif: 4
    case .dap: 5
    case .dpu: 6
    case .ddp: 7
    default: -1
    }
  }

  /// An incoterm's obligation rank, nil when unspecified: what ``incotermCompatible(wanted:offered:)``
  /// compares, derived once per listing and per need rather than for every pair.
  static func incotermRank(_ incoterm: Incoterm) -> Int? {
    incoterm == .unspecified ? nil : obligationRank(incoterm)
  }

  /// A producer that offers `offered` can also quote `wanted` when `wanted` asks no more of the
  /// seller (a CIF seller can sell FOB; an EXW-only workshop cannot deliver FOB Hải Phòng).
  /// Both as ``incotermRank(_:)`` gives them.
  static func incotermCompatible(wanted: Int?, offered: Int?) -> Bool {
    guard let wanted else { return true }
    guard let offered else { return false }
    return offered >= wanted
  }

  /// The unit price of the tier that applies to `quantity` (the lowest tier when 0), in
  /// `currency` when given (else the first tier's currency).
  static func unitPrice(_ listing: Listing, quantity: Int64, currency: String?) -> Money? {
    var codes: [String] = []
    let (points, first) = PricePoint.points(of: listing.priceTiers) { code in
      if let id = codes.firstIndex(of: code) { return Int32(id) }
      codes.append(code)
      return Int32(codes.count - 1)
    }
    let code = currency?.uppercased() ?? codes[Int(first)]
    guard let id = codes.firstIndex(of: code) else { return nil }
    let amount = points.withUnsafeBufferPointer { PricePoint.amount($0, quantity: quantity, currency: Int32(id)) }
    return amount.map { Money(amountMinor: $0, currencyCode: code) }
  }

  // MARK: Score

  /// The facts of one screened listing.
  static func facts(
    _ need: CompiledNeed, _ listing: ListingFacts, producer: ProducerFacts, screening: Screening,
    history: PairHistory?, responses: ResponseStats?
  ) -> ScoreFacts {
    listing.scoreFacts(
      need, side: side(need, producer: producer, history: history, responses: responses), screening: screening)
  }

  /// What the facts of `need` and any listing of `producer` share, computed once per producer.
  static func side(
    _ need: CompiledNeed, producer: ProducerFacts, history: PairHistory?, responses: ResponseStats?
  ) -> ProducerSide {
    var market = ScoreFacts.Market.none
    if !producer.markets.isEmpty {
      if let country = need.country, producer.markets.contains(country) {
        market = .same
      } else if let region = need.region, producer.marketRegions.contains(region) {
        market = .sameRegion
      } else {
        market = .elsewhere
      }
    }
    return ProducerSide(
      certified: certified(need, producer), have: need.wanted.count { producer.holds($0, on: need.day) },
      held: producer.validTypeCount(on: need.day), market: market,
      introductionRate: responses.flatMap { $0.requested > 0 ? $0.within24hRate : nil },
      catalogueRate: producer.catalogueResponseRate, verification: producer.verification, pair: pairFact(history))
  }

  /// The facts of one screened listing whose producer's side is known, given how many of the
  /// need's words it has and its price points. A target price always has a currency, so the
  /// price is in the need's.
  @inline(__always)
  static func facts(
    _ need: CompiledNeed, _ listing: ListingNumbers, termsFound: Int, prices: UnsafeBufferPointer<PricePoint>,
    side: ProducerSide, screening: Screening
  ) -> ScoreFacts {
    ScoreFacts(
      termCount: need.need.terms.count, termsFound: termsFound, target: need.target,
      price: need.target == nil
        ? nil : need.currencyID.flatMap { PricePoint.amount(prices, quantity: need.need.quantity, currency: $0) },
      quantity: need.need.quantity, hasDeadline: need.need.deadlineDay != nil,
      capacityByDeadline: screening.capacityByDeadline, monthlyCapacity: listing.monthlyCapacity,
      moq: listing.moq, wanted: need.wanted.count, have: side.have, held: side.held, market: side.market,
      introductionRate: side.introductionRate, catalogueRate: side.catalogueRate,
      verification: side.verification, pair: side.pair)
  }

  /// What novelty needs of a pair's history. Without one the pair never met (and orders are
  /// not followed: with the orders feed every pair has a history, with its order count).
  static func pairFact(_ history: PairHistory?) -> ScoreFacts.Pair {
    guard let history else { return .new(ordersFollowed: false) }
    if let orders = history.orders, orders > 0 { return .trades }
    if history.known { return .known }
    if history.latestStatus == .unspecified { return .new(ordersFollowed: history.orders != nil) }
    return .earlier
  }

  /// The score alone, as ``explain(_:_:)`` would sum it.
  static func score(_ facts: ScoreFacts) -> Double {
    var total = 0.0
    for (factor, weight) in weights {
      total += weight * min(1, max(0, evaluate(factor, facts, nil).0))
    }
    return min(1, max(0, total))
  }

  /// One component per factor, in factor order, with its reason, and their sum.
  static func explain(_ facts: ScoreFacts, _ context: ExplainContext) -> (score: Double, components: [ScoreComponent]) {
    var components: [ScoreComponent] = []
    var total = 0.0
    for (factor, weight) in weights {
      let (value, reason) = evaluate(factor, facts, context)
      let clamped = min(1, max(0, value))
      var component = ScoreComponent()
      component.factor = factor.wire
      component.weight = weight
      component.value = clamped
      component.contribution = weight * clamped
      component.reason = reason
      total += component.contribution
      components.append(component)
    }
    return (min(1, max(0, total)), components)
  }

  /// A factor's value and, with a context, its reason (formatting nine bilingual sentences
  /// costs more than the arithmetic, so rankings leave it out for all but the page shown).
  /// Inlined into ``score(_:)``, where the context is known to be nil and the reasons fold away.
  @inline(__always)
  private static func evaluate(
    _ factor: Factor, _ facts: ScoreFacts, _ context: ExplainContext?
  ) -> (Double, LocalizedText?) {
    /// The reason, formatted only when explaining.
    /// nil without a context: an empty message would still be built and destroyed per factor.
    func text(_ vi: @autoclosure () -> String, _ en: @autoclosure () -> String) -> LocalizedText? {
      context == nil ? nil : LocalizedText(vi: vi(), en: en())
    }
    let quantity = facts.quantity
    switch factor {
    case .textRelevance:
      guard facts.termCount > 0 else {
        return (0.5, text("Yêu cầu không có mô tả để so khớp", "The need has no text to compare"))
      }
      let found = facts.termsFound
      let value = Double(found) / Double(facts.termCount)
      lazy var words = context?.foundWords.prefix(6).joined(separator: ", ") ?? ""
      return (
        value,
        text(
          "Khớp \(found)/\(facts.termCount) từ của yêu cầu" + (words.isEmpty ? "" : " (\(words))"),
          "Matches \(found) of \(facts.termCount) words of the need"
            + (words.isEmpty ? "" : " (\(words))")))

    case .priceFit:
      guard let target = facts.target else {
        return (0.5, text("Người mua không nêu giá mục tiêu", "No target price given"))
      }
      lazy var targetMoney = context?.need.targetPrice ?? Money()
      guard let price = facts.price else {
        return (0.2, text("Không có giá bằng \(targetMoney.currencyCode.uppercased())", "No price in \(targetMoney.currencyCode.uppercased())"))
      }
      lazy var priceText = money(context?.unitPrice ?? Money())
      lazy var targetText = money(targetMoney)
      if price <= target {
        return (
          1,
          text(
            "\(priceText)/đơn vị ở số lượng này, trong giá mục tiêu \(targetText)",
            "\(priceText) per unit at this quantity, within the target \(targetText)"))
      }
      let over = Double(price - target) / Double(target)
      return (
        1 - 2 * over,
        text(
          "\(priceText)/đơn vị, cao hơn giá mục tiêu \(targetText) \(percent(over, vi: true))",
          "\(priceText) per unit, \(percent(over, vi: false)) above the target \(targetText)"))

    case .capacityFit:
      guard quantity > 0 else {
        return (0.5, text("Chưa nêu số lượng", "No quantity given"))
      }
      if facts.hasDeadline {
        let capacity = facts.capacityByDeadline
        let ratio = Double(capacity) / Double(quantity)
        return (
          0.5 + 0.5 * (ratio - 1),
          text(
            "Làm được \(capacity) trước hạn cho \(quantity) cần (gấp \(decimal(ratio, vi: true)))",
            "Can make \(capacity) by the deadline for \(quantity) needed (\(decimal(ratio, vi: false))×)"))
      }
      let monthly = facts.monthlyCapacity
      guard monthly > 0 else {
        return (0.2, text("Chưa khai báo năng lực sản xuất", "No monthly capacity declared"))
      }
      let months = Double(quantity) / Double(monthly)
      return (
        months <= 1 ? 1 : 1 - (months - 1) / 5,
        text(
          "Năng lực \(monthly)/tháng: đơn hàng bằng \(decimal(months, vi: true)) tháng sản xuất",
          "Makes \(monthly) a month: the order is \(decimal(months, vi: false)) months of output"))

    case .certifications:
      lazy var names = (context?.certifications ?? []).map(certificationName).joined(separator: ", ")
      if facts.wanted > 0 {
        let have = facts.have, wanted = facts.wanted
        return (
          Double(have) / Double(wanted),
          text(
            "Có \(have)/\(wanted) chứng nhận yêu cầu, còn hiệu lực đến hạn (\(names))",
            "Holds \(have) of \(wanted) required certifications, valid at the deadline (\(names))"))
      }
      if facts.held == 0 {
        return (0, text("Không có chứng nhận còn hiệu lực", "No valid certification"))
      }
      return (
        Double(facts.held) / 3,
        text(
          "Không yêu cầu chứng nhận; có \(facts.held) chứng nhận còn hiệu lực (\(names))",
          "No certification required; holds \(facts.held) valid (\(names))"))

    case .marketExperience:
      lazy var country = context?.need.buyerCountry.uppercased() ?? ""
      lazy var markets = context?.exportMarkets ?? []
      switch facts.market {
      case .none:
        return (0, text("Chưa có kinh nghiệm xuất khẩu được ghi nhận", "No export experience recorded"))
      case .same:
        return (1, text("Đã xuất khẩu sang \(country)", "Already exports to \(country)"))
      case .sameRegion:
        lazy var region = Regions.region(of: country)
        lazy var list = markets.filter { Regions.region(of: $0) == region }.joined(separator: ", ")
        return (
          0.6,
          text(
            "Xuất khẩu sang \(list), cùng khu vực với \(country)",
            "Exports to \(list), in the same region as \(country)"))
      case .elsewhere:
        lazy var list = markets.prefix(5).joined(separator: ", ")
        return (
          0.3,
          text(
            "Có xuất khẩu (\(list)) nhưng chưa sang khu vực của \(country)",
            "Exports (\(list)) but not yet to \(country)'s region"))
      }

    case .responsiveness:
      if let rate = facts.introductionRate {
        lazy var responses = context?.responses ?? ResponseStats()
        lazy var hours = decimal(Double(responses.medianSeconds) / 3600, vi: false)
        lazy var hoursVi = decimal(Double(responses.medianSeconds) / 3600, vi: true)
        return (
          rate,
          text(
            "Trả lời \(responses.answeredWithin24h)/\(responses.requested) lời giới thiệu trong 24 giờ (trung vị \(hoursVi) giờ)",
            "Answered \(responses.answeredWithin24h) of \(responses.requested) introductions within 24 h (median \(hours) h)"))
      }
      if let rate = facts.catalogueRate {
        return (
          rate,
          text(
            "Tỷ lệ phản hồi theo danh mục: \(percent(rate, vi: true))",
            "Response rate in the catalogue: \(percent(rate, vi: false))"))
      }
      return (0.5, text("Chưa có dữ liệu phản hồi", "No response history yet"))

    case .verification:
      switch facts.verification {
      case .onSiteAudit:
        return (1, text("Đã được kiểm tra tại cơ sở", "Verified by an on-site audit"))
      case .documents:
        return (0.7, text("Đã xác minh giấy tờ", "Documents verified"))
      case .selfDeclared:
        return (0.3, text("Chỉ tự khai báo", "Self-declared only"))
      case .none:
        return (0, text("Chưa xác minh", "Not verified"))
      }

    case .reciprocalFit:
      let monthly = facts.monthlyCapacity, moq = facts.moq
      guard quantity > 0, monthly > 0 else {
        return (0.5, text("Chưa đủ dữ liệu về quy mô đơn hàng", "Not enough data on order size"))
      }
      let months = Double(quantity) / Double(monthly)
      lazy var monthsVi = decimal(months, vi: true)
      lazy var monthsEn = decimal(months, vi: false)
      if moq > 0 && quantity < 2 * moq {
        return (
          0.6,
          text(
            "Đơn \(quantity) gần mức tối thiểu \(moq) của cơ sở: hơi nhỏ với họ",
            "An order of \(quantity) is near this producer's MOQ of \(moq): small for them"))
      }
      if months > 3 {
        return (
          1 - (months - 3) / 6,
          text(
            "Đơn hàng bằng \(monthsVi) tháng sản xuất: lớn so với quy mô cơ sở",
            "The order is \(monthsEn) months of output: large for this producer"))
      }
      return (
        months < 0.2 ? 0.8 : 1,
        text(
          "Đơn hàng bằng \(monthsVi) tháng sản xuất: quy mô phù hợp cho cả hai bên",
          "The order is \(monthsEn) months of output: a size that suits both sides"))

    case .novelty:
      switch facts.pair {
      case .new(ordersFollowed: false):
        return (
          1,
          text(
            "Chưa từng được giới thiệu với nhau: đối tác mới (chưa tính dữ liệu đơn hàng)",
            "Never introduced: a new partner (orders are not yet taken into account)"))
      case .new(ordersFollowed: true):
        return (
          1,
          text(
            "Chưa từng được giới thiệu, chưa có đơn hàng: đối tác mới",
            "Never introduced and no orders between them: a new partner"))
      case .trades:
        lazy var orders = context?.history?.orders ?? 0
        return (
          0,
          text("Đã giao dịch với nhau: \(orders) đơn hàng", "Already trades: \(orders) order(s) between them"))
      case .known:
        return (
          0,
          text(
            "Đã được giới thiệu và chấp nhận: đối tác đã quen",
            "Already introduced and accepted: a known partner"))
      case .earlier:
        lazy var status = statusName(context?.history?.latestStatus ?? .unspecified)
        return (
          0.7,
          text(
            "Đã có lời giới thiệu trước đây (\(status)) nhưng chưa được chấp nhận",
            "An earlier introduction (\(status)) was not accepted"))
      }
    }
  }

  // MARK: Formatting

  static func text(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

  /// "USD 12.50", "VND 250000": minor units with the currency's usual decimals.
  static func money(_ money: Money) -> String {
    let code = money.currencyCode.uppercased()
    let zeroDecimal: Set<String> = ["VND", "JPY", "KRW"]
    if zeroDecimal.contains(code) { return "\(code) \(money.amountMinor)" }
    let (whole, cents) = money.amountMinor.quotientAndRemainder(dividingBy: 100)
    let fraction = abs(cents) < 10 ? "0\(abs(cents))" : "\(abs(cents))"
    return "\(code) \(whole).\(fraction)"
  }

  /// One decimal, with a comma in Vietnamese ("2,4").
  static func decimal(_ value: Double, vi: Bool) -> String {
    let tenths = Int64((value * 10).rounded())
    let (whole, fraction) = tenths.quotientAndRemainder(dividingBy: 10)
    return "\(whole)\(vi ? "," : ".")\(abs(fraction))"
  }

  static func percent(_ fraction: Double, vi: Bool) -> String {
    "\(Int64((fraction * 100).rounded()))%"
  }

  static func certificationName(_ type: CertificationType) -> String {
    switch type {
    case .fscCoc: "FSC"
    case .pefcCoc: "PEFC"
    case .amforiBsci: "amfori BSCI"
    case .smeta: "SMETA"
    case .sa8000: "SA8000"
    case .iso9001: "ISO 9001"
    case .oekoTex100: "OEKO-TEX 100"
    case .fairTrade: "Fair Trade"
    case .vietcraftExcellence: "Vietcraft Excellence"
    case .eudrDueDiligence: "EUDR"
    default: "other"
    }
  }

  static func statusName(_ status: IntroductionStatus) -> String {
    switch status {
    case .requested: "requested"
    case .accepted: "accepted"
    case .declined: "declined"
    case .expired: "expired"
    case .withdrawn: "withdrawn"
    default: "unknown"
    }
  }
}

/// Buyer-market regions, for "experience in a nearby market".
enum Regions {
  static let groups: [[String]] = [
    ["DE", "FR", "IT", "ES", "NL", "BE", "LU", "AT", "PT", "IE", "SE", "DK", "FI", "PL", "CZ",
     "GR", "GB", "UK", "NO", "CH"],
    ["JP", "KR", "CN", "TW", "HK"],
    ["US", "CA", "MX"],
    ["AU", "NZ"],
    ["IN", "BD", "PK", "LK"],
    ["SG", "MY", "TH", "ID", "PH", "KH", "LA"],
    ["AE", "SA", "QA", "IL", "TR"],
  ]

  static func region(of country: String) -> Int? {
    groups.firstIndex { $0.contains(country) }
  }
}

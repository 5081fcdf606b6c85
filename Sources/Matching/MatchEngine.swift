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

/// The result of the hard filters for one listing.
struct FilterResult: Sendable {
  /// Every hard filter the listing fails, in filter order.
  var failures: [HardFilter] = []
  /// What the producer can make by the deadline from this listing (0 without a deadline).
  var capacityByDeadline: Int64 = 0
  /// Certifications valid on the deadline (or today).
  var validCertifications: [CertificationType] = []
  /// The tier price for the quantity, in the need's currency (or the listing's first).
  var unitPrice: Money?

  var passed: Bool { failures.isEmpty }
}

/// A listing that passed, scored.
struct ScoredListing: Sendable {
  var listing: CatalogueIndex.IndexedListing
  var filter: FilterResult
  var score: Double
  var components: [ScoreComponent]
}

/// The explained matching engine: pure functions from a need, a listing and its producer to
/// hard-filter results and score components. No I/O, no clock: `today` is given.
enum MatchEngine {
  /// The filters in the order they are applied; a candidate is charged to the first it fails.
  static let filterOrder: [HardFilter] = [
    .category, .moq, .capacityDeadline, .certification, .incoterm, .existingPartner,
  ]

  /// The weight of each factor; they sum to 1. Text and the hard trade terms weigh most.
  static let weights: [(ScoreFactor, Double)] = [
    (.textRelevance, 0.25), (.priceFit, 0.15), (.capacityFit, 0.15), (.certifications, 0.10),
    (.marketExperience, 0.10), (.responsiveness, 0.05), (.verification, 0.05),
    (.reciprocalFit, 0.05), (.novelty, 0.10),
  ]

  // MARK: Hard filters

  /// Applies every hard filter (except the existing-partner one, which the caller decides);
  /// after a category failure, none of the others.
  static func filter(
    _ need: MatchNeed, _ indexed: CatalogueIndex.IndexedListing, producer: Producer, today: Int64
  ) -> FilterResult {
    let listing = indexed.listing
    var result = FilterResult()
    // Category / HS.
    let categoryFits = need.categories.isEmpty || need.categories.contains(listing.category)
    let hsFits =
      need.hsPrefixes.isEmpty || need.hsPrefixes.contains { indexed.hsDigits.hasPrefix($0) }
    if !categoryFits || !hsFits {
      // Nothing else is needed of a listing of another category: callers look only at the
      // first failure (and at "only capacity failed", which this is not). Stopping here keeps
      // a ranking from formatting prices and checking certificates of every listing in the
      // catalogue.
      result.failures.append(.category)
      return result
    }
    // MOQ ≤ quantity, in the same unit.
    if need.quantity > 0 {
      let unitsDiffer =
        need.unit != .unspecified && listing.unit != .unspecified && need.unit != listing.unit
      if unitsDiffer || listing.moq > need.quantity { result.failures.append(.moq) }
    }
    // Capacity × lead time vs the deadline.
    if let deadline = need.deadlineDay {
      let days = deadline - today
      result.capacityByDeadline =
        days >= Int64(listing.leadTimeDays) ? listing.monthlyCapacity * days / 30 : 0
      if days < Int64(listing.leadTimeDays) || result.capacityByDeadline < need.quantity {
        result.failures.append(.capacityDeadline)
      }
    }
    // Certifications valid on the deadline (today without one).
    let day = need.deadlineDay ?? today
    result.validCertifications = validCertifications(of: producer, on: day)
    let held = Set(result.validCertifications)
    if need.requiredCertifications.contains(where: { !held.contains($0) }) {
      result.failures.append(.certification)
    }
    // Incoterm: the producer can take on at most the obligations it offers.
    if !need.incoterms.isEmpty
      && !need.incoterms.contains(where: { incotermCompatible(wanted: $0, offered: listing.incoterm) })
    {
      result.failures.append(.incoterm)
    }
    result.unitPrice = unitPrice(listing, quantity: need.quantity, currency: need.targetPrice?.currencyCode)
    return result
  }

  /// Certification types of `producer` valid on `day` (open ends count as valid), sorted.
  static func validCertifications(of producer: Producer, on day: Int64) -> [CertificationType] {
    var types = Set<CertificationType>()
    for certification in producer.certifications {
      if let start = certification.valid?.start, Time.dayNumber(start) > day { continue }
      if let end = certification.valid?.end, Time.dayNumber(end) < day { continue }
      types.insert(certification.type)
    }
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

  /// A producer that offers `offered` can also quote `wanted` when `wanted` asks no more of the
  /// seller (a CIF seller can sell FOB; an EXW-only workshop cannot deliver FOB Hải Phòng).
  static func incotermCompatible(wanted: Incoterm, offered: Incoterm) -> Bool {
    if wanted == .unspecified { return true }
    if offered == .unspecified { return false }
    return obligationRank(offered) >= obligationRank(wanted)
  }

  /// The unit price of the tier that applies to `quantity` (the lowest tier when 0), in
  /// `currency` when given (else the first tier's currency).
  static func unitPrice(_ listing: Listing, quantity: Int64, currency: String?) -> Money? {
    let code = (currency ?? listing.priceTiers.first?.unitPrice?.currencyCode ?? "").uppercased()
    let tiers = listing.priceTiers
      .filter { ($0.unitPrice?.currencyCode ?? "").uppercased() == code }
      .sorted { $0.minQuantity < $1.minQuantity }
    guard let first = tiers.first else { return nil }
    let tier = tiers.last { $0.minQuantity <= quantity } ?? first
    guard let price = tier.unitPrice else { return nil }
    return Money(amountMinor: price.amountMinor, currencyCode: code)
  }

  // MARK: Score

  /// One component per factor, in factor order, and their sum.
  ///
  /// With `explain` false the reasons are left empty: rankings score every candidate listing
  /// that way and explain only the one listing per producer they show, because formatting nine
  /// bilingual sentences costs more than the arithmetic.
  static func score(
    _ need: MatchNeed, _ indexed: CatalogueIndex.IndexedListing, producer: Producer,
    filter: FilterResult, history: PairHistory?, responses: ResponseStats?, explain: Bool = true
  ) -> (score: Double, components: [ScoreComponent]) {
    var components: [ScoreComponent] = []
    var total = 0.0
    for (factor, weight) in weights {
      let (value, reason) = evaluate(
        factor, need, indexed, producer: producer, filter: filter, history: history,
        responses: responses, explain: explain)
      let clamped = min(1, max(0, value))
      var component = ScoreComponent()
      component.factor = factor
      component.weight = weight
      component.value = clamped
      component.contribution = weight * clamped
      component.reason = reason
      total += component.contribution
      components.append(component)
    }
    return (min(1, max(0, total)), components)
  }

  private static func evaluate(
    _ factor: ScoreFactor, _ need: MatchNeed, _ indexed: CatalogueIndex.IndexedListing,
    producer: Producer, filter: FilterResult, history: PairHistory?, responses: ResponseStats?,
    explain: Bool
  ) -> (Double, LocalizedText) {
    let listing = indexed.listing
    /// The reason, formatted only when asked for.
    func text(_ vi: @autoclosure () -> String, _ en: @autoclosure () -> String) -> LocalizedText {
      explain ? LocalizedText(vi: vi(), en: en()) : LocalizedText()
    }
    switch factor {
    case .textRelevance:
      guard !need.terms.isEmpty else {
        return (0.5, text("Yêu cầu không có mô tả để so khớp", "The need has no text to compare"))
      }
      let found = need.terms.filter { indexed.terms.contains($0) }
      let value = Double(found.count) / Double(need.terms.count)
      lazy var words = found.prefix(6).joined(separator: ", ")
      return (
        value,
        text(
          "Khớp \(found.count)/\(need.terms.count) từ của yêu cầu" + (words.isEmpty ? "" : " (\(words))"),
          "Matches \(found.count) of \(need.terms.count) words of the need"
            + (words.isEmpty ? "" : " (\(words))")))

    case .priceFit:
      guard let target = need.targetPrice, target.amountMinor > 0 else {
        return (0.5, text("Người mua không nêu giá mục tiêu", "No target price given"))
      }
      let code = target.currencyCode.uppercased()
      guard let price = filter.unitPrice else {
        return (0.2, text("Không có giá bằng \(code)", "No price in \(code)"))
      }
      lazy var priceText = money(price)
      lazy var targetText = money(target)
      if price.amountMinor <= target.amountMinor {
        return (
          1,
          text(
            "\(priceText)/đơn vị ở số lượng này, trong giá mục tiêu \(targetText)",
            "\(priceText) per unit at this quantity, within the target \(targetText)"))
      }
      let over = Double(price.amountMinor - target.amountMinor) / Double(target.amountMinor)
      return (
        1 - 2 * over,
        text(
          "\(priceText)/đơn vị, cao hơn giá mục tiêu \(targetText) \(percent(over, vi: true))",
          "\(priceText) per unit, \(percent(over, vi: false)) above the target \(targetText)"))

    case .capacityFit:
      guard need.quantity > 0 else {
        return (0.5, text("Chưa nêu số lượng", "No quantity given"))
      }
      if need.deadlineDay != nil {
        let ratio = Double(filter.capacityByDeadline) / Double(need.quantity)
        return (
          0.5 + 0.5 * (ratio - 1),
          text(
            "Làm được \(filter.capacityByDeadline) trước hạn cho \(need.quantity) cần (gấp \(decimal(ratio, vi: true)))",
            "Can make \(filter.capacityByDeadline) by the deadline for \(need.quantity) needed (\(decimal(ratio, vi: false))×)"))
      }
      guard listing.monthlyCapacity > 0 else {
        return (0.2, text("Chưa khai báo năng lực sản xuất", "No monthly capacity declared"))
      }
      let months = Double(need.quantity) / Double(listing.monthlyCapacity)
      return (
        months <= 1 ? 1 : 1 - (months - 1) / 5,
        text(
          "Năng lực \(listing.monthlyCapacity)/tháng: đơn hàng bằng \(decimal(months, vi: true)) tháng sản xuất",
          "Makes \(listing.monthlyCapacity) a month: the order is \(decimal(months, vi: false)) months of output"))

    case .certifications:
      let held = filter.validCertifications
      lazy var names = held.map(certificationName).joined(separator: ", ")
      if !need.requiredCertifications.isEmpty {
        let wanted = Set(need.requiredCertifications)
        let have = wanted.filter { held.contains($0) }.count
        return (
          Double(have) / Double(wanted.count),
          text(
            "Có \(have)/\(wanted.count) chứng nhận yêu cầu, còn hiệu lực đến hạn (\(names))",
            "Holds \(have) of \(wanted.count) required certifications, valid at the deadline (\(names))"))
      }
      if held.isEmpty {
        return (0, text("Không có chứng nhận còn hiệu lực", "No valid certification"))
      }
      return (
        Double(held.count) / 3,
        text(
          "Không yêu cầu chứng nhận; có \(held.count) chứng nhận còn hiệu lực (\(names))",
          "No certification required; holds \(held.count) valid (\(names))"))

    case .marketExperience:
      let country = need.buyerCountry.uppercased()
      let markets = producer.exportMarkets.map { $0.uppercased() }
      if markets.isEmpty {
        return (0, text("Chưa có kinh nghiệm xuất khẩu được ghi nhận", "No export experience recorded"))
      }
      if !country.isEmpty && markets.contains(country) {
        return (1, text("Đã xuất khẩu sang \(country)", "Already exports to \(country)"))
      }
      let region = Regions.region(of: country)
      let near = markets.filter { region != nil && Regions.region(of: $0) == region }
      if !near.isEmpty {
        lazy var list = near.joined(separator: ", ")
        return (
          0.6,
          text(
            "Xuất khẩu sang \(list), cùng khu vực với \(country)",
            "Exports to \(list), in the same region as \(country)"))
      }
      lazy var list = markets.prefix(5).joined(separator: ", ")
      return (
        0.3,
        text(
          "Có xuất khẩu (\(list)) nhưng chưa sang khu vực của \(country)",
          "Exports (\(list)) but not yet to \(country)'s region"))

    case .responsiveness:
      if let responses, responses.requested > 0 {
        lazy var hours = decimal(Double(responses.medianSeconds) / 3600, vi: false)
        lazy var hoursVi = decimal(Double(responses.medianSeconds) / 3600, vi: true)
        return (
          responses.within24hRate,
          text(
            "Trả lời \(responses.answeredWithin24h)/\(responses.requested) lời giới thiệu trong 24 giờ (trung vị \(hoursVi) giờ)",
            "Answered \(responses.answeredWithin24h) of \(responses.requested) introductions within 24 h (median \(hours) h)"))
      }
      if let stats = producer.responseStats, stats.sampleSize > 0 {
        return (
          stats.responseRate,
          text(
            "Tỷ lệ phản hồi theo danh mục: \(percent(stats.responseRate, vi: true))",
            "Response rate in the catalogue: \(percent(stats.responseRate, vi: false))"))
      }
      return (0.5, text("Chưa có dữ liệu phản hồi", "No response history yet"))

    case .verification:
      switch producer.verificationTier {
      case .onSiteAudit:
        return (1, text("Đã được kiểm tra tại cơ sở", "Verified by an on-site audit"))
      case .documents:
        return (0.7, text("Đã xác minh giấy tờ", "Documents verified"))
      case .selfDeclared:
        return (0.3, text("Chỉ tự khai báo", "Self-declared only"))
      default:
        return (0, text("Chưa xác minh", "Not verified"))
      }

    case .reciprocalFit:
      guard need.quantity > 0, listing.monthlyCapacity > 0 else {
        return (0.5, text("Chưa đủ dữ liệu về quy mô đơn hàng", "Not enough data on order size"))
      }
      let months = Double(need.quantity) / Double(listing.monthlyCapacity)
      lazy var monthsVi = decimal(months, vi: true)
      lazy var monthsEn = decimal(months, vi: false)
      if listing.moq > 0 && need.quantity < 2 * listing.moq {
        return (
          0.6,
          text(
            "Đơn \(need.quantity) gần mức tối thiểu \(listing.moq) của cơ sở: hơi nhỏ với họ",
            "An order of \(need.quantity) is near this producer's MOQ of \(listing.moq): small for them"))
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
      guard let history else {
        return (
          1,
          text(
            "Chưa từng được giới thiệu với nhau: đối tác mới (chưa tính dữ liệu đơn hàng)",
            "Never introduced: a new partner (orders are not yet taken into account)"))
      }
      if let orders = history.orders, orders > 0 {
        return (
          0,
          text(
            "Đã giao dịch với nhau: \(orders) đơn hàng", "Already trades: \(orders) order(s) between them"))
      }
      if history.known {
        return (
          0,
          text(
            "Đã được giới thiệu và chấp nhận: đối tác đã quen",
            "Already introduced and accepted: a known partner"))
      }
      if history.latestStatus == .unspecified {
        return (
          1,
          text(
            "Chưa từng được giới thiệu, chưa có đơn hàng: đối tác mới",
            "Never introduced and no orders between them: a new partner"))
      }
      return (
        0.7,
        text(
          "Đã có lời giới thiệu trước đây (\(statusName(history.latestStatus))) nhưng chưa được chấp nhận",
          "An earlier introduction (\(statusName(history.latestStatus))) was not accepted"))

    default:
      return (0, text("", ""))
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

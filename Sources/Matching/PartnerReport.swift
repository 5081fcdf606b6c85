internal import CatalogueAPI
internal import CommonAPI
internal import MatchingAPI
internal import ProtoWire

/// Whose activity a report covers, resolved against the catalogue index.
struct ReportScope: Sendable {
  /// The producer, village or district name, or the city, in the report's language.
  var label: String
  /// The producers counted.
  var producers: ReportProducers
  /// The village of village and producer scopes.
  var village: Village?
  /// The district of district, village and producer scopes.
  var district: String
}

/// The sections of one partner-matching report, computed from what the matching database
/// recorded (``ReportActivity``) and the catalogue index — pure functions, no I/O, no clock.
///
/// Definitions (each a choice a reader of the report should be able to check):
/// - *in the period*: proposals by when the pair was first proposed, introductions by when they
///   were requested, RFQs by when they were posted; days in Vietnam time, both ends included.
/// - *relevant demand*: for the city, every RFQ posted; for a district, village or producer, the
///   RFQs of a category (or, without one, an HS code) that the scope's producers list.
/// - *unmet*: a relevant RFQ that no producer in scope passes the hard filters for, judged with
///   the catalogue as it is now and the RFQ's posting day as "today". The blocking filter is the
///   one that stopped the most producers of the category (each charged to the first filter it
///   fails); the category filter itself only when no producer in scope makes the thing.
/// - *capacity gap*: per category and unit, the quantity relevant RFQs asked for in the period
///   against the scope's active listings' monthly capacity × days in the period / 30.
/// - *orders*: known only when matching follows the orders service's feed; otherwise every order
///   figure is reported as not available (`orders_available` false and a note), never as a zero
///   that would read as "no orders". An order or quote *follows an introduction* when an
///   introduction between its buyer and producer was accepted before it was created; the funnel,
///   `orders`, `conversion_to_orders` (orders / introductions accepted, both in the period),
///   `order_value` and the countries' orders count those; `new_partner_order_share` is over every
///   order in scope: the share that were the first between their buyer and producer.
struct PartnerReport {
  var scope: ReportScope
  var activity: ReportActivity
  var index: CatalogueIndex
  var period: DateRange
  /// Days in the period, both ends included.
  var periodDays: Int64
  var language: ReportLanguage
  var topN: Int
  /// When the report was generated (milliseconds since the epoch).
  var generatedAt: Int64

  // MARK: Scope's catalogue

  /// Active listings of the scope's producers, in id order.
  var scopeListings: [CatalogueIndex.IndexedListing] {
    let listings = index.activeListings()
    guard let ids = scope.producers.ids else { return listings }
    return listings.filter { ids.contains($0.listing.producerId) }
  }

  /// The RFQs of the period that concern the scope, in id order.
  func relevantRfqs(_ listings: [CatalogueIndex.IndexedListing]) -> [(rfq: Rfq, buyer: Buyer)] {
    guard scope.producers.ids != nil else { return activity.rfqs }
    let categories = Set(listings.map(\.listing.category))
    return activity.rfqs.filter { entry in
      if entry.rfq.category != .unspecified { return categories.contains(entry.rfq.category) }
      let digits = CatalogueIndex.digits(entry.rfq.hsCode)
      return listings.contains { $0.hsDigits.hasPrefix(digits) }
    }
  }

  // MARK: Sections

  /// Every section, in the contract's order.
  func sections() -> [ReportSection] {
    let listings = scopeListings
    let relevant = relevantRfqs(listings)
    let outcomes = relevant.map { unmetOutcome($0.rfq, buyer: $0.buyer, listings: listings) }
    return ReportSectionKind.allCases.map { kind in
      section(kind, listings: listings, relevant: relevant, outcomes: outcomes)
    }
  }

  func section(
    _ kind: ReportSectionKind, listings: [CatalogueIndex.IndexedListing],
    relevant: [(rfq: Rfq, buyer: Buyer)], outcomes: [HardFilter?]
  ) -> ReportSection {
    let title = ReportLabels.sectionTitle(kind, language)
    var section: ReportSection
    switch kind {
    case .header:
      section = ReportSection(title: title, content: .header(header()))
    case .summary:
      section = ReportSection(
        title: title, content: .summary(summary(rfqs: relevant.count, unmet: outcomes.count { $0 != nil })))
      section.note = ordersNote
    case .funnel:
      section = ReportSection(title: title, content: .funnel(funnel()))
      section.note = ordersNote
    case .countries:
      section = ReportSection(title: title, content: .countries(countries()))
      section.note = ordersNote
    case .demand:
      section = ReportSection(title: title, content: .demand(demand(relevant)))
    case .unmetDemand:
      section = ReportSection(title: title, content: .unmetDemand(unmet(relevant, outcomes: outcomes)))
    case .capacityGaps:
      section = ReportSection(
        title: title, content: .capacityGaps(capacityGaps(relevant, listings: listings)))
    }
    return section
  }

  /// The note of the sections with order figures: why they are missing, when they are.
  var ordersNote: String { activity.orders == nil ? ReportLabels.ordersNotAvailable(language) : "" }

  func header() -> ReportHeader {
    var header = ReportHeader()
    header.title = ReportLabels.title(language, scope: scope.label)
    header.scopeLabel = scope.label
    header.period = period
    header.language = language.rawValue
    header.generatedAt = Time.timestamp(generatedAt)
    return header
  }

  func summary(rfqs: Int, unmet: Int) -> ReportSummary {
    var summary = ReportSummary()
    summary.matchesProposed = activity.matchesProposed
    summary.introductionsRequested = activity.introductionsRequested
    summary.introductionsAccepted = activity.introductionsAccepted
    summary.introductionsDeclined = activity.introductionsDeclined
    summary.introductionsExpired = activity.introductionsExpired
    summary.medianResponseSeconds = Self.median(activity.responseSeconds)
    let answered = activity.introductionsAccepted + activity.introductionsDeclined
    summary.replyWithin24hRate = Self.ratio(activity.answeredWithin24h, activity.introductionsRequested)
    summary.acceptanceRate = Self.ratio(activity.introductionsAccepted, answered)
    if let orders = activity.orders {
      summary.ordersAvailable = true
      summary.orders = orders.ordersAfterIntroduction
      summary.conversionToOrders = Self.ratio(orders.ordersAfterIntroduction, activity.introductionsAccepted)
      summary.newPartnerOrderShare = Self.ratio(orders.newPartnerOrders, orders.orders)
      summary.orderValue = orders.valueAfterIntroduction
    }
    summary.rfqsPosted = Int64(rfqs)
    summary.rfqsUnmet = Int64(unmet)
    return summary
  }

  /// The stages matching knows; without the orders feed the order stages are left out (the
  /// section's note says so) rather than shown as zero.
  func funnel() -> ReportFunnel {
    var counts: [(FunnelStage, Int64)] = [
      (.matchesProposed, activity.matchesProposed),
      (.introductionsRequested, activity.introductionsRequested),
      (.introductionsAccepted, activity.introductionsAccepted),
    ]
    if let orders = activity.orders {
      counts += [
        (.quotes, orders.quotesAfterIntroduction), (.orders, orders.ordersAfterIntroduction),
        (.ordersCompleted, orders.completedAfterIntroduction),
      ]
    }
    var funnel = ReportFunnel()
    var previous: Int64?
    for (stage, count) in counts {
      var step = ReportFunnel.Step()
      step.stage = stage
      step.label = ReportLabels.funnelStage(stage, language)
      step.count = count
      step.rateFromPrevious = previous.map { Self.ratio(count, $0) } ?? 1
      funnel.steps.append(step)
      previous = count
    }
    return funnel
  }

  func countries() -> CountryTable {
    var table = CountryTable()
    table.rows = activity.countries.prefix(topN).map { activity in
      var row = CountryTable.Row()
      row.countryCode = activity.countryCode
      row.countryName = ReportLabels.country(activity.countryCode, language)
      row.buyers = activity.buyers
      row.matchesProposed = activity.matchesProposed
      row.introductionsRequested = activity.introductionsRequested
      row.introductionsAccepted = activity.introductionsAccepted
      row.orders = self.activity.orders?.ordersByCountry[activity.countryCode] ?? 0
      return row
    }
    return table
  }

  private struct DemandKey: Hashable, Comparable {
    var category: Int32
    var hs: String
    var unit: Int32
    static func < (a: Self, b: Self) -> Bool {
      (a.category, a.hs, a.unit) < (b.category, b.hs, b.unit)
    }
  }

  func demand(_ relevant: [(rfq: Rfq, buyer: Buyer)]) -> DemandTable {
    var rows: [DemandKey: DemandTable.Row] = [:]
    for (rfq, _) in relevant {
      let key = DemandKey(
        category: rfq.category.rawValue, hs: rfq.hsCode, unit: rfq.quantityUnit.rawValue)
      var row = rows[key] ?? {
        var row = DemandTable.Row()
        row.category = rfq.category
        row.hsCode = rfq.hsCode
        row.label = ReportLabels.categoryAndHS(rfq.category, hs: rfq.hsCode, language)
        row.unit = rfq.quantityUnit
        row.buyersSeeking = activity.buyersByCategory[rfq.category] ?? 0
        return row
      }()
      row.rfqs += 1
      row.quantity += rfq.quantity
      row.matchesProposed += activity.proposalsByRfq[rfq.id] ?? 0
      rows[key] = row
    }
    var table = DemandTable()
    table.rows = rows.sorted { a, b in
      if a.value.rfqs != b.value.rfqs { return a.value.rfqs > b.value.rfqs }
      if a.value.quantity != b.value.quantity { return a.value.quantity > b.value.quantity }
      return a.key < b.key
    }.prefix(topN).map(\.value)
    return table
  }

  /// `nil` when some producer in scope passes every hard filter for `rfq`; otherwise the filter
  /// that stopped the most producers.
  func unmetOutcome(_ rfq: Rfq, buyer: Buyer, listings: [CatalogueIndex.IndexedListing]) -> HardFilter? {
    let need = CompiledNeed(
      MatchingServiceImpl.need(rfq: rfq, buyer: buyer), index: index,
      today: Time.dayInVietnam(Time.milliseconds(rfq.createdAt)))
    var deepest: [String: Int] = [:]
    var passed = Set<String>()
    for indexed in listings {
      let producerID = indexed.listing.producerId
      guard !passed.contains(producerID), index.producer(of: indexed.facts) != nil else { continue }
      let screening = MatchEngine.screen(
        need, indexed.facts, producer: index.producerFacts[Int(indexed.facts.producer)])
      guard let depth = screening.firstFailure else {
        passed.insert(producerID)
        continue
      }
      deepest[producerID] = max(deepest[producerID] ?? -1, depth)
    }
    guard passed.isEmpty else { return nil }
    // Producers that make something else say nothing about why the RFQ failed; the blocker is
    // the filter that stopped most of those that do make it (category when none does).
    var counts = [Int](repeating: 0, count: MatchEngine.filterOrder.count)
    for depth in deepest.values where depth > 0 { counts[depth] += 1 }
    guard let most = counts.max(), most > 0, let position = counts.firstIndex(of: most) else {
      return .category
    }
    return MatchEngine.filterOrder[position]
  }

  private struct UnmetKey: Hashable, Comparable {
    var demand: DemandKey
    var filter: Int32
    static func < (a: Self, b: Self) -> Bool {
      a.demand != b.demand ? a.demand < b.demand : a.filter < b.filter
    }
  }

  func unmet(_ relevant: [(rfq: Rfq, buyer: Buyer)], outcomes: [HardFilter?]) -> UnmetDemandTable {
    var rows: [UnmetKey: UnmetDemandTable.Row] = [:]
    var countries: [UnmetKey: [String: Int]] = [:]
    for ((rfq, buyer), outcome) in zip(relevant, outcomes) {
      guard let filter = outcome else { continue }
      let key = UnmetKey(
        demand: DemandKey(category: rfq.category.rawValue, hs: rfq.hsCode, unit: rfq.quantityUnit.rawValue),
        filter: filter.rawValue)
      var row = rows[key] ?? {
        var row = UnmetDemandTable.Row()
        row.category = rfq.category
        row.hsCode = rfq.hsCode
        row.blockingFilter = filter
        row.unit = rfq.quantityUnit
        row.label =
          ReportLabels.categoryAndHS(rfq.category, hs: rfq.hsCode, language) + " — "
          + ReportLabels.filter(filter, language)
        return row
      }()
      row.rfqs += 1
      row.quantity += rfq.quantity
      rows[key] = row
      countries[key, default: [:]][buyer.countryCode.uppercased(), default: 0] += 1
    }
    for (key, counts) in countries {
      rows[key]?.countryCodes = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map(\.key)
    }
    var table = UnmetDemandTable()
    table.rows = rows.sorted { a, b in
      if a.value.rfqs != b.value.rfqs { return a.value.rfqs > b.value.rfqs }
      if a.value.quantity != b.value.quantity { return a.value.quantity > b.value.quantity }
      return a.key < b.key
    }.prefix(topN).map(\.value)
    return table
  }

  func capacityGaps(_ relevant: [(rfq: Rfq, buyer: Buyer)], listings: [CatalogueIndex.IndexedListing])
    -> CapacityGapTable
  {
    struct Key: Hashable, Comparable {
      var category: Int32
      var unit: Int32
      static func < (a: Self, b: Self) -> Bool { (a.category, a.unit) < (b.category, b.unit) }
    }
    var demanded: [Key: (quantity: Int64, rfqs: Int64)] = [:]
    for (rfq, _) in relevant where rfq.category != .unspecified {
      let key = Key(category: rfq.category.rawValue, unit: rfq.quantityUnit.rawValue)
      demanded[key, default: (0, 0)].quantity += rfq.quantity
      demanded[key, default: (0, 0)].rfqs += 1
    }
    var monthly: [Key: Int64] = [:]
    for indexed in listings {
      let key = Key(category: indexed.listing.category.rawValue, unit: indexed.listing.unit.rawValue)
      monthly[key, default: 0] += indexed.listing.monthlyCapacity
    }
    var rows: [(Key, CapacityGapTable.Row)] = []
    for (key, demand) in demanded {
      let available = (monthly[key] ?? 0) * periodDays / 30
      guard demand.quantity > available else { continue }
      var row = CapacityGapTable.Row()
      row.category = CraftCategory(rawValue: key.category)
      row.villageId = scope.village?.id ?? ""
      row.villageName = scope.village.map { language.pick($0.name?.vi ?? "", $0.name?.en ?? "") } ?? ""
      row.district = scope.district
      row.label = ReportLabels.category(row.category, language)
      row.unit = QuantityUnit(rawValue: key.unit)
      row.demandedQuantity = demand.quantity
      row.availableCapacity = available
      row.gapQuantity = demand.quantity - available
      row.rfqsAffected = demand.rfqs
      rows.append((key, row))
    }
    var table = CapacityGapTable()
    table.rows = rows.sorted { a, b in
      a.1.gapQuantity != b.1.gapQuantity ? a.1.gapQuantity > b.1.gapQuantity : a.0 < b.0
    }.prefix(topN).map(\.1)
    return table
  }

  // MARK: Arithmetic

  /// The median of ascending `values` (the mean of the middle two for an even count); 0 for none.
  static func median(_ values: [Int64]) -> Int64 {
    guard !values.isEmpty else { return 0 }
    let middle = values.count / 2
    return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }

  /// `part / whole`, 0 when `whole` is 0.
  static func ratio(_ part: Int64, _ whole: Int64) -> Double {
    whole == 0 ? 0 : Double(part) / Double(whole)
  }
}

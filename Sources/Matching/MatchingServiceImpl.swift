internal import Auth
internal import CatalogueAPI
internal import CommonAPI
public import MatchingAPI
public import RPCCore
internal import Storage

/// `craft.matching.v1.MatchingService` over a ``MatchingStore`` and its catalogue index.
///
/// Authorization (every method resolves the ``Caller`` the ``AuthInterceptor`` established):
/// - a buyer manages its own profile and RFQs, matches its own RFQs and profile, and requests
///   introductions to producers; a producer asks for buyers for itself and answers
///   introductions; analysts read everything (no contacts); admins and the platform do all;
/// - contact details (a buyer's profile contact, both contacts of an introduction) are shown
///   only to the party itself, admins, and the two parties of an ACCEPTED introduction.
public struct MatchingServiceImpl: MatchingServiceProtocol {
  /// The data the service serves.
  public let store: MatchingStore

  /// A service over `store`.
  public init(store: MatchingStore) {
    self.store = store
  }

  // MARK: Buyers

  public func createBuyer(_ request: CreateBuyerRequest, context: ServerContext) async throws
    -> ServerResponse<Buyer>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer)
    guard var buyer = request.buyer else {
      throw MatchingError.invalidArgument(field: "buyer", reason: "required")
    }
    if caller.role == .buyer {
      if buyer.id.isEmpty { buyer.id = caller.id }
      try requireBuyer(caller, is: buyer.id)
    } else if buyer.id.isEmpty {
      buyer.id = newID("byr")
    }
    return ServerResponse(try await store.createBuyer(buyer))
  }

  public func updateBuyer(_ request: UpdateBuyerRequest, context: ServerContext) async throws
    -> ServerResponse<Buyer>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer)
    guard let buyer = request.buyer else {
      throw MatchingError.invalidArgument(field: "buyer", reason: "required")
    }
    if buyer.id.isEmpty { throw MatchingError.invalidArgument(field: "buyer.id", reason: "required") }
    try requireBuyer(caller, is: buyer.id)
    return ServerResponse(try await store.updateBuyer(buyer))
  }

  public func getBuyer(_ request: GetBuyerRequest, context: ServerContext) async throws
    -> ServerResponse<Buyer>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    if request.buyerId.isEmpty { throw MatchingError.invalidArgument(field: "buyer_id", reason: "required") }
    var buyer = try await store.buyer(id: request.buyerId)
    if !(try await mayShowContact(ofBuyer: buyer.id, to: caller)) { buyer.contact = nil }
    return ServerResponse(buyer)
  }

  public func listBuyers(_ request: ListBuyersRequest, context: ServerContext) async throws
    -> ServerResponse<ListBuyersResponse>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    var response = try await store.listBuyers(request)
    for index in response.buyers.indices {
      if !(try await mayShowContact(ofBuyer: response.buyers[index].id, to: caller)) {
        response.buyers[index].contact = nil
      }
    }
    return ServerResponse(response)
  }

  // MARK: RFQs

  public func createRfq(_ request: CreateRfqRequest, context: ServerContext) async throws
    -> ServerResponse<Rfq>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer)
    guard var rfq = request.rfq else {
      throw MatchingError.invalidArgument(field: "rfq", reason: "required")
    }
    if caller.role == .buyer && rfq.buyerId.isEmpty { rfq.buyerId = caller.id }
    try requireBuyer(caller, is: rfq.buyerId)
    return ServerResponse(try await store.createRfq(rfq, requestID: request.requestId))
  }

  public func getRfq(_ request: GetRfqRequest, context: ServerContext) async throws
    -> ServerResponse<Rfq>
  {
    try Caller.from(context).requireAuthenticated()
    return ServerResponse(try await store.rfq(id: request.rfqId))
  }

  public func listRfqs(_ request: ListRfqsRequest, context: ServerContext) async throws
    -> ServerResponse<ListRfqsResponse>
  {
    try Caller.from(context).requireAuthenticated()
    return ServerResponse(try await store.listRfqs(request))
  }

  public func closeRfq(_ request: CloseRfqRequest, context: ServerContext) async throws
    -> ServerResponse<Rfq>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer)
    let rfq = try await store.rfq(id: request.rfqId)
    try requireBuyer(caller, is: rfq.buyerId)
    return ServerResponse(try await store.closeRfq(id: rfq.id, fulfilled: request.fulfilled))
  }

  // MARK: Matching

  public func matchProducersForRfq(_ request: MatchProducersForRfqRequest, context: ServerContext)
    async throws -> ServerResponse<MatchProducersForRfqResponse>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer, .analyst)
    if request.rfqId.isEmpty { throw MatchingError.invalidArgument(field: "rfq_id", reason: "required") }
    let rfq = try await store.rfq(id: request.rfqId)
    if caller.role == .buyer { try requireBuyer(caller, is: rfq.buyerId) }
    guard rfq.status == .open else {
      throw MatchingError.failedPrecondition("rfq \(rfq.id) is \(rfq.status), not open")
    }
    let size = try effectivePageSize(request.pageSize, default: 10, maximum: 50)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    let offset = try PageToken.offset(request.pageToken, fingerprint: fingerprint)
    let buyer = try await store.buyer(id: rfq.buyerId)
    let need = Self.need(rfq: rfq, buyer: buyer)
    let ranking = try await rankProducers(
      need, options: request.options ?? MatchOptions(), subject: rfq.id,
      consortia: offset == 0 ? Int(rfq.maxProposals) : 0, shown: min(Int(rfq.maxProposals), offset + size))
    let capped = min(ranking.total, Int(rfq.maxProposals))
    var response = MatchProducersForRfqResponse()
    response.totalMatches = Int32(ranking.total)
    response.matches = Array(ranking.matches.prefix(capped).dropFirst(offset).prefix(size))
    if offset + size < capped {
      response.nextPageToken = PageToken(fingerprint: fingerprint, position: String(offset + size)).encoded()
    }
    if offset == 0 {
      response.excluded = ranking.excluded
      response.consortia = ranking.consortia
    }
    try await record(response.matches, buyerID: buyer.id, rfqID: rfq.id)
    return ServerResponse(response)
  }

  public func matchProducersForBuyer(
    _ request: MatchProducersForBuyerRequest, context: ServerContext
  ) async throws -> ServerResponse<MatchProducersForBuyerResponse> {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer, .analyst)
    var buyerID = request.buyerId
    if buyerID.isEmpty && caller.role == .buyer { buyerID = caller.id }
    if buyerID.isEmpty { throw MatchingError.invalidArgument(field: "buyer_id", reason: "required") }
    if caller.role == .buyer { try requireBuyer(caller, is: buyerID) }
    let size = try effectivePageSize(request.pageSize, default: 10, maximum: 50)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    let offset = try PageToken.offset(request.pageToken, fingerprint: fingerprint)
    let buyer = try await store.buyer(id: buyerID)
    let need = Self.need(profile: buyer, query: request.query)
    let ranking = try await rankProducers(
      need, options: request.options ?? MatchOptions(), subject: "buyer:" + buyer.id, consortia: 0,
      shown: offset + size)
    var response = MatchProducersForBuyerResponse()
    response.totalMatches = Int32(ranking.total)
    response.matches = Array(ranking.matches.dropFirst(offset).prefix(size))
    if offset + size < ranking.total {
      response.nextPageToken = PageToken(fingerprint: fingerprint, position: String(offset + size)).encoded()
    }
    try await record(response.matches, buyerID: buyer.id, rfqID: "")
    return ServerResponse(response)
  }

  public func matchBuyersForProducer(
    _ request: MatchBuyersForProducerRequest, context: ServerContext
  ) async throws -> ServerResponse<MatchBuyersForProducerResponse> {
    let caller = Caller.from(context)
    try caller.requireRole(.producer, .analyst)
    var producerID = request.producerId
    if producerID.isEmpty && caller.role == .producer { producerID = caller.id }
    if producerID.isEmpty { throw MatchingError.invalidArgument(field: "producer_id", reason: "required") }
    if caller.role == .producer { try caller.requireEditor(ofProducer: producerID) }
    let size = try effectivePageSize(request.pageSize, default: 20, maximum: 100)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    let offset = try PageToken.offset(request.pageToken, fingerprint: fingerprint)

    let index = store.catalogue.snapshot
    guard let producer = index.producers[producerID], !producer.deleted,
      let producerFacts = index.producerSlots[producerID].map({ index.producerFacts[Int($0)] })
    else {
      throw MatchingError.notFound("producer \(producerID) not found")
    }
    var listings = index.activeListings(ofProducer: producerID)
    if !request.listingId.isEmpty {
      listings = listings.filter { $0.listing.id == request.listingId }
      if listings.isEmpty {
        throw MatchingError.notFound("active listing \(request.listingId) of producer \(producerID) not found")
      }
    }
    let options = request.options ?? MatchOptions()
    let history = try await store.pairHistory(producerID: producerID)
    let stats = try await store.responseStats(producerID: producerID)[producerID]

    // Score every need against the producer's listings; explain only the page shown.
    struct Scored {
      var entry: MarketNeed
      var key: String
      /// Its index in `listings`.
      var listing: Int
      var screening: Screening
      var score: Double
    }
    // The facts alone: copying an indexed listing (the whole message) 7,000 times a call cost
    // more than screening and scoring them.
    let facts = listings.map(\.facts)
    var candidates: [Scored] = []
    for entry in try await store.marketNeeds(index: index) where entry.rfq != nil || !request.rfqsOnly {
      let pair = history[entry.buyer.id]
      if options.excludeExistingPartners && pair?.known == true { continue }
      // The first listing with the highest score (listings in id order).
      var best: Scored?
      for listing in facts.indices {
        let screening = MatchEngine.screen(entry.need, facts[listing], producer: producerFacts)
        guard screening.passed else { continue }
        let score = MatchEngine.score(
          MatchEngine.facts(
            entry.need, facts[listing], producer: producerFacts, screening: screening, history: pair,
            responses: stats))
        if best == nil || score > best!.score {
          best = Scored(
            entry: entry, key: entry.rfq?.id ?? entry.buyer.id, listing: listing, screening: screening, score: score)
        }
      }
      guard let best, best.score >= options.minScore else { continue }
      candidates.append(best)
    }
    candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
    let page = candidates.dropFirst(offset).prefix(size).enumerated().map { position, candidate in
      let pair = history[candidate.entry.buyer.id]
      let explained = MatchEngine.explain(
        candidate.entry.need, listings[candidate.listing], producer: producer, producerFacts: producerFacts,
        screening: candidate.screening, history: pair, responses: stats, index: index)
      var match = Match()
      match.candidate = .buyer(
        BuyerCandidate(buyer: Cards.buyer(candidate.entry.buyer), rfq: candidate.entry.rfq.map(Cards.rfq)))
      match.score = candidate.score
      match.components = explained.components
      match.alreadyTrades = pair?.known ?? false
      match.introductionId = pair?.latestIntroductionID ?? ""
      let subject = candidate.entry.rfq.map { "rfq:" + $0.id } ?? "buyer:" + candidate.entry.buyer.id
      match.matchId = "mt-" + stableHash(subject + "|" + producerID)
      match.rank = Int32(offset + position + 1)
      return match
    }
    var response = MatchBuyersForProducerResponse()
    response.totalMatches = Int32(candidates.count)
    response.matches = page
    if offset + size < candidates.count {
      response.nextPageToken = PageToken(fingerprint: fingerprint, position: String(offset + size)).encoded()
    }
    try await store.recordProposals(
      response.matches.compactMap { match in
        guard case .buyer(let candidate) = match.candidate else { return nil }
        return ProposalRecord(
          id: match.matchId, buyerID: candidate.buyer?.buyerId ?? "", producerID: producerID,
          rfqID: candidate.rfq?.rfqId ?? "", listingID: "", score: match.score)
      })
    return ServerResponse(response)
  }

  // MARK: Introductions

  public func requestIntroduction(_ request: RequestIntroductionRequest, context: ServerContext)
    async throws -> ServerResponse<Introduction>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer, .producer)
    var buyerID = request.buyerId, producerID = request.producerId
    switch caller.role {
    case .buyer:
      if buyerID.isEmpty { buyerID = caller.id }
      try requireBuyer(caller, is: buyerID)
    case .producer:
      if producerID.isEmpty { producerID = caller.id }
      try caller.requireEditor(ofProducer: producerID)
    default: break
    }
    if buyerID.isEmpty { throw MatchingError.invalidArgument(field: "buyer_id", reason: "required") }
    if producerID.isEmpty { throw MatchingError.invalidArgument(field: "producer_id", reason: "required") }
    let index = store.catalogue.snapshot
    guard let producer = index.producers[producerID], !producer.deleted else {
      throw MatchingError.notFound("producer \(producerID) not found")
    }
    if !request.listingId.isEmpty && index.listing(request.listingId)?.listing.producerId != producerID {
      throw MatchingError.invalidArgument(
        field: "listing_id", reason: "listing \(request.listingId) is not producer \(producerID)'s")
    }
    let intro = try await store.requestIntroduction(
      buyerID: buyerID, producerID: producerID, rfqID: request.rfqId, listingID: request.listingId,
      matchID: request.matchId, message: request.message, requestedBy: caller)
    return ServerResponse(try await decorate(intro, for: caller))
  }

  public func respondToIntroduction(_ request: RespondToIntroductionRequest, context: ServerContext)
    async throws -> ServerResponse<Introduction>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer, .producer)
    let intro = try await store.transitionIntroduction(
      id: request.introductionId, to: request.accept ? .accepted : .declined,
      reason: request.reason
    ) { intro in
      guard !caller.isPrivileged else { return }
      let requester = intro.requestedBy?.role ?? .unspecified
      let isBuyerSide = caller.role == .buyer && caller.id == intro.buyerId
      let isProducerSide = caller.role == .producer && caller.id == intro.producerId
      let allowed =
        switch requester {
        case .buyer: isProducerSide
        case .producer: isBuyerSide
        default: isBuyerSide || isProducerSide
        }
      guard allowed else {
        throw RPCError(
          code: .permissionDenied,
          message: "only the side that did not request introduction \(intro.id) may answer it")
      }
    }
    return ServerResponse(try await decorate(intro, for: caller))
  }

  public func withdrawIntroduction(_ request: WithdrawIntroductionRequest, context: ServerContext)
    async throws -> ServerResponse<Introduction>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.buyer, .producer)
    let intro = try await store.transitionIntroduction(
      id: request.introductionId, to: .withdrawn, reason: request.reason
    ) { intro in
      guard !caller.isPrivileged else { return }
      guard intro.requestedBy?.role == caller.role, intro.requestedBy?.id == caller.id else {
        throw RPCError(
          code: .permissionDenied,
          message: "only the side that requested introduction \(intro.id) may withdraw it")
      }
    }
    return ServerResponse(try await decorate(intro, for: caller))
  }

  public func getIntroduction(_ request: GetIntroductionRequest, context: ServerContext)
    async throws -> ServerResponse<Introduction>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    let intro = try await store.introduction(id: request.introductionId)
    let isParty =
      (caller.role == .buyer && caller.id == intro.buyerId)
      || (caller.role == .producer && caller.id == intro.producerId)
    guard isParty || caller.isPrivileged || caller.role == .analyst else {
      throw RPCError(code: .permissionDenied, message: "not a party to introduction \(intro.id)")
    }
    return ServerResponse(try await decorate(intro, for: caller))
  }

  public func listIntroductions(_ request: ListIntroductionsRequest, context: ServerContext)
    async throws -> ServerResponse<ListIntroductionsResponse>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    var scoped = request
    switch caller.role {
    case .buyer:
      if scoped.buyerId.isEmpty { scoped.buyerId = caller.id }
      try requireBuyer(caller, is: scoped.buyerId)
    case .producer:
      if scoped.producerId.isEmpty { scoped.producerId = caller.id }
      try caller.requireEditor(ofProducer: scoped.producerId)
    default:
      try caller.requireRole(.analyst)
    }
    var response = try await store.listIntroductions(scoped)
    for index in response.introductions.indices {
      response.introductions[index] = try await decorate(response.introductions[index], for: caller)
    }
    return ServerResponse(response)
  }

  // MARK: Reports

  public func streamPartnerReport(
    _ request: StreamPartnerReportRequest, responses: ServerResponseWriter<ReportSection>,
    context: ServerContext
  ) async throws -> Metadata {
    try await writePartnerReport(request, caller: Caller.from(context), to: responses)
    return [:]
  }

  // MARK: Helpers

  /// Throws unless `caller` acts for buyer `buyerID` (that buyer, an admin or the platform).
  private func requireBuyer(_ caller: Caller, is buyerID: String) throws(RPCError) {
    try caller.requireAuthenticated()
    guard caller.isPrivileged || (caller.role == .buyer && !caller.id.isEmpty && caller.id == buyerID)
    else {
      throw RPCError(
        code: .permissionDenied,
        message: caller.role == .buyer
          ? "buyer \(caller.id) may act only for itself, not for buyer \(buyerID)"
          : "role \(caller.role.displayName) may not act for a buyer")
    }
  }

  /// Whether `caller` may see buyer `buyerID`'s contact details.
  private func mayShowContact(ofBuyer buyerID: String, to caller: Caller) async throws -> Bool {
    if caller.isPrivileged || (caller.role == .buyer && caller.id == buyerID) { return true }
    if caller.role == .producer && !caller.id.isEmpty {
      return try await store.hasAcceptedIntroduction(buyerID: buyerID, producerID: caller.id)
    }
    return false
  }

  /// Fills an introduction's cards, and its contacts when it is ACCEPTED and `caller` is one
  /// of the parties or an admin.
  private func decorate(_ intro: Introduction, for caller: Caller) async throws -> Introduction {
    var intro = intro
    let index = store.catalogue.snapshot
    let buyer = try? await store.buyer(id: intro.buyerId)
    if let buyer { intro.buyer = Cards.buyer(buyer) }
    let producer = index.producers[intro.producerId]
    if let producer {
      let stats = try await store.responseStats(producerID: producer.id)[producer.id]
      intro.producer = Cards.producer(producer, index: index, stats: stats)
    }
    let isParty =
      (caller.role == .buyer && caller.id == intro.buyerId)
      || (caller.role == .producer && caller.id == intro.producerId)
    if intro.status == .accepted && (isParty || caller.isPrivileged) {
      intro.buyerContact = buyer?.contact
      intro.producerContact = producer?.contact
    }
    return intro
  }

  private func record(_ matches: [Match], buyerID: String, rfqID: String) async throws {
    try await store.recordProposals(
      matches.compactMap { match in
        guard case .producer(let candidate) = match.candidate else { return nil }
        return ProposalRecord(
          id: match.matchId, buyerID: buyerID, producerID: candidate.producer?.producerId ?? "",
          rfqID: rfqID, listingID: candidate.listing?.listingId ?? "", score: match.score)
      })
  }

  // MARK: Needs

  static func need(rfq: Rfq, buyer: Buyer) -> MatchNeed {
    var need = MatchNeed()
    need.buyerID = buyer.id
    need.buyerCountry = buyer.countryCode
    need.rfqID = rfq.id
    if rfq.category != .unspecified { need.categories = [rfq.category] }
    if !rfq.hsCode.isEmpty { need.hsPrefixes = [CatalogueIndex.digits(rfq.hsCode)] }
    need.terms = uniqueTerms([rfq.title, rfq.description] + rfq.materials)
    need.quantity = rfq.quantity
    need.unit = rfq.quantityUnit
    if let price = rfq.targetUnitPrice, price.amountMinor > 0 { need.targetPrice = price }
    need.deadlineDay = rfq.deadline.map(Time.dayNumber)
    need.requiredCertifications = rfq.requiredCertifications
    if rfq.incoterm != .unspecified { need.incoterms = [rfq.incoterm] }
    return need
  }

  static func need(profile buyer: Buyer, query: String) -> MatchNeed {
    var need = MatchNeed()
    need.buyerID = buyer.id
    need.buyerCountry = buyer.countryCode
    need.categories = Set(buyer.categories)
    need.hsPrefixes = buyer.hsCodePrefixes.map(CatalogueIndex.digits)
    let about = [buyer.about?.vi ?? "", buyer.about?.en ?? ""]
    need.terms = uniqueTerms([query] + buyer.materials + about)
    if let range = buyer.typicalOrderQuantity {
      need.quantity = range.maxQuantity > 0 ? range.maxQuantity : range.minQuantity
      need.unit = range.unit
    }
    if let price = buyer.targetUnitPrice {
      let amount = price.maxMinor > 0 ? price.maxMinor : price.minMinor
      if amount > 0 { need.targetPrice = Money(amountMinor: amount, currencyCode: price.currencyCode) }
    }
    need.requiredCertifications = buyer.requiredCertifications
    need.incoterms = buyer.preferredIncoterms.filter { $0 != .unspecified }
    return need
  }

  static func uniqueTerms(_ texts: [String]) -> [String] {
    var seen = Set<String>()
    var terms: [String] = []
    for text in texts {
      for term in TextTerms.terms(text) where seen.insert(term).inserted { terms.append(term) }
    }
    return terms
  }

  // MARK: Ranking producers

  struct RankedProducers {
    /// The first `shown` matches, with cards and reasons.
    var matches: [Match]
    /// Every producer that passes.
    var total: Int
    var excluded: [FilterCount]
    var consortia: [ConsortiumProposal]
  }

  /// Every producer with a listing that passes the hard filters, with its best listing, ranked
  /// by score (ties by producer id): the first `shown` as matches with cards and reasons, and
  /// how many there are, plus per-filter exclusion counts and — when `consortia` > 0 and no
  /// producer passes — consortium proposals capped at that many members in all.
  private func rankProducers(
    _ need: MatchNeed, options: MatchOptions, subject: String, consortia cap: Int, shown: Int
  ) async throws -> RankedProducers {
    let index = store.catalogue.snapshot
    let today = Time.dayInVietnam(store.now)
    let history = try await store.pairHistory(buyerID: need.buyerID)
    let stats = try await store.responseStats()
    let compiled = CompiledNeed(need, index: index, today: today)
    let ranking = ProducerRanking(
      index: index, need: compiled, options: options, history: history, responses: stats, shown: shown)

    var matches: [Match] = []
    for (position, candidate) in ranking.top.enumerated() {
      let producerID = index.producerIDs[Int(candidate.producer)]
      guard let producer = index.producersBySlot[Int(candidate.producer)] else { continue }
      let indexed = index.indexed(candidate.listing)
      let explained = MatchEngine.explain(
        compiled, indexed, producer: producer, producerFacts: index.producerFacts[Int(candidate.producer)],
        screening: candidate.screening, history: history[producerID], responses: stats[producerID], index: index)
      var match = Match()
      match.candidate = .producer(
        ProducerCandidate(
          producer: Cards.producer(producer, index: index, stats: stats[producerID]),
          listing: Cards.listing(indexed.listing, filter: explained.filter)))
      match.matchId = "mt-" + stableHash(subject + "|" + producerID)
      match.rank = Int32(position + 1)
      match.score = candidate.score
      match.components = explained.components
      match.alreadyTrades = history[producerID]?.known ?? false
      match.introductionId = history[producerID]?.latestIntroductionID ?? ""
      matches.append(match)
    }
    var proposals: [ConsortiumProposal] = []
    if cap > 0 && ranking.total == 0 && need.quantity > 0 && need.deadlineDay != nil {
      let members = ranking.capacityLimited.compactMap { candidate -> ScoredListing? in
        guard let producer = index.producersBySlot[Int(candidate.producer)] else { return nil }
        let indexed = index.indexed(candidate.listing)
        let filter = MatchEngine.filterResult(compiled, indexed.facts, producer: producer, screening: candidate.screening)
        return ScoredListing(listing: indexed, filter: filter, score: candidate.score)
      }
      proposals = Consortia.propose(need: compiled, candidates: members, index: index, maxMembers: cap)
    }
    return RankedProducers(matches: matches, total: ranking.total, excluded: ranking.excluded, consortia: proposals)
  }
}

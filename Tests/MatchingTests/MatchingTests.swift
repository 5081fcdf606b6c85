import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Matching
import MatchingAPI
import ProtoWire
import RPCCore
import RPCTestSupport
import ServiceTestSupport
import Testing

@Suite("Matching: buyers, RFQs, the engine, introductions, the catalogue read model")
struct MatchingTests {
  @Test("buyers and RFQs: CRUD, idempotent creation, validation")
  func buyersAndRfqs() async throws {
    let harness = try await Harness()
    let rfq = try await harness.seedBuyerAndRfq()
    let buyer = harness.client(as: .buyer("B1"))
    #expect(rfq.buyerId == "B1")
    #expect(rfq.status == .open)
    #expect(rfq.maxProposals == 10)
    #expect(rfq.hsCode == "4602")
    let again = try await buyer.createRfq(CreateRfqRequest(rfq: Fixtures.rfq(), requestId: "first")).message
    #expect(again.id == rfq.id)
    #expect(try await buyer.getRfq(GetRfqRequest(rfqId: rfq.id)).message == rfq)
    var updated = Fixtures.buyer("B1", country: "us")
    updated.companyName = "B1 Renamed"
    let stored = try await buyer.updateBuyer(UpdateBuyerRequest(buyer: updated)).message
    #expect(stored.countryCode == "US")
    #expect(try await buyer.getBuyer(GetBuyerRequest(buyerId: "B1")).message.companyName == "B1 Renamed")
    var bad = Fixtures.rfq()
    bad.quantity = 0
    let invalid = await rpcError { _ = try await buyer.createRfq(CreateRfqRequest(rfq: bad, requestId: "")) }
    #expect(invalid?.code == .invalidArgument)
    let closed = try await buyer.closeRfq(CloseRfqRequest(rfqId: rfq.id, fulfilled: false)).message
    #expect(closed.status == .closed)
    #expect(closed.closedAt != nil)
    var list = ListRfqsRequest()
    list.buyerId = "B1"
    #expect(try await buyer.listRfqs(list).message.rfqs.map(\.id) == [rfq.id])
    await harness.shutdown()
  }

  @Test("hard filters: each fixture producer is excluded by exactly the filter it fails")
  func hardFilters() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let response = try await harness.client(as: .buyer("B1")).matchProducersForRfq(
      MatchProducersForRfqRequest(rfqId: rfq.id)).message
    #expect(Set(response.matches.map(\.producerID)) == ["p-good", "p-good2"])
    #expect(response.totalMatches == 2)
    let excluded = Dictionary(uniqueKeysWithValues: response.excluded.map { ($0.filter, $0.excluded) })
    #expect(excluded == [
      .category: 1,  // p-ceramic
      .moq: 1,  // p-moq: MOQ 5,000 > 1,000
      .capacityDeadline: 1,  // p-slow: 120 days of lead time, 75 left
      .certification: 2,  // p-nocert; p-expired's FSC ends before the deadline
      .incoterm: 1,  // p-exw cannot deliver FOB
    ])
    #expect(response.consortia.isEmpty)
    await harness.shutdown()
  }

  @Test("scores: one component per factor, weights sum to 1, reasons in Vietnamese and English")
  func explainedScores() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let response = try await harness.client(as: .buyer("B1")).matchProducersForRfq(
      MatchProducersForRfqRequest(rfqId: rfq.id)).message
    // p-good exports to the US, is audited and cheaper: it ranks first.
    #expect(response.matches.map(\.producerID) == ["p-good", "p-good2"])
    #expect(response.matches.map(\.rank) == [1, 2])
    for match in response.matches {
      #expect(match.components.map(\.factor.rawValue) == Array(1...9))
      #expect(abs(match.components.map(\.weight).reduce(0, +) - 1) < 1e-9)
      #expect(abs(match.components.map(\.contribution).reduce(0, +) - match.score) < 1e-9)
      for component in match.components {
        let reason = try #require(component.reason)
        #expect(!reason.vi.isEmpty && !reason.en.isEmpty && reason.vi != reason.en)
        #expect((0...1).contains(component.value))
      }
      #expect(!match.alreadyTrades)
      #expect(match.matchId.hasPrefix("mt-"))
    }
    let top = response.matches[0]
    func component(_ factor: ScoreFactor) -> ScoreComponent? { top.components.first { $0.factor == factor } }
    #expect(component(.marketExperience)?.value == 1)
    #expect(component(.marketExperience)?.reason?.en.contains("US") == true)
    #expect(component(.priceFit)?.value == 1)  // USD 9.00 at 1,000 pieces, target USD 10.00
    #expect(component(.novelty)?.value == 1)
    #expect(component(.novelty)?.reason?.en.contains("orders are not yet") == true)
    guard case .producer(let candidate) = top.candidate else { Issue.record("not a producer"); return }
    #expect(candidate.listing?.unitPrice == Money(amountMinor: 900, currencyCode: "USD"))
    #expect(candidate.listing?.certifications == [.fscCoc])
    #expect(candidate.producer?.district == "Thường Tín")
    await harness.shutdown()
  }

  @Test("determinism and pagination: same ranking every time; pages concatenate to it")
  func determinism() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    // Eight more identical fitting producers: ties broken by id.
    let twins = (1...8).map { Fixtures.producer("p-twin-\($0)") }
    let listings = (1...8).map { Fixtures.listing("l-twin-\($0)", producer: "p-twin-\($0)") }
    try await harness.catalogue.seed(villages: [], producers: twins, listings: listings)
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let client = harness.client(as: .buyer("B1"))
    let first = try await client.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id, pageSize: 50)).message
    let second = try await client.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id, pageSize: 50)).message
    #expect(first.matches == second.matches)
    #expect(first.totalMatches == 10)
    #expect(first.matches.count == 10)  // the RFQ's cap
    let twinIDs = first.matches.map(\.producerID).filter { $0.hasPrefix("p-twin") }
    #expect(twinIDs == twinIDs.sorted())
    var paged: [Match] = []
    var request = MatchProducersForRfqRequest(rfqId: rfq.id, pageSize: 3)
    while true {
      let page = try await client.matchProducersForRfq(request).message
      paged += page.matches
      if page.nextPageToken.isEmpty { break }
      request.pageToken = page.nextPageToken
    }
    #expect(paged == first.matches)
    await harness.shutdown()
  }

  @Test("permissions: owners, roles, anonymous callers")
  func permissions() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let otherBuyer = await rpcError {
      _ = try await harness.client(as: .buyer("B2")).matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id))
    }
    #expect(otherBuyer?.code == .permissionDenied)
    let anonymous = await rpcError {
      _ = try await harness.client(as: nil).createRfq(CreateRfqRequest(rfq: Fixtures.rfq(), requestId: ""))
    }
    #expect(anonymous?.code == .unauthenticated)
    let producerBuyer = await rpcError {
      _ = try await harness.client(as: .producer("p-good")).createBuyer(
        CreateBuyerRequest(buyer: Fixtures.buyer("X", country: "US")))
    }
    #expect(producerBuyer?.code == .permissionDenied)
    var forB2 = Fixtures.rfq()
    forB2.buyerId = "B2"
    let wrongOwner = await rpcError {
      _ = try await harness.client(as: .buyer("B1")).createRfq(CreateRfqRequest(rfq: forB2, requestId: ""))
    }
    #expect(wrongOwner?.code == .permissionDenied)
    let otherProducer = await rpcError {
      var request = MatchBuyersForProducerRequest()
      request.producerId = "p-good2"
      _ = try await harness.client(as: .producer("p-good")).matchBuyersForProducer(request)
    }
    #expect(otherProducer?.code == .permissionDenied)
    let closeOther = await rpcError {
      _ = try await harness.client(as: .buyer("B2")).closeRfq(CloseRfqRequest(rfqId: rfq.id, fulfilled: true))
    }
    #expect(closeOther?.code == .permissionDenied)
    // Analysts read everything, contacts excepted.
    let analyst = harness.client(as: Caller(role: .analyst))
    #expect(try await analyst.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id)).message.matches.count == 2)
    #expect(try await analyst.getBuyer(GetBuyerRequest(buyerId: "B1")).message.contact == nil)
    #expect(try await harness.client(as: .buyer("B1")).getBuyer(GetBuyerRequest(buyerId: "B1")).message.contact != nil)
    await harness.shutdown()
  }

  @Test("introductions: request, answer by the other side only, contacts revealed on acceptance, response time, novelty")
  func introductionFlow() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let buyer = harness.client(as: .buyer("B1"))
    let producer = harness.client(as: .producer("p-good"))
    let matches = try await buyer.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id)).message.matches

    var ask = RequestIntroductionRequest()
    ask.producerId = "p-good"
    ask.rfqId = rfq.id
    ask.listingId = "l-good"
    ask.matchId = matches[0].matchId
    ask.message = "We would like samples"
    let requested = try await buyer.requestIntroduction(ask).message
    #expect(requested.status == .requested)
    #expect(requested.buyerId == "B1")
    #expect(requested.requestedBy?.role == .buyer)
    #expect(requested.producerContact == nil && requested.buyerContact == nil)
    #expect(requested.producer?.producerId == "p-good")
    #expect(try await buyer.requestIntroduction(ask).message.id == requested.id)  // one per pair and subject
    #expect(try await producer.getBuyer(GetBuyerRequest(buyerId: "B1")).message.contact == nil)

    let ownAnswer = await rpcError {
      _ = try await buyer.respondToIntroduction(RespondToIntroductionRequest(introductionId: requested.id, accept: true))
    }
    #expect(ownAnswer?.code == .permissionDenied)
    let stranger = await rpcError {
      _ = try await harness.client(as: .producer("p-good2")).respondToIntroduction(
        RespondToIntroductionRequest(introductionId: requested.id, accept: true))
    }
    #expect(stranger?.code == .permissionDenied)
    let strangerRead = await rpcError {
      _ = try await harness.client(as: .buyer("B2")).getIntroduction(GetIntroductionRequest(introductionId: requested.id))
    }
    #expect(strangerRead?.code == .permissionDenied)

    harness.clock.advance(seconds: 7_200)
    let accepted = try await producer.respondToIntroduction(
      RespondToIntroductionRequest(introductionId: requested.id, accept: true)).message
    #expect(accepted.status == .accepted)
    #expect(accepted.responseSeconds == 7_200)
    #expect(accepted.producerContact?.email == "sales@p-good.vn")
    #expect(accepted.buyerContact?.email == "buying@b1.example")
    let seenByBuyer = try await buyer.getIntroduction(GetIntroductionRequest(introductionId: requested.id)).message
    #expect(seenByBuyer.producerContact?.email == "sales@p-good.vn")
    #expect(try await producer.getBuyer(GetBuyerRequest(buyerId: "B1")).message.contact?.email == "buying@b1.example")
    #expect(try await harness.client(as: .producer("p-good2")).getBuyer(GetBuyerRequest(buyerId: "B1")).message.contact == nil)
    let analystView = try await harness.client(as: Caller(role: .analyst)).getIntroduction(
      GetIntroductionRequest(introductionId: requested.id)).message
    #expect(analystView.producerContact == nil)
    let twice = await rpcError {
      _ = try await producer.respondToIntroduction(RespondToIntroductionRequest(introductionId: requested.id, accept: false))
    }
    #expect(twice?.code == .failedPrecondition)

    // The pair is now known: flagged with novelty 0, excluded on request.
    let after = try await buyer.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id)).message
    let known = try #require(after.matches.first { $0.producerID == "p-good" })
    #expect(known.alreadyTrades)
    #expect(known.introductionId == requested.id)
    #expect(known.components.first { $0.factor == .novelty }?.value == 0)
    #expect(known.components.first { $0.factor == .responsiveness }?.value == 1)
    #expect(known.score < matches[0].score)  // novelty lost outweighs the fast answer
    var options = MatchOptions()
    options.excludeExistingPartners = true
    let excluding = try await buyer.matchProducersForRfq(
      MatchProducersForRfqRequest(rfqId: rfq.id, options: options)).message
    #expect(excluding.matches.map(\.producerID) == ["p-good2"])
    #expect(excluding.excluded.contains(FilterCount(filter: .existingPartner, excluded: 1)))

    // Withdrawal: only the requester; then nobody can answer.
    var second = RequestIntroductionRequest()
    second.producerId = "p-good2"
    let pending = try await buyer.requestIntroduction(second).message
    let wrongWithdraw = await rpcError {
      _ = try await harness.client(as: .producer("p-good2")).withdrawIntroduction(
        WithdrawIntroductionRequest(introductionId: pending.id))
    }
    #expect(wrongWithdraw?.code == .permissionDenied)
    #expect(try await buyer.withdrawIntroduction(WithdrawIntroductionRequest(introductionId: pending.id)).message.status == .withdrawn)
    let late = await rpcError {
      _ = try await harness.client(as: .producer("p-good2")).respondToIntroduction(
        RespondToIntroductionRequest(introductionId: pending.id, accept: true))
    }
    #expect(late?.code == .failedPrecondition)
    let listed = try await producer.listIntroductions(ListIntroductionsRequest()).message.introductions
    #expect(listed.map(\.id) == [requested.id])
    await harness.shutdown()
  }

  @Test("a producer asks for new buyers: the fitting open RFQ and buyer profiles, explained")
  func buyersForProducer() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let response = try await harness.client(as: .producer("p-good")).matchBuyersForProducer(
      MatchBuyersForProducerRequest()).message
    let rfqMatches = response.matches.compactMap { match -> String? in
      guard case .buyer(let candidate) = match.candidate else { return nil }
      return candidate.rfq?.rfqId
    }
    #expect(rfqMatches == [rfq.id])
    #expect(response.totalMatches == 3)  // the RFQ and both buyer profiles
    for match in response.matches { #expect(match.components.count == 9) }
    var rfqsOnly = MatchBuyersForProducerRequest()
    rfqsOnly.rfqsOnly = true
    #expect(try await harness.client(as: .producer("p-slow")).matchBuyersForProducer(rfqsOnly).message.matches.isEmpty)
    await harness.shutdown()
  }

  @Test("buyers for a producer follow every buyer and RFQ write and RFQ expiry (the prepared needs are not stale)")
  func buyersForProducerFollowWrites() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let rfq = try await harness.seedBuyerAndRfq()
    try await harness.catchUp()
    let producer = harness.client(as: .producer("p-good"))
    func subjects() async throws -> [String] {
      try await producer.matchBuyersForProducer(MatchBuyersForProducerRequest()).message.matches.map { match in
        guard case .buyer(let candidate) = match.candidate else { return "?" }
        return candidate.rfq.map { "rfq:" + $0.rfqId } ?? "buyer:" + (candidate.buyer?.buyerId ?? "")
      }.sorted()
    }
    #expect(try await subjects() == ["buyer:B1", "buyer:B2", "rfq:" + rfq.id])

    // A new RFQ that expires in two days; a buyer whose profile does not fit.
    var short = Fixtures.rfq()
    short.expiresAt = ProtoTimestamp(seconds: Harness.start / 1000 + 2 * 86_400)
    let second = try await harness.client(as: .buyer("B2")).createRfq(
      CreateRfqRequest(rfq: short, requestId: "short")).message
    var ceramics = Fixtures.buyer("B3", country: "JP")
    ceramics.categories = [.ceramics]
    ceramics.hsCodePrefixes = ["6912"]
    _ = try await harness.client(as: .buyer("B3")).createBuyer(CreateBuyerRequest(buyer: ceramics))
    #expect(try await subjects() == ["buyer:B1", "buyer:B2", "rfq:" + rfq.id, "rfq:" + second.id].sorted())

    // Closing an RFQ and changing a profile take effect on the next call.
    _ = try await harness.client(as: .buyer("B1")).closeRfq(CloseRfqRequest(rfqId: rfq.id, fulfilled: false))
    var b2 = Fixtures.buyer("B2", country: "DE")
    b2.categories = [.ceramics]
    b2.hsCodePrefixes = ["6912"]
    _ = try await harness.client(as: .buyer("B2")).updateBuyer(UpdateBuyerRequest(buyer: b2))
    ceramics.categories = [.rattanBamboo]
    ceramics.hsCodePrefixes = ["4602"]
    _ = try await harness.client(as: .buyer("B3")).updateBuyer(UpdateBuyerRequest(buyer: ceramics))
    #expect(try await subjects() == ["buyer:B1", "buyer:B3", "rfq:" + second.id])

    // Three days later the short RFQ has expired, without any write.
    harness.clock.advance(seconds: 3 * 86_400)
    #expect(try await subjects() == ["buyer:B1", "buyer:B3"])
    await harness.shutdown()
  }

  @Test("consortium: no single producer can make 20,000 in time; one village together can")
  func consortium() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    _ = try await harness.seedBuyerAndRfq()
    var big = Fixtures.rfq()
    big.quantity = 20_000  // p-good / p-good2 can each make 12,500 in 75 days
    big.targetUnitPrice = nil
    let rfq = try await harness.client(as: .buyer("B1")).createRfq(CreateRfqRequest(rfq: big, requestId: "big")).message
    try await harness.catchUp()
    let response = try await harness.client(as: .buyer("B1")).matchProducersForRfq(
      MatchProducersForRfqRequest(rfqId: rfq.id)).message
    #expect(response.matches.isEmpty)
    let proposal = try #require(response.consortia.first)
    #expect(proposal.villageId == "ninh-so")
    #expect(proposal.members.map(\.shareQuantity).reduce(0, +) == 20_000)
    // Ninh Sở: p-good and p-moq (12,500 each by the deadline; p-moq's MOQ of 5,000 fits its
    // share); Phú Vinh has only p-good2, which cannot do it alone.
    #expect(response.consortia.count == 1)
    #expect(proposal.members.map(\.producerId) == ["p-good", "p-moq"])
    #expect(proposal.members.map(\.shareQuantity) == [12_500, 7_500])
    #expect(proposal.meetsDeadline)
    #expect(proposal.reason?.vi.isEmpty == false && proposal.reason?.en.isEmpty == false)
    await harness.shutdown()
  }

  @Test("read model: events written while matching was down are applied exactly once after a restart of both")
  func readModelCatchesUp() async throws {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    try await harness.catchUp()
    let before = try await harness.catalogue.newestSeq()
    #expect(try await harness.store.appliedEventCount() == Int64(before))
    #expect(try await harness.store.lastAppliedSeq() == before)

    await harness.stopMatching()
    // While matching is down: a new producer and listing, a listing deleted, a producer renamed.
    try await harness.catalogue.seed(
      villages: [], producers: [Fixtures.producer("p-late")],
      listings: [Fixtures.listing("l-late", producer: "p-late")])
    _ = try await harness.catalogue.deleteListing(id: "l-good2", expectedVersion: 0, caller: .system)
    try await harness.restartCatalogue()
    var renamed = Fixtures.producer("p-good")
    renamed.name = LocalizedText(vi: "HTX Mây Tre Ninh Sở", en: "Ninh So Rattan Cooperative")
    _ = try await harness.catalogue.updateProducer(renamed, expectedVersion: 0, caller: .system)
    let newest = try await harness.catalogue.newestSeq()
    #expect(newest > before)

    try await harness.restartMatching()
    try await harness.catchUp()
    #expect(try await harness.store.lastAppliedSeq() == newest)
    #expect(try await harness.store.appliedEventCount() == Int64(newest))  // each event once
    let index = harness.store.catalogue.snapshot
    #expect(index.producers["p-late"] != nil)
    #expect(index.listing("l-good2")?.listing.status == .deleted)
    #expect(index.producers["p-good"]?.name?.en == "Ninh So Rattan Cooperative")

    // A second restart with nothing new applies nothing again.
    await harness.stopMatching()
    try await harness.restartMatching()
    try await harness.catchUp()
    try await Task.sleep(for: .milliseconds(100))
    #expect(try await harness.store.appliedEventCount() == Int64(newest))
    #expect(harness.store.catalogue.snapshot.listingCount == Fixtures.listings.count + 1)

    let rfq = try await harness.seedBuyerAndRfq()
    let matches = try await harness.client(as: .buyer("B1")).matchProducersForRfq(
      MatchProducersForRfqRequest(rfqId: rfq.id)).message.matches
    #expect(Set(matches.map(\.producerID)) == ["p-good", "p-late"])  // l-good2 is deleted
    await harness.shutdown()
  }
}

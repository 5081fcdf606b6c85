import Auth
import CommonAPI
import CraftCLI
import Foundation
import Matching
import MatchingAPI
import RPCCore
import RPCTestSupport
import ServiceTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A seeded world with known outcomes (clock starts 2026-11-01 07:00 in Hà Nội):
///
/// | RFQ | buyer | need | outcome in the city |
/// |---|---|---|---|
/// | R1 | B1 US | 1,000 rattan baskets, FSC, FOB | met by p-good, p-good2 (2 proposals) |
/// | R2 | B2 DE | 300 m of silk | unmet: nobody makes silk (category) |
/// | R3 | B3 JP | 2,000 ceramic bowls, amfori BSCI | unmet: p-ceramic lacks BSCI (certification) |
/// | R4 | B1 US | 100,000 rattan baskets by 2027-01-15 | unmet: capacity by the deadline |
///
/// B3's profile is matched to p-ceramic (a third proposal). Introductions, all requested at the
/// start: I1 B1→p-good accepted after 2 h, I4 B2→p-good accepted after 4 h, I2 B1→p-good2
/// declined after 30 h, I3 B3→p-ceramic still requested.
struct ReportWorld {
  let harness: Harness
  let rfqs: [String: String]

  static let november = DateRange(start: Fixtures.date(2026, 11, 1), end: Fixtures.date(2026, 11, 30))

  static func make() async throws -> ReportWorld {
    let harness = try await Harness()
    try await harness.seedCatalogue()
    let r1 = try await harness.seedBuyerAndRfq()
    var b3 = Fixtures.buyer("B3", country: "JP")
    b3.categories = [.ceramics]
    b3.hsCodePrefixes = ["6912"]
    _ = try await harness.client(as: .buyer("B3")).createBuyer(CreateBuyerRequest(buyer: b3))

    var silk = Fixtures.rfq()
    silk.title = "Silk fabric"
    silk.description = "Plain silk"
    silk.category = .silkTextiles
    silk.hsCode = "5007.20"
    silk.quantity = 300
    silk.quantityUnit = .metre
    silk.requiredCertifications = []
    let r2 = try await harness.client(as: .buyer("B2")).createRfq(
      CreateRfqRequest(rfq: silk, requestId: "silk")).message
    var bowls = Fixtures.rfq()
    bowls.title = "Ceramic bowls"
    bowls.description = "Glazed bowls"
    bowls.category = .ceramics
    bowls.hsCode = "6912"
    bowls.quantity = 2_000
    bowls.requiredCertifications = [.amforiBsci]
    let r3 = try await harness.client(as: .buyer("B3")).createRfq(
      CreateRfqRequest(rfq: bowls, requestId: "bowls")).message
    var big = Fixtures.rfq()
    big.quantity = 100_000
    let r4 = try await harness.client(as: .buyer("B1")).createRfq(
      CreateRfqRequest(rfq: big, requestId: "big")).message
    try await harness.catchUp()

    let b1 = harness.client(as: .buyer("B1"))
    let proposed = try await b1.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: r1.id)).message
    #expect(Set(proposed.matches.map(\.producerID)) == ["p-good", "p-good2"])
    #expect(try await b1.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: r4.id)).message.matches.isEmpty)
    var profileRequest = MatchProducersForBuyerRequest()
    profileRequest.buyerId = "B3"
    let forB3 = try await harness.client(as: .buyer("B3")).matchProducersForBuyer(profileRequest).message
    #expect(forB3.matches.map(\.producerID) == ["p-ceramic"])

    func request(_ buyer: String, _ producer: String, rfq: String = "") async throws -> String {
      var request = RequestIntroductionRequest()
      request.buyerId = buyer
      request.producerId = producer
      request.rfqId = rfq
      return try await harness.client(as: .buyer(buyer)).requestIntroduction(request).message.id
    }
    func respond(_ id: String, as producer: String, accept: Bool) async throws {
      var answer = RespondToIntroductionRequest()
      answer.introductionId = id
      answer.accept = accept
      _ = try await harness.client(as: .producer(producer)).respondToIntroduction(answer)
    }
    let i1 = try await request("B1", "p-good", rfq: r1.id)
    let i2 = try await request("B1", "p-good2", rfq: r1.id)
    _ = try await request("B3", "p-ceramic")
    let i4 = try await request("B2", "p-good")
    harness.clock.advance(seconds: 2 * 3600)
    try await respond(i1, as: "p-good", accept: true)
    harness.clock.advance(seconds: 2 * 3600)
    try await respond(i4, as: "p-good", accept: true)
    harness.clock.advance(seconds: 26 * 3600)
    try await respond(i2, as: "p-good2", accept: false)
    return ReportWorld(harness: harness, rfqs: ["R1": r1.id, "R2": r2.id, "R3": r3.id, "R4": r4.id])
  }

  /// Every section of one report, as `caller` receives them.
  func report(
    _ scope: StreamPartnerReportRequest.Scope, as caller: Caller?, language: String = "vi",
    period: DateRange? = november
  ) async throws -> [ReportSection] {
    var request = StreamPartnerReportRequest()
    request.scope = scope
    request.period = period
    request.language = language
    return try await harness.client(as: caller).streamPartnerReport(request) { stream in
      var sections: [ReportSection] = []
      for try await section in stream { sections.append(section) }
      return sections
    }
  }
}

@Suite("Partner-matching reports: sections from the matching store, permissions, HTML")
struct ReportTests {
  @Test("city report: every section's figures match the seeded world, in the contract's order")
  func cityReport() async throws {
    let world = try await ReportWorld.make()
    let sections = try await world.report(.city(true), as: Caller(role: .analyst))
    let document = PartnerReportDocument(sections: sections)
    #expect(sections.count == 7)
    let kinds = sections.map { section -> String in
      switch section.content {
      case .header: "header"
      case .summary: "summary"
      case .funnel: "funnel"
      case .countries: "countries"
      case .demand: "demand"
      case .unmetDemand: "unmet"
      case .capacityGaps: "gaps"
      case nil: "none"
      }
    }
    #expect(kinds == ["header", "summary", "funnel", "countries", "demand", "unmet", "gaps"])

    let header = try #require(document.header)
    #expect(header.title == "Báo cáo kết nối đối tác — Toàn thành phố Hà Nội")
    #expect(header.language == "vi")
    #expect(header.period == ReportWorld.november)

    let summary = try #require(document.summary).value
    #expect(summary.matchesProposed == 3)
    #expect(summary.introductionsRequested == 4)
    #expect(summary.introductionsAccepted == 2)
    #expect(summary.introductionsDeclined == 1)
    #expect(summary.introductionsExpired == 0)
    #expect(summary.medianResponseSeconds == 4 * 3600)  // of 2 h, 4 h, 30 h
    #expect(summary.replyWithin24hRate == 0.5)
    #expect(abs(summary.acceptanceRate - 2.0 / 3.0) < 1e-12)
    #expect(summary.rfqsPosted == 4)
    #expect(summary.rfqsUnmet == 3)
    // No orders feed: stated, not invented.
    #expect(summary.ordersAvailable == false)
    #expect(summary.orders == 0 && summary.orderValue.isEmpty)
    #expect(try #require(document.summary).note.contains("Chưa có dữ liệu đơn hàng"))

    let funnel = try #require(document.funnel)
    #expect(funnel.value.steps.map(\.stage) == [.matchesProposed, .introductionsRequested, .introductionsAccepted])
    #expect(funnel.value.steps.map(\.count) == [3, 4, 2])
    #expect(funnel.value.steps.map(\.rateFromPrevious) == [1, 4.0 / 3.0, 0.5])
    #expect(!funnel.note.isEmpty)

    let countries = try #require(document.countries).value.rows
    #expect(countries.map(\.countryCode) == ["US", "JP", "DE"])
    #expect(countries.map(\.countryName) == ["Hoa Kỳ", "Nhật Bản", "Đức"])
    #expect(countries.map(\.buyers) == [1, 1, 1])
    #expect(countries.map(\.matchesProposed) == [2, 1, 0])
    #expect(countries.map(\.introductionsRequested) == [2, 1, 1])
    #expect(countries.map(\.introductionsAccepted) == [1, 0, 1])

    let demand = try #require(document.demand).value.rows
    #expect(demand.map(\.category) == [.rattanBamboo, .ceramics, .silkTextiles])
    #expect(demand.map(\.hsCode) == ["4602", "6912", "5007.20"])
    #expect(demand.map(\.rfqs) == [2, 1, 1])
    #expect(demand.map(\.quantity) == [101_000, 2_000, 300])
    #expect(demand.map(\.unit) == [.piece, .piece, .metre])
    #expect(demand.map(\.buyersSeeking) == [2, 1, 0])  // B1, B2 seek rattan; B3 ceramics
    #expect(demand.map(\.matchesProposed) == [2, 0, 0])  // R1's two proposals
    #expect(demand[0].label == "Mây tre đan · HS 4602")

    let unmet = try #require(document.unmetDemand).value.rows
    #expect(unmet.map(\.category) == [.rattanBamboo, .ceramics, .silkTextiles])
    #expect(unmet.map(\.blockingFilter) == [.capacityDeadline, .certification, .category])
    #expect(unmet.map(\.rfqs) == [1, 1, 1])
    #expect(unmet.map(\.quantity) == [100_000, 2_000, 300])
    #expect(unmet.map(\.countryCodes) == [["US"], ["JP"], ["DE"]])

    // 30 days: rattan demand 101,000 against 7 listings × 5,000 a month; silk against none.
    let gaps = try #require(document.capacityGaps).value.rows
    #expect(gaps.map(\.category) == [.rattanBamboo, .silkTextiles])
    #expect(gaps.map(\.demandedQuantity) == [101_000, 300])
    #expect(gaps.map(\.availableCapacity) == [35_000, 0])
    #expect(gaps.map(\.gapQuantity) == [66_000, 300])
    #expect(gaps.map(\.rfqsAffected) == [2, 1])

    // Deterministic: the same data gives the same stream (header's generated_at included).
    #expect(try await world.report(.city(true), as: Caller(role: .analyst)) == sections)
    await world.harness.shutdown()
  }

  @Test("village, district and producer scopes count only their producers")
  func narrowerScopes() async throws {
    let world = try await ReportWorld.make()
    let village = PartnerReportDocument(
      sections: try await world.report(.villageId("ninh-so"), as: Caller(role: .analyst), language: "en"))
    #expect(village.header?.title == "Partner-matching report — Ninh So village")
    let v = try #require(village.summary).value
    #expect(v.matchesProposed == 1)
    #expect(v.introductionsRequested == 2)
    #expect(v.introductionsAccepted == 2)
    #expect(v.introductionsDeclined == 0)
    #expect(v.medianResponseSeconds == 3 * 3600)  // mean of 2 h and 4 h
    #expect(v.rfqsPosted == 2)  // rattan only: R1, R4
    #expect(v.rfqsUnmet == 1)  // R4
    #expect(village.countries?.value.rows.map(\.countryName) == ["United States", "Germany"])
    let gap = try #require(village.capacityGaps?.value.rows.first)
    #expect(gap.villageId == "ninh-so")
    #expect(gap.district == "Thường Tín")
    #expect(gap.availableCapacity == 30_000)  // 6 listings × 5,000
    #expect(gap.gapQuantity == 71_000)

    let district = PartnerReportDocument(
      sections: try await world.report(.district("chuong my"), as: .admin))
    #expect(district.header?.scopeLabel == "Huyện Chương Mỹ")
    let d = try #require(district.summary).value
    #expect((d.matchesProposed, d.introductionsRequested, d.introductionsDeclined) == (1, 1, 1))
    #expect(d.acceptanceRate == 0)
    #expect(d.replyWithin24hRate == 0)  // declined after 30 h

    let own = PartnerReportDocument(sections: try await world.report(.producerId("p-ceramic"), as: .producer("p-ceramic")))
    let p = try #require(own.summary).value
    #expect((p.matchesProposed, p.introductionsRequested, p.introductionsAccepted) == (1, 1, 0))
    #expect(p.medianResponseSeconds == 0)  // none answered
    #expect((p.rfqsPosted, p.rfqsUnmet) == (1, 1))
    #expect(own.unmetDemand?.value.rows.map(\.blockingFilter) == [.certification])
    await world.harness.shutdown()
  }

  @Test("permissions: analysts and admins read any scope, a producer only its own")
  func permissions() async throws {
    let world = try await ReportWorld.make()
    func code(_ scope: StreamPartnerReportRequest.Scope, as caller: Caller?, period: DateRange? = ReportWorld.november)
      async -> RPCStatus.Code?
    {
      await rpcError { _ = try await world.report(scope, as: caller, period: period) }?.code
    }
    #expect(await code(.city(true), as: nil) == .unauthenticated)
    #expect(await code(.producerId("p-good"), as: nil) == .unauthenticated)
    #expect(await code(.city(true), as: .buyer("B1")) == .permissionDenied)
    #expect(await code(.city(true), as: .producer("p-good")) == .permissionDenied)
    #expect(await code(.villageId("ninh-so"), as: .producer("p-good")) == .permissionDenied)
    #expect(await code(.district("Thường Tín"), as: .producer("p-good")) == .permissionDenied)
    #expect(await code(.producerId("p-good2"), as: .producer("p-good")) == .permissionDenied)
    #expect(await code(.producerId("p-good"), as: .buyer("B1")) == .permissionDenied)
    #expect(await code(.producerId("p-good"), as: .producer("p-good")) == nil)
    #expect(await code(.producerId("p-good"), as: Caller(role: .analyst)) == nil)
    #expect(await code(.villageId("ninh-so"), as: .admin) == nil)
    #expect(await code(.villageId("nowhere"), as: Caller(role: .analyst)) == .notFound)
    #expect(await code(.district("Nowhere"), as: Caller(role: .analyst)) == .notFound)
    #expect(await code(.city(true), as: Caller(role: .analyst), period: nil) == .invalidArgument)
    let backwards = DateRange(start: Fixtures.date(2026, 12, 1), end: Fixtures.date(2026, 11, 1))
    #expect(await code(.city(true), as: Caller(role: .analyst), period: backwards) == .invalidArgument)
    await world.harness.shutdown()
  }

  #if canImport(FoundationXML)
    @Test("HTML: one page with a title, one SVG per chart, tables whose numbers are the report's")
    func html() async throws {
      let world = try await ReportWorld.make()
      let sections = try await world.report(.city(true), as: Caller(role: .analyst), language: "en")
      let document = PartnerReportDocument(sections: sections)
      let page = document.html
      // Self-contained: no script, no external reference.
      #expect(!page.contains("<script"))
      let withoutNamespaces = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
      #expect(!withoutNamespaces.contains("http:") && !withoutNamespaces.contains("https:"))
      #expect(!page.contains("<link"))

      let xml = try XMLDocument(xmlString: page, options: [])
      func nodes(_ path: String) throws -> [XMLNode] { try xml.nodes(forXPath: path) }
      func text(_ path: String) throws -> [String] { try nodes(path).map { $0.stringValue ?? "" } }
      #expect(try text("/html/head/title") == ["Partner-matching report — Hanoi, whole city"])
      #expect(try text("//h1") == ["Partner-matching report — Hanoi, whole city"])
      #expect(try nodes("//*[local-name()='svg']").count == 3)
      #expect(try text("//section[@id='countries']//*[local-name()='svg']/*[local-name()='title']") == ["Matches by buyer country"])
      #expect(try nodes("//section[@id='funnel']//*[local-name()='svg']").count == 1)
      #expect(try nodes("//section[@id='unmet-demand']//*[local-name()='svg']").count == 1)
      #expect(try nodes("//table").count == 6)

      // Countries table: name (code), buyers, matches, requested, accepted, orders (not available).
      let countryRows = try nodes("//section[@id='countries']//tbody/tr").map { row in
        try row.nodes(forXPath: "td").map { $0.stringValue ?? "" }
      }
      #expect(countryRows == [
        ["United States (US)", "1", "2", "2", "1", "not available yet"],
        ["Japan (JP)", "1", "1", "1", "0", "not available yet"],
        ["Germany (DE)", "1", "0", "1", "1", "not available yet"],
      ])
      // The bars carry the same numbers: one value label per country, in table order.
      let barValues = try text("//section[@id='countries']//*[local-name()='text'][@class='value']")
      #expect(barValues == ["2", "1", "0"])

      // Funnel: the three known stages and orders as not available, in chart and table.
      let funnelRows = try nodes("//section[@id='funnel']//tbody/tr").map { row in
        try row.nodes(forXPath: "td").map { $0.stringValue ?? "" }
      }
      #expect(funnelRows == [
        ["Matches proposed", "3", "100.0%"],
        ["Introductions requested", "4", "133.3%"],
        ["Introductions accepted", "2", "50.0%"],
        ["Orders", "not available yet", "—"],
      ])
      let funnelChart = try text("//section[@id='funnel']//*[local-name()='svg']/*[local-name()='text']")
      #expect(funnelChart == [
        "Matches proposed: 3", "Introductions requested: 4", "Introductions accepted: 2",
        "Orders: not available yet",
      ])

      // Unmet demand by category: chart bars and table rows agree with the report.
      let unmetChart = try text("//section[@id='unmet-demand']//*[local-name()='svg']/*[local-name()='text']")
      #expect(unmetChart == ["Rattan & bamboo", "1", "Ceramics", "1", "Silk & textiles", "1"])
      let unmetQuantities = try text("//section[@id='unmet-demand']//tbody/tr/td[3]")
      #expect(unmetQuantities == ["100,000", "2,000", "300"])

      // Summary: headline figures and the orders rows marked as not available.
      let summaryRows = Dictionary(
        uniqueKeysWithValues: try nodes("//section[@id='summary']//tbody/tr").map { row in
          let cells = try row.nodes(forXPath: "td").map { $0.stringValue ?? "" }
          return (cells[0], cells[1])
        })
      #expect(summaryRows["Matches proposed"] == "3")
      #expect(summaryRows["Introductions requested"] == "4")
      #expect(summaryRows["Median response time"] == "4 h 0 min")
      #expect(summaryRows["Acceptance rate"] == "66.7%")
      #expect(summaryRows["Orders"] == "not available yet")
      #expect(summaryRows["Share of orders with new partners"] == "not available yet")
      #expect(try text("//section[@id='summary']/p[@class='note']").first?.hasPrefix("Orders are not available yet") == true)

      // Capacity gaps and demand tables.
      #expect(try text("//section[@id='capacity-gaps']//tbody/tr/td[5]") == ["66,000", "300"])
      #expect(try text("//section[@id='demand']//tbody/tr/td[2]") == ["2", "1", "1"])
      await world.harness.shutdown()
    }
  #endif

  @Test("CSV and JSON forms: order figures unknown, not zero")
  func csvAndJSON() async throws {
    let world = try await ReportWorld.make()
    let document = PartnerReportDocument(
      sections: try await world.report(.city(true), as: Caller(role: .analyst)))
    let records = CSV.parse(document.csv).compactMap { try? $0.get().fields }
    #expect(records.first == ["section", "row", "field", "value"])
    #expect(records.allSatisfy { $0.count == 4 })
    #expect(records.contains(["summary", "", "matches_proposed", "3"]))
    #expect(records.contains(["summary", "", "orders", "n/a"]))
    #expect(records.contains(["summary", "", "section_title", "Tổng quan"]))
    #expect(records.filter { $0[0] == "header" && $0[2] == "title" }.map(\.[3]) == ["Báo cáo kết nối đối tác — Toàn thành phố Hà Nội"])
    #expect(records.contains(["countries", "1", "country_code", "US"]))
    #expect(records.contains(["capacity_gaps", "1", "gap_quantity", "66000"]))
    let json = document.json.serialized
    #expect(json.contains("\"orders\":null"))
    #expect(json.contains("\"orders_available\":false"))
    #expect(json.contains("\"matches_proposed\":3"))
    await world.harness.shutdown()
  }
}

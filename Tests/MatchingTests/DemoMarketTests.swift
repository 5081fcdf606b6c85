import Catalogue
import CatalogueAPI
import CommonAPI
import Matching
import MatchingAPI
import MatchingEval
import RPCTestSupport
import Testing

@Suite("Demo market: buyers and RFQs derived from the demo catalogue")
struct DemoMarketTests {
  /// 2026-11-30 09:00 in Hà Nội.
  static let now: Int64 = 1_795_996_800_000 + 2 * 3_600_000

  @Test("deterministic, 200 buyers in the real markets, ~500 RFQs with future deadlines")
  func generated() {
    let demo = DemoCatalogue.generate()
    let market = DemoMarket.generate(listings: demo.listings, producers: demo.producers, nowMilliseconds: Self.now)
    let again = DemoMarket.generate(listings: demo.listings, producers: demo.producers, nowMilliseconds: Self.now)
    #expect(market.buyers == again.buyers)
    #expect(market.rfqs == again.rfqs)
    #expect(market.buyers.count == 200)
    #expect(market.rfqs.count >= 480 && market.rfqs.count <= 500)
    let countries = Dictionary(grouping: market.buyers, by: \.countryCode).mapValues(\.count)
    #expect(Set(["US", "JP", "GB", "ES", "IN", "DE", "KR", "AU"]).isSubset(of: Set(countries.keys)))
    #expect(countries["US"] == countries.values.max(), "the US is the largest market: \(countries)")
    #expect(Set(market.buyers.map(\.companyName)).count == 200)
    // Indian buyers buy incense, as the villages' markets say.
    let indian = market.buyers.filter { $0.countryCode == "IN" }
    #expect(indian.contains { $0.categories.contains(.incense) })
    let today = (Self.now + 7 * 3_600_000) / 86_400_000
    let offered = Set(demo.listings.map(\.category))
    for rfq in market.rfqs {
      let deadline = Simulation.dayNumber(rfq.deadline!)
      #expect(deadline >= today + 42 && deadline <= today + 182)
      #expect(offered.contains(rfq.category))
      #expect(rfq.quantity > 0 && rfq.targetUnitPrice?.currencyCode == "USD")
    }
  }

  @Test("seeds an empty store once, through the store's validation; deadlines stay in the future")
  func seedsOnce() async throws {
    let directory = try TemporaryDirectory()
    let store = try await MatchingStore(path: directory.path + "/matching.sqlite", clock: { Self.now })
    let demo = DemoCatalogue.generate()
    let summary = try await store.seedDemo(listings: demo.listings, producers: demo.producers)
    #expect(summary?.buyers == 200)
    #expect((summary?.rfqs ?? 0) >= 480)
    #expect(try await store.seedDemo(listings: demo.listings, producers: demo.producers) == nil)
    var request = ListRfqsRequest()
    request.status = .open
    request.pageSize = 500
    let open = try await store.listRfqs(request)
    #expect(open.rfqs.count == summary?.rfqs)
    await store.close()
  }
}

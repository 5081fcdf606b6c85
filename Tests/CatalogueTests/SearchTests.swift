import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import RPCCore
import RPCTestSupport
import Testing

@Suite("Catalogue: search")
struct SearchTests {
  /// Two rattan producers (one FSC-certified until the end of 2025) and a ceramics one, with
  /// listings whose trade terms differ so each filter has something to exclude.
  static func populated() async throws -> Harness {
    let harness = try Harness()
    try await harness.seedVillages()
    let fsc = Fixtures.certification(
      .fscCoc, from: Fixtures.date(2024, 1, 1), to: Fixtures.date(2025, 12, 31))
    let producers = [
      Fixtures.producer("ns-1", village: "ninh-so", name: "HTX Mây tre Ninh Sở", certifications: [fsc]),
      Fixtures.producer("pv-1", village: "phu-vinh", name: "Cơ sở Phú Vinh"),
      Fixtures.producer("bt-1", village: "bat-trang", name: "Gốm Bát Tràng Minh Long"),
    ]
    let listings = [
      Fixtures.listing(
        producer: "ns-1", sku: "NS-1", titleVi: "Giỏ mây tre đan", titleEn: "Rattan basket",
        moq: 100, usd: 450, leadTime: 30, capacity: 8_000),
      Fixtures.listing(
        producer: "ns-1", sku: "NS-2", titleVi: "Khay tre", titleEn: "Bamboo tray",
        description: "Khay đựng đồ, đan thủ công theo kiểu mây tre đan truyền thống",
        hs: "4602.11", moq: 300, usd: 900, leadTime: 60, capacity: 2_000, materials: ["bamboo"]),
      Fixtures.listing(
        producer: "pv-1", sku: "PV-1", titleVi: "Đèn mây tre đan Phú Vinh", titleEn: "Rattan lamp",
        moq: 200, usd: 1_500, leadTime: 45, capacity: 3_000),
      Fixtures.listing(
        producer: "bt-1", sku: "BT-1", titleVi: "Bình gốm men lam", titleEn: "Blue glaze vase",
        category: .ceramics, hs: "6913.90", moq: 50, usd: 2_000, leadTime: 20, capacity: 1_000,
        materials: ["ceramic"]),
    ]
    try await harness.store.seed(villages: [], producers: producers, listings: listings)
    return harness
  }

  static func search(
    _ harness: Harness, _ query: String, _ configure: (inout SearchListingsRequest) -> Void = { _ in }
  ) async throws -> SearchListingsResponse {
    var request = SearchListingsRequest(query: query)
    configure(&request)
    return try await harness.client.searchListings(request).message
  }

  static func skus(_ response: SearchListingsResponse) -> [String] {
    response.hits.compactMap { $0.listing?.sku }
  }

  @Test("'may tre dan' finds the Mây tre đan listings, title matches above description ones")
  func foldedQuery() async throws {
    let harness = try await Self.populated()
    let response = try await Self.search(harness, "may tre dan")
    #expect(Set(Self.skus(response)) == ["NS-1", "NS-2", "PV-1"])
    #expect(Self.skus(response).last == "NS-2")  // only in its description
    #expect(response.totalHits == 3)
    let first = try #require(response.hits.first)
    #expect(first.score > response.hits.last!.score)
    #expect(first.snippet?.field == "title.vi")
    #expect(first.snippet?.text.contains("«mây»") == true)
    #expect(first.producer?.name?.vi.isEmpty == false)
    #expect(first.villageName != nil)

    #expect(Self.skus(try await Self.search(harness, "Mây Tre ĐAN")).count == 3)
    #expect(Self.skus(try await Self.search(harness, "bat trang")) == ["BT-1"])  // village text
    #expect(Self.skus(try await Self.search(harness, "bat tra")) == ["BT-1"])  // prefix
    #expect(Self.skus(try await Self.search(harness, "rattan lamp")) == ["PV-1"])  // English
    #expect(Self.skus(try await Self.search(harness, "thuong tin")).sorted() == ["NS-1", "NS-2"])
    #expect(Self.skus(try await Self.search(harness, "6913")) == ["BT-1"])  // HS code typed
    #expect(try await Self.search(harness, "\"* NEAR(").totalHits == 4)  // no terms → all
    #expect(try await Self.search(harness, "xyzzy").hits.isEmpty)
  }

  @Test("filters: category, village, district, HS prefix, MOQ, price, lead time, capacity, certification")
  func filters() async throws {
    let harness = try await Self.populated()
    func skus(_ configure: (inout ListingFilter) -> Void) async throws -> [String] {
      var filter = ListingFilter()
      configure(&filter)
      return Self.skus(try await Self.search(harness, "") { $0.filter = filter }).sorted()
    }
    #expect(try await skus { $0.categories = [.ceramics] } == ["BT-1"])
    #expect(try await skus { $0.villageIds = ["phu-vinh", "bat-trang"] } == ["BT-1", "PV-1"])
    #expect(try await skus { $0.district = "thuong tin" } == ["NS-1", "NS-2"])
    #expect(try await skus { $0.hsPrefix = "4602.1" } == ["NS-1", "NS-2", "PV-1"])
    #expect(try await skus { $0.hsPrefix = "460211" } == ["NS-2"])
    #expect(try await skus { $0.maxMoq = 200 } == ["BT-1", "NS-1", "PV-1"])
    #expect(
      try await skus { $0.price = MoneyRange(minMinor: 800, maxMinor: 1_500, currencyCode: "USD") }
        == ["NS-2", "PV-1"])
    #expect(
      try await skus { $0.price = MoneyRange(minMinor: 0, maxMinor: 500, currencyCode: "USD") }
        == ["NS-1"])
    #expect(try await skus { $0.price = MoneyRange(minMinor: 1, maxMinor: 0, currencyCode: "VND") }.isEmpty)
    #expect(try await skus { $0.maxLeadTimeDays = 30 } == ["BT-1", "NS-1"])
    #expect(try await skus { $0.minMonthlyCapacity = 3_000 } == ["NS-1", "PV-1"])
    #expect(try await skus { $0.materials = ["Bamboo"] } == ["NS-2"])
    #expect(try await skus { $0.sku = "pv-1" } == ["PV-1"])
    #expect(try await skus {
      $0.certifications = [.fscCoc]
      $0.certifiedOn = Fixtures.date(2025, 6, 1)
    } == ["NS-1", "NS-2"])
    #expect(try await skus {
      $0.certifications = [.fscCoc]
      $0.certifiedOn = Fixtures.date(2026, 1, 1)  // expired
    }.isEmpty)
    #expect(try await skus {
      $0.certifications = [.fscCoc, .amforiBsci]
      $0.certifiedOn = Fixtures.date(2025, 6, 1)
    }.isEmpty)
    // Query and filters together.
    var filter = ListingFilter()
    filter.maxMoq = 150
    #expect(Self.skus(try await Self.search(harness, "may tre dan") { $0.filter = filter }) == ["NS-1"])

    let bad = await rpcError {
      _ = try await Self.search(harness, "") {
        var filter = ListingFilter()
        filter.price = MoneyRange(minMinor: 0, maxMinor: 10, currencyCode: "")
        $0.filter = filter
      }
    }
    #expect(bad?.code == .invalidArgument)
    #expect(bad?.message.contains("filter.price.currency_code") == true)
  }

  @Test("sort by price and lead time; facets count category, village and certification")
  func sortAndFacets() async throws {
    let harness = try await Self.populated()
    #expect(
      Self.skus(try await Self.search(harness, "") { $0.sort = .priceAsc })
        == ["NS-1", "NS-2", "PV-1", "BT-1"])
    #expect(
      Self.skus(try await Self.search(harness, "") { $0.sort = .priceDesc })
        == ["BT-1", "PV-1", "NS-2", "NS-1"])
    #expect(
      Self.skus(try await Self.search(harness, "") { $0.sort = .leadTimeAsc })
        == ["BT-1", "NS-1", "PV-1", "NS-2"])

    let response = try await Self.search(harness, "") {
      $0.includeFacets = true
      var filter = ListingFilter()
      filter.certifiedOn = Fixtures.date(2025, 6, 1)
      $0.filter = filter
    }
    let byField = Dictionary(uniqueKeysWithValues: response.facets.map { ($0.field, $0.values) })
    let categories = try #require(byField[.category])
    #expect(categories.map(\.key) == [.category(.rattanBamboo), .category(.ceramics)])
    #expect(categories.map(\.count) == [3, 1])
    #expect(categories.first?.label?.en == "Rattan and bamboo")
    let villages = try #require(byField[.village])
    #expect(villages.first?.key == .villageId("ninh-so"))
    #expect(villages.first?.count == 2)
    #expect(villages.first?.label?.vi == "Ninh Sở")
    #expect(byField[.certification]?.map(\.key) == [.certification(.fscCoc)])
    #expect(byField[.certification]?.first?.count == 2)
    #expect(response.hits.first?.producer?.certifications == (response.hits.first?.listing?.producerId == "ns-1" ? [.fscCoc] : []))
  }

  @Test("pagination: opaque tokens walk every hit once, stable under concurrent inserts")
  func pagination() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer()
    var listings: [Listing] = []
    for index in 0..<23 {
      listings.append(
        Fixtures.listing(
          producer: "p1", sku: "S\(index)",
          titleVi: index % 2 == 0 ? "Giỏ mây tre đan số \(index)" : "Mây tre đan",
          description: String(repeating: "tre ", count: index % 5),
          usd: Int64(100 + index % 4)))
    }
    try await harness.store.seed(villages: [], producers: [], listings: listings)

    var expected = Set(listings.map(\.sku))
    for sort in [SearchListingsRequest.Sort.relevance, .priceAsc, .priceDesc, .newest, .leadTimeAsc] {
      var request = SearchListingsRequest(query: "may tre")
      request.sort = sort
      request.pageSize = 5
      var seen: [String] = []
      var pages = 0
      repeat {
        let page = try await harness.client.searchListings(request).message
        #expect(page.totalHits == Int64(expected.count))
        seen += page.hits.compactMap { $0.listing?.sku }
        request.pageToken = page.nextPageToken
        pages += 1
        // A listing inserted mid-walk neither shifts nor joins this walk. (Relevance keys are
        // bm25 scores, which move with corpus statistics: not exercised with inserts.)
        if pages == 2 && sort != .relevance {
          _ = try await harness.client.createListing(
            CreateListingRequest(
              listing: Fixtures.listing(producer: "p1", sku: "NEW-\(sort.rawValue)", titleVi: "Mây tre mới")))
        }
      } while !request.pageToken.isEmpty
      #expect(seen.count == expected.count, "sort \(sort)")
      #expect(Set(seen) == expected, "sort \(sort)")
      // The next walk starts after the insert and sees it.
      if sort != .relevance { expected.insert("NEW-\(sort.rawValue)") }
    }

    // A token belongs to its request.
    var request = SearchListingsRequest(query: "may tre")
    request.pageSize = 5
    let first = try await harness.client.searchListings(request).message
    request.query = "gio"
    request.pageToken = first.nextPageToken
    let mismatch = await rpcError { _ = try await harness.client.searchListings(request) }
    #expect(mismatch?.code == .invalidArgument)
    request.pageToken = "garbage!"
    #expect(await rpcError { _ = try await harness.client.searchListings(request) }?.code == .invalidArgument)

    // List calls page too.
    var list = ListListingsRequest()
    list.pageSize = 10
    var ids: [String] = []
    repeat {
      let page = try await harness.client.listListings(list).message
      ids += page.listings.map(\.id)
      list.pageToken = page.nextPageToken
    } while !list.pageToken.isEmpty
    #expect(ids.count == 27)
    #expect(Set(ids).count == 27)
  }
}

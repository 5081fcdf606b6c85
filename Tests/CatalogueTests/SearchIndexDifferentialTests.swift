import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import RPCCore
import RPCTestSupport
import Storage
import Testing

/// The in-memory search index against its oracle, the SQL plan over FTS5: random searches
/// over the demo catalogue (its words, prefixes of them, every filter, every sort, small pages)
/// must give the same response from both engines — hits in the same order with the same
/// scores, totals, facets, snippets and page tokens — on pages 1 to 3, with listings created,
/// edited and deleted, producers renamed and recertified and villages renamed between pages.
@Suite("Catalogue: search index against SQL")
struct SearchIndexDifferentialTests {
  @Test("random searches: the index answers exactly as SQL, pages 1-3 with writes between")
  func randomSearches() async throws {
    let world = try await World(seed: 20_261_130)
    var stats = (searches: 0, withHits: 0, secondPages: 0, thirdPages: 0, writes: 0)
    for round in 0..<220 {
      // Half the rounds on an index kept in step by the writes since the seed, half on one
      // loaded from the file.
      if round == 110 { try await world.reopen() }
      let request = world.randomRequest()
      var token = ""
      for page in 1...3 {
        var paged = request
        paged.pageToken = token
        let sql = try await world.store.search(paged, caller: .admin, engine: .sql)
        let index = try await world.store.search(paged, caller: .admin, engine: .index)
        stats.searches += 1
        if page == 1 && sql.totalHits > 0 { stats.withHits += 1 }
        if page == 2 { stats.secondPages += 1 }
        if page == 3 { stats.thirdPages += 1 }
        if index != sql {
          Issue.record(
            """
            round \(round) page \(page) differs: \(request)
              SQL:   \(sql.totalHits) hits \(sql.hits.map { $0.listing?.id ?? "?" }) scores \(sql.hits.map(\.score))
              index: \(index.totalHits) hits \(index.hits.map { $0.listing?.id ?? "?" }) scores \(index.hits.map(\.score))
              facets equal: \(index.facets == sql.facets), tokens equal: \(index.nextPageToken == sql.nextPageToken)
            """)
          return
        }
        token = sql.nextPageToken
        if token.isEmpty { break }
        try await world.randomWrite()
        stats.writes += 1
      }
    }
    // The comparison means something only if the searches found things and paged on.
    #expect(stats.withHits >= 80, "\(stats)")
    #expect(stats.secondPages >= 40, "\(stats)")
    #expect(stats.thirdPages >= 20, "\(stats)")
  }

  @Test("a page token whose key is not of the search's sort is INVALID_ARGUMENT from both engines")
  func foreignToken() async throws {
    let world = try await World(seed: 7)
    var request = SearchListingsRequest(query: "may")
    request.pageSize = 2
    let first = try await world.store.search(request, caller: .admin, engine: .sql)
    try #require(!first.nextPageToken.isEmpty)
    // The same position with an integer key where relevance keys are doubles.
    let fields = String(decoding: Base64.decode(Array(first.nextPageToken.utf8))!, as: UTF8.self)
      .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    try #require(fields.count == 5 && fields[3].hasPrefix("r"))
    var forged = request
    forged.pageToken = Base64.encode(
      Array(([fields[0], fields[1], fields[2], "i7"] + [fields[4]]).joined(separator: ",").utf8))
    for engine in [CatalogueStore.SearchEngine.index, .sql] {
      await #expect(throws: CatalogueError.self, "\(engine)") {
        _ = try await world.store.search(forged, caller: .admin, engine: engine)
      }
    }
  }
}

extension SearchIndexDifferentialTests {
  @Test(
    "concurrent writes to the same listings while searches run, with and without group commit: the index ends as SQL, and as loaded again",
    arguments: [1, 16])
  func concurrentWrites(writeBatchLimit: Int) async throws {
    let directory = try TemporaryDirectory()
    var configuration = Database.Configuration.defaults
    configuration.writeBatchLimit = writeBatchLimit
    var store = try CatalogueStore(path: directory.databasePath, configuration: configuration)
    let demo = DemoCatalogue.generate(seed: 11, listings: 400)
    try await store.seed(villages: demo.villages, producers: demo.producers, listings: demo.listings)
    let targets = demo.listings.prefix(6).map(\.id)
    let words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    let writer = store
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<8 {
        group.addTask {
          for step in 0..<12 {
            // Last writer wins: applied out of commit order, the index would keep a loser.
            var listing = try await writer.listing(id: targets[(task + step) % targets.count], caller: .admin)
            listing.title = LocalizedText(vi: words[(task * 7 + step) % words.count], en: "")
            listing.moq = Int64(10 + task * 10 + step)
            _ = try await writer.updateListing(listing, expectedVersion: 0, caller: .admin)
          }
        }
      }
      for task in 0..<3 {
        group.addTask {
          for step in 0..<15 {
            var request = SearchListingsRequest(query: words[(task + step) % words.count])
            request.includeFacets = true
            _ = try await writer.search(request, caller: .admin)
          }
        }
      }
      try await group.waitForAll()
    }
    for round in 0..<2 {
      for word in words + ["gio", "may", "tre"] {
        for sort in [SearchListingsRequest.Sort.relevance, .priceAsc, .newest] {
          var request = SearchListingsRequest(query: word)
          request.sort = sort
          request.includeFacets = true
          request.pageSize = 50
          let sql = try await store.search(request, caller: .admin, engine: .sql)
          let index = try await store.search(request, caller: .admin, engine: .index)
          #expect(index == sql, "\(word) \(sort), \(round == 0 ? "kept in step" : "loaded")")
        }
      }
      await store.close()
      store = try CatalogueStore(path: directory.databasePath, configuration: configuration)
    }
    await store.close()
  }
}

/// The demo catalogue in a store, and random searches and writes over its words and values.
private final class World: @unchecked Sendable {
  // `@unchecked`: used by one test task at a time.
  var harness: Harness
  var store: CatalogueStore { harness.store }
  var random: SeededGenerator
  let demo: DemoCatalogue
  let words: [String]
  let materials: [String]
  let currencies: [String]
  let hsCodes: [String]
  var listingIDs: [String]
  var created = 0

  init(seed: UInt64) async throws {
    harness = try Harness()
    random = SeededGenerator(seed: seed)
    demo = DemoCatalogue.generate(seed: seed, listings: 1_200)
    try await harness.store.seed(
      villages: demo.villages, producers: demo.producers, listings: demo.listings)
    var words = Set<String>()
    for listing in demo.listings.prefix(300) {
      let text = [listing.title?.vi, listing.title?.en, listing.description?.en]
        .compactMap { $0 }.joined(separator: " ")
      words.formUnion(FTSQuery.terms(text, maxTerms: 64))
    }
    for village in demo.villages { words.formUnion(FTSQuery.terms(village.name?.vi ?? "")) }
    self.words = words.sorted()
    materials = Set(demo.listings.flatMap(\.materials)).sorted()
    currencies = Set(demo.listings.flatMap { $0.priceTiers.compactMap { $0.unitPrice?.currencyCode } })
      .sorted()
    hsCodes = Set(demo.listings.map(\.hsCode)).sorted()
    listingIDs = demo.listings.map(\.id)
  }

  /// Closes the store and opens the file again (the index then loads from it).
  func reopen() async throws {
    await harness.store.close()
    harness = try Harness(directory: harness.directory)
  }

  func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
  func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
  func number(_ range: ClosedRange<Int64>) -> Int64 {
    range.lowerBound + Int64(random.next() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  /// A word, or the start of one (the query's last term matches as a prefix).
  func word(prefix: Bool) -> String {
    let word = pick(words)
    guard prefix, word.count > 1 else { return word }
    return String(word.prefix(Int(number(1...Int64(word.count)))))
  }

  func randomRequest() -> SearchListingsRequest {
    var request = SearchListingsRequest()
    switch random.next() % 10 {
    case 0..<6:
      let count = Int(number(1...3))
      request.query = (0..<count).map { word(prefix: $0 == count - 1 && chance(50)) }
        .joined(separator: " ")
      if chance(20) { request.query = request.query.uppercased() }
    case 6: request.query = pick(hsCodes).prefix(Int(number(4...7))).description
    default: request.query = ""
    }
    var filter = ListingFilter()
    if chance(25) { filter.categories = (0..<number(1...2)).map { _ in pick(demo.listings).category } }
    if chance(15) { filter.materials = (0..<number(1...2)).map { _ in pick(materials) } }
    if chance(10) { filter.hsPrefix = String(pick(hsCodes).prefix(Int(number(2...5)))) }
    if chance(15) { filter.villageIds = (0..<number(1...3)).map { _ in pick(demo.villages).id } }
    if chance(10) { filter.district = pick(demo.villages).district }
    if chance(15) {
      let held = demo.producers.flatMap { $0.certifications.map(\.type) }
      if !held.isEmpty { filter.certifications = (0..<number(1...2)).map { _ in pick(held) } }
    }
    if chance(20) {
      filter.certifiedOn = CalendarDate(
        year: Int32(number(2023...2028)), month: Int32(number(1...12)), day: Int32(number(1...28)))
    }
    if chance(30) { filter.maxMoq = number(20...600) }
    if chance(15) {
      let high = number(0...5_000_000)
      var price = MoneyRange()
      price.currencyCode = pick(currencies).lowercased()
      price.minMinor = number(0...max(0, high / 2))
      price.maxMinor = chance(30) ? 0 : high
      filter.price = price
    }
    if chance(15) { filter.maxLeadTimeDays = Int32(number(10...90)) }
    if chance(15) { filter.minMonthlyCapacity = number(100...10_000) }
    if chance(4) { filter.sku = pick(demo.listings).sku.lowercased() }
    if chance(8) { filter.producerId = pick(demo.producers).id }
    if chance(10) { filter.incoterms = (0..<number(1...2)).map { _ in pick(demo.listings).incoterm } }
    if filter != ListingFilter() { request.filter = filter }
    request.sort = pick([.unspecified, .relevance, .relevance, .priceAsc, .priceDesc, .leadTimeAsc, .newest])
    if chance(30) { request.sortCurrency = pick(currencies) }
    request.pageSize = Int32(number(1...25))
    request.includeFacets = chance(60)
    return request
  }

  /// One write of the kinds that change what a search sees.
  func randomWrite() async throws {
    switch random.next() % 10 {
    case 0..<3:
      var listing = pick(demo.listings)
      listing.id = ""
      created += 1
      listing.sku = "NEW-\(created)"
      listing.title = LocalizedText(vi: (0..<3).map { _ in word(prefix: false) }.joined(separator: " "), en: "")
      listing.moq = number(10...500)
      listing.status = chance(80) ? .active : .draft
      listingIDs.append(try await store.createListing(listing, caller: .admin).id)
    case 3..<6:
      var listing = try await store.listing(id: pick(listingIDs), caller: .admin)
      guard listing.status != .deleted else { return }
      listing.title = LocalizedText(
        vi: (listing.title?.vi ?? "") + " " + word(prefix: false), en: listing.title?.en ?? "")
      listing.moq = number(10...500)
      listing.leadTimeDays = Int32(number(5...120))
      if chance(30) { listing.status = chance(50) ? .draft : .active }
      if chance(30), var tier = listing.priceTiers.first {
        tier.unitPrice?.amountMinor = number(100...2_000_000)
        listing.priceTiers[0] = tier
      }
      _ = try await store.updateListing(listing, expectedVersion: 0, caller: .admin)
    case 6..<8:
      let id = pick(listingIDs)
      _ = try await store.deleteListing(id: id, expectedVersion: 0, caller: .admin)
    case 8:
      var producer = try await store.producer(id: pick(demo.producers).id, caller: .admin)
      guard !producer.deleted else { return }
      producer.name = LocalizedText(vi: word(prefix: false) + " " + word(prefix: false), en: "")
      var certification = Certification()
      certification.type = pick(demo.producers.flatMap { $0.certifications.map(\.type) } + [.fscCoc])
      certification.valid = DateRange(
        start: CalendarDate(year: 2024, month: 1, day: 1),
        end: CalendarDate(year: Int32(number(2025...2028)), month: 6, day: 30))
      producer.certifications = chance(50) ? [certification] : []
      if chance(30) { producer.villageId = pick(demo.villages).id }
      _ = try await store.updateProducer(producer, expectedVersion: 0, caller: .admin)
    default:
      var village = pick(demo.villages)
      village.name = LocalizedText(vi: word(prefix: false) + " " + word(prefix: false), en: "Village")
      try await store.upsertVillage(village)
    }
  }
}

import Catalogue
import CatalogueAPI
import CommonAPI
import MatchingAPI
import Testing

@testable import Matching

/// The index keeps listings in per-category columns with pooled words and prices; these tests
/// check that moving listings between categories, replacing them and rewriting the pools never
/// changes what a ranking or a card reads.
@Suite("Catalogue index columns")
struct CatalogueIndexTests {
  /// The demo catalogue's listings after three rounds of changes: every listing's title changes
  /// each round (enough replaced words to rewrite the pools), and by turns listings change
  /// category, status, producer and price tiers.
  static func changedListings(_ demo: DemoCatalogue) -> [[Listing]] {
    let categories = Array(Set(demo.listings.map(\.category.rawValue))).sorted()
    var current = demo.listings
    var rounds: [[Listing]] = [current]
    for round in 1...3 {
      for index in current.indices {
        var listing = current[index]
        listing.title = LocalizedText(vi: "mẫu \(round) \(index % 7)", en: "sample \(round) basket \(index % 11)")
        switch (index + round) % 5 {
        case 0:
          let next = categories[(categories.firstIndex(of: listing.category.rawValue)! + round) % categories.count]
          listing.category = CraftCategory(rawValue: next)
        case 1:
          listing.status = listing.status == .active ? .draft : .active
        case 2:
          listing.producerId = demo.producers[(index * 13 + round) % demo.producers.count].id
        case 3:
          var tier = PriceTier()
          tier.minQuantity = Int64(10 * round)
          tier.unitPrice = Money(amountMinor: Int64(500 + index % 300), currencyCode: round == 2 ? "eur" : "USD")
          listing.priceTiers.append(tier)
        default:
          break
        }
        current[index] = listing
      }
      rounds.append(current)
    }
    return rounds
  }

  static func index(_ demo: DemoCatalogue, listings: [Listing]) -> CatalogueIndex {
    var index = CatalogueIndex()
    for village in demo.villages { index.apply(.village(village)) }
    for producer in demo.producers { index.apply(.producer(producer)) }
    for listing in listings { index.apply(.listing(listing)) }
    return index
  }

  /// A ranking's answer by ids: total, the page (producer, listing, exact score) and exclusions.
  static func answer(_ index: CatalogueIndex, _ need: MatchNeed, shown: Int = 20) -> String {
    let ranking = ProducerRanking(
      index: index, need: CompiledNeed(need, index: index, today: 20_000), options: MatchOptions(),
      history: PairHistories(ordersFollowed: false), responses: [:], shown: shown)
    let page = ranking.top.map { candidate in
      "\(index.producerIDs[Int(candidate.producer)])/\(index.listingIDs[Int(candidate.listing)])=\(candidate.score)"
    }
    let excluded = ranking.excluded.map { "\($0.filter)=\($0.excluded)" }
    return "\(ranking.total) [\(page.joined(separator: " "))] \(excluded.joined(separator: " "))"
  }

  @Test("an index that saw every change ranks and reads listings exactly like one built from the final snapshots")
  func changedIndexMatchesFreshOne() throws {
    let demo = DemoCatalogue.generate(listings: 1_500)
    let rounds = Self.changedListings(demo)
    var changed = Self.index(demo, listings: rounds[0])
    for round in rounds.dropFirst() {
      for listing in round { changed.apply(.listing(listing)) }
    }
    let final = try #require(rounds.last)
    let fresh = Self.index(demo, listings: final.reversed())

    // Every listing's facts: the same numbers (pool offsets aside), words, prices and activity.
    let wordsA = Dictionary(uniqueKeysWithValues: changed.termIDs.map { ($1, $0) })
    let wordsB = Dictionary(uniqueKeysWithValues: fresh.termIDs.map { ($1, $0) })
    for listing in final {
      let a = try #require(changed.listing(listing.id)), b = try #require(fresh.listing(listing.id))
      var (numbersA, numbersB) = (a.facts.numbers, b.facts.numbers)
      // Slots and interned ids depend on the order things arrived in: compared by what they name.
      (numbersA.termStart, numbersA.priceStart, numbersA.producer, numbersA.defaultCurrency) = (0, 0, 0, 0)
      (numbersB.termStart, numbersB.priceStart, numbersB.producer, numbersB.defaultCurrency) = (0, 0, 0, 0)
      #expect(String(describing: numbersA) == String(describing: numbersB))
      #expect(changed.producerIDs[Int(a.facts.producer)] == fresh.producerIDs[Int(b.facts.producer)])
      #expect(a.facts.defaultCode == b.facts.defaultCode)
      #expect(a.facts.terms.map { wordsA[$0] ?? "?" }.sorted() == b.facts.terms.map { wordsB[$0] ?? "?" }.sorted())
      #expect(a.facts.price(quantity: 40, for: CompiledNeed(MatchNeed(), index: changed, today: 0))
        == b.facts.price(quantity: 40, for: CompiledNeed(MatchNeed(), index: fresh, today: 0)))
      #expect(a.listing == listing)
    }
    #expect(changed.activeListings().map(\.listing.id) == fresh.activeListings().map(\.listing.id))

    // Rankings for each category (and for any category), with words, a quantity and a price.
    let categories = Set(final.map(\.category))
    var needs: [MatchNeed] = []
    for category in [nil] + categories.sorted(by: { $0.rawValue < $1.rawValue }) {
      var need = MatchNeed()
      if let category { need.categories = [category] }
      need.terms = ["sample", "basket", "mau", "3"]
      need.quantity = 60
      need.targetPrice = Money(amountMinor: 700, currencyCode: "USD")
      need.buyerCountry = "DE"
      needs.append(need)
    }
    var passing = 0
    for need in needs {
      let answer = Self.answer(changed, need)
      #expect(answer == Self.answer(fresh, need))
      passing += Int(answer.prefix { $0 != " " }) ?? 0
    }
    #expect(passing > 0, "no need found a producer: the comparison would prove nothing")
  }

  @Test("a short page (listings that cannot reach it go unscored) is the start of a long one (every listing scored), with the same totals")
  func pageThreshold() {
    let demo = DemoCatalogue.generate(listings: 1_500)
    let index = Self.index(demo, listings: demo.listings)
    var checked = 0
    for category in Set(demo.listings.map(\.category)).sorted(by: { $0.rawValue < $1.rawValue }) {
      var need = MatchNeed()
      need.categories = [category]
      need.terms = ["basket", "ceramic", "silk", "lacquer", "gift"]
      need.quantity = 100
      let short = Self.answer(index, need, shown: 3), long = Self.answer(index, need, shown: 100)
      // "total [a b c] excluded" against "total [a b c d …] excluded".
      let (shortTotal, longTotal) = (short.prefix { $0 != "[" }, long.prefix { $0 != "[" })
      #expect(shortTotal == longTotal)
      let shortPage = short.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }
      #expect(long.drop { $0 != "[" }.dropFirst().hasPrefix(shortPage))
      #expect(short.drop { $0 != "]" } == long.drop { $0 != "]" })
      if (Int(shortTotal.filter { $0 != " " }) ?? 0) > 3 { checked += 1 }
    }
    #expect(checked > 0, "no category had more producers than the short page: nothing was left unscored")
  }

  @Test("packed HS digits match a prefix exactly when the digits start with it")
  func hsPrefixes() {
    let codes = ["", "0", "01", "0101", "4602", "460212", "4602129000", "46021", "9999999999999999", "12345678901234567"]
    var compared = 0
    for code in codes {
      for prefix in codes {
        guard let packedCode = HSDigits.packed(code), let packedPrefix = HSDigits.packed(prefix) else {
          #expect(code.count > 16 || prefix.count > 16)
          continue
        }
        #expect((packedCode & HSDigits.mask(of: packedPrefix) == packedPrefix) == code.hasPrefix(prefix), "\(code) \(prefix)")
        compared += 1
      }
    }
    #expect(compared == 81)
    #expect(HSDigits.packed("46a2") == nil)
  }

  @Test("a listing's price: its currency's tier for the quantity, the lowest when none applies, the first tier's currency by default")
  func priceTiers() {
    var listing = Listing()
    for (quantity, amount, code) in [(50, 100, "USD"), (1, 5_000, "vnd"), (10, 120, "usd"), (200, 90, "USD")] {
      var tier = PriceTier()
      tier.minQuantity = Int64(quantity)
      tier.unitPrice = Money(amountMinor: Int64(amount), currencyCode: code)
      listing.priceTiers.append(tier)
    }
    #expect(MatchEngine.unitPrice(listing, quantity: 5, currency: "USD")?.amountMinor == 120)
    #expect(MatchEngine.unitPrice(listing, quantity: 60, currency: "usd")?.amountMinor == 100)
    #expect(MatchEngine.unitPrice(listing, quantity: 500, currency: "USD")?.amountMinor == 90)
    #expect(MatchEngine.unitPrice(listing, quantity: 500, currency: "VND") == Money(amountMinor: 5_000, currencyCode: "VND"))
    #expect(MatchEngine.unitPrice(listing, quantity: 500, currency: "EUR") == nil)
    #expect(MatchEngine.unitPrice(listing, quantity: 60, currency: nil) == Money(amountMinor: 100, currencyCode: "USD"))
    #expect(MatchEngine.unitPrice(Listing(), quantity: 60, currency: nil) == nil)
  }
}

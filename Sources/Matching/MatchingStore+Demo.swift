public import CatalogueAPI
internal import MatchingAPI

extension MatchingStore {
  /// What ``seedDemo(listings:producers:seed:)`` stored.
  public struct DemoSeedSummary: Sendable {
    public var buyers: Int
    public var rfqs: Int
  }

  /// Whether the store holds no buyer yet (the demo seeds only then).
  public func hasNoBuyers() async throws -> Bool {
    var probe = ListBuyersRequest()
    probe.pageSize = 1
    return try await listBuyers(probe).buyers.isEmpty
  }

  /// Seeds the demo market (``DemoMarket``) derived from the demo catalogue's `listings` and
  /// `producers`, with deadlines relative to today by the store's clock. Only into a store
  /// without buyers: returns nil and changes nothing otherwise.
  ///
  /// It needs the catalogue's data, not the read model: the buyers and RFQs name categories,
  /// HS codes and materials, never producer ids, so they can be written before the index has
  /// caught up with the feed (and the result does not depend on how far it has).
  public func seedDemo(
    listings: [Listing], producers: [Producer], seed: UInt64 = DemoMarket.defaultSeed
  ) async throws -> DemoSeedSummary? {
    guard try await hasNoBuyers() else { return nil }
    let market = DemoMarket.generate(
      listings: listings, producers: producers, nowMilliseconds: now, seed: seed)
    for buyer in market.buyers { _ = try await createBuyer(buyer) }
    for rfq in market.rfqs {
      _ = try await createRfq(rfq, requestID: rfq.id, id: rfq.id)
    }
    return DemoSeedSummary(buyers: market.buyers.count, rfqs: market.rfqs.count)
  }
}

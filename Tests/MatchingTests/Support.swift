import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Matching
import MatchingAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import ServiceTestSupport
import Storage

/// A real catalogue and a real matching store on SQLite files in one directory; the matching
/// store follows the catalogue's change feed over the in-process transport, as craftd does.
final class Harness: @unchecked Sendable {
  let directory: TemporaryDirectory
  let clock: TestClock
  private(set) var catalogue: CatalogueStore
  private(set) var store: MatchingStore
  private var follower: Task<Void, Never>?

  /// 2026-11-01 00:00 UTC (07:00 in Hà Nội).
  static let start: Int64 = 1_793_491_200_000

  init(directory: TemporaryDirectory? = nil) async throws {
    self.directory = try directory ?? TemporaryDirectory()
    clock = TestClock(Self.start)
    let clock = clock
    catalogue = try CatalogueStore(path: self.directory.path + "/catalogue.sqlite", clock: { clock.now })
    store = try await MatchingStore(path: self.directory.path + "/matching.sqlite", clock: { clock.now })
    startFollowing()
  }

  /// A catalogue client of the platform (the feed needs a service role).
  var catalogueClient: CatalogueServiceClient {
    var router = RPCRouter(interceptors: [FixedCallerInterceptor(caller: .system)])
    router.register(CatalogueServiceImpl(store: catalogue))
    return CatalogueServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  func startFollowing() {
    var follower = store.catalogueFollower(client: catalogueClient)
    follower.retryDelay = .milliseconds(20)
    self.follower = Task { [follower] in await follower.run() }
  }

  func stopFollowing() async {
    follower?.cancel()
    await follower?.value
    follower = nil
  }

  /// A matching client calling as `caller` (nil: anonymous).
  func client(as caller: Caller?) -> MatchingServiceClient {
    var router = RPCRouter(interceptors: caller.map { [FixedCallerInterceptor(caller: $0)] } ?? [])
    router.register(MatchingServiceImpl(store: store))
    return MatchingServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  /// Waits until the matching index reflects every catalogue event committed so far.
  func catchUp() async throws {
    let newest = try await catalogue.newestSeq()
    let reached = await store.catalogue.waitUntilApplied(newest)
    precondition(reached, "the matching read model did not catch up with seq \(newest)")
  }

  /// Stops following and closes the matching store (the catalogue keeps running).
  func stopMatching() async {
    await stopFollowing()
    await store.close()
  }

  /// Reopens the matching store on the same file and follows again.
  func restartMatching() async throws {
    let clock = clock
    store = try await MatchingStore(path: directory.path + "/matching.sqlite", clock: { clock.now })
    startFollowing()
  }

  /// Closes and reopens the catalogue on the same file.
  func restartCatalogue() async throws {
    await catalogue.close()
    let clock = clock
    catalogue = try CatalogueStore(path: directory.path + "/catalogue.sqlite", clock: { clock.now })
  }

  func shutdown() async {
    await stopFollowing()
    await store.close()
    await catalogue.close()
  }

  /// The fixture catalogue: one producer that fits the standard RFQ twice over, and one that
  /// each hard filter excludes.
  func seedCatalogue() async throws {
    try await catalogue.seed(villages: Fixtures.villages, producers: Fixtures.producers, listings: Fixtures.listings)
  }

  /// Buyer B1 (US) and its standard RFQ.
  func seedBuyerAndRfq() async throws -> Rfq {
    _ = try await client(as: .buyer("B1")).createBuyer(CreateBuyerRequest(buyer: Fixtures.buyer("B1", country: "US")))
    _ = try await client(as: .buyer("B2")).createBuyer(CreateBuyerRequest(buyer: Fixtures.buyer("B2", country: "DE")))
    return try await client(as: .buyer("B1")).createRfq(
      CreateRfqRequest(rfq: Fixtures.rfq(), requestId: "first")).message
  }
}

enum Fixtures {
  static func village(_ id: String, _ vi: String, _ en: String, district: String, crafts: [CraftCategory]) -> Village {
    var village = Village()
    village.id = id
    village.name = LocalizedText(vi: vi, en: en)
    village.district = district
    village.province = "Hà Nội"
    village.crafts = crafts
    return village
  }

  static let villages = [
    village("ninh-so", "Ninh Sở", "Ninh So", district: "Thường Tín", crafts: [.rattanBamboo]),
    village("phu-vinh", "Phú Vinh", "Phu Vinh", district: "Chương Mỹ", crafts: [.rattanBamboo]),
    village("bat-trang", "Bát Tràng", "Bat Trang", district: "Gia Lâm", crafts: [.ceramics]),
  ]

  static func date(_ year: Int32, _ month: Int32, _ day: Int32) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)
  }

  static func fsc(until end: CalendarDate = date(2028, 12, 31)) -> Certification {
    var certification = Certification()
    certification.type = .fscCoc
    certification.issuer = "Control Union"
    certification.valid = DateRange(start: date(2025, 1, 1), end: end)
    return certification
  }

  static func producer(
    _ id: String, village: String = "ninh-so", markets: [String] = ["US", "JP"],
    tier: Producer.VerificationTier = .onSiteAudit, certifications: [Certification] = [fsc()]
  ) -> Producer {
    var producer = Producer()
    producer.id = id
    producer.villageId = village
    producer.kind = .cooperative
    producer.name = LocalizedText(vi: "HTX \(id)", en: "\(id) Cooperative")
    producer.exportMarkets = markets
    producer.verificationTier = tier
    producer.certifications = certifications
    var contact = Contact()
    contact.email = "sales@\(id).vn"
    contact.phone = "+84 24 0000 0000"
    producer.contact = contact
    return producer
  }

  static func listing(
    _ id: String, producer: String, title: String = "Giỏ mây đan tay", titleEn: String = "Hand-woven rattan storage basket",
    category: CraftCategory = .rattanBamboo, hs: String = "4602.12", moq: Int64 = 100,
    usd: Int64 = 1_000, incoterm: Incoterm = .fob, leadTime: Int32 = 30, capacity: Int64 = 5_000
  ) -> Listing {
    var listing = Listing()
    listing.id = id
    listing.producerId = producer
    listing.sku = id
    listing.title = LocalizedText(vi: title, en: titleEn)
    listing.description = LocalizedText(vi: "Mây tự nhiên", en: "Natural rattan, for storage")
    listing.category = category
    listing.hsCode = hs
    listing.materials = ["rattan", "mây"]
    listing.unit = .piece
    listing.moq = moq
    listing.priceTiers = [
      PriceTier(minQuantity: moq, unitPrice: Money(amountMinor: usd, currencyCode: "USD")),
      PriceTier(minQuantity: max(moq * 2, 1_000), unitPrice: Money(amountMinor: usd * 9 / 10, currencyCode: "USD")),
    ]
    listing.incoterm = incoterm
    listing.incotermPlace = "Hải Phòng"
    listing.leadTimeDays = leadTime
    listing.monthlyCapacity = capacity
    listing.status = .active
    return listing
  }

  static let producers = [
    producer("p-good"),
    producer("p-good2", village: "phu-vinh", markets: ["DE"], tier: .documents),
    producer("p-moq"),
    producer("p-slow"),
    producer("p-nocert", certifications: []),
    producer("p-expired", certifications: [fsc(until: date(2026, 12, 1))]),
    producer("p-exw"),
    producer("p-ceramic", village: "bat-trang"),
  ]

  static let listings = [
    listing("l-good", producer: "p-good"),
    listing("l-good2", producer: "p-good2", usd: 1_150),
    listing("l-moq", producer: "p-moq", moq: 5_000),
    listing("l-slow", producer: "p-slow", leadTime: 120),
    listing("l-nocert", producer: "p-nocert"),
    listing("l-expired", producer: "p-expired"),
    listing("l-exw", producer: "p-exw", incoterm: .exw),
    listing("l-ceramic", producer: "p-ceramic", title: "Bát gốm", titleEn: "Ceramic bowl",
      category: .ceramics, hs: "6912.00"),
  ]

  static func buyer(_ id: String, country: String) -> Buyer {
    var buyer = Buyer()
    buyer.id = id
    buyer.companyName = "\(id) Home Goods"
    buyer.countryCode = country
    buyer.buyerType = .importer
    buyer.categories = [.rattanBamboo]
    buyer.hsCodePrefixes = ["4602"]
    buyer.materials = ["rattan"]
    buyer.typicalOrderQuantity = QuantityRange(minQuantity: 500, maxQuantity: 2_000, unit: .piece)
    buyer.preferredIncoterms = [.fob]
    buyer.about = LocalizedText(vi: "", en: "Storage baskets for home stores")
    var contact = Contact()
    contact.email = "buying@\(id.lowercased()).example"
    buyer.contact = contact
    return buyer
  }

  /// 1,000 rattan baskets, FOB, FSC, ready by 2027-01-15 (75 days after the harness's today).
  static func rfq() -> Rfq {
    var rfq = Rfq()
    rfq.title = "Rattan storage baskets"
    rfq.description = "Hand-woven rattan baskets for storage"
    rfq.category = .rattanBamboo
    rfq.hsCode = "4602"
    rfq.quantity = 1_000
    rfq.quantityUnit = .piece
    rfq.targetUnitPrice = Money(amountMinor: 1_000, currencyCode: "USD")
    rfq.deadline = date(2027, 1, 15)
    rfq.requiredCertifications = [.fscCoc]
    rfq.incoterm = .fob
    rfq.port = "Hải Phòng"
    return rfq
  }
}

extension Match {
  var producerID: String {
    if case .producer(let candidate) = candidate { return candidate.producer?.producerId ?? "" }
    return ""
  }
}

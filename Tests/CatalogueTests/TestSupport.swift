import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import RPCCore
import RPCInProcess
import RPCTestSupport
import ServiceTestSupport
import Storage

extension TemporaryDirectory {
  /// Where the tests keep the catalogue's database.
  var databasePath: String { file("catalogue.sqlite") }
}

/// A catalogue on a real SQLite file, served over the in-process transport.
struct Harness {
  let directory: TemporaryDirectory
  let store: CatalogueStore
  let client: CatalogueServiceClient

  /// Opens (or reopens) the database in `directory`, as `caller` (admin by default).
  init(directory: TemporaryDirectory? = nil, caller: Caller? = .admin) throws {
    let directory = try directory ?? TemporaryDirectory()
    self.directory = directory
    store = try CatalogueStore(path: directory.databasePath)
    var router = RPCRouter(
      interceptors: caller.map { [FixedCallerInterceptor(caller: $0)] } ?? [])
    router.register(CatalogueServiceImpl(store: store, importBatchSize: 3))
    client = CatalogueServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  /// A client of the same store that calls as `caller` (nil: anonymous).
  func client(as caller: Caller?) -> CatalogueServiceClient {
    var router = RPCRouter(
      interceptors: caller.map { [FixedCallerInterceptor(caller: $0)] } ?? [])
    router.register(CatalogueServiceImpl(store: store))
    return CatalogueServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  /// Seeds three villages of DOMAIN.md.
  func seedVillages() async throws {
    try await store.seed(villages: Fixtures.villages, producers: [], listings: [])
  }

  /// Seeds the villages and creates producer `id` in Ninh Sở, through the API.
  func seedVillagesAndProducer(_ id: String = "p1", name: String = "X") async throws {
    try await seedVillages()
    _ = try await client.createProducer(
      CreateProducerRequest(producer: Fixtures.producer(id, village: "ninh-so", name: name)))
  }
}


enum Fixtures {
  static func village(
    _ id: String, _ vi: String, _ en: String, district: String, crafts: [CraftCategory]
  ) -> Village {
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

  static func producer(
    _ id: String, village: String, name: String, certifications: [Certification] = []
  ) -> Producer {
    var producer = Producer()
    producer.id = id
    producer.villageId = village
    producer.kind = .cooperative
    producer.name = LocalizedText(vi: name, en: "")
    producer.exportMarkets = ["jp", "DE"]
    producer.certifications = certifications
    var contact = Contact()
    contact.email = "hello@\(id).vn"
    producer.contact = contact
    return producer
  }

  static func certification(
    _ type: CertificationType, from start: CalendarDate, to end: CalendarDate
  ) -> Certification {
    var certification = Certification()
    certification.type = type
    certification.issuer = "Control Union"
    certification.valid = DateRange(start: start, end: end)
    return certification
  }

  static func listing(
    producer: String, sku: String, titleVi: String, titleEn: String = "",
    description: String = "", category: CraftCategory = .rattanBamboo, hs: String = "460212",
    moq: Int64 = 100, usd: Int64 = 1_000, leadTime: Int32 = 45, capacity: Int64 = 5_000,
    materials: [String] = ["rattan"]
  ) -> Listing {
    var listing = Listing()
    listing.producerId = producer
    listing.sku = sku
    listing.title = LocalizedText(vi: titleVi, en: titleEn)
    listing.description = LocalizedText(vi: description, en: "")
    listing.category = category
    listing.hsCode = hs
    listing.materials = materials
    listing.unit = .piece
    listing.moq = moq
    listing.priceTiers = [
      PriceTier(minQuantity: moq, unitPrice: Money(amountMinor: usd, currencyCode: "usd")),
      PriceTier(minQuantity: moq * 10, unitPrice: Money(amountMinor: usd * 9 / 10, currencyCode: "USD")),
    ]
    listing.incoterm = .fob
    listing.incotermPlace = "Hải Phòng"
    listing.leadTimeDays = leadTime
    listing.monthlyCapacity = capacity
    return listing
  }
}

import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Orders
import OrdersAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import ServiceTestSupport
import Storage

/// Ids of the seeded catalogue.
enum Seed {
  static let ninhSo = "ninh-so"
  static let batTrang = "bat-trang"
  /// Ninh Sở producers.
  static let producerA = "p-ns-a"
  static let producerB = "p-ns-b"
  /// A Bát Tràng producer.
  static let producerC = "p-bt-c"
  /// p-ns-a, MOQ 100, USD tiers 100 → 10.00, 500 → 9.00, 1000 → 8.00.
  static let basket = "l-basket"
  /// p-ns-b, MOQ 50, USD tier 50 → 4.50.
  static let tray = "l-tray"
  /// p-bt-c, MOQ 100, EUR tier 100 → 12.00 only.
  static let vase = "l-vase"
  /// p-ns-a, priced in USD and VND.
  static let lamp = "l-lamp"
  /// p-ns-a, deleted.
  static let gone = "l-gone"
  /// p-ns-b, a draft (invisible to others).
  static let draft = "l-draft"
  static let buyer = "b-hamburg"
  static let otherBuyer = "b-osaka"
}

/// A real catalogue (SQLite) and a real orders store (SQLite) in one temp dir; the orders
/// service asks the catalogue over the in-process transport, as craftd serve does.
struct OrdersHarness {
  let directory: TemporaryDirectory
  let catalogueStore: CatalogueStore
  let store: OrdersStore
  let catalogue: CatalogueServiceClient
  let clock: TestClock

  init(directory: TemporaryDirectory? = nil, clock: TestClock = TestClock(), seed: Bool = true)
    async throws
  {
    let directory = try directory ?? TemporaryDirectory()
    self.directory = directory
    self.clock = clock
    catalogueStore = try CatalogueStore(path: directory.path + "/catalogue.sqlite")
    store = try OrdersStore(path: directory.path + "/orders.sqlite", clock: { clock.now })
    var router = RPCRouter()
    router.register(CatalogueServiceImpl(store: catalogueStore))
    catalogue = CatalogueServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
    if seed { try await Self.seed(catalogueStore) }
  }

  /// A client of the orders service calling as `caller` (nil: no token).
  func client(_ caller: Caller?) -> OrdersServiceClient {
    var router = RPCRouter(interceptors: caller.map { [FixedCallerInterceptor(caller: $0)] } ?? [])
    router.register(OrdersServiceImpl(store: store, catalogue: catalogue))
    return OrdersServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  var buyer: OrdersServiceClient { client(.buyer(Seed.buyer)) }
  var producerA: OrdersServiceClient { client(.producer(Seed.producerA)) }
  var producerB: OrdersServiceClient { client(.producer(Seed.producerB)) }
  var admin: OrdersServiceClient { client(.admin) }

  /// Closes both stores.
  func close() async {
    await store.close()
    await catalogueStore.close()
  }

  static func seed(_ catalogue: CatalogueStore) async throws {
    func village(_ id: String, _ name: String) -> Village {
      var village = Village()
      village.id = id
      village.name = LocalizedText(vi: name, en: name)
      village.district = "Thường Tín"
      village.province = "Hà Nội"
      village.crafts = [.rattanBamboo]
      return village
    }
    func producer(_ id: String, _ village: String) -> Producer {
      var producer = Producer()
      producer.id = id
      producer.villageId = village
      producer.kind = .cooperative
      producer.name = LocalizedText(vi: "HTX \(id)", en: "")
      return producer
    }
    func listing(
      _ id: String, _ producer: String, moq: Int64, tiers: [(Int64, Int64, String)],
      status: Listing.Status = .active
    ) -> Listing {
      var listing = Listing()
      listing.id = id
      listing.producerId = producer
      listing.sku = id.uppercased()
      listing.title = LocalizedText(vi: "Giỏ \(id)", en: "Basket \(id)")
      listing.category = .rattanBamboo
      listing.hsCode = "460212"
      listing.materials = ["rattan"]
      listing.unit = .piece
      listing.moq = moq
      listing.priceTiers = tiers.map {
        PriceTier(minQuantity: $0.0, unitPrice: Money(amountMinor: $0.1, currencyCode: $0.2))
      }
      listing.incoterm = .fob
      listing.incotermPlace = "Hải Phòng"
      listing.leadTimeDays = 45
      listing.monthlyCapacity = 5_000
      listing.status = status
      return listing
    }
    try await catalogue.seed(
      villages: [village(Seed.ninhSo, "Ninh Sở"), village(Seed.batTrang, "Bát Tràng")],
      producers: [
        producer(Seed.producerA, Seed.ninhSo), producer(Seed.producerB, Seed.ninhSo),
        producer(Seed.producerC, Seed.batTrang),
      ],
      listings: [
        listing(
          Seed.basket, Seed.producerA, moq: 100,
          tiers: [(100, 1_000, "USD"), (500, 900, "USD"), (1_000, 800, "USD")]),
        listing(Seed.tray, Seed.producerB, moq: 50, tiers: [(50, 450, "USD")]),
        listing(Seed.vase, Seed.producerC, moq: 100, tiers: [(100, 1_200, "EUR")]),
        listing(
          Seed.lamp, Seed.producerA, moq: 10, tiers: [(10, 2_000, "USD"), (10, 50_000_000, "VND")]),
        listing(Seed.gone, Seed.producerA, moq: 10, tiers: [(10, 100, "USD")]),
        listing(Seed.draft, Seed.producerB, moq: 10, tiers: [(10, 100, "USD")], status: .draft),
      ])
    _ = try await catalogue.deleteListing(id: Seed.gone, expectedVersion: 0, caller: .system)
  }
}

/// A CreateOrder request for `items` (listing, quantity).
func orderRequest(_ requestID: String, _ items: [(String, Int64)], currency: String = "")
  -> CreateOrderRequest
{
  var request = CreateOrderRequest()
  request.requestId = requestID
  request.source = .items(OrderItems(items: items.map { OrderItem(listingId: $0.0, quantity: $0.1) }))
  request.currencyCode = currency
  request.note = "first order"
  return request
}

func transition(_ order: Order, to status: OrderStatus, bol: String = "", note: String = "")
  -> TransitionOrderRequest
{
  var request = TransitionOrderRequest()
  request.orderId = order.id
  request.expectedVersion = order.version
  request.targetStatus = status
  request.billOfLadingNumber = bol
  request.note = note
  return request
}

func payment(_ order: Order, _ kind: PaymentKind, _ amount: Int64) -> RecordPaymentRequest {
  var request = RecordPaymentRequest()
  request.orderId = order.id
  request.expectedVersion = order.version
  request.kind = kind
  request.amount = Money(amountMinor: amount, currencyCode: order.currencyCode)
  request.reference = "TT-\(amount)"
  return request
}

public import CatalogueAPI
public import CommonAPI
public import OrdersAPI

/// Turning a `CreateOrder` request and the catalogue's listings into draft orders, pure:
/// every catalogue rule of an order (listing active, quantity ≥ MOQ, unit, the price tier for the
/// quantity, one currency) is decided here, so it is testable without a catalogue.
///
/// The drafts carry no ids, status or timestamps; the writer assigns those inside the
/// transaction that stores them.
public enum OrderDrafting {
  /// The deposit share of orders made from lines (the platform norm: 30% deposit, 70% against
  /// the shipping documents).
  public static let defaultDepositPercent: Int32 = 30
  /// The most lines one `CreateOrder` may carry.
  public static let maxItems = 200

  /// Checks the shape of `items` (before asking the catalogue anything).
  public static func checkItems(_ items: [OrderItem]) throws(OrdersError) {
    guard !items.isEmpty else {
      throw .invalidArgument(field: "items", reason: "at least one item is required")
    }
    guard items.count <= maxItems else {
      throw .invalidArgument(field: "items", reason: "at most \(maxItems) items")
    }
    var seen: Set<String> = []
    for (index, item) in items.enumerated() {
      let field = "items[\(index)]"
      guard !item.listingId.isEmpty else {
        throw .invalidArgument(field: field + ".listing_id", reason: "required")
      }
      guard item.quantity > 0 else {
        throw .invalidArgument(field: field + ".quantity", reason: "must be positive")
      }
      guard seen.insert(item.listingId).inserted else {
        throw .invalidArgument(
          field: field + ".listing_id", reason: "listing \(item.listingId) appears twice")
      }
    }
  }

  /// The unit price of the tier that applies to `quantity` in `currency`: the tier with the
  /// largest minimum quantity not above `quantity`. `nil` when no tier applies.
  public static func unitPrice(of listing: Listing, quantity: Int64, currency: String) -> Money? {
    listing.priceTiers
      .filter { $0.unitPrice?.currencyCode.uppercased() == currency && $0.minQuantity <= quantity }
      .max { $0.minQuantity < $1.minQuantity }?
      .unitPrice
      .map { Money(amountMinor: $0.amountMinor, currencyCode: currency) }
  }

  /// The currencies `listing` has prices in, upper-cased.
  public static func currencies(of listing: Listing) -> Set<String> {
    Set(listing.priceTiers.compactMap { $0.unitPrice?.currencyCode.uppercased() })
  }

  /// The one currency of an order on `listings`: `requested` when given (every listing must be
  /// priced in it), else the only currency all listings share.
  public static func currency(of listings: [Listing], requested: String) throws(OrdersError)
    -> String
  {
    let wanted = requested.trimmingSpaces.uppercased()
    if !wanted.isEmpty {
      guard wanted.count == 3, wanted.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else {
        throw .invalidArgument(field: "currency_code", reason: "not an ISO 4217 code")
      }
      for listing in listings where !currencies(of: listing).contains(wanted) {
        throw .invalidArgument(
          field: "currency_code",
          reason: "listing \(listing.id) has no prices in \(wanted); one currency per order")
      }
      return wanted
    }
    var common: Set<String>?
    for listing in listings {
      common = common.map { $0.intersection(currencies(of: listing)) } ?? currencies(of: listing)
    }
    let shared = (common ?? []).sorted()
    guard let only = shared.first else {
      throw .invalidArgument(
        field: "items",
        reason: "the listings have no currency in common; one currency per order")
    }
    guard shared.count == 1 else {
      throw .invalidArgument(
        field: "currency_code",
        reason: "required: the listings are priced in \(shared.joined(separator: ", "))")
    }
    return only
  }

  /// `subtotal × percent / 100`, rounded up to the minor unit.
  public static func depositAmount(subtotal: Int64, percent: Int32) -> Int64 {
    let (product, overflow) = subtotal.multipliedReportingOverflow(by: Int64(percent))
    guard !overflow else { return subtotal / 100 * Int64(percent) + 1 }
    return (product + 99) / 100
  }

  /// Fills the money fields (subtotal, deposit, balance, paid) of `order` from its lines.
  public static func fillTotals(_ order: inout Order) {
    let currency = order.currencyCode
    let subtotal = order.lines.reduce(Int64(0)) { $0 + ($1.lineTotal?.amountMinor ?? 0) }
    let deposit = depositAmount(subtotal: subtotal, percent: order.depositPercent)
    order.subtotal = Money(amountMinor: subtotal, currencyCode: currency)
    order.depositAmount = Money(amountMinor: deposit, currencyCode: currency)
    order.balanceAmount = Money(amountMinor: subtotal - deposit, currencyCode: currency)
    order.paidAmount = Money(amountMinor: PaymentLedger.paidAmount(order.payments), currencyCode: currency)
  }

  /// One line for `quantity` of `listing` at `unitPrice`.
  public static func line(
    number: Int, listing: Listing, quantity: Int64, unitPrice: Money, field: String
  ) throws(OrdersError) -> OrderLine {
    let (total, overflow) = quantity.multipliedReportingOverflow(by: unitPrice.amountMinor)
    guard !overflow else { throw .invalidArgument(field: field, reason: "line total overflows") }
    var line = OrderLine()
    line.lineId = "L\(number)"
    line.listingId = listing.id
    line.sku = listing.sku
    line.title = listing.title
    line.hsCode = listing.hsCode
    line.quantity = quantity
    line.unit = listing.unit
    line.unitPrice = unitPrice
    line.lineTotal = Money(amountMinor: total, currencyCode: unitPrice.currencyCode)
    return line
  }

  /// Draft orders, one per producer in the order producers first appear in `items`, for the
  /// lines of `request` on `listings` (by id, as the catalogue returned them; missing ones are
  /// not found). Status, ids and timestamps are left for the writer.
  public static func drafts(
    for request: CreateOrderRequest, items: [OrderItem], listings: [String: Listing],
    buyerID: String
  ) throws(OrdersError) -> [Order] {
    var ordered: [Listing] = []
    for (index, item) in items.enumerated() {
      guard let listing = listings[item.listingId] else {
        throw .notFound("items[\(index)]: listing \(item.listingId) not found")
      }
      guard listing.status == .active else {
        throw .failedPrecondition(
          "items[\(index)]: listing \(item.listingId) is \(listing.status), not STATUS_ACTIVE")
      }
      if item.unit != .unspecified && item.unit != listing.unit {
        throw .invalidArgument(
          field: "items[\(index)].unit", reason: "listing \(listing.id) is sold by \(listing.unit)")
      }
      guard item.quantity >= listing.moq else {
        throw .invalidArgument(
          field: "items[\(index)].quantity",
          reason: "\(item.quantity) is below the minimum order quantity \(listing.moq) of listing \(listing.id)")
      }
      ordered.append(listing)
    }
    let currency = try currency(of: ordered, requested: request.currencyCode)
    var orders: [Order] = []
    var indexOfProducer: [String: Int] = [:]
    for (index, (item, listing)) in zip(items, ordered).enumerated() {
      guard let price = unitPrice(of: listing, quantity: item.quantity, currency: currency) else {
        throw .failedPrecondition(
          "items[\(index)]: listing \(listing.id) has no \(currency) price tier for \(item.quantity)")
      }
      let slot: Int
      if let existing = indexOfProducer[listing.producerId] {
        slot = existing
      } else {
        var order = Order()
        order.buyerId = buyerID
        order.producerId = listing.producerId
        order.currencyCode = currency
        order.depositPercent = defaultDepositPercent
        order.incoterm = request.incoterm == .unspecified ? listing.incoterm : request.incoterm
        order.port = request.port.isEmpty ? listing.incotermPlace : request.port
        order.note = request.note
        orders.append(order)
        slot = orders.count - 1
        indexOfProducer[listing.producerId] = slot
      }
      orders[slot].lines.append(
        try line(
          number: orders[slot].lines.count + 1, listing: listing, quantity: item.quantity,
          unitPrice: price, field: "items[\(index)].quantity"))
      orders[slot].leadTimeDays = max(orders[slot].leadTimeDays, listing.leadTimeDays)
    }
    for index in orders.indices { fillTotals(&orders[index]) }
    return orders
  }
}

extension String {
  /// The string without leading and trailing spaces and newlines.
  var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

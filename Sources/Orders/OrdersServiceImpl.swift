internal import Auth
public import CatalogueAPI
internal import CommonAPI
public import OrdersAPI
internal import ProtoWire
public import RPCCore

/// `craft.orders.v1.OrdersService` over an ``OrdersStore``, validating against the catalogue
/// over its RPC client (in one process: an in-process transport to the same router; in
/// separate processes: HTTP/2).
///
/// Authorization: every method needs a token (`UNAUTHENTICATED` without). Buyers ask for
/// quotes and create, read and cancel their own orders; producers quote and move their own
/// orders through production and shipping; admins and the platform may do everything; analysts
/// read the event feed. Who may make each move is decided on the stored row inside the write
/// transaction (``TradeParty``, ``OrderStateMachine``, ``QuoteStateMachine``); a caller who is
/// not a party gets `PERMISSION_DENIED`.
public struct OrdersServiceImpl: OrdersServiceProtocol {
  /// The data the service serves.
  public let store: OrdersStore
  /// The catalogue the service validates listings against.
  public let catalogue: CatalogueServiceClient
  /// How long a quote stays valid when its request does not say.
  public var defaultQuoteValidityDays: Int64 = 14
  /// The look-ups of concurrent calls, sent to the catalogue together.
  private let listingBatcher: ListingBatcher

  /// A service over `store` that asks `catalogue` about listings.
  public init(store: OrdersStore, catalogue: CatalogueServiceClient) {
    self.store = store
    self.catalogue = catalogue
    self.listingBatcher = ListingBatcher { ids in
      try await catalogue.batchGetListings(BatchGetListingsRequest(ids: ids)).message.listings
    }
  }

  // MARK: Quotes

  public func requestQuote(_ request: RequestQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    guard caller.role == .buyer, !caller.id.isEmpty else {
      throw OrdersError.permissionDenied("quotes are requested by buyers")
    }
    guard request.quantity > 0 else {
      throw OrdersError.invalidArgument(field: "quantity", reason: "must be positive")
    }
    if let target = request.targetUnitPrice { try checkPrice(target, field: "target_unit_price") }
    let listing = try await activeListing(request.listingId, field: "listing_id")
    if request.unit != .unspecified && request.unit != listing.unit {
      throw OrdersError.invalidArgument(field: "unit", reason: "the listing is sold by \(listing.unit)")
    }
    var quote = Quote()
    quote.listingId = listing.id
    quote.buyerId = caller.id
    quote.producerId = listing.producerId
    quote.quantity = request.quantity
    quote.unit = listing.unit
    quote.incoterm = request.incoterm == .unspecified ? listing.incoterm : request.incoterm
    quote.port = request.port.isEmpty ? listing.incotermPlace : request.port
    quote.leadTimeDays = listing.leadTimeDays
    quote.depositPercent = OrderDrafting.defaultDepositPercent
    quote.validUntil = defaultValidity()
    quote.status = .pendingProducer
    return ServerResponse(
      try await store.insertQuote(
        quote, note: request.note, askedPrice: request.targetUnitPrice.map(normalized),
        caller: caller))
  }

  public func createQuote(_ request: CreateQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireRole(.producer)
    guard !request.buyerId.isEmpty else {
      throw OrdersError.invalidArgument(field: "buyer_id", reason: "required")
    }
    guard request.quantity > 0 else {
      throw OrdersError.invalidArgument(field: "quantity", reason: "must be positive")
    }
    guard let price = request.unitPrice else {
      throw OrdersError.invalidArgument(field: "unit_price", reason: "required")
    }
    try checkPrice(price, field: "unit_price")
    try checkTerms(leadTimeDays: request.leadTimeDays, depositPercent: request.depositPercent)
    if let until = request.validUntil { try checkValidUntil(until) }
    let listing = try await activeListing(request.listingId, field: "listing_id")
    try caller.requireEditor(ofProducer: listing.producerId)
    if request.unit != .unspecified && request.unit != listing.unit {
      throw OrdersError.invalidArgument(field: "unit", reason: "the listing is sold by \(listing.unit)")
    }
    var quote = Quote()
    quote.rfqId = request.rfqId
    quote.listingId = listing.id
    quote.buyerId = request.buyerId
    quote.producerId = listing.producerId
    quote.quantity = request.quantity
    quote.unit = listing.unit
    quote.unitPrice = normalized(price)
    quote.incoterm = request.incoterm == .unspecified ? listing.incoterm : request.incoterm
    quote.port = request.port.isEmpty ? listing.incotermPlace : request.port
    quote.leadTimeDays = request.leadTimeDays == 0 ? listing.leadTimeDays : request.leadTimeDays
    quote.depositPercent = request.depositPercent
    quote.validUntil = request.validUntil ?? defaultValidity()
    quote.status = .pendingBuyer
    return ServerResponse(
      try await store.insertQuote(
        quote, note: request.note, askedPrice: quote.unitPrice, caller: caller))
  }

  public func counterQuote(_ request: CounterQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    if let price = request.unitPrice { try checkPrice(price, field: "unit_price") }
    if let quantity = request.quantity, quantity <= 0 {
      throw OrdersError.invalidArgument(field: "quantity", reason: "must be positive")
    }
    try checkTerms(
      leadTimeDays: request.leadTimeDays ?? 0, depositPercent: request.depositPercent ?? 0)
    if let until = request.validUntil { try checkValidUntil(until) }
    let price = request.unitPrice.map(normalized)
    let quote = try await store.moveQuote(
      id: request.quoteId, expectedVersion: request.expectedVersion, move: .counter,
      note: request.note, caller: caller
    ) { (quote: inout Quote, party: TradeParty) throws(OrdersError) in
      if let price {
        if let current = quote.unitPrice, current.currencyCode != price.currencyCode {
          throw .invalidArgument(
            field: "unit_price.currency_code", reason: "the quote is in \(current.currencyCode)")
        }
        quote.unitPrice = price
      }
      if let quantity = request.quantity { quote.quantity = quantity }
      if let lead = request.leadTimeDays { quote.leadTimeDays = lead }
      if let deposit = request.depositPercent {
        guard party == .producer else {
          throw .invalidArgument(field: "deposit_percent", reason: "only the producer sets it")
        }
        quote.depositPercent = deposit
      }
      if let until = request.validUntil { quote.validUntil = until }
      if party == .producer && quote.unitPrice == nil {
        throw .invalidArgument(field: "unit_price", reason: "required: the producer prices the quote")
      }
    }
    return ServerResponse(quote)
  }

  public func acceptQuote(_ request: AcceptQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.moveQuote(
        id: request.quoteId, expectedVersion: request.expectedVersion, move: .accept,
        note: request.note, caller: caller))
  }

  public func rejectQuote(_ request: RejectQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.moveQuote(
        id: request.quoteId, expectedVersion: request.expectedVersion, move: .reject,
        note: request.reason, caller: caller))
  }

  public func withdrawQuote(_ request: WithdrawQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.moveQuote(
        id: request.quoteId, expectedVersion: request.expectedVersion, move: .withdraw,
        note: request.reason, caller: caller))
  }

  public func getQuote(_ request: GetQuoteRequest, context: ServerContext) async throws
    -> ServerResponse<Quote>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(try await store.quote(id: request.id, caller: caller))
  }

  public func listQuotes(_ request: ListQuotesRequest, context: ServerContext) async throws
    -> ServerResponse<ListQuotesResponse>
  {
    ServerResponse(try await store.listQuotes(request, caller: Caller.from(context)))
  }

  // MARK: Orders

  public func createOrder(_ request: CreateOrderRequest, context: ServerContext) async throws
    -> ServerResponse<CreateOrderResponse>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    let buyerID: String
    switch caller.role {
    case .buyer where !caller.id.isEmpty:
      guard request.buyerId.isEmpty || request.buyerId == caller.id else {
        throw OrdersError.permissionDenied(
          "buyer \(caller.id) may not order on behalf of buyer \(request.buyerId)")
      }
      buyerID = caller.id
    case _ where caller.isPrivileged:
      guard !request.buyerId.isEmpty else {
        throw OrdersError.invalidArgument(field: "buyer_id", reason: "required for admins")
      }
      buyerID = request.buyerId
    default:
      throw OrdersError.permissionDenied("orders are placed by buyers")
    }
    let requestID = request.requestId
    guard !requestID.isEmpty, requestID.utf8.count <= 128 else {
      throw OrdersError.invalidArgument(field: "request_id", reason: "required, at most 128 bytes")
    }
    guard let source = request.source else {
      throw OrdersError.invalidArgument(field: "source", reason: "a quote_id or items is required")
    }
    var normalizedRequest = request
    normalizedRequest.buyerId = buyerID
    let print = Int64(bitPattern: fingerprint(normalizedRequest.serializedBytes()))
    // No read before the write for a new request id (the usual case): the write transaction
    // looks the id up and replays a stored purchase. A retry that no longer passes validation
    // (the catalogue changed or cannot be reached) is answered from storage all the same.
    let purchase: DraftedPurchase
    do {
      purchase = try await draft(source, request: request, buyerID: buyerID, caller: caller)
    } catch {
      if let replayed = try await store.replay(
        buyerID: buyerID, requestID: requestID, fingerprint: print)
      {
        return ServerResponse(replayed)
      }
      throw error
    }
    return ServerResponse(
      try await store.createPurchase(
        drafts: purchase.drafts, buyerID: buyerID, requestID: requestID, fingerprint: print,
        villageID: purchase.villageID, initialStatus: purchase.status, quoteID: purchase.quoteID,
        caller: caller))
  }

  /// The orders a `CreateOrder` would create, checked against the quote and the catalogue.
  private struct DraftedPurchase {
    var drafts: [Order]
    var villageID: String
    var status: OrderStatus
    var quoteID = ""
  }

  private func draft(
    _ source: CreateOrderRequest.Source, request: CreateOrderRequest, buyerID: String,
    caller: Caller
  ) async throws -> DraftedPurchase {
    switch source {
    case .quoteId(let id):
      let quote = try await store.quote(id: id, caller: caller)
      guard quote.status == .accepted else {
        throw OrdersError.failedPrecondition(
          "quote \(id) is \(quote.status); orders are created from QUOTE_STATUS_ACCEPTED")
      }
      guard quote.buyerId == buyerID else {
        throw OrdersError.permissionDenied("quote \(id) is not buyer \(buyerID)'s")
      }
      guard let price = quote.unitPrice else {
        throw OrdersError.failedPrecondition("quote \(id) has no price")
      }
      let listing = try await activeListing(quote.listingId, field: "quote_id")
      var order = Order()
      order.buyerId = buyerID
      order.producerId = quote.producerId
      order.currencyCode = price.currencyCode
      order.depositPercent = quote.depositPercent
      order.incoterm = quote.incoterm
      order.port = quote.port
      order.leadTimeDays = quote.leadTimeDays
      order.note = request.note
      order.lines = [
        try OrderDrafting.line(
          number: 1, listing: listing, quantity: quote.quantity, unitPrice: price,
          field: "quote_id")
      ]
      OrderDrafting.fillTotals(&order)
      return DraftedPurchase(
        drafts: [order], villageID: listing.villageId, status: .confirmed, quoteID: id)
    case .items(let items):
      try OrderDrafting.checkItems(items.items)
      let listings = try await fetchListings(items.items.map(\.listingId))
      let drafts = try OrderDrafting.drafts(
        for: request, items: items.items, listings: listings, buyerID: buyerID)
      let villages = Set(items.items.compactMap { listings[$0.listingId]?.villageId })
      return DraftedPurchase(
        drafts: drafts, villageID: villages.count == 1 ? villages.first! : "", status: .draft)
    }
  }

  public func getOrder(_ request: GetOrderRequest, context: ServerContext) async throws
    -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(try await store.order(id: request.id, caller: caller))
  }

  public func getOrderGroup(_ request: GetOrderGroupRequest, context: ServerContext) async throws
    -> ServerResponse<GetOrderGroupResponse>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(try await store.group(id: request.id, caller: caller))
  }

  public func listOrders(_ request: ListOrdersRequest, context: ServerContext) async throws
    -> ServerResponse<ListOrdersResponse>
  {
    ServerResponse(try await store.listOrders(request, caller: Caller.from(context)))
  }

  public func transitionOrder(_ request: TransitionOrderRequest, context: ServerContext)
    async throws -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.move(
        orderID: request.orderId, expectedVersion: request.expectedVersion,
        .transition(to: request.targetStatus, billOfLadingNumber: request.billOfLadingNumber),
        note: request.note, caller: caller))
  }

  public func recordPayment(_ request: RecordPaymentRequest, context: ServerContext) async throws
    -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(try await store.recordPayment(request, caller: caller))
  }

  public func confirmDelivery(_ request: ConfirmDeliveryRequest, context: ServerContext)
    async throws -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(try await store.confirmDelivery(request, caller: caller))
  }

  public func cancelOrder(_ request: CancelOrderRequest, context: ServerContext) async throws
    -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.move(
        orderID: request.orderId, expectedVersion: request.expectedVersion, .cancel,
        note: request.reason, caller: caller))
  }

  public func openDispute(_ request: OpenDisputeRequest, context: ServerContext) async throws
    -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.move(
        orderID: request.orderId, expectedVersion: request.expectedVersion, .openDispute,
        note: request.reason, caller: caller))
  }

  public func resolveDispute(_ request: ResolveDisputeRequest, context: ServerContext)
    async throws -> ServerResponse<Order>
  {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    return ServerResponse(
      try await store.move(
        orderID: request.orderId, expectedVersion: request.expectedVersion,
        .resolveDispute(resume: request.resumeStatus), note: request.resolution, caller: caller))
  }

  // MARK: Feeds

  /// Sends the stored events after `after_seq`, then live ones as writes commit. Each round
  /// re-queries the database after the last seq sent, so merged wake-ups lose nothing and a
  /// client resuming with its last seq (also after a restart) continues exactly where it was.
  public func watchOrderEvents(
    _ request: WatchOrderEventsRequest, responses: ServerResponseWriter<OrderEvent>,
    context: ServerContext
  ) async throws -> Metadata {
    let caller = Caller.from(context)
    var buyerID = request.buyerId
    var producerID = request.producerId
    try store.scope(&buyerID, &producerID, caller: caller)
    let signals = store.eventSignals()
    var wakeUps = signals.makeAsyncIterator()
    let newest = try await store.newestSeq()
    if request.afterSeq > newest {
      throw OrdersError.outOfRange("after_seq \(request.afterSeq) is beyond the newest event \(newest)")
    }
    var last = request.afterSeq
    let batch = 256
    while !Task.isCancelled {
      let events = try await store.events(
        after: last, buyerID: buyerID, producerID: producerID, types: request.types, limit: batch)
      for event in events {
        try await responses.write(event)
        last = event.seq
      }
      if events.count < batch {
        if request.untilCaughtUp { break }
        guard await wakeUps.next() != nil else {
          if Task.isCancelled { break }
          throw RPCError(
            code: .unavailable, message: "the orders service is shutting down; resume from seq \(last)")
        }
      }
    }
    return [:]
  }

  /// Sends one order's events after `after_seq`, then live ones, and ends once the order is
  /// completed or cancelled and every event up to that is sent.
  public func watchOrder(
    _ request: WatchOrderRequest, responses: ServerResponseWriter<OrderEvent>,
    context: ServerContext
  ) async throws -> Metadata {
    let caller = Caller.from(context)
    try caller.requireAuthenticated()
    let signals = store.eventSignals()
    var wakeUps = signals.makeAsyncIterator()
    var status = try await store.order(id: request.orderId, caller: caller).status
    var last = request.afterSeq
    let batch = 256
    while !Task.isCancelled {
      let events = try await store.events(after: last, orderID: request.orderId, limit: batch)
      for event in events {
        try await responses.write(event)
        last = event.seq
        if case .order(let order) = event.snapshot { status = order.status }
      }
      if events.count < batch {
        if OrderStateMachine.finalStatuses.contains(status) {
          // The stored status may be ahead of the last event read; read again before ending.
          let rest = try await store.events(after: last, orderID: request.orderId, limit: batch)
          if rest.isEmpty { break } else { continue }
        }
        guard await wakeUps.next() != nil else {
          if Task.isCancelled { break }
          throw RPCError(
            code: .unavailable, message: "the orders service is shutting down; resume from seq \(last)")
        }
      }
    }
    return [:]
  }

  // MARK: Catalogue

  /// The listings `ids` as the catalogue has them (drafts are invisible, so missing), asked in
  /// one call with the look-ups of other calls in flight (``ListingBatcher``).
  func fetchListings(_ ids: [String]) async throws -> [String: Listing] {
    do {
      return try await listingBatcher.listings(ids)
    } catch let error as RPCError {
      let passThrough: Set<RPCStatus.Code> = [.unavailable, .deadlineExceeded, .resourceExhausted]
      throw RPCError(
        code: passThrough.contains(error.code) ? error.code : .internal,
        message: "catalogue: \(error.message)", cause: error)
    }
  }

  /// One listing that exists and is active, or the error naming why not.
  func activeListing(_ id: String, field: String) async throws -> Listing {
    guard !id.isEmpty else { throw OrdersError.invalidArgument(field: field, reason: "required") }
    guard let listing = try await fetchListings([id])[id] else {
      throw OrdersError.notFound("listing \(id) not found")
    }
    guard listing.status == .active else {
      throw OrdersError.failedPrecondition("listing \(id) is \(listing.status), not STATUS_ACTIVE")
    }
    return listing
  }

  // MARK: Checks

  private func checkPrice(_ price: Money, field: String) throws {
    guard price.amountMinor > 0 else {
      throw OrdersError.invalidArgument(field: field + ".amount_minor", reason: "must be positive")
    }
    let code = price.currencyCode.uppercased()
    guard code.count == 3, code.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else {
      throw OrdersError.invalidArgument(field: field + ".currency_code", reason: "not an ISO 4217 code")
    }
  }

  private func normalized(_ price: Money) -> Money {
    Money(amountMinor: price.amountMinor, currencyCode: price.currencyCode.uppercased())
  }

  private func checkTerms(leadTimeDays: Int32, depositPercent: Int32) throws {
    guard leadTimeDays >= 0 else {
      throw OrdersError.invalidArgument(field: "lead_time_days", reason: "must not be negative")
    }
    guard (0...100).contains(depositPercent) else {
      throw OrdersError.invalidArgument(field: "deposit_percent", reason: "must be 0–100")
    }
  }

  private func checkValidUntil(_ until: ProtoTimestamp) throws {
    guard until.isValid else {
      throw OrdersError.invalidArgument(field: "valid_until", reason: "not a valid timestamp (years 1–9999)")
    }
    guard WallClock.milliseconds(until) > store.now else {
      throw OrdersError.invalidArgument(field: "valid_until", reason: "must be in the future")
    }
  }

  private func defaultValidity() -> ProtoTimestamp {
    WallClock.timestamp(milliseconds: store.now + defaultQuoteValidityDays * 86_400_000)
  }
}

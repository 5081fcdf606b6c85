internal import Auth
internal import CommonAPI
internal import OrdersAPI
internal import ProtoWire
internal import Storage

/// What a quote write did. An open quote found past its `valid_until` is marked expired (and
/// that is committed, with its event) instead of being changed; the store then refuses the
/// request with `FAILED_PRECONDITION`.
enum QuoteOutcome: Sendable {
  case changed(Quote)
  case expired(Quote)
}

/// The write side of the orders service inside one transaction: every change to a quote, order
/// or group, each with its feed event(s) in the same transaction.
///
/// Synchronous by design (it runs inside `Database.write`). The party of the caller is decided
/// here, on the stored row, so a check can never see an older version than the write changes.
struct OrdersWriter {
  let tx: WriteTransaction
  let now: Int64
  let caller: Caller

  var actor: CommonAPI.Actor { caller.actor }
  var time: ProtoTimestamp { WallClock.timestamp(milliseconds: now) }

  // MARK: Quotes

  /// Stores a new quote (prepared and checked by the store) with its first revision.
  func insertQuote(_ input: Quote, note: String, askedPrice: Money?) throws -> Quote {
    var quote = input
    quote.id = RecordID.make("q", now: now)
    quote.version = 1
    quote.createdAt = time
    quote.updatedAt = time
    var revision = QuoteRevision()
    revision.by = actor
    revision.at = time
    revision.unitPrice = askedPrice
    revision.quantity = quote.quantity
    revision.leadTimeDays = quote.leadTimeDays
    revision.note = note
    quote.revisions = [revision]
    try tx.execute(
      """
      INSERT INTO quote(id, rfq_id, listing_id, buyer_id, producer_id, status, version,
        valid_until_ms, created_ms, updated_ms, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """, quote.id, quote.rfqId, quote.listingId, quote.buyerId, quote.producerId,
      quote.status.rawValue, quote.version, quote.validUntil.map(WallClock.milliseconds) ?? 0,
      now, now, quote.serializedBytes())
    try appendEvent(
      quote.status == .pendingProducer ? .quoteRequested : .quoteCreated, quote: quote, note: note)
    return quote
  }

  /// Applies `move` to quote `id` at `expectedVersion` (0: no check); `change` edits the terms
  /// of a counter-offer.
  func moveQuote(
    id: String, expectedVersion: Int64, move: QuoteMove, note: String,
    change: (inout Quote, TradeParty) throws(OrdersError) -> Void = { _, _ in }
  ) throws -> QuoteOutcome {
    guard var quote = try Stored.quote(id: id, in: tx) else {
      throw OrdersError.notFound("quote \(id) not found")
    }
    let party = TradeParty.of(caller, buyerID: quote.buyerId, producerID: quote.producerId)
    guard party != .outsider else {
      throw OrdersError.permissionDenied("the caller is not a party of quote \(id)")
    }
    if QuoteStateMachine.isDue(quote, now: now) {
      return .expired(try expire(quote))
    }
    try checkVersion(expectedVersion, quote.version)
    let target = try QuoteStateMachine.target(of: move, quote: quote, by: party)
    if move == .counter {
      try change(&quote, party == .admin ? QuoteStateMachine.turn(quote.status)! : party)
      var revision = QuoteRevision()
      revision.by = actor
      revision.at = time
      revision.unitPrice = quote.unitPrice
      revision.quantity = quote.quantity
      revision.leadTimeDays = quote.leadTimeDays
      revision.note = note
      quote.revisions.append(revision)
    }
    quote.status = target
    quote.version += 1
    quote.updatedAt = time
    try saveQuote(quote)
    let type: OrderEventType =
      switch move {
      case .counter: .quoteCountered
      case .accept: .quoteAccepted
      case .reject: .quoteRejected
      case .withdraw: .quoteWithdrawn
      }
    try appendEvent(type, quote: quote, note: note)
    return .changed(quote)
  }

  /// Marks an open quote past `valid_until` expired, with its event by the system.
  private func expire(_ input: Quote) throws -> Quote {
    var quote = input
    quote.status = .expired
    quote.version += 1
    quote.updatedAt = time
    try saveQuote(quote)
    try appendEvent(.quoteExpired, quote: quote, note: "", actor: Caller.system.actor)
    return quote
  }

  /// Expires up to `limit` open quotes whose `valid_until` has passed; returns how many.
  func expireDueQuotes(limit: Int) throws -> Int {
    let ids = try tx.fetchAll(
      """
      SELECT id FROM quote WHERE status IN (1, 2) AND valid_until_ms > 0 AND valid_until_ms < ?
      ORDER BY valid_until_ms LIMIT ?
      """, now, limit
    ) { $0.string(0) }
    var count = 0
    for id in ids {
      guard let quote = try Stored.quote(id: id, in: tx), QuoteStateMachine.isDue(quote, now: now)
      else { continue }
      _ = try expire(quote)
      count += 1
    }
    return count
  }

  private func saveQuote(_ quote: Quote) throws {
    try tx.execute(
      """
      UPDATE quote SET status = ?, version = ?, valid_until_ms = ?, updated_ms = ?, data = ?
      WHERE id = ?
      """, quote.status.rawValue, quote.version,
      quote.validUntil.map(WallClock.milliseconds) ?? 0, now, quote.serializedBytes(), quote.id)
  }

  // MARK: Orders

  /// The stored purchase of `buyerID`'s `requestID`, if that request id was used before:
  /// the same body → the stored result, replayed; another body → `ALREADY_EXISTS`.
  func replay(buyerID: String, requestID: String, fingerprint: Int64) throws
    -> CreateOrderResponse?
  {
    guard let stored = try Stored.request(buyerID: buyerID, requestID: requestID, in: tx) else {
      return nil
    }
    guard stored.fingerprint == fingerprint else {
      throw OrdersError.alreadyExists(
        "request_id \(requestID) was used for another CreateOrder request of buyer \(buyerID)")
    }
    guard var response = try Stored.purchase(groupID: stored.groupID, in: tx) else {
      throw OrdersError.notFound("order group \(stored.groupID) not found")
    }
    response.replayed = true
    return response
  }

  /// Creates the group and orders of one purchase, or replays the stored one. The request row
  /// is inserted in this same transaction; its primary key makes a duplicate impossible.
  func createPurchase(
    drafts: [Order], buyerID: String, requestID: String, fingerprint: Int64, villageID: String,
    initialStatus: OrderStatus, quoteID: String
  ) throws -> CreateOrderResponse {
    if let replayed = try replay(buyerID: buyerID, requestID: requestID, fingerprint: fingerprint) {
      return replayed
    }
    if !quoteID.isEmpty {
      guard let quote = try Stored.quote(id: quoteID, in: tx) else {
        throw OrdersError.notFound("quote \(quoteID) not found")
      }
      guard quote.status == .accepted else {
        throw OrdersError.failedPrecondition(
          "quote \(quoteID) is \(quote.status); orders are created from QUOTE_STATUS_ACCEPTED")
      }
      guard quote.orderId.isEmpty else {
        throw OrdersError.failedPrecondition(
          "quote \(quoteID) already became order \(quote.orderId)")
      }
      guard quote.buyerId == buyerID else {
        throw OrdersError.permissionDenied("quote \(quoteID) is not buyer \(buyerID)'s")
      }
    }
    var group = OrderGroup()
    group.id = RecordID.make("g", now: now)
    group.requestId = requestID
    group.buyerId = buyerID
    group.villageId = villageID
    group.createdAt = time
    var orders: [Order] = []
    var total: Int64 = 0
    for draft in drafts {
      var order = draft
      order.id = RecordID.make("o", now: now)
      order.groupId = group.id
      order.requestId = requestID
      order.quoteId = quoteID
      order.buyerId = buyerID
      order.status = initialStatus
      order.paymentStatus = .unpaid
      order.fulfilmentStatus = .unfulfilled
      order.version = 1
      order.createdAt = time
      order.updatedAt = time
      var creation = StatusChange()
      creation.fromStatus = .unspecified
      creation.toStatus = initialStatus
      creation.by = actor
      creation.at = time
      creation.note = draft.note
      order.history = [creation]
      total += order.subtotal?.amountMinor ?? 0
      group.orderIds.append(order.id)
      orders.append(order)
    }
    group.total = Money(amountMinor: total, currencyCode: orders.first?.currencyCode ?? "")
    try tx.execute(
      """
      INSERT INTO order_group(id, buyer_id, request_id, created_ms, data) VALUES (?, ?, ?, ?, ?)
      """, group.id, buyerID, requestID, now, group.serializedBytes())
    try tx.execute(
      """
      INSERT INTO order_request(buyer_id, request_id, fingerprint, group_id, created_ms)
      VALUES (?, ?, ?, ?, ?)
      """, buyerID, requestID, fingerprint, group.id, now)
    for order in orders {
      let encoded = order.serializedBytes()
      try tx.execute(
        """
        INSERT INTO orders(id, group_id, quote_id, buyer_id, producer_id, status, version,
          created_ms, updated_ms, data)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, order.id, order.groupId, order.quoteId, order.buyerId, order.producerId,
        order.status.rawValue, order.version, now, now, encoded)
      try appendEvent(
        .orderCreated, order: order, encoded: encoded, from: .unspecified, to: order.status,
        note: order.note)
    }
    if !quoteID.isEmpty, var quote = try Stored.quote(id: quoteID, in: tx), let order = orders.first
    {
      quote.orderId = order.id
      quote.version += 1
      quote.updatedAt = time
      try saveQuote(quote)
    }
    var response = CreateOrderResponse()
    response.group = group
    response.orders = orders
    return response
  }

  /// Loads order `id` for a change by the caller: not found for outsiders who are not
  /// privileged (they learn nothing), the version checked.
  private func loadOrder(id: String, expectedVersion: Int64) throws -> (Order, TradeParty) {
    guard let order = try Stored.order(id: id, in: tx) else {
      throw OrdersError.notFound("order \(id) not found")
    }
    let party = TradeParty.of(caller, buyerID: order.buyerId, producerID: order.producerId)
    guard party != .outsider else {
      throw OrdersError.permissionDenied("the caller is not a party of order \(id)")
    }
    try checkVersion(expectedVersion, order.version)
    return (order, party)
  }

  /// Applies a state-machine move to order `id`.
  func move(id: String, expectedVersion: Int64, _ move: OrderMove, note: String) throws -> Order {
    var (order, party) = try loadOrder(id: id, expectedVersion: expectedVersion)
    let from = order.status
    let target = try OrderStateMachine.target(of: move, order: order, by: party)
    OrderStateMachine.apply(move, target: target, to: &order, by: actor, at: time, note: note)
    let encoded = try saveOrder(order)
    try appendEvent(
      .orderStatusChanged, order: order, encoded: encoded, from: from, to: target, note: note)
    return order
  }

  /// Records a payment on order `id` (producer or admin) and recomputes its payment status.
  func recordPayment(_ request: RecordPaymentRequest) throws -> Order {
    var (order, party) = try loadOrder(id: request.orderId, expectedVersion: request.expectedVersion)
    guard party == .producer || party == .admin else {
      throw OrdersError.permissionDenied("payments are recorded by the producer (the payee) or an admin")
    }
    guard let amount = request.amount else {
      throw OrdersError.invalidArgument(field: "amount", reason: "required")
    }
    try PaymentLedger.check(kind: request.kind, amount: amount, order: order)
    var payment = Payment()
    payment.id = "pay-\(order.payments.count + 1)"
    payment.kind = request.kind
    payment.amount = Money(amountMinor: amount.amountMinor, currencyCode: order.currencyCode)
    payment.reference = request.reference
    payment.paidAt = request.paidAt ?? time
    payment.recordedBy = actor
    payment.recordedAt = time
    payment.note = request.note
    order.payments.append(payment)
    order.paymentStatus = PaymentLedger.status(
      payments: order.payments, subtotal: order.subtotal?.amountMinor ?? 0,
      deposit: order.depositAmount?.amountMinor ?? 0)
    order.paidAmount = Money(
      amountMinor: PaymentLedger.paidAmount(order.payments), currencyCode: order.currencyCode)
    order.version += 1
    order.updatedAt = time
    let encoded = try saveOrder(order)
    try appendEvent(
      .paymentRecorded, order: order, encoded: encoded, from: .unspecified, to: .unspecified,
      note: request.note)
    return order
  }

  /// The buyer (or an admin) confirms the goods arrived.
  func confirmDelivery(_ request: ConfirmDeliveryRequest) throws -> Order {
    var (order, party) = try loadOrder(id: request.orderId, expectedVersion: request.expectedVersion)
    guard party == .buyer || party == .admin else {
      throw OrdersError.permissionDenied("delivery is confirmed by the buyer or an admin")
    }
    guard order.fulfilmentStatus == .shipped else {
      throw OrdersError.failedPrecondition(
        "order \(order.id) is \(order.status) with fulfilment \(order.fulfilmentStatus); "
          + "delivery is confirmed once FULFILMENT_STATUS_SHIPPED")
    }
    order.fulfilmentStatus = .delivered
    order.deliveredAt = request.deliveredAt ?? time
    order.version += 1
    order.updatedAt = time
    let encoded = try saveOrder(order)
    try appendEvent(
      .deliveryConfirmed, order: order, encoded: encoded, from: .unspecified, to: .unspecified,
      note: request.note)
    return order
  }

  /// Stores `order`; returns its encoding (its events reuse it).
  private func saveOrder(_ order: Order) throws -> [UInt8] {
    let encoded = order.serializedBytes()
    try tx.execute(
      "UPDATE orders SET status = ?, version = ?, updated_ms = ?, data = ? WHERE id = ?",
      order.status.rawValue, order.version, now, encoded, order.id)
    return encoded
  }

  // MARK: Events and helpers

  private func checkVersion(_ expected: Int64, _ actual: Int64) throws {
    if expected != 0 && expected != actual {
      throw OrdersError.versionMismatch(expected: expected, actual: actual)
    }
  }

  private func appendEvent(
    _ type: OrderEventType, quote: Quote, note: String, actor: CommonAPI.Actor? = nil
  ) throws {
    var event = OrderEvent()
    event.at = time
    event.type = type
    event.actor = actor ?? self.actor
    event.quoteId = quote.id
    event.orderId = quote.orderId
    event.buyerId = quote.buyerId
    event.producerId = quote.producerId
    event.note = note
    event.snapshot = .quote(quote)
    try insert(event)
  }

  /// Appends an event with `order` as its snapshot; `encoded` is the order's encoding, just
  /// written to its row.
  private func appendEvent(
    _ type: OrderEventType, order: Order, encoded: [UInt8], from: OrderStatus, to: OrderStatus,
    note: String
  ) throws {
    var event = OrderEvent()
    event.at = time
    event.type = type
    event.actor = actor
    event.orderId = order.id
    event.groupId = order.groupId
    event.quoteId = order.quoteId
    event.buyerId = order.buyerId
    event.producerId = order.producerId
    event.fromStatus = from
    event.toStatus = to
    event.note = note
    try insert(event, data: Self.encoded(event, orderSnapshot: encoded))
  }

  /// `event` (without a snapshot) encoded with `order`, an encoded order, as its snapshot:
  /// byte for byte what encoding the event with the order gives (the snapshot, field 13, is
  /// the last field written), without encoding the order a second time.
  static func encoded(_ event: OrderEvent, orderSnapshot order: [UInt8]) -> [UInt8] {
    var bytes = event.serializedBytes()
    bytes.reserveCapacity(bytes.count + 11 + order.count)
    bytes.append(13 << 3 | 2)  // field 13, length-delimited
    var length = UInt64(order.count)
    while length >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
      length >>= 7
    }
    bytes.append(UInt8(length))
    bytes += order
    return bytes
  }

  /// Appends one event; its seq comes from `AUTOINCREMENT` inside this transaction.
  private func insert(_ event: OrderEvent, data: [UInt8]? = nil) throws {
    try tx.execute(
      """
      INSERT INTO order_event(time_ms, type, order_id, quote_id, buyer_id, producer_id, data)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """, now, event.type.rawValue, event.orderId, event.quoteId, event.buyerId,
      event.producerId, data ?? event.serializedBytes())
  }
}

public import Auth
public import CommonAPI
public import OrdersAPI
internal import ProtoWire
internal import RPCCore
public import Storage

/// The orders service's data: one SQLite file (one writer, N readers) with quotes, order
/// groups, orders, the idempotency keys of `CreateOrder` and the event feed.
///
/// Every write is one `BEGIN IMMEDIATE` transaction that also appends its feed events, then
/// wakes the feed streams. Reads run on reader connections, each in one snapshot. The RPC
/// layer (``OrdersServiceImpl``) authenticates, validates against the catalogue and calls
/// these methods; the party checks of each change run here, on the stored row, inside the
/// transaction.
public final class OrdersStore: Sendable {
  /// The database file.
  public let database: Database
  let notifier = CommitNotifier()
  let clock: @Sendable () -> Int64

  /// Writes committed together at most by default: a burst of `CreateOrder` calls shares one
  /// fsync per batch instead of paying one each (every call still returns after its commit).
  public static let defaultWriteBatchLimit = 256

  /// Pages of WAL between checkpoints (~40 MiB of log): each order rewrites a few pages
  /// of its indexes in every commit (the right edges, its buyer's and producer's entries), and
  /// a checkpoint over a longer log writes each of them once instead of once per 1,000 pages.
  public static let walCheckpointPages = 10_000

  /// The storage defaults with group commit of up to `writeBatchLimit` writes (1: none) and
  /// checkpoints every ``walCheckpointPages`` pages of log.
  public static func configuration(writeBatchLimit: Int = defaultWriteBatchLimit) -> Database.Configuration {
    var configuration = Database.Configuration.defaults
    configuration.writeBatchLimit = writeBatchLimit
    configuration.walCheckpointPages = walCheckpointPages
    return configuration
  }

  /// Opens (creating and migrating) the orders database at `path`.
  ///
  /// - Parameter clock: milliseconds since the epoch; tests may pin or advance it.
  public init(
    path: String, configuration: Database.Configuration = OrdersStore.configuration(),
    clock: (@Sendable () -> Int64)? = nil
  ) throws {
    self.database = try Database(
      path: path, configuration: configuration, migrations: OrdersSchema.migrations)
    self.clock = clock ?? { WallClock.nowMilliseconds() }
  }

  /// Ends the feed streams (their clients resubscribe where they got to), so a server
  /// shutting down does not wait for followers that never hang up.
  public func endFeeds() { notifier.finishAll() }

  /// Ends the feed streams and closes the database.
  public func close() async {
    notifier.finishAll()
    await database.close()
  }

  /// Now, as the store's clock tells it.
  var now: Int64 { clock() }

  /// Runs `body` in a write transaction with a writer for `caller`, then wakes the feeds.
  func write<T: Sendable>(
    caller: Caller, _ body: @escaping @Sendable (OrdersWriter) throws -> T
  ) async throws -> T {
    let now = clock()
    let result = try await database.write { tx in
      try body(OrdersWriter(tx: tx, now: now, caller: caller))
    }
    notifier.notify()
    return result
  }

  // MARK: Quotes

  /// Stores a new quote (already checked against the catalogue by the service).
  public func insertQuote(_ quote: Quote, note: String, askedPrice: Money?, caller: Caller)
    async throws -> Quote
  {
    try await write(caller: caller) {
      try $0.insertQuote(quote, note: note, askedPrice: askedPrice)
    }
  }

  /// Applies `move` to a quote; an open quote past `valid_until` is marked expired instead
  /// and the call fails with `FAILED_PRECONDITION`.
  func moveQuote(
    id: String, expectedVersion: Int64, move: QuoteMove, note: String, caller: Caller,
    change: @escaping @Sendable (inout Quote, TradeParty) throws(OrdersError) -> Void = { _, _ in }
  ) async throws -> Quote {
    if id.isEmpty { throw OrdersError.invalidArgument(field: "quote_id", reason: "required") }
    let outcome = try await write(caller: caller) {
      try $0.moveQuote(
        id: id, expectedVersion: expectedVersion, move: move, note: note, change: change)
    }
    switch outcome {
    case .changed(let quote): return quote
    case .expired(let quote):
      throw OrdersError.failedPrecondition(
        "quote \(quote.id) is QUOTE_STATUS_EXPIRED: valid_until has passed")
    }
  }

  /// Marks every open quote whose `valid_until` has passed as expired (an event each, by the
  /// system), in transactions of up to `batch`; returns how many it expired. Reads and moves
  /// already treat such quotes as expired; the sweep makes the feed say so too.
  @discardableResult
  public func expireDueQuotes(batch: Int = 500) async throws -> Int {
    var total = 0
    while true {
      let count = try await write(caller: .system) { try $0.expireDueQuotes(limit: batch) }
      total += count
      if count < batch { return total }
    }
  }

  /// Runs ``expireDueQuotes(batch:)`` every `interval` until the task is cancelled; a failed
  /// sweep is retried at the next tick.
  public func runExpirySweeps(every interval: Duration = .seconds(60)) async {
    while !Task.isCancelled {
      _ = try? await expireDueQuotes()
      try? await Task.sleep(for: interval)
    }
  }

  /// One quote, for its parties and admins; others get `PERMISSION_DENIED`. An open quote past
  /// `valid_until` reads as expired.
  public func quote(id: String, caller: Caller) async throws -> Quote {
    if id.isEmpty { throw OrdersError.invalidArgument(field: "id", reason: "required") }
    let found = try await database.read { try Stored.quote(id: id, in: $0) }
    guard let quote = found else { throw OrdersError.notFound("quote \(id) not found") }
    guard TradeParty.of(caller, buyerID: quote.buyerId, producerID: quote.producerId) != .outsider
    else { throw OrdersError.permissionDenied("the caller is not a party of quote \(id)") }
    return presented(quote)
  }

  private func presented(_ quote: Quote) -> Quote {
    guard QuoteStateMachine.isDue(quote, now: now) else { return quote }
    var copy = quote
    copy.status = .expired
    return copy
  }

  /// Quotes the caller may see, newest first.
  public func listQuotes(_ request: ListQuotesRequest, caller: Caller) async throws
    -> ListQuotesResponse
  {
    var scoped = request
    try scope(&scoped.buyerId, &scoped.producerId, caller: caller)
    var unpaged = scoped
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let page = try await page(
      of: Quote.self, table: "quote", unpaged: unpaged, pageToken: request.pageToken,
      pageSize: request.pageSize,
      equal: [
        ("buyer_id", scoped.buyerId), ("producer_id", scoped.producerId), ("rfq_id", scoped.rfqId),
        ("listing_id", scoped.listingId),
      ],
      statuses: scoped.statuses.map { Int64($0.rawValue) })
    var response = ListQuotesResponse()
    response.quotes = page.items.map { presented($0) }
    response.nextPageToken = page.nextPageToken
    return response
  }

  // MARK: Orders

  /// The stored result of `buyerID`'s `requestID`, replayed, if the request id was used
  /// before (another body → `ALREADY_EXISTS`); `nil` for a new request id. A read, for a
  /// retry that no longer passes validation: it is answered whatever the catalogue says now.
  public func replay(buyerID: String, requestID: String, fingerprint: Int64) async throws
    -> CreateOrderResponse?
  {
    let stored = try await database.read { tx in
      try Stored.request(buyerID: buyerID, requestID: requestID, in: tx).map {
        try ($0.fingerprint, Stored.purchase(groupID: $0.groupID, in: tx))
      }
    }
    guard let (storedPrint, purchase) = stored else { return nil }
    guard storedPrint == fingerprint else {
      throw OrdersError.alreadyExists(
        "request_id \(requestID) was used for another CreateOrder request of buyer \(buyerID)")
    }
    guard var response = purchase else { return nil }
    response.replayed = true
    return response
  }

  /// Creates the group and orders of one purchase from validated drafts, idempotently by
  /// (buyer, request id): the check, the key and the orders are one transaction.
  public func createPurchase(
    drafts: [Order], buyerID: String, requestID: String, fingerprint: Int64, villageID: String,
    initialStatus: OrderStatus, quoteID: String = "", caller: Caller
  ) async throws -> CreateOrderResponse {
    do {
      return try await write(caller: caller) {
        try $0.createPurchase(
          drafts: drafts, buyerID: buyerID, requestID: requestID, fingerprint: fingerprint,
          villageID: villageID, initialStatus: initialStatus, quoteID: quoteID)
      }
    } catch StorageError.constraint(.unique, let message) {
      // Another process committed the same key (or quote) between our check and insert.
      throw OrdersError.aborted("a concurrent CreateOrder won (\(message)); retry to read it")
    }
  }

  /// One order, for its parties and admins.
  public func order(id: String, caller: Caller) async throws -> Order {
    if id.isEmpty { throw OrdersError.invalidArgument(field: "id", reason: "required") }
    guard let order = try await database.read({ try Stored.order(id: id, in: $0) }) else {
      throw OrdersError.notFound("order \(id) not found")
    }
    guard TradeParty.of(caller, buyerID: order.buyerId, producerID: order.producerId) != .outsider
    else { throw OrdersError.permissionDenied("the caller is not a party of order \(id)") }
    return order
  }

  /// One group with the orders of it the caller may see (none → `PERMISSION_DENIED`).
  public func group(id: String, caller: Caller) async throws -> GetOrderGroupResponse {
    if id.isEmpty { throw OrdersError.invalidArgument(field: "id", reason: "required") }
    guard let purchase = try await database.read({ try Stored.purchase(groupID: id, in: $0) })
    else { throw OrdersError.notFound("order group \(id) not found") }
    var response = GetOrderGroupResponse()
    response.group = purchase.group
    response.orders = purchase.orders.filter {
      TradeParty.of(caller, buyerID: $0.buyerId, producerID: $0.producerId) != .outsider
    }
    guard !response.orders.isEmpty || caller.isPrivileged else {
      throw OrdersError.permissionDenied("the caller is not a party of order group \(id)")
    }
    return response
  }

  /// Orders the caller may see, newest first.
  public func listOrders(_ request: ListOrdersRequest, caller: Caller) async throws
    -> ListOrdersResponse
  {
    var scoped = request
    try scope(&scoped.buyerId, &scoped.producerId, caller: caller)
    var unpaged = scoped
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let page = try await page(
      of: Order.self, table: "orders", unpaged: unpaged, pageToken: request.pageToken,
      pageSize: request.pageSize,
      equal: [("buyer_id", scoped.buyerId), ("producer_id", scoped.producerId), ("group_id", scoped.groupId)],
      statuses: scoped.statuses.map { Int64($0.rawValue) })
    var response = ListOrdersResponse()
    response.orders = page.items
    response.nextPageToken = page.nextPageToken
    return response
  }

  /// One page of `table`'s stored messages, newest first: rows before the page token's rowid
  /// whose `equal` columns match where a value is given and, when `statuses` is not empty, whose
  /// status is one of them. The token is keyed to `unpaged` (the request without its page
  /// fields), so it only continues the query that made it.
  private func page<M: ProtoMessage>(
    of type: M.Type, table: String, unpaged: some ProtoMessage, pageToken: String, pageSize: Int32,
    equal: [(column: String, value: String)], statuses: [Int64]
  ) async throws -> (items: [M], nextPageToken: String) {
    let size = try self.pageSize(pageSize)
    let print = fingerprint(unpaged.serializedBytes())
    let before = try PageToken.rowid(pageToken, fingerprint: print)
    var conditions: [SQL] = ["rowid < ?"]
    var arguments: [SQLValue] = [.integer(before)]
    for (column, value) in equal where !value.isEmpty {
      conditions.append(SQL(unchecked: column + " = ?"))
      arguments.append(.text(value))
    }
    if !statuses.isEmpty {
      conditions.append("status IN (" + SQL.placeholders(statuses.count) + ")")
      arguments += statuses.map { .integer($0) }
    }
    let sql: SQL =
      "SELECT rowid, data FROM " + SQL(unchecked: table) + " WHERE "
      + SQL(joining: conditions, separator: " AND ") + " ORDER BY rowid DESC LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let rows = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) {
        try ($0.int64(0), decodeStored(M.self, $0.blob(1), table: table, id: "?"))
      }
    }
    var next = ""
    if rows.count > size, let last = rows.prefix(size).last {
      next = PageToken.encode(fingerprint: print, rowid: last.0)
    }
    return (rows.prefix(size).map(\.1), next)
  }

  /// Applies a state-machine move (`TransitionOrder`, `CancelOrder`, `OpenDispute`,
  /// `ResolveDispute`).
  public func move(
    orderID: String, expectedVersion: Int64, _ move: OrderMove, note: String, caller: Caller
  ) async throws -> Order {
    if orderID.isEmpty { throw OrdersError.invalidArgument(field: "order_id", reason: "required") }
    return try await write(caller: caller) {
      try $0.move(id: orderID, expectedVersion: expectedVersion, move, note: note)
    }
  }

  /// Records a payment.
  public func recordPayment(_ request: RecordPaymentRequest, caller: Caller) async throws -> Order {
    if request.orderId.isEmpty {
      throw OrdersError.invalidArgument(field: "order_id", reason: "required")
    }
    return try await write(caller: caller) { try $0.recordPayment(request) }
  }

  /// Confirms delivery.
  public func confirmDelivery(_ request: ConfirmDeliveryRequest, caller: Caller) async throws
    -> Order
  {
    if request.orderId.isEmpty {
      throw OrdersError.invalidArgument(field: "order_id", reason: "required")
    }
    return try await write(caller: caller) { try $0.confirmDelivery(request) }
  }

  // MARK: Feed

  /// The newest seq in the feed, 0 when empty.
  public func newestSeq() async throws -> UInt64 {
    try await database.read { tx in
      UInt64(try tx.fetchOne("SELECT coalesce(max(seq), 0) FROM order_event") { $0.int64(0) } ?? 0)
    }
  }

  /// Up to `limit` events after `afterSeq`, in seq order, filtered (empty filters match all).
  public func events(
    after afterSeq: UInt64, buyerID: String = "", producerID: String = "", orderID: String = "",
    types: [OrderEventType] = [], limit: Int = 256
  ) async throws -> [OrderEvent] {
    var conditions: [SQL] = ["seq > ?"]
    var arguments: [SQLValue] = [.integer(Int64(clamping: afterSeq))]
    for (column, value) in [
      ("buyer_id", buyerID), ("producer_id", producerID), ("order_id", orderID),
    ] where !value.isEmpty {
      conditions.append(SQL(unchecked: column + " = ?"))
      arguments.append(.text(value))
    }
    let kinds = Set(types.map(\.rawValue)).sorted()
    if !kinds.isEmpty {
      conditions.append("type IN (" + SQL.placeholders(kinds.count) + ")")
      arguments += kinds.map { .integer(Int64($0)) }
    }
    let sql: SQL =
      "SELECT seq, data FROM order_event WHERE " + SQL(joining: conditions, separator: " AND ")
      + " ORDER BY seq LIMIT ?"
    let bound = arguments + [.integer(Int64(limit))]
    return try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) { try Stored.event($0, seqColumn: 0, dataColumn: 1) }
    }
  }

  /// Wake-ups after each committed write; see ``CommitNotifier``.
  func eventSignals() -> AsyncStream<Void> { notifier.subscribe() }

  // MARK: Helpers

  /// Narrows list filters to what `caller` may see: buyers and producers only their own (a
  /// filter naming someone else → `PERMISSION_DENIED`); analysts, admins and the platform all.
  func scope(_ buyerID: inout String, _ producerID: inout String, caller: Caller) throws {
    try caller.requireAuthenticated()
    switch caller.role {
    case .buyer:
      guard buyerID.isEmpty || buyerID == caller.id else {
        throw OrdersError.permissionDenied("buyer \(caller.id) sees only its own orders and quotes")
      }
      buyerID = caller.id
    case .producer:
      guard producerID.isEmpty || producerID == caller.id else {
        throw OrdersError.permissionDenied(
          "producer \(caller.id) sees only its own orders and quotes")
      }
      producerID = caller.id
    default: break
    }
  }

  private func pageSize(_ requested: Int32) throws -> Int {
    if requested < 0 {
      throw OrdersError.invalidArgument(field: "page_size", reason: "must not be negative")
    }
    return requested == 0 ? 50 : min(Int(requested), 500)
  }
}

/// An opaque page token: the rowid the previous page ended at and a fingerprint of the
/// request, so a token reused with other filters is refused.
enum PageToken {
  static func encode(fingerprint: UInt64, rowid: Int64) -> String {
    Base64.encode(Array("\(String(fingerprint, radix: 16)),\(rowid)".utf8))
  }

  /// The rowid to list below (`Int64.max` for the first page).
  static func rowid(_ token: String, fingerprint: UInt64) throws -> Int64 {
    guard !token.isEmpty else { return .max }
    let invalid = OrdersError.invalidArgument(
      field: "page_token", reason: "not a token of this request; start again without one")
    guard let bytes = Base64.decode(Array(token.utf8)) else { throw invalid }
    let parts = String(decoding: bytes, as: UTF8.self).split(separator: ",")
    guard parts.count == 2, UInt64(parts[0], radix: 16) == fingerprint,
      let rowid = Int64(parts[1])
    else { throw invalid }
    return rowid
  }
}

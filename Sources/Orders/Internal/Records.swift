internal import CommonAPI
internal import OrdersAPI
internal import ProtoWire
internal import Storage

/// A stored row's message could not be decoded: the file is damaged or was written by a build
/// with another encoding. Reported as `INTERNAL`.
struct StoredDataCorrupt: Error, CustomStringConvertible {
  var table: String
  var id: String
  var cause: ProtoDecodingError
  var description: String { "\(table) \(id): stored message does not decode: \(cause)" }
}

func decodeStored<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8], table: String, id: String)
  throws -> M
{
  do {
    return try M(serializedBytes: bytes)
  } catch {
    throw StoredDataCorrupt(table: table, id: id, cause: error)
  }
}

/// Reads of the aggregates, shared by read and write transactions.
enum Stored {
  static func quote(id: String, in tx: some SQLQuerying) throws -> Quote? {
    try tx.fetchOne("SELECT data FROM quote WHERE id = ?", id) {
      try decodeStored(Quote.self, $0.blob(0), table: "quote", id: id)
    }
  }

  static func order(id: String, in tx: some SQLQuerying) throws -> Order? {
    try tx.fetchOne("SELECT data FROM orders WHERE id = ?", id) {
      try decodeStored(Order.self, $0.blob(0), table: "orders", id: id)
    }
  }

  static func group(id: String, in tx: some SQLQuerying) throws -> OrderGroup? {
    try tx.fetchOne("SELECT data FROM order_group WHERE id = ?", id) {
      try decodeStored(OrderGroup.self, $0.blob(0), table: "order_group", id: id)
    }
  }

  /// The group and orders a stored request id created, in the group's order.
  static func purchase(groupID: String, in tx: some SQLQuerying) throws -> CreateOrderResponse? {
    guard let group = try group(id: groupID, in: tx) else { return nil }
    var response = CreateOrderResponse()
    response.group = group
    response.orders = try group.orderIds.compactMap { try order(id: $0, in: tx) }
    return response
  }

  /// The stored (fingerprint, group id) of `buyerID`'s request `requestID`, if any.
  static func request(buyerID: String, requestID: String, in tx: some SQLQuerying) throws
    -> (fingerprint: Int64, groupID: String)?
  {
    try tx.fetchOne(
      "SELECT fingerprint, group_id FROM order_request WHERE buyer_id = ? AND request_id = ?",
      buyerID, requestID
    ) { ($0.int64(0), $0.string(1)) }
  }

  static func event(_ row: Row, seqColumn: Int, dataColumn: Int) throws -> OrderEvent {
    let seq = row.int64(seqColumn)
    var event = try decodeStored(
      OrderEvent.self, row.blob(dataColumn), table: "order_event", id: String(seq))
    event.seq = UInt64(seq)
    return event
  }
}

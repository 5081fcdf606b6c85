// Order messages of craft/orders/v1/orders.proto (package craft.orders.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// An order with one producer, with its lines, payments and history.
public struct Order: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.Order"

  /// The order id.
  public var id: String = ""
  /// The order group of the purchase this order belongs to.
  public var groupId: String = ""
  /// The `CreateOrder` request id that created it.
  public var requestId: String = ""
  /// The accepted quote it came from; empty for orders from lines.
  public var quoteId: String = ""
  /// The buyer.
  public var buyerId: String = ""
  /// The producer.
  public var producerId: String = ""
  /// What is ordered.
  public var lines: [OrderLine] = []
  /// ISO 4217 code; every `Money` in the order uses it.
  public var currencyCode: String = ""
  /// Sum of the line totals.
  public var subtotal: Money?
  /// Deposit share in percent, 0–100.
  public var depositPercent: Int32 = 0
  /// `subtotal × depositPercent / 100`, rounded up.
  public var depositAmount: Money?
  /// `subtotal − depositAmount`, due against the shipping documents.
  public var balanceAmount: Money?
  /// Payments received minus refunds.
  public var paidAmount: Money?
  /// The incoterm of the prices.
  public var incoterm: Incoterm = .unspecified
  /// The named port or place for the incoterm.
  public var port: String = ""
  /// Days from deposit to ready-to-ship.
  public var leadTimeDays: Int32 = 0
  /// Where the order stands in its main state machine.
  public var status: OrderStatus = .unspecified
  /// Money received, tracked apart from `status`.
  public var paymentStatus: PaymentStatus = .unspecified
  /// Goods, tracked apart from `status`.
  public var fulfilmentStatus: FulfilmentStatus = .unspecified
  /// The bill of lading number, set when shipped.
  public var billOfLadingNumber: String = ""
  /// Payments recorded, oldest first.
  public var payments: [Payment] = []
  /// Every status change, oldest first (the creation included).
  public var history: [StatusChange] = []
  /// The latest dispute, if any.
  public var dispute: Dispute?
  /// The buyer's note at creation.
  public var note: String = ""
  /// Bumped on every change; send it back as `expectedVersion`.
  public var version: Int64 = 0
  /// When the order was created.
  public var createdAt: ProtoTimestamp?
  /// When the order last changed.
  public var updatedAt: ProtoTimestamp?
  /// When the order was shipped.
  public var shippedAt: ProtoTimestamp?
  /// When the buyer confirmed delivery.
  public var deliveredAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): groupId = try reader.readString()
      case (3, .lengthDelimited): requestId = try reader.readString()
      case (4, .lengthDelimited): quoteId = try reader.readString()
      case (5, .lengthDelimited): buyerId = try reader.readString()
      case (6, .lengthDelimited): producerId = try reader.readString()
      case (7, .lengthDelimited): try reader.appendMessage(to: &lines)
      case (8, .lengthDelimited): currencyCode = try reader.readString()
      case (9, .lengthDelimited): try reader.readMessage(into: &subtotal)
      case (10, .varint): depositPercent = try reader.readInt32()
      case (11, .lengthDelimited): try reader.readMessage(into: &depositAmount)
      case (12, .lengthDelimited): try reader.readMessage(into: &balanceAmount)
      case (13, .lengthDelimited): try reader.readMessage(into: &paidAmount)
      case (14, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (15, .lengthDelimited): port = try reader.readString()
      case (16, .varint): leadTimeDays = try reader.readInt32()
      case (17, .varint): status = try reader.readEnum(OrderStatus.self)
      case (18, .varint): paymentStatus = try reader.readEnum(PaymentStatus.self)
      case (19, .varint): fulfilmentStatus = try reader.readEnum(FulfilmentStatus.self)
      case (20, .lengthDelimited): billOfLadingNumber = try reader.readString()
      case (21, .lengthDelimited): try reader.appendMessage(to: &payments)
      case (22, .lengthDelimited): try reader.appendMessage(to: &history)
      case (23, .lengthDelimited): try reader.readMessage(into: &dispute)
      case (24, .lengthDelimited): note = try reader.readString()
      case (25, .varint): version = try reader.readInt64()
      case (26, .lengthDelimited): try reader.readMessage(into: &createdAt)
      case (27, .lengthDelimited): try reader.readMessage(into: &updatedAt)
      case (28, .lengthDelimited): try reader.readMessage(into: &shippedAt)
      case (29, .lengthDelimited): try reader.readMessage(into: &deliveredAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(29, deliveredAt)
    writer.writeMessage(28, shippedAt)
    writer.writeMessage(27, updatedAt)
    writer.writeMessage(26, createdAt)
    writer.write(25, version, as: ProtoInt64.self)
    writer.write(24, note, as: ProtoString.self)
    writer.writeMessage(23, dispute)
    writer.writeRepeatedMessages(22, history)
    writer.writeRepeatedMessages(21, payments)
    writer.write(20, billOfLadingNumber, as: ProtoString.self)
    writer.write(19, fulfilmentStatus, as: FulfilmentStatus.self)
    writer.write(18, paymentStatus, as: PaymentStatus.self)
    writer.write(17, status, as: OrderStatus.self)
    writer.write(16, leadTimeDays, as: ProtoInt32.self)
    writer.write(15, port, as: ProtoString.self)
    writer.write(14, incoterm, as: Incoterm.self)
    writer.writeMessage(13, paidAmount)
    writer.writeMessage(12, balanceAmount)
    writer.writeMessage(11, depositAmount)
    writer.write(10, depositPercent, as: ProtoInt32.self)
    writer.writeMessage(9, subtotal)
    writer.write(8, currencyCode, as: ProtoString.self)
    writer.writeRepeatedMessages(7, lines)
    writer.write(6, producerId, as: ProtoString.self)
    writer.write(5, buyerId, as: ProtoString.self)
    writer.write(4, quoteId, as: ProtoString.self)
    writer.write(3, requestId, as: ProtoString.self)
    writer.write(2, groupId, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// One line of an order: a listing at the price tier for the quantity.
public struct OrderLine: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.OrderLine"

  /// Unique within the order.
  public var lineId: String = ""
  /// The catalogue listing ordered.
  public var listingId: String = ""
  /// Snapshot of the listing's SKU (the producer's own code).
  public var sku: String = ""
  /// Snapshot of the listing title at creation.
  public var title: LocalizedText?
  /// Snapshot of the listing's HS code.
  public var hsCode: String = ""
  /// Quantity ordered.
  public var quantity: Int64 = 0
  /// The unit `quantity` counts in.
  public var unit: QuantityUnit = .unspecified
  /// The price tier (or quoted price) applied, per unit.
  public var unitPrice: Money?
  /// `quantity × unitPrice`.
  public var lineTotal: Money?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): lineId = try reader.readString()
      case (2, .lengthDelimited): listingId = try reader.readString()
      case (3, .lengthDelimited): sku = try reader.readString()
      case (4, .lengthDelimited): try reader.readMessage(into: &title)
      case (5, .lengthDelimited): hsCode = try reader.readString()
      case (6, .varint): quantity = try reader.readInt64()
      case (7, .varint): unit = try reader.readEnum(QuantityUnit.self)
      case (8, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      case (9, .lengthDelimited): try reader.readMessage(into: &lineTotal)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(9, lineTotal)
    writer.writeMessage(8, unitPrice)
    writer.write(7, unit, as: QuantityUnit.self)
    writer.write(6, quantity, as: ProtoInt64.self)
    writer.write(5, hsCode, as: ProtoString.self)
    writer.writeMessage(4, title)
    writer.write(3, sku, as: ProtoString.self)
    writer.write(2, listingId, as: ProtoString.self)
    writer.write(1, lineId, as: ProtoString.self)
  }
}

/// One recorded status change of an order.
public struct StatusChange: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.StatusChange"

  /// The status before; `.unspecified` for the creation entry.
  public var fromStatus: OrderStatus = .unspecified
  /// The status after.
  public var toStatus: OrderStatus = .unspecified
  /// Who made the change.
  public var by: Actor?
  /// When.
  public var at: ProtoTimestamp?
  /// Free text given with the change.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): fromStatus = try reader.readEnum(OrderStatus.self)
      case (2, .varint): toStatus = try reader.readEnum(OrderStatus.self)
      case (3, .lengthDelimited): try reader.readMessage(into: &by)
      case (4, .lengthDelimited): try reader.readMessage(into: &at)
      case (5, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(5, note, as: ProtoString.self)
    writer.writeMessage(4, at)
    writer.writeMessage(3, by)
    writer.write(2, toStatus, as: OrderStatus.self)
    writer.write(1, fromStatus, as: OrderStatus.self)
  }
}

/// A payment recorded against an order.
public struct Payment: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.Payment"

  /// The payment id.
  public var id: String = ""
  /// Deposit, balance or refund.
  public var kind: PaymentKind = .unspecified
  /// Positive, in the order's currency (refunds too).
  public var amount: Money?
  /// Bank transfer or letter-of-credit reference.
  public var reference: String = ""
  /// When the money moved.
  public var paidAt: ProtoTimestamp?
  /// Who recorded it.
  public var recordedBy: Actor?
  /// When it was recorded.
  public var recordedAt: ProtoTimestamp?
  /// Free text given with it.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .varint): kind = try reader.readEnum(PaymentKind.self)
      case (3, .lengthDelimited): try reader.readMessage(into: &amount)
      case (4, .lengthDelimited): reference = try reader.readString()
      case (5, .lengthDelimited): try reader.readMessage(into: &paidAt)
      case (6, .lengthDelimited): try reader.readMessage(into: &recordedBy)
      case (7, .lengthDelimited): try reader.readMessage(into: &recordedAt)
      case (8, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(8, note, as: ProtoString.self)
    writer.writeMessage(7, recordedAt)
    writer.writeMessage(6, recordedBy)
    writer.writeMessage(5, paidAt)
    writer.write(4, reference, as: ProtoString.self)
    writer.writeMessage(3, amount)
    writer.write(2, kind, as: PaymentKind.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// A dispute on an order, open or resolved.
public struct Dispute: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.Dispute"

  /// The party that opened it.
  public var openedBy: Actor?
  /// When it was opened.
  public var openedAt: ProtoTimestamp?
  /// Why it was opened.
  public var reason: String = ""
  /// Where the order stood when the dispute opened.
  public var statusBefore: OrderStatus = .unspecified
  /// The admin who resolved it; absent while open.
  public var resolvedBy: Actor?
  /// When it was resolved; absent while open.
  public var resolvedAt: ProtoTimestamp?
  /// How it was resolved.
  public var resolution: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &openedBy)
      case (2, .lengthDelimited): try reader.readMessage(into: &openedAt)
      case (3, .lengthDelimited): reason = try reader.readString()
      case (4, .varint): statusBefore = try reader.readEnum(OrderStatus.self)
      case (5, .lengthDelimited): try reader.readMessage(into: &resolvedBy)
      case (6, .lengthDelimited): try reader.readMessage(into: &resolvedAt)
      case (7, .lengthDelimited): resolution = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(7, resolution, as: ProtoString.self)
    writer.writeMessage(6, resolvedAt)
    writer.writeMessage(5, resolvedBy)
    writer.write(4, statusBefore, as: OrderStatus.self)
    writer.write(3, reason, as: ProtoString.self)
    writer.writeMessage(2, openedAt)
    writer.writeMessage(1, openedBy)
  }
}

/// The orders of one purchase: one order per producer, created by one `CreateOrder` call.
public struct OrderGroup: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.OrderGroup"

  /// The group id.
  public var id: String = ""
  /// The `CreateOrder` request id that created it.
  public var requestId: String = ""
  /// The buyer.
  public var buyerId: String = ""
  /// The orders of the group, one per producer.
  public var orderIds: [String] = []
  /// The catalogue village all producers belong to; empty if several.
  public var villageId: String = ""
  /// Sum of the orders' subtotals.
  public var total: Money?
  /// When the group was created.
  public var createdAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): requestId = try reader.readString()
      case (3, .lengthDelimited): buyerId = try reader.readString()
      case (4, .lengthDelimited): try reader.readRepeated(tag, into: &orderIds, as: ProtoString.self)
      case (5, .lengthDelimited): villageId = try reader.readString()
      case (6, .lengthDelimited): try reader.readMessage(into: &total)
      case (7, .lengthDelimited): try reader.readMessage(into: &createdAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(7, createdAt)
    writer.writeMessage(6, total)
    writer.write(5, villageId, as: ProtoString.self)
    writer.writeRepeated(4, orderIds, as: ProtoString.self)
    writer.write(3, buyerId, as: ProtoString.self)
    writer.write(2, requestId, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

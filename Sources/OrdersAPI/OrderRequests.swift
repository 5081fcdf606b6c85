// Request and response messages of the order-creating and order-reading RPCs of
// craft.orders.v1.OrdersService, written by hand.

public import CommonAPI
public import ProtoWire

/// `CreateOrder`: the orders of one purchase, created idempotently by `requestId`.
public struct CreateOrderRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.CreateOrderRequest"

  /// What to order: an accepted quote, or lines on listings.
  public enum Source: Hashable, Sendable {
    /// An accepted quote of the caller's (one order).
    case quoteId(String)
    /// Lines on listings, possibly of several producers (one order per producer).
    case items(OrderItems)
  }

  /// Chosen by the client (e.g. a UUID), unique per buyer; a retry reuses it. Required.
  public var requestId: String = ""
  /// What to order.
  public var source: Source?
  /// Only for admins ordering on a buyer's behalf; otherwise the caller's buyer id.
  public var buyerId: String = ""
  /// The incoterm wanted (items only; a quote carries its own terms).
  public var incoterm: Incoterm = .unspecified
  /// The named port or place for the incoterm (items only).
  public var port: String = ""
  /// ISO 4217 code; must match the listings' price currency (items only).
  public var currencyCode: String = ""
  /// The buyer's note for the producers.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): requestId = try reader.readString()
      case (2, .lengthDelimited): source = .quoteId(try reader.readString())
      case (3, .lengthDelimited):
        var value: OrderItems
        if case .items(let existing) = source { value = existing } else { value = OrderItems() }
        try reader.readMessage(into: &value)
        source = .items(value)
      case (4, .lengthDelimited): buyerId = try reader.readString()
      case (5, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (6, .lengthDelimited): port = try reader.readString()
      case (7, .lengthDelimited): currencyCode = try reader.readString()
      case (8, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(8, note, as: ProtoString.self)
    writer.write(7, currencyCode, as: ProtoString.self)
    writer.write(6, port, as: ProtoString.self)
    writer.write(5, incoterm, as: Incoterm.self)
    writer.write(4, buyerId, as: ProtoString.self)
    if case .items(let value) = source { writer.writeMessage(3, value) }
    if case .quoteId(let value) = source { writer.write(2, Optional(value), as: ProtoString.self) }
    writer.write(1, requestId, as: ProtoString.self)
  }
}

/// The lines of an order request, one per listing.
public struct OrderItems: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.OrderItems"

  /// The requested lines.
  public var items: [OrderItem] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(items: [OrderItem]) {
    self.items = items
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &items)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, items)
  }
}

/// One requested line; the server fills in title, SKU, price tier and totals from the catalogue.
public struct OrderItem: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.OrderItem"

  /// The catalogue listing.
  public var listingId: String = ""
  /// Quantity wanted; at least the listing's MOQ.
  public var quantity: Int64 = 0
  /// Must match the listing's unit; `.unspecified` means the listing's unit.
  public var unit: QuantityUnit = .unspecified
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(listingId: String, quantity: Int64, unit: QuantityUnit = .unspecified) {
    self.listingId = listingId
    self.quantity = quantity
    self.unit = unit
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): listingId = try reader.readString()
      case (2, .varint): quantity = try reader.readInt64()
      case (3, .varint): unit = try reader.readEnum(QuantityUnit.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, unit, as: QuantityUnit.self)
    writer.write(2, quantity, as: ProtoInt64.self)
    writer.write(1, listingId, as: ProtoString.self)
  }
}

/// The result of `CreateOrder` (the same on a retry with the same request id).
public struct CreateOrderResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.CreateOrderResponse"

  /// The group of the purchase.
  public var group: OrderGroup?
  /// Its orders, in the order of `group.orderIds`.
  public var orders: [Order] = []
  /// True when the request id had been seen and nothing new was created.
  public var replayed: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &group)
      case (2, .lengthDelimited): try reader.appendMessage(to: &orders)
      case (3, .varint): replayed = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, replayed, as: ProtoBool.self)
    writer.writeRepeatedMessages(2, orders)
    writer.writeMessage(1, group)
  }
}

/// `GetOrder`: one order by id.
public struct GetOrderRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.GetOrderRequest"

  /// The order id.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(id: String) {
    self.id = id
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// `GetOrderGroup`: one order group by id.
public struct GetOrderGroupRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.GetOrderGroupRequest"

  /// The order group id.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(id: String) {
    self.id = id
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// An order group and its orders (those the caller may see).
public struct GetOrderGroupResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.GetOrderGroupResponse"

  /// The group.
  public var group: OrderGroup?
  /// Its orders the caller may see.
  public var orders: [Order] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &group)
      case (2, .lengthDelimited): try reader.appendMessage(to: &orders)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(2, orders)
    writer.writeMessage(1, group)
  }
}

/// `ListOrders`: empty filters match everything the caller may see; newest first.
public struct ListOrdersRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.ListOrdersRequest"

  /// Only orders of this buyer; empty means any.
  public var buyerId: String = ""
  /// Only orders of this producer; empty means any.
  public var producerId: String = ""
  /// Only orders of this group; empty means any.
  public var groupId: String = ""
  /// Only orders in these statuses; empty means any status.
  public var statuses: [OrderStatus] = []
  /// Page size; 0 means the server default.
  public var pageSize: Int32 = 0
  /// Opaque token from a previous response; empty means the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .lengthDelimited): producerId = try reader.readString()
      case (3, .lengthDelimited): groupId = try reader.readString()
      case (4, .varint), (4, .lengthDelimited):
        try reader.readRepeated(tag, into: &statuses, as: OrderStatus.self)
      case (5, .varint): pageSize = try reader.readInt32()
      case (6, .lengthDelimited): pageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, pageToken, as: ProtoString.self)
    writer.write(5, pageSize, as: ProtoInt32.self)
    writer.writeRepeated(4, statuses, as: OrderStatus.self)
    writer.write(3, groupId, as: ProtoString.self)
    writer.write(2, producerId, as: ProtoString.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// A page of orders.
public struct ListOrdersResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.ListOrdersResponse"

  /// The orders of this page.
  public var orders: [Order] = []
  /// Token for the next page; empty when there are no more.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &orders)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, orders)
  }
}

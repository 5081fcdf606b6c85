// Feed messages of craft.orders.v1.OrdersService (WatchOrderEvents, WatchOrder), written by hand.

public import CommonAPI
public import ProtoWire

/// One entry of the orders feed. Quote events carry the quote; order events carry the order.
public struct OrderEvent: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.OrderEvent"

  /// The quote or order as it stood just after the event.
  public enum Snapshot: Hashable, Sendable {
    /// The order, for order events.
    case order(Order)
    /// The quote, for quote events.
    case quote(Quote)
  }

  /// Strictly increasing across the whole feed; resume with `afterSeq`.
  public var seq: UInt64 = 0
  /// When it happened.
  public var at: ProtoTimestamp?
  /// What happened.
  public var type: OrderEventType = .unspecified
  /// Who caused it (the system for expiry).
  public var actor: Actor?
  /// The order; empty for quote events before an order exists.
  public var orderId: String = ""
  /// The order's group.
  public var groupId: String = ""
  /// The quote concerned, or the quote the order came from.
  public var quoteId: String = ""
  /// The buyer.
  public var buyerId: String = ""
  /// The producer.
  public var producerId: String = ""
  /// The status before, for status changes; `.unspecified` otherwise.
  public var fromStatus: OrderStatus = .unspecified
  /// The status after, for order creation and status changes.
  public var toStatus: OrderStatus = .unspecified
  /// Free text given with the change.
  public var note: String = ""
  /// The quote or order as it stood just after the event.
  public var snapshot: Snapshot?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): seq = try reader.readUInt64()
      case (2, .lengthDelimited): try reader.readMessage(into: &at)
      case (3, .varint): type = try reader.readEnum(OrderEventType.self)
      case (4, .lengthDelimited): try reader.readMessage(into: &actor)
      case (5, .lengthDelimited): orderId = try reader.readString()
      case (6, .lengthDelimited): groupId = try reader.readString()
      case (7, .lengthDelimited): quoteId = try reader.readString()
      case (8, .lengthDelimited): buyerId = try reader.readString()
      case (9, .lengthDelimited): producerId = try reader.readString()
      case (10, .varint): fromStatus = try reader.readEnum(OrderStatus.self)
      case (11, .varint): toStatus = try reader.readEnum(OrderStatus.self)
      case (12, .lengthDelimited): note = try reader.readString()
      case (13, .lengthDelimited):
        var value: Order
        if case .order(let existing) = snapshot { value = existing } else { value = Order() }
        try reader.readMessage(into: &value)
        snapshot = .order(value)
      case (14, .lengthDelimited):
        var value: Quote
        if case .quote(let existing) = snapshot { value = existing } else { value = Quote() }
        try reader.readMessage(into: &value)
        snapshot = .quote(value)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    if case .quote(let value) = snapshot { writer.writeMessage(14, value) }
    if case .order(let value) = snapshot { writer.writeMessage(13, value) }
    writer.write(12, note, as: ProtoString.self)
    writer.write(11, toStatus, as: OrderStatus.self)
    writer.write(10, fromStatus, as: OrderStatus.self)
    writer.write(9, producerId, as: ProtoString.self)
    writer.write(8, buyerId, as: ProtoString.self)
    writer.write(7, quoteId, as: ProtoString.self)
    writer.write(6, groupId, as: ProtoString.self)
    writer.write(5, orderId, as: ProtoString.self)
    writer.writeMessage(4, actor)
    writer.write(3, type, as: OrderEventType.self)
    writer.writeMessage(2, at)
    writer.write(1, seq, as: ProtoUInt64.self)
  }
}

/// `WatchOrderEvents`: the feed after `afterSeq`, then live events. Buyers and producers see only
/// their own events; analysts, admins and the system see all.
public struct WatchOrderEventsRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.WatchOrderEventsRequest"

  /// Send events whose seq is strictly greater; 0 means from the beginning; greater than the
  /// newest seq fails with `OUT_OF_RANGE`.
  public var afterSeq: UInt64 = 0
  /// Only events of this buyer; empty means any.
  public var buyerId: String = ""
  /// Only events of this producer; empty means any.
  public var producerId: String = ""
  /// Only events of these types; empty means every type.
  public var types: [OrderEventType] = []
  /// End the stream once the stored events are sent, instead of following live events.
  public var untilCaughtUp: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): afterSeq = try reader.readUInt64()
      case (2, .lengthDelimited): buyerId = try reader.readString()
      case (3, .lengthDelimited): producerId = try reader.readString()
      case (4, .varint), (4, .lengthDelimited):
        try reader.readRepeated(tag, into: &types, as: OrderEventType.self)
      case (5, .varint): untilCaughtUp = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(5, untilCaughtUp, as: ProtoBool.self)
    writer.writeRepeated(4, types, as: OrderEventType.self)
    writer.write(3, producerId, as: ProtoString.self)
    writer.write(2, buyerId, as: ProtoString.self)
    writer.write(1, afterSeq, as: ProtoUInt64.self)
  }
}

/// `WatchOrder`: the events of one order after `afterSeq`, then live ones until it completes or
/// is cancelled.
public struct WatchOrderRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.WatchOrderRequest"

  /// The order followed.
  public var orderId: String = ""
  /// Send events whose seq is strictly greater; 0 means the order's whole history.
  public var afterSeq: UInt64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): afterSeq = try reader.readUInt64()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, afterSeq, as: ProtoUInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

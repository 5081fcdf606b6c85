// Request messages of the order-changing RPCs of craft.orders.v1.OrdersService, written by hand.
// Each carries the version the caller read: a different stored version fails with `ABORTED`.

public import CommonAPI
public import ProtoWire

/// `TransitionOrder`: moves an order along its main path (see `OrderStatus`).
public struct TransitionOrderRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.TransitionOrderRequest"

  /// The order moved.
  public var orderId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// The status to move to.
  public var targetStatus: OrderStatus = .unspecified
  /// Free text recorded in the history.
  public var note: String = ""
  /// Required when `targetStatus` is `.shipped`.
  public var billOfLadingNumber: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .varint): targetStatus = try reader.readEnum(OrderStatus.self)
      case (4, .lengthDelimited): note = try reader.readString()
      case (5, .lengthDelimited): billOfLadingNumber = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(5, billOfLadingNumber, as: ProtoString.self)
    writer.write(4, note, as: ProtoString.self)
    writer.write(3, targetStatus, as: OrderStatus.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

/// `RecordPayment`: by the producer (the payee) or an admin; updates the payment status only.
public struct RecordPaymentRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.RecordPaymentRequest"

  /// The order paid.
  public var orderId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// Deposit, balance or refund.
  public var kind: PaymentKind = .unspecified
  /// Positive, in the order's currency.
  public var amount: Money?
  /// Bank transfer or letter-of-credit reference.
  public var reference: String = ""
  /// When the money moved; absent means now.
  public var paidAt: ProtoTimestamp?
  /// Free text recorded with the payment.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .varint): kind = try reader.readEnum(PaymentKind.self)
      case (4, .lengthDelimited): try reader.readMessage(into: &amount)
      case (5, .lengthDelimited): reference = try reader.readString()
      case (6, .lengthDelimited): try reader.readMessage(into: &paidAt)
      case (7, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(7, note, as: ProtoString.self)
    writer.writeMessage(6, paidAt)
    writer.write(5, reference, as: ProtoString.self)
    writer.writeMessage(4, amount)
    writer.write(3, kind, as: PaymentKind.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

/// `ConfirmDelivery`: by the buyer or an admin, once shipped.
public struct ConfirmDeliveryRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.ConfirmDeliveryRequest"

  /// The order delivered.
  public var orderId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// When the goods arrived; absent means now.
  public var deliveredAt: ProtoTimestamp?
  /// Free text recorded with the delivery.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): try reader.readMessage(into: &deliveredAt)
      case (4, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(4, note, as: ProtoString.self)
    writer.writeMessage(3, deliveredAt)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

/// `CancelOrder`: ends an order as cancelled (see `OrderStatus` for who may, from where).
public struct CancelOrderRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.CancelOrderRequest"

  /// The order cancelled.
  public var orderId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// Why, recorded in the history.
  public var reason: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): reason = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, reason, as: ProtoString.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

/// `OpenDispute`: a buyer or producer disputes an order in progress.
public struct OpenDisputeRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.OpenDisputeRequest"

  /// The order disputed.
  public var orderId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// Why, recorded in the dispute and the history.
  public var reason: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): reason = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, reason, as: ProtoString.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

/// `ResolveDispute` (admin only): resumes a disputed order or ends it.
public struct ResolveDisputeRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.ResolveDisputeRequest"

  /// The disputed order.
  public var orderId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// The dispute's `statusBefore`, `.completed` or `.cancelled`.
  public var resumeStatus: OrderStatus = .unspecified
  /// How it was resolved, recorded in the dispute and the history.
  public var resolution: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): orderId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .varint): resumeStatus = try reader.readEnum(OrderStatus.self)
      case (4, .lengthDelimited): resolution = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(4, resolution, as: ProtoString.self)
    writer.write(3, resumeStatus, as: OrderStatus.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, orderId, as: ProtoString.self)
  }
}

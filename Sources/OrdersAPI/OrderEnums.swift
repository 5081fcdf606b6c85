// Order enums of craft/orders/v1/orders.proto, written by hand. Open enums: values this build
// does not name are kept (and re-encoded) as their number.

public import ProtoWire

/// The main state machine of an order. Moves (`TransitionOrder` unless noted), and who makes them:
///
///     draft          → confirmed (producer)
///     confirmed      → depositPending (producer, deposit invoice sent);
///                      inProduction (producer, only when depositPercent is 0)
///     depositPending → inProduction (producer; needs payment status depositPaid or later)
///     inProduction   → readyToShip (producer)
///     readyToShip    → shipped (producer; needs billOfLadingNumber)
///     shipped        → balancePending (producer, shipping documents presented);
///                      completed (producer or admin, when already paidInFull)
///     balancePending → completed (producer or admin; needs paidInFull)
///
/// `CancelOrder`: from draft, confirmed, depositPending by buyer, producer or admin; from
/// inProduction and readyToShip by admin only. `OpenDispute`: from inProduction through
/// balancePending, by buyer or producer. `ResolveDispute` (admin): disputed → the status before
/// the dispute, completed or cancelled. Admins may make any move a party may make; completed and
/// cancelled are final.
public struct OrderStatus: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A status from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = OrderStatus(rawValue: 0)
  /// Created from lines, awaiting the producer's confirmation.
  public static let draft = OrderStatus(rawValue: 1)
  /// Terms agreed (orders from an accepted quote start here).
  public static let confirmed = OrderStatus(rawValue: 2)
  /// Deposit invoiced, not yet paid.
  public static let depositPending = OrderStatus(rawValue: 3)
  /// Being made.
  public static let inProduction = OrderStatus(rawValue: 4)
  /// Made and packed.
  public static let readyToShip = OrderStatus(rawValue: 5)
  /// Handed to the carrier; bill of lading issued.
  public static let shipped = OrderStatus(rawValue: 6)
  /// Balance due against the shipping documents.
  public static let balancePending = OrderStatus(rawValue: 7)
  /// Paid and shipped (final).
  public static let completed = OrderStatus(rawValue: 8)
  /// Cancelled (final).
  public static let cancelled = OrderStatus(rawValue: 9)
  /// A party opened a dispute; an admin resolves it.
  public static let disputed = OrderStatus(rawValue: 10)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "ORDER_STATUS_UNSPECIFIED"
    case 1: "ORDER_STATUS_DRAFT"
    case 2: "ORDER_STATUS_CONFIRMED"
    case 3: "ORDER_STATUS_DEPOSIT_PENDING"
    case 4: "ORDER_STATUS_IN_PRODUCTION"
    case 5: "ORDER_STATUS_READY_TO_SHIP"
    case 6: "ORDER_STATUS_SHIPPED"
    case 7: "ORDER_STATUS_BALANCE_PENDING"
    case 8: "ORDER_STATUS_COMPLETED"
    case 9: "ORDER_STATUS_CANCELLED"
    case 10: "ORDER_STATUS_DISPUTED"
    default: String(rawValue)
    }
  }
}

/// Money received for an order, tracked apart from the order status.
public struct PaymentStatus: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A status from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = PaymentStatus(rawValue: 0)
  /// Nothing received.
  public static let unpaid = PaymentStatus(rawValue: 1)
  /// Payments cover the deposit amount.
  public static let depositPaid = PaymentStatus(rawValue: 2)
  /// Payments cover the subtotal.
  public static let paidInFull = PaymentStatus(rawValue: 3)
  /// Part of what was paid was returned.
  public static let partiallyRefunded = PaymentStatus(rawValue: 4)
  /// Everything paid was returned.
  public static let refunded = PaymentStatus(rawValue: 5)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "PAYMENT_STATUS_UNSPECIFIED"
    case 1: "PAYMENT_STATUS_UNPAID"
    case 2: "PAYMENT_STATUS_DEPOSIT_PAID"
    case 3: "PAYMENT_STATUS_PAID_IN_FULL"
    case 4: "PAYMENT_STATUS_PARTIALLY_REFUNDED"
    case 5: "PAYMENT_STATUS_REFUNDED"
    default: String(rawValue)
    }
  }
}

/// The goods of an order, tracked apart from the order status.
public struct FulfilmentStatus: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A status from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = FulfilmentStatus(rawValue: 0)
  /// Production has not started.
  public static let unfulfilled = FulfilmentStatus(rawValue: 1)
  /// Being made.
  public static let inProduction = FulfilmentStatus(rawValue: 2)
  /// Packed, ready to ship.
  public static let ready = FulfilmentStatus(rawValue: 3)
  /// Handed to the carrier; bill of lading issued.
  public static let shipped = FulfilmentStatus(rawValue: 4)
  /// The buyer confirmed arrival.
  public static let delivered = FulfilmentStatus(rawValue: 5)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "FULFILMENT_STATUS_UNSPECIFIED"
    case 1: "FULFILMENT_STATUS_UNFULFILLED"
    case 2: "FULFILMENT_STATUS_IN_PRODUCTION"
    case 3: "FULFILMENT_STATUS_READY"
    case 4: "FULFILMENT_STATUS_SHIPPED"
    case 5: "FULFILMENT_STATUS_DELIVERED"
    default: String(rawValue)
    }
  }
}

/// What a payment is for.
public struct PaymentKind: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A kind from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = PaymentKind(rawValue: 0)
  /// The deposit (typically 30%) before production.
  public static let deposit = PaymentKind(rawValue: 1)
  /// The balance, against the shipping documents.
  public static let balance = PaymentKind(rawValue: 2)
  /// Money returned to the buyer.
  public static let refund = PaymentKind(rawValue: 3)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "PAYMENT_KIND_UNSPECIFIED"
    case 1: "PAYMENT_KIND_DEPOSIT"
    case 2: "PAYMENT_KIND_BALANCE"
    case 3: "PAYMENT_KIND_REFUND"
    default: String(rawValue)
    }
  }
}

/// What happened in an `OrderEvent`.
public struct OrderEventType: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A type from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = OrderEventType(rawValue: 0)
  /// A buyer asked for a quote on a listing (`RequestQuote`).
  public static let quoteRequested = OrderEventType(rawValue: 1)
  /// A producer quoted on an RFQ (`CreateQuote`).
  public static let quoteCreated = OrderEventType(rawValue: 2)
  /// A party countered.
  public static let quoteCountered = OrderEventType(rawValue: 3)
  /// A party accepted.
  public static let quoteAccepted = OrderEventType(rawValue: 4)
  /// A party rejected.
  public static let quoteRejected = OrderEventType(rawValue: 5)
  /// The quote expired (actor: the system).
  public static let quoteExpired = OrderEventType(rawValue: 6)
  /// A party withdrew its offer.
  public static let quoteWithdrawn = OrderEventType(rawValue: 7)
  /// An order was created.
  public static let orderCreated = OrderEventType(rawValue: 8)
  /// An order changed status (cancellation, dispute and its resolution included).
  public static let orderStatusChanged = OrderEventType(rawValue: 9)
  /// A payment was recorded.
  public static let paymentRecorded = OrderEventType(rawValue: 10)
  /// The buyer confirmed delivery.
  public static let deliveryConfirmed = OrderEventType(rawValue: 11)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "ORDER_EVENT_TYPE_UNSPECIFIED"
    case 1: "ORDER_EVENT_TYPE_QUOTE_REQUESTED"
    case 2: "ORDER_EVENT_TYPE_QUOTE_CREATED"
    case 3: "ORDER_EVENT_TYPE_QUOTE_COUNTERED"
    case 4: "ORDER_EVENT_TYPE_QUOTE_ACCEPTED"
    case 5: "ORDER_EVENT_TYPE_QUOTE_REJECTED"
    case 6: "ORDER_EVENT_TYPE_QUOTE_EXPIRED"
    case 7: "ORDER_EVENT_TYPE_QUOTE_WITHDRAWN"
    case 8: "ORDER_EVENT_TYPE_ORDER_CREATED"
    case 9: "ORDER_EVENT_TYPE_ORDER_STATUS_CHANGED"
    case 10: "ORDER_EVENT_TYPE_PAYMENT_RECORDED"
    case 11: "ORDER_EVENT_TYPE_DELIVERY_CONFIRMED"
    default: String(rawValue)
    }
  }
}

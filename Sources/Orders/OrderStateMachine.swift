public import Auth
public import CommonAPI
public import OrdersAPI
public import ProtoWire

/// Who a caller is to one quote or order: the decisions of the state machines depend on this,
/// not on the raw role.
public enum TradeParty: Sendable, Hashable {
  /// The order's or quote's buyer.
  case buyer
  /// The order's or quote's producer.
  case producer
  /// An admin or the platform: may make any move a party may make (and resolve disputes).
  case admin
  /// Anyone else (another buyer or producer, an analyst, nobody).
  case outsider

  /// `caller`'s relation to the quote or order between `buyerID` and `producerID`.
  public static func of(_ caller: Caller, buyerID: String, producerID: String) -> TradeParty {
    if caller.isPrivileged { return .admin }
    if caller.role == .buyer && !caller.id.isEmpty && caller.id == buyerID { return .buyer }
    if caller.role == .producer && !caller.id.isEmpty && caller.id == producerID { return .producer }
    return .outsider
  }
}

/// A move on an order, as the RPCs request them.
public enum OrderMove: Sendable, Hashable {
  /// `TransitionOrder` along the main path.
  case transition(to: OrderStatus, billOfLadingNumber: String)
  /// `CancelOrder`.
  case cancel
  /// `OpenDispute`.
  case openDispute
  /// `ResolveDispute` back to `resume` (the status before, completed or cancelled).
  case resolveDispute(resume: OrderStatus)
}

/// The order state machine of orders.proto, pure: which move is allowed from which status, by
/// whom, and on which payment facts. Nothing here touches storage, so every allowed and every
/// forbidden move is testable as a table.
///
/// The order of checks is fixed, so errors are predictable: an outsider gets
/// `PERMISSION_DENIED` whatever the state; then a move the current status does not allow gets
/// `FAILED_PRECONDITION` naming the status; then a party making the other party's move gets
/// `PERMISSION_DENIED`; then missing facts (deposit not paid, no bill of lading) get
/// `FAILED_PRECONDITION` / `INVALID_ARGUMENT`.
public enum OrderStateMachine {
  /// One edge of the main path and the party that walks it (admins may walk every edge).
  public struct Edge: Sendable, Hashable {
    public var from: OrderStatus
    public var to: OrderStatus
  }

  /// The main path (`TransitionOrder`): every edge is the producer's to walk.
  public static let mainPath: [Edge] = [
    Edge(from: .draft, to: .confirmed),
    Edge(from: .confirmed, to: .depositPending),
    Edge(from: .confirmed, to: .inProduction),
    Edge(from: .depositPending, to: .inProduction),
    Edge(from: .inProduction, to: .readyToShip),
    Edge(from: .readyToShip, to: .shipped),
    Edge(from: .shipped, to: .balancePending),
    Edge(from: .shipped, to: .completed),
    Edge(from: .balancePending, to: .completed),
  ]

  /// Statuses any party (buyer, producer) may cancel from.
  public static let cancellableByParties: Set<OrderStatus> = [.draft, .confirmed, .depositPending]
  /// Statuses only an admin may cancel from.
  public static let cancellableByAdmin: Set<OrderStatus> = [.inProduction, .readyToShip]
  /// Statuses a dispute may be opened from.
  public static let disputable: Set<OrderStatus> = [
    .inProduction, .readyToShip, .shipped, .balancePending,
  ]
  /// Statuses nothing leaves.
  public static let finalStatuses: Set<OrderStatus> = [.completed, .cancelled]

  /// Every status with a name, in wire order.
  public static let allStatuses: [OrderStatus] = (Int32(1)...10).map { OrderStatus(rawValue: $0) }

  /// The status `move` leads to from `order`'s, if `party` may make it now; throws why not.
  public static func target(of move: OrderMove, order: Order, by party: TradeParty)
    throws(OrdersError) -> OrderStatus
  {
    let current = order.status
    guard party != .outsider else {
      throw .permissionDenied("the caller is not a party of order \(order.id)")
    }
    switch move {
    case .transition(let target, let billOfLading):
      if target == .cancelled || target == .disputed {
        throw .invalidArgument(
          field: "target_status",
          reason: "\(target) is reached through \(target == .cancelled ? "CancelOrder" : "OpenDispute")")
      }
      guard mainPath.contains(Edge(from: current, to: target)) else {
        throw .failedPrecondition(
          "order \(order.id) is \(current); it cannot move to \(target)")
      }
      guard party == .producer || party == .admin else {
        throw .permissionDenied("only the producer may move order \(order.id) to \(target)")
      }
      switch (current, target) {
      case (.confirmed, .inProduction) where order.depositPercent != 0:
        throw .failedPrecondition(
          "order \(order.id) is \(current) with a \(order.depositPercent)% deposit; it goes to "
            + "ORDER_STATUS_DEPOSIT_PENDING first")
      case (.depositPending, .inProduction)
      where order.paymentStatus != .depositPaid && order.paymentStatus != .paidInFull:
        throw .failedPrecondition(
          "order \(order.id) is \(current) and its payment status is \(order.paymentStatus); "
            + "production starts once the deposit is paid")
      case (_, .shipped) where billOfLading.isEmpty:
        throw .invalidArgument(
          field: "bill_of_lading_number", reason: "required to move to ORDER_STATUS_SHIPPED")
      case (_, .completed) where order.paymentStatus != .paidInFull:
        throw .failedPrecondition(
          "order \(order.id) is \(current) and its payment status is \(order.paymentStatus); "
            + "it completes once PAYMENT_STATUS_PAID_IN_FULL")
      default: return target
      }

    case .cancel:
      if cancellableByParties.contains(current) { return .cancelled }
      if cancellableByAdmin.contains(current) {
        guard party == .admin else {
          throw .permissionDenied(
            "order \(order.id) is \(current); only an admin may cancel it now")
        }
        return .cancelled
      }
      throw .failedPrecondition("order \(order.id) is \(current); it cannot be cancelled")

    case .openDispute:
      guard disputable.contains(current) else {
        throw .failedPrecondition("order \(order.id) is \(current); a dispute cannot be opened")
      }
      return .disputed

    case .resolveDispute(let resume):
      guard party == .admin else {
        throw .permissionDenied("only an admin may resolve a dispute")
      }
      guard current == .disputed else {
        throw .failedPrecondition("order \(order.id) is \(current), not ORDER_STATUS_DISPUTED")
      }
      let before = order.dispute?.statusBefore ?? .unspecified
      guard resume == before || resume == .completed || resume == .cancelled else {
        throw .invalidArgument(
          field: "resume_status",
          reason: "must be the status before the dispute (\(before)), COMPLETED or CANCELLED")
      }
      return resume
    }
  }

  /// Applies an allowed move (``target(of:order:by:)`` returned `target`): status, fulfilment,
  /// dispute, history, version and timestamps.
  public static func apply(
    _ move: OrderMove, target: OrderStatus, to order: inout Order, by actor: CommonAPI.Actor,
    at time: ProtoTimestamp, note: String
  ) {
    let current = order.status
    var change = StatusChange()
    change.fromStatus = current
    change.toStatus = target
    change.by = actor
    change.at = time
    change.note = note
    order.history.append(change)
    order.status = target
    switch move {
    case .transition(_, let billOfLading):
      switch target {
      case .inProduction: order.fulfilmentStatus = .inProduction
      case .readyToShip: order.fulfilmentStatus = .ready
      case .shipped:
        order.fulfilmentStatus = .shipped
        order.billOfLadingNumber = billOfLading
        order.shippedAt = time
      default: break
      }
    case .openDispute:
      var dispute = Dispute()
      dispute.openedBy = actor
      dispute.openedAt = time
      dispute.reason = note
      dispute.statusBefore = current
      order.dispute = dispute
    case .resolveDispute:
      order.dispute?.resolvedBy = actor
      order.dispute?.resolvedAt = time
      order.dispute?.resolution = note
    case .cancel: break
    }
    order.version += 1
    order.updatedAt = time
  }
}

/// Payments against an order, pure: which payments are allowed and what they make of the
/// payment status. The payment status never changes the order status by itself.
public enum PaymentLedger {
  /// Received minus refunded, in minor units.
  public static func paidAmount(_ payments: [Payment]) -> Int64 {
    payments.reduce(0) { sum, payment in
      let amount = payment.amount?.amountMinor ?? 0
      return payment.kind == .refund ? sum - amount : sum + amount
    }
  }

  /// The payment status `payments` give an order with `subtotal` and `deposit` due.
  public static func status(payments: [Payment], subtotal: Int64, deposit: Int64) -> PaymentStatus {
    let paid = paidAmount(payments)
    let refunded = payments.contains { $0.kind == .refund }
    if refunded { return paid <= 0 ? .refunded : .partiallyRefunded }
    if paid >= subtotal && subtotal > 0 { return .paidInFull }
    if paid > 0 && paid >= deposit { return .depositPaid }
    return .unpaid
  }

  /// Checks a payment of `kind` and `amount` may be recorded on `order` now.
  public static func check(kind: PaymentKind, amount: Money, order: Order) throws(OrdersError) {
    guard kind == .deposit || kind == .balance || kind == .refund else {
      throw .invalidArgument(field: "kind", reason: "must be DEPOSIT, BALANCE or REFUND")
    }
    guard amount.amountMinor > 0 else {
      throw .invalidArgument(field: "amount.amount_minor", reason: "must be positive")
    }
    guard amount.currencyCode.uppercased() == order.currencyCode else {
      throw .invalidArgument(
        field: "amount.currency_code", reason: "the order is in \(order.currencyCode)")
    }
    let paid = paidAmount(order.payments)
    switch kind {
    case .refund:
      guard amount.amountMinor <= paid else {
        throw .failedPrecondition(
          "order \(order.id) has \(paid) received; a refund of \(amount.amountMinor) exceeds it")
      }
    default:
      guard order.status != .draft && order.status != .cancelled else {
        throw .failedPrecondition(
          "order \(order.id) is \(order.status); payments are recorded once it is confirmed")
      }
      let subtotal = order.subtotal?.amountMinor ?? 0
      guard paid + amount.amountMinor <= subtotal else {
        throw .failedPrecondition(
          "order \(order.id) has \(paid) of \(subtotal) received; \(amount.amountMinor) more "
            + "would exceed the subtotal")
      }
    }
  }
}

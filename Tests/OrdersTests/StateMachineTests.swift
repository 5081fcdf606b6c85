import CommonAPI
import Orders
import OrdersAPI
import ProtoWire
import RPCCore
import Testing

/// The order and quote state machines without I/O: every (from, to) pair, every party.
@Suite("Orders: state machines")
struct StateMachineTests {
  /// The main path as orders.proto states it, written out independently of the code.
  static let allowed: Set<[Int32]> = [
    [1, 2], [2, 3], [2, 4], [3, 4], [4, 5], [5, 6], [6, 7], [6, 8], [7, 8],
  ]

  /// An order in `status` whose payment facts satisfy every precondition of a move from it.
  static func order(_ status: OrderStatus, deposit: Int32 = 30, paid: PaymentStatus = .paidInFull)
    -> Order
  {
    var order = Order()
    order.id = "o-1"
    order.buyerId = "b-1"
    order.producerId = "p-1"
    order.status = status
    order.depositPercent = status == .confirmed ? 0 : deposit
    order.paymentStatus = paid
    var dispute = Dispute()
    dispute.statusBefore = .readyToShip
    if status == .disputed { order.dispute = dispute }
    return order
  }

  static let parties: [TradeParty] = [.buyer, .producer, .admin, .outsider]

  @Test("TransitionOrder: every allowed edge for producer and admin; every other pair refused")
  func everyTransition() throws {
    var checked = 0
    for from in OrderStateMachine.allStatuses {
      for to in OrderStateMachine.allStatuses {
        let move = OrderMove.transition(to: to, billOfLadingNumber: "HPH-123")
        for party in Self.parties {
          checked += 1
          let result = Result { () throws(OrdersError) -> OrderStatus in
            try OrderStateMachine.target(of: move, order: Self.order(from), by: party)
          }
          let label = "\(from) → \(to) by \(party)"
          if party == .outsider {
            #expect(result.code == "PERMISSION_DENIED", "\(label)")
          } else if to == .cancelled || to == .disputed {
            if case .failure(let error) = result { #expect(error.rpcError.code == .invalidArgument, "\(label)") }
            else { Issue.record("\(label) succeeded") }
          } else if Self.allowed.contains([from.rawValue, to.rawValue]) {
            if party == .buyer {
              if case .failure(let error) = result { #expect(error.rpcError.code == .permissionDenied, "\(label)") }
              else { Issue.record("\(label) succeeded") }
            } else {
              #expect(try result.get() == to, "\(label)")
            }
          } else {
            guard case .failure(let error) = result else {
              Issue.record("\(label) succeeded")
              continue
            }
            #expect(error.rpcError.code == .failedPrecondition, "\(label)")
            #expect(error.reason.contains(from.description), "\(label): \(error.reason)")
          }
        }
      }
    }
    #expect(checked == 10 * 10 * 4)
  }

  @Test("preconditions: deposit, payment, bill of lading")
  func preconditions() throws {
    func code(_ order: Order, _ move: OrderMove) -> String? {
      Result { () throws(OrdersError) -> OrderStatus in
        try OrderStateMachine.target(of: move, order: order, by: .producer)
      }.code
    }
    var confirmed = Self.order(.confirmed)
    confirmed.depositPercent = 30
    #expect(code(confirmed, .transition(to: .inProduction, billOfLadingNumber: "")) == "FAILED_PRECONDITION")
    confirmed.depositPercent = 0
    #expect(code(confirmed, .transition(to: .inProduction, billOfLadingNumber: "")) == nil)

    for (paid, ok) in [(PaymentStatus.unpaid, false), (.depositPaid, true), (.paidInFull, true)] {
      let order = Self.order(.depositPending, paid: paid)
      #expect((code(order, .transition(to: .inProduction, billOfLadingNumber: "")) == nil) == ok, "\(paid)")
    }
    #expect(code(Self.order(.readyToShip), .transition(to: .shipped, billOfLadingNumber: "")) == "INVALID_ARGUMENT")
    for from in [OrderStatus.shipped, .balancePending] {
      for (paid, ok) in [(PaymentStatus.depositPaid, false), (.paidInFull, true)] {
        let order = Self.order(from, paid: paid)
        #expect((code(order, .transition(to: .completed, billOfLadingNumber: "")) == nil) == ok, "\(from) \(paid)")
      }
    }
  }

  @Test("CancelOrder: parties early, admin only in production, never from final or shipped")
  func everyCancel() {
    for status in OrderStateMachine.allStatuses {
      for party in Self.parties {
        let outcome = Result { () throws(OrdersError) -> OrderStatus in
          try OrderStateMachine.target(of: .cancel, order: Self.order(status), by: party)
        }
        let expected: String? =
          switch (status.rawValue, party) {
          case (_, .outsider): "PERMISSION_DENIED"
          case (1...3, _): nil
          case (4...5, .admin): nil
          case (4...5, _): "PERMISSION_DENIED"
          default: "FAILED_PRECONDITION"
          }
        #expect(outcome.code == expected, "cancel from \(status) by \(party)")
        if expected == nil { #expect((try? outcome.get()) == .cancelled) }
      }
    }
  }

  @Test("OpenDispute: from in production through balance pending, by either party")
  func everyDispute() {
    for status in OrderStateMachine.allStatuses {
      for party in Self.parties {
        let outcome = Result { () throws(OrdersError) -> OrderStatus in
          try OrderStateMachine.target(of: .openDispute, order: Self.order(status), by: party)
        }
        let expected: String? =
          switch (status.rawValue, party) {
          case (_, .outsider): "PERMISSION_DENIED"
          case (4...7, _): nil
          default: "FAILED_PRECONDITION"
          }
        #expect(outcome.code == expected, "dispute from \(status) by \(party)")
      }
    }
  }

  @Test("ResolveDispute: admin only, back to the status before, completed or cancelled")
  func everyResolution() {
    for resume in OrderStateMachine.allStatuses {
      for party in Self.parties {
        let outcome = Result { () throws(OrdersError) -> OrderStatus in
          try OrderStateMachine.target(
            of: .resolveDispute(resume: resume), order: Self.order(.disputed), by: party)
        }
        let expected: String? =
          switch (party, resume) {
          case (.admin, .readyToShip), (.admin, .completed), (.admin, .cancelled): nil
          case (.admin, _): "INVALID_ARGUMENT"
          default: "PERMISSION_DENIED"
          }
        #expect(outcome.code == expected, "resolve to \(resume) by \(party)")
      }
    }
    let notDisputed = Result { () throws(OrdersError) -> OrderStatus in
      try OrderStateMachine.target(
        of: .resolveDispute(resume: .completed), order: Self.order(.shipped), by: .admin)
    }
    #expect(notDisputed.code == "FAILED_PRECONDITION")
  }

  @Test("apply records who, when, from, to and note, and moves fulfilment apart from status")
  func applyRecordsHistory() throws {
    var order = Self.order(.readyToShip)
    order.version = 4
    let actor = CommonAPI.Actor(role: .producer, id: "p-1")
    let time = ProtoTimestamp(seconds: 1_780_000_000, nanos: 0)
    let move = OrderMove.transition(to: .shipped, billOfLadingNumber: "HPH-42")
    let target = try OrderStateMachine.target(of: move, order: order, by: .producer)
    OrderStateMachine.apply(move, target: target, to: &order, by: actor, at: time, note: "on the MSC Anna")
    #expect(order.status == .shipped)
    #expect(order.fulfilmentStatus == .shipped)
    #expect(order.billOfLadingNumber == "HPH-42")
    #expect(order.shippedAt == time)
    #expect(order.version == 5)
    let change = try #require(order.history.last)
    #expect(change.fromStatus == .readyToShip && change.toStatus == .shipped)
    #expect(change.by == actor && change.at == time && change.note == "on the MSC Anna")
  }

  @Test("payment status follows payments: deposit, full, refunds")
  func paymentStatus() {
    func pay(_ kind: PaymentKind, _ amount: Int64) -> Payment {
      var payment = Payment()
      payment.kind = kind
      payment.amount = Money(amountMinor: amount, currencyCode: "USD")
      return payment
    }
    #expect(PaymentLedger.status(payments: [], subtotal: 1000, deposit: 300) == .unpaid)
    #expect(PaymentLedger.status(payments: [pay(.deposit, 200)], subtotal: 1000, deposit: 300) == .unpaid)
    #expect(PaymentLedger.status(payments: [pay(.deposit, 300)], subtotal: 1000, deposit: 300) == .depositPaid)
    #expect(
      PaymentLedger.status(payments: [pay(.deposit, 300), pay(.balance, 700)], subtotal: 1000, deposit: 300)
        == .paidInFull)
    #expect(
      PaymentLedger.status(payments: [pay(.deposit, 300), pay(.refund, 100)], subtotal: 1000, deposit: 300)
        == .partiallyRefunded)
    #expect(
      PaymentLedger.status(payments: [pay(.deposit, 300), pay(.refund, 300)], subtotal: 1000, deposit: 300)
        == .refunded)
    #expect(OrderDrafting.depositAmount(subtotal: 1001, percent: 30) == 301)  // 300.3 rounded up
    #expect(OrderDrafting.depositAmount(subtotal: 1000, percent: 30) == 300)
  }

  @Test("quotes: turns, who may move, final states")
  func quoteMoves() {
    for status in (Int32(1)...6).map(QuoteStatus.init(rawValue:)) {
      var quote = Quote()
      quote.id = "q-1"
      quote.status = status
      quote.unitPrice = Money(amountMinor: 100, currencyCode: "USD")
      for move in [QuoteMove.counter, .accept, .reject, .withdraw] {
        for party in Self.parties {
          let outcome = Result { () throws(OrdersError) -> QuoteStatus in
            try QuoteStateMachine.target(of: move, quote: quote, by: party)
          }
          let turn: TradeParty? =
            status == .pendingProducer ? .producer : status == .pendingBuyer ? .buyer : nil
          let expected: String? =
            if party == .outsider { "PERMISSION_DENIED" }
            else if turn == nil { "FAILED_PRECONDITION" }
            else if party == .admin { nil }
            else if move == .withdraw { party == turn ? "PERMISSION_DENIED" : nil }
            else { party == turn ? nil : "PERMISSION_DENIED" }
          #expect(outcome.code == expected, "\(move) on \(status) by \(party)")
        }
      }
    }
    var unpriced = Quote()
    unpriced.status = .pendingProducer
    let accept = Result { () throws(OrdersError) -> QuoteStatus in
      try QuoteStateMachine.target(of: .accept, quote: unpriced, by: .producer)
    }
    #expect(accept.code == "FAILED_PRECONDITION")
  }
}

extension Result where Failure == OrdersError {
  /// The status name of the failure, nil on success.
  var code: String? {
    if case .failure(let error) = self { return error.rpcError.code.description }
    return nil
  }
}

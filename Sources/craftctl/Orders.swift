import ArgumentParser
import CommonAPI
import CraftCLI
import Foundation
import OrdersAPI
import RPCCore

/// `craftctl orders …`: quotes and orders from the command line.
struct OrdersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orders",
    abstract: "Quotes and orders: negotiate, order, move an order along, show its history.",
    discussion: """
      A walk: the buyer asks (`orders quote request`), the producer prices it (`orders quote \
      counter --price`), the buyer accepts (`orders accept`) and orders (`orders create --quote`), \
      the producer moves it along (`orders advance ID STEP`), `orders show ID` prints the history.
      Errors: a move the state forbids → exit 19 (FAILED_PRECONDITION, the message names the \
      current state); a stale --version → 20 (ABORTED); the other party's move → 17 \
      (PERMISSION_DENIED).
      """,
    subcommands: [
      QuoteCommand.self, AcceptQuote.self, RejectQuote.self, Create.self, Advance.self,
      Cancel.self, Dispute.self, Resolve.self, Show.self, List.self,
    ])

  /// One line for people after a move: where the order stands now.
  static func summary(_ order: Order) -> String {
    "order \(order.id) is \(order.status.shortName) (payment \(order.paymentStatus.shortName), "
      + "fulfilment \(order.fulfilmentStatus.shortName), paid \(MoneyText.format(order.paidAmount ?? Money())), "
      + "version \(order.version))\n"
  }

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create an order from an accepted quote or from lines (buyer token), idempotently.",
      discussion: """
        From lines, one order per producer under one group:
          craftctl orders create --line lst-00012:200 --line lst-00031:150 --currency USD --incoterm fob
        A retry with the same --request-id returns the same orders and creates nothing; without \
        one, a new id is made and printed on standard error so a failed call can be retried.
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "An accepted quote of yours.") var quote: String?
    @Option(help: "LISTING:QUANTITY, repeatable.") var line: [String] = []
    @Option(help: "Idempotency key (default: a new UUID, printed).") var requestId: String?
    @Option(help: "Currency of the listings' prices (lines only), e.g. USD.") var currency: String = ""
    @Option(help: "Incoterm (lines only), e.g. fob.") var incoterm: String?
    @Option(help: "Named port or place (lines only).") var port: String = ""
    @Option(help: "Buyer id (admins ordering for a buyer).") var buyer: String = ""
    @Option(help: "A note to the producer.") var note: String = ""

    func validate() throws {
      guard (quote == nil) != line.isEmpty else {
        throw ValidationError("give either --quote or at least one --line LISTING:QUANTITY")
      }
    }

    func run() async throws {
      try await global.runOrders { orders in
        var request = CreateOrderRequest()
        if let quote {
          request.source = .quoteId(quote)
        } else {
          request.source = .items(OrderItems(items: try line.map(Self.item)))
          request.currencyCode = currency.uppercased()
          if let incoterm { request.incoterm = try Incoterm.parse(incoterm, flag: "--incoterm") }
          request.port = port
        }
        request.buyerId = buyer
        request.note = note
        if let requestId {
          request.requestId = requestId
        } else {
          request.requestId = UUID().uuidString.lowercased()
          printNote("request id \(request.requestId) (retry with --request-id \(request.requestId))")
        }
        let response = try await orders.client.createOrder(
          request, metadata: orders.metadata, options: orders.options
        ).message
        global.output(response.json, text: OrderTables.created(response))
      }
    }

    /// "lst-00012:200".
    static func item(_ text: String) throws(InputError) -> OrderItem {
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty else {
        throw InputError("--line: \"\(text)\" is not LISTING:QUANTITY (e.g. lst-00012:200)", field: "--line")
      }
      return OrderItem(
        listingId: String(parts[0]), quantity: try ValueText.int64(String(parts[1]), field: "--line"))
    }
  }

  struct Advance: AsyncParsableCommand {
    /// The next moves of an order, by the names people use, and the RPC each one makes.
    enum Step: String, CaseIterable, ExpressibleByArgument {
      case confirm
      case requestDeposit = "request-deposit"
      case recordDeposit = "record-deposit"
      case startProduction = "start-production"
      case ready
      case ship
      case requestBalance = "request-balance"
      case recordBalance = "record-balance"
      case confirmDelivery = "confirm-delivery"
      case complete
      case recordRefund = "record-refund"

      /// The status `TransitionOrder` moves to; `nil` for payments and delivery.
      var target: OrderStatus? {
        switch self {
        case .confirm: .confirmed
        case .requestDeposit: .depositPending
        case .startProduction: .inProduction
        case .ready: .readyToShip
        case .ship: .shipped
        case .requestBalance: .balancePending
        case .complete: .completed
        case .recordDeposit, .recordBalance, .confirmDelivery, .recordRefund: nil
        }
      }
    }

    static let configuration = CommandConfiguration(
      abstract: "Make the next move of an order.",
      discussion: """
        Steps (who): confirm, request-deposit, start-production, ready, ship --bill-of-lading N, \
        request-balance, complete (producer); record-deposit, record-balance, record-refund \
        --amount (producer, the payee); confirm-delivery (buyer). Payments default to what is \
        due: the deposit, or the rest of the subtotal.
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument(help: "Order id.") var id: String
    @Argument(help: "The move to make.") var step: Step
    @Option(help: "Bill of lading number (ship).") var billOfLading: String = ""
    @Option(help: "Payment amount, e.g. \"1,200.00 USD\" (payments; default: what is due).") var amount: String?
    @Option(help: "Bank transfer or L/C reference (payments).") var reference: String = ""
    @Option(help: "A note recorded with the move.") var note: String = ""

    func validate() throws {
      if step == .ship && billOfLading.isEmpty { throw ValidationError("ship needs --bill-of-lading NUMBER") }
      if step == .recordRefund && amount == nil { throw ValidationError("record-refund needs --amount") }
    }

    func run() async throws {
      try await global.runOrders { orders in
        let order = try await move(orders)
        global.output(order.json, text: OrdersCommand.summary(order))
      }
    }

    func move(_ orders: OrdersCalls) async throws -> Order {
      let needsOrder = version.version == nil || (amount == nil && step.target == nil)
      let current = needsOrder ? try await orders.order(id) : nil
      let expected = version.version ?? current?.version ?? 0
      if let target = step.target {
        var request = TransitionOrderRequest()
        request.orderId = id
        request.expectedVersion = expected
        request.targetStatus = target
        request.note = note
        request.billOfLadingNumber = billOfLading
        return try await orders.client.transitionOrder(
          request, metadata: orders.metadata, options: orders.options
        ).message
      }
      if step == .confirmDelivery {
        var request = ConfirmDeliveryRequest()
        request.orderId = id
        request.expectedVersion = expected
        request.note = note
        return try await orders.client.confirmDelivery(
          request, metadata: orders.metadata, options: orders.options
        ).message
      }
      var request = RecordPaymentRequest()
      request.orderId = id
      request.expectedVersion = expected
      request.kind = step == .recordDeposit ? .deposit : step == .recordBalance ? .balance : .refund
      request.amount = try amount.map { try MoneyText.parse($0, field: "--amount") } ?? due(current!)
      request.reference = reference
      request.note = note
      return try await orders.client.recordPayment(
        request, metadata: orders.metadata, options: orders.options
      ).message
    }

    /// What is still due for this step's payment: the deposit or the rest of the subtotal.
    func due(_ order: Order) throws(InputError) -> Money {
      let paid = order.paidAmount?.amountMinor ?? 0
      let owed = step == .recordDeposit ? order.depositAmount?.amountMinor ?? 0 : order.subtotal?.amountMinor ?? 0
      guard owed - paid > 0 else {
        throw InputError(
          "order \(order.id) has \(MoneyText.format(order.paidAmount ?? Money())) paid; nothing is due for \(step.rawValue) (give --amount)",
          field: "--amount")
      }
      return Money(amountMinor: owed - paid, currencyCode: order.currencyCode)
    }
  }

  struct Cancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cancel an order (parties before production; admins until shipped) → cancelled.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument(help: "Order id.") var id: String
    @Option(help: "Why.") var reason: String = ""

    func run() async throws {
      try await global.changeOrder(id, version) { orders, expected in
        var request = CancelOrderRequest()
        request.orderId = id
        request.reason = reason
        request.expectedVersion = expected
        return try await orders.client.cancelOrder(request, metadata: orders.metadata, options: orders.options).message
      }
    }
  }

  struct Dispute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Open a dispute, from in-production through balance-pending (buyer or producer).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument(help: "Order id.") var id: String
    @Option(help: "What is wrong.") var reason: String

    func run() async throws {
      try await global.changeOrder(id, version) { orders, expected in
        var request = OpenDisputeRequest()
        request.orderId = id
        request.reason = reason
        request.expectedVersion = expected
        return try await orders.client.openDispute(request, metadata: orders.metadata, options: orders.options).message
      }
    }
  }

  struct Resolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Close a dispute (admin): resume the order where it stood, complete or cancel it.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument(help: "Order id.") var id: String
    @Option(help: "The status before the dispute, completed or cancelled.") var resume: String
    @Option(help: "How it was settled.") var resolution: String = ""

    func run() async throws {
      try await global.changeOrder(id, version) { orders, expected in
        var request = ResolveDisputeRequest()
        request.orderId = id
        request.resumeStatus = try OrderStatus.parse(resume, flag: "--resume")
        request.resolution = resolution
        request.expectedVersion = expected
        return try await orders.client.resolveDispute(request, metadata: orders.metadata, options: orders.options).message
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One order: lines, payments and every transition (who, when, from → to, note).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Order id.") var id: String

    func run() async throws {
      try await global.runOrders { orders in
        let order = try await orders.order(id)
        global.output(order.json, text: OrderTables.orderDetail(order))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Orders you may see, newest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this buyer's.") var buyer: String = ""
    @Option(help: "Only this producer's.") var producer: String = ""
    @Option(help: "Only this order group's.") var group: String = ""
    @Option(help: "Statuses, comma-separated, e.g. \"confirmed,deposit-pending\".") var status: String = ""
    @Option(help: "Orders per page.") var limit: Int32 = 50
    @Option(help: "Token of the next page, from a previous list.") var pageToken: String = ""

    func run() async throws {
      try await global.runOrders { orders in
        var request = ListOrdersRequest()
        request.buyerId = buyer
        request.producerId = producer
        request.groupId = group
        request.statuses = try status.split(separator: ",").map {
          try OrderStatus.parse(String($0), flag: "--status")
        }
        request.pageSize = limit
        request.pageToken = pageToken
        let response = try await orders.client.listOrders(
          request, metadata: orders.metadata, options: orders.options
        ).message
        global.outputPage(
          "orders", response.orders.map(\.json), table: OrderTables.orders(response.orders),
          nextPageToken: response.nextPageToken)
      }
    }
  }
}

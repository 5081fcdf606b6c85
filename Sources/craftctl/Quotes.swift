import ArgumentParser
import CommonAPI
import CraftCLI
import Foundation
import OrdersAPI
import ProtoWire
import RPCCore

/// The typed orders client with this invocation's metadata and call options.
struct OrdersCalls {
  let client: OrdersServiceClient
  let metadata: Metadata
  let options: CallOptions

  /// The order as stored now (for its version, amounts and state).
  func order(_ id: String) async throws -> Order {
    try await client.getOrder(GetOrderRequest(id: id), metadata: metadata, options: options).message
  }

  /// The quote as stored now.
  func quote(_ id: String) async throws -> Quote {
    try await client.getQuote(GetQuoteRequest(id: id), metadata: metadata, options: options).message
  }
}

extension GlobalOptions {
  /// Runs `body` with an orders client; failures as in ``withClient(_:)``.
  func runOrders(_ body: (OrdersCalls) async throws -> Void) async throws {
    try await withClient { client in
      try await body(
        OrdersCalls(client: OrdersServiceClient(client), metadata: metadata, options: callOptions))
    }
  }

  /// A change to quote `id`: `call` gets the expected version (`--version`, else the stored
  /// one) and returns the quote after the change, which is printed.
  func changeQuote(
    _ id: String, _ version: VersionOption, _ call: (OrdersCalls, Int64) async throws -> Quote
  ) async throws {
    try await runOrders { orders in
      let quote = try await call(orders, try await version.quoteVersion(id, orders))
      output(quote.json, text: OrderTables.quoteDetail(quote))
    }
  }

  /// A change to order `id`, as ``changeQuote(_:_:_:)``; prints where the order stands now.
  func changeOrder(
    _ id: String, _ version: VersionOption, _ call: (OrdersCalls, Int64) async throws -> Order
  ) async throws {
    try await runOrders { orders in
      let order = try await call(orders, try await version.orderVersion(id, orders))
      output(order.json, text: OrdersCommand.summary(order))
    }
  }
}

/// `--version`: the version the caller read; without it the command reads the current one,
/// so the server's optimistic check only catches changes made between that read and the write.
struct VersionOption: ParsableArguments {
  @Option(help: "The version you read (stale → ABORTED, exit 20); default: read it now.")
  var version: Int64?

  func orderVersion(_ id: String, _ orders: OrdersCalls) async throws -> Int64 {
    if let version { return version }
    return try await orders.order(id).version
  }

  func quoteVersion(_ id: String, _ orders: OrdersCalls) async throws -> Int64 {
    if let version { return version }
    return try await orders.quote(id).version
  }
}

/// "now + days" as a timestamp, for `--valid-days`.
func timestamp(daysFromNow days: Int) -> ProtoTimestamp {
  ProtoTimestamp(seconds: Int64(Date().timeIntervalSince1970) + Int64(days) * 86_400)
}

/// `craftctl orders quote …`: the negotiation before an order.
struct QuoteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quote",
    abstract: "Quotes: ask for one on a listing (buyer), quote on an RFQ (producer), counter-offer, show, list.",
    subcommands: [Request.self, Offer.self, Counter.self, Withdraw.self, Show.self, List.self])

  struct Request: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ask the producer of a listing for a quote (buyer token) → pending-producer.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Listing id.") var listing: String
    @Option(help: "Quantity, in the listing's unit.") var quantity: Int64
    @Option(help: "Incoterm, e.g. fob.") var incoterm: String?
    @Option(help: "Named port or place, e.g. \"Hải Phòng\".") var port: String = ""
    @Option(help: "Target unit price, e.g. \"8.50 USD\" (a hint for the producer).") var targetPrice: String?
    @Option(help: "A note to the producer.") var note: String = ""

    func run() async throws {
      try await global.runOrders { orders in
        var request = RequestQuoteRequest()
        request.listingId = listing
        request.quantity = quantity
        if let incoterm { request.incoterm = try Incoterm.parse(incoterm, flag: "--incoterm") }
        request.port = port
        if let targetPrice { request.targetUnitPrice = try MoneyText.parse(targetPrice, field: "--target-price") }
        request.note = note
        let quote = try await orders.client.requestQuote(
          request, metadata: orders.metadata, options: orders.options
        ).message
        global.output(quote.json, text: OrderTables.quoteDetail(quote))
      }
    }
  }

  struct Offer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Quote on a buyer's RFQ with one of your listings (producer token) → pending-buyer.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "RFQ id.") var rfq: String
    @Option(help: "The buyer who posted the RFQ.") var buyer: String
    @Option(help: "Your listing offered.") var listing: String
    @Option(help: "Quantity, in the listing's unit.") var quantity: Int64
    @Option(help: "Unit price, e.g. \"8.50 USD\".") var price: String
    @Option(help: "Days from deposit to ready-to-ship.") var leadTime: Int32 = 0
    @Option(help: "Deposit, percent of the subtotal (0–100).") var deposit: Int32 = 30
    @Option(help: "Days the quote stays valid (default: the server's).") var validDays: Int?
    @Option(help: "Incoterm, e.g. fob.") var incoterm: String?
    @Option(help: "Named port or place.") var port: String = ""
    @Option(help: "A note to the buyer.") var note: String = ""

    func run() async throws {
      try await global.runOrders { orders in
        var request = CreateQuoteRequest()
        request.rfqId = rfq
        request.buyerId = buyer
        request.listingId = listing
        request.quantity = quantity
        request.unitPrice = try MoneyText.parse(price, field: "--price")
        request.leadTimeDays = leadTime
        request.depositPercent = deposit
        if let validDays { request.validUntil = timestamp(daysFromNow: validDays) }
        if let incoterm { request.incoterm = try Incoterm.parse(incoterm, flag: "--incoterm") }
        request.port = port
        request.note = note
        let quote = try await orders.client.createQuote(
          request, metadata: orders.metadata, options: orders.options
        ).message
        global.output(quote.json, text: OrderTables.quoteDetail(quote))
      }
    }
  }

  struct Counter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change the terms when it is your turn; the turn passes to the other party.",
      discussion: "A producer answers a requested quote with a counter-offer that sets --price.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument(help: "Quote id.") var id: String
    @Option(help: "Unit price, e.g. \"8.50 USD\".") var price: String?
    @Option(help: "Quantity.") var quantity: Int64?
    @Option(help: "Days from deposit to ready-to-ship.") var leadTime: Int32?
    @Option(help: "Deposit percent (producer only).") var deposit: Int32?
    @Option(help: "Days the quote stays valid from now.") var validDays: Int?
    @Option(help: "A note to the other party.") var note: String = ""

    func run() async throws {
      try await global.changeQuote(id, version) { orders, expected in
        var request = CounterQuoteRequest()
        request.quoteId = id
        if let price { request.unitPrice = try MoneyText.parse(price, field: "--price") }
        request.quantity = quantity
        request.leadTimeDays = leadTime
        request.depositPercent = deposit
        if let validDays { request.validUntil = timestamp(daysFromNow: validDays) }
        request.note = note
        request.expectedVersion = expected
        return try await orders.client.counterQuote(request, metadata: orders.metadata, options: orders.options).message
      }
    }
  }

  struct Withdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Take back your latest offer before the other party answers → withdrawn.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var version: VersionOption
    @Argument(help: "Quote id.") var id: String
    @Option(help: "Why.") var reason: String = ""

    func run() async throws {
      try await global.changeQuote(id, version) { orders, expected in
        var request = WithdrawQuoteRequest()
        request.quoteId = id
        request.reason = reason
        request.expectedVersion = expected
        return try await orders.client.withdrawQuote(request, metadata: orders.metadata, options: orders.options).message
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One quote with every offer and counter-offer.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Quote id.") var id: String

    func run() async throws {
      try await global.runOrders { orders in
        let quote = try await orders.quote(id)
        global.output(quote.json, text: OrderTables.quoteDetail(quote))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Quotes you may see, newest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this buyer's.") var buyer: String = ""
    @Option(help: "Only this producer's.") var producer: String = ""
    @Option(help: "Only quotes on this RFQ.") var rfq: String = ""
    @Option(help: "Only quotes on this listing.") var listing: String = ""
    @Option(help: "Statuses, comma-separated: pending-producer, pending-buyer, accepted, rejected, expired, withdrawn.")
    var status: String = ""
    @Option(help: "Quotes per page.") var limit: Int32 = 50
    @Option(help: "Token of the next page, from a previous list.") var pageToken: String = ""

    func run() async throws {
      try await global.runOrders { orders in
        var request = ListQuotesRequest()
        request.buyerId = buyer
        request.producerId = producer
        request.rfqId = rfq
        request.listingId = listing
        request.statuses = try status.split(separator: ",").map {
          try QuoteStatus.parse(String($0), flag: "--status")
        }
        request.pageSize = limit
        request.pageToken = pageToken
        let response = try await orders.client.listQuotes(
          request, metadata: orders.metadata, options: orders.options
        ).message
        global.outputPage(
          "quotes", response.quotes.map(\.json), table: OrderTables.quotes(response.quotes),
          nextPageToken: response.nextPageToken)
      }
    }
  }
}

/// `craftctl orders accept QUOTE`.
struct AcceptQuote: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept",
    abstract: "Accept a quote's latest terms when it is your turn → accepted; the buyer then runs `orders create --quote`.")
  @OptionGroup var global: GlobalOptions
  @OptionGroup var version: VersionOption
  @Argument(help: "Quote id.") var id: String
  @Option(help: "A note to the other party.") var note: String = ""

  func run() async throws {
    try await global.changeQuote(id, version) { orders, expected in
      var request = AcceptQuoteRequest()
      request.quoteId = id
      request.note = note
      request.expectedVersion = expected
      return try await orders.client.acceptQuote(request, metadata: orders.metadata, options: orders.options).message
    }
  }
}

/// `craftctl orders reject QUOTE`.
struct RejectQuote: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reject", abstract: "Reject a quote when it is your turn → rejected (final).")
  @OptionGroup var global: GlobalOptions
  @OptionGroup var version: VersionOption
  @Argument(help: "Quote id.") var id: String
  @Option(help: "Why.") var reason: String = ""

  func run() async throws {
    try await global.changeQuote(id, version) { orders, expected in
      var request = RejectQuoteRequest()
      request.quoteId = id
      request.reason = reason
      request.expectedVersion = expected
      return try await orders.client.rejectQuote(request, metadata: orders.metadata, options: orders.options).message
    }
  }
}

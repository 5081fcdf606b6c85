// orders-bench: CreateOrder throughput and latency against a running orders service that
// validates every order against a catalogue in another process, over loopback HTTP/2.
//
// Driven by Deploy/bench/orders.sh, which starts the two craftd processes. In one run, with
// the same connections and the same number of concurrent callers, it measures:
//   1. baseline: BatchGetListings straight to the catalogue, the validation call the orders
//      service makes once per CreateOrder (its cost is a floor under CreateOrder's);
//   2. CreateOrder on the orders service: each call a new request id, lines on active USD
//      listings at their MOQ, a durable commit before the answer;
//   3. a check: the first orders' request ids sent again must come back `replayed`, with the
//      same order ids (idempotency held under load).
// Prints calls/s, p50, p99 of each, and CreateOrder/s as a ratio of the baseline.

import CatalogueAPI
import CommonAPI
import Foundation
import OrdersAPI
import RPCCore
import RPCHTTP2

struct Options {
  var orders = "127.0.0.1:50071"
  var catalogue = "127.0.0.1:50070"
  var token = ""
  var count = 20_000
  var concurrency = 64
  var connections = 4
  var lines = 1

  static let usage = """
    usage: orders-bench --orders HOST:PORT --catalogue HOST:PORT --token BUYER_TOKEN
                        [--count N] [--concurrency N] [--connections N] [--lines N]
      --count N         timed calls per phase (default 20000; a tenth more untimed first)
      --concurrency N   calls in flight at once (default 64)
      --connections N   HTTP/2 connections per server, calls spread over them (default 4)
      --lines N         lines per order, each on a listing of the same producer (default 1)
    """

  static func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func fail(_ message: String) -> Never {
      print("orders-bench: \(message)\n\(usage)")
      exit(2)
    }
    func value() -> String {
      index += 1
      guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
      return arguments[index]
    }
    func number() -> Int {
      guard let n = Int(value().replacingOccurrences(of: "_", with: "")), n > 0 else { fail("bad \(arguments[index - 1])") }
      return n
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--orders": options.orders = value()
      case "--catalogue": options.catalogue = value()
      case "--token": options.token = value()
      case "--count": options.count = number()
      case "--concurrency": options.concurrency = number()
      case "--connections": options.connections = number()
      case "--lines": options.lines = number()
      default: fail("unknown argument \(arguments[index])")
      }
      index += 1
    }
    if options.token.isEmpty { fail("--token is required (a buyer token of the orders server)") }
    return options
  }
}

func transports(_ address: String, _ count: Int) -> [HTTP2ClientTransport] {
  let colon = address.lastIndex(of: ":")!
  let host = String(address[..<colon])
  let port = Int(address[address.index(after: colon)...])!
  return (0..<count).map { _ in HTTP2ClientTransport(host: host, port: port) }
}

/// One phase's results.
struct Phase {
  var name: String
  var calls: Int
  var seconds: Double
  var latencies: [Duration]

  var rate: Double { Double(calls) / seconds }
  func percentile(_ p: Double) -> Double {
    let sorted = latencies.sorted()
    let d = sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
    return Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
  }
}

/// Runs `call(i)` for i in 0..<count with `concurrency` callers, timing each call.
func run(
  _ name: String, count: Int, concurrency: Int, _ call: @escaping @Sendable (Int) async throws -> Void
) async throws -> Phase {
  let start = ContinuousClock.now
  let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
    for worker in 0..<concurrency {
      group.addTask {
        var mine: [Duration] = []
        var i = worker
        while i < count {
          let t = ContinuousClock.now
          try await call(i)
          mine.append(ContinuousClock.now - t)
          i += concurrency
        }
        return mine
      }
    }
    var all: [Duration] = []
    for try await part in group { all += part }
    return all
  }
  let elapsed = ContinuousClock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  return Phase(name: name, calls: count, seconds: seconds, latencies: latencies)
}

func report(_ phase: Phase) {
  print(
    phase.name.padding(toLength: 28, withPad: " ", startingAt: 0)
      + String(
        format: "%8d calls %9.0f /s   p50 %7.2f ms   p99 %7.2f ms", phase.calls, phase.rate,
        phase.percentile(0.50), phase.percentile(0.99)))
}

@main
struct OrdersBench {
  static func main() async throws {
    let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
    let catalogueTransports = transports(options.catalogue, options.connections)
    let orderTransports = transports(options.orders, options.connections)
    let catalogues = catalogueTransports.map { CatalogueServiceClient(RPCClient(transport: $0)) }
    let orders = orderTransports.map { OrdersServiceClient(RPCClient(transport: $0)) }
    var metadata: Metadata = [:]
    metadata.addString("Bearer \(options.token)", forKey: "authorization")
    let auth = metadata

    // Orderable lines: active listings with a USD price, grouped by producer so an order of
    // `lines` lines is one order with one producer.
    var byProducer: [String: [Listing]] = [:]
    var request = ListListingsRequest()
    request.pageSize = 200
    repeat {
      let page = try await catalogues[0].listListings(request).message
      for listing in page.listings
      where listing.status == .active
        && listing.priceTiers.contains(where: { $0.unitPrice?.currencyCode == "USD" })
      {
        byProducer[listing.producerId, default: []].append(listing)
      }
      request.pageToken = page.nextPageToken
    } while !request.pageToken.isEmpty && byProducer.count < 500
    let baskets: [[Listing]] = byProducer.values.filter { $0.count >= options.lines }
      .map { Array($0.prefix(options.lines)) }.sorted { $0[0].id < $1[0].id }
    guard !baskets.isEmpty else {
      print("orders-bench: no producer has \(options.lines) active USD listings")
      exit(1)
    }
    print("orders-bench: \(baskets.count) producers' listings, \(options.lines) line(s) per order, "
      + "\(options.concurrency) callers over \(options.connections) connection(s) per server")

    let runID = UUID().uuidString.prefix(8).lowercased()
    @Sendable func createRequest(_ i: Int) -> CreateOrderRequest {
      let basket = baskets[i % baskets.count]
      var request = CreateOrderRequest()
      request.requestId = "bench-\(runID)-\(i)"
      request.source = .items(
        OrderItems(items: basket.map { OrderItem(listingId: $0.id, quantity: max($0.moq, 1)) }))
      request.currencyCode = "USD"
      request.incoterm = .fob
      return request
    }
    let warmUp = max(100, options.count / 10)

    // 1. The validation call alone, straight to the catalogue.
    let validate: @Sendable (Int) async throws -> Void = { i in
      let ids = baskets[i % baskets.count].map(\.id)
      let response = try await catalogues[i % catalogues.count].batchGetListings(
        BatchGetListingsRequest(ids: ids)
      ).message
      guard response.listings.count == ids.count else { throw RPCError(code: .internal, message: "listings missing") }
    }
    _ = try await run("warm-up", count: warmUp, concurrency: options.concurrency, validate)
    let baseline = try await run(
      "baseline: BatchGetListings", count: options.count, concurrency: options.concurrency, validate)

    // 2. CreateOrder (warm-up ids are offset past the timed ones).
    let create: @Sendable (Int) async throws -> Void = { i in
      let response = try await orders[i % orders.count].createOrder(createRequest(i), metadata: auth).message
      guard response.orders.count == 1, !response.replayed else {
        throw RPCError(code: .internal, message: "request \(i): \(response.orders.count) orders, replayed \(response.replayed)")
      }
    }
    _ = try await run("warm-up", count: warmUp, concurrency: options.concurrency) { i in
      try await create(options.count + i)
    }
    let created = try await run(
      "CreateOrder", count: options.count, concurrency: options.concurrency, create)

    // 3. Retries of the first orders return the stored orders.
    let check = min(1_000, options.count)
    _ = try await run("replay check", count: check, concurrency: options.concurrency) { i in
      let response = try await orders[i % orders.count].createOrder(createRequest(i), metadata: auth).message
      guard response.replayed, response.orders.count == 1, response.orders[0].requestId == "bench-\(runID)-\(i)" else {
        throw RPCError(code: .internal, message: "retry of request \(i) was not replayed")
      }
    }

    report(baseline)
    report(created)
    print(String(format: "CreateOrder/s ÷ BatchGetListings/s: %.2f", created.rate / baseline.rate))
    print("replay check: \(check) retried request ids all returned their stored order")
    for transport in catalogueTransports + orderTransports { await transport.close() }
  }
}

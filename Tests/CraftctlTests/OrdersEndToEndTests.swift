// `craftctl orders …` against a real `craftd serve --demo`: the "done when" — a quote →
// order → completed walk from the command line, with buyer and producer tokens made by
// `craftd token issue`, and the exit codes a script relies on when something is refused.

import Foundation
import Testing

/// The JSON object a `--json` run printed.
func object(_ run: Run) throws -> [String: Any] {
  guard run.status == 0,
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
  else { throw E2EError("exit \(run.status), not a JSON object: \(run.stdout.prefix(300)) \(run.stderr)") }
  return object
}

extension DemoServer {
  /// A bearer token from `craftd token issue` on this server's data directory.
  func token(role: String, subject: String) throws -> String {
    let issued = try run(
      [
        "token", "issue", "--data-dir", directory.appendingPathComponent("data").path, "--role", role,
        "--subject", subject,
      ], executable: "craftd")
    guard issued.status == 0 else { throw E2EError("token issue failed: \(issued.stderr)") }
    return issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// craftctl with `token`, against this server.
  func craftctl(token: String, _ arguments: String...) throws -> Run {
    try run(["--addr", "127.0.0.1:\(port)", "--token", token] + arguments)
  }
}

@Suite("craftctl orders against craftd serve --demo")
struct OrdersEndToEndTests {
  @Test("quote → order → completed with buyer and producer tokens; wrong party 17, forbidden move 19, stale version 20")
  func walk() throws {
    let server = try DemoServer()
    defer { server.stop() }

    // An active demo listing priced in USD, and its producer.
    let search = try hits(server.craftctl("products", "search", "basket", "--json", "--limit", "50"))
    let listing = try #require(
      search.hits.compactMap { $0["listing"] as? [String: Any] }.first { listing in
        (listing["price_tiers"] as? [[String: Any]] ?? []).contains {
          ($0["unit_price"] as? [String: Any])?["currency_code"] as? String == "USD"
        }
      })
    let listingID = try #require(listing["id"] as? String)
    let producerID = try #require(listing["producer_id"] as? String)
    let quantity = String(max(listing["moq"] as? Int ?? 1, 1))
    let buyer = try server.token(role: "buyer", subject: "byr-0001")
    let producer = try server.token(role: "producer", subject: producerID)
    let otherBuyer = try server.token(role: "buyer", subject: "byr-0002")

    // Quote: the buyer asks, the producer prices it, the buyer accepts.
    let asked = try object(
      server.craftctl(
        token: buyer, "orders", "quote", "request", "--listing", listingID, "--quantity", quantity,
        "--incoterm", "fob", "--port", "Hải Phòng", "--note", "Cần hàng trước Tết", "--json"))
    #expect(asked["status"] as? String == "QUOTE_STATUS_PENDING_PRODUCER")
    let quoteID = try #require(asked["id"] as? String)
    // Pricing the request is the producer's move, not the buyer's.
    let buyerPrices = try server.craftctl(token: buyer, "orders", "quote", "counter", quoteID, "--price", "9.00 USD")
    #expect(buyerPrices.status == 17, "\(buyerPrices.stderr)")
    #expect(buyerPrices.stderr.hasPrefix("error: PERMISSION_DENIED: "))
    let priced = try object(
      server.craftctl(token: producer, "orders", "quote", "counter", quoteID, "--price", "9.00 USD", "--lead-time", "40", "--json"))
    #expect(priced["status"] as? String == "QUOTE_STATUS_PENDING_BUYER")
    #expect((priced["revisions"] as? [Any])?.count == 2)
    let accepted = try object(server.craftctl(token: buyer, "orders", "accept", quoteID, "--json"))
    #expect(accepted["status"] as? String == "QUOTE_STATUS_ACCEPTED")

    // Order: only the buyer places it; a generated request id is printed and makes a retry safe.
    let producerOrders = try server.craftctl(token: producer, "orders", "create", "--quote", quoteID)
    #expect(producerOrders.status == 17, "\(producerOrders.stderr)")
    let createRun = try server.craftctl(token: buyer, "orders", "create", "--quote", quoteID, "--json")
    let created = try object(createRun)
    let requestID = try #require(
      createRun.stderr.split(separator: " ").dropFirst(2).first.map(String.init), "\(createRun.stderr)")
    #expect(createRun.stderr.hasPrefix("request id \(requestID) "))
    let orders = try #require(created["orders"] as? [[String: Any]])
    #expect(orders.count == 1)
    let orderID = try #require(orders.first?["id"] as? String)
    #expect(orders.first?["request_id"] as? String == requestID)
    #expect(orders.first?["status"] as? String == "ORDER_STATUS_CONFIRMED")
    #expect(created["replayed"] as? Bool == false)
    let retried = try object(
      server.craftctl(token: buyer, "orders", "create", "--quote", quoteID, "--request-id", requestID, "--json"))
    #expect(retried["replayed"] as? Bool == true)
    #expect((retried["orders"] as? [[String: Any]])?.map { $0["id"] as? String } == [orderID])

    // Refusals: the wrong party (17), a move the state forbids, naming the state (19), a stale
    // version (20). Nothing is printed on standard output then.
    let buyerMoves = try server.craftctl(token: buyer, "orders", "advance", orderID, "request-deposit")
    #expect(buyerMoves.status == 17, "\(buyerMoves.stderr)")
    #expect(buyerMoves.stderr.hasPrefix("error: PERMISSION_DENIED: "))
    #expect(buyerMoves.stdout.isEmpty)
    let stranger = try server.craftctl(token: otherBuyer, "orders", "show", orderID)
    #expect(stranger.status == 17, "\(stranger.stderr)")
    let tooEarly = try server.craftctl(token: producer, "orders", "advance", orderID, "ready")
    #expect(tooEarly.status == 19, "\(tooEarly.stderr)")
    #expect(tooEarly.stderr.hasPrefix("error: FAILED_PRECONDITION: "))
    #expect(tooEarly.stderr.contains("ORDER_STATUS_CONFIRMED"))
    #expect(tooEarly.stdout.isEmpty)

    // The producer walks the order to completed; payments default to what is due.
    var version = orders.first?["version"] as? Int ?? 0
    func advance(_ token: String, _ step: String, _ extra: String...) throws -> [String: Any] {
      let moved = try object(
        run(["--addr", "127.0.0.1:\(server.port)", "--token", token, "--json", "orders", "advance", orderID, step] + extra))
      let newVersion = moved["version"] as? Int ?? 0
      #expect(newVersion == version + 1, "\(step)")
      version = newVersion
      return moved
    }
    #expect(try advance(producer, "request-deposit")["status"] as? String == "ORDER_STATUS_DEPOSIT_PENDING")
    #expect(try advance(producer, "record-deposit", "--reference", "VCB-1")["payment_status"] as? String == "PAYMENT_STATUS_DEPOSIT_PAID")
    #expect(try advance(producer, "start-production")["status"] as? String == "ORDER_STATUS_IN_PRODUCTION")
    let stale = try server.craftctl(token: producer, "orders", "advance", orderID, "ready", "--version", String(version - 1))
    #expect(stale.status == 20, "\(stale.stderr)")
    #expect(stale.stderr.hasPrefix("error: ABORTED: "))
    #expect(try advance(producer, "ready", "--version", String(version))["status"] as? String == "ORDER_STATUS_READY_TO_SHIP")
    let shipped = try advance(producer, "ship", "--bill-of-lading", "HPH-E2E-7")
    #expect(shipped["bill_of_lading_number"] as? String == "HPH-E2E-7")
    #expect(try advance(producer, "request-balance")["status"] as? String == "ORDER_STATUS_BALANCE_PENDING")
    #expect(try advance(producer, "record-balance")["payment_status"] as? String == "PAYMENT_STATUS_PAID_IN_FULL")
    #expect(try advance(buyer, "confirm-delivery")["fulfilment_status"] as? String == "FULFILMENT_STATUS_DELIVERED")
    let completed = try advance(producer, "complete", "--note", "xong")
    #expect(completed["status"] as? String == "ORDER_STATUS_COMPLETED")
    let paid = (completed["paid_amount"] as? [String: Any])?["amount_minor"] as? Int
    #expect(paid != nil && paid == (completed["subtotal"] as? [String: Any])?["amount_minor"] as? Int)

    let cancelDone = try server.craftctl(token: buyer, "orders", "cancel", orderID)
    #expect(cancelDone.status == 19, "\(cancelDone.stderr)")
    #expect(cancelDone.stderr.contains("ORDER_STATUS_COMPLETED"))

    // show: the full history (who, from → to, note), as JSON and as a table.
    let shown = try object(server.craftctl(token: buyer, "orders", "show", orderID, "--json"))
    let history = try #require(shown["history"] as? [[String: Any]])
    #expect(history.map { $0["to_status"] as? String ?? "" } == [
      "ORDER_STATUS_CONFIRMED", "ORDER_STATUS_DEPOSIT_PENDING", "ORDER_STATUS_IN_PRODUCTION",
      "ORDER_STATUS_READY_TO_SHIP", "ORDER_STATUS_SHIPPED", "ORDER_STATUS_BALANCE_PENDING",
      "ORDER_STATUS_COMPLETED",
    ])
    #expect(history.dropFirst().allSatisfy { ($0["by"] as? [String: Any])?["id"] as? String == producerID })
    #expect(history.last?["note"] as? String == "xong")
    let table = try server.craftctl(token: producer, "orders", "show", orderID)
    #expect(table.status == 0)
    #expect(table.stdout.contains("(created)"))
    #expect(table.stdout.contains("balance-pending  completed"))
    #expect(table.stdout.contains("HPH-E2E-7"))

    // list: the buyer's completed orders hold it; another buyer's list does not.
    let mine = try object(server.craftctl(token: buyer, "orders", "list", "--status", "completed", "--json"))
    #expect((mine["orders"] as? [[String: Any]])?.map { $0["id"] as? String } == [orderID])
    let theirs = try object(server.craftctl(token: otherBuyer, "orders", "list", "--json"))
    #expect((theirs["orders"] as? [Any])?.isEmpty == true)
  }
}

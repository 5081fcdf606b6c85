import CommonAPI
@testable import Orders
import OrdersAPI
import ProtoWire
import Testing

@Suite("Orders: events reuse the order's encoding")
struct EventEncodingTests {
  @Test("an event with a spliced-in order snapshot encodes exactly as the full event", arguments: [0, 200, 20_000])
  func splicedSnapshot(noteBytes: Int) throws {
    var order = Order()
    order.id = "o-1"
    order.buyerId = "b-1"
    order.note = String(repeating: "ghi chú ", count: noteBytes / 10)
    order.version = 3
    var line = OrderLine()
    line.lineId = "L1"
    line.quantity = 500
    line.unitPrice = Money(amountMinor: 850, currencyCode: "USD")
    order.lines = [line]
    var event = OrderEvent()
    event.type = .orderStatusChanged
    event.orderId = order.id
    event.buyerId = order.buyerId
    event.fromStatus = .confirmed
    event.toStatus = .depositPending
    event.note = "deposit asked"
    event.at = ProtoTimestamp(seconds: 1_780_000_000, nanos: 0)
    let spliced = OrdersWriter.encoded(event, orderSnapshot: order.serializedBytes())
    var full = event
    full.snapshot = .order(order)
    #expect(spliced == full.serializedBytes())
    #expect(try OrderEvent(serializedBytes: spliced) == full)
  }
}

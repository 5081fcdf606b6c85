import CommonAPI
import MatchingAPI
import OrdersAPI
import ProtoWire
import RPCCore
import RPCTestSupport
import Testing

/// The inputs the bad-input property test and the token matrix found, kept as fixed cases.
@Suite("Bad-input regressions", .serialized)
struct RegressionTests {
  /// A timestamp far outside protobuf's range: its milliseconds overflow Int64.
  static let farFuture = ProtoTimestamp(seconds: Int64.max)

  @Test("CounterQuote with valid_until beyond year 9999 is INVALID_ARGUMENT, not an overflow trap")
  func counterQuoteHugeValidUntil() async throws {
    let world = try await World.make()
    var counter = CounterQuoteRequest()
    counter.quoteId = try #require(world.made["quote"]?.first)
    counter.expectedVersion = 1
    counter.unitPrice = Money(amountMinor: 900, currencyCode: "USD")
    counter.validUntil = Self.farFuture
    let error = await rpcError { _ = try await OrdersServiceClient(world.client("producer")).counterQuote(counter) }
    #expect(error?.code == .invalidArgument)
    #expect(error?.fieldViolations.map(\.field) == ["valid_until"])
    await world.shutdown()
  }

  @Test("CreateRfq with expires_at beyond year 9999 is INVALID_ARGUMENT")
  func createRfqHugeExpiresAt() async throws {
    let world = try await World.make()
    var rfq = Rfq()
    rfq.title = "Baskets"
    rfq.category = .rattanBamboo
    rfq.quantity = 10
    rfq.expiresAt = Self.farFuture
    let error = await rpcError {
      _ = try await MatchingServiceClient(world.client("buyer")).createRfq(CreateRfqRequest(rfq: rfq, requestId: "r"))
    }
    #expect(error?.code == .invalidArgument)
    #expect(error?.fieldViolations.map(\.field) == ["rfq.expires_at"])
    await world.shutdown()
  }

  @Test("UpdateBuyer without a token is UNAUTHENTICATED even when the body is invalid")
  func updateBuyerChecksTheCallerFirst() async throws {
    let world = try await World.make()
    let error = await rpcError {
      _ = try await MatchingServiceClient(RPCClient(transport: world.transport)).updateBuyer(UpdateBuyerRequest(buyer: Buyer()))
    }
    #expect(error?.code == .unauthenticated)
    await world.shutdown()
  }
}

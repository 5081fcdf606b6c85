import CatalogueAPI
@testable import Orders
import RPCTestSupport
import Synchronization
import Testing

/// A catalogue stand-in: records the ids of each call; the first call waits at `gate`; calls
/// whose ids include `failing` fail.
final class FakeCatalogue: Sendable {
  let gate = Gate()
  let failing: String
  let calls = Mutex<[[String]]>([])

  init(failing: String = "") { self.failing = failing }

  /// Returns once `count` calls were sent.
  func sent(_ count: Int) async {
    while calls.withLock({ $0.count }) < count { await Task.yield() }
  }

  var fetch: ListingBatcher.Fetch {
    { ids in
      let first = self.calls.withLock { calls in
        calls.append(ids)
        return calls.count == 1
      }
      if first { await self.gate.wait() }
      if ids.contains(self.failing) { throw CancellationError() }
      return ids.filter { !$0.hasPrefix("missing") }.map { id in
        var listing = Listing()
        listing.id = id
        return listing
      }
    }
  }
}

@Suite("Orders: catalogue look-ups of concurrent calls share calls")
struct ListingBatcherTests {
  /// Starts a look-up of `ids` and returns once it is sent or queued.
  func start(_ batcher: ListingBatcher, _ ids: [String], queued: Int) async
    -> Task<[String: Listing], any Error>
  {
    let task = Task { try await batcher.listings(ids) }
    while batcher.queuedCount < queued { await Task.yield() }
    return task
  }

  /// A batcher on `catalogue` whose first call, a look-up of `l-0`, is out and held at the gate.
  func holdingFirstCall(_ catalogue: FakeCatalogue, maxInFlight: Int) async
    -> (ListingBatcher, first: Task<[String: Listing], any Error>)
  {
    let batcher = ListingBatcher(maxInFlight: maxInFlight, fetch: catalogue.fetch)
    let first = await start(batcher, ["l-0"], queued: 0)
    await catalogue.sent(1)
    return (batcher, first)
  }

  @Test("look-ups that arrive while a call is out go together in the next one, each answered alone")
  func coalesces() async throws {
    let catalogue = FakeCatalogue()
    let (batcher, first) = await holdingFirstCall(catalogue, maxInFlight: 1)
    var later: [Task<[String: Listing], any Error>] = []
    for index in 1...10 {
      later.append(await start(batcher, ["l-\(index)", "l-shared", "missing-\(index)"], queued: index))
    }
    catalogue.gate.open()
    #expect(try await first.value.keys.sorted() == ["l-0"])
    for (offset, task) in later.enumerated() {
      #expect(try await task.value.keys.sorted() == ["l-\(offset + 1)", "l-shared"])
    }
    let calls = catalogue.calls.withLock { $0 }
    // The first call carried only what had arrived when it was sent; the second, the rest,
    // each id once.
    #expect(calls.count == 2)
    #expect(calls.first == ["l-0"])
    #expect(calls.last.map { Set($0).count == $0.count && $0.count == 21 } == true)
  }

  @Test("a failed call fails the look-ups it carried, and later ones are sent again")
  func failures() async throws {
    let catalogue = FakeCatalogue(failing: "l-bad")
    let (batcher, first) = await holdingFirstCall(catalogue, maxInFlight: 1)
    let bad = await start(batcher, ["l-bad"], queued: 1)
    let rider = await start(batcher, ["l-1"], queued: 2)
    catalogue.gate.open()
    #expect(try await first.value.keys.sorted() == ["l-0"])
    await #expect(throws: CancellationError.self) { try await bad.value }
    await #expect(throws: CancellationError.self) { try await rider.value }
    #expect(try await batcher.listings(["l-2"]).keys.sorted() == ["l-2"])
    #expect(batcher.queuedCount == 0)
  }

  @Test("an idle batcher sends a lone look-up at once, up to maxInFlight calls at a time")
  func idle() async throws {
    let catalogue = FakeCatalogue()
    let (batcher, first) = await holdingFirstCall(catalogue, maxInFlight: 2)
    // The first call is held at the gate; a second slot is free, so this goes out alone.
    #expect(try await batcher.listings(["l-1"]).keys.sorted() == ["l-1"])
    catalogue.gate.open()
    #expect(try await first.value.keys.sorted() == ["l-0"])
    #expect(catalogue.calls.withLock { $0 } == [["l-0"], ["l-1"]])
  }
}

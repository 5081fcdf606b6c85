import CatalogueAPI
@testable import Orders
import Synchronization
import Testing

/// Holds the fetches that wait on it until the test opens it.
final class Gate: Sendable {
  private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

  func wait() async {
    await withCheckedContinuation { continuation in
      let isOpen = state.withLock { state in
        if !state.open { state.waiters.append(continuation) }
        return state.open
      }
      if isOpen { continuation.resume() }
    }
  }

  func open() {
    let waiters = state.withLock { state in
      state.open = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }
}

/// A catalogue stand-in: records the ids of each call; the first call waits at `gate`; calls
/// whose ids include `failing` fail.
final class FakeCatalogue: Sendable {
  let gate = Gate()
  let failing: String
  let calls = Mutex<[[String]]>([])

  init(failing: String = "") { self.failing = failing }

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

  @Test("look-ups that arrive while a call is out go together in the next one, each answered alone")
  func coalesces() async throws {
    let catalogue = FakeCatalogue()
    let batcher = ListingBatcher(maxInFlight: 1, fetch: catalogue.fetch)
    let first = await start(batcher, ["l-0"], queued: 0)
    while catalogue.calls.withLock({ $0.count }) < 1 { await Task.yield() }
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
    let batcher = ListingBatcher(maxInFlight: 1, fetch: catalogue.fetch)
    let first = await start(batcher, ["l-0"], queued: 0)
    while catalogue.calls.withLock({ $0.count }) < 1 { await Task.yield() }
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
    let batcher = ListingBatcher(maxInFlight: 2, fetch: catalogue.fetch)
    let first = await start(batcher, ["l-0"], queued: 0)
    while catalogue.calls.withLock({ $0.count }) < 1 { await Task.yield() }
    // The first call is held at the gate; a second slot is free, so this goes out alone.
    #expect(try await batcher.listings(["l-1"]).keys.sorted() == ["l-1"])
    catalogue.gate.open()
    #expect(try await first.value.keys.sorted() == ["l-0"])
    #expect(catalogue.calls.withLock { $0 } == [["l-0"], ["l-1"]])
  }
}

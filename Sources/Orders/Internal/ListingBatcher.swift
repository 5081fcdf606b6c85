internal import CatalogueAPI
internal import Synchronization

/// Coalesces the catalogue look-ups of concurrent calls into shared `BatchGetListings` calls,
/// as group commit coalesces their writes: at most `maxInFlight` calls are out at once, and the
/// look-ups that arrive meanwhile go out together in the next one.
///
/// Why: under load each `CreateOrder` paid a whole RPC (a stream on both sides, a task and a
/// reader on the catalogue) to read one or two listings; a shared call pays that once per batch.
/// Nothing is cached: a look-up is only answered by a call sent after it arrived, so a listing
/// deleted or deactivated before an order came in is refused as before. An idle service sends a
/// lone look-up at once, so batching costs no latency when there is nothing to batch.
///
/// The call is made on behalf of one of the waiting callers (with its trace): when a call
/// returns, its sender hands the free slot to the first queued caller, which sends for everyone
/// queued (itself included). A failed call fails every look-up it carried.
final class ListingBatcher: Sendable {
  /// Sends one `BatchGetListings` for `ids` and returns the listings found.
  typealias Fetch = @Sendable (_ ids: [String]) async throws -> [Listing]

  /// What a queued caller is woken with: its listings, or the slot to send the next call.
  private enum Wake: Sendable {
    case done([String: Listing])
    case send
  }

  private struct Waiter: Sendable {
    var ids: [String]
    var continuation: CheckedContinuation<Wake, any Error>
  }

  private struct State: ~Copyable {
    var queued: [Waiter] = []
    var inFlight = 0
  }

  private let fetch: Fetch
  private let maxInFlight: Int
  /// Ids per call at most (the catalogue takes up to 1,000; smaller keeps responses small).
  private let maxIDs: Int
  private let state = Mutex(State())

  init(maxInFlight: Int = 2, maxIDs: Int = 256, fetch: @escaping Fetch) {
    precondition(maxInFlight > 0 && maxIDs > 0)
    self.maxInFlight = maxInFlight
    self.maxIDs = maxIDs
    self.fetch = fetch
  }

  /// Look-ups waiting for the next call (tests wait on it).
  var queuedCount: Int { state.withLock { $0.queued.count } }

  /// The listings among `ids` that the catalogue has, by id, as it answers a call sent after
  /// this one began.
  func listings(_ ids: [String]) async throws -> [String: Listing] {
    let sendNow = state.withLock { state in
      guard state.queued.isEmpty, state.inFlight < maxInFlight else { return false }
      state.inFlight += 1
      return true
    }
    if !sendNow {
      let wake = try await withCheckedThrowingContinuation { continuation in
        state.withLock { state in
          if state.queued.isEmpty && state.inFlight < maxInFlight {
            state.inFlight += 1
            continuation.resume(returning: Wake.send)
          } else {
            state.queued.append(Waiter(ids: ids, continuation: continuation))
          }
        }
      }
      if case .done(let listings) = wake { return listings }
    }
    return try await send(ids)
  }

  /// Holding a slot: sends `ids` with the look-ups queued so far, answers them, then hands
  /// the slot to the next queued caller (or frees it).
  private func send(_ ids: [String]) async throws -> [String: Listing] {
    let riders = state.withLock { state in
      var count = ids.count
      var taken = 0
      for waiter in state.queued {
        guard count + waiter.ids.count <= maxIDs else { break }
        count += waiter.ids.count
        taken += 1
      }
      defer { state.queued.removeFirst(taken) }
      return Array(state.queued.prefix(taken))
    }
    var all = ids
    var seen = Set(ids)
    for rider in riders { all += rider.ids.filter { seen.insert($0).inserted } }
    // In a task of its own: it inherits the sender's trace (task-locals) but not its
    // cancellation, so a caller that gives up does not fail the look-ups riding with it.
    let fetch = self.fetch
    let result = await Task {
      var found: [String: Listing] = [:]
      for listing in try await fetch(all) { found[listing.id] = listing }
      return found
    }.result
    for rider in riders {
      rider.continuation.resume(with: result.map { .done(Self.subset($0, rider.ids)) })
    }
    let next = state.withLock { state -> Waiter? in
      if state.queued.isEmpty {
        state.inFlight -= 1
        return nil
      }
      return state.queued.removeFirst()
    }
    // Taken off the queue, the next caller sends its own ids and those queued behind it.
    next?.continuation.resume(returning: .send)
    return Self.subset(try result.get(), ids)
  }

  private static func subset(_ found: [String: Listing], _ ids: [String]) -> [String: Listing] {
    var mine: [String: Listing] = [:]
    for id in ids { if let listing = found[id] { mine[id] = listing } }
    return mine
  }
}

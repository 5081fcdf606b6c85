public import CatalogueAPI
public import OrdersAPI
public import RPCCore
internal import Synchronization

/// Keeps one of matching's read models in step with another service's feed: subscribes through
/// the RPC client (never the other service's database file) from the last seq the matching
/// database stored, applies events in batches — each batch with its new position in one
/// transaction — and resubscribes after a failure from wherever it got to, waiting longer after
/// each failure in a row (doubling from ``retryDelay`` up to ``maxRetryDelay``), so a restarting
/// upstream is retried promptly and a long outage costs one attempt per ``maxRetryDelay``.
///
/// Two feeds use it: the catalogue's `WatchChanges` (``MatchingStore/catalogueFollower(client:metadata:)``)
/// and the orders service's `WatchOrderEvents` (``MatchingStore/ordersFollower(client:metadata:)``).
/// Both are for services, so `metadata` should carry a system token; it is asked for on every
/// subscription, so a renewed token is picked up.
public struct FeedFollower<Event: Sendable>: Sendable {
  /// How one feed is read and stored.
  public struct Feed: Sendable {
    /// The seq of the last event stored (0: none yet).
    public var position: @Sendable () async throws -> UInt64
    /// Subscribes after a seq with the given metadata and hands each event to the callback
    /// until the stream ends or fails.
    public var watch: @Sendable (UInt64, Metadata, @escaping @Sendable (Event) -> Void) async throws -> Void
    /// Stores events (in seq order) and the new position in one transaction.
    public var apply: @Sendable ([Event]) async throws -> Void

    public init(
      position: @escaping @Sendable () async throws -> UInt64,
      watch: @escaping @Sendable (UInt64, Metadata, @escaping @Sendable (Event) -> Void) async throws -> Void,
      apply: @escaping @Sendable ([Event]) async throws -> Void
    ) {
      self.position = position
      self.watch = watch
      self.apply = apply
    }
  }

  /// The feed followed.
  public let feed: Feed
  /// Sent with every subscription (e.g. `authorization`).
  public var metadata: @Sendable () -> Metadata
  /// The wait before resubscribing after a first failure.
  public var retryDelay: Duration
  /// The longest wait between attempts.
  public var maxRetryDelay: Duration
  /// Events per transaction at most.
  public var batchLimit: Int

  /// A follower of `feed`.
  public init(
    feed: Feed, metadata: @escaping @Sendable () -> Metadata = { [:] },
    retryDelay: Duration = .milliseconds(250), maxRetryDelay: Duration = .seconds(5),
    batchLimit: Int = 1_000
  ) {
    self.feed = feed
    self.metadata = metadata
    self.retryDelay = retryDelay
    self.maxRetryDelay = maxRetryDelay
    self.batchLimit = batchLimit
  }

  /// Follows the feed until the task is cancelled, resubscribing after failures.
  /// `onError` hears each failure (for logging) with the wait before the next attempt.
  public func run(onError: @Sendable (any Error, Duration) -> Void = { _, _ in }) async {
    var delay = retryDelay
    while !Task.isCancelled {
      let before = try? await feed.position()
      do {
        try await followOnce()
      } catch {
        if Task.isCancelled { return }
        // A subscription that got somewhere was a working connection: start the back-off over.
        if let after = try? await feed.position(), after != before { delay = retryDelay }
        onError(error, delay)
      }
      try? await Task.sleep(for: delay)
      delay = min(delay * 2, maxRetryDelay)
    }
  }

  /// One subscription from the stored position until the stream ends or fails. A reader task
  /// receives events into a buffer while the applier stores whatever has arrived as one batch,
  /// so catching up on thousands of events costs a few transactions, not thousands.
  public func followOnce() async throws {
    let after = try await feed.position()
    let buffer = EventBuffer<Event>()
    let feed = feed, metadata = metadata(), limit = batchLimit
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        defer { buffer.finish() }
        try await feed.watch(after, metadata) { buffer.append($0) }
      }
      group.addTask {
        while let batch = await buffer.next(max: limit) {
          try await feed.apply(batch)
        }
      }
      try await group.waitForAll()
    }
  }
}

extension MatchingStore {
  /// A follower of the catalogue's `WatchChanges` into this store's catalogue read model.
  public func catalogueFollower(
    client: CatalogueServiceClient, metadata: @escaping @Sendable () -> Metadata = { [:] }
  ) -> FeedFollower<ChangeEvent> {
    FeedFollower(
      feed: .init(
        position: { try await self.lastAppliedSeq() },
        watch: { after, metadata, receive in
          try await client.watchChanges(WatchChangesRequest(afterSeq: after), metadata: metadata) { stream in
            for try await event in stream {
              self.catalogue.saw(event.seq)
              receive(event)
            }
          }
        },
        apply: { try await self.applyCatalogueEvents($0) }),
      metadata: metadata)
  }

  /// A follower of the orders service's `WatchOrderEvents` into this store's trade read model.
  /// Making one marks the store as following orders, so its reports show order figures.
  public func ordersFollower(
    client: OrdersServiceClient, metadata: @escaping @Sendable () -> Metadata = { [:] }
  ) -> FeedFollower<OrderEvent> {
    followsOrders = true
    return FeedFollower(
      feed: .init(
        position: {
          let seq = try await self.lastAppliedOrderSeq()
          self.ordersFeed.applied(seq)
          return seq
        },
        watch: { after, metadata, receive in
          var request = WatchOrderEventsRequest()
          request.afterSeq = after
          try await client.watchOrderEvents(request, metadata: metadata) { stream in
            for try await event in stream {
              self.ordersFeed.saw(event.seq)
              receive(event)
            }
          }
        },
        apply: { events in
          try await self.applyOrderEvents(events)
          if let last = events.last { self.ordersFeed.applied(last.seq) }
        }),
      metadata: metadata)
  }
}

/// A single-producer, single-consumer buffer of events: `append` never waits, `next` waits for
/// at least one event and takes up to `max`. Unbounded: a catch-up holds at most the backlog.
final class EventBuffer<Event: Sendable>: Sendable {
  private struct State {
    var events: [Event] = []
    var finished = false
    var waiter: CheckedContinuation<Void, Never>?
  }

  private let state = Mutex(State())

  func append(_ event: Event) {
    let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
      state.events.append(event)
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume()
  }

  func finish() {
    let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
      state.finished = true
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume()
  }

  /// Up to `max` events, waiting for the first; `nil` once finished and drained.
  func next(max: Int) async -> [Event]? {
    while true {
      let taken = state.withLock { state -> [Event]?? in
        if !state.events.isEmpty {
          let batch = Array(state.events.prefix(max))
          state.events.removeFirst(batch.count)
          return .some(batch)
        }
        return state.finished ? .some(nil) : nil
      }
      if let taken { return taken }
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let ready = state.withLock { state -> Bool in
          if !state.events.isEmpty || state.finished { return true }
          state.waiter = continuation
          return false
        }
        if ready { continuation.resume() }
      }
    }
  }
}

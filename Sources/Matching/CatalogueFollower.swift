public import CatalogueAPI
public import RPCCore
internal import Synchronization

/// Keeps the matching read model in step with the catalogue: subscribes to the catalogue's
/// `WatchChanges` through the RPC client (never its database file) from the last seq the
/// matching database stored, applies events in batches — each batch with its new position in
/// one transaction — and resubscribes after a failure from wherever it got to.
///
/// The feed is for analysts, admins and services, so `metadata` should carry a token of one of
/// those roles (craftd passes a system token).
public struct CatalogueFollower: Sendable {
  /// Where events are stored.
  public let store: MatchingStore
  /// The catalogue.
  public let client: CatalogueServiceClient
  /// Sent with every subscription (e.g. `authorization`).
  public var metadata: Metadata
  /// The wait before resubscribing after a failure.
  public var retryDelay: Duration
  /// Events per transaction at most.
  public var batchLimit: Int

  /// A follower of `client` into `store`.
  public init(
    store: MatchingStore, client: CatalogueServiceClient, metadata: Metadata = [:],
    retryDelay: Duration = .seconds(1), batchLimit: Int = 1_000
  ) {
    self.store = store
    self.client = client
    self.metadata = metadata
    self.retryDelay = retryDelay
    self.batchLimit = batchLimit
  }

  /// Follows the feed until the task is cancelled, resubscribing after failures.
  /// `onError` hears each failure (for logging).
  public func run(onError: @Sendable (any Error) -> Void = { _ in }) async {
    while !Task.isCancelled {
      do {
        try await followOnce()
      } catch {
        if Task.isCancelled { return }
        onError(error)
      }
      try? await Task.sleep(for: retryDelay)
    }
  }

  /// One subscription from the stored position until the stream ends or fails. A reader task
  /// receives events into a buffer while the applier stores whatever has arrived as one batch,
  /// so catching up on thousands of events costs a few transactions, not thousands.
  public func followOnce() async throws {
    let after = try await store.lastAppliedSeq()
    let buffer = EventBuffer()
    let client = client, metadata = metadata, store = store, limit = batchLimit
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        defer { buffer.finish() }
        try await client.watchChanges(WatchChangesRequest(afterSeq: after), metadata: metadata) {
          stream in
          for try await event in stream {
            store.catalogue.saw(event.seq)
            buffer.append(event)
          }
        }
      }
      group.addTask {
        while let batch = await buffer.next(max: limit) {
          try await store.applyCatalogueEvents(batch)
        }
      }
      try await group.waitForAll()
    }
  }
}

/// A single-producer, single-consumer buffer of events: `append` never waits, `next` waits for
/// at least one event and takes up to `max`. Unbounded: a catch-up holds at most the backlog.
final class EventBuffer: Sendable {
  private struct State {
    var events: [ChangeEvent] = []
    var finished = false
    var waiter: CheckedContinuation<Void, Never>?
  }

  private let state = Mutex(State())

  func append(_ event: ChangeEvent) {
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
  func next(max: Int) async -> [ChangeEvent]? {
    while true {
      let taken = state.withLock { state -> [ChangeEvent]?? in
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

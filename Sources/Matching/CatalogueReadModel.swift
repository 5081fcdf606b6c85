internal import CatalogueAPI
internal import Synchronization

/// The in-memory catalogue index, shared between the feed follower (one writer) and the
/// match requests (many readers, each taking a copy-on-write snapshot).
public final class CatalogueReadModel: Sendable {
  private struct State {
    var index = CatalogueIndex()
    var lastSeq: UInt64 = 0
    var seenSeq: UInt64 = 0
  }

  private let state = Mutex(State())

  init() {}

  /// A consistent copy of the index (cheap: copy-on-write).
  public var snapshot: CatalogueIndex { state.withLock { $0.index } }

  /// The seq of the last event reflected in the index.
  public var lastSeq: UInt64 { state.withLock { $0.lastSeq } }

  /// The newest seq the follower has received from the catalogue (applied or not): with
  /// ``lastSeq``, the feed lag craftd exports as a metric.
  public var latestSeenSeq: UInt64 { state.withLock { max($0.seenSeq, $0.lastSeq) } }

  /// Notes that the follower received the event `seq`.
  func saw(_ seq: UInt64) {
    state.withLock { $0.seenSeq = max($0.seenSeq, seq) }
  }

  /// Replaces the index (at start-up, from the stored read model).
  func load(_ index: CatalogueIndex, lastSeq: UInt64) {
    state.withLock {
      $0.index = index
      $0.lastSeq = lastSeq
    }
  }

  /// Applies events already committed to the matching database.
  func apply(_ events: [ChangeEvent]) {
    state.withLock { state in
      for event in events where event.seq > state.lastSeq {
        if let snapshot = event.snapshot { state.index.apply(snapshot) }
        state.lastSeq = event.seq
      }
    }
  }

  /// Waits (polling every 10 ms) until the index reflects `seq`; false after `timeout`.
  public func waitUntilApplied(_ seq: UInt64, timeout: Duration = .seconds(10)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while lastSeq < seq {
      if ContinuousClock.now >= deadline { return false }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return true
  }
}

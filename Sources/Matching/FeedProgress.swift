internal import Synchronization

/// How far a follower has got in a feed, kept in memory for metrics (craftd exports the lag):
/// the newest seq received from the upstream and the newest stored.
public final class FeedProgress: Sendable {
  private let seen = Atomic<UInt64>(0)
  private let stored = Atomic<UInt64>(0)

  init() {}

  /// The newest seq received (applied or not).
  public var seenSeq: UInt64 { max(seen.load(ordering: .relaxed), appliedSeq) }
  /// The newest seq stored.
  public var appliedSeq: UInt64 { stored.load(ordering: .relaxed) }

  func saw(_ seq: UInt64) { seen.max(seq, ordering: .relaxed) }
  func applied(_ seq: UInt64) { stored.max(seq, ordering: .relaxed) }
}

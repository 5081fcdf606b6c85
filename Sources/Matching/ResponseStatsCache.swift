internal import Synchronization

/// Every producer's answers to introductions, kept between calls: both producer rankings read
/// them for all producers, and re-reading and re-counting the introductions was about a tenth of
/// a ranking call.
///
/// The statistics change only when an introduction is written (each write calls
/// ``invalidate()`` after it commits; a reader that loaded before that commit tagged its rows
/// with the older version, so the next call loads again) or when an unanswered introduction
/// turns 24 hours old and starts to count as requested: a load says when the next one does,
/// and the entry serves only from its load's time until then.
final class ResponseStatsCache: Sendable {
  private struct Entry {
    var version: UInt64
    var from: Int64
    var until: Int64
    var stats: [String: ResponseStats]
  }

  private let version = Atomic<UInt64>(0)
  private let entry = Mutex<Entry?>(nil)

  init() {}

  /// Forgets the statistics: an introduction was written.
  func invalidate() {
    version.add(1, ordering: .sequentiallyConsistent)
  }

  /// The statistics at `now`; `load` computes them and says until when (exclusive) they hold.
  func stats(
    now: Int64, load: () async throws -> (stats: [String: ResponseStats], until: Int64)
  ) async throws -> [String: ResponseStats] {
    let current = version.load(ordering: .sequentiallyConsistent)
    let cached = entry.withLock { entry -> [String: ResponseStats]? in
      guard let entry, entry.version == current, entry.from <= now, now < entry.until else { return nil }
      return entry.stats
    }
    if let cached { return cached }
    let loaded = try await load()
    entry.withLock { entry in
      // A newer load may have finished meanwhile; keep whichever saw the later version.
      if let existing = entry, existing.version > current { return }
      entry = Entry(version: current, from: now, until: loaded.until, stats: loaded.stats)
    }
    return loaded.stats
  }
}

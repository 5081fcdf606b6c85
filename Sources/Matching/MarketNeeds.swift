internal import MatchingAPI
internal import Storage
internal import Synchronization

/// The open RFQs and the buyer profiles as `MatchBuyersForProducer` ranks them: each one's need
/// prepared once (its words folded, its HS codes reduced to digits) and compiled against the
/// index, instead of decoding 700 rows and folding their text on every call.
struct MarketNeeds: Sendable {
  /// A need with what a match card shows of it. A class: a call passes 700 of them around, and
  /// copying the structs inside (a buyer, an RFQ, a need) retains each of their fields.
  final class Entry: Sendable {
    let buyer: Buyer
    /// nil for a buyer's standing profile.
    let rfq: Rfq?
    /// When an RFQ stops being open (milliseconds); `.max` for a profile.
    let expiresMs: Int64
    let need: CompiledNeed

    init(buyer: Buyer, rfq: Rfq?, expiresMs: Int64, need: CompiledNeed) {
      self.buyer = buyer
      self.rfq = rfq
      self.expiresMs = expiresMs
      self.need = need
    }
  }

  /// RFQs with status OPEN whose buyer exists, by id (some may have expired since: compare
  /// `expiresMs` with now).
  var rfqs: [Entry]
  /// Every buyer's profile, by buyer id.
  var profiles: [Entry]
}

/// Keeps ``MarketNeeds`` between calls. Every write to the buyer or RFQ tables calls
/// ``invalidate()`` after it commits; a reader that loaded rows before such a commit tagged
/// them with the older version, so the next call loads again.
///
/// The compiled needs also depend on the index and the day. Index words and countries are
/// interned for good (ids are never reused or removed), so a need compiled when the index had
/// as many words and countries as now is what compiling it again would give.
final class MarketNeedsCache: Sendable {
  /// The market as loaded (folded, not compiled), and its compiled form for one vocabulary.
  private struct State {
    var version: UInt64 = 0
    var loaded: (rfqs: [(Rfq, Buyer, Int64, MatchNeed)], profiles: [(Buyer, MatchNeed)])?
    var compiledKey: (terms: Int, countries: Int, today: Int64)?
    var compiled: MarketNeeds?
  }

  private let version = Atomic<UInt64>(0)
  private let state = Mutex(State())

  init() {}

  /// Forgets the market: a buyer or RFQ changed.
  func invalidate() {
    version.add(1, ordering: .sequentiallyConsistent)
  }

  /// The market compiled against `index` for `today`, loading it with `load` when a write
  /// happened since it was last loaded.
  func needs(
    index: CatalogueIndex, today: Int64,
    load: () async throws -> (rfqs: [(Rfq, Buyer, Int64)], profiles: [Buyer])
  ) async throws -> MarketNeeds {
    let current = version.load(ordering: .sequentiallyConsistent)
    let key = (terms: index.vocabularySize.terms, countries: index.vocabularySize.countries, today: today)
    let cached = state.withLock { state -> MarketNeeds? in
      guard state.version == current, state.loaded != nil, let compiledKey = state.compiledKey,
        compiledKey == key
      else { return nil }
      return state.compiled
    }
    if let cached { return cached }

    var loaded = state.withLock { $0.version == current ? $0.loaded : nil }
    if loaded == nil {
      let rows = try await load()
      loaded = (
        rows.rfqs.map { rfq, buyer, expires in (rfq, buyer, expires, MatchingServiceImpl.need(rfq: rfq, buyer: buyer)) },
        rows.profiles.map { buyer in (buyer, MatchingServiceImpl.need(profile: buyer, query: "")) }
      )
    }
    guard let loaded else { preconditionFailure("loaded above") }
    let compiled = MarketNeeds(
      rfqs: loaded.rfqs.map { rfq, buyer, expires, need in
        MarketNeeds.Entry(buyer: buyer, rfq: rfq, expiresMs: expires, need: CompiledNeed(need, index: index, today: today))
      },
      profiles: loaded.profiles.map { buyer, need in
        MarketNeeds.Entry(buyer: buyer, rfq: nil, expiresMs: .max, need: CompiledNeed(need, index: index, today: today))
      })
    state.withLock { state in
      // A newer load may have finished meanwhile; keep whichever saw the later version.
      guard current >= state.version else { return }
      state.version = current
      state.loaded = loaded
      state.compiledKey = key
      state.compiled = compiled
    }
    return compiled
  }
}

internal import MatchingAPI
internal import Storage
internal import Synchronization

/// A need of the market as `MatchBuyersForProducer` ranks it, with what a match card shows of
/// it. A class: a call passes 700 of them around, and copying the structs inside (a buyer, an
/// RFQ, a need) retains each of their fields.
final class MarketNeed: Sendable {
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

/// Keeps the open RFQs' and the buyer profiles' needs between calls: each prepared once (its
/// words folded, its HS codes reduced to digits) and compiled against the index, instead of
/// decoding 700 rows and folding their text on every `MatchBuyersForProducer` call.
///
/// Every write to the buyer or RFQ tables calls ``invalidate()`` after it commits; a reader
/// that loaded rows before such a commit tagged them with the older version, so the next call
/// loads again. The compiled needs also depend on the index and the day. Index words,
/// countries and currencies are interned for good (ids are never reused or removed), so a need
/// compiled when the index had as many of each as now is what compiling it again would give.
final class MarketNeedsCache: Sendable {
  /// A need as loaded and folded, not yet compiled.
  private struct Prepared: Sendable {
    var buyer: Buyer
    var rfq: Rfq?
    var expiresMs: Int64
    var need: MatchNeed
  }

  private struct State {
    var version: UInt64 = 0
    var prepared: [Prepared]?
    var compiledKey: (terms: Int, countries: Int, currencies: Int, today: Int64)?
    var compiled: [MarketNeed] = []
  }

  private let version = Atomic<UInt64>(0)
  private let state = Mutex(State())

  init() {}

  /// Forgets the market: a buyer or RFQ changed.
  func invalidate() {
    version.add(1, ordering: .sequentiallyConsistent)
  }

  /// The needs of the RFQs with status OPEN whose buyer exists (by id; some may have expired
  /// since: compare `expiresMs` with now), then of every buyer's profile (by buyer id),
  /// compiled against `index` for `today`; `load` reads those RFQs (with their buyer and
  /// expiry) and buyers when a write happened since they were last read.
  func needs(
    index: CatalogueIndex, today: Int64,
    load: () async throws -> (rfqs: [(Rfq, Buyer, Int64)], profiles: [Buyer])
  ) async throws -> [MarketNeed] {
    let current = version.load(ordering: .sequentiallyConsistent)
    let vocabulary = index.vocabularySize
    let key = (terms: vocabulary.terms, countries: vocabulary.countries, currencies: vocabulary.currencies, today: today)
    let (cached, prepared) = state.withLock { state -> ([MarketNeed]?, [Prepared]?) in
      guard state.version == current else { return (nil, nil) }
      if let compiledKey = state.compiledKey, compiledKey == key { return (state.compiled, nil) }
      return (nil, state.prepared)
    }
    if let cached { return cached }

    let needs: [Prepared]
    if let prepared {
      needs = prepared
    } else {
      let rows = try await load()
      needs =
        rows.rfqs.map { rfq, buyer, expires in
          Prepared(buyer: buyer, rfq: rfq, expiresMs: expires, need: MatchingServiceImpl.need(rfq: rfq, buyer: buyer))
        }
        + rows.profiles.map { buyer in
          Prepared(buyer: buyer, rfq: nil, expiresMs: .max, need: MatchingServiceImpl.need(profile: buyer, query: ""))
        }
    }
    let compiled = needs.map { prepared in
      MarketNeed(
        buyer: prepared.buyer, rfq: prepared.rfq, expiresMs: prepared.expiresMs,
        need: CompiledNeed(prepared.need, index: index, today: today))
    }
    state.withLock { state in
      // A newer load may have finished meanwhile; keep whichever saw the later version.
      guard current >= state.version else { return }
      state.version = current
      state.prepared = needs
      state.compiledKey = key
      state.compiled = compiled
    }
    return compiled
  }
}

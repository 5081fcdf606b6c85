internal import CatalogueAPI
internal import CommonAPI
internal import MatchingAPI
internal import Storage

/// Ranks the producers of one index snapshot for one need: the hard filters and the score
/// (without reasons) over the columns of each category that fits, the other categories only
/// read for their producers (to count them as excluded); per producer its best listing; the top
/// `shown` kept in order as they come, so nothing is sorted but the page.
///
/// The result is what a full sort of every passing producer would give: ties between producers
/// break by producer id, between a producer's listings by listing id.
struct ProducerRanking {
  /// A producer's chosen listing.
  struct Candidate {
    var producer: Int32
    var listing: Int32
    var score: Double
    var screening: Screening
  }

  let index: CatalogueIndex
  let need: CompiledNeed
  let options: MatchOptions
  /// Introductions (and, when followed, orders) between the buyer and each producer.
  let history: PairHistories
  /// Each producer's answers to introductions, by producer id.
  let responses: [String: ResponseStats]

  /// Producers with a passing listing.
  private(set) var total = 0
  /// The best `shown` of them, best first.
  private(set) var top: [Candidate] = []
  /// Producers without a passing listing, by the furthest filter each got to.
  private(set) var excluded: [FilterCount] = []
  /// Per producer whose listings fail only on capacity by the deadline, the one that makes the
  /// most (ties by listing id), scored: members for a consortium.
  private(set) var capacityLimited: [Candidate] = []

  init(
    index: CatalogueIndex, need: CompiledNeed, options: MatchOptions, history: PairHistories,
    responses: [String: ResponseStats], shown: Int
  ) {
    self.index = index
    self.need = need
    self.options = options
    self.history = history
    self.responses = responses
    run(shown: shown)
  }

  /// The history and introduction statistics of a producer slot.
  func pair(_ producer: Int32) -> (PairHistory?, ResponseStats?) {
    let id = index.producerIDs[Int(producer)]
    return (history[id], responses[id])
  }

  private mutating func run(shown: Int) {
    let producerCount = index.producerFacts.count
    let eligible = eligibleProducers()
    // A producer without an entry has no history: unknown, or (orders followed) known empty.
    var pairs = [PairHistory?](
      repeating: history.ordersFollowed ? PairHistory(orders: 0) : nil, count: producerCount)
    for (id, entry) in history.entries { if let slot = index.producerSlots[id] { pairs[Int(slot)] = entry } }
    var stats = [ResponseStats?](repeating: nil, count: producerCount)
    for (id, entry) in responses { if let slot = index.producerSlots[id] { stats[Int(slot)] = entry } }

    let (deepest, best, capacity) = Self.scan(
      index: index, need: need, options: options, eligible: eligible, pairs: pairs, stats: stats, shown: shown)

    var counts = [Int32](repeating: 0, count: MatchEngine.filterOrder.count)
    for producer in 0..<producerCount {
      if let candidate = best[producer] {
        total += 1
        keep(candidate, shown: shown)
      } else if deepest[producer] == Self.passedUnscored {
        total += 1
      } else if deepest[producer] >= 0 {
        counts[Int(deepest[producer])] += 1
      }
    }
    excluded = MatchEngine.filterOrder.indices.compactMap { position in
      counts[position] > 0 ? FilterCount(filter: MatchEngine.filterOrder[position], excluded: counts[position]) : nil
    }
    // Only a ranking with no match proposes consortia: score their members only then.
    guard total == 0 else { return }
    capacityLimited = capacity.compactMap { candidate in
      guard var candidate else { return nil }
      candidate.score = MatchEngine.score(
        MatchEngine.facts(
          need, index.facts(candidate.listing), producer: index.producerFacts[Int(candidate.producer)],
          screening: candidate.screening,
          history: pairs[Int(candidate.producer)], responses: stats[Int(candidate.producer)]))
      return candidate
    }
  }

  /// `deepest` of a producer with a passing listing that was not scored: its score could not
  /// reach the page (see ``PageThreshold``).
  private static let passedUnscored = Int8.max

  /// One pass over the listings of the categories that fit: per producer, the index in
  /// filterOrder of the furthest filter a listing got to (-1: none seen; `passedUnscored`), its
  /// best passing listing and its best capacity-limited one. Static, over parameters: through a
  /// `mutating` method's `self` the compiler copied the need for every listing.
  ///
  /// Words are counted only for listings that could reach the page: first the score with
  /// every word of the need found, an upper bound of the real one (each factor's value only
  /// grows with the words found, and rounding keeps a sum of larger terms at least as large);
  /// below the page's threshold, the listing passes unscored. With a minimum score, every
  /// passing listing is scored (whether it passes depends on its score).
  private static func scan(
    index: CatalogueIndex, need: CompiledNeed, options: MatchOptions, eligible: [Bool], pairs: [PairHistory?],
    stats: [ResponseStats?], shown: Int
  ) -> (deepest: [Int8], best: [Candidate?], capacity: [Candidate?]) {
    let producerCount = index.producerFacts.count
    var deepest = [Int8](repeating: -1, count: producerCount)
    var best = [Candidate?](repeating: nil, count: producerCount)
    var capacity = [Candidate?](repeating: nil, count: producerCount)
    // What the score reads of each producer and pair, once per producer that gets that far.
    var sides = [ProducerSide?](repeating: nil, count: producerCount)
    let existingPartner = Int8(MatchEngine.filterOrder.count - 1)
    var threshold = PageThreshold(shown: options.minScore <= 0 ? shown : 0)
    let termCount = need.need.terms.count
    for columns in index.categories where need.categories.isEmpty || need.categories.contains(columns.category) {
      // The columns through buffer pointers: every element is read in place, and a listing's
      // numbers hold no reference, so reading them copies a few bytes and retains nothing.
      columns.numbers.withUnsafeBufferPointer { numbers in
        columns.termPool.withUnsafeBufferPointer { termPool in
          columns.pricePool.withUnsafeBufferPointer { pricePool in
            for position in columns.producers.indices {
              let producer = Int(columns.producers[position])
              guard producer >= 0 && eligible[producer] else { continue }
              if sides[producer] == nil {
                sides[producer] = MatchEngine.side(
                  need, producer: index.producerFacts[producer], history: pairs[producer], responses: stats[producer])
              }
              guard let side = sides[producer] else { continue }
              let listing = numbers[position]
              let slot = Int(columns.slots[position])
              let screening = MatchEngine.screen(
                need, listing, hsDigits: columns.hsDigits[position], certified: side.certified)
              if let failure = screening.firstFailure {
                deepest[producer] = max(deepest[producer], Int8(failure))
                if screening.onlyCapacity && screening.capacityByDeadline > 0 {
                  if let current = capacity[producer],
                    current.screening.capacityByDeadline > screening.capacityByDeadline
                      || (current.screening.capacityByDeadline == screening.capacityByDeadline
                        && index.listingIDs[Int(current.listing)] < index.listingIDs[slot])
                  {
                    continue
                  }
                  capacity[producer] = Candidate(
                    producer: Int32(producer), listing: Int32(slot), score: 0, screening: screening)
                }
                continue
              }
              if options.excludeExistingPartners && pairs[producer]?.known == true {
                deepest[producer] = existingPartner
                continue
              }
              let prices = Int(listing.priceStart)
              var facts = MatchEngine.facts(
                need, listing, termsFound: termCount,
                prices: UnsafeBufferPointer(rebasing: pricePool[prices..<prices + Int(listing.priceCount)]),
                side: side, screening: screening)
              if threshold.excludes(MatchEngine.score(facts)) {
                if best[producer] == nil { deepest[producer] = passedUnscored }
                continue
              }
              let terms = Int(listing.termStart)
              facts.termsFound = need.terms.count(
                in: UnsafeBufferPointer(rebasing: termPool[terms..<terms + Int(listing.termCount)]))
              let score = MatchEngine.score(facts)
              if score < options.minScore { continue }
              if let current = best[producer],
                current.score > score
                  || (current.score == score && index.listingIDs[Int(current.listing)] < index.listingIDs[slot])
              {
                continue
              }
              best[producer] = Candidate(
                producer: Int32(producer), listing: Int32(slot), score: score, screening: screening)
              threshold.offer(Int32(producer), score)
            }
          }
        }
      }
    }
    // A producer no listing of a fitting category reached, with active listings: all of them
    // are of other categories.
    for producer in 0..<producerCount
    where deepest[producer] < 0 && best[producer] == nil && eligible[producer]
      && index.activeListingCounts[producer] > 0
    {
      deepest[producer] = 0
    }
    return (deepest, best, capacity)
  }

  /// The best scores of up to `shown` distinct producers seen so far. Once there are `shown`
  /// of them, a listing scoring below the lowest cannot put its producer on the page: those
  /// producers only gain (a producer's best only rises), so the last place ends at least as
  /// high. Equal scores are never excluded (producer ids break the tie).
  struct PageThreshold {
    private let shown: Int
    private var producers: [Int32] = []
    private var scores: [Double] = []
    private var lowest = -Double.infinity

    /// No threshold when `shown` is 0 or large (the linear updates would cost more).
    init(shown: Int) {
      self.shown = shown <= 64 ? shown : 0
    }

    func excludes(_ bound: Double) -> Bool { bound < lowest }

    /// `producer`'s best listing now scores `score`.
    mutating func offer(_ producer: Int32, _ score: Double) {
      guard shown > 0 else { return }
      if let position = producers.firstIndex(of: producer) {
        scores[position] = max(scores[position], score)
      } else if producers.count < shown {
        producers.append(producer)
        scores.append(score)
      } else if score > lowest, let position = scores.firstIndex(of: lowest) {
        producers[position] = producer
        scores[position] = score
      } else {
        return
      }
      if producers.count == shown { lowest = scores.min() ?? lowest }
    }
  }

  /// Known, not deleted, and in the villages and districts the options ask for.
  private func eligibleProducers() -> [Bool] {
    var eligible = index.producerFacts.map(\.eligible)
    let villages = Set(options.villageIds)
    let districts = Set(options.districts.map { VietnameseFolding.fold($0.trimmingSpaces) })
    guard !villages.isEmpty || !districts.isEmpty else { return eligible }
    for (slot, producer) in index.producersBySlot.enumerated() where eligible[slot] {
      guard let producer else { continue }
      if !villages.isEmpty && !villages.contains(producer.villageId) {
        eligible[slot] = false
      } else if !districts.isEmpty {
        let district = index.villages[producer.villageId]?.district ?? ""
        eligible[slot] = districts.contains(VietnameseFolding.fold(district))
      }
    }
    return eligible
  }

  /// Whether `a` ranks before `b`: higher score, then lower producer id.
  private func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
    a.score != b.score ? a.score > b.score : index.producerIDs[Int(a.producer)] < index.producerIDs[Int(b.producer)]
  }

  /// Keeps `candidate` among the best `shown`, in order.
  private mutating func keep(_ candidate: Candidate, shown: Int) {
    if top.count == shown {
      guard let last = top.last, precedes(candidate, last) else { return }
      top.removeLast()
    }
    var position = top.count
    while position > 0 && precedes(candidate, top[position - 1]) { position -= 1 }
    top.insert(candidate, at: position)
  }
}

extension MatchEngine {
  /// A screened, passing listing explained: its card's filter result, its score and the
  /// components with their reasons. The score is the one ``score(_:)`` gives for the same facts.
  static func explain(
    _ need: CompiledNeed, _ indexed: CatalogueIndex.IndexedListing, producer: Producer,
    producerFacts: ProducerFacts, screening: Screening, history: PairHistory?, responses: ResponseStats?,
    index: CatalogueIndex
  ) -> (filter: FilterResult, score: Double, components: [ScoreComponent]) {
    let filter = filterResult(need, indexed.facts, producer: producer, screening: screening)
    let facts = facts(
      need, indexed.facts, producer: producerFacts, screening: screening, history: history, responses: responses)
    let context = ExplainContext(
      need: need.need,
      foundWords: need.need.terms.filter { term in index.termID(term).map(indexed.facts.terms.contains) ?? false },
      unitPrice: filter.unitPrice, certifications: filter.validCertifications,
      exportMarkets: producer.exportMarkets.map { $0.uppercased() }, responses: responses, history: history)
    let (score, components) = explain(facts, context)
    return (filter, score, components)
  }
}

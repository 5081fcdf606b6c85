internal import Auth
internal import CommonAPI
public import CatalogueAPI
internal import Matching
internal import MatchingAPI
internal import RPCCore

/// Ranking quality against graded ground truth.
public enum RankingMetrics {
  /// log₂(i + 1) for ranks 1…10 (no libm, so the same digits everywhere).
  static let discounts: [Double] = [
    1.0, 1.584_962_500_721_156, 2.0, 2.321_928_094_887_362, 2.584_962_500_721_156,
    2.807_354_922_057_604, 3.0, 3.169_925_001_442_312, 3.321_928_094_887_362, 3.459_431_618_637_297,
  ]

  static func gain(_ grade: Int) -> Double { Double((1 << grade) - 1) }

  /// NDCG@k with gains 2^grade − 1; nil when no producer has a positive grade.
  public static func ndcg(ranked: [String], grades: [String: Int], k: Int = 10) -> Double? {
    let ideal = grades.values.filter { $0 > 0 }.sorted(by: >).prefix(k)
    guard !ideal.isEmpty else { return nil }
    let idcg = ideal.enumerated().reduce(0.0) { $0 + gain($1.element) / discounts[$1.offset] }
    let dcg = ranked.prefix(k).enumerated().reduce(0.0) { $0 + gain(grades[$1.element] ?? 0) / discounts[$1.offset] }
    return dcg / idcg
  }

  /// Relevant (grade ≥ `minimumGrade`) producers in the top k, over min(relevant, k); nil when
  /// none is relevant.
  public static func recall(ranked: [String], grades: [String: Int], k: Int = 10, minimumGrade: Int = 2) -> Double? {
    let relevant = Set(grades.filter { $0.value >= minimumGrade }.keys)
    guard !relevant.isEmpty else { return nil }
    let found = ranked.prefix(k).filter(relevant.contains).count
    return Double(found) / Double(min(relevant.count, k))
  }
}

/// One ranker's averages over the cases that have relevant producers.
public struct RankerResult: Sendable {
  public var name: String
  public var ndcg: Double
  public var recall: Double
  /// Cases where the ranker proposed nobody.
  public var empty: Int
}

/// The whole evaluation: cases, the engine and the baselines, and their scores.
public struct EvaluationReport: Sendable {
  public var cases: Int
  /// Cases with at least one producer graded ≥ 1 (NDCG) / ≥ 2 (recall).
  public var gradedCases: Int
  public var recallCases: Int
  public var meanRelevant: Double
  /// Producers graded 1, 2 and 3 per case, on average.
  public var meanPerGrade: [Double]
  public var rankers: [RankerResult]

  public func result(_ name: String) -> RankerResult? { rankers.first { $0.name == name } }

  /// A plain-text table for people.
  public func table() -> String {
    let perGrade = meanPerGrade.enumerated().map { "grade \($0.offset + 1): \(format2($0.element))" }
    var lines = [
      "offline evaluation: \(cases) simulated RFQs, \(gradedCases) with graded producers (NDCG), \(recallCases) with grade ≥ 2 (recall)",
      "producers per RFQ on average: " + perGrade.joined(separator: ", ") + "; relevant (grade ≥ 2) where any: \(format2(meanRelevant))",
      "recall@10 = relevant in the top 10 / min(relevant, 10)",
      "ranker                              NDCG@10   recall@10   empty",
    ]
    for ranker in rankers {
      let name = ranker.name.padding(34)
      lines.append("\(name)  \(format2(ranker.ndcg, width: 7))   \(format2(ranker.recall, width: 9))   \(String(ranker.empty).leftPadding(5))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

func format2(_ value: Double, width: Int = 0) -> String {
  let hundredths = Int((value * 1000).rounded())
  let text = "\(hundredths / 1000).\(String(hundredths % 1000).leftPadding(3, with: "0"))"
  return text.leftPadding(width)
}

extension String {
  func leftPadding(_ width: Int, with pad: Character = " ") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

/// Runs the offline evaluation over the demo catalogue (or any catalogue).
public enum Evaluation {
  public static let engine = "engine (MatchProducersForRfq)"
  public static let bm25 = "baseline: BM25 text search"
  public static let bm25Category = "baseline: BM25 + category facet"
  public static let bm25Filtered = "baseline: BM25 + all hard filters"

  /// Generates `count` cases from `seed`, posts each buyer and RFQ to a store holding the
  /// catalogue, ranks with the engine through the service and with the baselines, and grades
  /// all three against the hidden preferences.
  public static func run(
    villages: [Village], producers: [Producer], listings: [Listing], count: Int = 200, seed: UInt64 = 7
  ) async throws -> EvaluationReport {
    let world = try await EvalWorld(villages: villages, producers: producers, listings: listings)
    let today = dayInVietnam(world.now)
    let simulation = Simulation(producers: producers, listings: listings, today: today)
    let textIndex = BM25Index(listings: listings)
    let cases = simulation.cases(count: count, seed: seed)

    var sums: [String: (ndcg: Double, recall: Double, empty: Int)] = [:]
    var graded = 0, recalled = 0, relevantTotal = 0
    var gradeCounts = [0, 0, 0]
    for (number, evalCase) in cases.enumerated() {
      let grades = simulation.grades(for: evalCase.preference, caseNumber: number, seed: seed)
      _ = try await world.store.createBuyer(evalCase.buyer)
      let client = world.client(as: .buyer(evalCase.buyer.id))
      let rfq = try await client.createRfq(CreateRfqRequest(rfq: evalCase.rfq, requestId: "")).message
      var request = MatchProducersForRfqRequest()
      request.rfqId = rfq.id
      request.pageSize = 10
      let response = try await client.matchProducersForRfq(request).message
      let engineRanking = response.matches.compactMap { match -> String? in
        guard case .producer(let candidate) = match.candidate else { return nil }
        return candidate.producer?.producerId
      }
      let query = ([rfq.title, rfq.description] + rfq.materials).joined(separator: " ")
      let rankings: [(String, [String])] = [
        (engine, engineRanking),
        (bm25, textIndex.rankProducers(query, limit: 10)),
        (bm25Category, textIndex.rankProducers(query, category: rfq.category, limit: 10)),
        (bm25Filtered, textIndex.rankProducers(query, limit: 10) { listing in
          HardFilters.pass(listing, producer: simulation.producers[listing.producerId], rfq: rfq, today: today)
        }),
      ]
      let ndcgs = rankings.map { RankingMetrics.ndcg(ranked: $0.1, grades: grades) }
      let recalls = rankings.map { RankingMetrics.recall(ranked: $0.1, grades: grades) }
      if ndcgs[0] != nil { graded += 1 }
      if recalls[0] != nil {
        recalled += 1
        relevantTotal += grades.values.count { $0 >= 2 }
      }
      for grade in 1...3 { gradeCounts[grade - 1] += grades.values.count { $0 == grade } }
      for (index, (name, ranking)) in rankings.enumerated() {
        var sum = sums[name] ?? (0, 0, 0)
        sum.ndcg += ndcgs[index] ?? 0
        sum.recall += recalls[index] ?? 0
        if ranking.isEmpty && ndcgs[index] != nil { sum.empty += 1 }
        sums[name] = sum
      }
    }
    await world.close()
    let rankers = [engine, bm25, bm25Category, bm25Filtered].map { name in
      let sum = sums[name] ?? (0, 0, 0)
      return RankerResult(
        name: name, ndcg: graded == 0 ? 0 : sum.ndcg / Double(graded),
        recall: recalled == 0 ? 0 : sum.recall / Double(recalled), empty: sum.empty)
    }
    return EvaluationReport(
      cases: cases.count, gradedCases: graded, recallCases: recalled,
      meanRelevant: recalled == 0 ? 0 : Double(relevantTotal) / Double(recalled),
      meanPerGrade: gradeCounts.map { cases.isEmpty ? 0 : Double($0) / Double(cases.count) }, rankers: rankers)
  }

  /// The Vietnamese calendar day (UTC+7) of `milliseconds` since the epoch.
  static func dayInVietnam(_ milliseconds: Int64) -> Int64 {
    let local = milliseconds + 7 * 3_600_000
    return local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
  }
}

/// The engine's hard filters, re-implemented from the definition for the filtered
/// baseline (category/HS, MOQ ≤ quantity, capacity × time to the deadline, certifications valid
/// at the deadline, incoterm no more demanding than the one offered), so the table separates
/// what filtering buys from what the explained score adds.
enum HardFilters {
  static func pass(_ listing: Listing, producer: Producer?, rfq: Rfq, today: Int64) -> Bool {
    guard let producer, !producer.deleted, listing.category == rfq.category else { return false }
    if !rfq.hsCode.isEmpty && !digits(listing.hsCode).hasPrefix(digits(rfq.hsCode)) { return false }
    if listing.unit != rfq.quantityUnit || listing.moq > rfq.quantity { return false }
    guard let deadline = rfq.deadline.map(Simulation.dayNumber) else { return true }
    let days = deadline - today
    if days < Int64(listing.leadTimeDays) || listing.monthlyCapacity * days / 30 < rfq.quantity { return false }
    let held = Set(Simulation.validCertifications(producer, on: deadline))
    if !rfq.requiredCertifications.allSatisfy(held.contains) { return false }
    return rfq.incoterm == .unspecified || Simulation.rank(listing.incoterm) >= Simulation.rank(rfq.incoterm)
  }

  static func digits(_ code: String) -> String { code.filter(\.isNumber) }
}

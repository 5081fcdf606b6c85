import Catalogue
import MatchingEval
import Testing

@Suite("Offline evaluation: the engine against hidden buyer preferences")
struct EvaluationTests {
  /// Deterministic (seeded cases, seeded noise, the demo catalogue, a pinned clock), so these
  /// are margins on fixed numbers, not statistics that may flake. `matching-eval` prints the
  /// same table for any number of cases.
  @Test("the engine reaches NDCG@10 ≥ 0.85 and beats plain text search by a margin")
  func engineBeatsTextSearch() async throws {
    let demo = DemoCatalogue.generate()
    let report = try await Evaluation.run(
      villages: demo.villages, producers: demo.producers, listings: demo.listings, count: 100, seed: 7)
    print(report.table(), terminator: "")
    let engine = try #require(report.result(Evaluation.engine))
    let bm25 = try #require(report.result(Evaluation.bm25))
    let facet = try #require(report.result(Evaluation.bm25Category))
    let filtered = try #require(report.result(Evaluation.bm25Filtered))
    #expect(report.gradedCases >= 95)
    #expect(engine.ndcg >= 0.85)
    #expect(engine.ndcg >= bm25.ndcg + 0.05)
    #expect(engine.ndcg >= facet.ndcg + 0.05)
    #expect(engine.recall >= bm25.recall + 0.03)
    // Text search behind the same hard filters comes close: the score must not do worse.
    #expect(engine.ndcg >= filtered.ndcg)
  }
}

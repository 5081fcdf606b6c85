import ArgumentParser
import Catalogue
import MatchingEval

/// `matching-eval`: the matching engine's offline evaluation (NDCG@10 and recall@10 against
/// hidden buyer preferences, with text-search baselines in the same run). Ranking latency is
/// `Benchmarks/run.sh matching`.
@main
struct MatchingEvalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matching-eval",
    abstract: "Offline evaluation of the matching engine.")

  @Option(help: "Simulated RFQs.") var cases: Int = 200
  @Option(help: "Seed of the simulated buyers (the catalogue is the demo's).") var seed: UInt64 = 7

  func run() async throws {
    let demo = DemoCatalogue.generate()
    let report = try await Evaluation.run(
      villages: demo.villages, producers: demo.producers, listings: demo.listings, count: cases, seed: seed)
    print(report.table(), terminator: "")
  }
}

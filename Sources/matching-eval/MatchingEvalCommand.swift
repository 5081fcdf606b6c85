import ArgumentParser
import Catalogue
import MatchingEval

/// `matching-eval`: the matching engine's offline evaluation (NDCG@10 and recall@10 against
/// hidden buyer preferences, with text-search baselines in the same run) and, with `--bench`,
/// its ranking latency over a scaled-up catalogue (build with `-c release` for real figures).
@main
struct MatchingEvalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matching-eval",
    abstract: "Offline evaluation and ranking benchmark of the matching engine.")

  @Option(help: "Simulated RFQs.") var cases: Int = 200
  @Option(help: "Seed of the simulated buyers (the catalogue is the demo's).") var seed: UInt64 = 7
  @Flag(help: "Run the ranking benchmark instead of the evaluation.") var bench = false
  @Option(help: "Benchmark: listings in the scaled catalogue.") var listings: Int = 50_000
  @Option(help: "Benchmark: producers in the scaled catalogue.") var producers: Int = 5_000
  @Option(help: "Benchmark: timed rankings.") var iterations: Int = 200

  func run() async throws {
    let demo = DemoCatalogue.generate()
    if bench {
      let scaled = RankingBenchmark.scale(
        villages: demo.villages, producers: demo.producers, listings: demo.listings,
        toProducers: producers, listings: listings)
      let results = try await RankingBenchmark.run(
        villages: scaled.villages, producers: scaled.producers, listings: scaled.listings,
        iterations: iterations)
      print(RankingBenchmark.table(results, listings: scaled.listings.count, producers: scaled.producers.count), terminator: "")
      return
    }
    let report = try await Evaluation.run(
      villages: demo.villages, producers: demo.producers, listings: demo.listings, count: cases, seed: seed)
    print(report.table(), terminator: "")
  }
}

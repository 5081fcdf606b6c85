// Command-line settings of matching-bench.

import Foundation

/// Settings from the command line.
struct MatchingBenchOptions {
  /// Listings and producers in the scaled catalogue (the issue asks for 50,000 / 5,000).
  var listings = 50_000
  var producers = 5_000
  /// Timed calls per case, after `warmUp` untimed ones.
  var iterations = 300
  /// Untimed calls per case first: a tenth of `iterations`.
  var warmUp: Int { max(3, iterations / 10) }
  /// Only cases whose name contains this (case-insensitive).
  var filter: String?

  static let usage = """
    usage: matching-bench [--quick] [--listings N] [--producers N] [--iterations N] [--filter TEXT]
      --quick           10,000 listings / 1,000 producers, 50 iterations (a smoke run)
      --listings N      listings in the scaled demo catalogue (default 50000)
      --producers N     producers in it (default 5000)
      --iterations N    timed calls per case (default 300; a tenth more untimed first)
      --filter TEXT     only cases whose name contains TEXT ("baseline", "rfq", "producer")
    """

  static func parse(_ arguments: [String]) -> MatchingBenchOptions {
    var options = MatchingBenchOptions()
    var index = 0
    func fail(_ message: String) -> Never {
      print("matching-bench: \(message)\n\(usage)")
      exit(2)
    }
    func count(_ name: String) -> Int {
      index += 1
      guard index < arguments.count,
        let number = Int(arguments[index].replacingOccurrences(of: "_", with: "")), number > 0
      else { fail("bad \(name)") }
      return number
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--quick":
        options.listings = 10_000
        options.producers = 1_000
        options.iterations = 50
      case "--listings": options.listings = count("--listings")
      case "--producers": options.producers = count("--producers")
      case "--iterations": options.iterations = count("--iterations")
      case "--filter":
        index += 1
        guard index < arguments.count else { fail("missing value after --filter") }
        options.filter = arguments[index].lowercased()
      case "--help", "-h":
        print(usage)
        exit(0)
      default:
        fail("unknown argument \(arguments[index])")
      }
      index += 1
    }
    return options
  }

  /// Whether the case called `name` runs.
  func selects(_ name: String) -> Bool {
    guard let filter else { return true }
    return name.lowercased().contains(filter)
  }
}

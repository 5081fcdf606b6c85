// Command-line settings of catalogue-bench.

import Foundation

/// Settings from the command line.
struct CatalogueBenchOptions {
  /// Listings in the benchmark catalogue (the issue asks for 100,000).
  var listings = 100_000
  /// Timed calls per query case, after `warmUp` untimed ones.
  var iterations = 2_000
  /// Untimed calls per case first (statement caches, page cache): a tenth of `iterations`.
  var warmUp: Int { max(3, iterations / 10) }
  /// Rows in the import case (the 10,000-row CSV).
  var importRows = 10_000
  /// Rows per `importRows` call: `CatalogueServiceImpl`'s default `importBatchSize`.
  var importBatch = 500
  /// Reuse (or create and keep) the database at this path instead of a fresh temp file.
  var databasePath: String?
  /// Only cases whose name contains this (case-insensitive).
  var filter: String?

  static let usage = """
    usage: catalogue-bench [--quick] [--listings N] [--iterations N] [--import-rows N]
                           [--import-batch N] [--db PATH] [--filter TEXT]
      --quick           20,000 listings, 300 iterations, 2,000 import rows (a smoke run)
      --listings N      listings in the catalogue (default 100000)
      --iterations N    timed calls per query case (default 2000; a tenth more untimed first)
      --import-rows N   rows in the import case (default 10000)
      --import-batch N  rows per importRows call, as BulkImport batches them (default 500)
      --db PATH         keep the database at PATH and reuse it next time (skips seeding when
                        it already holds the listings; each run's import adds rows to it)
      --filter TEXT     only cases whose name contains TEXT ("baseline", "(b)", "import")
    """

  static func parse(_ arguments: [String]) -> CatalogueBenchOptions {
    var options = CatalogueBenchOptions()
    var index = 0
    func fail(_ message: String) -> Never {
      print("catalogue-bench: \(message)\n\(usage)")
      exit(2)
    }
    func value() -> String {
      index += 1
      guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
      return arguments[index]
    }
    func count(_ name: String) -> Int {
      guard let number = Int(value().replacingOccurrences(of: "_", with: "")), number > 0 else {
        fail("bad \(name)")
      }
      return number
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--quick":
        options.listings = 20_000
        options.iterations = 300
        options.importRows = 2_000
      case "--listings": options.listings = count("--listings")
      case "--iterations": options.iterations = count("--iterations")
      case "--import-rows": options.importRows = count("--import-rows")
      case "--import-batch": options.importBatch = count("--import-batch")
      case "--db": options.databasePath = value()
      case "--filter": options.filter = value().lowercased()
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

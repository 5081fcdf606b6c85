// The timing harness: warm-up, then fixed time budgets per round, median round reported.

import Foundation

/// Settings from the command line.
struct BenchOptions {
  /// Time spent per measured round.
  var roundBudget: Duration = .seconds(1)
  /// Measured rounds per case; the median is reported.
  var rounds = 5
  /// Warm-up before the first round.
  var warmUp: Duration = .milliseconds(300)
  /// Only cases whose name contains this (case-insensitive).
  var filter: String?
  /// When set: no timing, just run each selected case this many times (for callgrind/perf).
  var fixedIterations: Int?
  /// Listings in the search response.
  var searchSize = 1_000
  /// With `--iterations`: run only our side (`ours`) or only swift-protobuf's (`swift-protobuf`).
  var side: String?

  static let usage = """
    usage: craft-bench [--quick] [--budget SECONDS] [--rounds N] [--filter TEXT]
                       [--iterations N [--side ours|swift-protobuf]] [--search-size N]
      --quick          0.2 s x 3 rounds, 0.05 s warm-up (a smoke run)
      --budget S       seconds per measured round (default 1)
      --rounds N       measured rounds per case, median reported (default 5)
      --filter TEXT    only cases whose name contains TEXT (e.g. "decode", "ours")
      --iterations N   no timing: run each selected case N times (for valgrind/perf)
      --side S         with --iterations, only one library: ours or swift-protobuf
      --search-size N  listings in the search response (default 1000)
    """

  static func parse(_ arguments: [String]) -> BenchOptions {
    var options = BenchOptions()
    var index = 0
    func value() -> String {
      index += 1
      guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
      return arguments[index]
    }
    func fail(_ message: String) -> Never {
      print("craft-bench: \(message)\n\(usage)")
      exit(2)
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--quick":
        options.roundBudget = .milliseconds(200)
        options.rounds = 3
        options.warmUp = .milliseconds(50)
      case "--budget":
        guard let seconds = Double(value()), seconds > 0 else { fail("bad --budget") }
        options.roundBudget = .nanoseconds(Int64(seconds * 1e9))
      case "--rounds":
        guard let rounds = Int(value()), rounds > 0 else { fail("bad --rounds") }
        options.rounds = rounds
      case "--filter":
        options.filter = value().lowercased()
      case "--iterations":
        guard let count = Int(value()), count > 0 else { fail("bad --iterations") }
        options.fixedIterations = count
      case "--side":
        let side = value()
        guard side == "ours" || side == "swift-protobuf" else { fail("bad --side") }
        options.side = side
      case "--search-size":
        guard let count = Int(value()), count > 0 else { fail("bad --search-size") }
        options.searchSize = count
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
}

/// The checksum every measured operation feeds, so the optimizer cannot drop the work.
nonisolated(unsafe) var checksum: UInt64 = 0

/// Folds a value into `checksum` behind a call the optimizer cannot see through.
@inline(never)
func consume(_ value: Int) {
  checksum = checksum &* 31 &+ UInt64(truncatingIfNeeded: value)
}

extension Duration {
  var nanoseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
  }
}

/// One measured operation: `body` runs it once and returns a value for the checksum.
struct BenchCase {
  var name: String
  /// Bytes of the encoding the operation reads or writes (for MB/s).
  var bytes: Int
  var body: () -> Int

  /// Runs the operation for about `options.warmUp` and returns a batch size of about 50 µs, so
  /// the clock is read rarely.
  func warmUp(_ options: BenchOptions) -> Int {
    let clock = ContinuousClock()
    var batch = 1
    let start = clock.now
    var ops = 0
    while clock.now - start < options.warmUp {
      for _ in 0..<batch { consume(body()) }
      ops += batch
      if batch < 1 << 20 { batch *= 2 }
    }
    let perOp = (clock.now - start).nanoseconds / Double(max(ops, 1))
    return max(1, Int(50_000 / max(perOp, 1)))
  }

  /// One round: whole batches until `options.roundBudget` has passed; nanoseconds per operation.
  func round(_ options: BenchOptions, batch: Int) -> Double {
    let clock = ContinuousClock()
    var ops = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
      for _ in 0..<batch { consume(body()) }
      ops += batch
      elapsed = clock.now - start
    } while elapsed < options.roundBudget
    return elapsed.nanoseconds / Double(ops)
  }
}

/// One row of the table: the same operation in both libraries.
struct BenchPair {
  var name: String
  var ours: BenchCase
  var theirs: BenchCase
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func formatted(_ value: Double, decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  var text = String(rounded)
  if text.hasSuffix(".0") && decimals == 0 { text.removeLast(2) }
  if let dot = text.firstIndex(of: ".") {
    let fraction = text.distance(from: dot, to: text.endIndex) - 1
    if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
  } else if decimals > 0 {
    text += "." + String(repeating: "0", count: decimals)
  }
  return text
}

func grouped(_ value: Double) -> String {
  let whole = Int(value.rounded())
  var digits = String(whole)
  var out = ""
  while digits.count > 3 {
    out = "," + digits.suffix(3) + out
    digits.removeLast(3)
  }
  return digits + out
}

func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
  let padding = String(repeating: " ", count: max(0, width - text.count))
  return left ? text + padding : padding + text
}

/// Runs every pair and prints the table.
func runPairs(_ pairs: [BenchPair], options: BenchOptions) {
  let selected = pairs.filter { pair in
    guard let filter = options.filter else { return true }
    return pair.name.lowercased().contains(filter)
  }
  if let iterations = options.fixedIterations {
    // Profiling mode: no clock, just the work (one library with --side).
    for pair in selected {
      if options.side != "swift-protobuf" {
        for _ in 0..<iterations { consume(pair.ours.body()) }
      }
      if options.side != "ours" {
        for _ in 0..<iterations { consume(pair.theirs.body()) }
      }
    }
    print("ran \(selected.count) case(s) x \(iterations); checksum \(checksum)")
    return
  }

  let header = [
    pad("case", 34, left: true), pad("bytes", 9), pad("ns/msg ours", 14),
    pad("ns/msg s-pb", 14), pad("MB/s ours", 10), pad("MB/s s-pb", 10), pad("speed-up", 9),
  ]
  print(header.joined(separator: " "))
  print(String(repeating: "-", count: header.joined(separator: " ").count))
  for pair in selected {
    // Rounds alternate between the libraries, so a change in machine load hits both alike.
    let oursBatch = pair.ours.warmUp(options)
    let theirsBatch = pair.theirs.warmUp(options)
    var oursRounds: [Double] = []
    var theirsRounds: [Double] = []
    for _ in 0..<options.rounds {
      oursRounds.append(pair.ours.round(options, batch: oursBatch))
      theirsRounds.append(pair.theirs.round(options, batch: theirsBatch))
    }
    let ours = median(oursRounds)
    let theirs = median(theirsRounds)
    // 1 MB = 10^6 bytes.
    let oursMBs = Double(pair.ours.bytes) / ours * 1e3
    let theirsMBs = Double(pair.theirs.bytes) / theirs * 1e3
    let row = [
      pad(pair.name, 34, left: true), pad(String(pair.ours.bytes), 9),
      pad(grouped(ours), 14), pad(grouped(theirs), 14),
      pad(formatted(oursMBs, decimals: 0), 10), pad(formatted(theirsMBs, decimals: 0), 10),
      pad(formatted(theirs / ours, decimals: 2) + "x", 9),
    ]
    print(row.joined(separator: " "))
  }
  print("(median of \(options.rounds) rounds of \(options.roundBudget); 1 MB = 10^6 bytes; "
    + "speed-up = swift-protobuf time / our time; checksum \(checksum % 1000))")
}

// Per-call latency, shared by catalogue-bench and matching-bench: run a call many times one
// after another, keep every duration, report percentiles. Calls are sequential (one in
// flight), so a figure is one call's latency on an otherwise idle process.

import Foundation

/// Percentiles of one case.
public struct LatencySummary: Sendable {
  public var name: String
  public var calls: Int
  public var p50: Duration
  public var p99: Duration
  public var mean: Duration
  public var max: Duration
  /// The same percentiles of each call's process CPU time: a wall-clock p99 far above the
  /// CPU p99 is time spent waiting (for a core, a disk), not work some calls do and others not.
  public var cpuP50: Duration?
  public var cpuP99: Duration?
  /// What the call returned, shown so a reader can see the query did real work.
  public var detail: String
  /// What the slowest call (wall clock) returned, with its CPU time.
  public var slowest: String?

  /// Nearest-rank percentiles of `samples` (and of `cpu`, each call's CPU time, when given).
  public init(name: String, samples: [Duration], cpu: [Duration] = [], detail: String, slowest: String? = nil) {
    precondition(!samples.isEmpty, "no samples")
    let sorted = samples.sorted()
    self.name = name
    self.calls = sorted.count
    self.p50 = Self.rank(0.50, sorted)
    self.p99 = Self.rank(0.99, sorted)
    self.mean = sorted.reduce(Duration.zero, +) / sorted.count
    self.max = sorted[sorted.count - 1]
    if !cpu.isEmpty {
      let sortedCPU = cpu.sorted()
      cpuP50 = Self.rank(0.50, sortedCPU)
      cpuP99 = Self.rank(0.99, sortedCPU)
    }
    self.detail = detail
    self.slowest = slowest
  }

  private static func rank(_ p: Double, _ sorted: [Duration]) -> Duration {
    sorted[Swift.max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
  }
}

/// Runs `body` `warmUp` times untimed, then `iterations` times timed; `body` returns a short
/// description of its result (the last one is kept for the table).
@MainActor
public func measureLatency(
  _ name: String, warmUp: Int, iterations: Int, _ body: () async throws -> String
) async throws -> LatencySummary {
  var detail = ""
  for _ in 0..<warmUp { detail = try await body() }
  let clock = ContinuousClock()
  var samples: [Duration] = []
  var cpu: [Duration] = []
  samples.reserveCapacity(iterations)
  cpu.reserveCapacity(iterations)
  var slowest = "", slowestTime = Duration.zero
  for _ in 0..<iterations {
    let cpuStart = processCPUSeconds()
    let start = clock.now
    detail = try await body()
    let elapsed = start.duration(to: clock.now)
    let cpuTime = Duration.nanoseconds(Int64((processCPUSeconds() - cpuStart) * 1e9))
    if elapsed > slowestTime { (slowest, slowestTime) = ("\(detail) (CPU \(cpuTime.milliseconds) ms)", elapsed) }
    samples.append(elapsed)
    cpu.append(cpuTime)
  }
  return LatencySummary(name: name, samples: samples, cpu: cpu, detail: detail, slowest: slowest)
}

/// CPU time the whole process has used, in seconds: calls run one at a time and nothing else
/// runs in the process, so its growth over a case is what the case's calls cost, however busy
/// the machine is (wall-clock percentiles are not).
public func processCPUSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

extension Duration {
  /// Milliseconds with three decimals ("0.412").
  public var milliseconds: String {
    let (seconds, attoseconds) = components
    let ms = Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    return String(format: "%.3f", ms)
  }

  /// Seconds as a Double.
  public var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}

/// Resident bytes of the process, after handing free heap pages back to the system (glibc's
/// `malloc_trim`, found at run time: the Glibc module does not export malloc.h), so that the
/// difference around an allocation is what it keeps (shared by catalogue-bench and
/// matching-bench).
public func residentBytes() -> Int {
  #if canImport(Glibc)
    typealias Trim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(nil, "malloc_trim") {
      _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
  #endif
  guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = statm.split(separator: " ")
  return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(getpagesize()) : 0
}

/// Pads `text` to `width` (left-aligned, or right-aligned for numbers).
public func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
  let count = text.count
  guard count < width else { return text }
  let padding = String(repeating: " ", count: width - count)
  return right ? padding + text : text + padding
}

/// Prints the latency table.
public func printLatencyTable(_ rows: [LatencySummary]) {
  let nameWidth = Swift.max(4, rows.map(\.name.count).max() ?? 0)
  print(
    pad("case", nameWidth) + "  " + pad("calls", 6, right: true) + "  "
      + pad("p50 ms", 8, right: true) + "  " + pad("p99 ms", 8, right: true) + "  "
      + pad("mean ms", 8, right: true) + "  " + pad("max ms", 8, right: true) + "  "
      + pad("CPU p50", 8, right: true) + "  " + pad("CPU p99", 8, right: true) + "  result")
  for row in rows {
    print(
      pad(row.name, nameWidth) + "  " + pad(String(row.calls), 6, right: true) + "  "
        + pad(row.p50.milliseconds, 8, right: true) + "  "
        + pad(row.p99.milliseconds, 8, right: true) + "  "
        + pad(row.mean.milliseconds, 8, right: true) + "  "
        + pad(row.max.milliseconds, 8, right: true) + "  "
        + pad(row.cpuP50?.milliseconds ?? "-", 8, right: true) + "  "
        + pad(row.cpuP99?.milliseconds ?? "-", 8, right: true) + "  " + row.detail)
  }
}

/// SplitMix64, the same generator the catalogue demo uses, so the demo market is the same on
/// every machine and run for a given seed. Never `SystemRandomNumberGenerator`, and never the
/// iteration order of a `Set` or `Dictionary` (randomised per process).
package struct MarketRandom: Sendable {
  private var state: UInt64

  /// A generator for one independent stream of `seed` (buyers, RFQs, evaluation cases), so a
  /// change to one part does not shift the numbers another part draws.
  package init(seed: UInt64, stream: UInt64) {
    state = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
    _ = next()
  }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in `range` (Lemire's multiply-shift).
  package mutating func int(_ range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    let (high, _) = next().multipliedFullWidth(by: span)
    return range.lowerBound + Int(high)
  }

  /// Uniform in [0, 1).
  package mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in [low, high).
  package mutating func double(_ low: Double, _ high: Double) -> Double { low + unit() * (high - low) }

  package mutating func chance(_ p: Double) -> Bool { unit() < p }

  package mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

  /// One value drawn with probability proportional to its weight.
  package mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
    let total = choices.reduce(0) { $0 + $1.1 }
    var point = unit() * total
    for (value, weight) in choices {
      if point < weight { return value }
      point -= weight
    }
    return choices[choices.count - 1].0
  }

  /// Up to `count` distinct values, each drawn by weight from those not drawn yet.
  package mutating func weightedDistinct<T: Equatable>(_ choices: [(T, Double)], count: Int) -> [T] {
    var left = choices.filter { $0.1 > 0 }
    var out: [T] = []
    while out.count < count && !left.isEmpty {
      let value = weighted(left)
      out.append(value)
      left.removeAll { $0.0 == value }
    }
    return out
  }

  /// A normal deviate (Box–Muller without libm: the polar method).
  package mutating func gaussian() -> Double {
    while true {
      let u = 2 * unit() - 1, v = 2 * unit() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 { return u * Self.sqrtMinus2LogOver(s) }
    }
  }

  /// √(−2 ln s / s) for 0 < s < 1, by a series (no libm, so the same bits everywhere).
  private static func sqrtMinus2LogOver(_ s: Double) -> Double {
    // ln s = 2 atanh((s − 1)/(s + 1)); the series converges for every s in (0, 1).
    let y = (s - 1) / (s + 1)
    var term = y, sum = 0.0, k = 1.0
    for _ in 0..<200 {
      sum += term / k
      term *= y * y
      k += 2
      if abs(term) < 1e-17 { break }
    }
    return (-4 * sum / s).squareRoot()
  }
}

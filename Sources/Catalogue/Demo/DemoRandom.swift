// The seeded generator and small text helpers behind the demo catalogue.

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast generator whose whole state is one
/// `UInt64`, so the demo data is the same on every platform and every run for a given seed.
/// `SystemRandomNumberGenerator` is never used, and neither is any `Set` or `Dictionary`
/// iteration order (which Swift randomises per process).
struct DemoRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { self.state = seed }

  /// An independent stream for one part of the data (villages, producer N, listing N), so
  /// adding a field to one part does not shift the numbers drawn for every later part.
  init(seed: UInt64, stream: UInt64) {
    var mixer = DemoRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    self.state = mixer.next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `range`. Computed here rather than with `Int.random(in:using:)`, whose
  /// algorithm the standard library may change between releases.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    let (high, _) = next().multipliedFullWidth(by: span)  // Lemire's multiply-shift, bias < 2⁻⁵⁰
    return range.lowerBound + Int(high)
  }

  /// A uniform double in [0, 1), from the top 53 bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// One element, uniformly.
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// One element, with probability proportional to its weight.
  mutating func weighted<T>(_ items: [(T, Double)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var target = unit() * total
    for (item, weight) in items {
      if target < weight { return item }
      target -= weight
    }
    return items[items.count - 1].0
  }

  /// `count` distinct elements drawn by weight, in the order drawn.
  mutating func weightedDistinct<T: Equatable>(_ items: [(T, Double)], count: Int) -> [T] {
    var pool = items
    var result: [T] = []
    while result.count < count, !pool.isEmpty {
      let chosen = weighted(pool.enumerated().map { ($0.offset, $0.element.1) })
      result.append(pool[chosen].0)
      pool.remove(at: chosen)
    }
    return result
  }

  /// `count` distinct elements, uniformly, in the order of `items`.
  mutating func sample<T>(_ items: [T], count: Int) -> [T] {
    var indices = Array(items.indices)
    let wanted = min(count, items.count)
    for position in 0..<wanted {  // partial Fisher–Yates
      indices.swapAt(position, int(position...(indices.count - 1)))
    }
    return indices.prefix(wanted).sorted().map { items[$0] }
  }
}

/// Text helpers for names, slugs and addresses.
enum DemoText {
  /// Vietnamese letters without tone marks or hooks, and `đ` → `d`, for slugs, e-mail
  /// addresses and the English forms of names ("Ninh Sở" → "Ninh So").
  static func ascii(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let base = baseLetter[scalar] { out.append(base) } else { out.append(scalar) }
    }
    return String(out)
  }

  /// "Công ty Gốm Minh Phát" → "cong-ty-gom-minh-phat".
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for scalar in ascii(text).lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if pendingDash, !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    return out
  }

  /// Initials of the words, upper case ASCII: "Minh Phát" → "MP".
  static func initials(_ text: String) -> String {
    String(ascii(text).split(separator: " ").compactMap(\.first)).uppercased()
  }

  /// "1.250.000" style thousands grouping, as Vietnamese writes numbers.
  static func groupedVI(_ value: Int) -> String { grouped(value, separator: ".") }

  /// "1,250,000" style thousands grouping.
  static func groupedEN(_ value: Int) -> String { grouped(value, separator: ",") }

  private static func grouped(_ value: Int, separator: Character) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(separator) }
      out.append(digit)
    }
    return out
  }

  /// A packing template with its leading "{n}" replaced by `count` (done by hand: the generic
  /// `replacing(_:with:)` costs milliseconds per call in a debug build).
  static func fill(_ template: String, _ count: Int) -> String {
    template.hasPrefix("{n}") ? String(count) + template.dropFirst(3) : template
  }

  /// Zero-padded decimal.
  static func padded(_ value: Int, width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  private static let baseLetter: [Unicode.Scalar: Unicode.Scalar] = {
    let groups: [(String, Unicode.Scalar)] = [
      ("àáảãạăằắẳẵặâầấẩẫậ", "a"), ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "A"),
      ("èéẻẽẹêềếểễệ", "e"), ("ÈÉẺẼẸÊỀẾỂỄỆ", "E"),
      ("ìíỉĩị", "i"), ("ÌÍỈĨỊ", "I"),
      ("òóỏõọôồốổỗộơờớởỡợ", "o"), ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "O"),
      ("ùúủũụưừứửữự", "u"), ("ÙÚỦŨỤƯỪỨỬỮỰ", "U"),
      ("ỳýỷỹỵ", "y"), ("ỲÝỶỸỴ", "Y"),
      ("đ", "d"), ("Đ", "D"),
    ]
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { table[scalar] = base }
    }
    return table
  }()
}

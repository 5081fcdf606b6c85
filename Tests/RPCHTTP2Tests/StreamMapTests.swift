// StreamMap against Dictionary: the same operations must give the same contents, whatever the
// order of ids, including runs that wrap around the table and removals inside runs.

import Testing

@testable import RPCHTTP2

@Suite struct StreamMapTests {
  /// Applies random inserts, updates and removals to both and compares after every step.
  @Test(arguments: [UInt64(1), 2, 3, 42, 1234])
  func agreesWithDictionary(seed: UInt64) {
    var random = SplitMix(seed: seed)
    var map = StreamMap<Int>()
    var reference: [Int32: Int] = [:]
    // A narrow id range makes collisions, long runs and wrap-around frequent; a wide one
    // makes the table grow.
    for range: ClosedRange<Int32> in [1...64, 1...5_000] {
      for step in 0..<4_000 {
        let key = Int32.random(in: range, using: &random)
        switch random.next() % 3 {
        case 0, 1:
          map[key] = step
          reference[key] = step
        default:
          #expect(map.removeValue(forKey: key) == reference.removeValue(forKey: key))
        }
        #expect(map.count == reference.count)
        #expect(map[key] == reference[key])
      }
      for key in range { #expect(map[key] == reference[key], "key \(key)") }
      #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == reference)
    }
  }

  /// Client-opened streams: increasing odd ids, most closed soon after, as on a busy connection.
  @Test func increasingOddIds() {
    var map = StreamMap<Int32>()
    var open: [Int32] = []
    for id in stride(from: Int32(1), through: 20_001, by: 2) {
      map[id] = id
      open.append(id)
      if open.count > 40 { #expect(map.removeValue(forKey: open.removeFirst()) != nil) }
    }
    #expect(map.count == open.count)
    for id in open { #expect(map[id] == id) }
    #expect(map[2] == nil)
    #expect(map[20_003] == nil)
  }

  /// Iterating works on a copy, so the loop may remove what it visits (as closing every
  /// stream of a dropped connection does).
  @Test func removingWhileIterating() {
    var map = StreamMap<String>()
    for id in stride(from: Int32(1), through: 99, by: 2) { map[id] = "s\(id)" }
    var visited = 0
    for (id, value) in map {
      #expect(value == "s\(id)")
      #expect(map.removeValue(forKey: id) == value)
      visited += 1
    }
    #expect(visited == 50)
    #expect(map.isEmpty)
  }
}

/// A small seeded generator, so a failure can be replayed.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

// StreamMap against Dictionary: the same operations must give the same contents, whatever the
// order of ids, including runs that wrap around the table and removals inside runs.

import Testing

@testable import RPCHTTP2

@Suite struct StreamMapTests {
  /// Applies scrambled inserts, updates and removals to both and compares after every step.
  @Test(arguments: [UInt64(1), 2, 3, 42, 1234])
  func agreesWithDictionary(seed: UInt64) {
    // A 64-bit LCG (Knuth's MMIX constants): reproducible from the seed, top bits used.
    var state = seed
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    var map = StreamMap<Int>()
    var reference: [Int32: Int] = [:]
    // A narrow id range makes collisions, long runs and wrap-around frequent; a wide one
    // makes the table grow.
    for range: ClosedRange<Int32> in [1...64, 1...5_000] {
      for step in 0..<4_000 {
        let key = range.lowerBound + Int32(next() % UInt64(range.count))
        switch next() % 3 {
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

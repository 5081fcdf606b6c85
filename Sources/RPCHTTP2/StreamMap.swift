/// Per-stream state of one connection, keyed by HTTP/2 stream id.
///
/// A `Dictionary` hashes every key with SipHash: with the five to ten lookups a call makes
/// (headers, data, end of request, response, close), that was ~1,500 of an EmptyCall's
/// ~47,000 instructions. Stream ids need no such hash: Fibonacci hashing (one multiplication)
/// spreads the consecutive ids a peer opens evenly over the table. Open addressing with
/// linear probing, at most half full; removal shifts the entries that follow back (no
/// tombstones), so a lookup stops at the first empty slot. (Placing ids by `id >> 1` instead
/// put the open streams in one long run, and every removal then scanned all of it.)
///
/// A value type like `Dictionary`: iterating works on a copy, so the loop body may change the
/// map. Stream id 0 (the connection) is never a key.
struct StreamMap<Value> {
  /// 0 marks an empty slot.
  private var keys: [Int32]
  private var values: [Value?]
  private(set) var count = 0
  /// 32 - log2(capacity): the top bits of the product pick the slot.
  private var shift: UInt32 = 32 - 4

  init() {
    keys = Array(repeating: 0, count: 16)
    values = Array(repeating: nil, count: 16)
  }

  var isEmpty: Bool { count == 0 }

  private var mask: Int { keys.count - 1 }

  @inline(__always)
  private func home(_ key: Int32) -> Int {
    Int((UInt32(bitPattern: key) &* 0x9E37_79B9) >> shift)
  }

  /// The slot holding `key`, or nil.
  private func slot(of key: Int32) -> Int? {
    var index = home(key)
    while true {
      let stored = keys[index]
      if stored == key { return index }
      if stored == 0 { return nil }
      index = (index + 1) & mask
    }
  }

  subscript(key: Int32) -> Value? {
    get { slot(of: key).flatMap { values[$0] } }
    set {
      precondition(key != 0, "stream id 0 is the connection")
      if let newValue {
        insert(newValue, forKey: key)
      } else {
        removeValue(forKey: key)
      }
    }
  }

  private mutating func insert(_ value: Value, forKey key: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    var index = home(key)
    while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
    if keys[index] == 0 { count += 1 }
    keys[index] = key
    values[index] = value
  }

  @discardableResult
  mutating func removeValue(forKey key: Int32) -> Value? {
    guard var hole = slot(of: key) else { return nil }
    let removed = values[hole]
    keys[hole] = 0
    values[hole] = nil
    count -= 1
    // Move back each following entry of the run whose home slot is not between the hole and
    // it (cyclically): otherwise a lookup for it would stop at the hole.
    var next = (hole + 1) & mask
    while keys[next] != 0 {
      let wanted = home(keys[next])
      let staysPut = hole <= next ? (hole < wanted && wanted <= next) : (hole < wanted || wanted <= next)
      if !staysPut {
        keys[hole] = keys[next]
        values[hole] = values[next]
        keys[next] = 0
        values[next] = nil
        hole = next
      }
      next = (next + 1) & mask
    }
    return removed
  }

  private mutating func grow() {
    let oldKeys = keys, oldValues = values
    keys = Array(repeating: 0, count: oldKeys.count * 2)
    values = Array(repeating: nil, count: oldKeys.count * 2)
    count = 0
    shift -= 1
    for (index, key) in oldKeys.enumerated() where key != 0 {
      insert(oldValues[index]!, forKey: key)
    }
  }
}

extension StreamMap: Sequence {
  struct Iterator: IteratorProtocol {
    fileprivate let keys: [Int32]
    fileprivate let values: [Value?]
    fileprivate var index = 0

    mutating func next() -> (key: Int32, value: Value)? {
      while index < keys.count {
        defer { index += 1 }
        if keys[index] != 0 { return (keys[index], values[index]!) }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }
}

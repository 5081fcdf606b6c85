#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif
internal import ProtoWire

/// Wall-clock time as the orders service stores it: integer milliseconds since the Unix epoch.
enum WallClock {
  /// Now, in milliseconds since the epoch.
  static func nowMilliseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
  }

  /// A protobuf timestamp for `milliseconds` since the epoch.
  static func timestamp(milliseconds: Int64) -> ProtoTimestamp {
    var (s, ms) = milliseconds.quotientAndRemainder(dividingBy: 1000)
    if ms < 0 {
      s -= 1
      ms += 1000
    }
    return ProtoTimestamp(seconds: s, nanos: Int32(ms) * 1_000_000)
  }

  /// Milliseconds since the epoch of `timestamp`.
  static func milliseconds(_ timestamp: ProtoTimestamp) -> Int64 {
    timestamp.seconds * 1000 + Int64(timestamp.nanos / 1_000_000)
  }
}

/// A fresh opaque id made at `now` (ms since the epoch): `prefix`, a dash and 20 base-32
/// characters, the time (9 characters, 45 bits) then 55 random bits (11 characters).
///
/// Time first so ids sort by creation: a new order, group or quote lands at the right edge of
/// the id indexes (and of those keyed by group or order id) instead of on a random page, so a
/// batch of orders dirties a few pages that one commit writes, not a page or more each. One
/// random draw per id (a system call), not one per character.
func newID(_ prefix: String, now: Int64) -> String {
  let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
  let time = UInt64(clamping: now)
  var generator = SystemRandomNumberGenerator()
  let random: UInt64 = generator.next()
  var id = Array(prefix.utf8)
  id.reserveCapacity(id.count + 21)
  id.append(UInt8(ascii: "-"))
  for index in (0..<9).reversed() { id.append(alphabet[Int(time >> UInt64(5 * index) & 31)]) }
  for index in 0..<11 { id.append(alphabet[Int(random >> UInt64(5 * index) & 31)]) }
  return String(decoding: id, as: UTF8.self)
}

/// FNV-1a 64 of `bytes`: request fingerprints (page tokens, idempotency keys).
func fingerprint(_ bytes: [UInt8]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  return hash
}

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

/// FNV-1a 64 of `bytes`: request fingerprints (page tokens, idempotency keys).
func fingerprint(_ bytes: [UInt8]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  return hash
}

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif
internal import CommonAPI
internal import ProtoWire

/// Wall-clock time as the catalogue stores it: integer milliseconds since the Unix epoch.
enum WallClock {
  /// Now, in milliseconds since the epoch.
  static func nowMilliseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
  }

  /// A protobuf timestamp for `milliseconds` since the epoch.
  static func timestamp(milliseconds: Int64) -> ProtoTimestamp {
    let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
    var (s, ms) = seconds
    if ms < 0 {
      s -= 1
      ms += 1000
    }
    return ProtoTimestamp(seconds: s, nanos: Int32(ms) * 1_000_000)
  }

  /// The calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) at `milliseconds`.
  static func dayInVietnam(milliseconds: Int64) -> CalendarDate {
    let secondsPerDay: Int64 = 86_400
    let local = milliseconds / 1000 + 7 * 3600
    let days = local >= 0 ? local / secondsPerDay : (local - secondsPerDay + 1) / secondsPerDay
    return CalendarDate(daysSinceEpoch: days)
  }
}

extension CalendarDate {
  /// The date as the integer yyyymmdd, the form the schema compares.
  var dayNumber: Int64 { Int64(year) * 10_000 + Int64(month) * 100 + Int64(day) }

  /// Whether the three fields make a real date (year 1–9999).
  var isValidDate: Bool {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths: [Int32] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[Int(month) - 1]
  }
}

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif
internal import CommonAPI
internal import ProtoWire

/// Wall-clock time as the matching service stores it: integer milliseconds since the epoch,
/// and calendar days in Vietnam (UTC+7, no daylight saving) for deadlines and certificates.
enum Time {
  static let millisecondsPerDay: Int64 = 86_400_000

  /// Now, in milliseconds since the epoch.
  static func nowMilliseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
  }

  /// A protobuf timestamp for `milliseconds` since the epoch; `nil` for 0 (unset).
  static func timestamp(_ milliseconds: Int64) -> ProtoTimestamp? {
    guard milliseconds != 0 else { return nil }
    var (s, ms) = milliseconds.quotientAndRemainder(dividingBy: 1000)
    if ms < 0 {
      s -= 1
      ms += 1000
    }
    return ProtoTimestamp(seconds: s, nanos: Int32(ms) * 1_000_000)
  }

  /// Milliseconds since the epoch of a timestamp; 0 when absent.
  static func milliseconds(_ timestamp: ProtoTimestamp?) -> Int64 {
    guard let timestamp else { return 0 }
    return timestamp.seconds * 1000 + Int64(timestamp.nanos / 1_000_000)
  }

  /// The day number (days since 1970-01-01) in Vietnam at `milliseconds`.
  static func dayInVietnam(_ milliseconds: Int64) -> Int64 {
    let local = milliseconds + 7 * 3_600_000
    return local >= 0 ? local / millisecondsPerDay : (local - millisecondsPerDay + 1) / millisecondsPerDay
  }

  /// Howard Hinnant's `days_from_civil`: the day number of a proleptic Gregorian date.
  static func dayNumber(_ date: CalendarDate) -> Int64 {
    let y = Int64(date.year) - (date.month <= 2 ? 1 : 0)
    let m = Int64(date.month)
    let d = Int64(date.day)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Whether the three fields make a real date (year 1–9999).
  static func isValid(_ date: CalendarDate) -> Bool {
    guard (1...9999).contains(date.year), (1...12).contains(date.month), date.day >= 1 else {
      return false
    }
    let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
    let lengths: [Int32] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return date.day <= lengths[Int(date.month) - 1]
  }
}

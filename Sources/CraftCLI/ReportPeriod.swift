// The period flags of `craftctl report`: --from and --to as calendar days in Hà Nội.

public import CommonAPI

/// Turns `--from` / `--to` into the report's `DateRange`.
public enum ReportPeriod {
  /// How many days a report covers when `--from` is not given (the last 30 days).
  public static let defaultDays: Int64 = 30

  /// `YYYY-MM-DD` → a valid calendar date.
  public static func parseDate(_ text: String, flag: String) throws(InputError) -> CalendarDate {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
      isValid(year: year, month: month, day: day)
    else { throw InputError("\(flag) must be a date YYYY-MM-DD, e.g. 2026-11-30 (got \"\(text)\")", field: flag) }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// The period from the flags: `--to` defaults to `today`, `--from` to 29 days before `--to`.
  public static func range(from: String?, to: String?, today: CalendarDate) throws(InputError) -> DateRange {
    let end = try to.map { text throws(InputError) in try parseDate(text, flag: "--to") } ?? today
    let start =
      try from.map { text throws(InputError) in try parseDate(text, flag: "--from") }
      ?? CalendarDate(daysSinceEpoch: dayNumber(end) - (defaultDays - 1))
    guard dayNumber(start) <= dayNumber(end) else {
      throw InputError("--from (\(PartnerReportFormat.date(start))) is after --to (\(PartnerReportFormat.date(end)))", field: "--from")
    }
    return DateRange(start: start, end: end)
  }

  /// Today in Hà Nội (UTC+7) for a Unix time in seconds.
  public static func today(unixSeconds: Int64) -> CalendarDate {
    let local = unixSeconds + 7 * 3600
    return CalendarDate(daysSinceEpoch: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  static func dayNumber(_ date: CalendarDate) -> Int64 {
    let y = Int64(date.year) - (date.month <= 2 ? 1 : 0)
    let m = Int64(date.month), d = Int64(date.day)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
  }

  static func isValid(year: Int32, month: Int32, day: Int32) -> Bool {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths: [Int32] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[Int(month) - 1]
  }
}

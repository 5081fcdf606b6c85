import CommonAPI
import CraftCLI
import Testing

@Suite("craftctl report: period flags and number formats")
struct ReportFormatTests {
  @Test("--from/--to: dates checked, --to defaults to today, --from to 29 days before")
  func period() throws {
    let today = CalendarDate(year: 2026, month: 3, day: 1)
    let fallback = try ReportPeriod.range(from: nil, to: nil, today: today)
    #expect(fallback == DateRange(start: CalendarDate(year: 2026, month: 1, day: 31), end: today))
    let given = try ReportPeriod.range(from: "2026-11-01", to: "2026-11-30", today: today)
    #expect(given == DateRange(start: CalendarDate(year: 2026, month: 11, day: 1), end: CalendarDate(year: 2026, month: 11, day: 30)))
    #expect(throws: InputError.self) { try ReportPeriod.range(from: "2026-02-30", to: nil, today: today) }
    #expect(throws: InputError.self) { try ReportPeriod.range(from: "2026-12-01", to: "2026-11-30", today: today) }
    #expect(throws: InputError.self) { try ReportPeriod.range(from: "1/11/2026", to: nil, today: today) }
    // 2026-11-01 00:30 in Hà Nội is still 2026-10-31 in UTC.
    #expect(ReportPeriod.today(unixSeconds: 1_793_467_800) == CalendarDate(year: 2026, month: 11, day: 1))
  }

  @Test("numbers read the Vietnamese or the English way")
  func numbers() {
    #expect(PartnerReportFormat.integer(1_234_567, vi: true) == "1.234.567")
    #expect(PartnerReportFormat.integer(1_234_567, vi: false) == "1,234,567")
    #expect(PartnerReportFormat.integer(999, vi: false) == "999")
    #expect(PartnerReportFormat.percent(2.0 / 3.0, vi: true) == "66,7%")
    #expect(PartnerReportFormat.percent(0.5, vi: false) == "50.0%")
    #expect(PartnerReportFormat.duration(seconds: 7_500, vi: true) == "2 giờ 5 phút")
    #expect(PartnerReportFormat.duration(seconds: 0, vi: false) == "—")
    #expect(htmlEscape("<b>\"Bát & Tràng\"</b>") == "&lt;b&gt;&quot;Bát &amp; Tràng&quot;&lt;/b&gt;")
  }
}

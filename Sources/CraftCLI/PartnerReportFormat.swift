// How numbers, dates and durations read on the HTML report, in Vietnamese or English, and the
// page's own words (column headings, chart titles). Labels of the data itself (section titles,
// stages, countries, categories) come from the server in the report's language.

public import CommonAPI

/// Formatting of report figures; public so tests check the page with the same rules.
public enum PartnerReportFormat {
  /// "2026-11-30".
  public static func date(_ date: CalendarDate) -> String {
    func pad(_ n: Int32, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
  }

  /// Digits grouped by three: "12.500" in Vietnamese, "12,500" in English.
  public static func integer(_ value: Int64, vi: Bool) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += vi ? "." : "," }
      out.append(c)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// A rate in [0, 1] as a percentage with one decimal: "66,7%" / "66.7%".
  public static func percent(_ rate: Double, vi: Bool) -> String {
    let tenths = Int64((rate * 1000).rounded())
    let (whole, fraction) = tenths.quotientAndRemainder(dividingBy: 10)
    return "\(whole)\(vi ? "," : ".")\(abs(fraction))%"
  }

  /// A duration in hours and minutes: "2 giờ 5 phút" / "2 h 5 min"; "—" for 0 (no data).
  public static func duration(seconds: Int64, vi: Bool) -> String {
    guard seconds > 0 else { return "—" }
    let minutes = (seconds + 30) / 60
    let (h, m) = minutes.quotientAndRemainder(dividingBy: 60)
    if h == 0 { return vi ? "\(m) phút" : "\(m) min" }
    return vi ? "\(h) giờ \(m) phút" : "\(h) h \(m) min"
  }

  /// Short category names for chart axes, in the page's language.
  public static func category(_ category: CraftCategory, vi: Bool) -> String {
    let names: [Int32: (String, String)] = [
      1: ("Mây tre đan", "Rattan & bamboo"), 2: ("Cói, cỏ tế", "Seagrass & sedge"),
      3: ("Gốm sứ", "Ceramics"), 4: ("Lụa, dệt", "Silk & textiles"), 5: ("Thêu", "Embroidery"),
      6: ("Sơn mài", "Lacquer"), 7: ("Khảm trai", "Mother-of-pearl"), 8: ("Tượng gỗ", "Wood carving"),
      9: ("Đồ gỗ", "Furniture"), 10: ("Nón lá", "Conical hats"), 11: ("Quạt", "Fans"),
      12: ("Dát vàng bạc", "Gold & silver leaf"), 13: ("Đúc đồng", "Bronze casting"),
      14: ("Hương", "Incense"), 15: ("Đặc sản", "Food specialties"), 16: ("Cây cảnh", "Bonsai"),
      17: ("Khác", "Other"),
    ]
    guard let pair = names[category.rawValue] else { return vi ? "Chưa phân loại" : "Uncategorised" }
    return vi ? pair.0 : pair.1
  }

  /// The page's own words.
  struct Words {
    let vi: Bool
    func pick(_ v: String, _ e: String) -> String { vi ? v : e }
    var period: String { pick("Thời gian", "Period") }
    var generated: String { pick("Lập lúc", "Generated") }
    var matchesProposed: String { pick("Kết nối được đề xuất", "Matches proposed") }
    var introductionsRequested: String { pick("Yêu cầu giới thiệu", "Introductions requested") }
    var introductionsAccepted: String { pick("Được chấp nhận", "Accepted") }
    var introductionsDeclined: String { pick("Bị từ chối", "Declined") }
    var introductionsExpired: String { pick("Hết hạn", "Expired") }
    var medianResponse: String { pick("Thời gian phản hồi trung vị", "Median response time") }
    var replyWithin24h: String { pick("Trả lời trong 24 giờ", "Replied within 24 h") }
    var acceptanceRate: String { pick("Tỷ lệ chấp nhận", "Acceptance rate") }
    var orders: String { pick("Đơn hàng", "Orders") }
    var conversion: String { pick("Chuyển đổi thành đơn hàng", "Conversion to orders") }
    var newPartnerShare: String { pick("Tỷ lệ đơn với đối tác mới", "Share of orders with new partners") }
    var rfqsPosted: String { pick("Yêu cầu báo giá (RFQ)", "RFQs posted") }
    var rfqsUnmet: String { pick("RFQ chưa có cơ sở phù hợp", "RFQs without a fitting producer") }
    var notAvailable: String { pick("chưa có dữ liệu", "not available yet") }
    var country: String { pick("Quốc gia", "Country") }
    var buyers: String { pick("Người mua", "Buyers") }
    var matches: String { pick("Đề xuất", "Matches") }
    var requested: String { pick("Yêu cầu GT", "Intros requested") }
    var accepted: String { pick("Chấp nhận", "Accepted") }
    var stage: String { pick("Giai đoạn", "Stage") }
    var count: String { pick("Số lượng", "Count") }
    var rateFromPrevious: String { pick("So với bước trước", "From previous step") }
    var category: String { pick("Ngành hàng", "Category") }
    var demand: String { pick("Nhu cầu", "Demand") }
    var rfqs: String { pick("Số RFQ", "RFQs") }
    var buyersSeeking: String { pick("Người mua quan tâm", "Buyers seeking") }
    var quantity: String { pick("Số lượng cần", "Quantity") }
    var unit: String { pick("Đơn vị", "Unit") }
    var blockingFilter: String { pick("Lý do chính", "Main blocker") }
    var countries: String { pick("Thị trường", "Markets") }
    var village: String { pick("Làng / huyện", "Village / district") }
    var demanded: String { pick("Cần", "Demanded") }
    var available: String { pick("Năng lực trong kỳ", "Capacity in period") }
    var gap: String { pick("Thiếu", "Gap") }
    var rfqsAffected: String { pick("RFQ liên quan", "RFQs affected") }
    var none: String { pick("Không có dữ liệu trong kỳ.", "Nothing in this period.") }
    var chartCountries: String { pick("Kết nối theo quốc gia người mua", "Matches by buyer country") }
    var chartFunnel: String { pick("Phễu giới thiệu → đơn hàng", "Introduction → order funnel") }
    var chartUnmet: String { pick("RFQ chưa được đáp ứng theo ngành hàng", "Unmet RFQs by category") }
    var footer: String {
      pick(
        "Làng Nghề Connect — báo cáo tạo bởi craftctl từ dịch vụ kết nối đối tác.",
        "Làng Nghề Connect — report written by craftctl from the matching service.")
    }
  }
}

internal import CommonAPI
internal import MatchingAPI

/// The language of a partner-matching report: every title, label and note in the stream is in
/// it, so a client renders the sections as they come without a translation table of its own.
enum ReportLanguage: String, Sendable {
  case vi
  case en

  /// The request's language ("" → Vietnamese); `nil` for anything but "vi" and "en".
  init?(request value: String) {
    switch value.lowercased() {
    case "", "vi": self = .vi
    case "en": self = .en
    default: return nil
    }
  }

  /// `vi` or `en`, whichever this language is.
  func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

/// Titles, names and notes of the report, in Vietnamese and English.
enum ReportLabels {
  static func title(_ language: ReportLanguage, scope: String) -> String {
    language.pick("Báo cáo kết nối đối tác — \(scope)", "Partner-matching report — \(scope)")
  }

  static func sectionTitle(_ section: ReportSectionKind, _ language: ReportLanguage) -> String {
    switch section {
    case .header: language.pick("Phạm vi báo cáo", "What the report covers")
    case .summary: language.pick("Tổng quan", "Summary")
    case .funnel: language.pick("Phễu giới thiệu → đơn hàng", "Introduction → order funnel")
    case .countries: language.pick("Kết nối theo quốc gia người mua", "Matches by buyer country")
    case .demand: language.pick("Nhu cầu theo ngành hàng và mã HS", "Demand by category and HS code")
    case .unmetDemand:
      language.pick("Nhu cầu chưa được đáp ứng", "Unmet demand (RFQs without a fitting producer)")
    case .capacityGaps: language.pick("Thiếu hụt năng lực sản xuất", "Capacity gaps")
    }
  }

  /// Why order figures are missing: this matching service does not follow the orders feed, and
  /// a zero would be a lie.
  static func ordersNotAvailable(_ language: ReportLanguage) -> String {
    language.pick(
      "Chưa có dữ liệu đơn hàng: dịch vụ kết nối đối tác này không theo dõi dịch vụ đơn hàng, nên số đơn, tỷ lệ chuyển đổi và tỷ lệ đơn với đối tác mới chưa tính được.",
      "Orders are not available yet: this matching service does not follow the orders service, so orders, conversion and the share of orders with new partners cannot be computed.")
  }

  static func funnelStage(_ stage: FunnelStage, _ language: ReportLanguage) -> String {
    switch stage {
    case .matchesProposed: language.pick("Kết nối được đề xuất", "Matches proposed")
    case .introductionsRequested: language.pick("Yêu cầu giới thiệu", "Introductions requested")
    case .introductionsAccepted: language.pick("Giới thiệu được chấp nhận", "Introductions accepted")
    case .quotes: language.pick("Báo giá", "Quotes")
    case .orders: language.pick("Đơn hàng", "Orders")
    case .ordersCompleted: language.pick("Đơn hàng hoàn tất", "Orders completed")
    default: ""
    }
  }

  static func scopeCity(_ language: ReportLanguage) -> String {
    language.pick("Toàn thành phố Hà Nội", "Hanoi, whole city")
  }

  static func scopeDistrict(_ name: String, _ language: ReportLanguage) -> String {
    language.pick("Huyện \(name)", "\(name) district")
  }

  static func scopeVillage(_ name: String, _ language: ReportLanguage) -> String {
    language.pick("Làng \(name)", "\(name) village")
  }

  static func category(_ category: CraftCategory, _ language: ReportLanguage) -> String {
    switch category {
    case .rattanBamboo: language.pick("Mây tre đan", "Rattan and bamboo")
    case .seagrassSedge: language.pick("Cói, cỏ tế, lục bình", "Seagrass and sedge")
    case .ceramics: language.pick("Gốm sứ", "Ceramics")
    case .silkTextiles: language.pick("Lụa, dệt", "Silk and textiles")
    case .embroidery: language.pick("Thêu", "Embroidery")
    case .lacquer: language.pick("Sơn mài", "Lacquer")
    case .motherOfPearlInlay: language.pick("Khảm trai", "Mother-of-pearl inlay")
    case .woodCarving: language.pick("Tượng gỗ, chạm khắc", "Wood carving")
    case .furniture: language.pick("Đồ gỗ, nội thất", "Furniture")
    case .conicalHats: language.pick("Nón lá", "Conical hats")
    case .fans: language.pick("Quạt", "Fans")
    case .goldSilverLeaf: language.pick("Dát vàng bạc quỳ", "Gold and silver leaf")
    case .bronzeCasting: language.pick("Đúc đồng", "Bronze casting")
    case .incense: language.pick("Hương, tăm hương", "Incense")
    case .foodSpecialties: language.pick("Đặc sản thực phẩm", "Food specialties")
    case .bonsaiPlants: language.pick("Cây cảnh", "Bonsai and plants")
    case .other: language.pick("Khác", "Other")
    default: language.pick("Chưa phân loại", "Uncategorised")
    }
  }

  /// "Mây tre đan · HS 4602.12", or the category alone.
  static func categoryAndHS(_ category: CraftCategory, hs: String, _ language: ReportLanguage) -> String {
    if hs.isEmpty { return Self.category(category, language) }
    if category == .unspecified { return "HS \(hs)" }
    return "\(Self.category(category, language)) · HS \(hs)"
  }

  static func filter(_ filter: HardFilter, _ language: ReportLanguage) -> String {
    switch filter {
    case .category: language.pick("không có cơ sở làm ngành hàng/mã HS này", "no producer of this category/HS code")
    case .moq: language.pick("số lượng dưới mức tối thiểu (MOQ)", "quantity below the MOQ")
    case .capacityDeadline: language.pick("không đủ năng lực trước hạn", "not enough capacity by the deadline")
    case .certification: language.pick("thiếu chứng nhận còn hiệu lực", "missing a valid certification")
    case .incoterm: language.pick("điều kiện giao hàng không phù hợp", "incoterm not offered")
    case .existingPartner: language.pick("đã là đối tác", "already a partner")
    default: language.pick("không rõ", "unknown")
    }
  }

  /// Countries buyers come from (the markets of DOMAIN.md and their neighbours); others show
  /// their ISO code.
  static let countries: [String: (vi: String, en: String)] = [
    "US": ("Hoa Kỳ", "United States"), "JP": ("Nhật Bản", "Japan"), "GB": ("Anh", "United Kingdom"),
    "UK": ("Anh", "United Kingdom"), "ES": ("Tây Ban Nha", "Spain"), "IN": ("Ấn Độ", "India"),
    "DE": ("Đức", "Germany"), "KR": ("Hàn Quốc", "South Korea"), "AU": ("Úc", "Australia"),
    "FR": ("Pháp", "France"), "IT": ("Ý", "Italy"), "NL": ("Hà Lan", "Netherlands"),
    "BE": ("Bỉ", "Belgium"), "CA": ("Canada", "Canada"), "CN": ("Trung Quốc", "China"),
    "MY": ("Malaysia", "Malaysia"), "SG": ("Singapore", "Singapore"), "TW": ("Đài Loan", "Taiwan"),
    "SE": ("Thụy Điển", "Sweden"), "DK": ("Đan Mạch", "Denmark"), "PL": ("Ba Lan", "Poland"),
    "NZ": ("New Zealand", "New Zealand"), "AE": ("UAE", "United Arab Emirates"),
    "TH": ("Thái Lan", "Thailand"), "HK": ("Hồng Kông", "Hong Kong"), "MX": ("Mexico", "Mexico"),
  ]

  static func country(_ code: String, _ language: ReportLanguage) -> String {
    guard let names = countries[code.uppercased()] else { return code.uppercased() }
    return language.pick(names.vi, names.en)
  }
}

/// The sections of a report, in the order the contract streams them.
enum ReportSectionKind: CaseIterable, Sendable {
  case header, summary, funnel, countries, demand, unmetDemand, capacityGaps
}

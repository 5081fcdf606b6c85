// Vietnamese names, countries, ports and unit words for the demo catalogue.

import CommonAPI

/// Word lists for generated names, and the small translation tables the text needs.
enum DemoNames {
  /// Sino-Vietnamese words that make up business names ("Minh Phát", "Gia Hưng"). Pairs are
  /// drawn at random, so names are invented, not those of real firms.
  static let brandWords = [
    "Minh", "Phát", "Hưng", "Thịnh", "An", "Phúc", "Thành", "Đạt", "Tân", "Việt", "Hoàng", "Gia",
    "Kim", "Bảo", "Ngọc", "Hải", "Quang", "Đức", "Trường", "Vinh", "Hòa", "Lộc", "Tiến", "Nam",
    "Hồng", "Thái", "Anh", "Khang", "Nguyên", "Tâm", "Thiện", "Trung", "Hiệp", "Lợi",
  ]

  /// Pairs that would name well-known real companies.
  static let avoidedBrands = ["Minh Long", "Hoàng Gia", "Việt Tiến", "Hòa Phát", "Trung Nguyên", "Kim Anh"]

  static let mobilePrefixes = [
    "90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "32", "33", "34", "35", "36",
    "37", "38", "39", "70", "76", "77", "78", "79", "81", "82", "83", "84", "85", "56", "58",
  ]

  private static let families: [(String, Double)] = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5), ("Vũ", 4),
    ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5),
    ("Đinh", 1), ("Trịnh", 1), ("Đào", 1), ("Lưu", 0.6), ("Tạ", 0.5),
  ]
  private static let maleMiddle = ["Văn", "Đức", "Quang", "Minh", "Hữu", "Xuân", "Công", "Duy"]
  private static let femaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Kim", "Minh", "Phương"]
  private static let maleGiven = [
    "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Thắng", "Quân", "Sơn", "Hòa", "Cường", "Đức",
    "Trung", "Toàn", "Nam", "Khánh", "Tùng", "Bình", "Hiếu", "Phong",
  ]
  private static let femaleGiven = [
    "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thảo", "Trang", "Hà", "Nga", "Linh", "Phương", "Yến",
    "Huyền", "Nhung", "Oanh", "Thủy", "Loan", "Dung",
  ]

  /// A Vietnamese full name: family, middle and given name.
  static func person(_ rng: inout DemoRandom) -> (full: String, family: String, given: String) {
    let family = rng.weighted(families)
    let female = rng.chance(0.5)
    let middle = rng.pick(female ? femaleMiddle : maleMiddle)
    let given = rng.pick(female ? femaleGiven : maleGiven)
    return ("\(family) \(middle) \(given)", family, given)
  }

  static func capitalizedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// Lower-cases the first letter unless the first word is a name or acronym kept upper case.
  static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    let firstWord = text.split(separator: " ").first.map(String.init) ?? ""
    if firstWord.count > 1, firstWord.dropFirst().contains(where: \.isUppercase) { return text }
    if ["Van", "Vong", "Đông", "Buddhist"].contains(firstWord) { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// "a, b và c" / "a, b and c".
  static func list(_ items: [String], and word: String) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " \(word) " + items[items.count - 1]
    }
  }

  static func country(_ code: String) -> (vi: String, en: String) {
    switch code {
    case "US": ("Mỹ", "the United States")
    case "JP": ("Nhật Bản", "Japan")
    case "DE": ("Đức", "Germany")
    case "FR": ("Pháp", "France")
    case "GB": ("Anh", "the United Kingdom")
    case "KR": ("Hàn Quốc", "South Korea")
    case "AU": ("Úc", "Australia")
    case "ES": ("Tây Ban Nha", "Spain")
    case "NL": ("Hà Lan", "the Netherlands")
    case "IT": ("Ý", "Italy")
    case "CA": ("Canada", "Canada")
    case "BE": ("Bỉ", "Belgium")
    case "SE": ("Thụy Điển", "Sweden")
    case "DK": ("Đan Mạch", "Denmark")
    case "IN": ("Ấn Độ", "India")
    case "CN": ("Trung Quốc", "China")
    case "MY": ("Malaysia", "Malaysia")
    case "TW": ("Đài Loan", "Taiwan")
    case "SG": ("Singapore", "Singapore")
    case "TH": ("Thái Lan", "Thailand")
    case "CZ": ("Séc", "the Czech Republic")
    default: (code, code)
    }
  }

  /// The usual destination port of a market, for CIF prices.
  static func port(_ code: String) -> String {
    switch code {
    case "US": "Los Angeles"
    case "JP": "Yokohama"
    case "DE", "CZ": "Hamburg"
    case "FR": "Le Havre"
    case "GB": "Felixstowe"
    case "KR": "Busan"
    case "AU": "Sydney"
    case "ES": "Valencia"
    case "NL": "Rotterdam"
    case "IT": "Genoa"
    case "CA": "Vancouver"
    case "BE": "Antwerp"
    case "SE": "Gothenburg"
    case "DK": "Aarhus"
    case "IN": "Nhava Sheva"
    case "CN": "Shanghai"
    case "MY": "Port Klang"
    case "TW": "Kaohsiung"
    case "SG": "Singapore"
    case "TH": "Laem Chabang"
    default: "Los Angeles"
    }
  }

  /// What a craft's finish is called in a description ("Men: men ngọc." / "Glaze: celadon.").
  static func finishLabel(_ category: CraftCategory) -> (vi: String, en: String) {
    switch category {
    case .rattanBamboo, .seagrassSedge: ("Màu", "Colour")
    case .ceramics: ("Men", "Glaze")
    case .silkTextiles: ("Màu và hoa văn", "Colour and pattern")
    case .embroidery, .motherOfPearlInlay: ("Họa tiết", "Motif")
    case .furniture: ("Gỗ", "Wood")
    case .fans: ("Trang trí", "Decoration")
    case .conicalHats: ("Kiểu", "Style")
    case .incense: ("Loại", "Type")
    case .foodSpecialties: ("Đóng gói", "Packing")
    case .bonsaiPlants: ("Thế cây", "Style")
    default: ("Hoàn thiện", "Finish")
    }
  }

  static func unitWords(_ unit: QuantityUnit, category: CraftCategory) -> (vi: String, en: String) {
    switch unit {
    case .set where category == .goldSilverLeaf: ("tập", "booklets")
    case .set where category == .incense: ("hộp", "boxes")
    case .set: ("bộ", "sets")
    case .pair: ("đôi", "pairs")
    case .kilogram: ("kg", "kg")
    case .metre: ("m", "m")
    default: category == .conicalHats ? ("chiếc", "pcs") : ("cái", "pcs")
    }
  }

  static func incotermCode(_ incoterm: Incoterm) -> String {
    let name = incoterm.description
    return name.hasPrefix("INCOTERM_") ? String(name.dropFirst("INCOTERM_".count)) : name
  }
}

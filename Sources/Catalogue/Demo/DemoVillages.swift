// The real craft villages of DOMAIN.md, with what the generator needs to know about each.

import CatalogueAPI
import CommonAPI

/// One village of the demo and the facts the producer generator draws on.
struct DemoVillageSpec: Sendable {
  /// Slug after "vlg-", e.g. "ninh-so".
  let slug: String
  let vi: String
  let en: String
  /// Commune or ward, with its kind ("xã" or "phường").
  let commune: String
  let communeKind: String
  /// Legacy district, with its kind ("huyện" or "quận").
  let district: String
  let districtKind: String
  /// Main crafts, most important first, with the share of the village's producers whose
  /// main craft it is.
  let crafts: [(CraftCategory, Double)]
  /// How many of the ~300 demo producers belong here: the big export villages get most.
  let producers: Int
  let latitude: Double
  let longitude: Double
  /// Hamlets or streets for postal addresses.
  let hamlets: [String]
  /// Export markets the village is known for (ISO 3166-1 alpha-2), weighted ahead of the
  /// craft's usual markets.
  let knownMarkets: [String]
  let descriptionVI: String
  let descriptionEN: String

  var id: String { "vlg-" + slug }

  /// The name after "làng" in running text: "Làng Vòng" → "Vòng", "Ninh Sở" → "Ninh Sở".
  var shortVI: String { vi.hasPrefix("Làng ") ? String(vi.dropFirst(5)) : vi }
  /// "Vong Village" → "Vong".
  var shortEN: String { en.hasSuffix(" Village") ? String(en.dropLast(8)) : en }

  /// "xã Ninh Sở, huyện Thường Tín, TP. Hà Nội".
  var addressTail: String { "\(communeKind) \(commune), \(districtKind) \(district), TP. Hà Nội" }

  var village: Village {
    var village = Village()
    village.id = id
    village.name = LocalizedText(vi: vi, en: en)
    village.commune = commune
    village.district = district
    village.province = "Hà Nội"
    village.crafts = crafts.map(\.0)
    village.description = LocalizedText(vi: descriptionVI, en: descriptionEN)
    village.latitude = latitude
    village.longitude = longitude
    return village
  }
}

extension DemoCatalogue {
  /// The villages of DOMAIN.md, legacy district names (before the 2025 reform). Coordinates
  /// are approximate village centres.
  static let villageSpecs: [DemoVillageSpec] = [
    DemoVillageSpec(
      slug: "ninh-so", vi: "Ninh Sở", en: "Ninh So", commune: "Ninh Sở", communeKind: "xã",
      district: "Thường Tín", districtKind: "huyện", crafts: [(.rattanBamboo, 1)], producers: 40,
      latitude: 20.8905, longitude: 105.8930,
      hamlets: ["thôn Đông Thượng", "thôn Đông Trung", "thôn Xâm Dương 1", "thôn Xâm Dương 2"],
      knownMarkets: ["JP", "KR", "DE", "IT"],
      descriptionVI:
        "Làng nghề mây tre giang đan Ninh Sở (Thường Tín) với hơn 90% sản phẩm xuất khẩu, chủ yếu sang Nhật Bản, Hàn Quốc, Đức và Ý.",
      descriptionEN:
        "Rattan, bamboo and giang-bamboo weaving village in Thuong Tin; more than 90% of its output is exported, mainly to Japan, Korea, Germany and Italy."
    ),
    DemoVillageSpec(
      slug: "phu-vinh", vi: "Phú Vinh", en: "Phu Vinh", commune: "Phú Nghĩa", communeKind: "xã",
      district: "Chương Mỹ", districtKind: "huyện", crafts: [(.rattanBamboo, 1)], producers: 44,
      latitude: 20.9381, longitude: 105.6560,
      hamlets: ["thôn Phú Vinh", "xóm Chùa", "xóm Giữa", "xóm Đình"],
      knownMarkets: ["US", "JP", "GB", "FR"],
      descriptionVI:
        "Làng mây tre đan Phú Vinh (xã Phú Nghĩa, Chương Mỹ), nổi tiếng với kỹ thuật đan mây sợi nhỏ tinh xảo, có nhiều nghệ nhân và hợp tác xã xuất khẩu.",
      descriptionEN:
        "Phu Vinh rattan and bamboo weaving village (Phu Nghia commune, Chuong My), known for fine split-rattan weaving, master artisans and export cooperatives."
    ),
    DemoVillageSpec(
      slug: "truong-yen", vi: "Trường Yên", en: "Truong Yen", commune: "Trung Hòa",
      communeKind: "xã", district: "Chương Mỹ", districtKind: "huyện",
      crafts: [(.rattanBamboo, 1)], producers: 20, latitude: 20.9180, longitude: 105.6905,
      hamlets: ["thôn Trường Yên", "xóm Trên", "xóm Dưới"], knownMarkets: ["US", "JP", "AU"],
      descriptionVI:
        "Làng mây tre đan Trường Yên (xã Trung Hòa, Chương Mỹ): giỏ, khay, chụp đèn và đồ nội thất mây tre cho thị trường trong nước và xuất khẩu.",
      descriptionEN:
        "Truong Yen rattan and bamboo weaving village (Trung Hoa commune, Chuong My): baskets, trays, lamp shades and furniture for home and export markets."
    ),
    DemoVillageSpec(
      slug: "luu-thuong", vi: "Lưu Thượng", en: "Luu Thuong", commune: "Phú Túc",
      communeKind: "xã", district: "Phú Xuyên", districtKind: "huyện",
      crafts: [(.seagrassSedge, 0.7), (.rattanBamboo, 0.3)], producers: 22,
      latitude: 20.7230, longitude: 105.8450,
      hamlets: ["thôn Lưu Thượng", "thôn Lưu Khê", "xóm Mới"], knownMarkets: ["US", "GB", "ES"],
      descriptionVI:
        "Làng nghề Lưu Thượng (xã Phú Túc, Phú Xuyên) đan cỏ tế, cói, lục bình và mây tre thành giỏ, hộp và đồ trang trí xuất khẩu.",
      descriptionEN:
        "Luu Thuong (Phu Tuc commune, Phu Xuyen) weaves co te fern stems, sedge, water hyacinth, rattan and bamboo into baskets, boxes and decor for export."
    ),
    DemoVillageSpec(
      slug: "bat-trang", vi: "Bát Tràng", en: "Bat Trang", commune: "Bát Tràng", communeKind: "xã",
      district: "Gia Lâm", districtKind: "huyện", crafts: [(.ceramics, 1)], producers: 40,
      latitude: 20.9755, longitude: 105.9135,
      hamlets: ["thôn Bát Tràng", "thôn Giang Cao", "xóm 1", "xóm 3", "xóm 5"],
      knownMarkets: ["JP", "US", "FR", "KR"],
      descriptionVI:
        "Làng gốm sứ Bát Tràng (Gia Lâm) với hơn 700 năm lịch sử: gốm men lam, men rạn, men ngọc, men nâu; đồ gia dụng, đồ thờ và gốm trang trí.",
      descriptionEN:
        "Bat Trang ceramics village (Gia Lam), over 700 years old: cobalt blue, crackle, celadon and brown glazes; tableware, altar ware and decorative pottery."
    ),
    DemoVillageSpec(
      slug: "van-phuc", vi: "Vạn Phúc", en: "Van Phuc", commune: "Vạn Phúc", communeKind: "phường",
      district: "Hà Đông", districtKind: "quận", crafts: [(.silkTextiles, 1)], producers: 25,
      latitude: 20.9800, longitude: 105.7735,
      hamlets: ["phố Vạn Phúc", "tổ dân phố 2", "tổ dân phố 5"], knownMarkets: ["JP", "FR", "US"],
      descriptionVI:
        "Làng lụa Vạn Phúc (Hà Đông), nổi tiếng với lụa vân, lụa tơ tằm, gấm và khăn lụa dệt trên khung cửi truyền thống.",
      descriptionEN:
        "Van Phuc silk village (Ha Dong), famous for van figured silk, mulberry silk, brocade and scarves woven on traditional looms."
    ),
    DemoVillageSpec(
      slug: "quang-phu-cau", vi: "Quảng Phú Cầu", en: "Quang Phu Cau", commune: "Quảng Phú Cầu",
      communeKind: "xã", district: "Ứng Hòa", districtKind: "huyện", crafts: [(.incense, 1)],
      producers: 20, latitude: 20.7810, longitude: 105.7620,
      hamlets: ["thôn Phú Lương Thượng", "thôn Phú Lương Hạ", "thôn Cầu Bầu", "thôn Đạo Tú"],
      knownMarkets: ["CN", "IN", "MY"],
      descriptionVI:
        "Làng nghề tăm hương Quảng Phú Cầu (Ứng Hòa): chẻ, vót và nhuộm tăm tre, làm hương; xuất khẩu sang Trung Quốc, Ấn Độ, Malaysia.",
      descriptionEN:
        "Quang Phu Cau incense village (Ung Hoa): splitting, shaping and dyeing bamboo incense sticks and making incense, exported to China, India and Malaysia."
    ),
    DemoVillageSpec(
      slug: "lang-vong", vi: "Làng Vòng", en: "Vong Village", commune: "Dịch Vọng Hậu",
      communeKind: "phường", district: "Cầu Giấy", districtKind: "quận",
      crafts: [(.foodSpecialties, 1)], producers: 6, latitude: 21.0365, longitude: 105.7920,
      hamlets: ["phố Hoàng Quốc Việt", "ngõ 1 Trần Quốc Vượng", "phố Dịch Vọng Hậu"],
      knownMarkets: ["US", "AU", "FR"],
      descriptionVI:
        "Làng Vòng (Dịch Vọng Hậu, Cầu Giấy) làm cốm từ lúa nếp non theo cách truyền thống: rang, giã và sàng bằng tay.",
      descriptionEN:
        "Vong village (Dich Vong Hau, Cau Giay) makes com, green young sticky rice flakes, the traditional way: roasted, pounded and sifted by hand."
    ),
    DemoVillageSpec(
      slug: "hong-van", vi: "Hồng Vân", en: "Hong Van", commune: "Hồng Vân", communeKind: "xã",
      district: "Thường Tín", districtKind: "huyện", crafts: [(.bonsaiPlants, 1)], producers: 6,
      latitude: 20.8450, longitude: 105.9050, hamlets: ["thôn Vân La", "thôn Cổ Chất", "thôn Tự Khoát"],
      knownMarkets: ["KR", "CN", "JP"],
      descriptionVI:
        "Làng cây cảnh Hồng Vân (Thường Tín) bên sông Hồng: cây thế, bonsai sanh, si, duối, tùng la hán.",
      descriptionEN:
        "Hong Van bonsai village (Thuong Tin) on the Red River: shaped trees and ficus, sandpaper-tree and Buddhist-pine bonsai."
    ),
    DemoVillageSpec(
      slug: "ha-thai", vi: "Hạ Thái", en: "Ha Thai", commune: "Duyên Thái", communeKind: "xã",
      district: "Thường Tín", districtKind: "huyện", crafts: [(.lacquer, 1)], producers: 12,
      latitude: 20.8960, longitude: 105.8540, hamlets: ["thôn Hạ Thái", "xóm Chợ", "xóm Đình"],
      knownMarkets: ["FR", "US", "JP", "DE"],
      descriptionVI:
        "Làng sơn mài Hạ Thái (xã Duyên Thái, Thường Tín): tranh sơn mài, hộp, khay, bát tre cuộn, khảm vỏ trứng và dát vàng bạc.",
      descriptionEN:
        "Ha Thai lacquer village (Duyen Thai commune, Thuong Tin): lacquer paintings, boxes, trays and coiled-bamboo bowls with eggshell inlay and gold or silver leaf."
    ),
    DemoVillageSpec(
      slug: "quat-dong", vi: "Quất Động", en: "Quat Dong", commune: "Quất Động", communeKind: "xã",
      district: "Thường Tín", districtKind: "huyện", crafts: [(.embroidery, 1)], producers: 10,
      latitude: 20.8700, longitude: 105.8680, hamlets: ["thôn Quất Động", "thôn Đông Cứu", "xóm Bắc"],
      knownMarkets: ["FR", "JP", "IT"],
      descriptionVI:
        "Làng thêu Quất Động (Thường Tín), quê tổ nghề thêu Lê Công Hành: tranh thêu tay, khăn trải bàn, vỏ gối và đồ thêu xuất khẩu.",
      descriptionEN:
        "Quat Dong embroidery village (Thuong Tin), home of the craft's founder Le Cong Hanh: hand-embroidered pictures, tablecloths, cushion covers and export linens."
    ),
    DemoVillageSpec(
      slug: "chuon-ngo", vi: "Chuôn Ngọ", en: "Chuon Ngo", commune: "Chuyên Mỹ", communeKind: "xã",
      district: "Phú Xuyên", districtKind: "huyện", crafts: [(.motherOfPearlInlay, 1)],
      producers: 10, latitude: 20.7330, longitude: 105.8780,
      hamlets: ["thôn Chuôn Ngọ", "thôn Chuôn Trung", "xóm Ngoài"], knownMarkets: ["FR", "US", "KR"],
      descriptionVI:
        "Làng khảm trai Chuôn Ngọ (xã Chuyên Mỹ, Phú Xuyên): cưa, mài và khảm xà cừ trên gỗ và sơn mài thành tranh, hộp, khay và đồ nội thất.",
      descriptionEN:
        "Chuon Ngo mother-of-pearl inlay village (Chuyen My commune, Phu Xuyen): shell cut, ground and inlaid into wood and lacquer for pictures, boxes, trays and furniture."
    ),
    DemoVillageSpec(
      slug: "chuong", vi: "Làng Chuông", en: "Chuong Village", commune: "Phương Trung",
      communeKind: "xã", district: "Thanh Oai", districtKind: "huyện",
      crafts: [(.conicalHats, 1)], producers: 10, latitude: 20.8420, longitude: 105.7640,
      hamlets: ["thôn Chuông", "xóm Thượng", "xóm Hạ"], knownMarkets: ["JP", "US", "FR"],
      descriptionVI:
        "Làng nón Chuông (xã Phương Trung, Thanh Oai): nón lá, nón quai thao và nón vẽ tay, khâu từ lá cọ non trên khung tre.",
      descriptionEN:
        "Chuong conical-hat village (Phuong Trung commune, Thanh Oai): palm-leaf conical hats, quai thao hats and hand-painted hats stitched over bamboo frames."
    ),
    DemoVillageSpec(
      slug: "son-dong", vi: "Sơn Đồng", en: "Son Dong", commune: "Sơn Đồng", communeKind: "xã",
      district: "Hoài Đức", districtKind: "huyện", crafts: [(.woodCarving, 1)], producers: 12,
      latitude: 21.0440, longitude: 105.7020, hamlets: ["thôn Cù Sơn", "thôn Thượng", "xóm Đình"],
      knownMarkets: ["US", "TW", "FR"],
      descriptionVI:
        "Làng tượng gỗ Sơn Đồng (Hoài Đức): tạc tượng Phật, tượng thờ bằng gỗ mít, sơn son thếp vàng, hoành phi câu đối.",
      descriptionEN:
        "Son Dong wood-statue village (Hoai Duc): Buddha and temple statues carved in jackfruit wood, red-lacquered and gilded, and carved panels."
    ),
    DemoVillageSpec(
      slug: "chang-son", vi: "Chàng Sơn", en: "Chang Son", commune: "Chàng Sơn", communeKind: "xã",
      district: "Thạch Thất", districtKind: "huyện",
      crafts: [(.furniture, 0.55), (.fans, 0.45)], producers: 12,
      latitude: 21.0520, longitude: 105.5850, hamlets: ["thôn 1", "thôn 3", "thôn 5", "xóm Chợ"],
      knownMarkets: ["JP", "US", "KR"],
      descriptionVI:
        "Làng nghề Chàng Sơn (Thạch Thất): mộc dân dụng và quạt giấy, quạt lụa nan tre.",
      descriptionEN:
        "Chang Son (Thach That): household carpentry and folding fans of paper or silk on bamboo ribs."
    ),
    DemoVillageSpec(
      slug: "kieu-ky", vi: "Kiêu Kỵ", en: "Kieu Ky", commune: "Kiêu Kỵ", communeKind: "xã",
      district: "Gia Lâm", districtKind: "huyện", crafts: [(.goldSilverLeaf, 1)], producers: 5,
      latitude: 21.0010, longitude: 105.9530, hamlets: ["thôn Kiêu Kỵ", "xóm Chùa", "xóm Đông"],
      knownMarkets: ["TW", "TH", "KR"],
      descriptionVI:
        "Làng dát vàng bạc quỳ Kiêu Kỵ (Gia Lâm): đập vàng, bạc thành lá mỏng để thếp tượng, đồ thờ và sơn mài.",
      descriptionEN:
        "Kieu Ky gold and silver leaf village (Gia Lam): gold and silver beaten into thin leaf for gilding statues, altar ware and lacquer."
    ),
    DemoVillageSpec(
      slug: "ngu-xa", vi: "Ngũ Xã", en: "Ngu Xa", commune: "Trúc Bạch", communeKind: "phường",
      district: "Ba Đình", districtKind: "quận", crafts: [(.bronzeCasting, 1)], producers: 6,
      latitude: 21.0455, longitude: 105.8405, hamlets: ["phố Ngũ Xã", "phố Châu Long", "phố Nguyễn Khắc Hiếu"],
      knownMarkets: ["US", "KR", "TW"],
      descriptionVI:
        "Làng đúc đồng Ngũ Xã (Ba Đình) bên hồ Trúc Bạch: tượng đồng, lư hương, chuông và trống đồng đúc thủ công.",
      descriptionEN:
        "Ngu Xa bronze-casting village (Ba Dinh) by Truc Bach lake: hand-cast bronze statues, incense burners, bells and drums."
    ),
  ]
}

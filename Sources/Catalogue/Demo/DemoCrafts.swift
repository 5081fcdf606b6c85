// What each craft makes: product types with HS codes, materials, prices, packing and text.

import CommonAPI

/// A colour, glaze, finish, motif or wood of a product, in both languages; `material` is added
/// to the listing's materials when set.
struct DemoFinish: Sendable {
  let vi: String
  let en: String
  let material: String?

  init(_ vi: String, _ en: String, material: String? = nil) {
    self.vi = vi
    self.en = en
    self.material = material
  }
}

/// A product type a craft makes, with the trade terms of a typical export order.
struct DemoProduct: Sendable {
  /// SKU stem, e.g. "RB01".
  let code: String
  let vi: String
  let en: String
  /// HS code as the catalogue stores it ("4602.12").
  let hs: String
  let materials: [String]
  let unit: QuantityUnit
  /// FOB unit price at the MOQ tier for the smallest size, in US cents.
  let price: ClosedRange<Int>
  let moqs: [Int]
  /// Language-neutral sizes, smallest first; empty → no size in the title.
  let sizes: [String]
  let perCarton: ClosedRange<Int>
  /// Volume and gross weight of one carton (or bale, roll) for the smallest size.
  let cartonCbm: Double
  let cartonKg: Double
  /// Packing text with "{n}" for the units per carton.
  let packVI: String
  let packEN: String
  let lead: ClosedRange<Int>
  /// Units a mid-sized cooperative makes a month.
  let capacity: ClosedRange<Int>
  let descVI: String
  let descEN: String
  /// Overrides the craft's finishes; empty → no finish in the title.
  let finishes: [DemoFinish]?
}

/// A craft category with its product types and what its producers typically hold.
struct DemoCraft: Sendable {
  let category: CraftCategory
  /// For producer names: "mây tre đan" / "Rattan & Bamboo".
  let nounVI: String
  let nounEN: String
  /// One sentence on how the goods are made, added to every listing description.
  let techniqueVI: [String]
  let techniqueEN: [String]
  let finishes: [DemoFinish]
  /// Export markets and their weights (US leads for plant-fibre goods, as in DOMAIN.md).
  let markets: [(String, Double)]
  /// Certifications a cooperative or company of the craft may hold, with a probability.
  let certifications: [(CertificationType, Double)]
  /// Share of listings priced for export (USD, FOB/CIF); the rest sell at home in VND, EXW.
  let exportShare: Double
  let products: [DemoProduct]
}

// Packing phrases shared by several products.
private let nested = (
  "{n} cái lồng vào nhau mỗi thùng carton 5 lớp, bọc túi PE từng cái",
  "{n} pcs nested per 5-ply export carton, polybag each"
)
private let single = (
  "{n} cái mỗi thùng, bọc xốp hơi và bìa góc", "{n} pc(s) per carton, bubble wrap and corner protectors"
)
private let boxed = (
  "{n} sản phẩm mỗi thùng, hộp giấy riêng từng chiếc, chèn giấy vụn", "{n} pcs per carton, individual gift box, paper shred filling"
)
private let ceramicPack = (
  "{n} sản phẩm mỗi thùng, vách ngăn carton, đạt thử rơi ISTA 1A", "{n} pcs per carton with cardboard dividers, ISTA 1A drop-tested"
)
private let furniturePack = (
  "{n} bộ mỗi thùng, tháo lắp (KD), bọc màng PE và xốp 4 góc", "{n} set(s) per carton, knock-down, PE film and foam corners"
)
private let flatPack = (
  "{n} cái xếp phẳng mỗi thùng, túi OPP từng cái", "{n} pcs flat-packed per carton, OPP bag each"
)

// swift-format-ignore
private func product(
  _ code: String, _ vi: String, _ en: String, hs: String, _ materials: [String],
  unit: QuantityUnit = .piece, price: ClosedRange<Int>, moq: [Int], sizes: [String] = [],
  carton: ClosedRange<Int>, cbm: Double, kg: Double, pack: (String, String),
  lead: ClosedRange<Int>, capacity: ClosedRange<Int>, _ descVI: String, _ descEN: String,
  finishes: [DemoFinish]? = nil
) -> DemoProduct {
  DemoProduct(
    code: code, vi: vi, en: en, hs: hs, materials: materials, unit: unit, price: price, moqs: moq,
    sizes: sizes, perCarton: carton, cartonCbm: cbm, cartonKg: kg, packVI: pack.0, packEN: pack.1,
    lead: lead, capacity: capacity, descVI: descVI, descEN: descEN, finishes: finishes)
}

extension DemoCatalogue {
  /// Every craft of the demo villages, with its products.
  static let crafts: [DemoCraft] = [rattanBamboo, seagrassSedge, ceramics, silk, embroidery, lacquer,
    motherOfPearl, woodCarving, furniture, fans, goldSilverLeaf, bronze, incense, conicalHats,
    food, bonsai]

  static func craft(_ category: CraftCategory) -> DemoCraft {
    crafts.first { $0.category == category } ?? rattanBamboo
  }

  static let plantFibreMarkets: [(String, Double)] = [
    ("US", 44), ("JP", 12), ("GB", 7), ("ES", 6), ("DE", 6), ("FR", 5), ("NL", 4), ("IT", 4),
    ("KR", 4), ("AU", 4), ("CA", 3), ("BE", 2), ("SE", 2), ("DK", 1.5), ("IN", 1.5),
  ]

  static let rattanBamboo = DemoCraft(
    category: .rattanBamboo, nounVI: "mây tre đan", nounEN: "Rattan & Bamboo",
    techniqueVI: [
      "Hàng mây tre đan thủ công: sợi mây, tre được luộc, phơi khô và xử lý chống mốc trước khi đan.",
      "Sản phẩm mây tre đan làm hoàn toàn bằng tay trên khung tre, sấy lưu huỳnh chống mốc mọt.",
      "Mây tre đan truyền thống, nan chẻ đều, mối đan chặt, phủ sơn PU gốc nước an toàn.",
    ],
    techniqueEN: [
      "Handmade rattan and bamboo weaving: the cane is boiled, sun-dried and treated against mould before weaving.",
      "Woven entirely by hand over a bamboo frame and kiln-treated against mould and borers.",
      "Traditional weaving with evenly split cane and tight joins, finished with water-based PU lacquer.",
    ],
    finishes: [
      DemoFinish("màu tự nhiên", "natural"), DemoFinish("màu mật ong", "honey brown"),
      DemoFinish("trắng wash", "white wash"), DemoFinish("xám wash", "grey wash"),
      DemoFinish("nâu đậm", "dark brown"), DemoFinish("màu đen", "black"),
      DemoFinish("phối hai màu", "two-tone"),
    ],
    markets: plantFibreMarkets,
    certifications: [
      (.fscCoc, 0.35), (.amforiBsci, 0.3), (.smeta, 0.12), (.vietcraftExcellence, 0.15),
      (.fairTrade, 0.06), (.iso9001, 0.08), (.pefcCoc, 0.04),
    ],
    exportShare: 0.92,
    products: [
      product("RB01", "Giỏ mây đan có quai", "Hand-woven rattan basket with handles", hs: "4602.12", ["rattan", "mây"],
        price: 450...1200, moq: [100, 150, 200, 300], sizes: ["Ø30×H25 cm", "Ø35×H30 cm", "Ø40×H35 cm"],
        carton: 12...24, cbm: 0.12, kg: 7, pack: nested, lead: 35...60, capacity: 2000...8000,
        "Giỏ đan tay từ sợi mây tự nhiên, quai chắc chắn, dùng đựng đồ, trang trí hoặc làm giỏ quà.",
        "Hand-woven from natural rattan with sturdy handles, for storage, decor or gift hampers."),
      product("RB02", "Bộ giỏ mây tre đan lồng nhau", "Nested rattan and bamboo basket set", hs: "4602.12", ["rattan", "bamboo", "mây", "tre"],
        unit: .set, price: 1200...2800, moq: [100, 200], sizes: ["Ø30/35/40 cm", "Ø35/40/45 cm"],
        carton: 4...8, cbm: 0.16, kg: 8, pack: nested, lead: 42...70, capacity: 1000...4000,
        "Bộ ba giỏ mây tre đan lồng vào nhau, tiết kiệm thể tích khi vận chuyển.",
        "Set of three rattan and bamboo baskets that nest into each other to save shipping volume."),
      product("RB03", "Giỏ đựng đồ giặt bằng mây có nắp", "Rattan laundry hamper with lid", hs: "4602.12", ["rattan", "mây", "cotton"],
        price: 1400...3200, moq: [50, 100, 150], sizes: ["40×30×55 cm", "45×35×60 cm"],
        carton: 2...4, cbm: 0.25, kg: 8, pack: nested, lead: 42...70, capacity: 800...3000,
        "Giỏ đựng đồ giặt đan mây dày, có nắp và túi vải cotton tháo rời.",
        "Densely woven rattan hamper with lid and removable cotton liner."),
      product("RB04", "Khay mây tre đan chữ nhật", "Rectangular woven rattan and bamboo tray", hs: "4602.12", ["rattan", "bamboo", "mây", "tre"],
        price: 350...900, moq: [100, 200, 300], sizes: ["35×25×6 cm", "40×30×7 cm", "45×33×8 cm"],
        carton: 20...40, cbm: 0.1, kg: 9, pack: nested, lead: 35...56, capacity: 3000...10000,
        "Khay đan mây viền tre có tay cầm, dùng phục vụ đồ ăn, trà hoặc trang trí bàn.",
        "Rattan tray on a bamboo rim with cut-out handles, for serving, tea or table decor."),
      product("RB05", "Hộp mây có nắp", "Rattan storage box with lid", hs: "4602.12", ["rattan", "mây"],
        price: 600...1600, moq: [100, 200], sizes: ["25×18×12 cm", "30×22×15 cm", "35×25×18 cm"],
        carton: 8...18, cbm: 0.14, kg: 8, pack: nested, lead: 42...63, capacity: 1500...6000,
        "Hộp đan mây có nắp đậy khít, lót vải tùy chọn, dùng đựng đồ trong phòng tắm, phòng ngủ.",
        "Rattan box with a close-fitting lid and optional fabric lining, for bathroom or bedroom storage."),
      product("RB06", "Giỏ tre đan đựng đồ", "Woven bamboo storage basket", hs: "4602.11", ["bamboo", "tre"],
        price: 250...800, moq: [200, 300, 500], sizes: ["28×20×15 cm", "33×25×18 cm", "38×28×20 cm"],
        carton: 15...30, cbm: 0.13, kg: 7, pack: nested, lead: 30...56, capacity: 3000...12000,
        "Giỏ tre đan nan mỏng, nhẹ và bền, dùng đựng đồ khô, rau củ hoặc đồ chơi.",
        "Light, sturdy basket of thin bamboo strips for pantry goods, vegetables or toys."),
      product("RB07", "Giỏ giang đan hình trụ", "Giang bamboo cylinder basket", hs: "4602.11", ["giang", "bamboo", "tre"],
        price: 300...900, moq: [100, 200, 300], sizes: ["Ø25×H30 cm", "Ø30×H35 cm", "Ø35×H40 cm"],
        carton: 10...20, cbm: 0.14, kg: 6, pack: nested, lead: 35...60, capacity: 2000...7000,
        "Giỏ đan từ giang, loại tre dẻo mọc ở trung du, nan mềm và bóng tự nhiên — sản phẩm đặc trưng của mây tre giang đan.",
        "Woven from giang, a supple upland bamboo with a natural sheen, the signature material of giang weaving."),
      product("RB08", "Chụp đèn tre đan", "Woven bamboo pendant lamp shade", hs: "9405.99", ["bamboo", "tre"],
        price: 600...2200, moq: [50, 100, 200], sizes: ["Ø30 cm", "Ø40 cm", "Ø50 cm"],
        carton: 4...8, cbm: 0.2, kg: 5, pack: nested, lead: 35...60, capacity: 800...3000,
        "Chụp đèn thả trần đan nan tre, ánh sáng hắt qua mắt đan tạo bóng ấm; đuôi đèn E27, dây theo chuẩn CE khi có yêu cầu.",
        "Ceiling pendant shade woven from bamboo strips that casts warm patterned light; E27 fitting, CE cord on request."),
      product("RB09", "Chụp đèn mây tre đan", "Rattan and bamboo pendant lamp shade", hs: "9405.99", ["rattan", "bamboo", "mây", "tre"],
        price: 800...2600, moq: [50, 100], sizes: ["Ø35 cm", "Ø45 cm", "Ø60 cm"],
        carton: 3...6, cbm: 0.22, kg: 5, pack: nested, lead: 42...63, capacity: 600...2500,
        "Chụp đèn đan mây sợi trên khung tre, kiểu dáng tối giản phù hợp nhà hàng, khách sạn.",
        "Split-rattan shade on a bamboo frame, a minimal form for restaurants and hotels."),
      product("RB10", "Ghế mây có tay vịn", "Rattan armchair", hs: "9401.53", ["rattan", "mây"],
        price: 3500...9000, moq: [20, 30, 50], sizes: ["62×65×80 cm", "70×72×85 cm"],
        carton: 1...2, cbm: 0.45, kg: 9, pack: single, lead: 56...84, capacity: 150...600,
        "Ghế mây khung mây đặc, đan tay mặt ngồi và lưng tựa, chịu tải 120 kg.",
        "Solid rattan frame with hand-woven seat and back, tested to 120 kg."),
      product("RB11", "Ghế tre thư giãn", "Bamboo lounge chair", hs: "9401.52", ["bamboo", "tre"],
        price: 3000...7000, moq: [20, 30, 50], sizes: ["65×80×75 cm"],
        carton: 1...1, cbm: 0.4, kg: 8, pack: single, lead: 56...84, capacity: 150...500,
        "Ghế tre uốn nhiệt, liên kết chốt tre, không dùng đinh kim loại.",
        "Heat-bent bamboo lounge chair joined with bamboo pegs, no metal nails."),
      product("RB12", "Bàn trà mây", "Rattan coffee table", hs: "9403.83", ["rattan", "mây"],
        price: 4000...9500, moq: [20, 30, 50], sizes: ["Ø60×H45 cm", "Ø80×H45 cm"],
        carton: 1...1, cbm: 0.35, kg: 10, pack: single, lead: 56...84, capacity: 100...400,
        "Bàn trà tròn khung mây đặc, mặt đan mắt cáo, có thể phối mặt kính cường lực.",
        "Round solid-rattan coffee table with open-weave top, tempered glass top optional."),
      product("RB13", "Kệ tre ba tầng", "Three-tier bamboo shelf", hs: "9403.82", ["bamboo", "tre"],
        price: 2500...5500, moq: [30, 50], sizes: ["60×30×90 cm", "80×35×110 cm"],
        carton: 1...2, cbm: 0.12, kg: 9, pack: furniturePack, lead: 49...77, capacity: 200...800,
        "Kệ tre ba tầng tháo lắp, ống tre già đã xử lý hấp sấy.",
        "Knock-down three-tier shelf of mature, steam-treated bamboo poles."),
      product("RB14", "Mành tre cuốn", "Roll-up bamboo blind", hs: "4601.21", ["bamboo", "tre"],
        price: 600...1800, moq: [100, 200], sizes: ["60×160 cm", "90×180 cm", "120×180 cm"],
        carton: 5...10, cbm: 0.08, kg: 10, pack: flatPack, lead: 35...56, capacity: 1000...5000,
        "Mành tre nan nhỏ dệt bằng chỉ cotton, có dây kéo cuốn lên.",
        "Fine bamboo slats woven with cotton thread, with a pull cord to roll up."),
      product("RB15", "Tấm lót bàn ăn bằng mây", "Rattan placemat", hs: "4601.22", ["rattan", "mây"],
        price: 80...250, moq: [300, 500, 1000], sizes: ["Ø38 cm", "45×30 cm"],
        carton: 50...100, cbm: 0.06, kg: 8, pack: flatPack, lead: 30...49, capacity: 5000...20000,
        "Tấm lót bàn ăn đan mây sợi, chịu nhiệt, dễ lau chùi.",
        "Woven split-rattan placemat, heat-resistant and easy to wipe clean."),
      product("RB16", "Khay tre đựng hoa quả", "Bamboo fruit bowl", hs: "4602.11", ["bamboo", "tre"],
        price: 200...600, moq: [200, 300, 500], sizes: ["Ø25 cm", "Ø30 cm", "Ø35 cm"],
        carton: 20...40, cbm: 0.1, kg: 7, pack: nested, lead: 30...49, capacity: 3000...10000,
        "Khay tre đan tròn đựng hoa quả, bánh mì, miệng loe.",
        "Round woven bamboo bowl with a flared rim for fruit or bread."),
      product("RB17", "Gương tròn khung mây", "Round rattan-framed wall mirror", hs: "7009.92", ["rattan", "glass", "mây"],
        price: 1200...3200, moq: [50, 100], sizes: ["Ø50 cm", "Ø60 cm", "Ø80 cm"],
        carton: 1...4, cbm: 0.1, kg: 8, pack: single, lead: 42...63, capacity: 500...2000,
        "Gương soi khung mây đan hình mặt trời, gương 4 mm có móc treo.",
        "Sunburst rattan frame around a 4 mm mirror, with hanging hook."),
      product("RB18", "Ổ mây cho thú cưng", "Rattan pet bed", hs: "4602.12", ["rattan", "mây"],
        price: 900...2400, moq: [50, 100], sizes: ["50×40 cm", "60×50 cm", "70×55 cm"],
        carton: 3...6, cbm: 0.2, kg: 9, pack: nested, lead: 42...63, capacity: 600...2500,
        "Ổ nằm cho chó mèo đan mây dày, kèm đệm vải tháo giặt được.",
        "Dense rattan bed for cats and dogs with a removable, washable cushion."),
      product("RB19", "Làn mây đi chợ có nắp", "Rattan market basket with hinged lid", hs: "4602.12", ["rattan", "mây"],
        price: 500...1400, moq: [100, 200], sizes: ["30×18×20 cm", "35×20×22 cm"],
        carton: 8...16, cbm: 0.13, kg: 7, pack: nested, lead: 35...56, capacity: 1500...5000,
        "Làn mây truyền thống có nắp bản lề và quai xách, lót vải kẻ ô.",
        "Traditional rattan market basket with hinged lid and handle, gingham lining."),
      product("RB20", "Hộp đựng khăn giấy bằng mây", "Rattan tissue box cover", hs: "4602.12", ["rattan", "mây"],
        price: 180...450, moq: [200, 300, 500], sizes: ["25×13×9 cm", "13×13×14 cm"],
        carton: 24...48, cbm: 0.09, kg: 8, pack: nested, lead: 30...49, capacity: 4000...12000,
        "Hộp đựng khăn giấy đan mây có đáy trượt.", "Rattan tissue box cover with sliding base."),
    ])

  static let seagrassSedge = DemoCraft(
    category: .seagrassSedge, nounVI: "cói và cỏ tế", nounEN: "Seagrass & Fern Weaving",
    techniqueVI: [
      "Sợi cỏ tế, cói được phơi khô tự nhiên, se và đan tay trên khung sắt sơn tĩnh điện.",
      "Đan tay hoàn toàn, sấy và đóng gói kèm gói hút ẩm chống mốc trong container.",
    ],
    techniqueEN: [
      "Fern stems and sedge are sun-dried, twisted and hand-woven over a powder-coated iron frame.",
      "Entirely hand-woven, kiln-dried and packed with desiccant against mould in the container.",
    ],
    finishes: [
      DemoFinish("màu tự nhiên", "natural"), DemoFinish("viền đen", "black trim"),
      DemoFinish("viền trắng", "white trim"), DemoFinish("nhuộm xám", "grey dyed"),
      DemoFinish("sọc hai màu", "two-tone stripe"),
    ],
    markets: plantFibreMarkets,
    certifications: [(.amforiBsci, 0.3), (.smeta, 0.1), (.vietcraftExcellence, 0.12), (.fairTrade, 0.08)],
    exportShare: 0.9,
    products: [
      product("SG01", "Giỏ cỏ tế đan tay", "Hand-woven cỏ tế fern basket", hs: "4602.19", ["cỏ tế", "fern"],
        price: 350...1000, moq: [100, 200, 300], sizes: ["Ø25×H20 cm", "Ø30×H25 cm", "Ø35×H30 cm"],
        carton: 12...24, cbm: 0.12, kg: 6, pack: nested, lead: 35...60, capacity: 2000...7000,
        "Giỏ đan từ thân cỏ tế (dương xỉ) chẻ đôi, màu nâu bóng tự nhiên, đặc sản của Lưu Thượng.",
        "Woven from split stems of cỏ tế fern with a natural glossy brown, a Luu Thuong speciality."),
      product("SG02", "Hộp cỏ tế có nắp", "Cỏ tế fern box with lid", hs: "4602.19", ["cỏ tế", "fern"],
        price: 450...1300, moq: [100, 200], sizes: ["20×15×10 cm", "25×18×12 cm", "30×22×15 cm"],
        carton: 10...20, cbm: 0.12, kg: 6, pack: nested, lead: 35...60, capacity: 1500...5000,
        "Hộp cỏ tế đan dày có nắp, dùng đựng trang sức, trà hoặc quà tặng.",
        "Densely woven fern-stem box with lid for jewellery, tea or gifts."),
      product("SG03", "Giỏ cỏ biển đựng đồ", "Seagrass storage basket", hs: "4602.19", ["seagrass", "cỏ biển"],
        price: 300...900, moq: [100, 200, 300], sizes: ["30×30×30 cm", "35×35×35 cm", "40×40×40 cm"],
        carton: 6...12, cbm: 0.18, kg: 8, pack: nested, lead: 35...56, capacity: 2000...8000,
        "Giỏ cỏ biển se sợi đan trên khung sắt, vừa kệ IKEA Kallax.",
        "Twisted seagrass woven over an iron frame, sized for cube shelving."),
      product("SG04", "Giỏ cỏ biển đựng đồ chơi có quai", "Seagrass belly basket with handles", hs: "4602.19", ["seagrass", "cỏ biển"],
        price: 600...1600, moq: [100, 200], sizes: ["Ø40×H45 cm", "Ø50×H55 cm"],
        carton: 3...6, cbm: 0.2, kg: 7, pack: nested, lead: 42...63, capacity: 1000...4000,
        "Giỏ bụng to đan cỏ biển, gập được miệng, dùng đựng đồ chơi, chăn hoặc làm vỏ chậu cây.",
        "Foldable-rim belly basket for toys, throws or as a plant cover."),
      product("SG05", "Hộp lục bình có nắp", "Water hyacinth storage box with lid", hs: "4602.19", ["water hyacinth", "lục bình"],
        price: 500...1500, moq: [100, 200], sizes: ["30×20×15 cm", "40×30×20 cm", "50×35×25 cm"],
        carton: 4...10, cbm: 0.18, kg: 8, pack: nested, lead: 42...63, capacity: 1200...4500,
        "Hộp lục bình đan trên khung bìa cứng hoặc khung sắt, có nắp và tay cầm.",
        "Water hyacinth woven over a board or iron frame, with lid and handles."),
      product("SG06", "Khay lục bình", "Water hyacinth tray", hs: "4602.19", ["water hyacinth", "lục bình"],
        price: 350...950, moq: [100, 200, 300], sizes: ["40×30 cm", "50×35 cm"],
        carton: 10...20, cbm: 0.12, kg: 8, pack: nested, lead: 35...56, capacity: 2000...6000,
        "Khay lục bình đan tay có tay cầm, mặt đáy lót gỗ MDF.",
        "Hand-woven water hyacinth tray with handles on an MDF base."),
      product("SG07", "Giỏ xách cói", "Sedge tote basket", hs: "4602.19", ["sedge", "cói"],
        price: 250...700, moq: [200, 300, 500], sizes: ["35×15×30 cm", "40×15×35 cm"],
        carton: 30...60, cbm: 0.1, kg: 9, pack: flatPack, lead: 30...49, capacity: 3000...10000,
        "Giỏ xách đan cói quai da, lót vải, phù hợp đi biển, đi chợ.",
        "Sedge tote with leather straps and fabric lining, for beach or market."),
      product("SG08", "Thảm cói", "Sedge floor mat", hs: "4601.29", ["sedge", "cói"],
        price: 600...3000, moq: [50, 100, 200], sizes: ["60×90 cm", "120×180 cm", "160×230 cm"],
        carton: 2...10, cbm: 0.1, kg: 12, pack: flatPack, lead: 35...56, capacity: 500...3000,
        "Thảm cói dệt tay, viền vải cotton, mặt sau chống trượt tùy chọn.",
        "Hand-loomed sedge mat with cotton binding, anti-slip backing optional."),
      product("SG09", "Tấm lót cói tròn", "Round sedge placemat", hs: "4601.29", ["sedge", "cói"],
        price: 80...220, moq: [300, 500, 1000], sizes: ["Ø35 cm", "Ø38 cm"],
        carton: 60...120, cbm: 0.06, kg: 8, pack: flatPack, lead: 30...45, capacity: 5000...20000,
        "Tấm lót cói cuộn tròn khâu tay, dùng lót đĩa hoặc lót nồi.",
        "Hand-stitched coiled sedge mat for plates or hot pots."),
      product("SG10", "Giỏ lục bình đựng đồ giặt", "Water hyacinth laundry basket", hs: "4602.19", ["water hyacinth", "lục bình"],
        price: 900...2200, moq: [50, 100], sizes: ["40×30×55 cm", "45×35×60 cm"],
        carton: 2...4, cbm: 0.25, kg: 8, pack: nested, lead: 42...63, capacity: 800...3000,
        "Giỏ đồ giặt lục bình đan dày có nắp, lót vải cotton tháo rời.",
        "Thick water hyacinth laundry basket with lid and removable cotton liner."),
    ])

  static let ceramics = DemoCraft(
    category: .ceramics, nounVI: "gốm sứ", nounEN: "Ceramics",
    techniqueVI: [
      "Gốm Bát Tràng tạo hình trên bàn xoay, nung ở 1.250–1.300 °C trong lò ga, men không chì, an toàn thực phẩm.",
      "Vẽ tay từng chiếc bởi thợ làng Bát Tràng, nung lò ga hai lần, đạt tiêu chuẩn chì và cadimi của FDA và EU.",
      "Đất sét trắng Trúc Thôn pha cao lanh, tạo hình bằng khuôn thạch cao, sửa và tráng men thủ công.",
    ],
    techniqueEN: [
      "Bat Trang stoneware thrown on the wheel and gas-fired at 1,250–1,300 °C; lead-free, food-safe glazes.",
      "Hand-painted piece by piece in Bat Trang, twice gas-fired, tested to FDA and EU lead and cadmium limits.",
      "Truc Thon white clay blended with kaolin, slip-cast in plaster moulds, trimmed and glazed by hand.",
    ],
    finishes: [
      DemoFinish("men lam vẽ tay", "hand-painted cobalt blue"), DemoFinish("men rạn cổ", "antique crackle glaze"),
      DemoFinish("men ngọc", "celadon glaze"), DemoFinish("men nâu", "brown glaze"),
      DemoFinish("men hoa biến", "reactive flambé glaze"), DemoFinish("men trắng ngà", "ivory glaze"),
      DemoFinish("men kem mờ", "matte cream glaze"), DemoFinish("men xanh rêu", "moss green glaze"),
      DemoFinish("men lam xám", "grey-blue glaze"),
    ],
    markets: [
      ("US", 22), ("JP", 18), ("FR", 9), ("DE", 8), ("KR", 8), ("AU", 6), ("NL", 5), ("GB", 5),
      ("ES", 4), ("IT", 4), ("TW", 4), ("CA", 3), ("BE", 2),
    ],
    certifications: [(.amforiBsci, 0.25), (.iso9001, 0.2), (.smeta, 0.1), (.vietcraftExcellence, 0.12), (.sa8000, 0.03)],
    exportShare: 0.8,
    products: [
      product("CE01", "Bộ ấm chén", "Tea set with teapot and 6 cups", hs: "6912.00", ["stoneware", "gốm"], unit: .set,
        price: 900...2800, moq: [100, 200, 300], carton: 4...8, cbm: 0.07, kg: 9, pack: boxed,
        lead: 35...60, capacity: 800...4000,
        "Bộ ấm chén gồm ấm 600 ml và sáu chén, nắp khít, vòi rót không nhỏ giọt.",
        "A 600 ml teapot with six cups; close-fitting lid and drip-free spout."),
      product("CE02", "Bát cơm", "Rice bowl", hs: "6912.00", ["stoneware", "gốm"],
        price: 80...250, moq: [500, 1000, 2000], sizes: ["Ø11.5 cm", "Ø12.5 cm", "Ø15 cm"],
        carton: 48...96, cbm: 0.06, kg: 16, pack: ceramicPack, lead: 35...56, capacity: 10000...40000,
        "Bát ăn cơm dáng truyền thống, dùng được trong lò vi sóng và máy rửa bát.",
        "Traditional-shape rice bowl, microwave and dishwasher safe."),
      product("CE03", "Đĩa ăn", "Dinner plate", hs: "6912.00", ["stoneware", "gốm"],
        price: 120...450, moq: [300, 500, 1000], sizes: ["Ø20 cm", "Ø25 cm", "Ø27 cm"],
        carton: 24...48, cbm: 0.07, kg: 18, pack: ceramicPack, lead: 35...56, capacity: 6000...25000,
        "Đĩa ăn vành rộng, chân đế mài nhẵn, xếp chồng gọn.",
        "Wide-rim dinner plate with a ground foot that stacks neatly."),
      product("CE04", "Cốc có quai", "Mug", hs: "6912.00", ["stoneware", "gốm"],
        price: 120...380, moq: [300, 500, 1000], sizes: ["300 ml", "350 ml", "400 ml"],
        carton: 24...48, cbm: 0.06, kg: 12, pack: ceramicPack, lead: 35...56, capacity: 8000...30000,
        "Cốc gốm có quai, thành dày giữ nhiệt, in logo theo yêu cầu.",
        "Thick-walled mug that keeps drinks hot; custom logo on request."),
      product("CE05", "Bình hoa", "Vase", hs: "6913.90", ["stoneware", "gốm"],
        price: 300...2500, moq: [100, 200, 300], sizes: ["H20 cm", "H30 cm", "H45 cm"],
        carton: 4...16, cbm: 0.1, kg: 12, pack: ceramicPack, lead: 42...63, capacity: 1500...6000,
        "Bình cắm hoa dáng tỏi, men phủ trong lòng, không thấm nước.",
        "Garlic-neck vase, glazed inside and watertight."),
      product("CE06", "Cặp lộc bình", "Pair of baluster floor vases (lộc bình)", hs: "6913.90", ["stoneware", "gốm"], unit: .set,
        price: 6000...25000, moq: [10, 20], sizes: ["H80 cm", "H100 cm", "H120 cm"],
        carton: 1...1, cbm: 0.35, kg: 30, pack: single, lead: 56...90, capacity: 30...150,
        "Đôi lộc bình trang trí phòng khách, đình chùa; vẽ tích cổ hoặc tứ quý.",
        "A pair of tall vases for halls, temples and lobbies, painted with classic scenes or the four seasons."),
      product("CE07", "Chậu cây men", "Glazed planter pot", hs: "6914.90", ["stoneware", "gốm"],
        price: 250...1800, moq: [100, 200, 300], sizes: ["Ø20 cm", "Ø30 cm", "Ø40 cm"],
        carton: 2...12, cbm: 0.12, kg: 14, pack: nested, lead: 42...63, capacity: 1500...8000,
        "Chậu trồng cây gốm có lỗ thoát nước, chịu sương giá, bán theo bộ lồng nhau.",
        "Frost-resistant planter with drainage hole, sold in nesting sets."),
      product("CE08", "Bộ bát đĩa sứ 16 món", "16-piece porcelain dinnerware set", hs: "6911.10", ["porcelain", "sứ"], unit: .set,
        price: 2200...5500, moq: [100, 200], carton: 1...2, cbm: 0.08, kg: 12, pack: boxed,
        lead: 49...70, capacity: 300...1500,
        "Bộ bát đĩa sứ trắng 16 món cho bốn người: đĩa lớn, đĩa nhỏ, bát và cốc.",
        "White porcelain set for four: dinner plates, side plates, bowls and mugs."),
      product("CE09", "Tượng gốm linh vật", "Ceramic zodiac figurine", hs: "6913.90", ["stoneware", "gốm"],
        price: 300...1500, moq: [100, 200], sizes: ["H12 cm", "H18 cm", "H25 cm"],
        carton: 12...36, cbm: 0.07, kg: 8, pack: boxed, lead: 42...63, capacity: 1500...6000,
        "Tượng gốm 12 con giáp nặn tay, làm quà Tết và quà lưu niệm.",
        "Hand-modelled zodiac animals, popular Tết and souvenir gifts."),
      product("CE10", "Đĩa cảnh trang trí", "Decorative wall plate", hs: "6913.90", ["stoneware", "gốm"],
        price: 500...2500, moq: [50, 100, 200], sizes: ["Ø30 cm", "Ø40 cm"],
        carton: 6...12, cbm: 0.09, kg: 12, pack: ceramicPack, lead: 42...63, capacity: 800...3000,
        "Đĩa cảnh treo tường vẽ phong cảnh làng quê, kèm móc treo.",
        "Wall plate painted with village scenes, hanger included."),
      product("CE11", "Bát hương gốm", "Ceramic incense burner (bát hương)", hs: "6913.90", ["stoneware", "gốm"],
        price: 400...1800, moq: [100, 200], sizes: ["Ø14 cm", "Ø18 cm", "Ø22 cm"],
        carton: 6...16, cbm: 0.1, kg: 14, pack: ceramicPack, lead: 35...56, capacity: 1500...6000,
        "Bát hương thờ vẽ rồng mây, men dày, đáy mộc.",
        "Altar incense bowl painted with dragon and clouds, thick glaze, unglazed foot."),
      product("CE12", "Bộ chén uống trà 6 chiếc", "Teacups, set of 6", hs: "6912.00", ["stoneware", "gốm"], unit: .set,
        price: 300...900, moq: [200, 300, 500], carton: 12...24, cbm: 0.06, kg: 10, pack: boxed,
        lead: 35...56, capacity: 2000...8000,
        "Sáu chén trà nhỏ 80 ml, miệng mỏng, đóng hộp giấy kraft.",
        "Six thin-lipped 80 ml teacups in a kraft gift box."),
    ])

  static let silk = DemoCraft(
    category: .silkTextiles, nounVI: "lụa tơ tằm", nounEN: "Silk",
    techniqueVI: [
      "Dệt từ tơ tằm 100% trên khung cửi làng Vạn Phúc, hoa văn lụa vân dệt chìm, nhuộm màu bền.",
      "Lụa tơ tằm Vạn Phúc dệt máy cải tiến, nhuộm thuốc nhuộm không chứa azo, giặt tay nước lạnh.",
    ],
    techniqueEN: [
      "Woven from 100% mulberry silk on Van Phuc looms; the van figure is woven in, colours are fast.",
      "Van Phuc mulberry silk woven on improved looms, azo-free dyes, hand-wash cold.",
    ],
    finishes: [
      DemoFinish("màu đỏ đô", "burgundy"), DemoFinish("xanh ngọc", "jade green"),
      DemoFinish("vàng nghệ", "turmeric yellow"), DemoFinish("tím than", "midnight purple"),
      DemoFinish("hồng phấn", "blush pink"), DemoFinish("trắng ngà", "ivory"),
      DemoFinish("xanh cổ vịt", "teal"), DemoFinish("xanh chàm", "indigo"),
      DemoFinish("hoa văn chữ Thọ", "longevity motif"), DemoFinish("hoa văn trúc", "bamboo motif"),
    ],
    markets: [("JP", 20), ("FR", 14), ("US", 14), ("KR", 8), ("IT", 7), ("DE", 6), ("AU", 5), ("GB", 5), ("TW", 4), ("CN", 3)],
    certifications: [(.oekoTex100, 0.3), (.iso9001, 0.1), (.vietcraftExcellence, 0.1), (.amforiBsci, 0.08), (.other, 0.15)],
    exportShare: 0.7,
    products: [
      product("SI01", "Khăn lụa tơ tằm", "Mulberry silk scarf", hs: "6214.10", ["silk", "lụa", "tơ tằm"],
        price: 700...2500, moq: [50, 100, 200], sizes: ["90×90 cm", "55×180 cm", "70×200 cm"],
        carton: 100...200, cbm: 0.05, kg: 8, pack: boxed, lead: 21...42, capacity: 1000...5000,
        "Khăn lụa mềm rủ, viền cuốn tay, đóng hộp quà.", "Soft, fluid scarf with hand-rolled hems, gift-boxed."),
      product("SI02", "Lụa vân Vạn Phúc", "Van Phuc figured (vân) silk fabric", hs: "5007.20", ["silk", "lụa", "tơ tằm"], unit: .metre,
        price: 900...2200, moq: [100, 200, 300], sizes: ["W 90 cm", "W 114 cm"],
        carton: 50...100, cbm: 0.04, kg: 9, pack: ("{n} m mỗi cây vải, bọc túi PE và giấy chống ẩm", "{n} m per roll, PE bag and moisture-barrier paper"),
        lead: 21...45, capacity: 2000...8000,
        "Lụa vân truyền thống với hoa văn dệt chìm ẩn hiện theo ánh sáng, dùng may áo dài, khăn và nội thất.",
        "Traditional van silk whose woven-in figure shows with the light; for ao dai, scarves and furnishings."),
      product("SI03", "Lụa tơ tằm trơn", "Plain mulberry silk fabric", hs: "5007.20", ["silk", "lụa", "tơ tằm"], unit: .metre,
        price: 700...1600, moq: [100, 200, 500], sizes: ["W 90 cm", "W 114 cm", "W 140 cm"],
        carton: 50...100, cbm: 0.04, kg: 8, pack: ("{n} m mỗi cây vải, bọc túi PE", "{n} m per roll, PE bag"),
        lead: 21...42, capacity: 3000...10000,
        "Lụa tơ tằm trơn định lượng 16–19 momme, mặt vải bóng nhẹ.", "Plain mulberry silk, 16–19 momme, with a soft lustre."),
      product("SI04", "Gấm tơ tằm", "Silk brocade fabric", hs: "5007.20", ["silk", "gấm", "tơ tằm"], unit: .metre,
        price: 1200...2800, moq: [50, 100, 200], sizes: ["W 90 cm"],
        carton: 40...80, cbm: 0.04, kg: 10, pack: ("{n} m mỗi cây vải, bọc túi PE", "{n} m per roll, PE bag"),
        lead: 28...56, capacity: 1000...4000,
        "Gấm dệt hoa văn nổi nhiều màu, dày dặn, dùng may áo, túi và bọc nệm.",
        "Multi-colour brocade with raised figures, heavy enough for jackets, bags and upholstery."),
      product("SI05", "Khăn choàng lụa", "Silk shawl", hs: "6214.10", ["silk", "lụa"],
        price: 1200...3200, moq: [50, 100], sizes: ["70×200 cm", "90×200 cm"],
        carton: 60...120, cbm: 0.05, kg: 9, pack: boxed, lead: 28...45, capacity: 600...3000,
        "Khăn choàng lụa vân khổ lớn, tua rua se tay hai đầu.", "Large van silk shawl with hand-twisted fringes."),
      product("SI06", "Cà vạt lụa tơ tằm", "Mulberry silk necktie", hs: "6215.10", ["silk", "lụa"],
        price: 400...1200, moq: [100, 200, 300], sizes: ["W 7 cm", "W 8 cm"],
        carton: 100...200, cbm: 0.04, kg: 7, pack: boxed, lead: 28...45, capacity: 1500...6000,
        "Cà vạt lụa dệt hoa văn, lót lụa, khâu tay mũi chốt.", "Woven-pattern silk tie, silk-lined, hand-slip-stitched."),
      product("SI07", "Vỏ gối lụa tơ tằm", "Mulberry silk pillowcase", hs: "6302.39", ["silk", "lụa", "tơ tằm"],
        price: 900...2200, moq: [100, 200], sizes: ["50×70 cm", "50×75 cm"],
        carton: 50...100, cbm: 0.05, kg: 9, pack: boxed, lead: 28...45, capacity: 1000...5000,
        "Vỏ gối lụa 22 momme, khóa kéo ẩn, giảm xù tóc.", "22 momme silk pillowcase with hidden zip, kind to hair."),
      product("SI08", "Lụa the", "Silk gauze (the) fabric", hs: "5007.20", ["silk", "lụa", "the"], unit: .metre,
        price: 800...1800, moq: [100, 200], sizes: ["W 90 cm"],
        carton: 60...120, cbm: 0.04, kg: 7, pack: ("{n} m mỗi cây vải, bọc túi PE", "{n} m per roll, PE bag"),
        lead: 28...45, capacity: 1500...5000,
        "Lụa the mỏng, thoáng, dùng may áo dài, rèm và khăn.", "Light, airy silk gauze for ao dai, curtains and scarves."),
    ])

  static let embroidery = DemoCraft(
    category: .embroidery, nounVI: "thêu tay", nounEN: "Hand Embroidery",
    techniqueVI: [
      "Thêu tay hoàn toàn bởi thợ thêu Quất Động, chỉ tơ tằm và chỉ cotton bền màu.",
      "Thêu tay mũi nhỏ, mặt sau gọn; mỗi tranh mất từ hai tuần đến ba tháng.",
    ],
    techniqueEN: [
      "Embroidered entirely by hand in Quat Dong with colour-fast silk and cotton threads.",
      "Fine hand stitches with a tidy reverse; a picture takes two weeks to three months.",
    ],
    finishes: [
      DemoFinish("hoa sen", "lotus"), DemoFinish("hoa đào", "peach blossom"), DemoFinish("chim hạc", "cranes"),
      DemoFinish("phong cảnh làng quê", "village landscape"), DemoFinish("hoa cúc", "chrysanthemum"),
      DemoFinish("họa tiết hình học", "geometric pattern"), DemoFinish("thêu nổi", "raised embroidery"),
    ],
    markets: [("FR", 18), ("JP", 16), ("US", 14), ("IT", 8), ("DE", 8), ("AU", 5), ("GB", 5), ("KR", 4), ("NL", 3)],
    certifications: [(.oekoTex100, 0.2), (.vietcraftExcellence, 0.15), (.fairTrade, 0.1), (.amforiBsci, 0.1)],
    exportShare: 0.75,
    products: [
      product("EM01", "Tranh thêu tay phong cảnh", "Hand-embroidered landscape picture", hs: "5810.99", ["silk", "embroidery thread", "lụa"],
        price: 2500...15000, moq: [10, 20, 30], sizes: ["40×60 cm", "50×80 cm", "60×100 cm"],
        carton: 5...10, cbm: 0.05, kg: 5, pack: flatPack, lead: 45...90, capacity: 50...300,
        "Tranh thêu tay trên nền lụa, có thể đóng khung gỗ theo yêu cầu.",
        "Hand-embroidered on silk ground, wooden frame on request."),
      product("EM02", "Tranh thêu hoa sen", "Hand-embroidered lotus picture", hs: "5810.99", ["silk", "embroidery thread", "lụa"],
        price: 2000...12000, moq: [10, 20, 30], sizes: ["30×40 cm", "40×60 cm", "50×70 cm"],
        carton: 5...10, cbm: 0.05, kg: 5, pack: flatPack, lead: 45...90, capacity: 60...300,
        "Tranh hoa sen thêu tay hai mặt hoặc một mặt, chỉ tơ tằm nhiều sắc độ.",
        "Single- or double-sided lotus picture in many shades of silk thread."),
      product("EM03", "Khăn trải bàn thêu tay", "Hand-embroidered tablecloth", hs: "6302.51", ["cotton", "linen"],
        price: 1500...4500, moq: [50, 100], sizes: ["140×180 cm", "150×220 cm", "180×270 cm"],
        carton: 20...40, cbm: 0.06, kg: 12, pack: flatPack, lead: 35...60, capacity: 300...1500,
        "Khăn trải bàn cotton thêu tay viền, thêu rua, giặt máy được.",
        "Cotton tablecloth with hand-embroidered border and drawn-thread work, machine-washable."),
      product("EM04", "Vỏ gối thêu tay", "Hand-embroidered cushion cover", hs: "6304.92", ["cotton"],
        price: 350...900, moq: [100, 200], sizes: ["40×40 cm", "45×45 cm", "50×50 cm"],
        carton: 100...200, cbm: 0.06, kg: 10, pack: flatPack, lead: 35...56, capacity: 1000...5000,
        "Vỏ gối cotton thêu tay, khóa kéo ẩn.", "Hand-embroidered cotton cushion cover with hidden zip."),
      product("EM05", "Bộ khăn ăn thêu 6 chiếc", "Embroidered napkins, set of 6", hs: "6302.51", ["cotton", "linen"], unit: .set,
        price: 600...1500, moq: [100, 200], sizes: ["40×40 cm", "45×45 cm"],
        carton: 40...80, cbm: 0.05, kg: 9, pack: flatPack, lead: 35...56, capacity: 800...3000,
        "Sáu khăn ăn thêu góc, viền gấp mép khâu tay.", "Six napkins with corner embroidery and hand-hemmed edges."),
      product("EM06", "Bộ ga gối thêu", "Embroidered bed linen set", hs: "6302.31", ["cotton"], unit: .set,
        price: 3500...8000, moq: [30, 50, 100], sizes: ["160×200 cm", "180×200 cm"],
        carton: 6...12, cbm: 0.08, kg: 14, pack: boxed, lead: 45...70, capacity: 200...800,
        "Bộ ga, vỏ chăn và hai vỏ gối cotton 300 sợi thêu tay viền.",
        "Fitted sheet, duvet cover and two pillowcases in 300-thread cotton with hand-embroidered borders."),
      product("EM07", "Túi thêu tay", "Hand-embroidered pouch", hs: "4202.32", ["cotton", "silk"],
        price: 300...800, moq: [100, 200, 300], sizes: ["18×12 cm", "22×15 cm"],
        carton: 150...300, cbm: 0.05, kg: 8, pack: flatPack, lead: 30...49, capacity: 1500...6000,
        "Túi nhỏ thêu tay có khóa kéo, đựng mỹ phẩm hoặc trang sức.",
        "Small zipped pouch with hand embroidery, for cosmetics or jewellery."),
    ])

  static let lacquer = DemoCraft(
    category: .lacquer, nounVI: "sơn mài", nounEN: "Lacquerware",
    techniqueVI: [
      "Sơn mài truyền thống Hạ Thái: nhiều lớp sơn ta, mài nước thủ công, hoàn thiện trong 2–3 tháng.",
      "Cốt tre cuộn hoặc gỗ MDF, phủ 12–16 lớp sơn, mài và đánh bóng bằng tay, không độc hại khi khô.",
    ],
    techniqueEN: [
      "Traditional Ha Thai lacquer: many coats of natural lacquer, wet-sanded by hand, two to three months to finish.",
      "Coiled-bamboo or MDF core under 12–16 coats, hand-sanded and polished; non-toxic when cured.",
    ],
    finishes: [
      DemoFinish("đỏ son", "vermilion red"), DemoFinish("đen bóng", "glossy black"),
      DemoFinish("khảm vỏ trứng", "eggshell inlay", material: "eggshell"),
      DemoFinish("dát vàng", "gold leaf", material: "gold leaf"), DemoFinish("dát bạc", "silver leaf", material: "silver leaf"),
      DemoFinish("nâu cánh gián", "cockroach-wing brown"), DemoFinish("trắng ngà", "ivory white"),
      DemoFinish("xanh ngọc", "jade green"),
    ],
    markets: [("FR", 16), ("US", 16), ("JP", 12), ("DE", 9), ("NL", 6), ("AU", 6), ("KR", 5), ("GB", 5), ("IT", 4), ("BE", 3)],
    certifications: [(.amforiBsci, 0.2), (.fscCoc, 0.12), (.vietcraftExcellence, 0.2), (.eudrDueDiligence, 0.08), (.smeta, 0.06)],
    exportShare: 0.85,
    products: [
      product("LA01", "Bát sơn mài tre cuộn", "Lacquered coiled-bamboo bowl", hs: "4419.19", ["bamboo", "lacquer", "sơn ta"],
        price: 350...1200, moq: [100, 200, 300], sizes: ["Ø15 cm", "Ø20 cm", "Ø25 cm"],
        carton: 12...36, cbm: 0.08, kg: 6, pack: nested, lead: 45...75, capacity: 800...4000,
        "Bát tre cuộn phủ sơn mài, nhẹ, dùng đựng hoa quả khô, đồ trang trí (không dùng lò vi sóng).",
        "Light coiled-bamboo bowl under lacquer for dry fruit or decor (not microwave-safe)."),
      product("LA02", "Khay sơn mài", "Lacquer serving tray", hs: "4419.90", ["wood", "lacquer", "sơn ta"],
        price: 600...2200, moq: [50, 100, 200], sizes: ["30×20 cm", "40×28 cm", "50×35 cm"],
        carton: 10...24, cbm: 0.08, kg: 8, pack: nested, lead: 45...75, capacity: 500...2500,
        "Khay sơn mài chữ nhật có tay cầm, bộ lồng nhau.", "Rectangular lacquer tray with handles, nesting sets."),
      product("LA03", "Hộp sơn mài đựng trang sức", "Lacquer jewellery box", hs: "4420.90", ["wood", "lacquer", "sơn ta"],
        price: 500...1800, moq: [50, 100, 200], sizes: ["15×10×6 cm", "20×15×8 cm", "25×18×10 cm"],
        carton: 12...36, cbm: 0.07, kg: 7, pack: boxed, lead: 45...75, capacity: 600...3000,
        "Hộp trang sức sơn mài lót nhung, bản lề đồng.", "Lacquer jewellery box lined with velvet, brass hinges."),
      product("LA04", "Bình sơn mài", "Lacquer vase", hs: "4420.10", ["wood", "lacquer", "sơn ta"],
        price: 900...3500, moq: [30, 50, 100], sizes: ["H25 cm", "H35 cm", "H50 cm"],
        carton: 4...12, cbm: 0.1, kg: 6, pack: single, lead: 50...80, capacity: 300...1500,
        "Bình trang trí sơn mài, lòng bình có ống nhựa cắm hoa tươi.", "Decorative lacquer vase with a plastic insert for fresh flowers."),
      product("LA05", "Tranh sơn mài", "Lacquer painting", hs: "9701.91", ["lacquer", "wood", "sơn ta"],
        price: 3000...20000, moq: [5, 10, 20], sizes: ["40×60 cm", "60×90 cm", "80×120 cm"],
        carton: 2...6, cbm: 0.06, kg: 8, pack: single, lead: 60...90, capacity: 30...200,
        "Tranh sơn mài vẽ tay trên vóc gỗ, đề tài phố cổ, làng quê, hoa sen.",
        "Hand-painted on a lacquered wood panel: old quarter streets, villages, lotus."),
      product("LA06", "Đĩa sơn mài trang trí", "Decorative lacquer plate", hs: "4420.10", ["bamboo", "lacquer"],
        price: 500...1600, moq: [50, 100], sizes: ["Ø25 cm", "Ø30 cm", "Ø40 cm"],
        carton: 10...24, cbm: 0.08, kg: 6, pack: boxed, lead: 45...75, capacity: 500...2000,
        "Đĩa treo tường sơn mài vẽ tay, kèm giá đỡ.", "Hand-painted lacquer wall plate with stand."),
      product("LA07", "Bộ lót cốc sơn mài 6 chiếc", "Lacquer coasters, set of 6", hs: "4419.90", ["wood", "lacquer"], unit: .set,
        price: 300...900, moq: [100, 200, 300], sizes: ["Ø10 cm", "10×10 cm"],
        carton: 50...100, cbm: 0.05, kg: 9, pack: boxed, lead: 40...60, capacity: 1500...6000,
        "Sáu lót cốc sơn mài kèm hộp đựng, mặt chống nước.", "Six water-resistant lacquer coasters in a holder."),
    ])

  static let motherOfPearl = DemoCraft(
    category: .motherOfPearlInlay, nounVI: "khảm trai", nounEN: "Mother-of-Pearl Inlay",
    techniqueVI: [
      "Vỏ trai, ốc xà cừ được cưa, mài mỏng và khảm từng mảnh bằng tay theo lối Chuôn Ngọ.",
      "Khảm trai trên nền gỗ và sơn mài, phủ sơn và mài bóng nhiều lần để mảnh khảm phẳng mịn.",
    ],
    techniqueEN: [
      "Shell and nacre are sawn, ground thin and set piece by piece by hand, the Chuon Ngo way.",
      "Inlaid into wood and lacquer, then coated and polished many times until the shell lies flush.",
    ],
    finishes: [
      DemoFinish("họa tiết hoa sen", "lotus motif"), DemoFinish("tứ linh", "four sacred animals"),
      DemoFinish("phong cảnh", "landscape"), DemoFinish("chim công", "peacock"),
      DemoFinish("hoa mai", "apricot blossom"), DemoFinish("họa tiết hình học", "geometric pattern"),
    ],
    markets: [("FR", 15), ("US", 15), ("KR", 10), ("JP", 9), ("TW", 7), ("DE", 6), ("AU", 5), ("GB", 4), ("CN", 4)],
    certifications: [(.vietcraftExcellence, 0.2), (.amforiBsci, 0.12), (.fscCoc, 0.08), (.other, 0.1)],
    exportShare: 0.8,
    products: [
      product("MP01", "Hộp trang sức khảm trai", "Mother-of-pearl inlaid jewellery box", hs: "4420.90", ["wood", "mother-of-pearl", "xà cừ"],
        price: 900...3500, moq: [30, 50, 100], sizes: ["18×12×7 cm", "24×16×9 cm", "30×20×11 cm"],
        carton: 8...24, cbm: 0.07, kg: 8, pack: boxed, lead: 45...75, capacity: 300...1500,
        "Hộp gỗ khảm trai lót nhung, khóa đồng, nhiều ngăn.", "Inlaid wooden box with velvet lining, brass clasp and compartments."),
      product("MP02", "Tranh khảm trai", "Mother-of-pearl inlaid picture", hs: "4420.90", ["wood", "mother-of-pearl", "lacquer", "xà cừ"],
        price: 4000...25000, moq: [5, 10], sizes: ["40×60 cm", "60×90 cm", "80×120 cm"],
        carton: 1...4, cbm: 0.08, kg: 10, pack: single, lead: 60...90, capacity: 20...120,
        "Tranh khảm trai trên nền sơn mài đen, khung gỗ, làm quà tặng cao cấp.",
        "Shell inlay on black lacquer in a wooden frame, a premium gift."),
      product("MP03", "Khay khảm trai", "Mother-of-pearl inlaid tray", hs: "4420.90", ["wood", "mother-of-pearl"],
        price: 1200...4000, moq: [30, 50, 100], sizes: ["35×25 cm", "45×30 cm"],
        carton: 6...16, cbm: 0.08, kg: 8, pack: boxed, lead: 45...75, capacity: 200...1000,
        "Khay gỗ khảm trai phủ sơn bóng, mặt chống nước.", "Inlaid wooden tray with a glossy, water-resistant finish."),
      product("MP04", "Hộp đựng trà khảm trai", "Mother-of-pearl inlaid tea box", hs: "4420.90", ["wood", "mother-of-pearl"],
        price: 800...2500, moq: [50, 100], sizes: ["20×10×10 cm", "24×12×12 cm"],
        carton: 12...30, cbm: 0.07, kg: 8, pack: boxed, lead: 45...75, capacity: 300...1500,
        "Hộp đựng trà gỗ khảm trai, lòng lót thiếc giữ hương.", "Inlaid wooden tea caddy with a tin lining that keeps the aroma."),
      product("MP05", "Bát sơn mài khảm trai", "Lacquer bowl with mother-of-pearl inlay", hs: "4419.19", ["bamboo", "lacquer", "mother-of-pearl"],
        price: 600...1800, moq: [50, 100, 200], sizes: ["Ø15 cm", "Ø20 cm", "Ø25 cm"],
        carton: 12...30, cbm: 0.08, kg: 6, pack: nested, lead: 45...75, capacity: 400...2000,
        "Bát tre cuộn sơn mài khảm vỏ trai lấp lánh mặt ngoài.", "Coiled-bamboo lacquer bowl with shimmering shell inlay outside."),
      product("MP06", "Bộ lót cốc khảm trai", "Mother-of-pearl inlaid coasters, set of 6", hs: "4420.90", ["wood", "mother-of-pearl"], unit: .set,
        price: 500...1400, moq: [100, 200], sizes: ["Ø10 cm"],
        carton: 40...80, cbm: 0.05, kg: 9, pack: boxed, lead: 40...60, capacity: 800...3000,
        "Sáu lót cốc khảm trai kèm hộp gỗ.", "Six inlaid coasters in a wooden holder."),
      product("MP07", "Hộp danh thiếp khảm trai", "Mother-of-pearl business card box", hs: "4420.90", ["wood", "mother-of-pearl"],
        price: 300...900, moq: [100, 200, 300], sizes: ["10×7×2 cm"],
        carton: 100...200, cbm: 0.05, kg: 9, pack: boxed, lead: 40...60, capacity: 1000...4000,
        "Hộp đựng danh thiếp gỗ khảm trai, quà tặng doanh nghiệp.", "Inlaid wooden card box, a corporate gift."),
    ])

  static let woodCarving = DemoCraft(
    category: .woodCarving, nounVI: "tượng gỗ", nounEN: "Wood Carving",
    techniqueVI: [
      "Tạc tay từ gỗ mít già đã sấy, theo lối tạc tượng truyền thống Sơn Đồng.",
      "Đục, chạm, sơn son thếp vàng thủ công; gỗ được sấy và xử lý mối mọt trước khi tạc.",
    ],
    techniqueEN: [
      "Hand-carved from seasoned jackfruit wood in the Son Dong statue tradition.",
      "Chiselled, carved, red-lacquered and gilded by hand; the wood is kiln-dried and treated before carving.",
    ],
    finishes: [
      DemoFinish("mộc", "natural wood"), DemoFinish("sơn son thếp vàng", "red lacquer and gold leaf", material: "gold leaf"),
      DemoFinish("thếp bạc", "silver leaf", material: "silver leaf"), DemoFinish("màu cánh gián", "dark brown finish"),
      DemoFinish("giả cổ", "antique finish"),
    ],
    markets: [("US", 18), ("FR", 12), ("TW", 10), ("KR", 9), ("JP", 8), ("AU", 6), ("DE", 5), ("TH", 4), ("CN", 4)],
    certifications: [(.fscCoc, 0.15), (.eudrDueDiligence, 0.12), (.vietcraftExcellence, 0.12), (.other, 0.1)],
    exportShare: 0.7,
    products: [
      product("WC01", "Tượng Phật Thích Ca gỗ mít", "Jackfruit-wood Shakyamuni Buddha statue", hs: "4420.10", ["jackfruit wood", "gỗ mít"],
        price: 6000...40000, moq: [5, 10, 20], sizes: ["H40 cm", "H60 cm", "H80 cm", "H120 cm"],
        carton: 1...2, cbm: 0.12, kg: 10, pack: single, lead: 45...90, capacity: 20...120,
        "Tượng Phật Thích Ca ngồi thiền trên tòa sen, tạc nguyên khối.", "Seated Shakyamuni on a lotus throne, carved from a single block."),
      product("WC02", "Tượng Quan Âm gỗ", "Carved wooden Guanyin statue", hs: "4420.10", ["jackfruit wood", "gỗ mít"],
        price: 5000...35000, moq: [5, 10, 20], sizes: ["H40 cm", "H60 cm", "H100 cm"],
        carton: 1...2, cbm: 0.12, kg: 10, pack: single, lead: 45...90, capacity: 20...120,
        "Tượng Quan Âm đứng cầm bình cam lộ, nét mặt hiền từ.", "Standing Guanyin holding the vase of pure water, serene expression."),
      product("WC03", "Tượng Di Lặc gỗ", "Carved wooden laughing Buddha", hs: "4420.10", ["wood", "gỗ mít"],
        price: 3000...15000, moq: [10, 20, 50], sizes: ["H20 cm", "H30 cm", "H50 cm"],
        carton: 2...8, cbm: 0.1, kg: 9, pack: single, lead: 40...75, capacity: 50...300,
        "Tượng Di Lặc cười, biểu tượng may mắn và sung túc.", "Laughing Buddha, a symbol of luck and plenty."),
      product("WC04", "Tượng linh vật 12 con giáp", "Carved zodiac animal figurine", hs: "4420.10", ["wood"],
        price: 800...3000, moq: [50, 100], sizes: ["H10 cm", "H15 cm", "H20 cm"],
        carton: 20...60, cbm: 0.06, kg: 8, pack: boxed, lead: 35...60, capacity: 300...1500,
        "Linh vật 12 con giáp chạm tay, làm quà Tết.", "Hand-carved zodiac animals, a favourite Tết gift."),
      product("WC05", "Hoành phi sơn son thếp vàng", "Red-lacquered gilded horizontal panel (hoành phi)", hs: "4421.99", ["wood", "gold leaf"],
        price: 15000...60000, moq: [2, 5], sizes: ["120×60 cm", "160×80 cm", "200×90 cm"],
        carton: 1...1, cbm: 0.2, kg: 20, pack: single, lead: 60...90, capacity: 5...30,
        "Hoành phi chạm chữ Hán Nôm theo yêu cầu, treo nhà thờ họ, đình chùa.",
        "Carved panel with Han-Nom characters of your choice, for ancestral halls and temples."),
      product("WC06", "Khung gương gỗ chạm khắc", "Carved wooden mirror frame", hs: "4414.90", ["wood"],
        price: 2500...9000, moq: [20, 30, 50], sizes: ["60×80 cm", "80×100 cm"],
        carton: 1...2, cbm: 0.12, kg: 12, pack: single, lead: 45...75, capacity: 50...200,
        "Khung gương chạm hoa lá cách điệu, lắp gương theo yêu cầu.", "Frame carved with stylised foliage; mirror fitted on request."),
      product("WC07", "Tượng Quan Công gỗ", "Carved wooden Guan Yu statue", hs: "4420.10", ["jackfruit wood", "gỗ mít"],
        price: 4000...25000, moq: [5, 10, 20], sizes: ["H40 cm", "H60 cm", "H80 cm"],
        carton: 1...2, cbm: 0.12, kg: 10, pack: single, lead: 45...90, capacity: 20...100,
        "Tượng Quan Công cầm đao, tạc chi tiết áo giáp.", "Guan Yu with his glaive, armour carved in detail."),
    ])

  static let furniture = DemoCraft(
    category: .furniture, nounVI: "đồ gỗ", nounEN: "Furniture",
    techniqueVI: [
      "Mộng gỗ truyền thống kết hợp keo chịu nước, sấy gỗ độ ẩm 10–12%, hoàn thiện sơn gốc nước.",
      "Thợ mộc Chàng Sơn làm thủ công trên máy cơ bản, lắp ráp thử toàn bộ trước khi tháo đóng thùng.",
    ],
    techniqueEN: [
      "Traditional joinery with water-resistant glue, wood kiln-dried to 10–12%, water-based finish.",
      "Made by Chang Son carpenters; every piece is test-assembled before it is knocked down and packed.",
    ],
    finishes: [
      DemoFinish("gỗ keo", "acacia", material: "acacia"), DemoFinish("gỗ xoan đào", "xoan dao wood", material: "xoan đào"),
      DemoFinish("gỗ sồi", "oak", material: "oak"), DemoFinish("gỗ tần bì", "ash", material: "ash"),
      DemoFinish("gỗ thông", "pine", material: "pine"), DemoFinish("gỗ mít", "jackfruit wood", material: "jackfruit wood"),
    ],
    markets: [("US", 25), ("JP", 15), ("KR", 12), ("AU", 8), ("GB", 6), ("DE", 5), ("FR", 5), ("NL", 3)],
    certifications: [(.fscCoc, 0.35), (.eudrDueDiligence, 0.25), (.amforiBsci, 0.15), (.iso9001, 0.12), (.pefcCoc, 0.05)],
    exportShare: 0.65,
    products: [
      product("FU01", "Bàn trà gỗ", "Solid wood coffee table", hs: "9403.60", ["wood"],
        price: 4500...12000, moq: [20, 30, 50], sizes: ["100×50×45 cm", "120×60×45 cm"],
        carton: 1...1, cbm: 0.12, kg: 22, pack: furniturePack, lead: 56...84, capacity: 60...300,
        "Bàn trà gỗ tự nhiên, chân tháo rời, mặt ghép thanh.", "Natural wood coffee table with detachable legs and finger-jointed top."),
      product("FU02", "Ghế ăn gỗ", "Wooden dining chair", hs: "9401.69", ["wood"],
        price: 2200...6000, moq: [50, 100], sizes: ["45×50×85 cm"],
        carton: 2...2, cbm: 0.18, kg: 14, pack: furniturePack, lead: 56...84, capacity: 200...1000,
        "Ghế ăn lưng nan, liên kết mộng, chịu tải 150 kg.", "Slat-back dining chair with mortise-and-tenon joints, tested to 150 kg."),
      product("FU03", "Tủ gỗ hai cánh", "Two-door wooden cabinet", hs: "9403.60", ["wood"],
        price: 12000...28000, moq: [10, 20], sizes: ["80×40×120 cm", "100×45×180 cm"],
        carton: 1...1, cbm: 0.35, kg: 45, pack: furniturePack, lead: 63...90, capacity: 20...100,
        "Tủ gỗ hai cánh có ngăn kéo, bản lề giảm chấn.", "Two-door cabinet with drawer and soft-close hinges."),
      product("FU04", "Kệ sách gỗ", "Wooden bookshelf", hs: "9403.60", ["wood"],
        price: 5000...14000, moq: [20, 30], sizes: ["80×30×180 cm", "120×35×200 cm"],
        carton: 1...1, cbm: 0.2, kg: 30, pack: furniturePack, lead: 56...84, capacity: 40...200,
        "Kệ sách năm tầng tháo lắp, có thanh chống đổ.", "Five-tier knock-down bookshelf with anti-tip bracket."),
      product("FU05", "Đôn gỗ", "Wooden stool", hs: "9401.69", ["wood"],
        price: 900...2500, moq: [50, 100, 200], sizes: ["Ø30×H45 cm", "Ø35×H65 cm"],
        carton: 2...4, cbm: 0.08, kg: 10, pack: furniturePack, lead: 45...70, capacity: 300...1500,
        "Đôn gỗ tròn bốn chân, dùng làm ghế phụ hoặc bàn cạnh.", "Round four-legged stool, a spare seat or side table."),
      product("FU06", "Sập gỗ", "Traditional wooden daybed (sập)", hs: "9403.50", ["wood"],
        price: 30000...90000, moq: [2, 5], sizes: ["180×120 cm", "200×140 cm"],
        carton: 1...1, cbm: 0.9, kg: 90, pack: furniturePack, lead: 75...105, capacity: 4...20,
        "Sập gỗ chân quỳ dạ cá, chạm hoa văn truyền thống.", "Daybed on curved legs carved with traditional motifs."),
      product("FU07", "Bộ bàn ăn gỗ 6 ghế", "Wooden dining set, table and 6 chairs", hs: "9403.60", ["wood"], unit: .set,
        price: 25000...60000, moq: [5, 10], sizes: ["160×90 cm", "180×90 cm"],
        carton: 1...1, cbm: 1.1, kg: 95, pack: furniturePack, lead: 70...100, capacity: 10...40,
        "Bộ bàn ăn sáu ghế, mặt bàn ghép thanh dày 30 mm.", "Dining table with six chairs, 30 mm finger-jointed top."),
    ])

  static let fans = DemoCraft(
    category: .fans, nounVI: "quạt giấy", nounEN: "Fans",
    techniqueVI: [
      "Nan tre già chẻ, vót và phơi khô; giấy dó hoặc lụa dán tay, gấp nếp từng chiếc.",
      "Quạt làm thủ công tại Chàng Sơn, in hoặc vẽ tay theo thiết kế riêng.",
    ],
    techniqueEN: [
      "Ribs of mature bamboo, split, shaved and dried; dó paper or silk glued and pleated by hand.",
      "Handmade in Chang Son, printed or hand-painted to your own design.",
    ],
    finishes: [
      DemoFinish("vẽ tay hoa sen", "hand-painted lotus"), DemoFinish("in thư pháp", "printed calligraphy"),
      DemoFinish("màu trơn", "plain colour"), DemoFinish("in hoa đào", "peach-blossom print"),
      DemoFinish("vẽ phong cảnh", "painted landscape"),
    ],
    markets: [("JP", 20), ("US", 15), ("FR", 10), ("KR", 8), ("ES", 6), ("DE", 5), ("AU", 5), ("TW", 4)],
    certifications: [(.fscCoc, 0.1), (.vietcraftExcellence, 0.1), (.amforiBsci, 0.08)],
    exportShare: 0.7,
    products: [
      product("FA01", "Quạt giấy nan tre", "Bamboo-rib paper folding fan", hs: "4823.90", ["paper", "bamboo", "giấy dó"],
        price: 40...180, moq: [500, 1000, 2000], sizes: ["21 cm", "23 cm"],
        carton: 200...500, cbm: 0.06, kg: 10, pack: flatPack, lead: 21...42, capacity: 10000...40000,
        "Quạt xếp giấy nan tre, làm quà cưới, sự kiện và lưu niệm.", "Folding paper fan on bamboo ribs for weddings, events and souvenirs."),
      product("FA02", "Quạt lụa nan tre", "Silk folding fan with bamboo ribs", hs: "4421.91", ["silk", "bamboo"],
        price: 120...450, moq: [300, 500, 1000], sizes: ["21 cm", "23 cm", "27 cm"],
        carton: 150...300, cbm: 0.06, kg: 9, pack: boxed, lead: 28...45, capacity: 5000...20000,
        "Quạt xếp mặt lụa, nan tre hun khói, kèm túi vải.", "Silk folding fan on smoked bamboo ribs, with a fabric pouch."),
      product("FA03", "Quạt nan tre đan", "Woven bamboo hand fan", hs: "4602.11", ["bamboo", "tre"],
        price: 30...120, moq: [500, 1000, 2000], sizes: ["25×35 cm"],
        carton: 200...400, cbm: 0.08, kg: 10, pack: flatPack, lead: 21...42, capacity: 10000...30000,
        "Quạt nan đan tay cán tre, kiểu quạt nông thôn truyền thống.", "Hand-woven bamboo fan with handle, the classic countryside fan."),
      product("FA04", "Quạt giấy treo tường cỡ lớn", "Large decorative paper wall fan", hs: "4823.90", ["paper", "bamboo"],
        price: 400...1500, moq: [50, 100, 200], sizes: ["Ø60 cm", "Ø90 cm", "Ø120 cm"],
        carton: 10...30, cbm: 0.08, kg: 8, pack: flatPack, lead: 28...45, capacity: 1000...5000,
        "Quạt giấy lớn trang trí tường nhà hàng, sân khấu.", "Large paper fan for restaurant walls and stage sets."),
      product("FA05", "Quạt cưới in tên", "Custom-printed wedding fan", hs: "4823.90", ["paper", "bamboo"],
        price: 50...150, moq: [500, 1000], sizes: ["21 cm"],
        carton: 300...500, cbm: 0.06, kg: 10, pack: flatPack, lead: 21...35, capacity: 10000...40000,
        "Quạt giấy in tên cô dâu chú rể và ngày cưới.", "Paper fan printed with the couple's names and wedding date."),
    ])

  static let goldSilverLeaf = DemoCraft(
    category: .goldSilverLeaf, nounVI: "vàng bạc quỳ", nounEN: "Gold & Silver Leaf",
    techniqueVI: [
      "Vàng, bạc được dát mỏng thủ công giữa các lớp giấy quỳ theo bí quyết làng Kiêu Kỵ.",
      "Đập tay nhiều lượt đến độ mỏng dưới 0,2 micromet, cắt và đóng tập trong giấy lót.",
    ],
    techniqueEN: [
      "Gold and silver beaten thin by hand between sheets of quỳ paper, a Kieu Ky know-how.",
      "Hand-beaten in many passes to under 0.2 micrometre, trimmed and booked between tissue.",
    ],
    finishes: [],
    markets: [("TW", 15), ("TH", 12), ("KR", 10), ("JP", 8), ("CN", 8), ("US", 8), ("FR", 5), ("MY", 4)],
    certifications: [(.iso9001, 0.1), (.vietcraftExcellence, 0.2), (.other, 0.15)],
    exportShare: 0.6,
    products: [
      product("GL01", "Vàng lá quỳ 24K", "24K genuine gold leaf", hs: "7108.13", ["gold", "vàng"], unit: .set,
        price: 3500...7500, moq: [20, 50, 100], sizes: ["8×8 cm ×25", "9.5×9.5 cm ×25"],
        carton: 100...200, cbm: 0.02, kg: 3, pack: ("{n} tập mỗi hộp, đóng gói chống ẩm", "{n} booklets per box, moisture-proof packing"),
        lead: 14...30, capacity: 500...3000,
        "Vàng lá quỳ 24K, tập 25 tờ, dùng thếp tượng, sơn mài, ẩm thực cao cấp.",
        "24K gold leaf, 25 sheets per booklet, for gilding statues and lacquer and for fine cuisine."),
      product("GL02", "Bạc lá quỳ", "Genuine silver leaf", hs: "7106.92", ["silver", "bạc"], unit: .set,
        price: 600...1500, moq: [50, 100, 200], sizes: ["8×8 cm ×25", "9.5×9.5 cm ×25"],
        carton: 100...200, cbm: 0.02, kg: 3, pack: ("{n} tập mỗi hộp", "{n} booklets per box"),
        lead: 14...30, capacity: 800...4000,
        "Bạc lá quỳ nguyên chất, tập 25 tờ, dùng dát bạc sơn mài và đồ thờ.",
        "Pure silver leaf, 25 sheets per booklet, for silver-leaf lacquer and altar ware."),
      product("GL03", "Vàng quỳ chuyển có giấy lót", "Transfer (patent) gold leaf", hs: "7108.13", ["gold", "vàng"], unit: .set,
        price: 3800...8000, moq: [20, 50], sizes: ["8×8 cm ×25"],
        carton: 100...200, cbm: 0.02, kg: 3, pack: ("{n} tập mỗi hộp", "{n} booklets per box"),
        lead: 14...30, capacity: 300...2000,
        "Vàng lá ép sẵn lên giấy lót, thếp được ngoài trời có gió.", "Gold leaf pressed onto tissue, easy to lay outdoors in wind."),
      product("GL04", "Lá vàng giả (nhũ đồng)", "Imitation gold leaf (Dutch metal)", hs: "7410.12", ["brass"], unit: .set,
        price: 80...250, moq: [500, 1000], sizes: ["14×14 cm ×100"],
        carton: 100...200, cbm: 0.03, kg: 12, pack: ("{n} tập mỗi thùng", "{n} booklets per carton"),
        lead: 14...28, capacity: 5000...20000,
        "Lá nhũ đồng màu vàng, giá rẻ, dùng trang trí nội thất và thủ công.",
        "Brass leaf in gold colour, an economical choice for decor and crafts."),
      product("GL05", "Hộp gỗ dát vàng", "Gold-leaf gilded wooden box", hs: "4420.90", ["wood", "gold leaf", "lacquer"],
        price: 1500...5000, moq: [20, 50], sizes: ["20×15×8 cm", "30×20×10 cm"],
        carton: 6...18, cbm: 0.07, kg: 7, pack: boxed, lead: 30...60, capacity: 100...600,
        "Hộp gỗ sơn son thếp vàng quỳ, đựng trà, trang sức hoặc đồ lễ.",
        "Red-lacquered box gilded with gold leaf, for tea, jewellery or offerings."),
      product("GL06", "Đĩa trang trí dát bạc", "Silver-leaf decorative plate", hs: "4420.10", ["wood", "silver leaf", "lacquer"],
        price: 1000...3500, moq: [20, 50], sizes: ["Ø25 cm", "Ø35 cm"],
        carton: 6...18, cbm: 0.07, kg: 6, pack: boxed, lead: 30...60, capacity: 100...600,
        "Đĩa gỗ sơn mài dát bạc, kèm giá đỡ.", "Lacquered wooden plate with silver leaf, stand included."),
    ])

  static let bronze = DemoCraft(
    category: .bronzeCasting, nounVI: "đúc đồng", nounEN: "Bronze Casting",
    techniqueVI: [
      "Đúc đồng bằng khuôn đất sét và sáp ong theo lối truyền thống Ngũ Xã, nguội và chạm tay.",
      "Đồng thau nấu chảy rót khuôn, làm nguội, mài, chạm chi tiết và hun màu thủ công.",
    ],
    techniqueEN: [
      "Cast in clay and beeswax moulds the Ngu Xa way, then chased and finished by hand.",
      "Molten brass poured into moulds, cooled, ground, chased in detail and patinated by hand.",
    ],
    finishes: [
      DemoFinish("đồng vàng mộc", "natural yellow bronze"), DemoFinish("đồng đỏ hun", "patinated red copper"),
      DemoFinish("giả cổ", "antique patina"), DemoFinish("khảm tam khí", "tri-metal inlay"),
    ],
    markets: [("US", 15), ("KR", 12), ("TW", 12), ("JP", 8), ("FR", 7), ("TH", 6), ("AU", 5), ("CN", 5)],
    certifications: [(.iso9001, 0.1), (.vietcraftExcellence, 0.2), (.other, 0.1)],
    exportShare: 0.6,
    products: [
      product("BR01", "Tượng Phật bằng đồng", "Cast bronze Buddha statue", hs: "8306.29", ["bronze", "đồng"],
        price: 8000...60000, moq: [5, 10], sizes: ["H30 cm", "H50 cm", "H80 cm"],
        carton: 1...2, cbm: 0.1, kg: 25, pack: single, lead: 45...90, capacity: 10...80,
        "Tượng Phật đúc đồng nguyên khối, chạm tay khuôn mặt và nếp áo.", "Solid-cast bronze Buddha, face and robe chased by hand."),
      product("BR02", "Lư hương đồng", "Bronze incense burner", hs: "8306.29", ["bronze", "đồng"],
        price: 3000...15000, moq: [10, 20, 50], sizes: ["H30 cm", "H45 cm", "H60 cm"],
        carton: 1...4, cbm: 0.08, kg: 20, pack: single, lead: 40...75, capacity: 30...200,
        "Lư hương đồng ba chân, nắp chạm rồng, dùng bàn thờ gia tiên.", "Three-legged censer with dragon lid for the ancestral altar."),
      product("BR03", "Chuông đồng", "Bronze temple bell", hs: "8306.10", ["bronze", "đồng"],
        price: 5000...50000, moq: [2, 5, 10], sizes: ["H40 cm", "H60 cm", "H100 cm"],
        carton: 1...1, cbm: 0.15, kg: 40, pack: single, lead: 60...100, capacity: 5...40,
        "Chuông chùa đúc đồng, tiếng ngân vang, khắc chữ theo yêu cầu.", "Temple bell with a long resonant tone, inscription to order."),
      product("BR04", "Trống đồng Đông Sơn (bản sao)", "Đông Sơn bronze drum replica", hs: "8306.29", ["bronze", "đồng"],
        price: 4000...30000, moq: [5, 10, 20], sizes: ["Ø30 cm", "Ø50 cm", "Ø80 cm"],
        carton: 1...2, cbm: 0.12, kg: 25, pack: single, lead: 45...90, capacity: 10...80,
        "Bản sao trống đồng Đông Sơn với hoa văn mặt trời, chim Lạc.", "Replica Dong Son drum with sun and Lac-bird motifs."),
      product("BR05", "Đôi hạc đồng", "Pair of bronze cranes on turtles", hs: "8306.29", ["bronze", "đồng"], unit: .pair,
        price: 6000...30000, moq: [5, 10], sizes: ["H60 cm", "H90 cm", "H120 cm"],
        carton: 1...1, cbm: 0.2, kg: 30, pack: single, lead: 50...90, capacity: 10...60,
        "Đôi hạc đứng trên lưng rùa, bày đình chùa và nhà thờ họ.", "Cranes standing on turtles, for temples and ancestral halls."),
      product("BR06", "Mâm đồng", "Bronze tray", hs: "7418.10", ["bronze", "đồng"],
        price: 2000...8000, moq: [10, 20, 50], sizes: ["Ø40 cm", "Ø60 cm", "Ø80 cm"],
        carton: 2...6, cbm: 0.1, kg: 20, pack: single, lead: 40...70, capacity: 30...200,
        "Mâm đồng chạm hoa văn trống đồng, dùng bày cỗ hoặc trang trí.", "Tray chased with drum motifs, for feasts or display."),
    ])

  static let incense = DemoCraft(
    category: .incense, nounVI: "tăm hương", nounEN: "Incense",
    techniqueVI: [
      "Tre, vầu chẻ và vót tròn bằng máy, phơi nắng; nhuộm màu bằng phẩm thực phẩm khi có yêu cầu.",
      "Se hương thủ công với bột gỗ bời lời, trầm và quế, phơi nắng tự nhiên ở Quảng Phú Cầu.",
    ],
    techniqueEN: [
      "Bamboo split and rounded by machine and sun-dried; dyed with food-grade colour on request.",
      "Rolled by hand with litsea wood powder, agarwood and cinnamon, sun-dried in Quang Phu Cau.",
    ],
    finishes: [],
    markets: [("CN", 25), ("IN", 25), ("MY", 15), ("TW", 8), ("SG", 5), ("TH", 5), ("US", 5), ("AU", 3)],
    certifications: [(.iso9001, 0.1), (.other, 0.15), (.fscCoc, 0.05)],
    exportShare: 0.85,
    products: [
      product("IN01", "Tăm hương tre tròn (chưa nhúng)", "Raw round bamboo incense sticks", hs: "4421.91", ["bamboo", "tre"], unit: .kilogram,
        price: 110...220, moq: [1000, 2000, 5000], sizes: ["8 in / 20 cm", "9 in / 23 cm", "10 in / 25 cm", "12 in / 30 cm"],
        carton: 20...25, cbm: 0.05, kg: 25, pack: ("{n} kg mỗi bao, bó 1 kg, đóng bao dứa", "{n} kg per woven bag, 1 kg bundles"),
        lead: 14...30, capacity: 20000...80000,
        "Tăm tre tròn đường kính 1,3 mm, thẳng, không mắt, độ ẩm dưới 12%.",
        "Round bamboo sticks, 1.3 mm diameter, straight and knot-free, under 12% moisture.",
        finishes: [DemoFinish("loại A", "grade A"), DemoFinish("loại B", "grade B")]),
      product("IN02", "Tăm hương nhuộm đỏ", "Red-dyed bamboo incense sticks", hs: "4421.91", ["bamboo", "tre"], unit: .kilogram,
        price: 150...280, moq: [1000, 2000, 5000], sizes: ["8 in / 20 cm", "9 in / 23 cm", "12 in / 30 cm"],
        carton: 20...25, cbm: 0.05, kg: 25, pack: ("{n} kg mỗi bao, bó 1 kg", "{n} kg per bag, 1 kg bundles"),
        lead: 14...30, capacity: 15000...60000,
        "Tăm hương nhuộm đỏ chân, màu bền không lem.", "Bamboo sticks with red-dyed ends; colour does not run.",
        finishes: [DemoFinish("loại A", "grade A"), DemoFinish("loại B", "grade B")]),
      product("IN03", "Hương trầm", "Agarwood incense sticks", hs: "3307.41", ["agarwood", "trầm hương", "bamboo"], unit: .kilogram,
        price: 1800...6000, moq: [50, 100, 200], sizes: ["30 cm", "40 cm"],
        carton: 10...20, cbm: 0.04, kg: 12, pack: ("{n} kg mỗi thùng, bó 500 g bọc giấy", "{n} kg per carton, 500 g paper-wrapped bundles"),
        lead: 14...30, capacity: 500...3000,
        "Hương trầm nguyên chất, mùi thơm dịu, ít khói.", "Pure agarwood incense with a gentle scent and little smoke.",
        finishes: [DemoFinish("ít khói", "low-smoke"), DemoFinish("hương tự nhiên", "natural scent")]),
      product("IN04", "Hương quế", "Cinnamon incense sticks", hs: "3307.41", ["cinnamon", "quế", "bamboo"], unit: .kilogram,
        price: 300...700, moq: [200, 500, 1000], sizes: ["30 cm", "40 cm"],
        carton: 15...25, cbm: 0.05, kg: 20, pack: ("{n} kg mỗi thùng", "{n} kg per carton"),
        lead: 14...30, capacity: 2000...10000,
        "Hương quế Yên Bái, thơm ấm, dùng thờ cúng và xông nhà.", "Yen Bai cinnamon incense with a warm scent, for altars and the home.",
        finishes: [DemoFinish("ít khói", "low-smoke"), DemoFinish("hương tự nhiên", "natural scent")]),
      product("IN05", "Nhang vòng", "Coil incense", hs: "3307.41", ["incense powder", "bời lời"], unit: .set,
        price: 150...600, moq: [500, 1000], sizes: ["12 h", "24 h"],
        carton: 50...100, cbm: 0.05, kg: 12, pack: ("{n} hộp mỗi thùng, hộp 20 vòng", "{n} boxes of 20 coils per carton"),
        lead: 14...30, capacity: 5000...20000,
        "Nhang vòng cháy lâu, kèm giá treo, hộp 20 vòng.", "Long-burning coils with hangers, 20 per box.",
        finishes: [DemoFinish("trầm hương", "agarwood", material: "agarwood"), DemoFinish("quế", "cinnamon", material: "cinnamon")]),
      product("IN06", "Nụ trầm hương", "Agarwood incense cones", hs: "3307.41", ["agarwood", "trầm hương"], unit: .set,
        price: 300...1200, moq: [200, 500], sizes: ["50 cones", "100 cones"],
        carton: 50...100, cbm: 0.04, kg: 8, pack: ("{n} hộp mỗi thùng", "{n} boxes per carton"),
        lead: 14...30, capacity: 3000...10000,
        "Nụ trầm xông phòng, hộp giấy kraft.", "Agarwood cones for the home, kraft box.", finishes: []),
      product("IN07", "Hương không tăm", "Stickless incense", hs: "3307.41", ["incense powder", "bời lời"], unit: .kilogram,
        price: 500...1500, moq: [100, 200, 500], sizes: ["20 cm", "30 cm"],
        carton: 10...20, cbm: 0.04, kg: 15, pack: ("{n} kg mỗi thùng", "{n} kg per carton"),
        lead: 14...30, capacity: 1000...5000,
        "Hương không tăm (hương sào), cháy đều, không tàn que.", "Stickless incense that burns evenly with no leftover stick.",
        finishes: [DemoFinish("trầm hương", "agarwood", material: "agarwood"), DemoFinish("thảo mộc", "herbal")]),
      product("IN08", "Hương bài truyền thống", "Traditional herbal incense (hương bài)", hs: "3307.41", ["vetiver", "cỏ hương bài", "bamboo"], unit: .kilogram,
        price: 250...600, moq: [200, 500, 1000], sizes: ["30 cm", "40 cm"],
        carton: 15...25, cbm: 0.05, kg: 20, pack: ("{n} kg mỗi thùng", "{n} kg per carton"),
        lead: 14...30, capacity: 2000...10000,
        "Hương bài làm từ rễ cỏ hương bài và bột gỗ, mùi thơm truyền thống.",
        "Made from vetiver root and wood powder, the traditional village scent.", finishes: []),
    ])

  static let conicalHats = DemoCraft(
    category: .conicalHats, nounVI: "nón lá", nounEN: "Conical Hats",
    techniqueVI: [
      "Lá nón được sấy, là phẳng, xếp 2–3 lớp trên 16 vành tre và khâu tay bằng chỉ cước.",
      "Nón làng Chuông khâu tay mũi đều, phủ dầu bóng chống nước khi có yêu cầu.",
    ],
    techniqueEN: [
      "Palm leaves are dried, ironed flat, laid in two or three layers over 16 bamboo rings and hand-stitched.",
      "Chuong hats with even hand stitching, varnished against rain on request.",
    ],
    finishes: [
      DemoFinish("màu lá tự nhiên", "natural leaf"), DemoFinish("quai lụa đỏ", "red silk strap", material: "silk"),
      DemoFinish("quai lụa xanh", "blue silk strap", material: "silk"), DemoFinish("phủ dầu bóng", "varnished"),
    ],
    markets: [("JP", 16), ("US", 15), ("FR", 10), ("KR", 8), ("AU", 6), ("DE", 5), ("GB", 4), ("NL", 3)],
    certifications: [(.vietcraftExcellence, 0.15), (.fairTrade, 0.08), (.other, 0.15)],
    exportShare: 0.6,
    products: [
      product("CH01", "Nón lá truyền thống", "Traditional palm-leaf conical hat", hs: "6504.00", ["palm leaf", "lá nón", "bamboo"],
        price: 150...450, moq: [200, 500, 1000], sizes: ["Ø40 cm", "Ø42 cm", "Ø45 cm"],
        carton: 50...100, cbm: 0.15, kg: 9, pack: nested, lead: 21...42, capacity: 3000...12000,
        "Nón lá trắng, khâu 16 vành, có quai.", "White palm-leaf hat on 16 rings, with chin strap."),
      product("CH02", "Nón quai thao", "Quai thao flat palm hat", hs: "6504.00", ["palm leaf", "lá nón", "bamboo"],
        price: 900...2200, moq: [50, 100], sizes: ["Ø70 cm", "Ø75 cm"],
        carton: 20...40, cbm: 0.2, kg: 9, pack: nested, lead: 30...49, capacity: 300...1500,
        "Nón quai thao mặt phẳng, quai tua, dùng biểu diễn quan họ và lễ hội.",
        "Flat quai thao hat with tasselled strap, worn in quan ho singing and festivals."),
      product("CH03", "Nón lá vẽ tay", "Hand-painted conical hat", hs: "6504.00", ["palm leaf", "lá nón", "bamboo"],
        price: 250...800, moq: [100, 200, 500], sizes: ["Ø40 cm", "Ø42 cm"],
        carton: 50...100, cbm: 0.15, kg: 9, pack: nested, lead: 28...45, capacity: 1500...6000,
        "Nón lá vẽ tay sen, phong cảnh hoặc logo theo yêu cầu.", "Palm-leaf hat hand-painted with lotus, landscapes or your logo."),
      product("CH04", "Nón lá mini trang trí", "Mini decorative conical hat", hs: "6504.00", ["palm leaf", "lá nón"],
        price: 40...150, moq: [500, 1000], sizes: ["Ø10 cm", "Ø15 cm", "Ø20 cm"],
        carton: 200...500, cbm: 0.08, kg: 6, pack: nested, lead: 21...35, capacity: 10000...40000,
        "Nón lá mini làm quà lưu niệm, móc khóa, trang trí.", "Mini hats for souvenirs, key rings and decoration."),
      product("CH05", "Chao đèn nón lá", "Conical-hat lamp shade", hs: "9405.99", ["palm leaf", "lá nón", "bamboo"],
        price: 500...1500, moq: [50, 100, 200], sizes: ["Ø40 cm", "Ø50 cm", "Ø60 cm"],
        carton: 10...20, cbm: 0.18, kg: 7, pack: nested, lead: 30...49, capacity: 500...2500,
        "Chao đèn làm từ nón lá, ánh sáng xuyên lá ấm áp cho quán cà phê, nhà hàng.",
        "Lamp shade made from a palm-leaf hat; light glows warm through the leaf, for cafés and restaurants."),
    ])

  static let food = DemoCraft(
    category: .foodSpecialties, nounVI: "cốm", nounEN: "Green Rice Flakes",
    techniqueVI: [
      "Lúa nếp non gặt sáng sớm, rang, giã chày tay và sàng sảy theo cách truyền thống làng Vòng.",
      "Làm thủ công hằng ngày, không phẩm màu, không chất bảo quản.",
    ],
    techniqueEN: [
      "Young sticky rice harvested at dawn, roasted, hand-pounded and winnowed the Vong village way.",
      "Made by hand every day, no colouring, no preservatives.",
    ],
    finishes: [DemoFinish("gói lá sen", "lotus-leaf wrapped"), DemoFinish("hộp quà", "gift box")],
    markets: [("US", 10), ("AU", 8), ("FR", 6), ("DE", 5), ("CZ", 4), ("JP", 4), ("KR", 3)],
    certifications: [(.other, 0.5), (.iso9001, 0.05)],
    exportShare: 0.2,
    products: [
      product("FD01", "Cốm Vòng tươi", "Fresh Vong green rice flakes (cốm)", hs: "1904.90", ["sticky rice", "lúa nếp"], unit: .kilogram,
        price: 1200...1800, moq: [5, 10, 20], carton: 5...10, cbm: 0.03, kg: 6,
        pack: ("{n} kg mỗi thùng xốp, gói 500 g lá sen", "{n} kg per insulated box, 500 g lotus-leaf parcels"),
        lead: 1...3, capacity: 300...1500,
        "Cốm tươi dẻo thơm, xanh tự nhiên, dùng trong ngày hoặc bảo quản lạnh 3 ngày.",
        "Soft, fragrant, naturally green flakes; eat the same day or keep chilled for three days."),
      product("FD02", "Cốm sấy khô hút chân không", "Vacuum-packed dried cốm", hs: "1904.90", ["sticky rice", "lúa nếp"], unit: .kilogram,
        price: 900...1500, moq: [50, 100, 200], carton: 10...20, cbm: 0.04, kg: 12,
        pack: ("{n} kg mỗi thùng, túi hút chân không 250 g", "{n} kg per carton, 250 g vacuum packs"),
        lead: 7...14, capacity: 500...3000,
        "Cốm sấy nhẹ, hút chân không, hạn dùng 6 tháng, phù hợp xuất khẩu.",
        "Lightly dried and vacuum-packed, six-month shelf life, suitable for export."),
      product("FD03", "Bánh cốm nhân đậu xanh", "Cốm cake with mung bean filling (bánh cốm)", hs: "1905.90", ["sticky rice", "mung bean", "đậu xanh"],
        price: 40...70, moq: [100, 200, 500], carton: 100...200, cbm: 0.04, kg: 9,
        pack: ("{n} chiếc mỗi thùng, hộp 10 chiếc", "{n} pcs per carton, boxes of 10"),
        lead: 2...5, capacity: 5000...20000,
        "Bánh cốm dẻo nhân đậu xanh dừa, quà cưới hỏi truyền thống Hà Nội.",
        "Chewy cốm cake filled with mung bean and coconut, a traditional Hanoi wedding gift."),
      product("FD04", "Kẹo cốm", "Cốm candy bars", hs: "1704.90", ["sticky rice", "sugar"], unit: .kilogram,
        price: 500...900, moq: [50, 100], carton: 10...20, cbm: 0.04, kg: 12,
        pack: ("{n} kg mỗi thùng, túi 200 g", "{n} kg per carton, 200 g bags"), lead: 5...10, capacity: 500...2000,
        "Kẹo cốm giòn với mạch nha và lạc rang.", "Crunchy cốm bars with malt syrup and roasted peanuts."),
    ])

  static let bonsai = DemoCraft(
    category: .bonsaiPlants, nounVI: "cây cảnh", nounEN: "Bonsai",
    techniqueVI: [
      "Cây được uốn tạo thế nhiều năm bởi nghệ nhân Hồng Vân, trồng trong chậu gốm Bát Tràng.",
      "Cây xuất khẩu rửa sạch đất, trồng giá thể sạch, kèm chứng nhận kiểm dịch thực vật.",
    ],
    techniqueEN: [
      "Trained over many years by Hong Van growers and potted in Bat Trang ceramics.",
      "Export trees are bare-rooted and replanted in clean substrate, with a phytosanitary certificate.",
    ],
    finishes: [
      DemoFinish("thế trực", "formal upright"), DemoFinish("thế huyền", "cascade"),
      DemoFinish("thế hoành", "semi-cascade"), DemoFinish("thế văn nhân", "literati"),
      DemoFinish("thế song thụ", "twin-trunk"),
    ],
    markets: [("KR", 12), ("CN", 10), ("JP", 8), ("TW", 6), ("US", 4), ("NL", 3)],
    certifications: [(.other, 0.2)],
    exportShare: 0.35,
    products: [
      product("BO01", "Bonsai sanh", "Ficus (sanh) bonsai", hs: "0602.90", ["ficus", "cây sanh"],
        price: 3000...50000, moq: [5, 10, 20], sizes: ["H40 cm", "H60 cm", "H90 cm"],
        carton: 1...4, cbm: 0.15, kg: 15, pack: single, lead: 14...30, capacity: 20...200,
        "Cây sanh dáng cổ, rễ nổi, lá nhỏ.", "Old-style ficus with exposed roots and small leaves."),
      product("BO02", "Bonsai duối", "Sandpaper tree (duối) bonsai", hs: "0602.90", ["streblus", "cây duối"],
        price: 3000...40000, moq: [5, 10, 20], sizes: ["H40 cm", "H60 cm", "H90 cm"],
        carton: 1...4, cbm: 0.15, kg: 15, pack: single, lead: 14...30, capacity: 20...150,
        "Cây duối thân xù xì, tán tầng, sống khỏe.", "Gnarled sandpaper tree with tiered canopy, very hardy."),
      product("BO03", "Bonsai tùng la hán", "Buddhist pine (tùng la hán) bonsai", hs: "0602.90", ["podocarpus", "tùng la hán"],
        price: 5000...60000, moq: [5, 10], sizes: ["H50 cm", "H80 cm", "H120 cm"],
        carton: 1...2, cbm: 0.2, kg: 20, pack: single, lead: 14...30, capacity: 10...100,
        "Tùng la hán lá kim xanh quanh năm, dáng tầng.", "Evergreen Buddhist pine trained in tiers."),
      product("BO04", "Bonsai mai chiếu thủy", "Wrightia (mai chiếu thủy) bonsai", hs: "0602.90", ["wrightia", "mai chiếu thủy"],
        price: 2500...30000, moq: [5, 10, 20], sizes: ["H30 cm", "H50 cm", "H70 cm"],
        carton: 1...4, cbm: 0.15, kg: 12, pack: single, lead: 14...30, capacity: 20...200,
        "Mai chiếu thủy hoa trắng thơm, ra hoa nhiều đợt.", "White, fragrant wrightia that flowers several times a year."),
      product("BO05", "Bonsai hoa giấy", "Bougainvillea bonsai", hs: "0602.90", ["bougainvillea", "hoa giấy"],
        price: 2000...20000, moq: [10, 20], sizes: ["H40 cm", "H60 cm"],
        carton: 1...4, cbm: 0.15, kg: 12, pack: single, lead: 14...30, capacity: 30...200,
        "Hoa giấy ghép nhiều màu, ra hoa quanh năm.", "Multi-colour grafted bougainvillea that flowers all year."),
      product("BO06", "Bonsai mini để bàn", "Mini tabletop bonsai", hs: "0602.90", ["ficus", "cây cảnh"],
        price: 800...3000, moq: [20, 50, 100], sizes: ["H15 cm", "H20 cm", "H25 cm"],
        carton: 6...12, cbm: 0.08, kg: 10, pack: boxed, lead: 7...21, capacity: 200...1500,
        "Bonsai mini chậu gốm để bàn làm việc, quà tặng.", "Mini bonsai in a ceramic pot for desks and gifts."),
    ])
}

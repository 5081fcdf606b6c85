// Deterministic, realistic sample messages built with our hand-written types. The same seed
// gives the same messages (and bytes) on every run and machine.

import CatalogueAPI
import CommonAPI
import ProtoWire

/// SplitMix64: small, fast, and the same on every platform.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}

extension RandomNumberGenerator {
  mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}

/// A craft village with the words its products are described with.
struct VillageSample {
  var id: String
  var vi: String
  var en: String
  var district: String
  var category: CraftCategory
  /// (Vietnamese, English) product nouns.
  var products: [(String, String)]
  var materials: [String]
  var hsCodes: [String]
}

let villageSamples: [VillageSample] = [
  VillageSample(
    id: "phu-vinh", vi: "Phú Vinh", en: "Phu Vinh", district: "Chương Mỹ", category: .rattanBamboo,
    products: [("Giỏ mây đan tay", "Hand-woven rattan basket"), ("Khay mây tròn", "Round rattan tray"),
               ("Chao đèn mây", "Rattan lampshade"), ("Hộp đựng đồ bằng mây", "Rattan storage box")],
    materials: ["rattan", "mây", "bamboo", "tre", "cotton rope"], hsCodes: ["4602.12", "4602.19"]),
  VillageSample(
    id: "ninh-so", vi: "Ninh Sở", en: "Ninh So", district: "Thường Tín", category: .rattanBamboo,
    products: [("Bộ ba giỏ tre lồng nhau", "Set of three nesting bamboo baskets"),
               ("Làn tre đi chợ", "Bamboo market bag"), ("Mành tre", "Bamboo blind")],
    materials: ["bamboo", "tre", "rattan core", "lacquer"], hsCodes: ["4602.11", "4602.19"]),
  VillageSample(
    id: "bat-trang", vi: "Bát Tràng", en: "Bat Trang", district: "Gia Lâm", category: .ceramics,
    products: [("Bình gốm men lam", "Blue-glaze ceramic vase"), ("Bộ ấm chén men rạn", "Crackle-glaze tea set"),
               ("Đĩa gốm vẽ tay", "Hand-painted stoneware plate"), ("Chậu gốm trồng cây", "Ceramic planter")],
    materials: ["stoneware", "gốm", "kaolin clay", "ash glaze"], hsCodes: ["6912.00", "6913.90"]),
  VillageSample(
    id: "van-phuc", vi: "Vạn Phúc", en: "Van Phuc", district: "Hà Đông", category: .silkTextiles,
    products: [("Khăn lụa tơ tằm", "Mulberry silk scarf"), ("Vỏ gối lụa thêu", "Embroidered silk cushion cover"),
               ("Vải lụa vân", "Jacquard silk fabric")],
    materials: ["silk", "lụa tơ tằm", "natural dye"], hsCodes: ["5007.20", "6214.10"]),
  VillageSample(
    id: "chuong", vi: "Chuông", en: "Chuong", district: "Thanh Oai", category: .conicalHats,
    products: [("Nón lá bài thơ", "Poem conical hat"), ("Nón lá trang trí", "Decorative palm-leaf hat")],
    materials: ["palm leaf", "lá cọ", "bamboo", "silk thread"], hsCodes: ["6504.00"]),
  VillageSample(
    id: "ha-thai", vi: "Hạ Thái", en: "Ha Thai", district: "Thường Tín", category: .lacquer,
    products: [("Hộp sơn mài khảm trứng", "Eggshell-inlaid lacquer box"), ("Bát sơn mài", "Lacquer bowl"),
               ("Tranh sơn mài", "Lacquer painting")],
    materials: ["lacquer", "sơn ta", "eggshell", "MDF", "bamboo"], hsCodes: ["4420.90", "9701.91"]),
  VillageSample(
    id: "chuyen-my", vi: "Chuyên Mỹ", en: "Chuyen My", district: "Phú Xuyên",
    category: .motherOfPearlInlay,
    products: [("Hộp trang sức khảm trai", "Mother-of-pearl jewellery box"),
               ("Khay khảm trai", "Mother-of-pearl inlaid tray")],
    materials: ["mother of pearl", "xà cừ", "rosewood", "lacquer"], hsCodes: ["4420.90", "9601.90"]),
  VillageSample(
    id: "son-dong", vi: "Sơn Đồng", en: "Son Dong", district: "Hoài Đức", category: .woodCarving,
    products: [("Tượng gỗ mít", "Jackfruit-wood statue"), ("Hoành phi chạm khắc", "Carved wooden panel")],
    materials: ["jackfruit wood", "gỗ mít", "gold leaf", "lacquer"], hsCodes: ["4420.11", "4420.19"]),
  VillageSample(
    id: "quang-phu-cau", vi: "Quảng Phú Cầu", en: "Quang Phu Cau", district: "Ứng Hòa",
    category: .incense,
    products: [("Hương trầm thủ công", "Hand-rolled agarwood incense"), ("Tăm hương", "Incense sticks")],
    materials: ["bamboo", "agarwood", "cinnamon", "tre"], hsCodes: ["3307.41"]),
]

let sentencesVI = [
  "Sản phẩm được đan hoàn toàn bằng tay bởi các nghệ nhân trong làng, theo kỹ thuật truyền thống hơn 400 năm.",
  "Nguyên liệu được khai thác bền vững, phơi khô tự nhiên và xử lý chống mốc trước khi đan.",
  "Màu sắc tự nhiên, có thể nhuộm theo mã Pantone của khách hàng với đơn hàng từ 500 chiếc.",
  "Mỗi chiếc có khác biệt nhỏ về màu và vân, đó là dấu ấn của hàng thủ công.",
  "Phù hợp cho cửa hàng nội thất, khách sạn và quà tặng doanh nghiệp.",
  "Đóng gói lồng nhau để tiết kiệm thể tích container, bọc túi nilon từng chiếc.",
]

let sentencesEN = [
  "Every piece is made entirely by hand by village artisans, using techniques passed down for over 400 years.",
  "Raw materials are sustainably harvested, sun-dried and treated against mould before weaving.",
  "Natural colour; can be dyed to the buyer's Pantone reference for orders of 500 pieces or more.",
  "Small variations in colour and grain make each piece unique, the mark of genuine handcraft.",
  "Suitable for home-décor retailers, hotels and corporate gifts.",
  "Nested packing saves container volume; each piece is polybagged.",
]

let sizesVI = ["cỡ nhỏ", "cỡ vừa", "cỡ lớn", "bộ 3 chiếc", "Ø 30 cm", "cao 45 cm"]
let sizesEN = ["small", "medium", "large", "set of 3", "Ø 30 cm", "45 cm tall"]
let ports = ["Hải Phòng", "Cát Lái, TP. Hồ Chí Minh", "Nội Bài (HAN)", "Cái Mép"]
let currencies = ["USD", "EUR", "JPY", "VND"]
let markets = ["US", "DE", "JP", "FR", "NL", "AU", "KR", "GB", "SE", "CA", "IT", "ES"]

func text(_ rng: inout SeededGenerator, _ pool: [String], sentences: ClosedRange<Int>) -> String {
  var chosen: [String] = []
  for _ in 0..<rng.int(sentences) { chosen.append(rng.pick(pool)) }
  return chosen.joined(separator: " ")
}

/// One listing of `village`; `index` makes ids and SKUs unique.
func makeListing(_ rng: inout SeededGenerator, index: Int, village: VillageSample) -> Listing {
  var listing = Listing()
  listing.id = "lst_\(String(0x5EED_0000 + index * 7919, radix: 16))"
  listing.producerId = "prd_\(village.id)_\(rng.int(1...40))"
  listing.villageId = village.id
  listing.sku = "\(village.en.prefix(2).uppercased())-\(rng.int(1000...9999))-\(rng.pick(["N", "B", "W", "G"]))"
  let (productVI, productEN) = rng.pick(village.products)
  let size = rng.int(0...(sizesVI.count - 1))
  listing.title = LocalizedText(
    vi: "\(productVI) \(sizesVI[size]) – làng nghề \(village.vi)",
    en: "\(productEN), \(sizesEN[size]) – \(village.en) craft village")
  listing.description = LocalizedText(
    vi: text(&rng, sentencesVI, sentences: 1...3), en: text(&rng, sentencesEN, sentences: 1...3))
  listing.category = village.category
  listing.hsCode = rng.pick(village.hsCodes)
  var materials = village.materials
  materials.shuffle(using: &rng)
  listing.materials = Array(materials.prefix(rng.int(2...4)))
  listing.unit = rng.chance(80) ? .piece : .set
  listing.moq = Int64(rng.pick([50, 100, 200, 300, 500, 1000]))
  let currency = rng.chance(70) ? "USD" : rng.pick(currencies)
  let scale: Int64 = currency == "VND" ? 23_000 : (currency == "JPY" ? 150 : 100)
  var unitPrice = Int64(rng.int(150...4500))
  var tierQuantity = listing.moq
  for _ in 0..<rng.int(3...4) {
    var tier = PriceTier()
    tier.minQuantity = tierQuantity
    tier.unitPrice = Money(
      amountMinor: currency == "USD" || currency == "EUR" ? unitPrice : unitPrice * scale / 100,
      currencyCode: currency)
    listing.priceTiers.append(tier)
    tierQuantity *= Int64(rng.pick([2, 3, 5]))
    unitPrice = unitPrice * Int64(rng.int(80...95)) / 100
  }
  listing.incoterm = rng.pick([.fob, .exw, .fca, .cif])
  listing.incotermPlace = rng.pick(ports)
  listing.leadTimeDays = Int32(rng.int(20...75))
  listing.monthlyCapacity = Int64(rng.int(2...60) * 500)
  if rng.chance(85) {
    listing.samplePrice = Money(amountMinor: Int64(rng.int(10...80) * 100), currencyCode: "USD")
    listing.sampleDays = Int32(rng.int(7...21))
  }
  var packing = Packing()
  packing.unitsPerCarton = Int32(rng.pick([4, 6, 12, 24, 48]))
  packing.cartonCbm = Double(rng.int(40...250)) / 1000
  packing.cartonGrossWeightKg = Double(rng.int(30...220)) / 10
  packing.description = LocalizedText(
    vi: "\(packing.unitsPerCarton) chiếc/thùng carton 5 lớp, bọc túi PE từng chiếc",
    en: "\(packing.unitsPerCarton) pcs per 5-ply export carton, each in a PE bag")
  listing.packing = packing
  for image in 0..<rng.int(2...5) {
    listing.imageUrls.append(
      "https://cdn.langngheconnect.vn/listings/\(listing.id)/\(image + 1)-\(rng.int(100_000...999_999)).jpg")
  }
  listing.oem = rng.chance(60)
  listing.odm = rng.chance(40)
  listing.status = .active
  listing.version = Int64(rng.int(1...30))
  let created = Int64(1_700_000_000 + rng.int(0...40_000_000))
  listing.createdAt = ProtoTimestamp(seconds: created, nanos: Int32(rng.int(0...999) * 1_000_000))
  listing.updatedAt = ProtoTimestamp(
    seconds: created + Int64(rng.int(0...9_000_000)), nanos: Int32(rng.int(0...999_999_999)))
  return listing
}

let certificationSamples: [CertificationType] = [
  .fscCoc, .amforiBsci, .smeta, .iso9001, .fairTrade, .vietcraftExcellence, .eudrDueDiligence,
]

/// The single listing of the "one listing" cases: a long, fully populated one.
func makeSampleListing() -> Listing {
  var rng = SeededGenerator(seed: 2024)
  var listing = makeListing(&rng, index: 1, village: villageSamples[0])
  // Make sure the single listing is a full one: two sentences each (about 450 bytes of
  // description, 550 with the titles), four tiers, samples.
  listing.description = LocalizedText(
    vi: sentencesVI[0] + " " + sentencesVI[2], en: sentencesEN[0] + " " + sentencesEN[2])
  if listing.samplePrice == nil {
    listing.samplePrice = Money(amountMinor: 2500, currencyCode: "USD")
    listing.sampleDays = 10
  }
  return listing
}

/// A page of `count` search hits over every sample village, with the three facets.
func makeSearchResponse(count: Int) -> SearchListingsResponse {
  var rng = SeededGenerator(seed: 1_000)
  var response = SearchListingsResponse()
  var categoryCounts: [Int32: Int64] = [:]
  var villageCounts: [String: Int64] = [:]
  var certificationCounts: [Int32: Int64] = [:]
  for index in 0..<count {
    let village = rng.pick(villageSamples)
    var hit = SearchHit()
    hit.listing = makeListing(&rng, index: index, village: village)
    var producer = ProducerSummary()
    producer.id = hit.listing!.producerId
    let kind = rng.pick([Producer.Kind.household, .cooperative, .company])
    let prefix = kind == .household ? "Hộ kinh doanh" : (kind == .cooperative ? "Hợp tác xã" : "Công ty TNHH")
    let family = rng.pick(["Nguyễn Văn", "Trần Thị", "Lê Đức", "Phạm Minh", "Hoàng Thị", "Đỗ Quang"])
    let given = rng.pick(["An", "Bình", "Cường", "Dũng", "Hạnh", "Lan", "Phúc", "Thủy"])
    producer.name = LocalizedText(
      vi: "\(prefix) \(family) \(given) – \(village.vi)",
      en: "\(family) \(given) \(kind == .company ? "Co., Ltd" : (kind == .cooperative ? "Cooperative" : "Household")), \(village.en)")
    producer.kind = kind
    producer.verificationTier = rng.pick([.selfDeclared, .documents, .onSiteAudit])
    var certifications = certificationSamples
    certifications.shuffle(using: &rng)
    producer.certifications = Array(certifications.prefix(rng.int(0...3)))
    var exportMarkets = markets
    exportMarkets.shuffle(using: &rng)
    producer.exportMarkets = Array(exportMarkets.prefix(rng.int(1...5)))
    var stats = ResponseStats()
    stats.medianResponseSeconds = Int64(rng.int(600...172_800))
    stats.responseRate = Double(rng.int(40...100)) / 100
    stats.sampleSize = Int32(rng.int(3...400))
    producer.responseStats = stats
    hit.producer = producer
    hit.villageName = LocalizedText(vi: village.vi, en: village.en)
    hit.district = village.district
    hit.score = Double(count - index) * 0.173 + Double(rng.int(0...1000)) / 997
    var snippet = Snippet()
    snippet.field = rng.pick(["title.vi", "title.en", "description.en"])
    snippet.text = "…\(rng.pick(["«giỏ» mây đan tay", "hand-woven «rattan» basket", "«bamboo» nesting set"]))…"
    hit.snippet = snippet
    response.hits.append(hit)

    categoryCounts[village.category.rawValue, default: 0] += 1
    villageCounts[village.id, default: 0] += 1
    for certification in producer.certifications {
      certificationCounts[certification.rawValue, default: 0] += 1
    }
  }

  var categoryFacet = Facet()
  categoryFacet.field = .category
  for (raw, total) in categoryCounts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
    var value = FacetValue()
    value.key = .category(CraftCategory(rawValue: raw))
    value.label = LocalizedText(vi: "Danh mục \(raw)", en: CraftCategory(rawValue: raw).description)
    value.count = total
    categoryFacet.values.append(value)
  }
  var villageFacet = Facet()
  villageFacet.field = .village
  for (id, total) in villageCounts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
    let village = villageSamples.first { $0.id == id }!
    var value = FacetValue()
    value.key = .villageId(id)
    value.label = LocalizedText(vi: village.vi, en: village.en)
    value.count = total
    villageFacet.values.append(value)
  }
  var certificationFacet = Facet()
  certificationFacet.field = .certification
  for (raw, total) in certificationCounts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
    var value = FacetValue()
    value.key = .certification(CertificationType(rawValue: raw))
    value.label = LocalizedText(vi: "", en: CertificationType(rawValue: raw).description)
    value.count = total
    certificationFacet.values.append(value)
  }
  response.facets = [categoryFacet, villageFacet, certificationFacet]
  response.totalHits = Int64(count * 3 + 17)
  response.nextPageToken = "eyJhZnRlciI6ImxzdF8" + String(count, radix: 36) + "In0"
  return response
}

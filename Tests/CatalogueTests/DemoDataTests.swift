import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import ProtoWire
import Testing

@Suite("Demo catalogue")
struct DemoDataTests {
  /// Generated once for the read-only tests.
  static let demo = DemoCatalogue.generate()

  /// Every message of a catalogue, encoded back to back.
  static func bytes(_ catalogue: DemoCatalogue) -> [UInt8] {
    var bytes: [UInt8] = []
    for village in catalogue.villages { bytes += village.serializedBytes() }
    for producer in catalogue.producers { bytes += producer.serializedBytes() }
    for listing in catalogue.listings { bytes += listing.serializedBytes() }
    return bytes
  }

  @Test("the same seed gives byte-identical data; another seed gives other data")
  func determinism() {
    let again = DemoCatalogue.generate(seed: DemoCatalogue.defaultSeed)
    #expect(again == Self.demo)
    #expect(Self.bytes(again) == Self.bytes(Self.demo))
    let other = DemoCatalogue.generate(seed: 7)
    // The real villages and how many producers each has do not depend on the seed.
    #expect(other.villages.map(\.name) == Self.demo.villages.map(\.name))
    #expect(other.villages.map(\.producerCount) == Self.demo.villages.map(\.producerCount))
    #expect(other.listings.map(\.title) != Self.demo.listings.map(\.title))
    #expect(Self.bytes(other) != Self.bytes(Self.demo))
  }

  @Test("counts: 17 villages, ~300 producers, 5,000 listings, unique ids")
  func counts() {
    let demo = Self.demo
    #expect(demo.villages.count == 17)
    #expect((280...320).contains(demo.producers.count))
    #expect(demo.listings.count == DemoCatalogue.listingTarget)
    #expect(Set(demo.villages.map(\.id)).count == demo.villages.count)
    #expect(Set(demo.producers.map(\.id)).count == demo.producers.count)
    #expect(Set(demo.listings.map(\.id)).count == demo.listings.count)
    #expect(demo.villages.map(\.id) == demo.villages.map(\.id).sorted())
    #expect(demo.producers.map(\.id) == demo.producers.map(\.id).sorted())
    #expect(demo.listings.map(\.id) == demo.listings.map(\.id).sorted())
    let active = demo.listings.count { $0.status == .active }
    #expect(active > demo.listings.count * 9 / 10)
    #expect(demo.listings.allSatisfy { $0.status == .active || $0.status == .draft })
    let kinds = Set(demo.producers.map(\.kind.rawValue))
    #expect(kinds == [1, 2, 3])
  }

  @Test("every village of DOMAIN.md, with diacritics, district and craft")
  func realVillages() throws {
    let expected: [(String, String, String, CraftCategory)] = [
      ("vlg-ninh-so", "Ninh Sở", "Thường Tín", .rattanBamboo),
      ("vlg-phu-vinh", "Phú Vinh", "Chương Mỹ", .rattanBamboo),
      ("vlg-truong-yen", "Trường Yên", "Chương Mỹ", .rattanBamboo),
      ("vlg-luu-thuong", "Lưu Thượng", "Phú Xuyên", .seagrassSedge),
      ("vlg-bat-trang", "Bát Tràng", "Gia Lâm", .ceramics),
      ("vlg-van-phuc", "Vạn Phúc", "Hà Đông", .silkTextiles),
      ("vlg-quang-phu-cau", "Quảng Phú Cầu", "Ứng Hòa", .incense),
      ("vlg-lang-vong", "Làng Vòng", "Cầu Giấy", .foodSpecialties),
      ("vlg-hong-van", "Hồng Vân", "Thường Tín", .bonsaiPlants),
      ("vlg-ha-thai", "Hạ Thái", "Thường Tín", .lacquer),
      ("vlg-quat-dong", "Quất Động", "Thường Tín", .embroidery),
      ("vlg-chuon-ngo", "Chuôn Ngọ", "Phú Xuyên", .motherOfPearlInlay),
      ("vlg-chuong", "Làng Chuông", "Thanh Oai", .conicalHats),
      ("vlg-son-dong", "Sơn Đồng", "Hoài Đức", .woodCarving),
      ("vlg-chang-son", "Chàng Sơn", "Thạch Thất", .furniture),
      ("vlg-kieu-ky", "Kiêu Kỵ", "Gia Lâm", .goldSilverLeaf),
      ("vlg-ngu-xa", "Ngũ Xã", "Ba Đình", .bronzeCasting),
    ]
    for (id, name, district, craft) in expected {
      let village = try #require(Self.demo.villages.first { $0.id == id }, "\(id) missing")
      #expect(village.name?.vi == name)
      #expect(village.name?.en.isEmpty == false)
      #expect(village.district == district)
      #expect(village.province == "Hà Nội")
      #expect(village.crafts.first == craft)
      #expect(village.description?.vi.isEmpty == false && village.description?.en.isEmpty == false)
      #expect((20.5...21.2).contains(village.latitude) && (105.4...106.1).contains(village.longitude))
      #expect(village.producerCount > 0 && village.listingCount > 0)
    }
    #expect(Self.demo.villages.first { $0.id == "vlg-chang-son" }?.crafts == [.furniture, .fans])
  }

  @Test("every listing references an existing producer and its village; counts agree")
  func references() throws {
    let demo = Self.demo
    let villages = Set(demo.villages.map(\.id))
    var producerVillage: [String: String] = [:]
    for producer in demo.producers {
      #expect(villages.contains(producer.villageId), "\(producer.id)")
      producerVillage[producer.id] = producer.villageId
    }
    for listing in demo.listings {
      let village = try #require(producerVillage[listing.producerId], "\(listing.id)")
      #expect(listing.villageId == village, "\(listing.id)")
    }
    for village in demo.villages {
      #expect(Int(village.producerCount) == demo.producers.count { $0.villageId == village.id })
      #expect(
        Int(village.listingCount)
          == demo.listings.count { $0.villageId == village.id && $0.status == .active })
    }
    // Every producer has listings, and SKUs are unique per producer.
    var skus: [String: Set<String>] = [:]
    for listing in demo.listings {
      let inserted = skus[listing.producerId, default: []].insert(listing.sku).inserted
      #expect(inserted, "duplicate SKU \(listing.sku) of \(listing.producerId)")
    }
    #expect(skus.count == demo.producers.count)
  }

  @Test("Ninh Sở and Phú Vinh have mây tre listings a search for \"may tre dan\" can find")
  func rattanVillages() {
    for village in ["vlg-ninh-so", "vlg-phu-vinh"] {
      let rattan = Self.demo.listings.filter {
        $0.villageId == village && $0.category == .rattanBamboo && $0.status == .active
      }
      #expect(rattan.count > 200, "\(village): \(rattan.count)")
      let titled = rattan.filter { ($0.title?.vi ?? "").contains("mây tre") }
      #expect(!titled.isEmpty, "\(village) has no title with mây tre")
      #expect(rattan.allSatisfy { ($0.description?.vi ?? "").contains("ây tre đan") })
      #expect(rattan.allSatisfy { $0.hsCode.hasPrefix("46") || $0.hsCode.hasPrefix("94") || $0.hsCode.hasPrefix("70") })
    }
  }

  @Test("HS codes are well-formed and fit their craft")
  func hsCodes() {
    let headings: [CraftCategory: Set<String>] = [
      .rattanBamboo: ["4601", "4602", "9401", "9403", "9405", "7009"],
      .seagrassSedge: ["4601", "4602"],
      .ceramics: ["6911", "6912", "6913", "6914"],
      .silkTextiles: ["5007", "6214", "6215", "6302"],
      .incense: ["3307", "4421"],
      .woodCarving: ["4414", "4420", "4421"],
      .furniture: ["9401", "9403"],
      .conicalHats: ["6504", "9405"],
      .bronzeCasting: ["8306", "7418"],
      .bonsaiPlants: ["0602"],
    ]
    for listing in Self.demo.listings {
      let code = Array(listing.hsCode.utf8)
      let wellFormed =
        code.count == 7 && code[4] == UInt8(ascii: ".")
        && code.enumerated().allSatisfy { $0.offset == 4 || (48...57).contains($0.element) }
      #expect(wellFormed, "\(listing.id): \(listing.hsCode)")
      #expect(CatalogueValidation.normalizedHSCode(listing.hsCode) == listing.hsCode)
      if let allowed = headings[listing.category] {
        #expect(allowed.contains(String(listing.hsCode.prefix(4))), "\(listing.id): \(listing.hsCode)")
      }
    }
    let codes = Set(Self.demo.listings.map(\.hsCode))
    for code in ["4602.11", "4602.12", "4602.19", "9401.53", "9403.83", "6912.00", "6913.90", "5007.20", "3307.41", "4420.10"] {
      #expect(codes.contains(code), "no listing with \(code)")
    }
  }

  @Test("trade terms are plausible")
  func tradeTerms() {
    var incoterms: Set<Int32> = []
    for listing in Self.demo.listings {
      #expect(listing.moq >= 1)
      #expect(!listing.priceTiers.isEmpty)
      for currency in ["USD", "VND"] {
        let tiers = listing.priceTiers.filter { $0.unitPrice?.currencyCode == currency }
        guard let first = tiers.first else { continue }
        #expect(first.minQuantity == listing.moq, "\(listing.id)")
        #expect(zip(tiers, tiers.dropFirst()).allSatisfy { $0.minQuantity < $1.minQuantity })
        #expect(zip(tiers, tiers.dropFirst()).allSatisfy {
          ($0.unitPrice?.amountMinor ?? 0) >= ($1.unitPrice?.amountMinor ?? 0)
        })
        #expect(tiers.allSatisfy { ($0.unitPrice?.amountMinor ?? 0) > 0 })
      }
      #expect(listing.priceTiers.allSatisfy { ["USD", "VND"].contains($0.unitPrice?.currencyCode ?? "") })
      #expect(listing.incoterm != .unspecified && !listing.incotermPlace.isEmpty)
      if listing.incoterm == .fob {
        #expect(listing.incotermPlace == "Hải Phòng" || listing.incotermPlace.hasPrefix("Cát Lái"))
      }
      incoterms.insert(listing.incoterm.rawValue)
      #expect(listing.leadTimeDays >= 1 && listing.leadTimeDays <= 120)
      #expect(listing.monthlyCapacity >= listing.moq)
      if listing.samplePrice != nil { #expect(listing.sampleDays > 0) }
      let packing = listing.packing ?? Packing()
      #expect(packing.unitsPerCarton >= 1 && packing.cartonCbm > 0 && packing.cartonGrossWeightKg > 0)
      #expect(!listing.materials.isEmpty && listing.materials.allSatisfy { $0 == $0.lowercased() })
      #expect(!(listing.title?.vi ?? "").isEmpty && !(listing.title?.en ?? "").isEmpty)
      let descriptionEN = listing.description?.en ?? ""
      #expect(descriptionEN.contains("MOQ"))
      #expect(!listing.imageUrls.isEmpty)
    }
    #expect(incoterms.isSuperset(of: [Incoterm.fob.rawValue, Incoterm.exw.rawValue, Incoterm.cif.rawValue]))
    // Plausible FOB prices: a rattan basket with handles costs a few dollars.
    let baskets = Self.demo.listings.filter { $0.sku.contains("-RB01-") }
    let usd = baskets.compactMap { $0.priceTiers.first { $0.unitPrice?.currencyCode == "USD" }?.unitPrice?.amountMinor }
    #expect(!usd.isEmpty && usd.allSatisfy { (300...2_500).contains($0) })
  }

  @Test("producers: names, contacts, markets, certifications, verification")
  func producers() {
    let reference = DemoCatalogue.referenceDate
    var expired = 0
    var valid = 0
    var marketCounts: [String: Int] = [:]
    for producer in Self.demo.producers {
      let name = producer.name ?? LocalizedText()
      #expect(!name.vi.isEmpty && !name.en.isEmpty)
      let contact = producer.contact ?? Contact()
      #expect(!contact.personName.isEmpty)
      #expect(contact.email.contains("@") && contact.email.hasSuffix(".example.vn"), "\(contact.email)")
      let phone = Array(contact.phone.utf8)
      #expect(contact.phone.hasPrefix("+84") && (12...13).contains(phone.count), "\(contact.phone)")
      #expect(phone.dropFirst().allSatisfy { (48...57).contains($0) })
      #expect(contact.address.hasSuffix("Hà Nội"))
      for market in producer.exportMarkets {
        #expect(market.utf8.count == 2 && market == market.uppercased())
        marketCounts[market, default: 0] += 1
      }
      for certification in producer.certifications {
        #expect(!certification.issuer.isEmpty && !certification.certificateNumber.isEmpty)
        let range = certification.valid ?? DateRange()
        let start = range.start ?? CalendarDate()
        let end = range.end ?? CalendarDate()
        #expect(start <= end)
        if range.contains(reference) { valid += 1 } else { expired += 1 }
      }
      if producer.verificationTier == .documents || producer.verificationTier == .onSiteAudit {
        #expect(producer.verifiedOn != nil)
      }
      #expect(producer.foundedYear >= 1980 && producer.employees > 0)
    }
    #expect(valid > 50 && expired > 10, "valid \(valid), expired \(expired)")
    // The US leads, as it does for Vietnam's plant-fibre crafts.
    let top = marketCounts.max { $0.value < $1.value }?.key
    #expect(top == "US")
    #expect(
      Self.demo.producers.contains {
        $0.name?.vi == "Hợp tác xã mây tre đan Phú Vinh" && $0.kind == .cooperative
      })
  }

  @Test("every message round-trips through its own encoding")
  func roundTrip() throws {
    for village in Self.demo.villages {
      #expect(try Village(serializedBytes: village.serializedBytes()) == village)
    }
    for producer in Self.demo.producers {
      #expect(try Producer(serializedBytes: producer.serializedBytes()) == producer)
    }
    for listing in Self.demo.listings {
      #expect(try Listing(serializedBytes: listing.serializedBytes()) == listing)
    }
  }

  @Test("every object passes the catalogue's own validation unchanged in substance")
  func validation() throws {
    for village in Self.demo.villages {
      _ = try CatalogueValidation.village(village)
    }
    for producer in Self.demo.producers {
      let valid = try CatalogueValidation.producer(producer, prefix: "")
      #expect(valid.exportMarkets == producer.exportMarkets)
    }
    for listing in Self.demo.listings {
      let valid = try CatalogueValidation.listing(listing, prefix: "")
      #expect(valid.hsCode == listing.hsCode && valid.materials == listing.materials)
      #expect(valid.priceTiers == listing.priceTiers && valid.status == listing.status)
    }
  }
}

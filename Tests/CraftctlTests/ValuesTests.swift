import CatalogueAPI
import CommonAPI
import CraftCLI
import ProtoWire
import RPCCore
import Testing

@Suite("Values people type")
struct ValuesTests {
  @Test("money in minor units, exactly, by the currency's decimals")
  func money() throws {
    #expect(try MoneyText.parseMinor("12.5", currency: "USD", field: "p") == 1250)
    #expect(try MoneyText.parseMinor("12", currency: "usd", field: "p") == 1200)
    #expect(try MoneyText.parseMinor("35,000", currency: "VND", field: "p") == 35000)
    #expect(try MoneyText.parseMinor("1.234", currency: "KWD", field: "p") == 1234)
    #expect(throws: InputError.self) { try MoneyText.parseMinor("5.999", currency: "USD", field: "p") }
    #expect(throws: InputError.self) { try MoneyText.parseMinor("35000.5", currency: "VND", field: "p") }
    #expect(throws: InputError.self) { try MoneyText.parseMinor("-1", currency: "USD", field: "p") }
    #expect(throws: InputError.self) { try MoneyText.parseMinor("1e3", currency: "USD", field: "p") }
    #expect(MoneyText.format(Money(amountMinor: 1250, currencyCode: "USD")) == "12.50 USD")
    #expect(MoneyText.format(Money(amountMinor: 146000, currencyCode: "VND")) == "146,000 VND")
    #expect(MoneyText.format(Money(amountMinor: 123456705, currencyCode: "USD")) == "1,234,567.05 USD")
  }

  @Test("white space around a value is ignored: spaces, tabs, no-break spaces; inner text is kept")
  func whiteSpace() throws {
    #expect(try ValueText.int64(" \t1,200_000\u{00A0} ", field: "moq") == 1_200_000)
    #expect(try ValueText.bool("\u{2003}yes\t", field: "oem"))
    #expect(ValueText.list(" rattan ;\tbamboo | ;  sea grass ") == ["rattan", "bamboo", "sea grass"])
    #expect(try CraftCategory.parse("  rattan bamboo\t", flag: "category") == .rattanBamboo)
    #expect(try MoneyText.parseMinor("\t1,250.5 ", currency: "USD", field: "p") == 125_050)
    // A line break ends a number cell's value only at the edges; inside it is an error.
    #expect(throws: InputError.self) { try ValueText.int64("12\n00", field: "moq") }
    #expect(throws: InputError.self) { try ValueText.int64("  ", field: "moq") }
    var listing = Listing()
    try ListingColumns.apply(
      [("title_en", "\r\n  Rattan basket\n"), ("description_en", "\nLine one.\nLine two.\n\t")],
      to: &listing)
    #expect(listing.title?.en == "Rattan basket")
    #expect(listing.description?.en == "Line one.\nLine two.")
  }

  @Test("price tiers as MIN_QTY:PRICE pairs")
  func tiers() throws {
    let tiers = try MoneyText.parseTiers("100:12.50; 500:10", currency: "USD", field: "price_tiers")
    #expect(tiers == [
      PriceTier(minQuantity: 100, unitPrice: Money(amountMinor: 1250, currencyCode: "USD")),
      PriceTier(minQuantity: 500, unitPrice: Money(amountMinor: 1000, currencyCode: "USD")),
    ])
    #expect(throws: InputError.self) { try MoneyText.parseTiers("100=5", currency: "USD", field: "t") }
  }

  @Test("enum names: short, proto, with or without prefix, or the number")
  func enums() throws {
    #expect(try CraftCategory.parse("rattan-bamboo", flag: "c") == .rattanBamboo)
    #expect(try CraftCategory.parse("CRAFT_CATEGORY_CERAMICS", flag: "c") == .ceramics)
    #expect(try CraftCategory.parse("silk textiles", flag: "c") == .silkTextiles)
    #expect(try CertificationType.parse("fsc-coc", flag: "c") == .fscCoc)
    #expect(try Incoterm.parse("FOB", flag: "i") == .fob)
    #expect(try QuantityUnit.parse("2", flag: "u") == .set)
    #expect(CraftCategory.motherOfPearlInlay.shortName == "mother-of-pearl-inlay")
    #expect(CraftCategory.unspecified.shortName == "")
    do {
      _ = try Incoterm.parse("fobb", flag: "--incoterm")
      Issue.record("fobb should not parse")
    } catch {
      #expect(error.message.hasPrefix("--incoterm: unknown value \"fobb\"; one of: exw, fca"))
    }
  }

  @Test("folding drops tone marks, case and punctuation and maps đ to d")
  func folding() {
    #expect(foldForMatching("Ninh Sở") == "ninh so")
    #expect(foldForMatching("ninh-so") == "ninh so")
    #expect(foldForMatching("  Quảng  Phú Cầu ") == "quang phu cau")
    #expect(foldForMatching("Đúc đồng Ngũ Xã") == "duc dong ngu xa")
    #expect(foldForMatching("Ninh So\u{31B}\u{309}") == "ninh so")
  }

  private var villages: [Village] {
    [("vlg-ninh-so", "Ninh Sở", "Ninh So"), ("vlg-ngu-xa", "Ngũ Xã", "Ngu Xa"),
     ("vlg-phu-vinh", "Phú Vinh", "Phu Vinh"), ("vlg-bat-trang", "Bát Tràng", "Bat Trang")].map {
      var village = Village()
      village.id = $0.0
      village.name = LocalizedText(vi: $0.1, en: $0.2)
      return village
    }
  }

  @Test("a village by id, slug, or name with or without tone marks")
  func villageByName() throws {
    for text in ["vlg-ninh-so", "ninh-so", "Ninh Sở", "ninh so", "NINH SO"] {
      #expect(try VillageResolver.resolve(text, in: villages) == "vlg-ninh-so")
    }
    #expect(try VillageResolver.resolve("bat", in: villages) == "vlg-bat-trang")
  }

  @Test("an ambiguous or unknown village is an error naming the candidates")
  func villageErrors() {
    do {
      _ = try VillageResolver.resolve("n", in: villages)
      Issue.record("\"n\" is ambiguous")
    } catch {
      #expect(error.message.contains("vlg-ninh-so (Ninh Sở)"))
      #expect(error.message.contains("vlg-ngu-xa (Ngũ Xã)"))
    }
    #expect(throws: InputError.self) { try VillageResolver.resolve("Hội An", in: villages) }
  }

  @Test("exit codes: 10 + gRPC status")
  func exitCodes() {
    #expect(CraftctlExitCode.forStatus(.ok) == 0)
    #expect(CraftctlExitCode.forStatus(.notFound) == 15)
    #expect(CraftctlExitCode.forStatus(.unavailable) == 24)
    #expect(CraftctlExitCode.forStatus(.unauthenticated) == 26)
  }
}

import CatalogueAPI
import CommonAPI
import CraftCLI
import ProtoWire
import Testing

@Suite("Import CSV format")
struct ListingImportTests {
  @Test("every documented column lands in its field; currency applies whatever the column order")
  func columns() throws {
    let csv = """
      price_tiers,sample_price,currency,sku,producer_id,status,title_vi,title_en,category,hs_code,materials,unit,moq,incoterm,incoterm_place,lead_time_days,monthly_capacity,sample_days,units_per_carton,carton_cbm,carton_gross_weight_kg,packing_vi,image_urls,oem,odm
      "100:35000;500:30000",50000,vnd,NS-01,prd-1,draft,"Giỏ mây, có nắp",Rattan basket,rattan-bamboo,4602.12,Rattan; bamboo,set,100,fob,Hải Phòng,45,3000,14,6,0.12,8.5,6 cái/thùng,https://x/a.jpg;https://x/b.jpg,yes,0
      """
    let rows = try ListingImport.rows(fromCSV: csv)
    #expect(rows.count == 1)
    let listing = try rows[0].result.get()
    #expect(rows[0].line == 2)
    #expect(listing.sku == "NS-01")
    #expect(listing.producerId == "prd-1")
    #expect(listing.status == .draft)
    #expect(listing.title == LocalizedText(vi: "Giỏ mây, có nắp", en: "Rattan basket"))
    #expect(listing.category == .rattanBamboo)
    #expect(listing.hsCode == "4602.12")
    #expect(listing.materials == ["rattan", "bamboo"])
    #expect(listing.unit == .set)
    #expect(listing.moq == 100)
    #expect(listing.priceTiers.map(\.unitPrice) == [
      Money(amountMinor: 35000, currencyCode: "VND"), Money(amountMinor: 30000, currencyCode: "VND"),
    ])
    #expect(listing.samplePrice == Money(amountMinor: 50000, currencyCode: "VND"))
    #expect(listing.incoterm == .fob && listing.incotermPlace == "Hải Phòng")
    #expect(listing.leadTimeDays == 45 && listing.monthlyCapacity == 3000 && listing.sampleDays == 14)
    #expect(listing.packing?.unitsPerCarton == 6 && listing.packing?.cartonCbm == 0.12)
    #expect(listing.packing?.cartonGrossWeightKg == 8.5)
    #expect(listing.packing?.description?.vi == "6 cái/thùng")
    #expect(listing.imageUrls == ["https://x/a.jpg", "https://x/b.jpg"])
    #expect(listing.oem && !listing.odm)
  }

  @Test("bad rows are reported with their line and field; good rows around them survive")
  func rowErrors() throws {
    let csv = "SKU,Moq,title_vi\nA,10,ok\nB,abc,x\nC,5\n\"D\"x,1,y\nE,1,\"hai\ndòng\"\n,1,no sku\nF,2,z\n"
    let rows = try ListingImport.rows(fromCSV: csv)
    let summary = rows.map { row -> String in
      switch row.result {
      case .success(let listing): return "\(row.line) ok \(listing.sku)"
      case .failure(let error): return "\(row.line) \(error.field): \(error.message)"
      }
    }
    #expect(summary == [
      "2 ok A",
      "3 moq: moq: \"abc\" is not a whole number ≥ 0",
      "4 : the row has 2 fields, the header 3",
      "5 : text after the closing quote of field 1",
      "6 ok E",
      "8 sku: sku: empty",
      "9 ok F",
    ])
  }

  @Test("a header that cannot be used rejects the whole file")
  func headerErrors() {
    #expect(throws: ImportFileError.self) { try ListingImport.rows(fromCSV: "") }
    #expect(throws: ImportFileError.self) { try ListingImport.rows(fromCSV: "title_vi,moq\nx,1\n") }
    #expect(throws: ImportFileError.self) { try ListingImport.rows(fromCSV: "sku,colour\nx,red\n") }
    #expect(throws: ImportFileError.self) { try ListingImport.rows(fromCSV: "sku,moq,SKU\nx,1,y\n") }
  }
}

@Suite("JSON output")
struct JSONOutputTests {
  @Test("sorted keys, integers as integers, escapes")
  func serialise() {
    let value: JSONValue = [
      "b": 1, "a": ["x", .null, true, .double(0.5)], "s": "Ninh Sở \"q\"\n\u{1}",
      "big": .int(Int64.max),
    ]
    #expect(
      value.serialized
        == #"{"a":["x",null,true,0.5],"b":1,"big":9223372036854775807,"s":"Ninh Sở \"q\"\n\u0001"}"#)
  }

  @Test("timestamps as RFC 3339 UTC")
  func timestamps() {
    var t = ProtoTimestamp()
    #expect(t.rfc3339 == "1970-01-01T00:00:00Z")
    t.seconds = 1_700_000_000
    #expect(t.rfc3339 == "2023-11-14T22:13:20Z")
    t.seconds = 951_782_400  // 2000-02-29, a leap day
    #expect(t.rfc3339 == "2000-02-29T00:00:00Z")
  }

  @Test("a listing prints with its proto field names and full enum names")
  func listingShape() {
    var listing = Listing()
    listing.id = "lst-1"
    listing.category = .rattanBamboo
    listing.priceTiers = [PriceTier(minQuantity: 100, unitPrice: Money(amountMinor: 1250, currencyCode: "USD"))]
    guard case .object(let fields) = listing.json else {
      Issue.record("not an object")
      return
    }
    #expect(Set(fields.keys) == [
      "id", "producer_id", "village_id", "sku", "title", "description", "category", "hs_code",
      "materials", "unit", "moq", "price_tiers", "incoterm", "incoterm_place", "lead_time_days",
      "monthly_capacity", "sample_price", "sample_days", "packing", "image_urls", "oem", "odm",
      "status", "version", "created_at", "updated_at",
    ])
    #expect(fields["category"] == "CRAFT_CATEGORY_RATTAN_BAMBOO")
    #expect(fields["price_tiers"] == [["min_quantity": 100, "unit_price": ["amount_minor": 1250, "currency_code": "USD"]]])
    #expect(fields["title"] == .null)
  }
}

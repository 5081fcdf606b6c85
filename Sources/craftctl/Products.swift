import ArgumentParser
import CatalogueAPI
import CommonAPI
import CraftCLI
import RPCCore
import Foundation

/// `craftctl products …`.
struct Products: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Product listings: search, show, add, update, remove, import from CSV.",
    subcommands: [Search.self, Get.self, Add.self, Update.self, Remove.self, Import.self])
}

/// `--sort` values.
enum SortOrder: String, CaseIterable, ExpressibleByArgument {
  case relevance, price, priceDesc = "price-desc", leadTime = "lead-time", newest

  var proto: SearchListingsRequest.Sort {
    switch self {
    case .relevance: .relevance
    case .price: .priceAsc
    case .priceDesc: .priceDesc
    case .leadTime: .leadTimeAsc
    case .newest: .newest
    }
  }
}

extension Products {
  struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Search active listings; words match with or without tone marks.",
      discussion: """
        Example: craftctl products search "may tre dan" --village "Ninh Sở" --max-moq 200
        Repeated --village, --category, --material, --incoterm match any of their values;
        repeated --certified must all be held.
        """)
    @OptionGroup var global: GlobalOptions

    @Argument(help: "Words to search for; empty lists everything that passes the filters.")
    var query: String = ""
    @Option(help: "Village id or name (tone marks optional); repeatable.") var village: [String] = []
    @Option(help: "District (tone marks optional).") var district: String = ""
    @Option(help: "Craft category, e.g. rattan-bamboo, ceramics; repeatable.") var category: [String] = []
    @Option(help: "Material, e.g. rattan; repeatable.") var material: [String] = []
    @Option(help: "HS code prefix, e.g. 4602.") var hs: String = ""
    @Option(help: "Producer id.") var producer: String = ""
    @Option(help: "SKU (exact, case-insensitive).") var sku: String = ""
    @Option(help: "Largest MOQ acceptable.") var maxMoq: Int64?
    @Option(help: "Longest lead time acceptable, in days.") var maxLeadDays: Int32?
    @Option(help: "Smallest monthly capacity acceptable.") var minCapacity: Int64?
    @Option(help: "Lowest unit price, in --currency, e.g. 5.00.") var priceMin: String?
    @Option(help: "Highest unit price, in --currency.") var priceMax: String?
    @Option(help: "Currency of prices, price filters and sorting.") var currency: String = "USD"
    @Option(help: "Certification the producer holds today, e.g. fsc-coc; repeatable.")
    var certified: [String] = []
    @Option(help: "Incoterm, e.g. fob; repeatable.") var incoterm: [String] = []
    @Option(help: "Order: relevance, price, price-desc, lead-time, newest.")
    var sort: SortOrder = .relevance
    @Option(help: "Hits per page.") var limit: Int32 = 20
    @Option(help: "Token of the next page, from a previous search.") var pageToken: String = ""

    func run() async throws {
      try await global.run { catalogue in
        var filter = ListingFilter()
        filter.villageIds = try await catalogue.villageIDs(village)
        filter.district = district
        filter.categories = try category.map { try CraftCategory.parse($0, flag: "--category") }
        filter.materials = material
        filter.hsPrefix = hs
        filter.producerId = producer
        filter.sku = sku
        filter.maxMoq = maxMoq ?? 0
        filter.maxLeadTimeDays = maxLeadDays ?? 0
        filter.minMonthlyCapacity = minCapacity ?? 0
        let code = currency.uppercased()
        if priceMin != nil || priceMax != nil {
          filter.price = MoneyRange(
            minMinor: try priceMin.map { try MoneyText.parseMinor($0, currency: code, field: "--price-min") } ?? 0,
            maxMinor: try priceMax.map { try MoneyText.parseMinor($0, currency: code, field: "--price-max") } ?? 0,
            currencyCode: code)
        }
        filter.certifications = try certified.map { try CertificationType.parse($0, flag: "--certified") }
        filter.incoterms = try incoterm.map { try Incoterm.parse($0, flag: "--incoterm") }

        var request = SearchListingsRequest(query: query, filter: filter)
        request.sort = sort.proto
        request.sortCurrency = code
        request.pageSize = limit
        request.pageToken = pageToken
        let response = try await catalogue.client.searchListings(
          request, metadata: catalogue.metadata, options: catalogue.options
        ).message
        if global.json {
          print(response.json.serialized)
          return
        }
        print(Tables.searchHits(response.hits, currency: code).render(), terminator: "")
        var footer = "\(response.hits.count) of \(response.totalHits) listing\(response.totalHits == 1 ? "" : "s")"
        if !response.nextPageToken.isEmpty { footer += "; next page: --page-token \(response.nextPageToken)" }
        print(footer)
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one listing.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Listing id.") var id: String

    func run() async throws {
      try await global.run { catalogue in
        let listing = try await catalogue.client.getListing(
          GetListingRequest(id: id), metadata: catalogue.metadata, options: catalogue.options
        ).message
        global.output(listing.json, table: Tables.listingDetail(listing))
      }
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a listing (needs a token).",
      discussion: "Example: craftctl products add --producer P --sku NS-01 --title-vi \"Giỏ mây\" --category rattan-bamboo --moq 200 --price-tiers \"100:12.50;500:10\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: ListingFlags

    func run() async throws {
      try await global.run { catalogue in
        var listing = Listing()
        try ListingColumns.apply(fields.values, to: &listing)
        guard !listing.sku.isEmpty else { throw InputError("--sku is required", field: "sku") }
        let created = try await catalogue.client.createListing(
          CreateListingRequest(listing: listing), metadata: catalogue.metadata,
          options: catalogue.options
        ).message
        global.output(created.json, table: Tables.listingDetail(created))
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change fields of a listing (needs a token).",
      discussion: """
        Reads the listing, changes the fields given, and writes it back with the version read,
        so a concurrent change is refused (ABORTED) instead of overwritten. An empty value
        clears a field (--sample-price "" → no samples); --price-tiers replaces every tier.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Listing id.") var id: String
    @OptionGroup var fields: ListingFlags

    func run() async throws {
      try await global.run { catalogue in
        var listing = try await catalogue.client.getListing(
          GetListingRequest(id: id), metadata: catalogue.metadata, options: catalogue.options
        ).message
        let version = listing.version
        try ListingColumns.apply(fields.values, to: &listing)
        let updated = try await catalogue.client.updateListing(
          UpdateListingRequest(listing: listing, expectedVersion: version),
          metadata: catalogue.metadata, options: catalogue.options
        ).message
        global.output(updated.json, table: Tables.listingDetail(updated))
      }
    }
  }

  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rm", abstract: "Remove a listing (soft delete; needs a token).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Listing id.") var id: String
    @Option(help: "Refuse (ABORTED) unless the listing is at this version; 0 → no check.")
    var expectedVersion: Int64 = 0

    func run() async throws {
      try await global.run { catalogue in
        let deleted = try await catalogue.client.deleteListing(
          DeleteListingRequest(id: id, expectedVersion: expectedVersion),
          metadata: catalogue.metadata, options: catalogue.options
        ).message
        if global.json { print(deleted.json.serialized) } else { print("removed \(deleted.id)") }
      }
    }
  }
}

/// The listing fields `products add` and `products update` set; each flag is the import CSV
/// column of the same name (see `ListingColumns`), parsed the same way.
struct ListingFlags: ParsableArguments {
  @Option(help: "Producer id (empty with a producer token → your own).") var producer: String?
  @Option(help: "Your code for the product; unique per producer.") var sku: String?
  @Option(help: "active or draft.") var status: String?
  @Option(help: "Title in Vietnamese.") var titleVi: String?
  @Option(help: "Title in English.") var titleEn: String?
  @Option(help: "Description in Vietnamese.") var descriptionVi: String?
  @Option(help: "Description in English.") var descriptionEn: String?
  @Option(help: "Craft category, e.g. rattan-bamboo.") var category: String?
  @Option(help: "HS code, e.g. 4602.12.") var hs: String?
  @Option(help: "Materials, ';'-separated, e.g. \"rattan;bamboo\".") var materials: String?
  @Option(help: "piece, set, pair, kilogram or metre.") var unit: String?
  @Option(help: "Minimum order quantity.") var moq: String?
  @Option(help: "Currency of --price-tiers and --sample-price (default USD).") var currency: String?
  @Option(help: "MIN_QTY:PRICE pairs, e.g. \"100:12.50;500:10.00\".") var priceTiers: String?
  @Option(help: "Incoterm, e.g. fob.") var incoterm: String?
  @Option(help: "Named port or place, e.g. \"Hải Phòng\".") var incotermPlace: String?
  @Option(help: "Production lead time for an MOQ order, days.") var leadDays: String?
  @Option(help: "Units per month.") var capacity: String?
  @Option(help: "Sample price; \"\" → no samples.") var samplePrice: String?
  @Option(help: "Days to make and send samples.") var sampleDays: String?
  @Option(help: "Units per export carton.") var unitsPerCarton: String?
  @Option(help: "Carton volume, m³.") var cartonCbm: String?
  @Option(help: "Carton gross weight, kg.") var cartonKg: String?
  @Option(help: "Image URLs, ';'-separated.") var images: String?
  @Option(help: "Makes to the buyer's design: yes or no.") var oem: String?
  @Option(help: "Adapts its designs for the buyer: yes or no.") var odm: String?

  /// The flags given, as (column, text) pairs.
  var values: [(column: String, value: String)] {
    let all: [(String, String?)] = [
      ("producer_id", producer), ("sku", sku), ("status", status), ("title_vi", titleVi),
      ("title_en", titleEn), ("description_vi", descriptionVi), ("description_en", descriptionEn),
      ("category", category), ("hs_code", hs), ("materials", materials), ("unit", unit),
      ("moq", moq), ("currency", currency), ("price_tiers", priceTiers), ("incoterm", incoterm),
      ("incoterm_place", incotermPlace), ("lead_time_days", leadDays),
      ("monthly_capacity", capacity), ("sample_price", samplePrice), ("sample_days", sampleDays),
      ("units_per_carton", unitsPerCarton), ("carton_cbm", cartonCbm),
      ("carton_gross_weight_kg", cartonKg), ("image_urls", images), ("oem", oem), ("odm", odm),
    ]
    return all.compactMap { column, value in value.map { (column: column, value: $0) } }
  }
}

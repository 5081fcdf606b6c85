public import CatalogueAPI
internal import CommonAPI

/// The rules a producer or listing must satisfy before it is stored, as pure functions: each
/// returns the normalised object (output-only fields cleared, codes in canonical form) or
/// throws ``CatalogueError/invalidArgument(field:reason:)`` naming the first offending field.
///
/// `prefix` is prepended to field names: `"listing."` for RPC requests, `""` for bulk-import
/// rows (which report bare field names such as `"moq"`).
public enum CatalogueValidation {
  /// Longest free-text field accepted (titles, names), in characters.
  static let maxShortText = 300
  /// Longest description accepted, in characters.
  static let maxLongText = 10_000

  /// Whether `text` has more than `limit` characters. Counting characters walks grapheme
  /// clusters (a visible cost on every imported row); a text of at most `limit` UTF-8 bytes
  /// cannot have more characters than that, so only longer ones are counted.
  static func isLonger(_ text: String, than limit: Int) -> Bool {
    text.utf8.count > limit && text.count > limit
  }

  /// Checks and normalises a producer for create or update.
  public static func producer(_ input: Producer, prefix: String = "producer.") throws(CatalogueError)
    -> Producer
  {
    var producer = input
    func fail(_ field: String, _ reason: String) -> CatalogueError {
      .invalidArgument(field: prefix + field, reason: reason)
    }
    producer.id = producer.id.trimmed
    if !producer.id.isEmpty, !isValidID(producer.id) {
      throw fail("id", "use 1–64 characters a–z, 0–9, '-' or '_'")
    }
    producer.villageId = producer.villageId.trimmed
    if producer.villageId.isEmpty { throw fail("village_id", "required") }
    let name = producer.name ?? LocalizedText()
    if name.vi.trimmed.isEmpty && name.en.trimmed.isEmpty {
      throw fail("name", "a Vietnamese or English name is required")
    }
    if isLonger(name.vi, than: maxShortText) || isLonger(name.en, than: maxShortText) {
      throw fail("name", "longer than \(maxShortText) characters")
    }
    if let description = producer.description,
      isLonger(description.vi, than: maxLongText) || isLonger(description.en, than: maxLongText)
    {
      throw fail("description", "longer than \(maxLongText) characters")
    }
    producer.exportMarkets = try producer.exportMarkets.enumerated().map {
      (index, market) throws(CatalogueError) in
      let code = market.trimmed.uppercased()
      guard code.count == 2, code.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 })
      else { throw fail("export_markets[\(index)]", "not an ISO 3166-1 alpha-2 code") }
      return code
    }
    for (index, certification) in producer.certifications.enumerated() {
      let field = "certifications[\(index)]"
      guard certification.type != .unspecified, (1...11).contains(certification.type.rawValue)
      else { throw fail(field + ".type", "unknown certification type") }
      if certification.type == .other && certification.label.trimmed.isEmpty {
        throw fail(field + ".label", "required for CERTIFICATION_TYPE_OTHER")
      }
      if let start = certification.valid?.start, !start.isValidDate {
        throw fail(field + ".valid.start", "not a calendar date")
      }
      if let end = certification.valid?.end, !end.isValidDate {
        throw fail(field + ".valid.end", "not a calendar date")
      }
      if let start = certification.valid?.start, let end = certification.valid?.end,
        start.dayNumber > end.dayNumber
      {
        throw fail(field + ".valid", "ends before it starts")
      }
    }
    if let verifiedOn = producer.verifiedOn, !verifiedOn.isValidDate {
      throw fail("verified_on", "not a calendar date")
    }
    if producer.employees < 0 { throw fail("employees", "must not be negative") }
    if producer.foundedYear != 0 && !(1000...9999).contains(producer.foundedYear) {
      throw fail("founded_year", "not a year")
    }
    // Output only.
    producer.createdAt = nil
    producer.updatedAt = nil
    producer.deleted = false
    producer.version = 0
    return producer
  }

  /// Checks and normalises a listing for create or update (HS code to `dddd.dd…`, materials
  /// lower-cased, currencies upper-cased, status UNSPECIFIED → ACTIVE).
  public static func listing(_ input: Listing, prefix: String = "listing.") throws(CatalogueError)
    -> Listing
  {
    var listing = input
    func fail(_ field: String, _ reason: String) -> CatalogueError {
      .invalidArgument(field: prefix + field, reason: reason)
    }
    listing.producerId = listing.producerId.trimmed
    if listing.producerId.isEmpty { throw fail("producer_id", "required") }
    listing.sku = listing.sku.trimmed
    if listing.sku.isEmpty { throw fail("sku", "required") }
    if isLonger(listing.sku, than: 64) { throw fail("sku", "longer than 64 characters") }
    let title = listing.title ?? LocalizedText()
    if title.vi.trimmed.isEmpty && title.en.trimmed.isEmpty {
      throw fail("title", "a Vietnamese or English title is required")
    }
    if isLonger(title.vi, than: maxShortText) || isLonger(title.en, than: maxShortText) {
      throw fail("title", "longer than \(maxShortText) characters")
    }
    if let description = listing.description,
      isLonger(description.vi, than: maxLongText) || isLonger(description.en, than: maxLongText)
    {
      throw fail("description", "longer than \(maxLongText) characters")
    }
    if listing.category == .unspecified || !(1...17).contains(listing.category.rawValue) {
      throw fail("category", "a craft category is required")
    }
    guard let hsCode = normalizedHSCode(listing.hsCode) else {
      throw fail("hs_code", "an HS code of 4 to 10 digits is required, e.g. 4602.12")
    }
    listing.hsCode = hsCode
    listing.materials = listing.materials.map { $0.trimmed.lowercased() }.filter { !$0.isEmpty }
    if listing.moq < 1 { throw fail("moq", "must be at least 1") }
    if listing.leadTimeDays < 0 { throw fail("lead_time_days", "must not be negative") }
    if listing.monthlyCapacity < 0 { throw fail("monthly_capacity", "must not be negative") }
    if listing.sampleDays < 0 { throw fail("sample_days", "must not be negative") }
    var lastMinimum: [String: Int64] = [:]
    for index in listing.priceTiers.indices {
      let field = "price_tiers[\(index)]"
      var tier = listing.priceTiers[index]
      guard var price = tier.unitPrice else { throw fail(field + ".unit_price", "required") }
      price.currencyCode = price.currencyCode.trimmed.uppercased()
      guard isCurrencyCode(price.currencyCode) else {
        throw fail(field + ".unit_price.currency_code", "not an ISO 4217 code")
      }
      if price.amountMinor <= 0 { throw fail(field + ".unit_price", "must be positive") }
      if tier.minQuantity < 1 { throw fail(field + ".min_quantity", "must be at least 1") }
      if let last = lastMinimum[price.currencyCode], tier.minQuantity <= last {
        throw fail(field + ".min_quantity", "tiers of one currency must ascend by min_quantity")
      }
      lastMinimum[price.currencyCode] = tier.minQuantity
      tier.unitPrice = price
      listing.priceTiers[index] = tier
    }
    if var sample = listing.samplePrice {
      sample.currencyCode = sample.currencyCode.trimmed.uppercased()
      guard isCurrencyCode(sample.currencyCode) else {
        throw fail("sample_price.currency_code", "not an ISO 4217 code")
      }
      if sample.amountMinor < 0 { throw fail("sample_price", "must not be negative") }
      listing.samplePrice = sample
    }
    if listing.incoterm.rawValue < 0 || listing.incoterm.rawValue > 11 {
      throw fail("incoterm", "unknown Incoterm")
    }
    switch listing.status {
    case .unspecified, .active: listing.status = .active
    case .draft: break
    default: throw fail("status", "only ACTIVE or DRAFT may be set; delete with DeleteListing")
    }
    // Output only.
    listing.id = ""
    listing.villageId = ""
    listing.version = 0
    listing.createdAt = nil
    listing.updatedAt = nil
    return listing
  }

  /// A village as seeded by admins: id and name required, district folded for filtering.
  public static func village(_ input: Village) throws(CatalogueError) -> Village {
    var village = input
    village.id = village.id.trimmed
    if !isValidID(village.id) {
      throw .invalidArgument(field: "village.id", reason: "use 1–64 characters a–z, 0–9, '-' or '_'")
    }
    let name = village.name ?? LocalizedText()
    if name.vi.trimmed.isEmpty && name.en.trimmed.isEmpty {
      throw .invalidArgument(field: "village.name", reason: "required")
    }
    village.producerCount = 0
    village.listingCount = 0
    return village
  }

  /// `"4602.12"`, `"460212"`, `" 4602 12 "` → `"4602.12"`; `"4602"` → `"4602"`; `nil` when it
  /// is not 4–10 digits (dots and spaces aside).
  public static func normalizedHSCode(_ code: String) -> String? {
    let digits = hsDigits(code)
    guard let digits, (4...10).contains(digits.count) else { return nil }
    if digits.count == 4 { return digits }
    return String(digits.prefix(4)) + "." + String(digits.dropFirst(4))
  }

  /// The digits of an HS code or prefix with dots and spaces removed; `nil` if anything else
  /// is in it.
  static func hsDigits(_ code: String) -> String? {
    var digits = ""
    for scalar in code.unicodeScalars {
      if scalar.value >= 48 && scalar.value <= 57 {
        digits.unicodeScalars.append(scalar)
      } else if scalar != "." && scalar != " " {
        return nil
      }
    }
    return digits
  }

  static func isValidID(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count) else { return false }
    return id.utf8.allSatisfy { byte in
      (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
    }
  }

  static func isCurrencyCode(_ code: String) -> Bool {
    code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
  }
}

extension String {
  /// Without leading and trailing white space.
  var trimmed: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

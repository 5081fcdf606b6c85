internal import CommonAPI
internal import MatchingAPI
internal import ProtoWire

/// Input checks for buyers and RFQs: required fields, formats, and normalisation (upper-case
/// country and currency codes, HS codes as digits with the dot after the heading).
enum MatchingValidation {
  static func fail(_ field: String, _ reason: String) -> MatchingError {
    .invalidArgument(field: field, reason: reason)
  }

  static func buyer(_ input: Buyer) throws(MatchingError) -> Buyer {
    var buyer = input
    buyer.companyName = buyer.companyName.trimmingSpaces
    if buyer.companyName.isEmpty { throw fail("buyer.company_name", "required") }
    buyer.countryCode = buyer.countryCode.trimmingSpaces.uppercased()
    guard buyer.countryCode.count == 2, buyer.countryCode.allSatisfy({ $0.isASCII && $0.isLetter })
    else { throw fail("buyer.country_code", "an ISO 3166-1 alpha-2 code is required, e.g. US") }
    for (index, prefix) in buyer.hsCodePrefixes.enumerated() {
      guard let normalized = normalizedHS(prefix, minimumDigits: 2) else {
        throw fail("buyer.hs_code_prefixes[\(index)]", "2 to 10 digits, e.g. 4602 or 4602.12")
      }
      buyer.hsCodePrefixes[index] = normalized
    }
    if let range = buyer.typicalOrderQuantity {
      if range.minQuantity < 0 || range.maxQuantity < 0
        || (range.maxQuantity > 0 && range.maxQuantity < range.minQuantity)
      {
        throw fail("buyer.typical_order_quantity", "bounds must be ≥ 0 and min ≤ max")
      }
    }
    if var price = buyer.targetUnitPrice {
      price.currencyCode = price.currencyCode.uppercased()
      if price.minMinor < 0 || price.maxMinor < 0 || (price.maxMinor > 0 && price.maxMinor < price.minMinor) {
        throw fail("buyer.target_unit_price", "bounds must be ≥ 0 and min ≤ max")
      }
      if (price.minMinor > 0 || price.maxMinor > 0) && price.currencyCode.count != 3 {
        throw fail("buyer.target_unit_price.currency_code", "an ISO 4217 code is required")
      }
      buyer.targetUnitPrice = price
    }
    return buyer
  }

  static func rfq(_ input: Rfq, today: Int64) throws(MatchingError) -> Rfq {
    var rfq = input
    rfq.title = rfq.title.trimmingSpaces
    if rfq.title.isEmpty && rfq.description.trimmingSpaces.isEmpty {
      throw fail("rfq.title", "a title or a description is required")
    }
    if rfq.buyerId.isEmpty { throw fail("rfq.buyer_id", "required") }
    if !rfq.hsCode.isEmpty {
      guard let normalized = normalizedHS(rfq.hsCode, minimumDigits: 2) else {
        throw fail("rfq.hs_code", "2 to 10 digits, e.g. 4602 or 4602.12")
      }
      rfq.hsCode = normalized
    }
    if rfq.category == .unspecified && rfq.hsCode.isEmpty {
      throw fail("rfq.category", "a category or an HS code is required")
    }
    if rfq.quantity <= 0 { throw fail("rfq.quantity", "must be positive") }
    if rfq.quantityUnit == .unspecified { rfq.quantityUnit = .piece }
    if var price = rfq.targetUnitPrice {
      price.currencyCode = price.currencyCode.uppercased()
      if price.amountMinor < 0 { throw fail("rfq.target_unit_price.amount_minor", "must not be negative") }
      if price.currencyCode.count != 3 {
        throw fail("rfq.target_unit_price.currency_code", "an ISO 4217 code is required")
      }
      rfq.targetUnitPrice = price
    }
    if let deadline = rfq.deadline {
      guard Time.isValid(deadline) else { throw fail("rfq.deadline", "not a valid date") }
      if Time.dayNumber(deadline) < today { throw fail("rfq.deadline", "is in the past") }
    }
    if let expires = rfq.expiresAt, !expires.isValid {
      throw fail("rfq.expires_at", "not a valid timestamp (years 1–9999)")
    }
    if rfq.maxProposals < 0 { throw fail("rfq.max_proposals", "must not be negative") }
    if rfq.maxProposals == 0 { rfq.maxProposals = 10 }
    rfq.maxProposals = min(rfq.maxProposals, 50)
    return rfq
  }

  /// "4602.12" / "460212" / "46" → digits with a dot after the 4-digit heading; nil if malformed.
  static func normalizedHS(_ code: String, minimumDigits: Int) -> String? {
    let trimmed = code.trimmingSpaces
    guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == " ") }) else { return nil }
    let digits = trimmed.filter(\.isNumber)
    guard (minimumDigits...10).contains(digits.count) else { return nil }
    guard digits.count > 4 else { return digits }
    return String(digits.prefix(4)) + "." + String(digits.dropFirst(4))
  }
}

extension String {
  /// Without leading and trailing spaces and newlines (no Foundation).
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}

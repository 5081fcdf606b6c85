// The tables and JSON of `craftctl match`, `craftctl rfq` and `craftctl buyers`.

public import CommonAPI
public import MatchingAPI

extension BuyerType: NamedProtoEnum {
  public static var protoPrefix: String { "BUYER_TYPE_" }
  public static var maxKnownValue: Int32 { 5 }
}
extension RfqStatus: NamedProtoEnum {
  public static var protoPrefix: String { "RFQ_STATUS_" }
  public static var maxKnownValue: Int32 { 4 }
}
extension ScoreFactor: NamedProtoEnum {
  public static var protoPrefix: String { "SCORE_FACTOR_" }
  public static var maxKnownValue: Int32 { 9 }
}
extension HardFilter: NamedProtoEnum {
  public static var protoPrefix: String { "HARD_FILTER_" }
  public static var maxKnownValue: Int32 { 6 }
}

/// Which language reasons and names are shown in.
public enum DisplayLanguage: String, Sendable, CaseIterable {
  case vi, en

  /// The text in this language, else the other one.
  public func pick(_ text: LocalizedText?) -> String {
    guard let text else { return "" }
    switch self {
    case .vi: return text.vi.isEmpty ? text.en : text.vi
    case .en: return text.en.isEmpty ? text.vi : text.en
    }
  }
}

/// Tables of matches, RFQs and buyers.
public enum MatchTables {
  /// The reasons behind a score, strongest contribution first, that a person reads: factors
  /// whose value is at the neutral 0.5 default ("no data") are left out.
  public static func topReasons(_ match: Match, count: Int, language: DisplayLanguage) -> [String] {
    let informative = match.components.filter { $0.value != 0.5 }
    let ranked = informative.sorted {
      $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.factor.rawValue < $1.factor.rawValue
    }
    return ranked.prefix(count).map { language.pick($0.reason) }
  }

  static func score(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// Producers proposed for an RFQ or a buyer: rank, producer, village, score, top reasons.
  public static func producerMatches(_ matches: [Match], language: DisplayLanguage, reasons: Int = 2) -> Table {
    var table = Table(columns: [
      .init("rank", alignment: .right), .init("producer"), .init("name", maxWidth: 34),
      .init("village", maxWidth: 16), .init("score", alignment: .right), .init("listing"),
      .init("price", alignment: .right), .init("top reasons", maxWidth: 110),
    ])
    for match in matches {
      guard case .producer(let candidate) = match.candidate else { continue }
      let producer = candidate.producer ?? ProducerCard()
      let listing = candidate.listing ?? ListingCard()
      var name = language.pick(producer.name)
      if match.alreadyTrades { name += " (known partner)" }
      table.append([
        "\(match.rank)", producer.producerId, name, language.pick(producer.villageName),
        score(match.score), listing.listingId, listing.unitPrice.map(MoneyText.format) ?? "",
        topReasons(match, count: reasons, language: language).joined(separator: " · "),
      ])
    }
    return table
  }

  /// Buyers (and their RFQs) proposed to a producer.
  public static func buyerMatches(_ matches: [Match], language: DisplayLanguage, reasons: Int = 2) -> Table {
    var table = Table(columns: [
      .init("rank", alignment: .right), .init("buyer"), .init("company", maxWidth: 30),
      .init("country"), .init("type"), .init("rfq"), .init("quantity", alignment: .right),
      .init("score", alignment: .right), .init("top reasons", maxWidth: 100),
    ])
    for match in matches {
      guard case .buyer(let candidate) = match.candidate else { continue }
      let buyer = candidate.buyer ?? BuyerCard()
      var company = buyer.companyName
      if match.alreadyTrades { company += " (known partner)" }
      let rfq = candidate.rfq
      table.append([
        "\(match.rank)", buyer.buyerId, company, buyer.countryCode, buyer.buyerType.shortName,
        rfq?.rfqId ?? "(profile)", rfq.map { "\($0.quantity) \($0.quantityUnit.shortName)" } ?? "",
        score(match.score), topReasons(match, count: reasons, language: language).joined(separator: " · "),
      ])
    }
    return table
  }

  /// Consortium proposals, one row per member.
  public static func consortia(_ proposals: [ConsortiumProposal], language: DisplayLanguage) -> Table {
    var table = Table(columns: [
      .init("group", alignment: .right), .init("village", maxWidth: 16), .init("producer"),
      .init("name", maxWidth: 34), .init("share", alignment: .right), .init("of", alignment: .right),
      .init("by deadline", alignment: .right), .init("price", alignment: .right),
    ])
    for (index, proposal) in proposals.enumerated() {
      for member in proposal.members {
        table.append([
          "\(index + 1)", language.pick(proposal.villageName), member.producerId, language.pick(member.name),
          "\(member.shareQuantity)", "\(Int((member.shareFraction * 100).rounded()))%",
          "\(member.capacityByDeadline)", member.unitPrice.map(MoneyText.format) ?? "",
        ])
      }
    }
    return table
  }

  /// "category 210, moq 12, …": what the hard filters removed.
  public static func excludedSummary(_ counts: [FilterCount]) -> String {
    counts.map { "\($0.filter.shortName) \($0.excluded)" }.joined(separator: ", ")
  }

  /// RFQs, one per row.
  public static func rfqs(_ rfqs: [Rfq]) -> Table {
    var table = Table(columns: [
      .init("id"), .init("buyer"), .init("title", maxWidth: 44), .init("category"),
      .init("quantity", alignment: .right), .init("target", alignment: .right), .init("deadline"),
      .init("incoterm"), .init("status"),
    ])
    for rfq in rfqs {
      table.append([
        rfq.id, rfq.buyerId, rfq.title, rfq.category.shortName,
        "\(rfq.quantity) \(rfq.quantityUnit.shortName)", rfq.targetUnitPrice.map(MoneyText.format) ?? "",
        rfq.deadline.map(dateText) ?? "", rfq.incoterm.shortName.uppercased(), rfq.status.shortName,
      ])
    }
    return table
  }

  /// One RFQ as field/value rows.
  public static func rfqDetail(_ rfq: Rfq) -> Table {
    var table = Table(columns: [.init("field"), .init("value")])
    let rows: [(String, String)] = [
      ("id", rfq.id), ("buyer", rfq.buyerId), ("status", rfq.status.shortName), ("title", rfq.title),
      ("description", rfq.description), ("category", rfq.category.shortName), ("hs code", rfq.hsCode),
      ("materials", rfq.materials.joined(separator: ", ")),
      ("quantity", "\(rfq.quantity) \(rfq.quantityUnit.shortName)"),
      ("target unit price", rfq.targetUnitPrice.map(MoneyText.format) ?? ""),
      ("deadline", rfq.deadline.map(dateText) ?? ""),
      ("certifications", rfq.requiredCertifications.map(\.shortName).joined(separator: ", ")),
      ("incoterm", [rfq.incoterm.shortName.uppercased(), rfq.port].filter { !$0.isEmpty }.joined(separator: " ")),
      ("max proposals", "\(rfq.maxProposals)"), ("expires", rfq.expiresAt?.rfc3339 ?? ""),
      ("created", rfq.createdAt?.rfc3339 ?? ""),
    ]
    for (field, value) in rows { table.append([field, value]) }
    return table
  }

  /// Buyers, one per row.
  public static func buyers(_ buyers: [Buyer]) -> Table {
    var table = Table(columns: [
      .init("id"), .init("company", maxWidth: 34), .init("country"), .init("type"),
      .init("categories", maxWidth: 40), .init("quantity", alignment: .right),
      .init("certifications", maxWidth: 24),
    ])
    for buyer in buyers {
      let range = buyer.typicalOrderQuantity.map { "\($0.minQuantity)–\($0.maxQuantity)" } ?? ""
      table.append([
        buyer.id, buyer.companyName, buyer.countryCode, buyer.buyerType.shortName,
        buyer.categories.map(\.shortName).joined(separator: ","), range,
        buyer.requiredCertifications.map(\.shortName).joined(separator: ","),
      ])
    }
    return table
  }

  /// One buyer as field/value rows.
  public static func buyerDetail(_ buyer: Buyer, language: DisplayLanguage) -> Table {
    var table = Table(columns: [.init("field"), .init("value")])
    var rows: [(String, String)] = [
      ("id", buyer.id), ("company", buyer.companyName), ("country", buyer.countryCode),
      ("type", buyer.buyerType.shortName),
      ("categories", buyer.categories.map(\.shortName).joined(separator: ", ")),
      ("hs codes", buyer.hsCodePrefixes.joined(separator: ", ")),
      ("materials", buyer.materials.joined(separator: ", ")),
      ("typical quantity", buyer.typicalOrderQuantity.map { "\($0.minQuantity)–\($0.maxQuantity) \($0.unit.shortName)" } ?? ""),
      ("target unit price", buyer.targetUnitPrice.map { range in
        "\(MoneyText.format(Money(amountMinor: range.minMinor, currencyCode: range.currencyCode)))–"
          + MoneyText.format(Money(amountMinor: range.maxMinor, currencyCode: range.currencyCode))
      } ?? ""),
      ("certifications", buyer.requiredCertifications.map(\.shortName).joined(separator: ", ")),
      ("incoterms", buyer.preferredIncoterms.map { $0.shortName.uppercased() }.joined(separator: ", ")),
      ("ports", buyer.preferredPorts.joined(separator: ", ")), ("languages", buyer.languages.joined(separator: ", ")),
      ("about", language.pick(buyer.about)),
    ]
    if let contact = buyer.contact {
      rows += [("contact", contact.personName), ("email", contact.email), ("website", contact.website)]
    }
    for (field, value) in rows { table.append([field, value]) }
    return table
  }

  static func dateText(_ date: CalendarDate) -> String {
    if case .string(let text) = date.json { return text }
    return ""
  }
}

// MARK: - JSON

extension ScoreComponent: JSONRepresentable {
  public var json: JSONValue {
    [
      "factor": .string(factor.description), "weight": .double(weight), "value": .double(value),
      "contribution": .double(contribution), "reason": reason.json,
    ]
  }
}

extension ProducerCard: JSONRepresentable {
  public var json: JSONValue {
    [
      "producer_id": .string(producerId), "name": name.json, "village_id": .string(villageId),
      "village_name": villageName.json, "district": .string(district),
      "reply_within_24h_rate": .double(replyWithin24hRate),
      "median_response_seconds": .int(medianResponseSeconds), "export_markets": .strings(exportMarkets),
    ]
  }
}

extension ListingCard: JSONRepresentable {
  public var json: JSONValue {
    [
      "listing_id": .string(listingId), "title": title.json, "category": .string(category.description),
      "hs_code": .string(hsCode), "materials": .strings(materials), "moq": .int(moq),
      "unit": .string(unit.description), "unit_price": unitPrice.json,
      "incoterm": .string(incoterm.description), "port": .string(port),
      "lead_time_days": .int(leadTimeDays), "monthly_capacity": .int(monthlyCapacity),
      "certifications": .enums(certifications),
    ]
  }
}

extension BuyerCard: JSONRepresentable {
  public var json: JSONValue {
    [
      "buyer_id": .string(buyerId), "company_name": .string(companyName),
      "country_code": .string(countryCode), "buyer_type": .string(buyerType.description),
      "typical_order_quantity": typicalOrderQuantity.json, "categories": .enums(categories),
    ]
  }
}

extension QuantityRange: JSONRepresentable {
  public var json: JSONValue {
    ["min_quantity": .int(minQuantity), "max_quantity": .int(maxQuantity), "unit": .string(unit.description)]
  }
}

extension MoneyRange: JSONRepresentable {
  public var json: JSONValue {
    ["min_minor": .int(minMinor), "max_minor": .int(maxMinor), "currency_code": .string(currencyCode)]
  }
}

extension RfqCard: JSONRepresentable {
  public var json: JSONValue {
    [
      "rfq_id": .string(rfqId), "title": .string(title), "category": .string(category.description),
      "hs_code": .string(hsCode), "quantity": .int(quantity), "quantity_unit": .string(quantityUnit.description),
      "target_unit_price": targetUnitPrice.json, "deadline": deadline.json,
      "incoterm": .string(incoterm.description), "port": .string(port), "expires_at": expiresAt.json,
    ]
  }
}

extension Match: JSONRepresentable {
  public var json: JSONValue {
    var object: [String: JSONValue] = [
      "match_id": .string(matchId), "rank": .int(rank), "score": .double(score),
      "components": .array(components.map(\.json)), "already_trades": .bool(alreadyTrades),
      "introduction_id": .string(introductionId),
    ]
    switch candidate {
    case .producer(let candidate):
      object["producer"] = ["producer": candidate.producer.json, "listing": candidate.listing.json]
    case .buyer(let candidate):
      object["buyer"] = ["buyer": candidate.buyer.json, "rfq": candidate.rfq.json]
    case nil: break
    }
    return .object(object)
  }
}

extension ConsortiumProposal: JSONRepresentable {
  public var json: JSONValue {
    [
      "village_id": .string(villageId), "village_name": villageName.json, "district": .string(district),
      "members": .array(members.map { member in
        [
          "producer_id": .string(member.producerId), "name": member.name.json,
          "listing_id": .string(member.listingId), "share_quantity": .int(member.shareQuantity),
          "share_fraction": .double(member.shareFraction), "unit_price": member.unitPrice.json,
          "capacity_by_deadline": .int(member.capacityByDeadline),
        ]
      }),
      "combined_capacity": .int(combinedCapacity), "meets_deadline": .bool(meetsDeadline),
      "score": .double(score), "reason": reason.json,
    ]
  }
}

extension FilterCount: JSONRepresentable {
  public var json: JSONValue { ["filter": .string(filter.description), "excluded": .int(excluded)] }
}

extension Rfq: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "buyer_id": .string(buyerId), "title": .string(title),
      "description": .string(description), "category": .string(category.description),
      "hs_code": .string(hsCode), "materials": .strings(materials), "quantity": .int(quantity),
      "quantity_unit": .string(quantityUnit.description), "target_unit_price": targetUnitPrice.json,
      "deadline": deadline.json, "required_certifications": .enums(requiredCertifications),
      "incoterm": .string(incoterm.description), "port": .string(port), "expires_at": expiresAt.json,
      "max_proposals": .int(maxProposals), "status": .string(status.description),
      "created_at": createdAt.json, "updated_at": updatedAt.json, "closed_at": closedAt.json,
    ]
  }
}

extension Buyer: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "company_name": .string(companyName), "country_code": .string(countryCode),
      "buyer_type": .string(buyerType.description), "categories": .enums(categories),
      "hs_code_prefixes": .strings(hsCodePrefixes), "materials": .strings(materials),
      "typical_order_quantity": typicalOrderQuantity.json, "target_unit_price": targetUnitPrice.json,
      "required_certifications": .enums(requiredCertifications),
      "preferred_incoterms": .enums(preferredIncoterms), "preferred_ports": .strings(preferredPorts),
      "languages": .strings(languages), "about": about.json, "contact": contact.json,
      "created_at": createdAt.json, "updated_at": updatedAt.json,
    ]
  }
}

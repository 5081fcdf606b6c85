// The tables `craftctl` prints for people (without --json).

public import CatalogueAPI
import CommonAPI

/// Builds the human-readable tables of each command.
public enum Tables {
  /// The Vietnamese text when there is one, else the English.
  static func text(_ value: LocalizedText?) -> String {
    guard let value else { return "" }
    return value.vi.isEmpty ? value.en : value.vi
  }

  /// The lowest unit price in `currency`, else the first tier's; "" without tiers.
  public static func fromPrice(_ listing: Listing, currency: String) -> String {
    let prices = listing.priceTiers.compactMap(\.unitPrice)
    let chosen = prices.filter { $0.currencyCode == currency }.min { $0.amountMinor < $1.amountMinor }
      ?? prices.first
    return chosen.map(MoneyText.format) ?? ""
  }

  /// Search hits, one per row.
  public static func searchHits(_ hits: [SearchHit], currency: String) -> Table {
    var table = Table(columns: [
      .init("id"), .init("title", maxWidth: 40), .init("village", maxWidth: 18),
      .init("producer", maxWidth: 26), .init("moq", alignment: .right),
      .init("from price", alignment: .right), .init("lead", alignment: .right), .init("hs"),
    ])
    for hit in hits {
      let listing = hit.listing ?? Listing()
      table.append([
        listing.id, text(listing.title), text(hit.villageName), text(hit.producer?.name),
        "\(listing.moq)", fromPrice(listing, currency: currency), "\(listing.leadTimeDays)d",
        listing.hsCode,
      ])
    }
    return table
  }

  /// One listing as field/value rows.
  public static func listingDetail(_ listing: Listing) -> Table {
    var table = Table(columns: [.init("field"), .init("value")])
    let tiers = listing.priceTiers.map { tier in
      "≥\(tier.minQuantity): \(tier.unitPrice.map(MoneyText.format) ?? "")"
    }
    let packing = listing.packing.map { packing in
      var parts: [String] = []
      if packing.unitsPerCarton > 0 { parts.append("\(packing.unitsPerCarton)/carton") }
      if packing.cartonCbm > 0 { parts.append("\(packing.cartonCbm) m³") }
      if packing.cartonGrossWeightKg > 0 { parts.append("\(packing.cartonGrossWeightKg) kg") }
      let description = text(packing.description)
      if !description.isEmpty { parts.append(description) }
      return parts.joined(separator: ", ")
    }
    let rows: [(String, String)] = [
      ("id", listing.id), ("producer", listing.producerId), ("village", listing.villageId),
      ("sku", listing.sku), ("status", listing.status.shortName),
      ("title (vi)", listing.title?.vi ?? ""), ("title (en)", listing.title?.en ?? ""),
      ("category", listing.category.shortName), ("hs code", listing.hsCode),
      ("materials", listing.materials.joined(separator: ", ")),
      ("unit", listing.unit.shortName), ("moq", "\(listing.moq)"),
      ("price tiers", tiers.joined(separator: "; ")),
      ("incoterm", ([listing.incoterm.shortName.uppercased(), listing.incotermPlace]).filter { !$0.isEmpty }
        .joined(separator: " ")),
      ("lead time", "\(listing.leadTimeDays) days"),
      ("monthly capacity", "\(listing.monthlyCapacity)"),
      ("samples", listing.samplePrice.map { "\(MoneyText.format($0)), \(listing.sampleDays) days" } ?? "none"),
      ("packing", packing ?? ""), ("oem / odm", "\(listing.oem ? "yes" : "no") / \(listing.odm ? "yes" : "no")"),
      ("images", listing.imageUrls.joined(separator: " ")),
      ("version", "\(listing.version)"),
      ("updated", listing.updatedAt?.rfc3339 ?? ""),
      ("description (vi)", listing.description?.vi ?? ""),
      ("description (en)", listing.description?.en ?? ""),
    ]
    for (field, value) in rows { table.append([field, value]) }
    return table
  }

  /// Producers, one per row.
  public static func producers(_ producers: [Producer]) -> Table {
    var table = Table(columns: [
      .init("id"), .init("name", maxWidth: 36), .init("kind"), .init("village"),
      .init("verification"), .init("markets", maxWidth: 20), .init("employees", alignment: .right),
    ])
    for producer in producers {
      table.append([
        producer.id + (producer.deleted ? " (deleted)" : ""), text(producer.name),
        producer.kind.shortName, producer.villageId,
        shortTier(producer.verificationTier),
        producer.exportMarkets.joined(separator: ","), "\(producer.employees)",
      ])
    }
    return table
  }

  static func shortTier(_ tier: Producer.VerificationTier) -> String {
    guard tier.rawValue != 0 else { return "" }
    return tier.description.replacingPrefix("VERIFICATION_TIER_").lowercased()
      .split(separator: "_").joined(separator: "-")
  }

  /// One producer as field/value rows.
  public static func producerDetail(_ producer: Producer) -> Table {
    var table = Table(columns: [.init("field"), .init("value")])
    let certifications = producer.certifications.map { certification in
      var text = certification.type.shortName
      if !certification.label.isEmpty { text += " (\(certification.label))" }
      if let end = certification.valid?.end, case .string(let day) = end.json { text += " until \(day)" }
      return text
    }
    var rows: [(String, String)] = [
      ("id", producer.id), ("name (vi)", producer.name?.vi ?? ""),
      ("name (en)", producer.name?.en ?? ""), ("kind", producer.kind.shortName),
      ("village", producer.villageId),
      ("export markets", producer.exportMarkets.joined(separator: ", ")),
      ("certifications", certifications.joined(separator: "; ")),
      ("verification", shortTier(producer.verificationTier)),
      ("employees", producer.employees == 0 ? "" : "\(producer.employees)"),
      ("founded", producer.foundedYear == 0 ? "" : "\(producer.foundedYear)"),
    ]
    if let contact = producer.contact {
      rows += [
        ("contact", contact.personName), ("email", contact.email), ("phone", contact.phone),
        ("website", contact.website), ("address", contact.address),
      ]
    }
    if let stats = producer.responseStats, stats.sampleSize > 0 {
      rows.append(("replies within 24 h", "\(Int((stats.responseRate * 100).rounded()))% of \(stats.sampleSize)"))
    }
    rows += [
      ("deleted", producer.deleted ? "yes" : "no"), ("version", "\(producer.version)"),
      ("description (vi)", producer.description?.vi ?? ""),
      ("description (en)", producer.description?.en ?? ""),
    ]
    for (field, value) in rows { table.append([field, value]) }
    return table
  }

  /// Villages, one per row.
  public static func villages(_ villages: [Village]) -> Table {
    var table = Table(columns: [
      .init("id"), .init("name"), .init("district"), .init("crafts", maxWidth: 36),
      .init("producers", alignment: .right), .init("listings", alignment: .right),
    ])
    for village in villages {
      table.append([
        village.id, text(village.name), village.district,
        village.crafts.map(\.shortName).joined(separator: ","), "\(village.producerCount)",
        "\(village.listingCount)",
      ])
    }
    return table
  }
}

extension String {
  func replacingPrefix(_ prefix: String) -> String {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
  }
}

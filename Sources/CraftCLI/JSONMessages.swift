// The JSON shapes `craftctl --json` prints: proto field names (snake_case), every field always
// present, enums as their full proto names, money as integer minor units plus currency.
// Scripts may rely on these names; add fields, never rename them.

public import CatalogueAPI
public import CommonAPI
public import ProtoWire

/// A message as `--json` prints it.
public protocol JSONRepresentable {
  /// The message as JSON.
  var json: JSONValue { get }
}

extension Optional where Wrapped: JSONRepresentable {
  /// `null` for an absent message.
  var json: JSONValue { self?.json ?? .null }
}

extension JSONValue {
  static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
  static func enums(_ values: [some ProtoEnum & CustomStringConvertible]) -> JSONValue {
    .array(values.map { .string($0.description) })
  }
  static func int(_ value: Int32) -> JSONValue { .int(Int64(value)) }
}

extension LocalizedText: JSONRepresentable {
  public var json: JSONValue { ["vi": .string(vi), "en": .string(en)] }
}

extension Money: JSONRepresentable {
  public var json: JSONValue {
    ["amount_minor": .int(amountMinor), "currency_code": .string(currencyCode)]
  }
}

extension CalendarDate: JSONRepresentable {
  public var json: JSONValue {
    let pad = { (n: Int32, width: Int) in
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return .string("\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))")
  }
}

extension ProtoTimestamp: JSONRepresentable {
  /// RFC 3339 in UTC, whole seconds: "2025-06-01T08:30:00Z".
  public var json: JSONValue { .string(rfc3339) }

  /// RFC 3339 in UTC, whole seconds (days to civil date after Howard Hinnant's algorithm).
  public var rfc3339: String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let date = CalendarDate(daysSinceEpoch: days)
    let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
    func pad(_ n: Int64, _ width: Int = 2) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondOfDay / 3600)):"
      + "\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))Z"
  }
}

extension Contact: JSONRepresentable {
  public var json: JSONValue {
    [
      "person_name": .string(personName), "email": .string(email), "phone": .string(phone),
      "website": .string(website), "address": .string(address),
    ]
  }
}

extension Village: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "name": name.json, "commune": .string(commune),
      "district": .string(district), "province": .string(province), "crafts": .enums(crafts),
      "description": description.json, "latitude": .double(latitude),
      "longitude": .double(longitude), "producer_count": .int(producerCount),
      "listing_count": .int(listingCount),
    ]
  }
}

extension Certification: JSONRepresentable {
  public var json: JSONValue {
    [
      "type": .string(type.description), "label": .string(label), "issuer": .string(issuer),
      "certificate_number": .string(certificateNumber),
      "valid": ["start": valid?.start.json ?? .null, "end": valid?.end.json ?? .null],
      "document_url": .string(documentUrl),
    ]
  }
}

extension ResponseStats: JSONRepresentable {
  public var json: JSONValue {
    [
      "median_response_seconds": .int(medianResponseSeconds),
      "response_rate": .double(responseRate), "sample_size": .int(sampleSize),
    ]
  }
}

extension Producer: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "kind": .string(kind.description), "name": name.json,
      "village_id": .string(villageId), "description": description.json,
      "contact": contact.json, "export_markets": .strings(exportMarkets),
      "certifications": .array(certifications.map(\.json)),
      "verification_tier": .string(verificationTier.description),
      "verified_on": verifiedOn.json, "response_stats": responseStats.json,
      "employees": .int(employees), "founded_year": .int(foundedYear),
      "created_at": createdAt.json, "updated_at": updatedAt.json, "deleted": .bool(deleted),
      "version": .int(version),
    ]
  }
}

extension PriceTier: JSONRepresentable {
  public var json: JSONValue { ["min_quantity": .int(minQuantity), "unit_price": unitPrice.json] }
}

extension Packing: JSONRepresentable {
  public var json: JSONValue {
    [
      "units_per_carton": .int(unitsPerCarton), "carton_cbm": .double(cartonCbm),
      "carton_gross_weight_kg": .double(cartonGrossWeightKg), "description": description.json,
    ]
  }
}

extension Listing: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "producer_id": .string(producerId), "village_id": .string(villageId),
      "sku": .string(sku), "title": title.json, "description": description.json,
      "category": .string(category.description), "hs_code": .string(hsCode),
      "materials": .strings(materials), "unit": .string(unit.description), "moq": .int(moq),
      "price_tiers": .array(priceTiers.map(\.json)), "incoterm": .string(incoterm.description),
      "incoterm_place": .string(incotermPlace), "lead_time_days": .int(leadTimeDays),
      "monthly_capacity": .int(monthlyCapacity), "sample_price": samplePrice.json,
      "sample_days": .int(sampleDays), "packing": packing.json,
      "image_urls": .strings(imageUrls), "oem": .bool(oem), "odm": .bool(odm),
      "status": .string(status.description), "version": .int(version),
      "created_at": createdAt.json, "updated_at": updatedAt.json,
    ]
  }
}

extension ProducerSummary: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "name": name.json, "kind": .string(kind.description),
      "verification_tier": .string(verificationTier.description),
      "certifications": .enums(certifications), "export_markets": .strings(exportMarkets),
      "response_stats": responseStats.json,
    ]
  }
}

extension SearchHit: JSONRepresentable {
  public var json: JSONValue {
    [
      "listing": listing.json, "producer": producer.json, "village_name": villageName.json,
      "district": .string(district), "score": .double(score),
      "snippet": snippet.map { ["field": .string($0.field), "text": .string($0.text)] } ?? .null,
    ]
  }
}

extension SearchListingsResponse: JSONRepresentable {
  public var json: JSONValue {
    [
      "hits": .array(hits.map(\.json)), "total_hits": .int(totalHits),
      "next_page_token": .string(nextPageToken),
    ]
  }
}

extension BulkImportResponse.RowResult: JSONRepresentable {
  public var json: JSONValue {
    [
      "row_number": .int(rowNumber), "ok": .bool(ok), "created": .bool(created),
      "listing_id": .string(listingId), "producer_id": .string(producerId),
      "field": .string(field), "reason": .string(reason),
    ]
  }
}

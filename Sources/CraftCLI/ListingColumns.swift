// The listing fields people set by name — the columns of an import CSV and the flags of
// `products add/update` — each with one parser, so both accept exactly the same text.

public import CatalogueAPI
public import CommonAPI
import Foundation

/// Editable listing fields by column name, and the CSV import format built on them.
///
/// ## CSV import format (`craftctl products import FILE.csv`)
/// RFC 4180 (see ``CSV``), UTF-8. The first record is a header naming columns from ``all`` in
/// any order, case-insensitive; `sku` is required, the rest optional; an unknown or repeated
/// column rejects the file. Each later record is one listing; an empty cell leaves the field
/// at its default. Rows are numbered by the line they start on (the header is line 1).
/// A row whose producer already has a listing with the same SKU updates that listing.
///
/// | column | example | notes |
/// |---|---|---|
/// | producer_id | `prd-ninh-so-001` | empty → the token's own producer |
/// | sku | `NS-BASKET-01` | required; unique per producer |
/// | status | `active` / `draft` | empty → active |
/// | title_vi, title_en | `Giỏ mây đan tay` | |
/// | description_vi, description_en | | may hold line breaks (quoted) |
/// | category | `rattan-bamboo` | short or proto name of CraftCategory |
/// | hs_code | `4602.12` | |
/// | materials | `rattan;bamboo` | `;`-separated |
/// | unit | `piece`, `set`, `pair`, `kilogram`, `metre` | |
/// | moq, monthly_capacity | `200` | whole numbers |
/// | currency | `USD` | of price_tiers and sample_price; empty → USD |
/// | price_tiers | `100:12.50;500:10.00` | MIN_QTY:UNIT_PRICE pairs |
/// | incoterm, incoterm_place | `fob`, `Hải Phòng` | |
/// | lead_time_days, sample_days | `45` | |
/// | sample_price | `25.00` | empty → no samples |
/// | units_per_carton, carton_cbm, carton_gross_weight_kg | `6`, `0.12`, `8.5` | |
/// | packing_vi, packing_en | `6 pcs nested per carton` | packing description |
/// | image_urls | `https://…/a.jpg;https://…/b.jpg` | `;`-separated |
/// | oem, odm | `yes` / `no` | also true/false, 1/0, x |
public enum ListingColumns {
  /// Every column name, in the documented order.
  public static let all: [String] = [
    "producer_id", "sku", "status", "title_vi", "title_en", "description_vi", "description_en",
    "category", "hs_code", "materials", "unit", "moq", "currency", "price_tiers", "incoterm",
    "incoterm_place", "lead_time_days", "monthly_capacity", "sample_price", "sample_days",
    "units_per_carton", "carton_cbm", "carton_gross_weight_kg", "packing_vi", "packing_en",
    "image_urls", "oem", "odm",
  ]

  /// Sets the named fields of `listing` from text. `currency` is read first whatever the
  /// order, since prices depend on it; without it prices are in "USD". Throws the first bad
  /// value, with the column as its field.
  public static func apply(_ values: [(column: String, value: String)], to listing: inout Listing)
    throws(InputError)
  {
    var currency = "USD"
    if let given = values.last(where: { $0.column == "currency" })?.value
      .trimmed(), !given.isEmpty
    {
      guard given.count == 3, given.allSatisfy({ $0.isASCII && $0.isLetter }) else {
        throw InputError("currency: \"\(given)\" is not an ISO 4217 code like USD or VND", field: "currency")
      }
      currency = given.uppercased()
    }
    for (column, raw) in values {
      let text = raw.trimmed(newlines: true)
      switch column {
      case "producer_id": listing.producerId = text
      case "sku": listing.sku = text
      case "status":
        let status = text.isEmpty ? .unspecified : try Listing.Status.parse(text, flag: column)
        guard status != .deleted else {
          throw InputError("status: use `products rm` to delete; here active or draft", field: column)
        }
        listing.status = status
      case "title_vi": listing.title = with(listing.title) { $0.vi = text }
      case "title_en": listing.title = with(listing.title) { $0.en = text }
      case "description_vi": listing.description = with(listing.description) { $0.vi = text }
      case "description_en": listing.description = with(listing.description) { $0.en = text }
      case "category":
        listing.category = text.isEmpty ? .unspecified : try CraftCategory.parse(text, flag: column)
      case "hs_code": listing.hsCode = text
      case "materials": listing.materials = ValueText.list(text).map { $0.lowercased() }
      case "unit": listing.unit = text.isEmpty ? .unspecified : try QuantityUnit.parse(text, flag: column)
      case "moq": listing.moq = text.isEmpty ? 0 : try ValueText.int64(text, field: column)
      case "currency":
        // Re-prices what is already there when only the currency changes (e.g. on update).
        listing.priceTiers = listing.priceTiers.map { tier in
          var tier = tier
          tier.unitPrice?.currencyCode = currency
          return tier
        }
        listing.samplePrice?.currencyCode = currency
      case "price_tiers":
        listing.priceTiers = try MoneyText.parseTiers(text, currency: currency, field: column)
      case "incoterm":
        listing.incoterm = text.isEmpty ? .unspecified : try Incoterm.parse(text, flag: column)
      case "incoterm_place": listing.incotermPlace = text
      case "lead_time_days":
        listing.leadTimeDays = text.isEmpty ? 0 : try ValueText.int32(text, field: column)
      case "monthly_capacity":
        listing.monthlyCapacity = text.isEmpty ? 0 : try ValueText.int64(text, field: column)
      case "sample_price":
        listing.samplePrice = text.isEmpty
          ? nil
          : Money(
            amountMinor: try MoneyText.parseMinor(text, currency: currency, field: column),
            currencyCode: currency)
      case "sample_days":
        listing.sampleDays = text.isEmpty ? 0 : try ValueText.int32(text, field: column)
      case "units_per_carton":
        let value = text.isEmpty ? 0 : try ValueText.int32(text, field: column)
        listing.packing = with(listing.packing) { $0.unitsPerCarton = value }
      case "carton_cbm":
        let value = text.isEmpty ? 0 : try ValueText.double(text, field: column)
        listing.packing = with(listing.packing) { $0.cartonCbm = value }
      case "carton_gross_weight_kg":
        let value = text.isEmpty ? 0 : try ValueText.double(text, field: column)
        listing.packing = with(listing.packing) { $0.cartonGrossWeightKg = value }
      case "packing_vi":
        listing.packing = with(listing.packing) { $0.description = with($0.description) { $0.vi = text } }
      case "packing_en":
        listing.packing = with(listing.packing) { $0.description = with($0.description) { $0.en = text } }
      case "image_urls": listing.imageUrls = ValueText.list(text)
      case "oem": listing.oem = try ValueText.bool(text, field: column)
      case "odm": listing.odm = try ValueText.bool(text, field: column)
      default:
        throw InputError(
          "unknown column \"\(column)\"; known: \(all.joined(separator: ", "))", field: column)
      }
    }
  }

  /// `value` (or a fresh message) changed by `change`.
  static func with<M: ProtoDefaultInit>(_ value: M?, _ change: (inout M) -> Void) -> M {
    var copy = value ?? M()
    change(&copy)
    return copy
  }
}

/// Messages with an all-defaults initialiser, for ``ListingColumns/with(_:_:)``.
protocol ProtoDefaultInit { init() }
extension LocalizedText: ProtoDefaultInit {}
extension Packing: ProtoDefaultInit {}

// Parsing what people type (enum names, money, tiers, names without tone marks) and formatting
// what the API returns, shared by flags and CSV cells.

public import CatalogueAPI
public import CommonAPI
import Foundation
public import ProtoWire

/// A value a person typed that cannot be used, with the reason in plain words.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong and what would be right.
  public var message: String
  /// The field or flag it concerns (e.g. "moq"), empty when none.
  public var field: String

  /// An error from its parts.
  public init(_ message: String, field: String = "") {
    self.message = message
    self.field = field
  }

  public var description: String { message }
}

// MARK: - Text

extension StringProtocol {
  /// The text without leading and trailing white space; line breaks count as white space only
  /// with `newlines` (like Foundation's `.whitespaces` and `.whitespacesAndNewlines`). Pure Swift:
  /// Foundation's `trimmingCharacters(in:)` goes through NSString on Linux and took 40% of a CSV
  /// import's client time.
  func trimmed(newlines: Bool = false) -> String {
    func blank(_ character: Character) -> Bool {
      character.isWhitespace && (newlines || !character.isNewline)
    }
    guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// The text without any of `characters` (thousands separators in numbers).
  func removing(_ characters: Set<Character>) -> String {
    String(filter { !characters.contains($0) })
  }

  /// The text with each character found in `replacements` replaced by its value.
  func replacing(_ replacements: [Character: Character]) -> String {
    String(map { replacements[$0] ?? $0 })
  }
}

// MARK: - Enums

/// Named proto enums that parse from and print as short, lower-case names.
///
/// People type `rattan-bamboo`, `RATTAN_BAMBOO` or `CRAFT_CATEGORY_RATTAN_BAMBOO` (or the
/// number); tables show `rattan-bamboo`; JSON keeps the full proto name.
public protocol NamedProtoEnum: ProtoEnum, CustomStringConvertible {
  /// The proto name prefix, e.g. "CRAFT_CATEGORY_".
  static var protoPrefix: String { get }
  /// The highest value this build names.
  static var maxKnownValue: Int32 { get }
}

extension NamedProtoEnum {
  /// The short name: the proto name without its prefix, lower-case, `-` for `_`
  /// (`CRAFT_CATEGORY_RATTAN_BAMBOO` → `rattan-bamboo`); "" for the unspecified value.
  public var shortName: String {
    guard rawValue != 0 else { return "" }
    var name = description
    if name.hasPrefix(Self.protoPrefix) { name.removeFirst(Self.protoPrefix.count) }
    return name.lowercased().replacing(["_": "-"])
  }

  /// Every named value except unspecified, by short name (for help and error messages).
  public static var knownShortNames: [String] {
    (1...maxKnownValue).map { Self(rawValue: $0).shortName }
  }

  /// Parses a short name, a proto name or a number; `flag` names the input in errors.
  public static func parse(_ text: String, flag: String) throws(InputError) -> Self {
    let wanted = text.trimmed().uppercased().replacing(["-": "_", " ": "_"])
    if let number = Int32(wanted), (1...maxKnownValue).contains(number) {
      return Self(rawValue: number)
    }
    for raw in 1...maxKnownValue {
      let value = Self(rawValue: raw)
      if value.description == wanted || value.description == protoPrefix + wanted { return value }
    }
    throw InputError(
      "\(flag): unknown value \"\(text)\"; one of: \(knownShortNames.joined(separator: ", "))",
      field: flag)
  }
}

extension CraftCategory: NamedProtoEnum {
  public static var protoPrefix: String { "CRAFT_CATEGORY_" }
  public static var maxKnownValue: Int32 { 17 }
}
extension CertificationType: NamedProtoEnum {
  public static var protoPrefix: String { "CERTIFICATION_TYPE_" }
  public static var maxKnownValue: Int32 { 11 }
}
extension Incoterm: NamedProtoEnum {
  public static var protoPrefix: String { "INCOTERM_" }
  public static var maxKnownValue: Int32 { 11 }
}
extension QuantityUnit: NamedProtoEnum {
  public static var protoPrefix: String { "QUANTITY_UNIT_" }
  public static var maxKnownValue: Int32 { 5 }
}
extension Producer.Kind: NamedProtoEnum {
  public static var protoPrefix: String { "KIND_" }
  public static var maxKnownValue: Int32 { 3 }
}
extension Listing.Status: NamedProtoEnum {
  public static var protoPrefix: String { "STATUS_" }
  public static var maxKnownValue: Int32 { 3 }
}

// MARK: - Money

/// Money as people write it ("12.50 USD") and as the API carries it (integer minor units).
public enum MoneyText {
  /// Digits after the decimal point in `currency` (ISO 4217): 0 for VND, JPY, KRW and
  /// others without minor units, 3 for the dinar currencies, 2 otherwise.
  public static func minorDigits(_ currency: String) -> Int {
    switch currency.uppercased() {
    case "VND", "JPY", "KRW", "CLP", "ISK", "UGX", "PYG", "XAF", "XOF", "KMF", "GNF", "RWF", "VUV":
      return 0
    case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": return 3
    default: return 2
    }
  }

  /// A decimal amount ("12.5", "35000") in minor units of `currency`, exactly (no floating
  /// point); more decimals than the currency has is an error, not a rounding.
  public static func parseMinor(_ text: String, currency: String, field: String) throws(InputError)
    -> Int64
  {
    let digits = minorDigits(currency)
    let trimmed = text.trimmed().removing([","])
    let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    let invalid = InputError(
      "\(field): \"\(text)\" is not an amount of \(currency.uppercased()) (e.g. \(digits == 0 ? "35000" : "12.50"))",
      field: field)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
      let whole = Int64(parts[0]), whole >= 0
    else { throw invalid }
    var fraction = parts.count == 2 ? String(parts[1]) : ""
    guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw invalid }
    guard fraction.count <= digits else {
      throw InputError(
        "\(field): \(currency.uppercased()) has \(digits) decimal\(digits == 1 ? "" : "s"); \"\(text)\" has more",
        field: field)
    }
    fraction += String(repeating: "0", count: digits - fraction.count)
    var scale: Int64 = 1
    for _ in 0..<digits { scale *= 10 }
    let (product, overflow) = whole.multipliedReportingOverflow(by: scale)
    guard !overflow else { throw invalid }
    return product + (Int64(fraction) ?? 0)
  }

  /// Money as people write it, "8.50 USD" or "USD 8.50".
  public static func parse(_ text: String, field: String) throws(InputError) -> Money {
    let parts = text.split(separator: " ").map(String.init)
    guard parts.count == 2 else {
      throw InputError("\(field): write an amount and a currency, e.g. \"8.50 USD\"", field: field)
    }
    let (amount, currency) = parts[0].first?.isLetter == true ? (parts[1], parts[0]) : (parts[0], parts[1])
    return Money(
      amountMinor: try parseMinor(amount, currency: currency, field: field),
      currencyCode: currency.uppercased())
  }

  /// "12.50 USD", "35,000 VND".
  public static func format(_ money: Money) -> String {
    let digits = minorDigits(money.currencyCode)
    var scale: Int64 = 1
    for _ in 0..<digits { scale *= 10 }
    let amount = money.amountMinor.magnitude
    let whole = groupThousands(String(amount / UInt64(scale)))
    var text = money.amountMinor < 0 ? "-" + whole : whole
    if digits > 0 {
      let fraction = String(amount % UInt64(scale))
      text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    return money.currencyCode.isEmpty ? text : text + " " + money.currencyCode
  }

  private static func groupThousands(_ digits: String) -> String {
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
      out.append(character)
    }
    return out
  }

  /// Price tiers written as "MIN_QTY:PRICE" pairs separated by ";" or "," — "100:12.50;500:10"
  /// — all in `currency`.
  public static func parseTiers(_ text: String, currency: String, field: String) throws(InputError)
    -> [PriceTier]
  {
    var tiers: [PriceTier] = []
    for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
      let pair = part.split(separator: ":", omittingEmptySubsequences: false)
      guard pair.count == 2,
        let quantity = Int64(pair[0].trimmed()), quantity >= 0
      else {
        throw InputError(
          "\(field): \"\(part)\" is not MIN_QTY:PRICE (e.g. \"100:12.50;500:10.00\")", field: field)
      }
      let minor = try parseMinor(String(pair[1]), currency: currency, field: field)
      tiers.append(
        PriceTier(minQuantity: quantity, unitPrice: Money(amountMinor: minor, currencyCode: currency)))
    }
    return tiers
  }
}

// MARK: - Numbers and flags

/// Parses the small value types of CSV cells and flags.
public enum ValueText {
  /// A whole number ≥ 0; thousands separators "," and "_" allowed.
  public static func int64(_ text: String, field: String) throws(InputError) -> Int64 {
    let cleaned = text.trimmed().removing([",", "_"])
    guard let value = Int64(cleaned), value >= 0 else {
      throw InputError("\(field): \"\(text)\" is not a whole number ≥ 0", field: field)
    }
    return value
  }

  /// A whole number ≥ 0 that fits 32 bits.
  public static func int32(_ text: String, field: String) throws(InputError) -> Int32 {
    let value = try int64(text, field: field)
    guard let narrow = Int32(exactly: value) else {
      throw InputError("\(field): \(value) is too large", field: field)
    }
    return narrow
  }

  /// A decimal number ≥ 0.
  public static func double(_ text: String, field: String) throws(InputError) -> Double {
    guard let value = Double(text.trimmed()), value >= 0, value.isFinite
    else { throw InputError("\(field): \"\(text)\" is not a number ≥ 0", field: field) }
    return value
  }

  /// true/false, yes/no, y/n, 1/0, x (ticked) — what spreadsheets produce.
  public static func bool(_ text: String, field: String) throws(InputError) -> Bool {
    switch text.trimmed().lowercased() {
    case "true", "yes", "y", "1", "x", "có", "co": return true
    case "false", "no", "n", "0", "", "không", "khong": return false
    default: throw InputError("\(field): \"\(text)\" is not true or false", field: field)
    }
  }

  /// A list cell: values separated by ";" (or "|"), trimmed, empty ones dropped.
  public static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == ";" || $0 == "|" })
      .map { $0.trimmed() }.filter { !$0.isEmpty }
  }
}

// MARK: - Vietnamese folding

/// Text compared without tone marks, case or punctuation: "Ninh Sở", "ninh so" and "ninh-so"
/// all fold to "ninh so". `đ`/`Đ` is a letter of its own, not a mark, so it is mapped to "d"
/// explicitly, as the server's search folding does.
public func foldForMatching(_ text: String) -> String {
  let decomposed = text.replacing(["đ": "d", "Đ": "D"]).decomposedStringWithCanonicalMapping
  var out = ""
  var pendingSpace = false
  for scalar in decomposed.unicodeScalars {
    if scalar.properties.generalCategory == .nonspacingMark { continue }
    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      if pendingSpace && !out.isEmpty { out += " " }
      pendingSpace = false
      out += String(scalar).lowercased()
    } else {
      pendingSpace = true
    }
  }
  return out
}

// Buyer messages of craft/matching/v1/matching.proto (package craft.matching.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// What kind of business a buyer is.
public struct BuyerType: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A buyer type from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `BUYER_TYPE_UNSPECIFIED`: not given.
  public static let unspecified = BuyerType(rawValue: 0)
  /// `BUYER_TYPE_IMPORTER`: imports and distributes.
  public static let importer = BuyerType(rawValue: 1)
  /// `BUYER_TYPE_WHOLESALER`.
  public static let wholesaler = BuyerType(rawValue: 2)
  /// `BUYER_TYPE_RETAILER`: shops, chains, online stores.
  public static let retailer = BuyerType(rawValue: 3)
  /// `BUYER_TYPE_BRAND`: own-brand goods, often OEM/ODM.
  public static let brand = BuyerType(rawValue: 4)
  /// `BUYER_TYPE_AGENT`: sourcing agent buying for others.
  public static let agent = BuyerType(rawValue: 5)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "BUYER_TYPE_UNSPECIFIED"
    case 1: "BUYER_TYPE_IMPORTER"
    case 2: "BUYER_TYPE_WHOLESALER"
    case 3: "BUYER_TYPE_RETAILER"
    case 4: "BUYER_TYPE_BRAND"
    case 5: "BUYER_TYPE_AGENT"
    default: "\(rawValue)"
    }
  }
}

/// An inclusive quantity range in one unit; a bound of 0 means "no bound".
public struct QuantityRange: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.QuantityRange"

  /// The lower bound; 0 = none.
  public var minQuantity: Int64 = 0
  /// The upper bound; 0 = none.
  public var maxQuantity: Int64 = 0
  /// The unit both bounds are counted in.
  public var unit: QuantityUnit = .unspecified
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A range with no bounds.
  public init() {}

  /// A range from `minQuantity` to `maxQuantity` in `unit`.
  public init(minQuantity: Int64, maxQuantity: Int64, unit: QuantityUnit) {
    self.minQuantity = minQuantity
    self.maxQuantity = maxQuantity
    self.unit = unit
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): minQuantity = try reader.readInt64()
      case (2, .varint): maxQuantity = try reader.readInt64()
      case (3, .varint): unit = try reader.readEnum(QuantityUnit.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, unit, as: QuantityUnit.self)
    writer.write(2, maxQuantity, as: ProtoInt64.self)
    writer.write(1, minQuantity, as: ProtoInt64.self)
  }
}

/// A buyer's standing profile: what it buys, on which terms.
public struct Buyer: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.Buyer"

  /// Server-assigned id.
  public var id: String = ""
  /// The company's name.
  public var companyName: String = ""
  /// ISO 3166-1 alpha-2, upper case ("US", "JP").
  public var countryCode: String = ""
  /// Importer, wholesaler, retailer, brand or agent.
  public var buyerType: BuyerType = .unspecified
  /// Craft categories sought.
  public var categories: [CraftCategory] = []
  /// HS codes or prefixes sought ("4602", "4602.12").
  public var hsCodePrefixes: [String] = []
  /// Materials sought, free text in any language ("rattan", "cói").
  public var materials: [String] = []
  /// Typical quantity per order.
  public var typicalOrderQuantity: QuantityRange?
  /// Target price per unit, in the buyer's currency.
  public var targetUnitPrice: MoneyRange?
  /// Certifications every supplier must hold.
  public var requiredCertifications: [CertificationType] = []
  /// Incoterms the buyer prefers.
  public var preferredIncoterms: [Incoterm] = []
  /// Named ports or places ("Hải Phòng", "Rotterdam").
  public var preferredPorts: [String] = []
  /// BCP 47 tags of the languages the buyer works in ("en", "ja", "vi").
  public var languages: [String] = []
  /// What the buyer sells and to whom; used for text relevance.
  public var about: LocalizedText?
  /// How to reach the buyer; revealed only to the buyer itself, admins, and producers with an
  /// accepted introduction.
  public var contact: Contact?
  /// When the profile was created.
  public var createdAt: ProtoTimestamp?
  /// When the profile was last changed.
  public var updatedAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A profile with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): companyName = try reader.readString()
      case (3, .lengthDelimited): countryCode = try reader.readString()
      case (4, .varint): buyerType = try reader.readEnum(BuyerType.self)
      case (5, .varint), (5, .lengthDelimited):
        try reader.readRepeated(tag, into: &categories, as: CraftCategory.self)
      case (6, .lengthDelimited):
        try reader.readRepeated(tag, into: &hsCodePrefixes, as: ProtoString.self)
      case (7, .lengthDelimited): try reader.readRepeated(tag, into: &materials, as: ProtoString.self)
      case (8, .lengthDelimited): try reader.readMessage(into: &typicalOrderQuantity)
      case (9, .lengthDelimited): try reader.readMessage(into: &targetUnitPrice)
      case (10, .varint), (10, .lengthDelimited):
        try reader.readRepeated(tag, into: &requiredCertifications, as: CertificationType.self)
      case (11, .varint), (11, .lengthDelimited):
        try reader.readRepeated(tag, into: &preferredIncoterms, as: Incoterm.self)
      case (12, .lengthDelimited):
        try reader.readRepeated(tag, into: &preferredPorts, as: ProtoString.self)
      case (13, .lengthDelimited): try reader.readRepeated(tag, into: &languages, as: ProtoString.self)
      case (14, .lengthDelimited): try reader.readMessage(into: &about)
      case (15, .lengthDelimited): try reader.readMessage(into: &contact)
      case (16, .lengthDelimited): try reader.readMessage(into: &createdAt)
      case (17, .lengthDelimited): try reader.readMessage(into: &updatedAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(17, updatedAt)
    writer.writeMessage(16, createdAt)
    writer.writeMessage(15, contact)
    writer.writeMessage(14, about)
    writer.writeRepeated(13, languages, as: ProtoString.self)
    writer.writeRepeated(12, preferredPorts, as: ProtoString.self)
    writer.writeRepeated(11, preferredIncoterms, as: Incoterm.self)
    writer.writeRepeated(10, requiredCertifications, as: CertificationType.self)
    writer.writeMessage(9, targetUnitPrice)
    writer.writeMessage(8, typicalOrderQuantity)
    writer.writeRepeated(7, materials, as: ProtoString.self)
    writer.writeRepeated(6, hsCodePrefixes, as: ProtoString.self)
    writer.writeRepeated(5, categories, as: CraftCategory.self)
    writer.write(4, buyerType, as: BuyerType.self)
    writer.write(3, countryCode, as: ProtoString.self)
    writer.write(2, companyName, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// The request of `CreateBuyer`.
public struct CreateBuyerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.CreateBuyerRequest"

  /// The profile; id, createdAt and updatedAt are set by the server.
  public var buyer: Buyer?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request to create `buyer`.
  public init(buyer: Buyer) {
    self.buyer = buyer
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &buyer)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(1, buyer)
  }
}

/// The request of `UpdateBuyer`.
public struct UpdateBuyerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.UpdateBuyerRequest"

  /// The new profile: `buyer.id` names the buyer, every other editable field is replaced (so
  /// send the whole profile); createdAt and updatedAt are ignored.
  public var buyer: Buyer?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request to replace the profile `buyer.id` with `buyer`.
  public init(buyer: Buyer) {
    self.buyer = buyer
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &buyer)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(1, buyer)
  }
}

/// The request of `GetBuyer`.
public struct GetBuyerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.GetBuyerRequest"

  /// The buyer asked for.
  public var buyerId: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for the buyer `buyerId`.
  public init(buyerId: String) {
    self.buyerId = buyerId
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// The request of `ListBuyers`. Empty filters match everything.
public struct ListBuyersRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListBuyersRequest"

  /// Only buyers in this country (ISO 3166-1 alpha-2).
  public var countryCode: String = ""
  /// Only buyers of this type.
  public var buyerType: BuyerType = .unspecified
  /// Only buyers seeking this category.
  public var category: CraftCategory = .unspecified
  /// Page size; 0 → the server's default.
  public var pageSize: Int32 = 0
  /// The previous response's `nextPageToken`; empty → the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (all buyers, first page).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): countryCode = try reader.readString()
      case (2, .varint): buyerType = try reader.readEnum(BuyerType.self)
      case (3, .varint): category = try reader.readEnum(CraftCategory.self)
      case (4, .varint): pageSize = try reader.readInt32()
      case (5, .lengthDelimited): pageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(5, pageToken, as: ProtoString.self)
    writer.write(4, pageSize, as: ProtoInt32.self)
    writer.write(3, category, as: CraftCategory.self)
    writer.write(2, buyerType, as: BuyerType.self)
    writer.write(1, countryCode, as: ProtoString.self)
  }
}

/// The answer of `ListBuyers`.
public struct ListBuyersResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListBuyersResponse"

  /// One page of buyers.
  public var buyers: [Buyer] = []
  /// The token for the next page; empty → no more pages.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty page.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &buyers)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, buyers)
  }
}

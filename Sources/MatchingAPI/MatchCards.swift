// The cards a match shows (producer, listing, buyer, RFQ) and the candidate pairs, from
// craft/matching/v1/matching.proto (package craft.matching.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// A producer as a match shows it (from the matching service's read model of the catalogue).
public struct ProducerCard: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ProducerCard"

  /// The catalogue's producer id.
  public var producerId: String = ""
  /// The producer's name in Vietnamese and English, as in the catalogue.
  public var name: LocalizedText?
  /// The catalogue's village id.
  public var villageId: String = ""
  /// The village's name (vi "Ninh Sở", en "Ninh So").
  public var villageName: LocalizedText?
  /// The district's name ("Thường Tín").
  public var district: String = ""
  /// Share of introductions answered within 24 h, in [0, 1].
  public var replyWithin24hRate: Double = 0
  /// Median response time of answered introductions; 0 = no data.
  public var medianResponseSeconds: Int64 = 0
  /// Countries already served, ISO 3166-1 alpha-2.
  public var exportMarkets: [String] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A card with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): producerId = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &name)
      case (3, .lengthDelimited): villageId = try reader.readString()
      case (4, .lengthDelimited): try reader.readMessage(into: &villageName)
      case (5, .lengthDelimited): district = try reader.readString()
      case (6, .fixed64): replyWithin24hRate = try reader.readDouble()
      case (7, .varint): medianResponseSeconds = try reader.readInt64()
      case (8, .lengthDelimited): try reader.readRepeated(tag, into: &exportMarkets, as: ProtoString.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(8, exportMarkets, as: ProtoString.self)
    writer.write(7, medianResponseSeconds, as: ProtoInt64.self)
    writer.write(6, replyWithin24hRate, as: ProtoDouble.self)
    writer.write(5, district, as: ProtoString.self)
    writer.writeMessage(4, villageName)
    writer.write(3, villageId, as: ProtoString.self)
    writer.writeMessage(2, name)
    writer.write(1, producerId, as: ProtoString.self)
  }
}

/// A listing as a match shows it (from the matching service's read model of the catalogue).
public struct ListingCard: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListingCard"

  /// The catalogue's listing id.
  public var listingId: String = ""
  /// The listing's title in Vietnamese and English.
  public var title: LocalizedText?
  /// Its craft category.
  public var category: CraftCategory = .unspecified
  /// Its HS code.
  public var hsCode: String = ""
  /// Its materials.
  public var materials: [String] = []
  /// Minimum order quantity, in `unit`.
  public var moq: Int64 = 0
  /// The unit the listing's quantities are counted in.
  public var unit: QuantityUnit = .unspecified
  /// Unit price of the tier that applies to the RFQ's quantity (matches for an RFQ), else the
  /// lowest tier's price.
  public var unitPrice: Money?
  /// The incoterm the listing is offered on.
  public var incoterm: Incoterm = .unspecified
  /// The incoterm's named port or place.
  public var port: String = ""
  /// Production lead time in days.
  public var leadTimeDays: Int32 = 0
  /// Monthly capacity, in `unit`.
  public var monthlyCapacity: Int64 = 0
  /// Certifications valid at the RFQ's deadline (or today).
  public var certifications: [CertificationType] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A card with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): listingId = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &title)
      case (3, .varint): category = try reader.readEnum(CraftCategory.self)
      case (4, .lengthDelimited): hsCode = try reader.readString()
      case (5, .lengthDelimited): try reader.readRepeated(tag, into: &materials, as: ProtoString.self)
      case (6, .varint): moq = try reader.readInt64()
      case (7, .varint): unit = try reader.readEnum(QuantityUnit.self)
      case (8, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      case (9, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (10, .lengthDelimited): port = try reader.readString()
      case (11, .varint): leadTimeDays = try reader.readInt32()
      case (12, .varint): monthlyCapacity = try reader.readInt64()
      case (13, .varint), (13, .lengthDelimited):
        try reader.readRepeated(tag, into: &certifications, as: CertificationType.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(13, certifications, as: CertificationType.self)
    writer.write(12, monthlyCapacity, as: ProtoInt64.self)
    writer.write(11, leadTimeDays, as: ProtoInt32.self)
    writer.write(10, port, as: ProtoString.self)
    writer.write(9, incoterm, as: Incoterm.self)
    writer.writeMessage(8, unitPrice)
    writer.write(7, unit, as: QuantityUnit.self)
    writer.write(6, moq, as: ProtoInt64.self)
    writer.writeRepeated(5, materials, as: ProtoString.self)
    writer.write(4, hsCode, as: ProtoString.self)
    writer.write(3, category, as: CraftCategory.self)
    writer.writeMessage(2, title)
    writer.write(1, listingId, as: ProtoString.self)
  }
}

/// A buyer as a match shows it to a producer (no contact details).
public struct BuyerCard: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.BuyerCard"

  /// The buyer's id.
  public var buyerId: String = ""
  /// The company's name.
  public var companyName: String = ""
  /// ISO 3166-1 alpha-2.
  public var countryCode: String = ""
  /// Importer, wholesaler, retailer, brand or agent.
  public var buyerType: BuyerType = .unspecified
  /// Typical quantity per order.
  public var typicalOrderQuantity: QuantityRange?
  /// Categories the buyer seeks.
  public var categories: [CraftCategory] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A card with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .lengthDelimited): companyName = try reader.readString()
      case (3, .lengthDelimited): countryCode = try reader.readString()
      case (4, .varint): buyerType = try reader.readEnum(BuyerType.self)
      case (5, .lengthDelimited): try reader.readMessage(into: &typicalOrderQuantity)
      case (6, .varint), (6, .lengthDelimited):
        try reader.readRepeated(tag, into: &categories, as: CraftCategory.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(6, categories, as: CraftCategory.self)
    writer.writeMessage(5, typicalOrderQuantity)
    writer.write(4, buyerType, as: BuyerType.self)
    writer.write(3, countryCode, as: ProtoString.self)
    writer.write(2, companyName, as: ProtoString.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// An RFQ as a match shows it to a producer.
public struct RfqCard: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.RfqCard"

  /// The RFQ's id.
  public var rfqId: String = ""
  /// Its short title.
  public var title: String = ""
  /// The craft category asked for.
  public var category: CraftCategory = .unspecified
  /// The HS code or prefix asked for.
  public var hsCode: String = ""
  /// Total quantity needed, in `quantityUnit`.
  public var quantity: Int64 = 0
  /// The unit `quantity` is counted in.
  public var quantityUnit: QuantityUnit = .unspecified
  /// Target price per unit; nil = no target.
  public var targetUnitPrice: Money?
  /// Goods ready to ship on or before this day.
  public var deadline: CalendarDate?
  /// The incoterm asked for.
  public var incoterm: Incoterm = .unspecified
  /// Its named port or place.
  public var port: String = ""
  /// When the RFQ stops receiving proposals.
  public var expiresAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A card with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): rfqId = try reader.readString()
      case (2, .lengthDelimited): title = try reader.readString()
      case (3, .varint): category = try reader.readEnum(CraftCategory.self)
      case (4, .lengthDelimited): hsCode = try reader.readString()
      case (5, .varint): quantity = try reader.readInt64()
      case (6, .varint): quantityUnit = try reader.readEnum(QuantityUnit.self)
      case (7, .lengthDelimited): try reader.readMessage(into: &targetUnitPrice)
      case (8, .lengthDelimited): try reader.readMessage(into: &deadline)
      case (9, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (10, .lengthDelimited): port = try reader.readString()
      case (11, .lengthDelimited): try reader.readMessage(into: &expiresAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(11, expiresAt)
    writer.write(10, port, as: ProtoString.self)
    writer.write(9, incoterm, as: Incoterm.self)
    writer.writeMessage(8, deadline)
    writer.writeMessage(7, targetUnitPrice)
    writer.write(6, quantityUnit, as: QuantityUnit.self)
    writer.write(5, quantity, as: ProtoInt64.self)
    writer.write(4, hsCode, as: ProtoString.self)
    writer.write(3, category, as: CraftCategory.self)
    writer.write(2, title, as: ProtoString.self)
    writer.write(1, rfqId, as: ProtoString.self)
  }
}

/// A proposed producer and its best-fitting listing.
public struct ProducerCandidate: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ProducerCandidate"

  /// The producer.
  public var producer: ProducerCard?
  /// Its best-fitting listing.
  public var listing: ListingCard?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A candidate with every field at its default.
  public init() {}

  /// A candidate for `producer` offering `listing`.
  public init(producer: ProducerCard, listing: ListingCard) {
    self.producer = producer
    self.listing = listing
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &producer)
      case (2, .lengthDelimited): try reader.readMessage(into: &listing)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(2, listing)
    writer.writeMessage(1, producer)
  }
}

/// A proposed buyer, and the open RFQ that fits when the match is for an RFQ (nil when the match
/// is for the buyer's standing profile).
public struct BuyerCandidate: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.BuyerCandidate"

  /// The buyer.
  public var buyer: BuyerCard?
  /// The buyer's fitting open RFQ, if the match is for one.
  public var rfq: RfqCard?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A candidate with every field at its default.
  public init() {}

  /// A candidate for `buyer`, about `rfq` when given.
  public init(buyer: BuyerCard, rfq: RfqCard? = nil) {
    self.buyer = buyer
    self.rfq = rfq
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &buyer)
      case (2, .lengthDelimited): try reader.readMessage(into: &rfq)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(2, rfq)
    writer.writeMessage(1, buyer)
  }
}

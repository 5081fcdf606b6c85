// Listings of craft/catalogue/v1/catalogue.proto (package craft.catalogue.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// The unit price from a quantity on. For a quantity q the tier that applies is the one of the
/// wanted currency with the greatest `minQuantity` ≤ q.
public struct PriceTier: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.PriceTier"

  /// The smallest quantity this price applies to, in the listing's unit.
  public var minQuantity: Int64 = 0
  /// The price of one unit from `minQuantity` on.
  public var unitPrice: Money?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A tier with every field at its default.
  public init() {}

  /// A tier of `unitPrice` from `minQuantity` on.
  public init(minQuantity: Int64, unitPrice: Money) {
    self.minQuantity = minQuantity
    self.unitPrice = unitPrice
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): minQuantity = try reader.readInt64()
      case (2, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(2, unitPrice)
    writer.write(1, minQuantity, as: ProtoInt64.self)
  }
}

/// How goods are packed for export.
public struct Packing: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Packing"

  /// Units in one export carton.
  public var unitsPerCarton: Int32 = 0
  /// Volume of one carton, cubic metres.
  public var cartonCbm: Double = 0
  /// Gross weight of one carton, kilograms.
  public var cartonGrossWeightKg: Double = 0
  /// Free text, e.g. "6 pcs nested per carton, polybag each".
  public var description: LocalizedText?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// Packing with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): unitsPerCarton = try reader.readInt32()
      case (2, .fixed64): cartonCbm = try reader.readDouble()
      case (3, .fixed64): cartonGrossWeightKg = try reader.readDouble()
      case (4, .lengthDelimited): try reader.readMessage(into: &description)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(4, description)
    writer.write(3, cartonGrossWeightKg, as: ProtoDouble.self)
    writer.write(2, cartonCbm, as: ProtoDouble.self)
    writer.write(1, unitsPerCarton, as: ProtoInt32.self)
  }
}

/// A product a producer offers, with the trade terms buyers compare.
public struct Listing: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Listing"

  /// Whether a listing is offered.
  public struct Status: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A status from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `STATUS_UNSPECIFIED`: on create, taken as `active`.
    public static let unspecified = Status(rawValue: 0)
    /// `STATUS_ACTIVE`: visible and searchable.
    public static let active = Status(rawValue: 1)
    /// `STATUS_DRAFT`: visible only to its producer and admins.
    public static let draft = Status(rawValue: 2)
    /// `STATUS_DELETED`: soft-deleted; set only by DeleteListing.
    public static let deleted = Status(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "STATUS_UNSPECIFIED"
      case 1: "STATUS_ACTIVE"
      case 2: "STATUS_DRAFT"
      case 3: "STATUS_DELETED"
      default: "\(rawValue)"
      }
    }
  }

  /// Output only.
  public var id: String = ""
  /// The producer offering it; on create by a producer-role caller, empty means its own.
  public var producerId: String = ""
  /// Output only: the producer's village.
  public var villageId: String = ""
  /// The producer's own code; unique per producer.
  public var sku: String = ""
  /// Short product name.
  public var title: LocalizedText?
  /// Longer product text.
  public var description: LocalizedText?
  /// Craft category.
  public var category: CraftCategory = .unspecified
  /// Harmonized System code, at least 4 digits, stored with a dot after the 4-digit heading
  /// ("4602.12"); "460212" is accepted and normalised.
  public var hsCode: String = ""
  /// Lower-case English or Vietnamese words, e.g. "rattan", "bamboo".
  public var materials: [String] = []
  /// Unit of `moq`, tiers and capacity.
  public var unit: QuantityUnit = .unspecified
  /// Minimum order quantity per order.
  public var moq: Int64 = 0
  /// Ascending `minQuantity`; one list per currency.
  public var priceTiers: [PriceTier] = []
  /// Delivery terms.
  public var incoterm: Incoterm = .unspecified
  /// Named port or place of the incoterm, e.g. "Hải Phòng".
  public var incotermPlace: String = ""
  /// Production lead time for an MOQ order, in days.
  public var leadTimeDays: Int32 = 0
  /// Units per month.
  public var monthlyCapacity: Int64 = 0
  /// Price of a sample; `nil` means no samples.
  public var samplePrice: Money?
  /// Days to make and send samples.
  public var sampleDays: Int32 = 0
  /// Export packing.
  public var packing: Packing?
  /// Image addresses.
  public var imageUrls: [String] = []
  /// Makes to the buyer's design.
  public var oem: Bool = false
  /// Adapts its own designs for the buyer.
  public var odm: Bool = false
  /// `active` or `draft` on create and update.
  public var status: Status = .unspecified
  /// Output only: 1 on create, +1 on each change.
  public var version: Int64 = 0
  /// Output only.
  public var createdAt: ProtoTimestamp?
  /// Output only.
  public var updatedAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A listing with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): producerId = try reader.readString()
      case (3, .lengthDelimited): villageId = try reader.readString()
      case (4, .lengthDelimited): sku = try reader.readString()
      case (5, .lengthDelimited): try reader.readMessage(into: &title)
      case (6, .lengthDelimited): try reader.readMessage(into: &description)
      case (7, .varint): category = try reader.readEnum()
      case (8, .lengthDelimited): hsCode = try reader.readString()
      case (9, .lengthDelimited):
        try reader.readRepeated(tag, into: &materials, as: ProtoString.self)
      case (10, .varint): unit = try reader.readEnum()
      case (11, .varint): moq = try reader.readInt64()
      case (12, .lengthDelimited): try reader.appendMessage(to: &priceTiers)
      case (13, .varint): incoterm = try reader.readEnum()
      case (14, .lengthDelimited): incotermPlace = try reader.readString()
      case (15, .varint): leadTimeDays = try reader.readInt32()
      case (16, .varint): monthlyCapacity = try reader.readInt64()
      case (17, .lengthDelimited): try reader.readMessage(into: &samplePrice)
      case (18, .varint): sampleDays = try reader.readInt32()
      case (19, .lengthDelimited): try reader.readMessage(into: &packing)
      case (20, .lengthDelimited):
        try reader.readRepeated(tag, into: &imageUrls, as: ProtoString.self)
      case (21, .varint): oem = try reader.readBool()
      case (22, .varint): odm = try reader.readBool()
      case (23, .varint): status = try reader.readEnum()
      case (24, .varint): version = try reader.readInt64()
      case (25, .lengthDelimited): try reader.readMessage(into: &createdAt)
      case (26, .lengthDelimited): try reader.readMessage(into: &updatedAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(26, updatedAt)
    writer.writeMessage(25, createdAt)
    writer.write(24, version, as: ProtoInt64.self)
    writer.write(23, status, as: Status.self)
    writer.write(22, odm, as: ProtoBool.self)
    writer.write(21, oem, as: ProtoBool.self)
    writer.writeRepeated(20, imageUrls, as: ProtoString.self)
    writer.writeMessage(19, packing)
    writer.write(18, sampleDays, as: ProtoInt32.self)
    writer.writeMessage(17, samplePrice)
    writer.write(16, monthlyCapacity, as: ProtoInt64.self)
    writer.write(15, leadTimeDays, as: ProtoInt32.self)
    writer.write(14, incotermPlace, as: ProtoString.self)
    writer.write(13, incoterm, as: Incoterm.self)
    writer.writeRepeatedMessages(12, priceTiers)
    writer.write(11, moq, as: ProtoInt64.self)
    writer.write(10, unit, as: QuantityUnit.self)
    writer.writeRepeated(9, materials, as: ProtoString.self)
    writer.write(8, hsCode, as: ProtoString.self)
    writer.write(7, category, as: CraftCategory.self)
    writer.writeMessage(6, description)
    writer.writeMessage(5, title)
    writer.write(4, sku, as: ProtoString.self)
    writer.write(3, villageId, as: ProtoString.self)
    writer.write(2, producerId, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

// The tables of a partner-matching report (countries, demand, unmet demand, capacity gaps) from
// craft/matching/v1/matching.proto (package craft.matching.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// Matches and outcomes by buyer country, most matches first.
public struct CountryTable: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.CountryTable"

  /// One country.
  public struct Row: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.matching.v1.CountryTable.Row"

    /// ISO 3166-1 alpha-2.
    public var countryCode: String = ""
    /// The country's name in the report's language.
    public var countryName: String = ""
    /// Buyers involved.
    public var buyers: Int64 = 0
    /// Matches proposed.
    public var matchesProposed: Int64 = 0
    /// Introductions requested.
    public var introductionsRequested: Int64 = 0
    /// Introductions accepted.
    public var introductionsAccepted: Int64 = 0
    /// Orders.
    public var orders: Int64 = 0
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A row with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): countryCode = try reader.readString()
        case (2, .lengthDelimited): countryName = try reader.readString()
        case (3, .varint): buyers = try reader.readInt64()
        case (4, .varint): matchesProposed = try reader.readInt64()
        case (5, .varint): introductionsRequested = try reader.readInt64()
        case (6, .varint): introductionsAccepted = try reader.readInt64()
        case (7, .varint): orders = try reader.readInt64()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(7, orders, as: ProtoInt64.self)
      writer.write(6, introductionsAccepted, as: ProtoInt64.self)
      writer.write(5, introductionsRequested, as: ProtoInt64.self)
      writer.write(4, matchesProposed, as: ProtoInt64.self)
      writer.write(3, buyers, as: ProtoInt64.self)
      writer.write(2, countryName, as: ProtoString.self)
      writer.write(1, countryCode, as: ProtoString.self)
    }
  }

  /// The rows, most matches first.
  public var rows: [Row] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty table.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &rows)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, rows)
  }
}

/// Demand by craft category and HS code, most RFQs first.
public struct DemandTable: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.DemandTable"

  /// One category (and HS code, when RFQs named one).
  public struct Row: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.matching.v1.DemandTable.Row"

    /// The category.
    public var category: CraftCategory = .unspecified
    /// The HS code; empty for RFQs of the category without one.
    public var hsCode: String = ""
    /// Category (and HS) name in the report's language.
    public var label: String = ""
    /// RFQs posted.
    public var rfqs: Int64 = 0
    /// Buyer profiles seeking it.
    public var buyersSeeking: Int64 = 0
    /// Total quantity asked, in `unit`.
    public var quantity: Int64 = 0
    /// The unit `quantity` is counted in.
    public var unit: QuantityUnit = .unspecified
    /// Matches proposed.
    public var matchesProposed: Int64 = 0
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A row with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): category = try reader.readEnum(CraftCategory.self)
        case (2, .lengthDelimited): hsCode = try reader.readString()
        case (3, .lengthDelimited): label = try reader.readString()
        case (4, .varint): rfqs = try reader.readInt64()
        case (5, .varint): buyersSeeking = try reader.readInt64()
        case (6, .varint): quantity = try reader.readInt64()
        case (7, .varint): unit = try reader.readEnum(QuantityUnit.self)
        case (8, .varint): matchesProposed = try reader.readInt64()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(8, matchesProposed, as: ProtoInt64.self)
      writer.write(7, unit, as: QuantityUnit.self)
      writer.write(6, quantity, as: ProtoInt64.self)
      writer.write(5, buyersSeeking, as: ProtoInt64.self)
      writer.write(4, rfqs, as: ProtoInt64.self)
      writer.write(3, label, as: ProtoString.self)
      writer.write(2, hsCode, as: ProtoString.self)
      writer.write(1, category, as: CraftCategory.self)
    }
  }

  /// The rows, most RFQs first.
  public var rows: [Row] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty table.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &rows)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, rows)
  }
}

/// RFQs no producer in scope could fit, grouped by category, HS code and the blocking filter.
public struct UnmetDemandTable: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.UnmetDemandTable"

  /// One group of unmet RFQs.
  public struct Row: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.matching.v1.UnmetDemandTable.Row"

    /// The category.
    public var category: CraftCategory = .unspecified
    /// The HS code, if the RFQs named one.
    public var hsCode: String = ""
    /// The group's name in the report's language.
    public var label: String = ""
    /// The filter that removed the most candidates.
    public var blockingFilter: HardFilter = .unspecified
    /// RFQs in the group.
    public var rfqs: Int64 = 0
    /// Total quantity of those RFQs, in `unit`.
    public var quantity: Int64 = 0
    /// The unit `quantity` is counted in.
    public var unit: QuantityUnit = .unspecified
    /// The buyers' countries (ISO 3166-1 alpha-2), most frequent first.
    public var countryCodes: [String] = []
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A row with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): category = try reader.readEnum(CraftCategory.self)
        case (2, .lengthDelimited): hsCode = try reader.readString()
        case (3, .lengthDelimited): label = try reader.readString()
        case (4, .varint): blockingFilter = try reader.readEnum(HardFilter.self)
        case (5, .varint): rfqs = try reader.readInt64()
        case (6, .varint): quantity = try reader.readInt64()
        case (7, .varint): unit = try reader.readEnum(QuantityUnit.self)
        case (8, .lengthDelimited):
          try reader.readRepeated(tag, into: &countryCodes, as: ProtoString.self)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.writeRepeated(8, countryCodes, as: ProtoString.self)
      writer.write(7, unit, as: QuantityUnit.self)
      writer.write(6, quantity, as: ProtoInt64.self)
      writer.write(5, rfqs, as: ProtoInt64.self)
      writer.write(4, blockingFilter, as: HardFilter.self)
      writer.write(3, label, as: ProtoString.self)
      writer.write(2, hsCode, as: ProtoString.self)
      writer.write(1, category, as: CraftCategory.self)
    }
  }

  /// The rows, most RFQs first.
  public var rows: [Row] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty table.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &rows)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, rows)
  }
}

/// Where demand exceeded the capacity in scope, by category and village, largest gap first.
public struct CapacityGapTable: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.CapacityGapTable"

  /// One category in one village (or district).
  public struct Row: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.matching.v1.CapacityGapTable.Row"

    /// The category.
    public var category: CraftCategory = .unspecified
    /// The village; empty for district-level rows.
    public var villageId: String = ""
    /// The village's name.
    public var villageName: String = ""
    /// The district's name.
    public var district: String = ""
    /// The row's name in the report's language.
    public var label: String = ""
    /// The unit the quantities are counted in.
    public var unit: QuantityUnit = .unspecified
    /// Quantity asked by RFQs in the period.
    public var demandedQuantity: Int64 = 0
    /// Monthly capacity × months in the period.
    public var availableCapacity: Int64 = 0
    /// demanded − available (> 0).
    public var gapQuantity: Int64 = 0
    /// RFQs affected.
    public var rfqsAffected: Int64 = 0
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A row with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): category = try reader.readEnum(CraftCategory.self)
        case (2, .lengthDelimited): villageId = try reader.readString()
        case (3, .lengthDelimited): villageName = try reader.readString()
        case (4, .lengthDelimited): district = try reader.readString()
        case (5, .lengthDelimited): label = try reader.readString()
        case (6, .varint): unit = try reader.readEnum(QuantityUnit.self)
        case (7, .varint): demandedQuantity = try reader.readInt64()
        case (8, .varint): availableCapacity = try reader.readInt64()
        case (9, .varint): gapQuantity = try reader.readInt64()
        case (10, .varint): rfqsAffected = try reader.readInt64()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(10, rfqsAffected, as: ProtoInt64.self)
      writer.write(9, gapQuantity, as: ProtoInt64.self)
      writer.write(8, availableCapacity, as: ProtoInt64.self)
      writer.write(7, demandedQuantity, as: ProtoInt64.self)
      writer.write(6, unit, as: QuantityUnit.self)
      writer.write(5, label, as: ProtoString.self)
      writer.write(4, district, as: ProtoString.self)
      writer.write(3, villageName, as: ProtoString.self)
      writer.write(2, villageId, as: ProtoString.self)
      writer.write(1, category, as: CraftCategory.self)
    }
  }

  /// The rows, largest gap first.
  public var rows: [Row] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty table.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &rows)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, rows)
  }
}

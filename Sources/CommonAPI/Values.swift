// Value messages of craft/common/v1/common.proto (package craft.common.v1), written by hand.

public import ProtoWire

/// An amount of money in integer minor units of an ISO 4217 currency, so sums never round.
public struct Money: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.common.v1.Money"

  /// The amount in minor units: USD 12.50 → 1250; VND has none, so 35,000 VND → 35000.
  public var amountMinor: Int64 = 0
  /// ISO 4217 code in upper case ("USD", "VND", "EUR", "JPY").
  public var currencyCode: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(amountMinor: Int64, currencyCode: String) {
    self.amountMinor = amountMinor
    self.currencyCode = currencyCode
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): amountMinor = try reader.readInt64()
      case (2, .lengthDelimited): currencyCode = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, currencyCode, as: ProtoString.self)
    writer.write(1, amountMinor, as: ProtoInt64.self)
  }
}

/// The same text in Vietnamese (with diacritics) and English; either may be empty.
public struct LocalizedText: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.common.v1.LocalizedText"

  /// Vietnamese, with tone marks ("Mây tre đan Phú Vinh").
  public var vi: String = ""
  /// English ("Phu Vinh rattan and bamboo weaving").
  public var en: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): vi = try reader.readString()
      case (2, .lengthDelimited): en = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, en, as: ProtoString.self)
    writer.write(1, vi, as: ProtoString.self)
  }
}

/// A calendar day in the Asia/Ho_Chi_Minh calendar: certificate validity, deadlines, periods.
public struct CalendarDate: ProtoMessage, Hashable, Comparable {
  public static let protoMessageName = "craft.common.v1.CalendarDate"

  /// The year, e.g. 2025.
  public var year: Int32 = 0
  /// The month, 1–12.
  public var month: Int32 = 0
  /// The day of the month, 1–31.
  public var day: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(year: Int32, month: Int32, day: Int32) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Chronological order (unknown fields play no part).
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): year = try reader.readInt32()
      case (2, .varint): month = try reader.readInt32()
      case (3, .varint): day = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, day, as: ProtoInt32.self)
    writer.write(2, month, as: ProtoInt32.self)
    writer.write(1, year, as: ProtoInt32.self)
  }
}

/// An inclusive range of calendar days.
public struct DateRange: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.common.v1.DateRange"

  /// The first day included.
  public var start: CalendarDate?
  /// The last day included.
  public var end: CalendarDate?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(start: CalendarDate?, end: CalendarDate?) {
    self.start = start
    self.end = end
  }

  /// Whether `date` lies in the range; an absent bound is open.
  public func contains(_ date: CalendarDate) -> Bool {
    if let start, date < start { return false }
    if let end, end < date { return false }
    return true
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &start)
      case (2, .lengthDelimited): try reader.readMessage(into: &end)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(2, end)
    writer.writeMessage(1, start)
  }
}

/// A price range in one currency, in minor units; a bound of 0 means "no bound".
public struct MoneyRange: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.common.v1.MoneyRange"

  /// The lowest amount, in minor units (0: no lower bound).
  public var minMinor: Int64 = 0
  /// The highest amount, in minor units (0: no upper bound).
  public var maxMinor: Int64 = 0
  /// ISO 4217 code of both bounds.
  public var currencyCode: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(minMinor: Int64, maxMinor: Int64, currencyCode: String) {
    self.minMinor = minMinor
    self.maxMinor = maxMinor
    self.currencyCode = currencyCode
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): minMinor = try reader.readInt64()
      case (2, .varint): maxMinor = try reader.readInt64()
      case (3, .lengthDelimited): currencyCode = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, currencyCode, as: ProtoString.self)
    writer.write(2, maxMinor, as: ProtoInt64.self)
    writer.write(1, minMinor, as: ProtoInt64.self)
  }
}

/// How to reach a person at a producer or buyer; revealed only to those allowed to see it.
public struct Contact: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.common.v1.Contact"

  /// The person to ask for.
  public var personName: String = ""
  /// E-mail address.
  public var email: String = ""
  /// Phone number in E.164 form, e.g. "+84912345678".
  public var phone: String = ""
  /// Web site address.
  public var website: String = ""
  /// Postal address, one free-text line.
  public var address: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): personName = try reader.readString()
      case (2, .lengthDelimited): email = try reader.readString()
      case (3, .lengthDelimited): phone = try reader.readString()
      case (4, .lengthDelimited): website = try reader.readString()
      case (5, .lengthDelimited): address = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(5, address, as: ProtoString.self)
    writer.write(4, website, as: ProtoString.self)
    writer.write(3, phone, as: ProtoString.self)
    writer.write(2, email, as: ProtoString.self)
    writer.write(1, personName, as: ProtoString.self)
  }
}

/// Who did something: the role, and for producers and buyers their id.
public struct Actor: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.common.v1.Actor"

  /// The role acted in.
  public var role: Role = .unspecified
  /// The producer or buyer id; empty for analysts, admins and the system.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(role: Role, id: String = "") {
    self.role = role
    self.id = id
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): role = try reader.readEnum(Role.self)
      case (2, .lengthDelimited): id = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, id, as: ProtoString.self)
    writer.write(1, role, as: Role.self)
  }
}

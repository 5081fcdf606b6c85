// Partner-matching report messages (request, header, summary, funnel, section) of
// craft/matching/v1/matching.proto (package craft.matching.v1), written by hand.
// The report's tables are in ReportTables.swift.

public import CommonAPI
public import ProtoWire

/// The request of `StreamPartnerReport`.
public struct StreamPartnerReportRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.StreamPartnerReportRequest"

  /// Whose activity the report covers (the `scope` oneof).
  public enum Scope: Hashable, Sendable {
    /// One producer (the producer itself, an analyst or an admin).
    case producerId(String)
    /// One village.
    case villageId(String)
    /// One district, by name as in the catalogue ("Thường Tín").
    case district(String)
    /// The whole city (set to true).
    case city(Bool)
  }

  /// Whose activity the report covers; nil when unset.
  public var scope: Scope?
  /// The days covered (required).
  public var period: DateRange?
  /// "vi" or "en" (default "vi"): labels and titles are in it.
  public var language: String = ""
  /// Rows per ranked table; 0 → 10.
  public var topN: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A report on `scope` over `period` in `language`.
  public init(scope: Scope, period: DateRange, language: String = "vi") {
    self.scope = scope
    self.period = period
    self.language = language
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): scope = .producerId(try reader.readString())
      case (2, .lengthDelimited): scope = .villageId(try reader.readString())
      case (3, .lengthDelimited): scope = .district(try reader.readString())
      case (4, .varint): scope = .city(try reader.readBool())
      case (5, .lengthDelimited): try reader.readMessage(into: &period)
      case (6, .lengthDelimited): language = try reader.readString()
      case (7, .varint): topN = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(7, topN, as: ProtoInt32.self)
    writer.write(6, language, as: ProtoString.self)
    writer.writeMessage(5, period)
    if case .city(let value) = scope { writer.write(4, Optional(value), as: ProtoBool.self) }
    if case .district(let value) = scope { writer.write(3, Optional(value), as: ProtoString.self) }
    if case .villageId(let value) = scope { writer.write(2, Optional(value), as: ProtoString.self) }
    if case .producerId(let value) = scope { writer.write(1, Optional(value), as: ProtoString.self) }
  }
}

/// The first section of a report: what it covers.
public struct ReportHeader: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ReportHeader"

  /// The report's title, e.g. "Báo cáo kết nối đối tác — Huyện Thường Tín".
  public var title: String = ""
  /// The producer, village or district name, or the city.
  public var scopeLabel: String = ""
  /// The days covered.
  public var period: DateRange?
  /// The language of every label in the stream.
  public var language: String = ""
  /// When the report was generated.
  public var generatedAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A header with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): title = try reader.readString()
      case (2, .lengthDelimited): scopeLabel = try reader.readString()
      case (3, .lengthDelimited): try reader.readMessage(into: &period)
      case (4, .lengthDelimited): language = try reader.readString()
      case (5, .lengthDelimited): try reader.readMessage(into: &generatedAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(5, generatedAt)
    writer.write(4, language, as: ProtoString.self)
    writer.writeMessage(3, period)
    writer.write(2, scopeLabel, as: ProtoString.self)
    writer.write(1, title, as: ProtoString.self)
  }
}

/// Headline figures of a report over its period.
public struct ReportSummary: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ReportSummary"

  /// Matches proposed.
  public var matchesProposed: Int64 = 0
  /// Introductions requested.
  public var introductionsRequested: Int64 = 0
  /// Introductions accepted.
  public var introductionsAccepted: Int64 = 0
  /// Introductions declined.
  public var introductionsDeclined: Int64 = 0
  /// Introductions that expired unanswered.
  public var introductionsExpired: Int64 = 0
  /// Median response time of answered introductions; 0 = no data.
  public var medianResponseSeconds: Int64 = 0
  /// Answered within 24 h / requested.
  public var replyWithin24hRate: Double = 0
  /// Accepted / answered.
  public var acceptanceRate: Double = 0
  /// Orders that followed an introduction.
  public var orders: Int64 = 0
  /// Orders / accepted introductions.
  public var conversionToOrders: Double = 0
  /// Share of all orders placed with partners new to each other.
  public var newPartnerOrderShare: Double = 0
  /// RFQs posted.
  public var rfqsPosted: Int64 = 0
  /// RFQs with no fitting producer.
  public var rfqsUnmet: Int64 = 0
  /// Value of those orders, one entry per currency.
  public var orderValue: [Money] = []
  /// False while there is no orders feed: the order figures are then unknown, not zero.
  public var ordersAvailable: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A summary with every figure at zero.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): matchesProposed = try reader.readInt64()
      case (2, .varint): introductionsRequested = try reader.readInt64()
      case (3, .varint): introductionsAccepted = try reader.readInt64()
      case (4, .varint): introductionsDeclined = try reader.readInt64()
      case (5, .varint): introductionsExpired = try reader.readInt64()
      case (6, .varint): medianResponseSeconds = try reader.readInt64()
      case (7, .fixed64): replyWithin24hRate = try reader.readDouble()
      case (8, .fixed64): acceptanceRate = try reader.readDouble()
      case (9, .varint): orders = try reader.readInt64()
      case (10, .fixed64): conversionToOrders = try reader.readDouble()
      case (11, .fixed64): newPartnerOrderShare = try reader.readDouble()
      case (12, .varint): rfqsPosted = try reader.readInt64()
      case (13, .varint): rfqsUnmet = try reader.readInt64()
      case (14, .lengthDelimited): try reader.appendMessage(to: &orderValue)
      case (15, .varint): ordersAvailable = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(15, ordersAvailable, as: ProtoBool.self)
    writer.writeRepeatedMessages(14, orderValue)
    writer.write(13, rfqsUnmet, as: ProtoInt64.self)
    writer.write(12, rfqsPosted, as: ProtoInt64.self)
    writer.write(11, newPartnerOrderShare, as: ProtoDouble.self)
    writer.write(10, conversionToOrders, as: ProtoDouble.self)
    writer.write(9, orders, as: ProtoInt64.self)
    writer.write(8, acceptanceRate, as: ProtoDouble.self)
    writer.write(7, replyWithin24hRate, as: ProtoDouble.self)
    writer.write(6, medianResponseSeconds, as: ProtoInt64.self)
    writer.write(5, introductionsExpired, as: ProtoInt64.self)
    writer.write(4, introductionsDeclined, as: ProtoInt64.self)
    writer.write(3, introductionsAccepted, as: ProtoInt64.self)
    writer.write(2, introductionsRequested, as: ProtoInt64.self)
    writer.write(1, matchesProposed, as: ProtoInt64.self)
  }
}

/// The stages of the introduction → order funnel.
public struct FunnelStage: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A stage from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `FUNNEL_STAGE_UNSPECIFIED`: not given.
  public static let unspecified = FunnelStage(rawValue: 0)
  /// `FUNNEL_STAGE_MATCHES_PROPOSED`.
  public static let matchesProposed = FunnelStage(rawValue: 1)
  /// `FUNNEL_STAGE_INTRODUCTIONS_REQUESTED`.
  public static let introductionsRequested = FunnelStage(rawValue: 2)
  /// `FUNNEL_STAGE_INTRODUCTIONS_ACCEPTED`.
  public static let introductionsAccepted = FunnelStage(rawValue: 3)
  /// `FUNNEL_STAGE_QUOTES`.
  public static let quotes = FunnelStage(rawValue: 4)
  /// `FUNNEL_STAGE_ORDERS`.
  public static let orders = FunnelStage(rawValue: 5)
  /// `FUNNEL_STAGE_ORDERS_COMPLETED`.
  public static let ordersCompleted = FunnelStage(rawValue: 6)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "FUNNEL_STAGE_UNSPECIFIED"
    case 1: "FUNNEL_STAGE_MATCHES_PROPOSED"
    case 2: "FUNNEL_STAGE_INTRODUCTIONS_REQUESTED"
    case 3: "FUNNEL_STAGE_INTRODUCTIONS_ACCEPTED"
    case 4: "FUNNEL_STAGE_QUOTES"
    case 5: "FUNNEL_STAGE_ORDERS"
    case 6: "FUNNEL_STAGE_ORDERS_COMPLETED"
    default: "\(rawValue)"
    }
  }
}

/// The introduction → order funnel, one step per stage in stage order.
public struct ReportFunnel: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ReportFunnel"

  /// One stage of the funnel.
  public struct Step: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.matching.v1.ReportFunnel.Step"

    /// Which stage.
    public var stage: FunnelStage = .unspecified
    /// The stage's name in the report's language.
    public var label: String = ""
    /// How many reached it.
    public var count: Int64 = 0
    /// count / the previous step's count; 1 for the first.
    public var rateFromPrevious: Double = 0
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A step with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): stage = try reader.readEnum(FunnelStage.self)
        case (2, .lengthDelimited): label = try reader.readString()
        case (3, .varint): count = try reader.readInt64()
        case (4, .fixed64): rateFromPrevious = try reader.readDouble()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(4, rateFromPrevious, as: ProtoDouble.self)
      writer.write(3, count, as: ProtoInt64.self)
      writer.write(2, label, as: ProtoString.self)
      writer.write(1, stage, as: FunnelStage.self)
    }
  }

  /// The steps, in stage order.
  public var steps: [Step] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty funnel.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &steps)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, steps)
  }
}

/// One message of the `StreamPartnerReport` stream.
public struct ReportSection: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ReportSection"

  /// The section's content (the `content` oneof).
  public enum Content: Hashable, Sendable {
    /// What the report covers (the first section).
    case header(ReportHeader)
    /// Headline figures.
    case summary(ReportSummary)
    /// The introduction → order funnel.
    case funnel(ReportFunnel)
    /// Matches and outcomes by buyer country.
    case countries(CountryTable)
    /// Demand by category and HS code.
    case demand(DemandTable)
    /// RFQs without a fitting producer.
    case unmetDemand(UnmetDemandTable)
    /// Where demand exceeded capacity.
    case capacityGaps(CapacityGapTable)
  }

  /// Section heading in the report's language.
  public var title: String = ""
  /// The section's content; nil when unset.
  public var content: Content?
  /// What the section cannot show yet and why, in the report's language; empty when complete.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A section with every field at its default.
  public init() {}

  /// A section titled `title` holding `content`.
  public init(title: String, content: Content) {
    self.title = title
    self.content = content
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): title = try reader.readString()
      case (2, .lengthDelimited):
        var value: ReportHeader
        if case .header(let existing) = content { value = existing } else { value = ReportHeader() }
        try reader.readMessage(into: &value)
        content = .header(value)
      case (3, .lengthDelimited):
        var value: ReportSummary
        if case .summary(let existing) = content { value = existing } else { value = ReportSummary() }
        try reader.readMessage(into: &value)
        content = .summary(value)
      case (4, .lengthDelimited):
        var value: ReportFunnel
        if case .funnel(let existing) = content { value = existing } else { value = ReportFunnel() }
        try reader.readMessage(into: &value)
        content = .funnel(value)
      case (5, .lengthDelimited):
        var value: CountryTable
        if case .countries(let existing) = content { value = existing } else { value = CountryTable() }
        try reader.readMessage(into: &value)
        content = .countries(value)
      case (6, .lengthDelimited):
        var value: DemandTable
        if case .demand(let existing) = content { value = existing } else { value = DemandTable() }
        try reader.readMessage(into: &value)
        content = .demand(value)
      case (7, .lengthDelimited):
        var value: UnmetDemandTable
        if case .unmetDemand(let existing) = content {
          value = existing
        } else {
          value = UnmetDemandTable()
        }
        try reader.readMessage(into: &value)
        content = .unmetDemand(value)
      case (8, .lengthDelimited):
        var value: CapacityGapTable
        if case .capacityGaps(let existing) = content {
          value = existing
        } else {
          value = CapacityGapTable()
        }
        try reader.readMessage(into: &value)
        content = .capacityGaps(value)
      case (9, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(9, note, as: ProtoString.self)
    if case .capacityGaps(let value) = content { writer.writeMessage(8, value) }
    if case .unmetDemand(let value) = content { writer.writeMessage(7, value) }
    if case .demand(let value) = content { writer.writeMessage(6, value) }
    if case .countries(let value) = content { writer.writeMessage(5, value) }
    if case .funnel(let value) = content { writer.writeMessage(4, value) }
    if case .summary(let value) = content { writer.writeMessage(3, value) }
    if case .header(let value) = content { writer.writeMessage(2, value) }
    writer.write(1, title, as: ProtoString.self)
  }
}

// Match, score and consortium messages of craft/matching/v1/matching.proto (package
// craft.matching.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// The explained factors of a match score.
public struct ScoreFactor: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A factor from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `SCORE_FACTOR_UNSPECIFIED`: not given.
  public static let unspecified = ScoreFactor(rawValue: 0)
  /// `SCORE_FACTOR_TEXT_RELEVANCE`: text of the need vs. the listing or profile.
  public static let textRelevance = ScoreFactor(rawValue: 1)
  /// `SCORE_FACTOR_PRICE_FIT`: price vs. target price.
  public static let priceFit = ScoreFactor(rawValue: 2)
  /// `SCORE_FACTOR_CAPACITY_FIT`: capacity × lead time vs. quantity and deadline.
  public static let capacityFit = ScoreFactor(rawValue: 3)
  /// `SCORE_FACTOR_CERTIFICATIONS`: required and wanted certifications held.
  public static let certifications = ScoreFactor(rawValue: 4)
  /// `SCORE_FACTOR_MARKET_EXPERIENCE`: experience exporting to the buyer's country.
  public static let marketExperience = ScoreFactor(rawValue: 5)
  /// `SCORE_FACTOR_RESPONSIVENESS`: from introduction response times.
  public static let responsiveness = ScoreFactor(rawValue: 6)
  /// `SCORE_FACTOR_VERIFICATION`: the producer's verification tier.
  public static let verification = ScoreFactor(rawValue: 7)
  /// `SCORE_FACTOR_RECIPROCAL_FIT`: does the buyer's order size suit the producer?
  public static let reciprocalFit = ScoreFactor(rawValue: 8)
  /// `SCORE_FACTOR_NOVELTY`: the pair has never traded.
  public static let novelty = ScoreFactor(rawValue: 9)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "SCORE_FACTOR_UNSPECIFIED"
    case 1: "SCORE_FACTOR_TEXT_RELEVANCE"
    case 2: "SCORE_FACTOR_PRICE_FIT"
    case 3: "SCORE_FACTOR_CAPACITY_FIT"
    case 4: "SCORE_FACTOR_CERTIFICATIONS"
    case 5: "SCORE_FACTOR_MARKET_EXPERIENCE"
    case 6: "SCORE_FACTOR_RESPONSIVENESS"
    case 7: "SCORE_FACTOR_VERIFICATION"
    case 8: "SCORE_FACTOR_RECIPROCAL_FIT"
    case 9: "SCORE_FACTOR_NOVELTY"
    default: "\(rawValue)"
    }
  }
}

/// The hard filters applied before scoring.
public struct HardFilter: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A filter from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `HARD_FILTER_UNSPECIFIED`: not given.
  public static let unspecified = HardFilter(rawValue: 0)
  /// `HARD_FILTER_CATEGORY`: craft category or HS code does not fit.
  public static let category = HardFilter(rawValue: 1)
  /// `HARD_FILTER_MOQ`: the listing's MOQ exceeds the quantity.
  public static let moq = HardFilter(rawValue: 2)
  /// `HARD_FILTER_CAPACITY_DEADLINE`: capacity × lead time cannot meet the deadline.
  public static let capacityDeadline = HardFilter(rawValue: 3)
  /// `HARD_FILTER_CERTIFICATION`: a required certification is missing or not valid at the deadline.
  public static let certification = HardFilter(rawValue: 4)
  /// `HARD_FILTER_INCOTERM`: the incoterm is not offered.
  public static let incoterm = HardFilter(rawValue: 5)
  /// `HARD_FILTER_EXISTING_PARTNER`: excluded on request because the pair already trades.
  public static let existingPartner = HardFilter(rawValue: 6)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "HARD_FILTER_UNSPECIFIED"
    case 1: "HARD_FILTER_CATEGORY"
    case 2: "HARD_FILTER_MOQ"
    case 3: "HARD_FILTER_CAPACITY_DEADLINE"
    case 4: "HARD_FILTER_CERTIFICATION"
    case 5: "HARD_FILTER_INCOTERM"
    case 6: "HARD_FILTER_EXISTING_PARTNER"
    default: "\(rawValue)"
    }
  }
}

/// One factor of a match score: contribution = weight × value; the contributions sum to the
/// match's score.
public struct ScoreComponent: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ScoreComponent"

  /// Which factor.
  public var factor: ScoreFactor = .unspecified
  /// The factor's weight in [0, 1]; a match's weights sum to 1.
  public var weight: Double = 0
  /// The factor's value in [0, 1].
  public var value: Double = 0
  /// weight × value.
  public var contribution: Double = 0
  /// Why, in Vietnamese and English.
  public var reason: LocalizedText?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A component with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): factor = try reader.readEnum(ScoreFactor.self)
      case (2, .fixed64): weight = try reader.readDouble()
      case (3, .fixed64): value = try reader.readDouble()
      case (4, .fixed64): contribution = try reader.readDouble()
      case (5, .lengthDelimited): try reader.readMessage(into: &reason)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(5, reason)
    writer.write(4, contribution, as: ProtoDouble.self)
    writer.write(3, value, as: ProtoDouble.self)
    writer.write(2, weight, as: ProtoDouble.self)
    writer.write(1, factor, as: ScoreFactor.self)
  }
}

/// One ranked, explained proposal.
public struct Match: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.Match"

  /// Who is proposed (the `candidate` oneof).
  public enum Candidate: Hashable, Sendable {
    /// A producer (with a listing) for a buyer or an RFQ.
    case producer(ProducerCandidate)
    /// A buyer (with an RFQ, when the match is for one) for a producer.
    case buyer(BuyerCandidate)
  }

  /// Who is proposed; nil when unset.
  public var candidate: Candidate?
  /// Server-recorded proposal id (reports count these).
  public var matchId: String = ""
  /// 1-based position in the whole ranking, across pages.
  public var rank: Int32 = 0
  /// In [0, 1], the sum of the components' contributions.
  public var score: Double = 0
  /// One per factor, in `ScoreFactor` order.
  public var components: [ScoreComponent] = []
  /// The pair has traded before (an order exists).
  public var alreadyTrades: Bool = false
  /// The latest introduction between the pair; empty when none.
  public var introductionId: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A match with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited):
        var value: ProducerCandidate
        if case .producer(let existing) = candidate { value = existing } else { value = ProducerCandidate() }
        try reader.readMessage(into: &value)
        candidate = .producer(value)
      case (2, .lengthDelimited):
        var value: BuyerCandidate
        if case .buyer(let existing) = candidate { value = existing } else { value = BuyerCandidate() }
        try reader.readMessage(into: &value)
        candidate = .buyer(value)
      case (3, .lengthDelimited): matchId = try reader.readString()
      case (4, .varint): rank = try reader.readInt32()
      case (5, .fixed64): score = try reader.readDouble()
      case (6, .lengthDelimited): try reader.appendMessage(to: &components)
      case (7, .varint): alreadyTrades = try reader.readBool()
      case (8, .lengthDelimited): introductionId = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(8, introductionId, as: ProtoString.self)
    writer.write(7, alreadyTrades, as: ProtoBool.self)
    writer.writeRepeatedMessages(6, components)
    writer.write(5, score, as: ProtoDouble.self)
    writer.write(4, rank, as: ProtoInt32.self)
    writer.write(3, matchId, as: ProtoString.self)
    if case .buyer(let value) = candidate { writer.writeMessage(2, value) }
    if case .producer(let value) = candidate { writer.writeMessage(1, value) }
  }
}

/// A group of producers of one village (or one district) whose combined capacity meets an RFQ's
/// quantity by its deadline when no single producer can.
public struct ConsortiumProposal: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ConsortiumProposal"

  /// One producer's part of the order.
  public struct Member: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.matching.v1.ConsortiumProposal.Member"

    /// The producer.
    public var producerId: String = ""
    /// Its name in Vietnamese and English.
    public var name: LocalizedText?
    /// The listing it would supply from.
    public var listingId: String = ""
    /// Its share, in the RFQ's unit.
    public var shareQuantity: Int64 = 0
    /// shareQuantity / the RFQ's quantity.
    public var shareFraction: Double = 0
    /// Its unit price at its share's tier.
    public var unitPrice: Money?
    /// What it could make by the deadline, in the RFQ's unit.
    public var capacityByDeadline: Int64 = 0
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A member with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): producerId = try reader.readString()
        case (2, .lengthDelimited): try reader.readMessage(into: &name)
        case (3, .lengthDelimited): listingId = try reader.readString()
        case (4, .varint): shareQuantity = try reader.readInt64()
        case (5, .fixed64): shareFraction = try reader.readDouble()
        case (6, .lengthDelimited): try reader.readMessage(into: &unitPrice)
        case (7, .varint): capacityByDeadline = try reader.readInt64()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(7, capacityByDeadline, as: ProtoInt64.self)
      writer.writeMessage(6, unitPrice)
      writer.write(5, shareFraction, as: ProtoDouble.self)
      writer.write(4, shareQuantity, as: ProtoInt64.self)
      writer.write(3, listingId, as: ProtoString.self)
      writer.writeMessage(2, name)
      writer.write(1, producerId, as: ProtoString.self)
    }
  }

  /// Set when every member is in one village.
  public var villageId: String = ""
  /// That village's name in Vietnamese and English.
  public var villageName: LocalizedText?
  /// The district all members are in.
  public var district: String = ""
  /// Largest share first; the first one leads (collects).
  public var members: [Member] = []
  /// The members' capacity by the deadline, in the RFQ's unit.
  public var combinedCapacity: Int64 = 0
  /// Whether the group can deliver by the RFQ's deadline.
  public var meetsDeadline: Bool = false
  /// In [0, 1], the share-weighted mean of the members' scores.
  public var score: Double = 0
  /// Why this group, in Vietnamese and English.
  public var reason: LocalizedText?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A proposal with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): villageId = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &villageName)
      case (3, .lengthDelimited): district = try reader.readString()
      case (4, .lengthDelimited): try reader.appendMessage(to: &members)
      case (5, .varint): combinedCapacity = try reader.readInt64()
      case (6, .varint): meetsDeadline = try reader.readBool()
      case (7, .fixed64): score = try reader.readDouble()
      case (8, .lengthDelimited): try reader.readMessage(into: &reason)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(8, reason)
    writer.write(7, score, as: ProtoDouble.self)
    writer.write(6, meetsDeadline, as: ProtoBool.self)
    writer.write(5, combinedCapacity, as: ProtoInt64.self)
    writer.writeRepeatedMessages(4, members)
    writer.write(3, district, as: ProtoString.self)
    writer.writeMessage(2, villageName)
    writer.write(1, villageId, as: ProtoString.self)
  }
}

/// How many candidates one hard filter removed.
public struct FilterCount: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.FilterCount"

  /// The filter.
  public var filter: HardFilter = .unspecified
  /// Candidates it removed.
  public var excluded: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A count with every field at its default.
  public init() {}

  /// `excluded` candidates removed by `filter`.
  public init(filter: HardFilter, excluded: Int32) {
    self.filter = filter
    self.excluded = excluded
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): filter = try reader.readEnum(HardFilter.self)
      case (2, .varint): excluded = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, excluded, as: ProtoInt32.self)
    writer.write(1, filter, as: HardFilter.self)
  }
}

/// Options shared by the three match requests.
public struct MatchOptions: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchOptions"

  /// Drop pairs that already trade (default: keep and flag them).
  public var excludeExistingPartners: Bool = false
  /// Drop matches scoring below this.
  public var minScore: Double = 0
  /// Restrict producers to these villages.
  public var villageIds: [String] = []
  /// Restrict producers to these districts.
  public var districts: [String] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// Options with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): excludeExistingPartners = try reader.readBool()
      case (2, .fixed64): minScore = try reader.readDouble()
      case (3, .lengthDelimited): try reader.readRepeated(tag, into: &villageIds, as: ProtoString.self)
      case (4, .lengthDelimited): try reader.readRepeated(tag, into: &districts, as: ProtoString.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(4, districts, as: ProtoString.self)
    writer.writeRepeated(3, villageIds, as: ProtoString.self)
    writer.write(2, minScore, as: ProtoDouble.self)
    writer.write(1, excludeExistingPartners, as: ProtoBool.self)
  }
}

// Requests and answers of the three match RPCs of craft/matching/v1/matching.proto (package
// craft.matching.v1), written by hand.

public import ProtoWire

/// The request of `MatchProducersForRfq`.
public struct MatchProducersForRfqRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchProducersForRfqRequest"

  /// The RFQ to find producers for.
  public var rfqId: String = ""
  /// Filters and exclusions.
  public var options: MatchOptions?
  /// Page size; 0 → the server's default.
  public var pageSize: Int32 = 0
  /// The previous response's `nextPageToken`; empty → the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// The first page of matches for `rfqId`.
  public init(rfqId: String, options: MatchOptions? = nil, pageSize: Int32 = 0) {
    self.rfqId = rfqId
    self.options = options
    self.pageSize = pageSize
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): rfqId = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &options)
      case (3, .varint): pageSize = try reader.readInt32()
      case (4, .lengthDelimited): pageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(4, pageToken, as: ProtoString.self)
    writer.write(3, pageSize, as: ProtoInt32.self)
    writer.writeMessage(2, options)
    writer.write(1, rfqId, as: ProtoString.self)
  }
}

/// The answer of `MatchProducersForRfq`.
public struct MatchProducersForRfqResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchProducersForRfqResponse"

  /// Producer candidates, best first.
  public var matches: [Match] = []
  /// Sent on the first page only, and only when no single producer can meet the quantity by
  /// the deadline.
  public var consortia: [ConsortiumProposal] = []
  /// The token for the next page; empty → no more pages.
  public var nextPageToken: String = ""
  /// Candidates that passed the hard filters (before the cap).
  public var totalMatches: Int32 = 0
  /// Candidates each hard filter removed (first page only).
  public var excluded: [FilterCount] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty answer.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &matches)
      case (2, .lengthDelimited): try reader.appendMessage(to: &consortia)
      case (3, .lengthDelimited): nextPageToken = try reader.readString()
      case (4, .varint): totalMatches = try reader.readInt32()
      case (5, .lengthDelimited): try reader.appendMessage(to: &excluded)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(5, excluded)
    writer.write(4, totalMatches, as: ProtoInt32.self)
    writer.write(3, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(2, consortia)
    writer.writeRepeatedMessages(1, matches)
  }
}

/// The request of `MatchProducersForBuyer`.
public struct MatchProducersForBuyerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchProducersForBuyerRequest"

  /// The buyer whose standing profile is matched.
  public var buyerId: String = ""
  /// Optional free text narrowing the buyer's profile.
  public var query: String = ""
  /// Filters and exclusions.
  public var options: MatchOptions?
  /// Page size; 0 → the server's default.
  public var pageSize: Int32 = 0
  /// The previous response's `nextPageToken`; empty → the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .lengthDelimited): query = try reader.readString()
      case (3, .lengthDelimited): try reader.readMessage(into: &options)
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
    writer.writeMessage(3, options)
    writer.write(2, query, as: ProtoString.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// The answer of `MatchProducersForBuyer`.
public struct MatchProducersForBuyerResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchProducersForBuyerResponse"

  /// Producer candidates, best first.
  public var matches: [Match] = []
  /// The token for the next page; empty → no more pages.
  public var nextPageToken: String = ""
  /// Candidates that passed the hard filters.
  public var totalMatches: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty answer.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &matches)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      case (3, .varint): totalMatches = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, totalMatches, as: ProtoInt32.self)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, matches)
  }
}

/// The request of `MatchBuyersForProducer`.
public struct MatchBuyersForProducerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchBuyersForProducerRequest"

  /// The producer to find buyers for.
  public var producerId: String = ""
  /// Optional: match for this listing only.
  public var listingId: String = ""
  /// Only open RFQs, not standing buyer profiles.
  public var rfqsOnly: Bool = false
  /// Filters and exclusions.
  public var options: MatchOptions?
  /// Page size; 0 → the server's default.
  public var pageSize: Int32 = 0
  /// The previous response's `nextPageToken`; empty → the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): producerId = try reader.readString()
      case (2, .lengthDelimited): listingId = try reader.readString()
      case (3, .varint): rfqsOnly = try reader.readBool()
      case (4, .lengthDelimited): try reader.readMessage(into: &options)
      case (5, .varint): pageSize = try reader.readInt32()
      case (6, .lengthDelimited): pageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, pageToken, as: ProtoString.self)
    writer.write(5, pageSize, as: ProtoInt32.self)
    writer.writeMessage(4, options)
    writer.write(3, rfqsOnly, as: ProtoBool.self)
    writer.write(2, listingId, as: ProtoString.self)
    writer.write(1, producerId, as: ProtoString.self)
  }
}

/// The answer of `MatchBuyersForProducer`.
public struct MatchBuyersForProducerResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.MatchBuyersForProducerResponse"

  /// Buyer candidates, best first.
  public var matches: [Match] = []
  /// The token for the next page; empty → no more pages.
  public var nextPageToken: String = ""
  /// Candidates that passed the hard filters.
  public var totalMatches: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty answer.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &matches)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      case (3, .varint): totalMatches = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, totalMatches, as: ProtoInt32.self)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, matches)
  }
}

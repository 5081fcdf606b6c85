// Introduction messages of craft/matching/v1/matching.proto (package craft.matching.v1),
// written by hand.

public import CommonAPI
public import ProtoWire

/// Where an introduction is in its life.
public struct IntroductionStatus: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A status from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `INTRODUCTION_STATUS_UNSPECIFIED`: not given (in a filter: any status).
  public static let unspecified = IntroductionStatus(rawValue: 0)
  /// `INTRODUCTION_STATUS_REQUESTED`: waiting for the other side.
  public static let requested = IntroductionStatus(rawValue: 1)
  /// `INTRODUCTION_STATUS_ACCEPTED`: contacts revealed to both sides.
  public static let accepted = IntroductionStatus(rawValue: 2)
  /// `INTRODUCTION_STATUS_DECLINED`.
  public static let declined = IntroductionStatus(rawValue: 3)
  /// `INTRODUCTION_STATUS_EXPIRED`: no answer before `expiresAt`.
  public static let expired = IntroductionStatus(rawValue: 4)
  /// `INTRODUCTION_STATUS_WITHDRAWN`: withdrawn by the requesting side.
  public static let withdrawn = IntroductionStatus(rawValue: 5)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "INTRODUCTION_STATUS_UNSPECIFIED"
    case 1: "INTRODUCTION_STATUS_REQUESTED"
    case 2: "INTRODUCTION_STATUS_ACCEPTED"
    case 3: "INTRODUCTION_STATUS_DECLINED"
    case 4: "INTRODUCTION_STATUS_EXPIRED"
    case 5: "INTRODUCTION_STATUS_WITHDRAWN"
    default: "\(rawValue)"
    }
  }
}

/// A request by one side (buyer or producer) to be put in touch with the other.
public struct Introduction: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.Introduction"

  /// Server-assigned id.
  public var id: String = ""
  /// The buyer side.
  public var buyerId: String = ""
  /// The producer side.
  public var producerId: String = ""
  /// What it is about: an RFQ, a listing, or both; may be empty.
  public var rfqId: String = ""
  /// The listing it is about; may be empty.
  public var listingId: String = ""
  /// The proposal it came from, if any.
  public var matchId: String = ""
  /// Who asked: `.buyer` or `.producer` (with id), or an admin.
  public var requestedBy: Actor?
  /// The requester's note to the other side.
  public var message: String = ""
  /// Requested, accepted, declined, expired or withdrawn.
  public var status: IntroductionStatus = .unspecified
  /// When it was requested.
  public var requestedAt: ProtoTimestamp?
  /// When it was accepted or declined; nil otherwise.
  public var respondedAt: ProtoTimestamp?
  /// respondedAt − requestedAt; 0 until answered.
  public var responseSeconds: Int64 = 0
  /// The responder's note (why, when declining).
  public var responseReason: String = ""
  /// A REQUESTED introduction expires at this instant.
  public var expiresAt: ProtoTimestamp?
  /// The buyer, for display.
  public var buyer: BuyerCard?
  /// The producer, for display.
  public var producer: ProducerCard?
  /// The buyer's contact: filled for both parties only once ACCEPTED (and for admins).
  public var buyerContact: Contact?
  /// The producer's contact: filled for both parties only once ACCEPTED (and for admins).
  public var producerContact: Contact?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An introduction with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): buyerId = try reader.readString()
      case (3, .lengthDelimited): producerId = try reader.readString()
      case (4, .lengthDelimited): rfqId = try reader.readString()
      case (5, .lengthDelimited): listingId = try reader.readString()
      case (6, .lengthDelimited): matchId = try reader.readString()
      case (7, .lengthDelimited): try reader.readMessage(into: &requestedBy)
      case (8, .lengthDelimited): message = try reader.readString()
      case (9, .varint): status = try reader.readEnum(IntroductionStatus.self)
      case (10, .lengthDelimited): try reader.readMessage(into: &requestedAt)
      case (11, .lengthDelimited): try reader.readMessage(into: &respondedAt)
      case (12, .varint): responseSeconds = try reader.readInt64()
      case (13, .lengthDelimited): responseReason = try reader.readString()
      case (14, .lengthDelimited): try reader.readMessage(into: &expiresAt)
      case (15, .lengthDelimited): try reader.readMessage(into: &buyer)
      case (16, .lengthDelimited): try reader.readMessage(into: &producer)
      case (17, .lengthDelimited): try reader.readMessage(into: &buyerContact)
      case (18, .lengthDelimited): try reader.readMessage(into: &producerContact)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(18, producerContact)
    writer.writeMessage(17, buyerContact)
    writer.writeMessage(16, producer)
    writer.writeMessage(15, buyer)
    writer.writeMessage(14, expiresAt)
    writer.write(13, responseReason, as: ProtoString.self)
    writer.write(12, responseSeconds, as: ProtoInt64.self)
    writer.writeMessage(11, respondedAt)
    writer.writeMessage(10, requestedAt)
    writer.write(9, status, as: IntroductionStatus.self)
    writer.write(8, message, as: ProtoString.self)
    writer.writeMessage(7, requestedBy)
    writer.write(6, matchId, as: ProtoString.self)
    writer.write(5, listingId, as: ProtoString.self)
    writer.write(4, rfqId, as: ProtoString.self)
    writer.write(3, producerId, as: ProtoString.self)
    writer.write(2, buyerId, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// The request of `RequestIntroduction`. The caller's role decides the direction: a buyer asks
/// for `producerId`, a producer asks for `buyerId`; the caller's own id may be left empty. At
/// most one REQUESTED introduction exists per pair and subject: asking again returns it.
public struct RequestIntroductionRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.RequestIntroductionRequest"

  /// The buyer side.
  public var buyerId: String = ""
  /// The producer side.
  public var producerId: String = ""
  /// Optional subject: an RFQ.
  public var rfqId: String = ""
  /// Optional subject: a listing.
  public var listingId: String = ""
  /// Optional: the proposal this follows.
  public var matchId: String = ""
  /// Note to the other side.
  public var message: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .lengthDelimited): producerId = try reader.readString()
      case (3, .lengthDelimited): rfqId = try reader.readString()
      case (4, .lengthDelimited): listingId = try reader.readString()
      case (5, .lengthDelimited): matchId = try reader.readString()
      case (6, .lengthDelimited): message = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, message, as: ProtoString.self)
    writer.write(5, matchId, as: ProtoString.self)
    writer.write(4, listingId, as: ProtoString.self)
    writer.write(3, rfqId, as: ProtoString.self)
    writer.write(2, producerId, as: ProtoString.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// The request of `RespondToIntroduction` (the side that did not request it).
public struct RespondToIntroductionRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.RespondToIntroductionRequest"

  /// The introduction answered.
  public var introductionId: String = ""
  /// true → ACCEPTED, false → DECLINED.
  public var accept: Bool = false
  /// Note to the requester; expected when declining.
  public var reason: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// An answer to `introductionId`.
  public init(introductionId: String, accept: Bool, reason: String = "") {
    self.introductionId = introductionId
    self.accept = accept
    self.reason = reason
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): introductionId = try reader.readString()
      case (2, .varint): accept = try reader.readBool()
      case (3, .lengthDelimited): reason = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, reason, as: ProtoString.self)
    writer.write(2, accept, as: ProtoBool.self)
    writer.write(1, introductionId, as: ProtoString.self)
  }
}

/// The request of `WithdrawIntroduction` (the requesting side).
public struct WithdrawIntroductionRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.WithdrawIntroductionRequest"

  /// The introduction withdrawn.
  public var introductionId: String = ""
  /// Why, free text.
  public var reason: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request to withdraw `introductionId`.
  public init(introductionId: String, reason: String = "") {
    self.introductionId = introductionId
    self.reason = reason
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): introductionId = try reader.readString()
      case (2, .lengthDelimited): reason = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, reason, as: ProtoString.self)
    writer.write(1, introductionId, as: ProtoString.self)
  }
}

/// The request of `GetIntroduction`.
public struct GetIntroductionRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.GetIntroductionRequest"

  /// The introduction asked for.
  public var introductionId: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for `introductionId`.
  public init(introductionId: String) {
    self.introductionId = introductionId
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): introductionId = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, introductionId, as: ProtoString.self)
  }
}

/// The request of `ListIntroductions`. Empty filters match everything the caller may see.
public struct ListIntroductionsRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListIntroductionsRequest"

  /// Only introductions with this buyer.
  public var buyerId: String = ""
  /// Only introductions with this producer.
  public var producerId: String = ""
  /// Only introductions about this RFQ.
  public var rfqId: String = ""
  /// Only introductions in this status.
  public var status: IntroductionStatus = .unspecified
  /// Page size; 0 → the server's default.
  public var pageSize: Int32 = 0
  /// The previous response's `nextPageToken`; empty → the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (everything visible, first page).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .lengthDelimited): producerId = try reader.readString()
      case (3, .lengthDelimited): rfqId = try reader.readString()
      case (4, .varint): status = try reader.readEnum(IntroductionStatus.self)
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
    writer.write(4, status, as: IntroductionStatus.self)
    writer.write(3, rfqId, as: ProtoString.self)
    writer.write(2, producerId, as: ProtoString.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// The answer of `ListIntroductions`.
public struct ListIntroductionsResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListIntroductionsResponse"

  /// One page of introductions, newest first.
  public var introductions: [Introduction] = []
  /// The token for the next page; empty → no more pages.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty page.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &introductions)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, introductions)
  }
}

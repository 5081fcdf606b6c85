// Sourcing-request (RFQ) messages of craft/matching/v1/matching.proto (package
// craft.matching.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// Where an RFQ is in its life.
public struct RfqStatus: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A status from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// `RFQ_STATUS_UNSPECIFIED`: not given (in a filter: any status).
  public static let unspecified = RfqStatus(rawValue: 0)
  /// `RFQ_STATUS_OPEN`: receiving proposals.
  public static let open = RfqStatus(rawValue: 1)
  /// `RFQ_STATUS_CLOSED`: closed by the buyer or an admin without an order.
  public static let closed = RfqStatus(rawValue: 2)
  /// `RFQ_STATUS_EXPIRED`: `expiresAt` passed while open.
  public static let expired = RfqStatus(rawValue: 3)
  /// `RFQ_STATUS_FULFILLED`: closed because an order was placed.
  public static let fulfilled = RfqStatus(rawValue: 4)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "RFQ_STATUS_UNSPECIFIED"
    case 1: "RFQ_STATUS_OPEN"
    case 2: "RFQ_STATUS_CLOSED"
    case 3: "RFQ_STATUS_EXPIRED"
    case 4: "RFQ_STATUS_FULFILLED"
    default: "\(rawValue)"
    }
  }
}

/// A sourcing request: what a buyer needs, how many, at what price, by when, on which terms.
public struct Rfq: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.Rfq"

  /// Server-assigned id.
  public var id: String = ""
  /// The buyer who posted it.
  public var buyerId: String = ""
  /// Short line shown in lists.
  public var title: String = ""
  /// What is needed, free text in any language.
  public var description: String = ""
  /// The craft category asked for.
  public var category: CraftCategory = .unspecified
  /// Full HS code or prefix ("4602.12"); may be empty.
  public var hsCode: String = ""
  /// Materials asked for.
  public var materials: [String] = []
  /// Total quantity needed, in `quantityUnit`.
  public var quantity: Int64 = 0
  /// The unit `quantity` is counted in.
  public var quantityUnit: QuantityUnit = .unspecified
  /// Target price per unit; nil = no target.
  public var targetUnitPrice: Money?
  /// Goods must be ready to ship on or before this day.
  public var deadline: CalendarDate?
  /// Certifications that must be valid at the deadline.
  public var requiredCertifications: [CertificationType] = []
  /// The incoterm asked for.
  public var incoterm: Incoterm = .unspecified
  /// Named port or place for the incoterm ("Hải Phòng").
  public var port: String = ""
  /// The RFQ stops receiving proposals after this instant.
  public var expiresAt: ProtoTimestamp?
  /// Cap on producers proposed (matches plus consortium members); 0 → server default (10).
  public var maxProposals: Int32 = 0
  /// Open, closed, expired or fulfilled.
  public var status: RfqStatus = .unspecified
  /// When it was posted.
  public var createdAt: ProtoTimestamp?
  /// When it last changed.
  public var updatedAt: ProtoTimestamp?
  /// When it left OPEN; nil while open.
  public var closedAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An RFQ with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): buyerId = try reader.readString()
      case (3, .lengthDelimited): title = try reader.readString()
      case (4, .lengthDelimited): description = try reader.readString()
      case (5, .varint): category = try reader.readEnum(CraftCategory.self)
      case (6, .lengthDelimited): hsCode = try reader.readString()
      case (7, .lengthDelimited): try reader.readRepeated(tag, into: &materials, as: ProtoString.self)
      case (8, .varint): quantity = try reader.readInt64()
      case (9, .varint): quantityUnit = try reader.readEnum(QuantityUnit.self)
      case (10, .lengthDelimited): try reader.readMessage(into: &targetUnitPrice)
      case (11, .lengthDelimited): try reader.readMessage(into: &deadline)
      case (12, .varint), (12, .lengthDelimited):
        try reader.readRepeated(tag, into: &requiredCertifications, as: CertificationType.self)
      case (13, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (14, .lengthDelimited): port = try reader.readString()
      case (15, .lengthDelimited): try reader.readMessage(into: &expiresAt)
      case (16, .varint): maxProposals = try reader.readInt32()
      case (17, .varint): status = try reader.readEnum(RfqStatus.self)
      case (18, .lengthDelimited): try reader.readMessage(into: &createdAt)
      case (19, .lengthDelimited): try reader.readMessage(into: &updatedAt)
      case (20, .lengthDelimited): try reader.readMessage(into: &closedAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(20, closedAt)
    writer.writeMessage(19, updatedAt)
    writer.writeMessage(18, createdAt)
    writer.write(17, status, as: RfqStatus.self)
    writer.write(16, maxProposals, as: ProtoInt32.self)
    writer.writeMessage(15, expiresAt)
    writer.write(14, port, as: ProtoString.self)
    writer.write(13, incoterm, as: Incoterm.self)
    writer.writeRepeated(12, requiredCertifications, as: CertificationType.self)
    writer.writeMessage(11, deadline)
    writer.writeMessage(10, targetUnitPrice)
    writer.write(9, quantityUnit, as: QuantityUnit.self)
    writer.write(8, quantity, as: ProtoInt64.self)
    writer.writeRepeated(7, materials, as: ProtoString.self)
    writer.write(6, hsCode, as: ProtoString.self)
    writer.write(5, category, as: CraftCategory.self)
    writer.write(4, description, as: ProtoString.self)
    writer.write(3, title, as: ProtoString.self)
    writer.write(2, buyerId, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// The request of `CreateRfq`.
public struct CreateRfqRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.CreateRfqRequest"

  /// The RFQ; id, status and the timestamps are set by the server. `buyerId` empty → the
  /// caller's buyer id (a buyer may post only for itself; admins must set it).
  public var rfq: Rfq?
  /// Idempotency key chosen by the client: a retry with the same key returns the same RFQ.
  public var requestId: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request to post `rfq`, retried safely under `requestId`.
  public init(rfq: Rfq, requestId: String) {
    self.rfq = rfq
    self.requestId = requestId
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &rfq)
      case (2, .lengthDelimited): requestId = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, requestId, as: ProtoString.self)
    writer.writeMessage(1, rfq)
  }
}

/// The request of `GetRfq`.
public struct GetRfqRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.GetRfqRequest"

  /// The RFQ asked for.
  public var rfqId: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for the RFQ `rfqId`.
  public init(rfqId: String) {
    self.rfqId = rfqId
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): rfqId = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, rfqId, as: ProtoString.self)
  }
}

/// The request of `ListRfqs`. Empty filters match everything.
public struct ListRfqsRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListRfqsRequest"

  /// Only this buyer's RFQs.
  public var buyerId: String = ""
  /// Only RFQs in this status.
  public var status: RfqStatus = .unspecified
  /// Only RFQs of this category.
  public var category: CraftCategory = .unspecified
  /// Page size; 0 → the server's default.
  public var pageSize: Int32 = 0
  /// The previous response's `nextPageToken`; empty → the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (all RFQs, first page).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .varint): status = try reader.readEnum(RfqStatus.self)
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
    writer.write(2, status, as: RfqStatus.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// The answer of `ListRfqs`.
public struct ListRfqsResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.ListRfqsResponse"

  /// One page of RFQs, newest first.
  public var rfqs: [Rfq] = []
  /// The token for the next page; empty → no more pages.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty page.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &rfqs)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, rfqs)
  }
}

/// The request of `CloseRfq`.
public struct CloseRfqRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.matching.v1.CloseRfqRequest"

  /// The RFQ to close.
  public var rfqId: String = ""
  /// true → FULFILLED (an order was placed), false → CLOSED.
  public var fulfilled: Bool = false
  /// Why, free text.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request to close `rfqId`, as fulfilled or not.
  public init(rfqId: String, fulfilled: Bool, note: String = "") {
    self.rfqId = rfqId
    self.fulfilled = fulfilled
    self.note = note
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): rfqId = try reader.readString()
      case (2, .varint): fulfilled = try reader.readBool()
      case (3, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, note, as: ProtoString.self)
    writer.write(2, fulfilled, as: ProtoBool.self)
    writer.write(1, rfqId, as: ProtoString.self)
  }
}

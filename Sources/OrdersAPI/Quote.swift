// Quote messages of craft/orders/v1/orders.proto (package craft.orders.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// Where a quote stands. Turns alternate between producer and buyer until one side accepts,
/// rejects or withdraws, or `validUntil` passes (the system marks it expired).
public struct QuoteStatus: ProtoEnum, CustomStringConvertible {
  /// The wire value; values this build does not name are kept.
  public var rawValue: Int32
  /// A status from its wire value.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let unspecified = QuoteStatus(rawValue: 0)
  /// The producer's turn (a price was asked for, or the buyer countered).
  public static let pendingProducer = QuoteStatus(rawValue: 1)
  /// The buyer's turn (the producer quoted or countered).
  public static let pendingBuyer = QuoteStatus(rawValue: 2)
  /// Terms agreed; an order may be created from the quote.
  public static let accepted = QuoteStatus(rawValue: 3)
  /// Rejected by the party whose turn it was (final).
  public static let rejected = QuoteStatus(rawValue: 4)
  /// `validUntil` passed before agreement (final).
  public static let expired = QuoteStatus(rawValue: 5)
  /// Taken back by the party that made the latest offer (final).
  public static let withdrawn = QuoteStatus(rawValue: 6)

  /// The proto value name, or the number when this build does not name it.
  public var description: String {
    switch rawValue {
    case 0: "QUOTE_STATUS_UNSPECIFIED"
    case 1: "QUOTE_STATUS_PENDING_PRODUCER"
    case 2: "QUOTE_STATUS_PENDING_BUYER"
    case 3: "QUOTE_STATUS_ACCEPTED"
    case 4: "QUOTE_STATUS_REJECTED"
    case 5: "QUOTE_STATUS_EXPIRED"
    case 6: "QUOTE_STATUS_WITHDRAWN"
    default: String(rawValue)
    }
  }
}

/// A priced offer between one buyer and one producer for one listing, negotiated in turns.
public struct Quote: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.Quote"

  /// The quote id.
  public var id: String = ""
  /// The matching service's RFQ the quote answers; empty when asked on a listing.
  public var rfqId: String = ""
  /// The catalogue listing quoted.
  public var listingId: String = ""
  /// The buyer negotiating.
  public var buyerId: String = ""
  /// The producer negotiating.
  public var producerId: String = ""
  /// Current quantity (the latest revision).
  public var quantity: Int64 = 0
  /// The unit `quantity` counts in.
  public var unit: QuantityUnit = .unspecified
  /// Current price per unit; absent until the producer has priced it.
  public var unitPrice: Money?
  /// The incoterm of the price.
  public var incoterm: Incoterm = .unspecified
  /// The named port or place for the incoterm ("Hải Phòng").
  public var port: String = ""
  /// Days from deposit to ready-to-ship.
  public var leadTimeDays: Int32 = 0
  /// Deposit share in percent, 0–100 (the platform norm is 30).
  public var depositPercent: Int32 = 0
  /// The quote expires after this instant.
  public var validUntil: ProtoTimestamp?
  /// Where the negotiation stands.
  public var status: QuoteStatus = .unspecified
  /// Every offer and counter-offer, oldest first.
  public var revisions: [QuoteRevision] = []
  /// Set once an order is created from the quote.
  public var orderId: String = ""
  /// Bumped on every change; send it back as `expectedVersion`.
  public var version: Int64 = 0
  /// When the quote was created.
  public var createdAt: ProtoTimestamp?
  /// When the quote last changed.
  public var updatedAt: ProtoTimestamp?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): rfqId = try reader.readString()
      case (3, .lengthDelimited): listingId = try reader.readString()
      case (4, .lengthDelimited): buyerId = try reader.readString()
      case (5, .lengthDelimited): producerId = try reader.readString()
      case (6, .varint): quantity = try reader.readInt64()
      case (7, .varint): unit = try reader.readEnum(QuantityUnit.self)
      case (8, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      case (9, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (10, .lengthDelimited): port = try reader.readString()
      case (11, .varint): leadTimeDays = try reader.readInt32()
      case (12, .varint): depositPercent = try reader.readInt32()
      case (13, .lengthDelimited): try reader.readMessage(into: &validUntil)
      case (14, .varint): status = try reader.readEnum(QuoteStatus.self)
      case (15, .lengthDelimited): try reader.appendMessage(to: &revisions)
      case (16, .lengthDelimited): orderId = try reader.readString()
      case (17, .varint): version = try reader.readInt64()
      case (18, .lengthDelimited): try reader.readMessage(into: &createdAt)
      case (19, .lengthDelimited): try reader.readMessage(into: &updatedAt)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(19, updatedAt)
    writer.writeMessage(18, createdAt)
    writer.write(17, version, as: ProtoInt64.self)
    writer.write(16, orderId, as: ProtoString.self)
    writer.writeRepeatedMessages(15, revisions)
    writer.write(14, status, as: QuoteStatus.self)
    writer.writeMessage(13, validUntil)
    writer.write(12, depositPercent, as: ProtoInt32.self)
    writer.write(11, leadTimeDays, as: ProtoInt32.self)
    writer.write(10, port, as: ProtoString.self)
    writer.write(9, incoterm, as: Incoterm.self)
    writer.writeMessage(8, unitPrice)
    writer.write(7, unit, as: QuantityUnit.self)
    writer.write(6, quantity, as: ProtoInt64.self)
    writer.write(5, producerId, as: ProtoString.self)
    writer.write(4, buyerId, as: ProtoString.self)
    writer.write(3, listingId, as: ProtoString.self)
    writer.write(2, rfqId, as: ProtoString.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// One offer in a quote's negotiation: the terms one party proposed at a moment.
public struct QuoteRevision: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.QuoteRevision"

  /// The party that proposed these terms.
  public var by: Actor?
  /// When they were proposed.
  public var at: ProtoTimestamp?
  /// Price per unit; absent in a buyer's request without a target price.
  public var unitPrice: Money?
  /// Quantity proposed.
  public var quantity: Int64 = 0
  /// Lead time proposed, in days.
  public var leadTimeDays: Int32 = 0
  /// Free text from the party, any language.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &by)
      case (2, .lengthDelimited): try reader.readMessage(into: &at)
      case (3, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      case (4, .varint): quantity = try reader.readInt64()
      case (5, .varint): leadTimeDays = try reader.readInt32()
      case (6, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, note, as: ProtoString.self)
    writer.write(5, leadTimeDays, as: ProtoInt32.self)
    writer.write(4, quantity, as: ProtoInt64.self)
    writer.writeMessage(3, unitPrice)
    writer.writeMessage(2, at)
    writer.writeMessage(1, by)
  }
}

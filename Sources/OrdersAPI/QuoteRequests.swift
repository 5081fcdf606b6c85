// Request and response messages of the quote RPCs of craft.orders.v1.OrdersService, written by hand.

public import CommonAPI
public import ProtoWire

/// `RequestQuote`: a buyer (the caller) asks the producer of a listing for a quote.
public struct RequestQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.RequestQuoteRequest"

  /// The catalogue listing to quote.
  public var listingId: String = ""
  /// Quantity wanted, in the listing's unit.
  public var quantity: Int64 = 0
  /// Must match the listing's unit; `.unspecified` means the listing's unit.
  public var unit: QuantityUnit = .unspecified
  /// The incoterm the buyer wants the price on.
  public var incoterm: Incoterm = .unspecified
  /// The named port or place for the incoterm.
  public var port: String = ""
  /// Optional price hint for the producer.
  public var targetUnitPrice: Money?
  /// Free text for the producer.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): listingId = try reader.readString()
      case (2, .varint): quantity = try reader.readInt64()
      case (3, .varint): unit = try reader.readEnum(QuantityUnit.self)
      case (4, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (5, .lengthDelimited): port = try reader.readString()
      case (6, .lengthDelimited): try reader.readMessage(into: &targetUnitPrice)
      case (7, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(7, note, as: ProtoString.self)
    writer.writeMessage(6, targetUnitPrice)
    writer.write(5, port, as: ProtoString.self)
    writer.write(4, incoterm, as: Incoterm.self)
    writer.write(3, unit, as: QuantityUnit.self)
    writer.write(2, quantity, as: ProtoInt64.self)
    writer.write(1, listingId, as: ProtoString.self)
  }
}

/// `CreateQuote`: a producer (the caller, owning the listing) quotes on a buyer's RFQ.
public struct CreateQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.CreateQuoteRequest"

  /// The matching service's RFQ answered.
  public var rfqId: String = ""
  /// The buyer who posted the RFQ.
  public var buyerId: String = ""
  /// The producer's listing offered.
  public var listingId: String = ""
  /// Quantity offered.
  public var quantity: Int64 = 0
  /// The unit `quantity` counts in.
  public var unit: QuantityUnit = .unspecified
  /// Price per unit.
  public var unitPrice: Money?
  /// The incoterm of the price.
  public var incoterm: Incoterm = .unspecified
  /// The named port or place for the incoterm.
  public var port: String = ""
  /// Days from deposit to ready-to-ship.
  public var leadTimeDays: Int32 = 0
  /// Deposit share in percent, 0–100.
  public var depositPercent: Int32 = 0
  /// When the offer expires; absent means the server default.
  public var validUntil: ProtoTimestamp?
  /// Free text for the buyer.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): rfqId = try reader.readString()
      case (2, .lengthDelimited): buyerId = try reader.readString()
      case (3, .lengthDelimited): listingId = try reader.readString()
      case (4, .varint): quantity = try reader.readInt64()
      case (5, .varint): unit = try reader.readEnum(QuantityUnit.self)
      case (6, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      case (7, .varint): incoterm = try reader.readEnum(Incoterm.self)
      case (8, .lengthDelimited): port = try reader.readString()
      case (9, .varint): leadTimeDays = try reader.readInt32()
      case (10, .varint): depositPercent = try reader.readInt32()
      case (11, .lengthDelimited): try reader.readMessage(into: &validUntil)
      case (12, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(12, note, as: ProtoString.self)
    writer.writeMessage(11, validUntil)
    writer.write(10, depositPercent, as: ProtoInt32.self)
    writer.write(9, leadTimeDays, as: ProtoInt32.self)
    writer.write(8, port, as: ProtoString.self)
    writer.write(7, incoterm, as: Incoterm.self)
    writer.writeMessage(6, unitPrice)
    writer.write(5, unit, as: QuantityUnit.self)
    writer.write(4, quantity, as: ProtoInt64.self)
    writer.write(3, listingId, as: ProtoString.self)
    writer.write(2, buyerId, as: ProtoString.self)
    writer.write(1, rfqId, as: ProtoString.self)
  }
}

/// `CounterQuote`: the party whose turn it is proposes new terms; unset fields keep their value.
public struct CounterQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.CounterQuoteRequest"

  /// The quote countered.
  public var quoteId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// New price per unit; absent keeps the current one.
  public var unitPrice: Money?
  /// New quantity; `nil` keeps the current one.
  public var quantity: Int64?
  /// New lead time in days; `nil` keeps the current one.
  public var leadTimeDays: Int32?
  /// New deposit percent (producer only); `nil` keeps the current one.
  public var depositPercent: Int32?
  /// New expiry; absent keeps the current one.
  public var validUntil: ProtoTimestamp?
  /// Free text for the other party.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): quoteId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): try reader.readMessage(into: &unitPrice)
      case (4, .varint): quantity = try reader.readInt64()
      case (5, .varint): leadTimeDays = try reader.readInt32()
      case (6, .varint): depositPercent = try reader.readInt32()
      case (7, .lengthDelimited): try reader.readMessage(into: &validUntil)
      case (8, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(8, note, as: ProtoString.self)
    writer.writeMessage(7, validUntil)
    writer.write(6, depositPercent, as: ProtoInt32.self)
    writer.write(5, leadTimeDays, as: ProtoInt32.self)
    writer.write(4, quantity, as: ProtoInt64.self)
    writer.writeMessage(3, unitPrice)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, quoteId, as: ProtoString.self)
  }
}

/// `AcceptQuote`: the party whose turn it is accepts the latest terms.
public struct AcceptQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.AcceptQuoteRequest"

  /// The quote accepted.
  public var quoteId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// Free text for the other party.
  public var note: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): quoteId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): note = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, note, as: ProtoString.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, quoteId, as: ProtoString.self)
  }
}

/// `RejectQuote`: the party whose turn it is rejects the quote (final).
public struct RejectQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.RejectQuoteRequest"

  /// The quote rejected.
  public var quoteId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// Why, for the other party.
  public var reason: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): quoteId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): reason = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, reason, as: ProtoString.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, quoteId, as: ProtoString.self)
  }
}

/// `WithdrawQuote`: the party that made the latest offer takes it back (final).
public struct WithdrawQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.WithdrawQuoteRequest"

  /// The quote withdrawn.
  public var quoteId: String = ""
  /// The version the caller read; a different stored version fails with `ABORTED`.
  public var expectedVersion: Int64 = 0
  /// Why, for the other party.
  public var reason: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): quoteId = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      case (3, .lengthDelimited): reason = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, reason, as: ProtoString.self)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, quoteId, as: ProtoString.self)
  }
}

/// `GetQuote`: one quote by id.
public struct GetQuoteRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.GetQuoteRequest"

  /// The quote id.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public init(id: String) {
    self.id = id
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// `ListQuotes`: empty filters match everything the caller may see; newest first.
public struct ListQuotesRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.ListQuotesRequest"

  /// Only quotes of this buyer; empty means any.
  public var buyerId: String = ""
  /// Only quotes of this producer; empty means any.
  public var producerId: String = ""
  /// Only quotes answering this RFQ; empty means any.
  public var rfqId: String = ""
  /// Only quotes on this listing; empty means any.
  public var listingId: String = ""
  /// Only quotes in these statuses; empty means any status.
  public var statuses: [QuoteStatus] = []
  /// Page size; 0 means the server default.
  public var pageSize: Int32 = 0
  /// Opaque token from a previous response; empty means the first page.
  public var pageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): buyerId = try reader.readString()
      case (2, .lengthDelimited): producerId = try reader.readString()
      case (3, .lengthDelimited): rfqId = try reader.readString()
      case (4, .lengthDelimited): listingId = try reader.readString()
      case (5, .varint), (5, .lengthDelimited):
        try reader.readRepeated(tag, into: &statuses, as: QuoteStatus.self)
      case (6, .varint): pageSize = try reader.readInt32()
      case (7, .lengthDelimited): pageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(7, pageToken, as: ProtoString.self)
    writer.write(6, pageSize, as: ProtoInt32.self)
    writer.writeRepeated(5, statuses, as: QuoteStatus.self)
    writer.write(4, listingId, as: ProtoString.self)
    writer.write(3, rfqId, as: ProtoString.self)
    writer.write(2, producerId, as: ProtoString.self)
    writer.write(1, buyerId, as: ProtoString.self)
  }
}

/// A page of quotes.
public struct ListQuotesResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.orders.v1.ListQuotesResponse"

  /// The quotes of this page.
  public var quotes: [Quote] = []
  /// Token for the next page; empty when there are no more.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &quotes)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, quotes)
  }
}

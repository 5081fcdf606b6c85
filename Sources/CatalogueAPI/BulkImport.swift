// Bulk import messages of craft/catalogue/v1/catalogue.proto (package craft.catalogue.v1),
// written by hand.

public import ProtoWire

/// One row of a `BulkImport` stream.
public struct BulkImportRow: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.BulkImportRow"

  /// What the row imports (the oneof `item`).
  public enum Item: Hashable, Sendable {
    /// A listing, as for CreateListing; with the SKU of an existing listing of the same
    /// producer it updates that listing instead (no version check).
    case listing(Listing)
    /// A producer: an unknown or empty id creates it (as CreateProducer), a known id updates it.
    case producer(Producer)
  }

  /// The client's number for the row (e.g. its CSV line), echoed back.
  public var rowNumber: Int64 = 0
  /// The listing or producer to import.
  public var item: Item?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A row with every field at its default.
  public init() {}

  /// A row importing `item`.
  public init(rowNumber: Int64, item: Item) {
    self.rowNumber = rowNumber
    self.item = item
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): rowNumber = try reader.readInt64()
      case (2, .lengthDelimited):
        var value: Listing
        if case .listing(let existing) = item { value = existing } else { value = Listing() }
        try reader.readMessage(into: &value)
        item = .listing(value)
      case (3, .lengthDelimited):
        var value: Producer
        if case .producer(let existing) = item { value = existing } else { value = Producer() }
        try reader.readMessage(into: &value)
        item = .producer(value)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    if case .producer(let v) = item { writer.writeMessage(3, v) }
    if case .listing(let v) = item { writer.writeMessage(2, v) }
    writer.write(1, rowNumber, as: ProtoInt64.self)
  }
}

/// The outcome of an import, sent when the client has closed its stream.
public struct BulkImportResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.BulkImportResponse"

  /// The outcome of one row.
  public struct RowResult: ProtoMessage, Hashable {
    public static let protoMessageName = "craft.catalogue.v1.BulkImportResponse.RowResult"

    /// The row's number as the client sent it.
    public var rowNumber: Int64 = 0
    /// The row was stored.
    public var ok: Bool = false
    /// Ok and a new object was created (false: an existing one was updated).
    public var created: Bool = false
    /// The listing created or updated (listing rows).
    public var listingId: String = ""
    /// The producer created or updated, or the listing's producer.
    public var producerId: String = ""
    /// When rejected: the offending field, e.g. "moq", "price_tiers"; may be empty.
    public var field: String = ""
    /// When rejected: why, in English.
    public var reason: String = ""
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A result with every field at its default.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): rowNumber = try reader.readInt64()
        case (2, .varint): ok = try reader.readBool()
        case (3, .varint): created = try reader.readBool()
        case (4, .lengthDelimited): listingId = try reader.readString()
        case (5, .lengthDelimited): producerId = try reader.readString()
        case (6, .lengthDelimited): field = try reader.readString()
        case (7, .lengthDelimited): reason = try reader.readString()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(7, reason, as: ProtoString.self)
      writer.write(6, field, as: ProtoString.self)
      writer.write(5, producerId, as: ProtoString.self)
      writer.write(4, listingId, as: ProtoString.self)
      writer.write(3, created, as: ProtoBool.self)
      writer.write(2, ok, as: ProtoBool.self)
      writer.write(1, rowNumber, as: ProtoInt64.self)
    }
  }

  /// Rows stored.
  public var accepted: Int64 = 0
  /// Rows rejected.
  public var rejected: Int64 = 0
  /// One per row, in the order received.
  public var results: [RowResult] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): accepted = try reader.readInt64()
      case (2, .varint): rejected = try reader.readInt64()
      case (3, .lengthDelimited): try reader.appendMessage(to: &results)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(3, results)
    writer.write(2, rejected, as: ProtoInt64.self)
    writer.write(1, accepted, as: ProtoInt64.self)
  }
}

// Requests and responses of the listing RPCs of craft/catalogue/v1/catalogue.proto
// (package craft.catalogue.v1), written by hand.

public import ProtoWire

/// The request of `CreateListing`.
public struct CreateListingRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.CreateListingRequest"

  /// The listing to add; output-only fields are ignored.
  public var listing: Listing?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request adding `listing`.
  public init(listing: Listing) {
    self.listing = listing
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &listing)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(1, listing)
  }
}

/// The request of `UpdateListing`: the full listing and the version it was read at.
public struct UpdateListingRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.UpdateListingRequest"

  /// The new state, identified by `listing.id`; every editable field is replaced and
  /// `producerId` cannot change.
  public var listing: Listing?
  /// The version last read; 0 means no check. A different current version → ABORTED.
  public var expectedVersion: Int64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request replacing `listing`, checked against `expectedVersion`.
  public init(listing: Listing, expectedVersion: Int64) {
    self.listing = listing
    self.expectedVersion = expectedVersion
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &listing)
      case (2, .varint): expectedVersion = try reader.readInt64()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.writeMessage(1, listing)
  }
}

/// The request of `DeleteListing`.
public struct DeleteListingRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.DeleteListingRequest"

  /// The listing to soft-delete.
  public var id: String = ""
  /// The version last read; 0 means no check.
  public var expectedVersion: Int64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request deleting the listing `id`.
  public init(id: String, expectedVersion: Int64 = 0) {
    self.id = id
    self.expectedVersion = expectedVersion
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .varint): expectedVersion = try reader.readInt64()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// The request of `GetListing`.
public struct GetListingRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.GetListingRequest"

  /// The listing's id.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for the listing `id`.
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

/// The request of `BatchGetListings`.
public struct BatchGetListingsRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.BatchGetListingsRequest"

  /// The listings wanted; at most 1,000.
  public var ids: [String] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for the listings `ids`.
  public init(ids: [String]) {
    self.ids = ids
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readRepeated(tag, into: &ids, as: ProtoString.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(1, ids, as: ProtoString.self)
  }
}

/// The listings found by `BatchGetListings`.
public struct BatchGetListingsResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.BatchGetListingsResponse"

  /// In the order of the request, found ones only.
  public var listings: [Listing] = []
  /// Ids not found (or not visible to the caller).
  public var missingIds: [String] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &listings)
      case (2, .lengthDelimited):
        try reader.readRepeated(tag, into: &missingIds, as: ProtoString.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(2, missingIds, as: ProtoString.self)
    writer.writeRepeatedMessages(1, listings)
  }
}

/// The request of `ListListings`.
public struct ListListingsRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListListingsRequest"

  /// Listings per page; 0 means the server default.
  public var pageSize: Int32 = 0
  /// Opaque token from a previous response; empty means the first page.
  public var pageToken: String = ""
  /// Only this producer's listings; empty means all.
  public var producerId: String = ""
  /// Only this village's listings; empty means all.
  public var villageId: String = ""
  /// Include drafts the caller may see (own, or all for admins).
  public var showDrafts: Bool = false
  /// Include deleted listings.
  public var showDeleted: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (all active listings, first page).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): pageSize = try reader.readInt32()
      case (2, .lengthDelimited): pageToken = try reader.readString()
      case (3, .lengthDelimited): producerId = try reader.readString()
      case (4, .lengthDelimited): villageId = try reader.readString()
      case (5, .varint): showDrafts = try reader.readBool()
      case (6, .varint): showDeleted = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, showDeleted, as: ProtoBool.self)
    writer.write(5, showDrafts, as: ProtoBool.self)
    writer.write(4, villageId, as: ProtoString.self)
    writer.write(3, producerId, as: ProtoString.self)
    writer.write(2, pageToken, as: ProtoString.self)
    writer.write(1, pageSize, as: ProtoInt32.self)
  }
}

/// A page of listings.
public struct ListListingsResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListListingsResponse"

  /// The listings of this page, newest first.
  public var listings: [Listing] = []
  /// Token for the next page; empty when there are no more.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &listings)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, listings)
  }
}

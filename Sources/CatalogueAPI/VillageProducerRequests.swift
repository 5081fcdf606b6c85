// Requests and responses of the village and producer RPCs of craft/catalogue/v1/catalogue.proto
// (package craft.catalogue.v1), written by hand.

public import CommonAPI
public import ProtoWire

/// The request of `GetVillage`.
public struct GetVillageRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.GetVillageRequest"

  /// The village's id.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for the village `id`.
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

/// The request of `ListVillages`.
public struct ListVillagesRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListVillagesRequest"

  /// Villages per page; 0 means the server default.
  public var pageSize: Int32 = 0
  /// Opaque token from a previous response; empty means the first page.
  public var pageToken: String = ""
  /// Only villages with this craft; `.unspecified` means all.
  public var craft: CraftCategory = .unspecified
  /// Only this district (matched without tone marks); empty means all.
  public var district: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (all villages, first page).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): pageSize = try reader.readInt32()
      case (2, .lengthDelimited): pageToken = try reader.readString()
      case (3, .varint): craft = try reader.readEnum()
      case (4, .lengthDelimited): district = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(4, district, as: ProtoString.self)
    writer.write(3, craft, as: CraftCategory.self)
    writer.write(2, pageToken, as: ProtoString.self)
    writer.write(1, pageSize, as: ProtoInt32.self)
  }
}

/// A page of villages.
public struct ListVillagesResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListVillagesResponse"

  /// The villages of this page, ordered by id.
  public var villages: [Village] = []
  /// Token for the next page; empty when there are no more.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &villages)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, villages)
  }
}

/// The request of `CreateProducer`.
public struct CreateProducerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.CreateProducerRequest"

  /// The producer to register; output-only fields are ignored.
  public var producer: Producer?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request registering `producer`.
  public init(producer: Producer) {
    self.producer = producer
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &producer)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(1, producer)
  }
}

/// The request of `UpdateProducer`: the full producer and the version it was read at.
public struct UpdateProducerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.UpdateProducerRequest"

  /// The new state, identified by `producer.id`; every editable field is replaced.
  public var producer: Producer?
  /// The version last read; 0 means no check. A different current version → ABORTED.
  public var expectedVersion: Int64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request replacing `producer`, checked against `expectedVersion`.
  public init(producer: Producer, expectedVersion: Int64) {
    self.producer = producer
    self.expectedVersion = expectedVersion
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &producer)
      case (2, .varint): expectedVersion = try reader.readInt64()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, expectedVersion, as: ProtoInt64.self)
    writer.writeMessage(1, producer)
  }
}

/// The request of `DeleteProducer`.
public struct DeleteProducerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.DeleteProducerRequest"

  /// The producer to soft-delete.
  public var id: String = ""
  /// The version last read; 0 means no check.
  public var expectedVersion: Int64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request deleting the producer `id`.
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

/// The request of `GetProducer`.
public struct GetProducerRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.GetProducerRequest"

  /// The producer's id.
  public var id: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default.
  public init() {}

  /// A request for the producer `id`.
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

/// The request of `ListProducers`.
public struct ListProducersRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListProducersRequest"

  /// Producers per page; 0 means the server default.
  public var pageSize: Int32 = 0
  /// Opaque token from a previous response; empty means the first page.
  public var pageToken: String = ""
  /// Only producers of this village; empty means all.
  public var villageId: String = ""
  /// Include soft-deleted producers.
  public var showDeleted: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (all producers, first page).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): pageSize = try reader.readInt32()
      case (2, .lengthDelimited): pageToken = try reader.readString()
      case (3, .lengthDelimited): villageId = try reader.readString()
      case (4, .varint): showDeleted = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(4, showDeleted, as: ProtoBool.self)
    writer.write(3, villageId, as: ProtoString.self)
    writer.write(2, pageToken, as: ProtoString.self)
    writer.write(1, pageSize, as: ProtoInt32.self)
  }
}

/// A page of producers.
public struct ListProducersResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListProducersResponse"

  /// The producers of this page, ordered by id.
  public var producers: [Producer] = []
  /// Token for the next page; empty when there are no more.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &producers)
      case (2, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, nextPageToken, as: ProtoString.self)
    writer.writeRepeatedMessages(1, producers)
  }
}

// Change feed messages of craft/catalogue/v1/catalogue.proto (package craft.catalogue.v1),
// written by hand.

public import CommonAPI
public import ProtoWire

/// The request of `WatchChanges`.
public struct WatchChangesRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.WatchChangesRequest"

  /// Send events with a greater seq; 0 means from the beginning.
  public var afterSeq: UInt64 = 0
  /// Only these kinds of object; empty means all.
  public var entityTypes: [ChangeEvent.EntityType] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (every event from the beginning).
  public init() {}

  /// A request resuming after `afterSeq`.
  public init(afterSeq: UInt64, entityTypes: [ChangeEvent.EntityType] = []) {
    self.afterSeq = afterSeq
    self.entityTypes = entityTypes
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): afterSeq = try reader.readUInt64()
      case (2, .varint), (2, .lengthDelimited):
        try reader.readRepeated(tag, into: &entityTypes, as: ChangeEvent.EntityType.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(2, entityTypes, as: ChangeEvent.EntityType.self)
    writer.write(1, afterSeq, as: ProtoUInt64.self)
  }
}

/// One committed change, with a snapshot of the object after it.
public struct ChangeEvent: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ChangeEvent"

  /// What happened.
  public struct ChangeType: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A change type from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `CHANGE_TYPE_UNSPECIFIED`: not set.
    public static let unspecified = ChangeType(rawValue: 0)
    /// `CHANGE_TYPE_CREATED`: the object was created.
    public static let created = ChangeType(rawValue: 1)
    /// `CHANGE_TYPE_UPDATED`: the object was changed.
    public static let updated = ChangeType(rawValue: 2)
    /// `CHANGE_TYPE_DELETED`: soft delete; the snapshot shows the deleted object.
    public static let deleted = ChangeType(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "CHANGE_TYPE_UNSPECIFIED"
      case 1: "CHANGE_TYPE_CREATED"
      case 2: "CHANGE_TYPE_UPDATED"
      case 3: "CHANGE_TYPE_DELETED"
      default: "\(rawValue)"
      }
    }
  }

  /// The kind of object changed.
  public struct EntityType: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// An entity type from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `ENTITY_TYPE_UNSPECIFIED`: not set.
    public static let unspecified = EntityType(rawValue: 0)
    /// `ENTITY_TYPE_VILLAGE`: a village.
    public static let village = EntityType(rawValue: 1)
    /// `ENTITY_TYPE_PRODUCER`: a producer.
    public static let producer = EntityType(rawValue: 2)
    /// `ENTITY_TYPE_LISTING`: a listing.
    public static let listing = EntityType(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "ENTITY_TYPE_UNSPECIFIED"
      case 1: "ENTITY_TYPE_VILLAGE"
      case 2: "ENTITY_TYPE_PRODUCER"
      case 3: "ENTITY_TYPE_LISTING"
      default: "\(rawValue)"
      }
    }
  }

  /// The object after the change (the oneof `snapshot`).
  public enum Snapshot: Hashable, Sendable {
    /// A producer's state after the change.
    case producer(Producer)
    /// A listing's state after the change.
    case listing(Listing)
    /// A village's state after the change.
    case village(Village)
  }

  /// Strictly increasing across the whole feed, written in the same transaction as the change;
  /// not contiguous when the stream is filtered.
  public var seq: UInt64 = 0
  /// Commit time.
  public var time: ProtoTimestamp?
  /// What happened.
  public var changeType: ChangeType = .unspecified
  /// Who made the change.
  public var actor: Actor?
  /// The object after the change.
  public var snapshot: Snapshot?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An event with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): seq = try reader.readUInt64()
      case (2, .lengthDelimited): try reader.readMessage(into: &time)
      case (3, .varint): changeType = try reader.readEnum()
      case (4, .lengthDelimited): try reader.readMessage(into: &actor)
      case (5, .lengthDelimited):
        var value: Producer
        if case .producer(let existing) = snapshot { value = existing } else { value = Producer() }
        try reader.readMessage(into: &value)
        snapshot = .producer(value)
      case (6, .lengthDelimited):
        var value: Listing
        if case .listing(let existing) = snapshot { value = existing } else { value = Listing() }
        try reader.readMessage(into: &value)
        snapshot = .listing(value)
      case (7, .lengthDelimited):
        var value: Village
        if case .village(let existing) = snapshot { value = existing } else { value = Village() }
        try reader.readMessage(into: &value)
        snapshot = .village(value)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    if case .village(let v) = snapshot { writer.writeMessage(7, v) }
    if case .listing(let v) = snapshot { writer.writeMessage(6, v) }
    if case .producer(let v) = snapshot { writer.writeMessage(5, v) }
    writer.writeMessage(4, actor)
    writer.write(3, changeType, as: ChangeType.self)
    writer.writeMessage(2, time)
    writer.write(1, seq, as: ProtoUInt64.self)
  }
}

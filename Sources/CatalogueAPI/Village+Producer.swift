// Villages and producers of craft/catalogue/v1/catalogue.proto (package craft.catalogue.v1),
// written by hand.

public import CommonAPI
public import ProtoWire

/// A craft village (làng nghề). Seeded and maintained by admins; read by everyone.
public struct Village: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Village"

  /// Stable slug, e.g. "ninh-so".
  public var id: String = ""
  /// The village's name, e.g. vi "Ninh Sở", en "Ninh So".
  public var name: LocalizedText?
  /// Commune or ward, e.g. "Phú Nghĩa"; may be empty.
  public var commune: String = ""
  /// Legacy district name with diacritics, e.g. "Thường Tín".
  public var district: String = ""
  /// Province or city, e.g. "Hà Nội".
  public var province: String = ""
  /// Main crafts, most important first.
  public var crafts: [CraftCategory] = []
  /// What the village makes and is known for.
  public var description: LocalizedText?
  /// WGS 84 degrees; 0 with longitude 0 means unknown.
  public var latitude: Double = 0
  /// WGS 84 degrees.
  public var longitude: Double = 0
  /// Output only: producers not deleted.
  public var producerCount: Int32 = 0
  /// Output only: active listings.
  public var listingCount: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A village with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &name)
      case (3, .lengthDelimited): commune = try reader.readString()
      case (4, .lengthDelimited): district = try reader.readString()
      case (5, .lengthDelimited): province = try reader.readString()
      case (6, .varint), (6, .lengthDelimited):
        try reader.readRepeated(tag, into: &crafts, as: CraftCategory.self)
      case (7, .lengthDelimited): try reader.readMessage(into: &description)
      case (8, .fixed64): latitude = try reader.readDouble()
      case (9, .fixed64): longitude = try reader.readDouble()
      case (10, .varint): producerCount = try reader.readInt32()
      case (11, .varint): listingCount = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(11, listingCount, as: ProtoInt32.self)
    writer.write(10, producerCount, as: ProtoInt32.self)
    writer.write(9, longitude, as: ProtoDouble.self)
    writer.write(8, latitude, as: ProtoDouble.self)
    writer.writeMessage(7, description)
    writer.writeRepeated(6, crafts, as: CraftCategory.self)
    writer.write(5, province, as: ProtoString.self)
    writer.write(4, district, as: ProtoString.self)
    writer.write(3, commune, as: ProtoString.self)
    writer.writeMessage(2, name)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// A certificate a producer holds, with its validity.
public struct Certification: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Certification"

  /// The scheme certified.
  public var type: CertificationType = .unspecified
  /// Human-readable name; required for `CertificationType.other`.
  public var label: String = ""
  /// Certification body, e.g. "Control Union", "Vietcraft".
  public var issuer: String = ""
  /// The certificate's number, e.g. "FSC-C123456".
  public var certificateNumber: String = ""
  /// Inclusive validity: valid on day D when start ≤ D ≤ end.
  public var valid: DateRange?
  /// Scan of the certificate, for document verification; may be empty.
  public var documentUrl: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A certification with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): type = try reader.readEnum()
      case (2, .lengthDelimited): label = try reader.readString()
      case (3, .lengthDelimited): issuer = try reader.readString()
      case (4, .lengthDelimited): certificateNumber = try reader.readString()
      case (5, .lengthDelimited): try reader.readMessage(into: &valid)
      case (6, .lengthDelimited): documentUrl = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, documentUrl, as: ProtoString.self)
    writer.writeMessage(5, valid)
    writer.write(4, certificateNumber, as: ProtoString.self)
    writer.write(3, issuer, as: ProtoString.self)
    writer.write(2, label, as: ProtoString.self)
    writer.write(1, type, as: CertificationType.self)
  }
}

/// How quickly a producer answers enquiries and introductions, measured by the platform.
public struct ResponseStats: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ResponseStats"

  /// Median time to a first reply, in seconds.
  public var medianResponseSeconds: Int64 = 0
  /// Share of enquiries answered within 24 h, in [0, 1].
  public var responseRate: Double = 0
  /// Number of enquiries measured; 0 means no data yet.
  public var sampleSize: Int32 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// Statistics with every field at its default (no data).
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): medianResponseSeconds = try reader.readInt64()
      case (2, .fixed64): responseRate = try reader.readDouble()
      case (3, .varint): sampleSize = try reader.readInt32()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(3, sampleSize, as: ProtoInt32.self)
    writer.write(2, responseRate, as: ProtoDouble.self)
    writer.write(1, medianResponseSeconds, as: ProtoInt64.self)
  }
}

/// A producer: a household, cooperative or company of one village.
public struct Producer: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Producer"

  /// The legal form of a producer.
  public struct Kind: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A kind from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `KIND_UNSPECIFIED`: not stated.
    public static let unspecified = Kind(rawValue: 0)
    /// `KIND_HOUSEHOLD`: hộ gia đình / hộ kinh doanh.
    public static let household = Kind(rawValue: 1)
    /// `KIND_COOPERATIVE`: hợp tác xã.
    public static let cooperative = Kind(rawValue: 2)
    /// `KIND_COMPANY`: a company, including village collecting firms.
    public static let company = Kind(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "KIND_UNSPECIFIED"
      case 1: "KIND_HOUSEHOLD"
      case 2: "KIND_COOPERATIVE"
      case 3: "KIND_COMPANY"
      default: "\(rawValue)"
      }
    }
  }

  /// How far the platform has checked a producer. Set by admins.
  public struct VerificationTier: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A tier from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `VERIFICATION_TIER_UNSPECIFIED`: not verified.
    public static let unspecified = VerificationTier(rawValue: 0)
    /// `VERIFICATION_TIER_SELF_DECLARED`: profile declared by the producer.
    public static let selfDeclared = VerificationTier(rawValue: 1)
    /// `VERIFICATION_TIER_DOCUMENTS`: business licence and certificates checked.
    public static let documents = VerificationTier(rawValue: 2)
    /// `VERIFICATION_TIER_ON_SITE_AUDIT`: workshop visited and audited.
    public static let onSiteAudit = VerificationTier(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "VERIFICATION_TIER_UNSPECIFIED"
      case 1: "VERIFICATION_TIER_SELF_DECLARED"
      case 2: "VERIFICATION_TIER_DOCUMENTS"
      case 3: "VERIFICATION_TIER_ON_SITE_AUDIT"
      default: "\(rawValue)"
      }
    }
  }

  /// Server-chosen, except on create by a producer-role caller (its token's subject) or by an
  /// admin who chooses one.
  public var id: String = ""
  /// Household, cooperative or company.
  public var kind: Kind = .unspecified
  /// The producer's name.
  public var name: LocalizedText?
  /// The village the producer belongs to.
  public var villageId: String = ""
  /// What the producer makes and how.
  public var description: LocalizedText?
  /// Revealed only to the producer itself, admins and system callers (and by the matching
  /// service after an accepted introduction); empty for everyone else.
  public var contact: Contact?
  /// Countries already served, ISO 3166-1 alpha-2 ("JP", "DE").
  public var exportMarkets: [String] = []
  /// Certificates held, with validity.
  public var certifications: [Certification] = []
  /// Output only for producers; admins set it.
  public var verificationTier: VerificationTier = .unspecified
  /// Day of the last verification; `nil` if none.
  public var verifiedOn: CalendarDate?
  /// Output only for producers; admin and system callers set it.
  public var responseStats: ResponseStats?
  /// Workers, including regular home workers; 0 means unknown.
  public var employees: Int32 = 0
  /// Year founded; 0 means unknown.
  public var foundedYear: Int32 = 0
  /// Output only.
  public var createdAt: ProtoTimestamp?
  /// Output only.
  public var updatedAt: ProtoTimestamp?
  /// Output only: soft-deleted.
  public var deleted: Bool = false
  /// Output only: 1 on create, +1 on each change.
  public var version: Int64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A producer with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .varint): kind = try reader.readEnum()
      case (3, .lengthDelimited): try reader.readMessage(into: &name)
      case (4, .lengthDelimited): villageId = try reader.readString()
      case (5, .lengthDelimited): try reader.readMessage(into: &description)
      case (6, .lengthDelimited): try reader.readMessage(into: &contact)
      case (7, .lengthDelimited):
        try reader.readRepeated(tag, into: &exportMarkets, as: ProtoString.self)
      case (8, .lengthDelimited): try reader.appendMessage(to: &certifications)
      case (9, .varint): verificationTier = try reader.readEnum()
      case (10, .lengthDelimited): try reader.readMessage(into: &verifiedOn)
      case (11, .lengthDelimited): try reader.readMessage(into: &responseStats)
      case (12, .varint): employees = try reader.readInt32()
      case (13, .varint): foundedYear = try reader.readInt32()
      case (14, .lengthDelimited): try reader.readMessage(into: &createdAt)
      case (15, .lengthDelimited): try reader.readMessage(into: &updatedAt)
      case (16, .varint): deleted = try reader.readBool()
      case (17, .varint): version = try reader.readInt64()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(17, version, as: ProtoInt64.self)
    writer.write(16, deleted, as: ProtoBool.self)
    writer.writeMessage(15, updatedAt)
    writer.writeMessage(14, createdAt)
    writer.write(13, foundedYear, as: ProtoInt32.self)
    writer.write(12, employees, as: ProtoInt32.self)
    writer.writeMessage(11, responseStats)
    writer.writeMessage(10, verifiedOn)
    writer.write(9, verificationTier, as: VerificationTier.self)
    writer.writeRepeatedMessages(8, certifications)
    writer.writeRepeated(7, exportMarkets, as: ProtoString.self)
    writer.writeMessage(6, contact)
    writer.writeMessage(5, description)
    writer.write(4, villageId, as: ProtoString.self)
    writer.writeMessage(3, name)
    writer.write(2, kind, as: Kind.self)
    writer.write(1, id, as: ProtoString.self)
  }
}

// Search messages of craft/catalogue/v1/catalogue.proto (package craft.catalogue.v1),
// written by hand.

public import CommonAPI
public import ProtoWire

/// Filters on listings; every set filter must hold (AND). Repeated filters match any of their
/// values (OR), except `certifications`, which must all be held.
public struct ListingFilter: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ListingFilter"

  /// Any of these categories; empty means any.
  public var categories: [CraftCategory] = []
  /// Any of these materials, matched without tone marks and case.
  public var materials: [String] = []
  /// HS code prefix in digits, dots ignored: "4602" matches "4602.12".
  public var hsPrefix: String = ""
  /// Any of these villages.
  public var villageIds: [String] = []
  /// District, matched without tone marks and case.
  public var district: String = ""
  /// The producer holds every one of these, each valid on `certifiedOn`.
  public var certifications: [CertificationType] = []
  /// The day certifications must be valid on; `nil` means today (Asia/Ho_Chi_Minh).
  public var certifiedOn: CalendarDate?
  /// MOQ ≤ this; 0 means no bound.
  public var maxMoq: Int64 = 0
  /// Some price tier in `price.currencyCode` has a unit price within the range; listings
  /// without a tier in that currency do not match. `nil` means no price filter.
  public var price: MoneyRange?
  /// Lead time ≤ this many days; 0 means no bound.
  public var maxLeadTimeDays: Int32 = 0
  /// Monthly capacity ≥ this; 0 means no bound.
  public var minMonthlyCapacity: Int64 = 0
  /// Exact SKU (case-insensitive); empty means any.
  public var sku: String = ""
  /// Only this producer's listings; empty means any.
  public var producerId: String = ""
  /// Any of these incoterms.
  public var incoterms: [Incoterm] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A filter that lets everything through.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint), (1, .lengthDelimited):
        try reader.readRepeated(tag, into: &categories, as: CraftCategory.self)
      case (2, .lengthDelimited):
        try reader.readRepeated(tag, into: &materials, as: ProtoString.self)
      case (3, .lengthDelimited): hsPrefix = try reader.readString()
      case (4, .lengthDelimited):
        try reader.readRepeated(tag, into: &villageIds, as: ProtoString.self)
      case (5, .lengthDelimited): district = try reader.readString()
      case (6, .varint), (6, .lengthDelimited):
        try reader.readRepeated(tag, into: &certifications, as: CertificationType.self)
      case (7, .lengthDelimited): try reader.readMessage(into: &certifiedOn)
      case (8, .varint): maxMoq = try reader.readInt64()
      case (9, .lengthDelimited): try reader.readMessage(into: &price)
      case (10, .varint): maxLeadTimeDays = try reader.readInt32()
      case (11, .varint): minMonthlyCapacity = try reader.readInt64()
      case (12, .lengthDelimited): sku = try reader.readString()
      case (13, .lengthDelimited): producerId = try reader.readString()
      case (14, .varint), (14, .lengthDelimited):
        try reader.readRepeated(tag, into: &incoterms, as: Incoterm.self)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeated(14, incoterms, as: Incoterm.self)
    writer.write(13, producerId, as: ProtoString.self)
    writer.write(12, sku, as: ProtoString.self)
    writer.write(11, minMonthlyCapacity, as: ProtoInt64.self)
    writer.write(10, maxLeadTimeDays, as: ProtoInt32.self)
    writer.writeMessage(9, price)
    writer.write(8, maxMoq, as: ProtoInt64.self)
    writer.writeMessage(7, certifiedOn)
    writer.writeRepeated(6, certifications, as: CertificationType.self)
    writer.write(5, district, as: ProtoString.self)
    writer.writeRepeated(4, villageIds, as: ProtoString.self)
    writer.write(3, hsPrefix, as: ProtoString.self)
    writer.writeRepeated(2, materials, as: ProtoString.self)
    writer.writeRepeated(1, categories, as: CraftCategory.self)
  }
}

/// The request of `SearchListings`.
public struct SearchListingsRequest: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.SearchListingsRequest"

  /// Result order. Ties are broken by listing id, so pages are stable.
  public struct Sort: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A sort order from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `SORT_UNSPECIFIED`: same as `relevance`.
    public static let unspecified = Sort(rawValue: 0)
    /// `SORT_RELEVANCE`: BM25 (title above description); an empty query sorts by listing id.
    public static let relevance = Sort(rawValue: 1)
    /// `SORT_PRICE_ASC`: lowest unit price in the sort currency; listings without one last.
    public static let priceAsc = Sort(rawValue: 2)
    /// `SORT_PRICE_DESC`: highest lowest-unit-price first; listings without one last.
    public static let priceDesc = Sort(rawValue: 3)
    /// `SORT_LEAD_TIME_ASC`: shortest lead time first.
    public static let leadTimeAsc = Sort(rawValue: 4)
    /// `SORT_NEWEST`: newest listings first.
    public static let newest = Sort(rawValue: 5)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "SORT_UNSPECIFIED"
      case 1: "SORT_RELEVANCE"
      case 2: "SORT_PRICE_ASC"
      case 3: "SORT_PRICE_DESC"
      case 4: "SORT_LEAD_TIME_ASC"
      case 5: "SORT_NEWEST"
      default: "\(rawValue)"
      }
    }
  }

  /// Words in Vietnamese or English, with or without tone marks; the last word also matches as
  /// a prefix. Empty means every listing that passes the filters.
  public var query: String = ""
  /// Filters; `nil` means none.
  public var filter: ListingFilter?
  /// Result order.
  public var sort: Sort = .unspecified
  /// Currency for price sorting; empty means `filter.price.currencyCode`, else "USD".
  public var sortCurrency: String = ""
  /// Hits per page; 0 means the server default.
  public var pageSize: Int32 = 0
  /// Opaque token from a previous response; empty means the first page.
  public var pageToken: String = ""
  /// Compute facets (costs time; usually only for the first page).
  public var includeFacets: Bool = false
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A request with every field at its default (all active listings).
  public init() {}

  /// A search for `query`.
  public init(query: String, filter: ListingFilter? = nil) {
    self.query = query
    self.filter = filter
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): query = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &filter)
      case (3, .varint): sort = try reader.readEnum()
      case (4, .lengthDelimited): sortCurrency = try reader.readString()
      case (5, .varint): pageSize = try reader.readInt32()
      case (6, .lengthDelimited): pageToken = try reader.readString()
      case (7, .varint): includeFacets = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(7, includeFacets, as: ProtoBool.self)
    writer.write(6, pageToken, as: ProtoString.self)
    writer.write(5, pageSize, as: ProtoInt32.self)
    writer.write(4, sortCurrency, as: ProtoString.self)
    writer.write(3, sort, as: Sort.self)
    writer.writeMessage(2, filter)
    writer.write(1, query, as: ProtoString.self)
  }
}

/// A short excerpt of the listing text where the query matched.
public struct Snippet: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Snippet"

  /// Where the excerpt comes from: "title.vi", "title.en", "description.vi", "description.en",
  /// "materials", "producer" or "village".
  public var field: String = ""
  /// The excerpt, each matched term wrapped in "«" and "»", "…" where text was cut.
  public var text: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A snippet with every field at its default.
  public init() {}

  /// A snippet of `field`.
  public init(field: String, text: String) {
    self.field = field
    self.text = text
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): field = try reader.readString()
      case (2, .lengthDelimited): text = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, text, as: ProtoString.self)
    writer.write(1, field, as: ProtoString.self)
  }
}

/// What a search hit shows of the listing's producer.
public struct ProducerSummary: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.ProducerSummary"

  /// The producer's id.
  public var id: String = ""
  /// The producer's name.
  public var name: LocalizedText?
  /// Household, cooperative or company.
  public var kind: Producer.Kind = .unspecified
  /// How far the platform has checked the producer.
  public var verificationTier: Producer.VerificationTier = .unspecified
  /// Certification types valid on the filter's `certifiedOn` day (or today).
  public var certifications: [CertificationType] = []
  /// Countries already served, ISO 3166-1 alpha-2.
  public var exportMarkets: [String] = []
  /// How quickly the producer answers.
  public var responseStats: ResponseStats?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A summary with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): id = try reader.readString()
      case (2, .lengthDelimited): try reader.readMessage(into: &name)
      case (3, .varint): kind = try reader.readEnum()
      case (4, .varint): verificationTier = try reader.readEnum()
      case (5, .varint), (5, .lengthDelimited):
        try reader.readRepeated(tag, into: &certifications, as: CertificationType.self)
      case (6, .lengthDelimited):
        try reader.readRepeated(tag, into: &exportMarkets, as: ProtoString.self)
      case (7, .lengthDelimited): try reader.readMessage(into: &responseStats)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(7, responseStats)
    writer.writeRepeated(6, exportMarkets, as: ProtoString.self)
    writer.writeRepeated(5, certifications, as: CertificationType.self)
    writer.write(4, verificationTier, as: Producer.VerificationTier.self)
    writer.write(3, kind, as: Producer.Kind.self)
    writer.writeMessage(2, name)
    writer.write(1, id, as: ProtoString.self)
  }
}

/// One result of `SearchListings`.
public struct SearchHit: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.SearchHit"

  /// The listing found.
  public var listing: Listing?
  /// Its producer, summarised.
  public var producer: ProducerSummary?
  /// The name of the listing's village.
  public var villageName: LocalizedText?
  /// The village's district.
  public var district: String = ""
  /// Relevance, higher is better; comparable within one query only.
  public var score: Double = 0
  /// Where the query matched; `nil` for an empty query.
  public var snippet: Snippet?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A hit with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.readMessage(into: &listing)
      case (2, .lengthDelimited): try reader.readMessage(into: &producer)
      case (3, .lengthDelimited): try reader.readMessage(into: &villageName)
      case (4, .lengthDelimited): district = try reader.readString()
      case (5, .fixed64): score = try reader.readDouble()
      case (6, .lengthDelimited): try reader.readMessage(into: &snippet)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeMessage(6, snippet)
    writer.write(5, score, as: ProtoDouble.self)
    writer.write(4, district, as: ProtoString.self)
    writer.writeMessage(3, villageName)
    writer.writeMessage(2, producer)
    writer.writeMessage(1, listing)
  }
}

/// A count of matching listings for one value of a facet.
public struct FacetValue: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.FacetValue"

  /// The value counted (the oneof `key`); the member matches the facet's field.
  public enum Key: Hashable, Sendable {
    /// A craft category (facet `category`).
    case category(CraftCategory)
    /// A village id (facet `village`).
    case villageId(String)
    /// A certification type (facet `certification`).
    case certification(CertificationType)
  }

  /// The value counted.
  public var key: Key?
  /// Display name (village name, category name).
  public var label: LocalizedText?
  /// Listings with this value.
  public var count: Int64 = 0
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A facet value with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): key = .category(try reader.readEnum())
      case (2, .lengthDelimited): key = .villageId(try reader.readString())
      case (3, .varint): key = .certification(try reader.readEnum())
      case (4, .lengthDelimited): try reader.readMessage(into: &label)
      case (5, .varint): count = try reader.readInt64()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(5, count, as: ProtoInt64.self)
    writer.writeMessage(4, label)
    if case .certification(let v) = key { writer.write(3, Optional(v), as: CertificationType.self) }
    if case .villageId(let v) = key { writer.write(2, Optional(v), as: ProtoString.self) }
    if case .category(let v) = key { writer.write(1, Optional(v), as: CraftCategory.self) }
  }
}

/// Counts of all listings matching the query and filters, by one field.
public struct Facet: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.Facet"

  /// The field a facet counts by.
  public struct Field: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A field from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `FIELD_UNSPECIFIED`: not set.
    public static let unspecified = Field(rawValue: 0)
    /// `FIELD_CATEGORY`: craft category.
    public static let category = Field(rawValue: 1)
    /// `FIELD_VILLAGE`: village.
    public static let village = Field(rawValue: 2)
    /// `FIELD_CERTIFICATION`: producer certifications valid on the filter's day.
    public static let certification = Field(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 0: "FIELD_UNSPECIFIED"
      case 1: "FIELD_CATEGORY"
      case 2: "FIELD_VILLAGE"
      case 3: "FIELD_CERTIFICATION"
      default: "\(rawValue)"
      }
    }
  }

  /// The field counted by.
  public var field: Field = .unspecified
  /// By count descending, then by key.
  public var values: [FacetValue] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A facet with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): field = try reader.readEnum()
      case (2, .lengthDelimited): try reader.appendMessage(to: &values)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(2, values)
    writer.write(1, field, as: Field.self)
  }
}

/// A page of search results, with facets and the total.
public struct SearchListingsResponse: ProtoMessage, Hashable {
  public static let protoMessageName = "craft.catalogue.v1.SearchListingsResponse"

  /// The hits of this page, in the requested order.
  public var hits: [SearchHit] = []
  /// Category, village, certification; empty unless requested.
  public var facets: [Facet] = []
  /// All listings matching query and filters.
  public var totalHits: Int64 = 0
  /// Token for the next page; empty when there are no more.
  public var nextPageToken: String = ""
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A response with every field at its default.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &hits)
      case (2, .lengthDelimited): try reader.appendMessage(to: &facets)
      case (3, .varint): totalHits = try reader.readInt64()
      case (4, .lengthDelimited): nextPageToken = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(4, nextPageToken, as: ProtoString.self)
    writer.write(3, totalHits, as: ProtoInt64.self)
    writer.writeRepeatedMessages(2, facets)
    writer.writeRepeatedMessages(1, hits)
  }
}

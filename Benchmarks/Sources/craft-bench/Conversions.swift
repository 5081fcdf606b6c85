// The same messages as swift-protobuf values, copied field by field from ours (no encoding is
// involved, so comparing the two encodings afterwards is a real check of both).

import CatalogueAPI
import CommonAPI
import ProtoWire
import SwiftProtobuf
import SwiftProtobufMessages

/// swift-protobuf's enum for our enum value (unknown numbers become `.UNRECOGNIZED`).
func convertEnum<E: SwiftProtobuf.Enum>(_ value: some ProtoEnum) -> E where E.RawValue == Int {
  E(rawValue: Int(value.rawValue))!
}

extension Craft_Common_V1_Money {
  init(_ ours: Money) {
    self.init()
    amountMinor = ours.amountMinor
    currencyCode = ours.currencyCode
  }
}

extension Craft_Common_V1_LocalizedText {
  init(_ ours: LocalizedText) {
    self.init()
    vi = ours.vi
    en = ours.en
  }
}

extension Google_Protobuf_Timestamp {
  init(_ ours: ProtoTimestamp) {
    self.init()
    seconds = ours.seconds
    nanos = ours.nanos
  }
}

extension Craft_Catalogue_V1_PriceTier {
  init(_ ours: PriceTier) {
    self.init()
    minQuantity = ours.minQuantity
    if let price = ours.unitPrice { unitPrice = .init(price) }
  }
}

extension Craft_Catalogue_V1_Packing {
  init(_ ours: Packing) {
    self.init()
    unitsPerCarton = ours.unitsPerCarton
    cartonCbm = ours.cartonCbm
    cartonGrossWeightKg = ours.cartonGrossWeightKg
    if let text = ours.description { description_p = .init(text) }
  }
}

extension Craft_Catalogue_V1_Listing {
  init(_ ours: Listing) {
    self.init()
    id = ours.id
    producerID = ours.producerId
    villageID = ours.villageId
    sku = ours.sku
    if let text = ours.title { title = .init(text) }
    if let text = ours.description { description_p = .init(text) }
    category = convertEnum(ours.category)
    hsCode = ours.hsCode
    materials = ours.materials
    unit = convertEnum(ours.unit)
    moq = ours.moq
    priceTiers = ours.priceTiers.map(Craft_Catalogue_V1_PriceTier.init)
    incoterm = convertEnum(ours.incoterm)
    incotermPlace = ours.incotermPlace
    leadTimeDays = ours.leadTimeDays
    monthlyCapacity = ours.monthlyCapacity
    if let price = ours.samplePrice { samplePrice = .init(price) }
    sampleDays = ours.sampleDays
    if let value = ours.packing { packing = .init(value) }
    imageUrls = ours.imageUrls
    oem = ours.oem
    odm = ours.odm
    status = convertEnum(ours.status)
    version = ours.version
    if let time = ours.createdAt { createdAt = .init(time) }
    if let time = ours.updatedAt { updatedAt = .init(time) }
  }
}

extension Craft_Catalogue_V1_ResponseStats {
  init(_ ours: ResponseStats) {
    self.init()
    medianResponseSeconds = ours.medianResponseSeconds
    responseRate = ours.responseRate
    sampleSize = ours.sampleSize
  }
}

extension Craft_Catalogue_V1_ProducerSummary {
  init(_ ours: ProducerSummary) {
    self.init()
    id = ours.id
    if let text = ours.name { name = .init(text) }
    kind = convertEnum(ours.kind)
    verificationTier = convertEnum(ours.verificationTier)
    certifications = ours.certifications.map { convertEnum($0) }
    exportMarkets = ours.exportMarkets
    if let stats = ours.responseStats { responseStats = .init(stats) }
  }
}

extension Craft_Catalogue_V1_Snippet {
  init(_ ours: Snippet) {
    self.init()
    field = ours.field
    text = ours.text
  }
}

extension Craft_Catalogue_V1_SearchHit {
  init(_ ours: SearchHit) {
    self.init()
    if let value = ours.listing { listing = .init(value) }
    if let value = ours.producer { producer = .init(value) }
    if let value = ours.villageName { villageName = .init(value) }
    district = ours.district
    score = ours.score
    if let value = ours.snippet { snippet = .init(value) }
  }
}

extension Craft_Catalogue_V1_FacetValue {
  init(_ ours: FacetValue) {
    self.init()
    switch ours.key {
    case .category(let value)?: category = convertEnum(value)
    case .villageId(let value)?: villageID = value
    case .certification(let value)?: certification = convertEnum(value)
    case nil: break
    }
    if let text = ours.label { label = .init(text) }
    count = ours.count
  }
}

extension Craft_Catalogue_V1_Facet {
  init(_ ours: Facet) {
    self.init()
    field = convertEnum(ours.field)
    values = ours.values.map(Craft_Catalogue_V1_FacetValue.init)
  }
}

extension Craft_Catalogue_V1_SearchListingsResponse {
  init(_ ours: SearchListingsResponse) {
    self.init()
    hits = ours.hits.map(Craft_Catalogue_V1_SearchHit.init)
    facets = ours.facets.map(Craft_Catalogue_V1_Facet.init)
    totalHits = ours.totalHits
    nextPageToken = ours.nextPageToken
  }
}

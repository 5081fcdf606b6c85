import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import ProtoWire
import RPCCore
import Storage
import RPCTestSupport
import Testing

@Suite("Catalogue: producers and listings")
struct CatalogueCRUDTests {
  @Test("descriptors cover every RPC of catalogue.proto, once, in order")
  func descriptors() throws {
    let harness = try Harness()
    let handlers = CatalogueServiceImpl(store: harness.store).methodHandlers
    #expect(handlers.map(\.descriptor) == CatalogueService.descriptors)
    #expect(CatalogueService.descriptors.count == 16)
    #expect(
      CatalogueService.Method.searchListings.path
        == "/craft.catalogue.v1.CatalogueService/SearchListings")
    #expect(CatalogueService.Method.bulkImport.kind == .clientStreaming)
    #expect(CatalogueService.Method.watchChanges.kind == .serverStreaming)
  }

  @Test("create a producer and listings, read them back normalised")
  func createAndGet() async throws {
    let harness = try Harness()
    try await harness.seedVillages()
    let producer = try await harness.client.createProducer(
      CreateProducerRequest(
        producer: Fixtures.producer("htx-ninh-so", village: "ninh-so", name: "HTX Mây tre Ninh Sở"))
    ).message
    #expect(producer.id == "htx-ninh-so")
    #expect(producer.version == 1)
    #expect(producer.exportMarkets == ["JP", "DE"])
    #expect(producer.createdAt != nil)

    let listing = try await harness.client.createListing(
      CreateListingRequest(
        listing: Fixtures.listing(
          producer: "htx-ninh-so", sku: "NS-001", titleVi: "Giỏ mây tre đan", hs: "460212"))
    ).message
    #expect(listing.id.hasPrefix("l-"))
    #expect(listing.villageId == "ninh-so")
    #expect(listing.hsCode == "4602.12")
    #expect(listing.status == .active)
    #expect(listing.version == 1)
    #expect(listing.priceTiers.first?.unitPrice?.currencyCode == "USD")

    let fetched = try await harness.client.getListing(GetListingRequest(id: listing.id)).message
    #expect(fetched == listing)

    let village = try await harness.client.getVillage(GetVillageRequest(id: "ninh-so")).message
    #expect(village.producerCount == 1)
    #expect(village.listingCount == 1)

    // Contacts only for the producer itself, admins and the system.
    let anonymous = harness.client(as: nil)
    #expect(
      try await anonymous.getProducer(GetProducerRequest(id: "htx-ninh-so")).message.contact == nil)
    #expect(
      try await harness.client.getProducer(GetProducerRequest(id: "htx-ninh-so")).message.contact?
        .email == "hello@htx-ninh-so.vn")
  }

  @Test("invalid input is INVALID_ARGUMENT naming the field; unknown ids NOT_FOUND")
  func validation() async throws {
    let harness = try Harness()
    try await harness.seedVillages()
    let unknownVillage = await rpcError {
      _ = try await harness.client.createProducer(
        CreateProducerRequest(producer: Fixtures.producer("p1", village: "nowhere", name: "X")))
    }
    #expect(unknownVillage?.code == .invalidArgument)
    #expect(unknownVillage?.message.contains("producer.village_id") == true)

    _ = try await harness.client.createProducer(
      CreateProducerRequest(producer: Fixtures.producer("p1", village: "ninh-so", name: "X")))
    let duplicate = await rpcError {
      _ = try await harness.client.createProducer(
        CreateProducerRequest(producer: Fixtures.producer("p1", village: "ninh-so", name: "X")))
    }
    #expect(duplicate?.code == .alreadyExists)

    var bad = Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ")
    bad.moq = 0
    let badMOQ = await rpcError {
      _ = try await harness.client.createListing(CreateListingRequest(listing: bad))
    }
    #expect(badMOQ?.code == .invalidArgument)
    #expect(badMOQ?.message.contains("listing.moq") == true)

    bad = Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ", hs: "46")
    let badHS = await rpcError {
      _ = try await harness.client.createListing(CreateListingRequest(listing: bad))
    }
    #expect(badHS?.message.contains("listing.hs_code") == true)

    let missing = await rpcError {
      _ = try await harness.client.getListing(GetListingRequest(id: "l-nope"))
    }
    #expect(missing?.code == .notFound)
    let missingVillage = await rpcError {
      _ = try await harness.client.getVillage(GetVillageRequest(id: "nowhere"))
    }
    #expect(missingVillage?.code == .notFound)

    _ = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ")))
    let sameSKU = await rpcError {
      _ = try await harness.client.createListing(
        CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "a", titleVi: "Khay")))
    }
    #expect(sameSKU?.code == .alreadyExists)
  }

  @Test("a listing's texts are stored once; their presence and unknown fields survive")
  func textsStoredOnce() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer()
    var input = Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ mây tre đan", titleEn: "Basket")
    // A field 3 this build does not know ("fr"), as a newer client could send it.
    input.title!.unknownFields = UnknownFields(bytes: [0x1a, 0x06] + Array("Panier".utf8))
    input.description = LocalizedText()  // present, empty
    var untitled = Fixtures.listing(producer: "p1", sku: "B", titleVi: "Khay")
    untitled.description = nil
    let created = try await harness.client.createListing(CreateListingRequest(listing: input)).message
    let bare = try await harness.client.createListing(CreateListingRequest(listing: untitled)).message

    let fetched = try await harness.client.getListing(GetListingRequest(id: created.id)).message
    #expect(fetched == created)
    #expect(fetched.title?.vi == "Giỏ mây tre đan")
    #expect(fetched.title?.unknownFields == input.title!.unknownFields)
    #expect(fetched.description == LocalizedText())
    #expect(try await harness.client.getListing(GetListingRequest(id: bare.id)).message.description == nil)

    func storedBlob(_ id: String) async throws -> Listing {
      let bytes = try await harness.store.database.read { tx in
        try tx.fetchOne("SELECT data FROM listing WHERE id = ?", id) { $0.blob(0) }
      }
      return try Listing(serializedBytes: try #require(bytes))
    }
    var blob = try await storedBlob(created.id)
    #expect(blob.title?.vi == "" && blob.title?.en == "")
    #expect(blob.title?.unknownFields == input.title!.unknownFields)

    // An update stores its texts once too, and reads them back.
    var changed = fetched
    changed.title!.en = "Rattan basket"
    changed.description = LocalizedText(vi: "Đan tay ở Ninh Sở", en: "Hand-woven in Ninh So")
    let updated = try await harness.client.updateListing(UpdateListingRequest(listing: changed, expectedVersion: 0)).message
    #expect(updated.description == changed.description && updated.title == changed.title)
    #expect(try await harness.client.getListing(GetListingRequest(id: created.id)).message == updated)
    blob = try await storedBlob(created.id)
    #expect(blob.description == LocalizedText(vi: "", en: ""))

    // A row written before (texts in the blob as well) reads the same.
    var full = blob
    full.title!.vi = changed.title!.vi
    full.title!.en = changed.title!.en
    full.description = changed.description
    let fullBlob = full.serializedBytes()
    try await harness.store.database.write { tx in
      _ = try tx.execute("UPDATE listing SET data = ? WHERE id = ?", fullBlob, created.id)
    }
    #expect(try await harness.client.getListing(GetListingRequest(id: created.id)).message == updated)
  }

  @Test("text limits count characters, not bytes or scalars")
  func textLimits() throws {
    func title(_ text: String) -> Listing {
      Fixtures.listing(producer: "p1", sku: "A", titleVi: text)
    }
    // "ố": 3 bytes precomposed; "o" + circumflex + acute: one character of 3 scalars, 5 bytes.
    for letter in ["ố", "o\u{0302}\u{0301}", "a"] {
      let atLimit = String(repeating: letter, count: 300)
      #expect(throws: Never.self) { try CatalogueValidation.listing(title(atLimit)) }
      #expect(throws: CatalogueError.invalidArgument(field: "listing.title", reason: "longer than 300 characters")) {
        try CatalogueValidation.listing(title(atLimit + letter))
      }
    }
  }

  @Test("update with a stale expected_version is ABORTED; a current one bumps the version")
  func optimisticConcurrency() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer()
    var listing = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ"))
    ).message
    listing.moq = 300
    let updated = try await harness.client.updateListing(
      UpdateListingRequest(listing: listing, expectedVersion: 1)
    ).message
    #expect(updated.version == 2)
    #expect(updated.moq == 300)
    #expect(updated.createdAt == listing.createdAt)

    listing.moq = 400
    let stale = await rpcError {
      _ = try await harness.client.updateListing(
        UpdateListingRequest(listing: listing, expectedVersion: 1))
    }
    #expect(stale?.code == .aborted)
    let staleDelete = await rpcError {
      _ = try await harness.client.deleteListing(DeleteListingRequest(id: listing.id, expectedVersion: 1))
    }
    #expect(staleDelete?.code == .aborted)
    // 0 skips the check.
    #expect(
      try await harness.client.updateListing(UpdateListingRequest(listing: listing, expectedVersion: 0))
        .message.version == 3)

    var moved = listing
    moved.producerId = "p2"
    let move = await rpcError {
      _ = try await harness.client.updateListing(UpdateListingRequest(listing: moved, expectedVersion: 0))
    }
    #expect(move?.code == .invalidArgument)

    var producer = try await harness.client.getProducer(GetProducerRequest(id: "p1")).message
    producer.name = LocalizedText(vi: "Tên mới", en: "")
    let staleProducer = await rpcError {
      _ = try await harness.client.updateProducer(
        UpdateProducerRequest(producer: producer, expectedVersion: 7))
    }
    #expect(staleProducer?.code == .aborted)
  }

  @Test("soft delete: the listing leaves search and lists but stays readable by id")
  func softDelete() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer()
    let listing = try await harness.client.createListing(
      CreateListingRequest(
        listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ mây tre đan"))
    ).message
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "may tre")).message.totalHits == 1)

    let deleted = try await harness.client.deleteListing(
      DeleteListingRequest(id: listing.id, expectedVersion: 1)
    ).message
    #expect(deleted.status == .deleted)
    #expect(deleted.version == 2)
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "may tre")).message.totalHits == 0)
    #expect(try await harness.client.getListing(GetListingRequest(id: listing.id)).message.status == .deleted)

    var list = ListListingsRequest()
    list.producerId = "p1"
    #expect(try await harness.client.listListings(list).message.listings.isEmpty)
    list.showDeleted = true
    #expect(try await harness.client.listListings(list).message.listings.map(\.id) == [listing.id])

    // The SKU is free again; updating the deleted listing is refused.
    _ = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ mới")))
    var revived = deleted
    revived.status = .active
    let updateDeleted = await rpcError {
      _ = try await harness.client.updateListing(UpdateListingRequest(listing: revived, expectedVersion: 0))
    }
    #expect(updateDeleted?.code == .failedPrecondition)

    // Deleting the producer deletes its remaining listings.
    let producer = try await harness.client.deleteProducer(DeleteProducerRequest(id: "p1")).message
    #expect(producer.deleted)
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "gio")).message.totalHits == 0)
    #expect(try await harness.client.listProducers(ListProducersRequest()).message.producers.isEmpty)
  }

  @Test("drafts are visible only to their producer and admins")
  func drafts() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer()
    var draft = Fixtures.listing(producer: "p1", sku: "D", titleVi: "Giỏ nháp")
    draft.status = .draft
    let created = try await harness.client.createListing(CreateListingRequest(listing: draft)).message
    #expect(created.status == .draft)

    let anonymous = harness.client(as: nil)
    let hidden = await rpcError {
      _ = try await anonymous.getListing(GetListingRequest(id: created.id))
    }
    #expect(hidden?.code == .notFound)
    #expect(try await harness.client(as: .producer("p1")).getListing(GetListingRequest(id: created.id)).message.id == created.id)
    let batch = try await anonymous.batchGetListings(BatchGetListingsRequest(ids: [created.id, "x"])).message
    #expect(batch.listings.isEmpty)
    #expect(batch.missingIds == [created.id, "x"])
    #expect(try await anonymous.searchListings(SearchListingsRequest(query: "gio")).message.totalHits == 0)

    var list = ListListingsRequest()
    list.showDrafts = true
    #expect(try await anonymous.listListings(list).message.listings.isEmpty)
    #expect(try await harness.client(as: .producer("p1")).listListings(list).message.listings.count == 1)
  }
}

@Suite("Catalogue: villages and index upkeep")
struct VillageAndIndexTests {
  @Test("list villages by craft and district, paged")
  func listVillages() async throws {
    let harness = try Harness()
    try await harness.seedVillages()
    var request = ListVillagesRequest()
    request.district = "thuong tin"
    #expect(try await harness.client.listVillages(request).message.villages.map(\.id) == ["ninh-so"])
    request = ListVillagesRequest()
    request.craft = .ceramics
    #expect(try await harness.client.listVillages(request).message.villages.map(\.id) == ["bat-trang"])
    request = ListVillagesRequest()
    request.pageSize = 2
    let first = try await harness.client.listVillages(request).message
    #expect(first.villages.map(\.id) == ["bat-trang", "ninh-so"])
    request.pageToken = first.nextPageToken
    let second = try await harness.client.listVillages(request).message
    #expect(second.villages.map(\.id) == ["phu-vinh"])
    #expect(second.nextPageToken.isEmpty)
  }

  @Test("renaming a producer re-indexes its listings; the FTS index stays consistent")
  func producerRename() async throws {
    let harness = try Harness()
    try await harness.seedVillages()
    var producer = try await harness.client.createProducer(
      CreateProducerRequest(producer: Fixtures.producer("p1", village: "ninh-so", name: "Cơ sở Hoàng Long"))
    ).message
    var listing = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ"))
    ).message
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "hoang long")).message.totalHits == 1)

    producer.name = LocalizedText(vi: "Cơ sở Đức Thịnh", en: "")
    producer.villageId = "phu-vinh"
    producer = try await harness.client.updateProducer(
      UpdateProducerRequest(producer: producer, expectedVersion: 1)
    ).message
    #expect(producer.version == 2)
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "hoang long")).message.totalHits == 0)
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "duc thinh")).message.totalHits == 1)
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "phu vinh")).message.totalHits == 1)
    listing = try await harness.client.getListing(GetListingRequest(id: listing.id)).message
    #expect(listing.villageId == "phu-vinh")

    listing.title = LocalizedText(vi: "Đèn lồng tre", en: "Bamboo lantern")
    _ = try await harness.client.updateListing(UpdateListingRequest(listing: listing, expectedVersion: 0))
    _ = try await harness.client.deleteListing(DeleteListingRequest(id: listing.id))
    try await harness.store.database.write { tx in
      try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('integrity-check', 1)")
    }
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "den long")).message.totalHits == 0)
  }
}

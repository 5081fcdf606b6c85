import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import RPCCore
import RPCTestSupport
import Storage
import Testing

@Suite("Catalogue: writes find their rows through indexes")
struct WriteScanTests {
  @Test("an import batch, a listing's create, edit and delete, a producer's rename and its delete scan no table: they cost what they touch, not what the catalogue holds")
  func writesDoNotScan() async throws {
    let harness = try Harness()
    try await harness.seedVillages()
    func row(_ number: Int, _ item: BulkImportRow.Item) -> BulkImportRow {
      BulkImportRow(rowNumber: Int64(number), item: item)
    }
    // The rest of the catalogue: 400 listings of another producer.
    var rows = [row(1, .producer(Fixtures.producer("big", village: "ninh-so", name: "Lớn")))]
    rows += (0..<400).map { row($0 + 2, .listing(Fixtures.listing(producer: "big", sku: "B\($0)", titleVi: "Giỏ mây \($0)"))) }
    rows.append(row(500, .producer(Fixtures.producer("small", village: "ninh-so", name: "Nhỏ"))))
    #expect(try await harness.store.importRows(rows, caller: .admin).allSatisfy(\.ok))

    func fullScanSteps(during body: () async throws -> Void) async throws -> Int64 {
      let before = try await harness.store.database.write { $0.fullScanSteps }
      try await body()
      return try await harness.store.database.write { $0.fullScanSteps } - before
    }
    let batch = (0..<20).map { row($0 + 2, .listing(Fixtures.listing(producer: "small", sku: "S\($0)", titleVi: "Khay tre \($0)"))) }
    var results: [BulkImportResponse.RowResult] = []
    let imported = try await fullScanSteps {
      results = try await harness.store.importRows(batch, caller: .admin)
    }
    #expect(results.count == 20 && results.allSatisfy(\.ok))
    var listing = Listing()
    let created = try await fullScanSteps {
      listing = try await harness.client.createListing(
        CreateListingRequest(listing: Fixtures.listing(producer: "small", sku: "ONE", titleVi: "Đèn tre"))
      ).message
    }
    let edited = try await fullScanSteps {
      listing.moq = 77
      listing = try await harness.client.updateListing(
        UpdateListingRequest(listing: listing, expectedVersion: listing.version)
      ).message
    }
    let removed = try await fullScanSteps {
      _ = try await harness.client.deleteListing(DeleteListingRequest(id: listing.id))
    }
    let renamed = try await fullScanSteps {
      _ = try await harness.client.updateProducer(
        UpdateProducerRequest(producer: Fixtures.producer("small", village: "phu-vinh", name: "Nhỏ mới"), expectedVersion: 0))
    }
    let deleted = try await fullScanSteps {
      _ = try await harness.client.deleteProducer(DeleteProducerRequest(id: "small"))
    }
    // A scan of `listing` or one of its indexes would visit 420 rows; the batch's own notes
    // (20 rows) may be walked.
    #expect(imported < 100)
    #expect(created < 100)
    #expect(edited < 100)
    #expect(removed < 100)
    #expect(renamed < 100)
    #expect(deleted < 100)
  }
}

// catalogue-crash-writer: a test helper, not a tool. It writes listings to a catalogue as fast
// as it can and prints every write the store acknowledged, until it is killed. The durability
// test (Tests/CatalogueTests/DurabilityTests.swift) sends it SIGKILL mid-burst, reopens the
// file and checks that everything printed is there and nothing is half there.
//
//   catalogue-crash-writer DATABASE PRODUCER_ID
//
// Output, one line per acknowledged write, each line one write(2) so lines from concurrent
// writers never interleave:
//   L <listing id>                   one CreateListing committed
//   B <batch> <listing id> x10       one importRows batch of 10 rows committed (all created)

import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation

@main
struct CrashWriter {
  static func main() async throws {
    let arguments = CommandLine.arguments
    guard arguments.count == 3 else {
      FileHandle.standardError.write(Data("usage: catalogue-crash-writer DATABASE PRODUCER_ID\n".utf8))
      exit(2)
    }
    let store = try CatalogueStore(path: arguments[1])
    let producerID = arguments[2]
    // Writers run until the process dies; the bound only stops a runaway helper.
    let limit = 100_000
    try await withThrowingTaskGroup(of: Void.self) { group in
      // Two tasks of single creates (one transaction each), so writes queue behind each other.
      for writer in 0..<2 {
        group.addTask {
          for number in 0..<limit {
            let listing = try await store.createListing(
              makeListing(producerID: producerID, sku: "S\(writer)-\(number)"), caller: .system)
            acknowledge("L \(listing.id)")
          }
        }
      }
      // One task of 10-row import batches: one transaction, a savepoint per row.
      group.addTask {
        for batch in 0..<limit {
          let rows = (0..<10).map { row in
            BulkImportRow(
              rowNumber: Int64(row + 1),
              item: .listing(makeListing(producerID: producerID, sku: "B\(batch)-\(row)")))
          }
          let results = try await store.importRows(rows, caller: .system)
          guard results.allSatisfy({ $0.ok && $0.created }) else {
            FileHandle.standardError.write(Data("import batch \(batch) rejected rows\n".utf8))
            exit(3)
          }
          acknowledge("B \(batch) " + results.map(\.listingId).joined(separator: " "))
        }
      }
      try await group.waitForAll()
    }
  }

  static func makeListing(producerID: String, sku: String) -> Listing {
    var listing = Listing()
    listing.producerId = producerID
    listing.sku = sku
    listing.title = LocalizedText(vi: "Giỏ mây đan \(sku)", en: "Rattan basket \(sku)")
    listing.description = LocalizedText(vi: "Đan tay tại làng Phú Vinh", en: "Hand-woven")
    listing.category = .rattanBamboo
    listing.hsCode = "4602.12"
    listing.materials = ["mây", "rattan"]
    listing.moq = 100
    listing.priceTiers = [
      PriceTier(minQuantity: 100, unitPrice: Money(amountMinor: 450, currencyCode: "USD"))
    ]
    listing.leadTimeDays = 30
    listing.monthlyCapacity = 2_000
    return listing
  }

  /// One line in one `write(2)`: atomic on a pipe (under `PIPE_BUF` bytes), unbuffered, so a
  /// line the test reads was written after the commit returned.
  static func acknowledge(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        write(1, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written <= 0 { exit(4) }  // the reader went away
      offset += written
    }
  }
}

// craft-bench: encode and decode a realistic product listing and a 1,000-listing search
// response with our hand-written codec and with swift-protobuf 1.39.0, in the same process.
//
//   Benchmarks/run.sh            full run (1 s x 5 rounds per case, median)
//   Benchmarks/run.sh --quick    smoke run
//
// Before timing anything it checks that both libraries encode the same message to the same
// bytes and decode each other's bytes to equal messages, and stops if they do not.

import CatalogueAPI
import CommonAPI
import Foundation
import ProtoWire
import SwiftProtobuf
import SwiftProtobufMessages

let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))

#if DEBUG
  print("craft-bench: warning: a debug build; use Benchmarks/run.sh (release) for real figures")
#endif

/// Checks that both libraries agree on `ours` byte for byte; returns the shared encoding.
func agreedBytes<Ours: ProtoMessage, Theirs: SwiftProtobuf.Message & Equatable>(
  _ label: String, ours: Ours, theirs: Theirs
) -> [UInt8] {
  func fail(_ why: String) -> Never {
    print("craft-bench: \(label): \(why)")
    exit(1)
  }
  let oursBytes = ours.serializedBytes()
  let theirsBytes: [UInt8]
  do { theirsBytes = try theirs.serializedBytes() } catch { fail("swift-protobuf cannot encode: \(error)") }
  guard oursBytes == theirsBytes else {
    let firstDifference = zip(oursBytes, theirsBytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    fail(
      "encodings differ: ours \(oursBytes.count) bytes, swift-protobuf \(theirsBytes.count) bytes, "
        + "first difference at offset \(firstDifference.map(String.init) ?? "end of the shorter")")
  }
  // Each side decodes the shared bytes back to its own message, unchanged.
  do {
    let decodedOurs = try Ours(serializedBytes: theirsBytes)
    guard decodedOurs == ours else { fail("our decode of the bytes differs from the original") }
  } catch { fail("our decoder rejects the bytes: \(error)") }
  do {
    let decodedTheirs = try Theirs(serializedBytes: oursBytes)
    guard decodedTheirs == theirs else { fail("swift-protobuf's decode differs from its original") }
    guard decodedTheirs.unknownFields.data.isEmpty else { fail("swift-protobuf found unknown fields") }
  } catch { fail("swift-protobuf rejects our bytes: \(error)") }
  print("identical bytes: \(label): \(oursBytes.count) bytes, byte-identical in both libraries; "
    + "each decodes the other's encoding to an equal message")
  return oursBytes
}

/// Encode and decode pairs for one message.
func pairs<Ours: ProtoMessage, Theirs: SwiftProtobuf.Message & Equatable>(
  _ label: String, ours: Ours, theirs: Theirs, bytes: [UInt8]
) -> [BenchPair] {
  [
    BenchPair(
      name: "\(label) encode",
      ours: BenchCase(name: "ours", bytes: bytes.count) {
        let encoded = ours.serializedBytes()
        return encoded.count &+ Int(encoded[encoded.count / 2])
      },
      theirs: BenchCase(name: "swift-protobuf", bytes: bytes.count) {
        let encoded: [UInt8] = try! theirs.serializedBytes()
        return encoded.count &+ Int(encoded[encoded.count / 2])
      }),
    BenchPair(
      name: "\(label) decode",
      ours: BenchCase(name: "ours", bytes: bytes.count) {
        let decoded = try! Ours(serializedBytes: bytes)
        return decoded.unknownFields.bytes.count &+ 1
      },
      theirs: BenchCase(name: "swift-protobuf", bytes: bytes.count) {
        let decoded = try! Theirs(serializedBytes: bytes)
        return decoded.unknownFields.data.count &+ 1
      }),
  ]
}

let listing = makeSampleListing()
let listingTheirs = SwiftProtobufMessages.Craft_Catalogue_V1_Listing(listing)
let listingBytes = agreedBytes("Listing", ours: listing, theirs: listingTheirs)

let search = makeSearchResponse(count: options.searchSize)
let searchTheirs = SwiftProtobufMessages.Craft_Catalogue_V1_SearchListingsResponse(search)
let searchBytes = agreedBytes(
  "SearchListingsResponse (\(search.hits.count) hits)", ours: search, theirs: searchTheirs)

print("Listing text: title \(listing.title!.vi.utf8.count + listing.title!.en.utf8.count) bytes, "
  + "description \(listing.description!.vi.utf8.count + listing.description!.en.utf8.count) bytes "
  + "(vi + en); \(listing.priceTiers.count) price tiers, \(listing.materials.count) materials, "
  + "\(listing.imageUrls.count) images")
print()

var allPairs = pairs("Listing", ours: listing, theirs: listingTheirs, bytes: listingBytes)
allPairs += pairs(
  "SearchListingsResponse x\(search.hits.count)", ours: search, theirs: searchTheirs, bytes: searchBytes)
runPairs(allPairs, options: options)

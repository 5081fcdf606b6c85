// matching-bench: ranking latency of the matching engine for one RFQ over 50,000 listings /
// 5,000 producers (the issue's goal: p99 < 20 ms), both directions.
//
//   Benchmarks/run.sh matching            full run (300 calls per case)
//   Benchmarks/run.sh matching --quick    smoke run
//
// The catalogue is the demo's, scaled up (clones of its workshops in their villages); the
// buyers and RFQs are the demo market derived from it (`MatchingStore.seedDemo`), plus a few
// hundred introductions so that responsiveness and novelty read real rows. Every engine call
// goes through the real `MatchingServiceImpl` over the in-process transport on a real SQLite
// file (`EvalWorld`, as the offline evaluation uses it): store reads, the ranking, the cards
// and the recorded proposals. Baselines in the same run put the figures in proportion.

import Auth
import BenchSupport
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Matching
import MatchingAPI
import MatchingEval
import RPCCore
import Storage

#if canImport(Glibc)
  import Glibc
#endif

let options = MatchingBenchOptions.parse(Array(CommandLine.arguments.dropFirst()))

#if DEBUG
  print("matching-bench: warning: a debug build; use Benchmarks/run.sh matching (release)")
#endif

func fail(_ message: String) -> Never {
  print("matching-bench: \(message)")
  exit(1)
}

/// The whole run, in a function (top-level code of this size trips the optimizer).
@MainActor
func benchmark() async throws {
  let clock = ContinuousClock()

  // MARK: The catalogue and the market

  let generationStart = clock.now
  let demo = DemoCatalogue.generate()
  let catalogue = scaledCatalogue(
    villages: demo.villages, producers: demo.producers, listings: demo.listings,
    toProducers: options.producers, listings: options.listings)
  print(
    "catalogue: \(catalogue.listings.count) listings, \(catalogue.producers.count) producers, "
      + "\(catalogue.villages.count) villages (the demo's \(demo.listings.count) listings and "
      + "\(demo.producers.count) producers, scaled) in \(String(format: "%.1f", (clock.now - generationStart).seconds)) s")

  // What the engine's in-memory index costs: the same snapshots the change feed delivers,
  // applied to an empty index; the heap it holds afterwards.
  do {
    let before = residentBytes()
    var index = CatalogueIndex()
    for village in catalogue.villages { index.apply(.village(village)) }
    for producer in catalogue.producers { index.apply(.producer(producer)) }
    for listing in catalogue.listings { index.apply(.listing(listing)) }
    let bytes = withExtendedLifetime(index) { residentBytes() - before }
    print(
      "index memory: ≈ \(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB resident for "
        + "\(catalogue.listings.count) listings (≈ \(bytes / max(1, catalogue.listings.count)) bytes a listing, "
        + "the listings themselves included)")
  }

  let setupStart = clock.now
  let world = try await EvalWorld(
    villages: catalogue.villages, producers: catalogue.producers, listings: catalogue.listings)
  guard
    let market = try await world.store.seedDemo(
      listings: catalogue.listings, producers: catalogue.producers)
  else { fail("the fresh store already had buyers") }
  let analyst = world.client(as: Caller(role: .analyst))

  var rfqIDs: [String] = []
  var buyerIDs: [String] = []
  do {
    var request = ListRfqsRequest()
    request.status = .open
    request.pageSize = 500
    repeat {
      let page = try await analyst.listRfqs(request).message
      rfqIDs += page.rfqs.map(\.id)
      request.pageToken = page.nextPageToken
    } while !request.pageToken.isEmpty
    var buyers = ListBuyersRequest()
    buyers.pageSize = 500
    repeat {
      let page = try await analyst.listBuyers(buyers).message
      buyerIDs += page.buyers.map(\.id)
      buyers.pageToken = page.nextPageToken
    } while !buyers.pageToken.isEmpty
  }
  rfqIDs.sort()
  guard !rfqIDs.isEmpty, !buyerIDs.isEmpty else { fail("the demo market has no open RFQ or buyer") }

  // Two introductions per buyer to producers spread over the catalogue: a third accepted (known
  // pairs), a third declined, a third still waiting.
  var introductions = 0
  for (b, buyerID) in buyerIDs.enumerated() {
    for j in 0..<2 {
      let producer = catalogue.producers[(b * 37 + j * 1_009) % catalogue.producers.count]
      let intro = try await world.store.requestIntroduction(
        buyerID: buyerID, producerID: producer.id, rfqID: "", listingID: "", matchID: "",
        message: "bench", requestedBy: .buyer(buyerID))
      introductions += 1
      let answer = (b + j) % 3
      if answer < 2 {
        _ = try await world.store.transitionIntroduction(
          id: intro.id, to: answer == 0 ? .accepted : .declined, reason: "", authorize: { _ in })
      }
    }
  }
  print(
    "market: \(market.buyers) buyers, \(market.rfqs) RFQs (\(rfqIDs.count) open), \(introductions) "
      + "introductions; store ready in \(String(format: "%.1f", (clock.now - setupStart).seconds)) s")
  print()
  fflush(nil)

  // MARK: The cases

  var rfqs: [Rfq] = []
  for id in rfqIDs { rfqs.append(try await analyst.getRfq(GetRfqRequest(rfqId: id)).message) }
  let textIndex = BM25Index(listings: catalogue.listings)

  var results: [LatencySummary] = []
  var cpuPerCall: [(name: String, milliseconds: Double)] = []
  func run(_ name: String, _ body: @MainActor (Int) async throws -> String) async throws {
    guard options.selects(name) else { return }
    var call = 0
    let cpuStart = processCPUSeconds()
    let summary = try await measureLatency(name, warmUp: options.warmUp, iterations: options.iterations) {
      call += 1
      return try await body(call)
    }
    let cpu = (processCPUSeconds() - cpuStart) * 1_000 / Double(options.warmUp + options.iterations)
    results.append(summary)
    cpuPerCall.append((name, cpu))
    print(
      "  \(name): p50 \(summary.p50.milliseconds) ms, p99 \(summary.p99.milliseconds) ms, "
        + "CPU \(String(format: "%.3f", cpu)) ms a call; slowest: \(summary.slowest ?? "-")")
    fflush(nil)
  }

  // Baselines: the floor of an in-process call, of the write every match call makes (it records
  // the proposals it shows: one transaction, committed with an fsync), a pass that touches every
  // listing once and does nothing else, and the text search a buyer would otherwise use.
  try await run("baseline: GetRfq (in-process RPC, 1 SQLite read)") { call in
    let rfq = try await analyst.getRfq(GetRfqRequest(rfqId: rfqIDs[call % rfqIDs.count])).message
    return rfq.id
  }
  try await run("baseline: one write transaction (WAL commit)") { _ in
    try await world.store.database.write { tx in
      try tx.execute("UPDATE catalogue_feed SET last_seq = last_seq WHERE id = 1")
    }
    return "-"
  }
  try await run("baseline: bare pass over every listing (count by category)") { call in
    let category = rfqs[call % rfqs.count].category
    var count = 0
    for listing in catalogue.listings where listing.category == category && listing.status == .active {
      count += 1
    }
    return "\(count) listings of the RFQ's category"
  }
  try await run("baseline: BM25 top 10 producers for the RFQ's text") { call in
    let rfq = rfqs[call % rfqs.count]
    let query = ([rfq.title, rfq.description] + rfq.materials).joined(separator: " ")
    return "\(textIndex.rankProducers(query, limit: 10).count) producers"
  }

  var rfqMatches = 0
  try await run("engine: MatchProducersForRfq, page of 10") { call in
    var request = MatchProducersForRfqRequest()
    request.rfqId = rfqIDs[call % rfqIDs.count]
    request.pageSize = 10
    let response = try await analyst.matchProducersForRfq(request).message
    rfqMatches += response.matches.count
    return "\(request.rfqId): \(response.totalMatches) passing, \(response.matches.count) shown, "
      + "\(response.consortia.count) consortia"
  }
  try await run("engine: MatchProducersForBuyer (profile), page of 10") { call in
    var request = MatchProducersForBuyerRequest()
    request.buyerId = buyerIDs[call % buyerIDs.count]
    request.pageSize = 10
    let response = try await analyst.matchProducersForBuyer(request).message
    return "\(request.buyerId): \(response.totalMatches) passing, \(response.matches.count) shown"
  }
  var buyerMatches = 0
  try await run("engine: MatchBuyersForProducer, page of 20") { call in
    var request = MatchBuyersForProducerRequest()
    request.producerId = catalogue.producers[(call * 7) % catalogue.producers.count].id
    request.pageSize = 20
    let response = try await analyst.matchBuyersForProducer(request).message
    buyerMatches += response.matches.count
    return "\(response.totalMatches) buyers and RFQs, \(response.matches.count) shown"
  }
  await world.close()
  if options.selects("engine: MatchProducersForRfq") && rfqMatches == 0 {
    fail("no RFQ found a producer: the data or the engine is wrong, the timing would mean nothing")
  }
  if options.selects("engine: MatchBuyersForProducer") && buyerMatches == 0 {
    fail("no producer found a buyer: the timing would mean nothing")
  }

  print()
  print("ranking latency, \(options.iterations) sequential calls per case after \(options.warmUp) warm-up:")
  printLatencyTable(results)
  print("CPU a call (process CPU time over the case / calls, warm-up included):")
  for (name, milliseconds) in cpuPerCall {
    print("  " + pad(name, 60) + pad(String(format: "%.3f ms", milliseconds), 12, right: true))
  }
  func row(_ prefix: String) -> LatencySummary? { results.first { $0.name.hasPrefix(prefix) } }
  if let rfq = row("engine: MatchProducersForRfq") {
    let ratio = { (base: LatencySummary?) -> String in
      guard let base else { return "-" }
      return String(format: "%.1f", rfq.p50.seconds / max(base.p50.seconds, 1e-9)) + "×"
    }
    print(
      "MatchProducersForRfq p50 = \(ratio(row("baseline: GetRfq"))) GetRfq, "
        + "\(ratio(row("baseline: bare pass"))) a bare pass, \(ratio(row("baseline: BM25"))) BM25")
    let ok = rfq.p99 < .milliseconds(20)
    print("goal MatchProducersForRfq p99 < 20 ms: \(ok ? "met" : "MISSED") (\(rfq.p99.milliseconds) ms)")
  }
}

try await benchmark()

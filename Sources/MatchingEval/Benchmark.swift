public import CatalogueAPI
internal import CommonAPI
internal import Auth
internal import Matching
internal import RPCCore
internal import MatchingAPI

/// Ranking latency: one RFQ ranked over a catalogue scaled up from the demo's, through the
/// service (store reads, the scan, the cards, recording the proposals), with BM25 over the same
/// listings as a baseline in the same run.
public enum RankingBenchmark {
  /// Latency percentiles of one case, in milliseconds.
  public struct Result: Sendable {
    public var name: String
    public var samples: Int
    public var p50: Double
    public var p99: Double
    public var max: Double
  }

  /// The demo catalogue copied until it holds `listings` listings over `producers` producers:
  /// producer clone k is demo producer k mod 300 under a new id; listing copy c of a demo
  /// listing goes to one of its producer's clones. Villages stay as they are.
  public static func scale(
    villages: [Village], producers: [Producer], listings: [Listing], toProducers producerCount: Int,
    listings listingCount: Int
  ) -> (villages: [Village], producers: [Producer], listings: [Listing]) {
    var clones: [String: [String]] = [:]
    var outProducers: [Producer] = []
    outProducers.reserveCapacity(producerCount)
    for k in 0..<producerCount {
      var producer = producers[k % producers.count]
      let original = producer.id
      producer.id = "\(original)-x\(k / producers.count)"
      clones[original, default: []].append(producer.id)
      outProducers.append(producer)
    }
    var outListings: [Listing] = []
    outListings.reserveCapacity(listingCount)
    var copy = 0
    while outListings.count < listingCount {
      for listing in listings where outListings.count < listingCount {
        var scaled = listing
        let owners = clones[listing.producerId] ?? [listing.producerId]
        scaled.id = "\(listing.id)-c\(copy)"
        scaled.producerId = owners[(copy + outListings.count) % owners.count]
        outListings.append(scaled)
      }
      copy += 1
    }
    return (villages, outProducers, outListings)
  }

  /// Ranks one RFQ `iterations` times (after `warmup` runs) and BM25-searches its text as often.
  public static func run(
    villages: [Village], producers: [Producer], listings: [Listing], iterations: Int = 200, warmup: Int = 10
  ) async throws -> [Result] {
    let world = try await EvalWorld(villages: villages, producers: producers, listings: listings)
    var buyer = Buyer()
    buyer.id = "bench-buyer"
    buyer.companyName = "Bench Imports LLC"
    buyer.countryCode = "US"
    buyer.buyerType = .importer
    _ = try await world.store.createBuyer(buyer)
    let client = world.client(as: .buyer(buyer.id))
    var rfq = Rfq()
    rfq.buyerId = buyer.id
    rfq.title = "Seagrass storage baskets, set of 3"
    rfq.description = "Hand-woven seagrass and water hyacinth storage baskets, natural colour, FOB Hải Phòng"
    rfq.category = .seagrassSedge
    rfq.materials = ["seagrass"]
    rfq.quantity = 1_200
    rfq.quantityUnit = .piece
    rfq.targetUnitPrice = Money(amountMinor: 900, currencyCode: "USD")
    rfq.deadline = CalendarDate(daysSinceEpoch: Evaluation.dayInVietnam(world.now) + 120)
    rfq.incoterm = .fob
    rfq.maxProposals = 10
    let created = try await client.createRfq(CreateRfqRequest(rfq: rfq, requestId: "bench")).message
    var request = MatchProducersForRfqRequest()
    request.rfqId = created.id
    request.pageSize = 10

    let clock = ContinuousClock()
    var engine: [Double] = []
    for round in 0..<(warmup + iterations) {
      let start = clock.now
      let response = try await client.matchProducersForRfq(request).message
      let elapsed = clock.now - start
      precondition(!response.matches.isEmpty, "the benchmark RFQ must have matches")
      if round >= warmup { engine.append(milliseconds(elapsed)) }
    }

    let index = BM25Index(listings: listings)
    let query = [created.title, created.description, "seagrass"].joined(separator: " ")
    var baseline: [Double] = []
    for round in 0..<(warmup + iterations) {
      let start = clock.now
      let top = index.rankProducers(query, limit: 10)
      let elapsed = clock.now - start
      precondition(!top.isEmpty)
      if round >= warmup { baseline.append(milliseconds(elapsed)) }
    }
    await world.close()
    return [
      summary("engine: MatchProducersForRfq (in-process RPC)", engine),
      summary("baseline: BM25 text search (in memory)", baseline),
    ]
  }

  static func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
  }

  static func summary(_ name: String, _ samples: [Double]) -> Result {
    let sorted = samples.sorted()
    func percentile(_ p: Double) -> Double {
      sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
    }
    return Result(name: name, samples: sorted.count, p50: percentile(0.5), p99: percentile(0.99), max: sorted.last ?? 0)
  }

  /// A plain-text table.
  public static func table(_ results: [Result], listings: Int, producers: Int) -> String {
    var lines = [
      "ranking benchmark: one RFQ over \(listings) listings / \(producers) producers",
      "case                                            samples    p50 ms    p99 ms    max ms",
    ]
    for result in results {
      lines.append(
        result.name.padding(46) + String(result.samples).leftPadding(9) + format2(result.p50, width: 10)
          + format2(result.p99, width: 10) + format2(result.max, width: 10))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

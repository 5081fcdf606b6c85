import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Matching
import MatchingAPI
import MatchingEval
import ProtoWire
import RPCCore
import Testing

/// Pins what the three ranking RPCs answer on the demo catalogue and market, so a change made
/// for speed can prove it changes no ranking, score or reason. Each call becomes one line: the
/// subject, the totals, every shown match's id and exact score, and a hash of the whole
/// response (cards, reasons, exclusions, consortia, page token).
///
/// The pins were written by the engine before the speed work (`RANKING_PINS_WRITE=1 swift test
/// --filter RankingPinTests` rewrites them: do that only for a change that means to re-rank,
/// and say so in its commit).
@Suite("Ranking pins: the three ranking RPCs answer exactly as pinned")
struct RankingPinTests {
  static let pinsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ranking-pins.txt").path

  @Test("MatchProducersForRfq, MatchProducersForBuyer and MatchBuyersForProducer give the pinned answers")
  func pinned() async throws {
    let demo = DemoCatalogue.generate()
    let world = try await EvalWorld(villages: demo.villages, producers: demo.producers, listings: demo.listings)
    let lines = try await Self.answers(world: world, demo: demo)
    await world.close()

    if ProcessInfo.processInfo.environment["RANKING_PINS_WRITE"] != nil {
      try FileManager.default.createDirectory(
        atPath: (Self.pinsPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try (lines.joined(separator: "\n") + "\n").write(toFile: Self.pinsPath, atomically: true, encoding: .utf8)
      return
    }
    let pinned = try String(contentsOfFile: Self.pinsPath, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines.count == pinned.count)
    var differences = 0
    for (line, pin) in zip(lines, pinned) where line != pin {
      differences += 1
      if differences <= 5 { Issue.record("pinned:\n\(pin)\nnow:\n\(line)") }
    }
    #expect(differences == 0, "\(differences) of \(pinned.count) answers differ from the pins")
  }

  /// The answers of a fixed set of calls, one line each.
  static func answers(world: EvalWorld, demo: DemoCatalogue) async throws -> [String] {
    guard try await world.store.seedDemo(listings: demo.listings, producers: demo.producers) != nil else {
      throw PinError.notFresh
    }
    let analyst = world.client(as: Caller(role: .analyst))
    var openRequest = ListRfqsRequest()
    openRequest.status = .open
    openRequest.pageSize = 500
    var rfqs = try await analyst.listRfqs(openRequest).message.rfqs.sorted { $0.id < $1.id }
    var buyerRequest = ListBuyersRequest()
    buyerRequest.pageSize = 500
    let buyers = try await analyst.listBuyers(buyerRequest).message.buyers.sorted { $0.id < $1.id }
    let producers = demo.producers.map(\.id).sorted()

    // History: two introductions per buyer, a third accepted, a third declined, a third waiting
    // (novelty, "exclude existing partners" and responsiveness read them).
    for (b, buyer) in buyers.enumerated() {
      for j in 0..<2 {
        let intro = try await world.store.requestIntroduction(
          buyerID: buyer.id, producerID: producers[(b * 37 + j * 101) % producers.count], rfqID: "",
          listingID: "", matchID: "", message: "pin", requestedBy: .buyer(buyer.id))
        let answer = (b + j) % 3
        if answer < 2 {
          _ = try await world.store.transitionIntroduction(
            id: intro.id, to: answer == 0 ? .accepted : .declined, reason: "", authorize: { _ in })
        }
      }
    }
    // An RFQ no single workshop can make in time: the answer proposes consortia.
    var large = rfqs[0]
    large.id = ""
    large.quantity = 40_000
    var deadline = CalendarDate()
    (deadline.year, deadline.month, deadline.day) = (2026, 12, 21)
    large.deadline = deadline
    large.title = "Large order: " + large.title
    let created = try await world.store.createRfq(large, requestID: "pin-large", id: "rfq-pin-large")
    rfqs.append(created)

    var lines: [String] = []
    func options(_ variant: Int) -> MatchOptions? {
      switch variant % 4 {
      case 1:
        var options = MatchOptions()
        options.excludeExistingPartners = true
        return options
      case 2:
        var options = MatchOptions()
        options.minScore = 0.6
        return options
      case 3:
        var options = MatchOptions()
        options.districts = ["Chương Mỹ", "thuong tin"]
        return options
      default:
        return nil
      }
    }

    for (n, rfq) in rfqs.enumerated() where n % 12 == 0 || rfq.id == created.id {
      var request = MatchProducersForRfqRequest()
      request.rfqId = rfq.id
      request.pageSize = 10
      request.options = options(n / 12)
      let response = try await analyst.matchProducersForRfq(request).message
      lines.append(line("rfq \(rfq.id) v\(n / 12 % 4)", response))
      if n % 48 == 0 && !response.nextPageToken.isEmpty {
        request.pageToken = response.nextPageToken
        let next = try await analyst.matchProducersForRfq(request).message
        lines.append(line("rfq \(rfq.id) page 2", next))
      }
    }
    for (n, buyer) in buyers.enumerated() where n % 8 == 0 {
      var request = MatchProducersForBuyerRequest()
      request.buyerId = buyer.id
      request.pageSize = 10
      request.options = options(n / 8)
      if n % 24 == 0 { request.query = "gio may tre dan bamboo basket" }
      let response = try await analyst.matchProducersForBuyer(request).message
      lines.append(line("buyer \(buyer.id) v\(n / 8 % 4)", response))
    }
    for (n, producer) in producers.enumerated() where n % 15 == 0 {
      var request = MatchBuyersForProducerRequest()
      request.producerId = producer
      request.pageSize = 20
      request.options = options(n / 15)
      if n % 45 == 15 { request.rfqsOnly = true }
      let response = try await analyst.matchBuyersForProducer(request).message
      lines.append(line("producer \(producer) v\(n / 15 % 4)", response))
      if n % 60 == 0 && !response.nextPageToken.isEmpty {
        request.pageToken = response.nextPageToken
        let next = try await analyst.matchBuyersForProducer(request).message
        lines.append(line("producer \(producer) page 2", next))
      }
    }
    return lines
  }

  /// One call's line. Introduction ids are random, so the hash sees only whether one is set.
  static func line(_ subject: String, _ response: some RankingResponse) -> String {
    var response = response
    response.matches = response.matches.map { match in
      var copy = match
      copy.introductionId = copy.introductionId.isEmpty ? "" : "set"
      return copy
    }
    let shown = response.matches.map { match -> String in
      let id: String
      switch match.candidate {
      case .producer(let candidate): id = (candidate.producer?.producerId ?? "") + "/" + (candidate.listing?.listingId ?? "")
      case .buyer(let candidate): id = (candidate.buyer?.buyerId ?? "") + "/" + (candidate.rfq?.rfqId ?? "")
      default: id = "?"
      }
      return "\(match.rank):\(id):\(match.score)\(match.introductionId.isEmpty ? "" : ":i")"
    }
    return "\(subject) total=\(response.totalMatches) [\(shown.joined(separator: " "))] #\(fnv(response.serializedBytes()))"
  }

  static func fnv(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  enum PinError: Error { case notFresh }
}

/// The three ranking responses, for ``RankingPinTests/line(_:_:)``.
protocol RankingResponse: ProtoMessage {
  var matches: [Match] { get set }
  var totalMatches: Int32 { get }
}
extension MatchProducersForRfqResponse: RankingResponse {}
extension MatchProducersForBuyerResponse: RankingResponse {}
extension MatchBuyersForProducerResponse: RankingResponse {}

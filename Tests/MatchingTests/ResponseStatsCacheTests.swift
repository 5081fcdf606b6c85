import Auth
import MatchingAPI
import RPCTestSupport
import ServiceTestSupport
import Testing
@testable import Matching

/// The producers' introduction statistics are cached between rankings; they must follow every
/// introduction write and the moment an unanswered introduction turns 24 hours old.
@Suite("Response statistics cache")
struct ResponseStatsCacheTests {
  static func figures(_ stats: Matching.ResponseStats?) -> [Int64] {
    guard let stats else { return [] }
    return [Int64(stats.requested), Int64(stats.answered), Int64(stats.answeredWithin24h), stats.medianSeconds]
  }

  @Test("cached statistics equal freshly read ones after requests, answers and the 24-hour boundary")
  func followsWritesAndTime() async throws {
    let directory = try TemporaryDirectory()
    let clock = TestClock(Harness.start)
    let store = try await MatchingStore(path: directory.path + "/matching.sqlite", clock: { clock.now })
    _ = try await store.createBuyer(Fixtures.buyer("B1", country: "DE"))
    func check(_ producer: String, _ expected: [Int64]) async throws {
      let cached = try await store.responseStats()[producer]
      let fresh = try await store.responseStats(producerID: producer)[producer]
      #expect(Self.figures(cached) == expected)
      #expect(Self.figures(fresh) == expected)
    }
    let first = try await store.requestIntroduction(
      buyerID: "B1", producerID: "p1", rfqID: "", listingID: "", matchID: "", message: "", requestedBy: .buyer("B1"))
    try await check("p1", [])  // waiting, younger than a day: not counted yet
    clock.advance(seconds: 86_400 - 1)
    try await check("p1", [])
    clock.advance(seconds: 1)
    try await check("p1", [1, 0, 0, 0])  // a day without an answer
    _ = try await store.transitionIntroduction(id: first.id, to: .accepted, reason: "", authorize: { _ in })
    try await check("p1", [1, 1, 1, 86_400])  // answered at exactly 24 h: within
    _ = try await store.requestIntroduction(
      buyerID: "B1", producerID: "p2", rfqID: "", listingID: "", matchID: "", message: "", requestedBy: .buyer("B1"))
    clock.advance(seconds: 60)
    let second = try await store.requestIntroduction(
      buyerID: "B1", producerID: "p1", rfqID: "", listingID: "l1", matchID: "", message: "", requestedBy: .buyer("B1"))
    clock.advance(seconds: 3_600)
    _ = try await store.transitionIntroduction(id: second.id, to: .declined, reason: "", authorize: { _ in })
    try await check("p1", [2, 2, 2, 86_400])
    try await check("p2", [])
    clock.advance(seconds: 86_400)
    try await check("p2", [1, 0, 0, 0])
  }
}

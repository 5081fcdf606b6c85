import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Matching
import RPCCore
import RPCInProcess
import RPCTestSupport
import Storage
import Testing

@testable import Telemetry

/// The process-wide swift-metrics backend: one registry, bootstrapped once for the test process
/// (swift-metrics allows a single bootstrap), as `craftd serve` does at start-up.
enum ProcessMetrics {
  static let shared: RPCMetrics = {
    let metrics = RPCMetrics()
    metrics.bootstrapMetricsSystem()
    return metrics
  }()
}

@Suite struct BackendMetricsTests {
  @Test func sqliteWriteTransactionsAreTimedByDatabase() async throws {
    let metrics = ProcessMetrics.shared
    let directory = try TemporaryDirectory()
    // A name no other test uses, so the count is this test's own.
    let database = try Database(path: directory.path + "/write-latency-probe.sqlite")
    try await database.write { try $0.execute("CREATE TABLE t(x INTEGER)") }
    for value in 0..<4 { try await database.write { try $0.execute("INSERT INTO t VALUES (?)", value) } }
    // A rolled-back transaction still held the writer: it is timed too.
    await #expect(throws: (any Error).self) {
      try await database.write { try $0.execute("INSERT INTO missing VALUES (1)") }
    }
    await database.close()
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    let series = #"sqlite_write_transaction_seconds_count{database="write-latency-probe"}"#
    #expect(text.contains("\(series) 6"), "\(text)")
    #expect(text.contains(#"sqlite_write_transaction_seconds_bucket{database="write-latency-probe",le="+Inf"} 6"#))
  }

  @Test func feedLagIsSeenMinusApplied() {
    let metrics = RPCMetrics()
    let seen = LockedCounter(), applied = LockedCounter()
    metrics.feedPosition(
      feed: "catalogue", consumer: "probe", seen: { UInt64(seen.value * 10) },
      applied: { UInt64(applied.value * 4) })
    seen.set(3)
    applied.set(5)
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    let labels = #"{feed="catalogue",consumer="probe"}"#
    #expect(text.contains("craft_feed_seen_seq\(labels) 30"), "\(text)")
    #expect(text.contains("craft_feed_applied_seq\(labels) 20"))
    #expect(text.contains("craft_feed_lag_events\(labels) 10"))
  }

  /// A real follower: matching's read model of a real catalogue, through the in-process RPC
  /// client; once it has caught up, the exported positions are the catalogue's newest seq.
  @Test func matchingsCatalogueFeedPositionIsExported() async throws {
    let directory = try TemporaryDirectory()
    let catalogue = try CatalogueStore(path: directory.path + "/catalogue.sqlite")
    let matching = try await MatchingStore(path: directory.path + "/matching.sqlite")
    try await TracingTests.World.seed(catalogue)
    // The feed is for services: a system token, as craftd's follower carries.
    let authority = try TokenAuthority(dataDirectory: directory.path)
    let system: Metadata = ["authorization": "Bearer \(authority.mintServiceToken().token)"]
    var router = RPCRouter(interceptors: [AuthInterceptor(authority: authority)])
    router.register(CatalogueServiceImpl(store: catalogue))
    let client = CatalogueServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
    var head: UInt64 = 0
    try await client.watchChanges(WatchChangesRequest(afterSeq: 0), metadata: system) { stream in
      for try await event in stream {
        head = event.seq
        if case .listing(let listing) = event.snapshot, listing.id == "l-trace" { break }
      }
    }
    #expect(head > 0)
    let metrics = RPCMetrics()
    metrics.feedPosition(
      feed: "catalogue", consumer: "matching", seen: { matching.catalogue.latestSeenSeq },
      applied: { matching.catalogue.lastSeq })
    let follower = Task {
      await matching.catalogueFollower(client: client, metadata: { system }).run()
    }
    #expect(await matching.catalogue.waitUntilApplied(head, timeout: .seconds(60)))
    follower.cancel()
    await follower.value
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    let labels = #"{feed="catalogue",consumer="matching"}"#
    #expect(text.contains("craft_feed_seen_seq\(labels) \(head)"), "\(text)")
    #expect(text.contains("craft_feed_applied_seq\(labels) \(head)"))
    #expect(text.contains("craft_feed_lag_events\(labels) 0"))
    await matching.close()
    await catalogue.close()
    await authority.close()
  }
}

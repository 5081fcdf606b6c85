public import Auth
public import CatalogueAPI
internal import CommonAPI
import Foundation
public import Matching
public import MatchingAPI
internal import RPCCore
internal import RPCInProcess

/// A matching store in a temporary directory whose catalogue index holds a given catalogue,
/// served by the real ``MatchingServiceImpl`` over the in-process transport: the evaluation
/// and the benchmark rank exactly as `craftd` does.
public final class EvalWorld: Sendable {
  public let store: MatchingStore
  public let directory: String
  /// Milliseconds since the epoch the store's clock is pinned to.
  public let now: Int64

  /// 2026-11-01 12:00 in Hà Nội: the demo catalogue's reference day, so its certificates are
  /// valid or lapsed as the catalogue intended.
  public static let referenceNow: Int64 = 1_793_491_200_000 + 5 * 3_600_000

  /// Opens a store under a fresh temporary directory and loads `villages`, `producers` and
  /// `listings` into its index as one batch of change events.
  public init(
    villages: [Village], producers: [Producer], listings: [Listing], now: Int64 = referenceNow
  ) async throws {
    directory = NSTemporaryDirectory() + "matching-eval-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    self.now = now
    store = try await MatchingStore(path: directory + "/matching.sqlite", clock: { now })
    var events: [ChangeEvent] = []
    events.reserveCapacity(villages.count + producers.count + listings.count)
    var seq: UInt64 = 0
    func add(_ snapshot: ChangeEvent.Snapshot) {
      seq += 1
      var event = ChangeEvent()
      event.seq = seq
      event.changeType = .created
      event.snapshot = snapshot
      events.append(event)
    }
    for village in villages { add(.village(village)) }
    for producer in producers { add(.producer(producer)) }
    for listing in listings { add(.listing(listing)) }
    try await store.applyCatalogueEvents(events)
  }

  /// A matching client that calls as `caller`.
  public func client(as caller: Caller) -> MatchingServiceClient {
    var router = RPCRouter(interceptors: [FixedCaller(caller: caller)])
    router.register(MatchingServiceImpl(store: store))
    return MatchingServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  /// Closes the store and removes the directory.
  public func close() async {
    await store.close()
    try? FileManager.default.removeItem(atPath: directory)
  }
}

/// Puts a fixed caller into every call's context, standing in for the auth interceptor.
struct FixedCaller: ServerInterceptor {
  let caller: Caller

  func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    var context = context
    context.values[CallerKey.self] = caller
    return try await next(context)
  }
}

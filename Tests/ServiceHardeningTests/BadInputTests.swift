import Foundation
import RPCCore
import RPCHTTP2
import RPCTestSupport
import Testing

/// Issue 8 item 3: random and mutated requests on every method of every service, behind the
/// real auth interceptor with tokens of every role. Each answer must be a proper status from
/// ``allowedCodes`` (never INTERNAL or UNKNOWN, never a broken stream), every INVALID_ARGUMENT
/// must carry its `google.rpc.Status`, and a rejected call must leave every table as it was.
@Suite("Bad input on every method", .serialized)
struct BadInputTests {
  /// Cases per method; the seed makes a failure reproducible.
  static let casesPerMethod = 40
  static let seed: UInt64 = 0x8_2026

  /// The roles a case calls with (nil: no token).
  static let roles: [String?] = ["admin", "producer", "buyer", "analyst", "system", nil]

  @Test("every method is in the contract the generator reads")
  func everyMethodIsDescribed() async throws {
    let world = try await World.make()
    #expect(world.methods.count >= 50, "the router serves \(world.methods.count) methods")
    for method in world.methods {
      #expect(Contract.shared.methods[method.path] != nil, "\(method.path) is not in descriptors.binpb")
    }
    await world.shutdown()
  }

  /// In process (the full count) and over a real HTTP/2 connection on 127.0.0.1 (an eighth:
  /// the same handlers, plus the transport's framing, headers and connection).
  @Test(
    "random and mutated requests get proper statuses and change nothing when rejected",
    arguments: [false, true])
  func hostileRequests(overHTTP2: Bool) async throws {
    let world = try await World.make(overHTTP2: overHTTP2)
    let cases = overHTTP2 ? Self.casesPerMethod / 8 : Self.casesPerMethod
    var ids = world.made
    ids["village"] = Seed.villages
    ids["producer"] = Seed.producers
    ids["listing"] = Seed.listings
    ids["buyer"] = Seed.buyers
    var generator = RequestGenerator(contract: .shared, ids: ids, rng: SeededGenerator(seed: Self.seed))
    var failures: [String] = []
    var counts: [RPCStatus.Code: Int] = [:]
    var digest = try world.dataDigest()

    // Round after round over every method, so objects one call creates (learnt from its
    // response) are read, changed and deleted by the others.
    for index in 0..<cases {
      for method in world.methods {
        guard let described = Contract.shared.methods[method.path] else { continue }
        let messageCount = described.clientStreaming ? Int.random(in: 0...3, using: &generator.rng) : 1
        var messages: [[UInt8]] = []
        for _ in 0..<messageCount {
          switch index % 5 {
          case 0:
            generator.hostility = 0
            messages.append(generator.message(described.input))
          case 1, 2:
            generator.hostility = 0.3
            messages.append(generator.message(described.input))
          case 3:
            generator.hostility = 0
            messages.append(generator.corrupt(generator.message(described.input)))
          default:
            messages.append(generator.randomBytes(maxCount: generator.chance(0.1) ? 4_096 : 48))
          }
        }
        let role = generator.pick(Self.roles)
        let outcome = await world.call(method, messages, metadata: world.bearer(role))
        counts[outcome.status.code, default: 0] += 1
        let streaming = method.kind == .serverStreaming
        var problems: [String] = []
        if let violation = outcome.violation(streaming: streaming) { problems.append(violation) }
        if outcome.status.isOK || (streaming && outcome.status.code == .deadlineExceeded) {
          for response in outcome.responses { generator.learnIDs(from: response) }
          try await world.catchUp()
          digest = try world.dataDigest()
        } else {
          let after = try world.dataDigest()
          let changed = changedTables(digest, after)
          if !changed.isEmpty { problems.append("rejected with \(outcome.status) but changed \(changed)") }
          digest = after
        }
        if !problems.isEmpty {
          let hex = messages.map { $0.prefix(200).map { String(format: "%02x", $0) }.joined() }
          failures.append(
            "\(method.path) case \(index) as \(role ?? "anonymous"): \(problems.joined(separator: "; ")) "
              + "— request \(hex)")
        }
      }
    }
    let summary = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" }
    let over = overHTTP2 ? "HTTP/2" : "in process"
    print("bad input \(over): \(world.methods.count) methods × \(cases) cases: \(summary.joined(separator: ", "))")
    if let loopback = world.loopback {
      // Every call went over the one connection: none was dropped.
      #expect(loopback.server.connectionCount == 1, "\(loopback.server.connectionCount) connections")
    }
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(25).joined(separator: "\n"))")
    // The generator must reach past validation: some calls succeed, some are refused for
    // their arguments (else it tests nothing but the decoder).
    let calls = world.methods.count * cases
    #expect((counts[.ok] ?? 0) > calls / 20)
    #expect((counts[.invalidArgument] ?? 0) > calls / 10)
    await world.shutdown()
  }
}

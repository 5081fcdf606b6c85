import Synchronization
import Testing

@testable import RPCCore

@Suite struct ChannelTests {
  @Test func deliversInOrderThenEnds() async throws {
    let channel = RPCMessageChannel<Int>(highWatermark: 100)
    for i in 0..<10 { #expect(channel.yield(i) == .produceMore) }
    channel.finish()
    #expect(channel.yield(99) == .dropped)
    var seen: [Int] = []
    for try await value in channel { seen.append(value) }
    #expect(seen == Array(0..<10))
    #expect(try await channel.next() == nil)
  }

  @Test func errorIsThrownOnceAfterBufferedElements() async throws {
    let channel = RPCMessageChannel<Int>()
    channel.yield(1)
    channel.finish(throwing: RPCError(code: .internal, message: "boom"))
    #expect(try await channel.next() == 1)
    await #expect(throws: RPCError.self) { try await channel.next() }
    #expect(try await channel.next() == nil)
  }

  @Test func backPressureAndDemand() async throws {
    let demands = Atomic<Int>(0)
    let channel = RPCMessageChannel<Int>(highWatermark: 4, lowWatermark: 1) {
      demands.add(1, ordering: .relaxed)
    }
    #expect(channel.yield(0) == .produceMore)
    #expect(channel.yield(1) == .produceMore)
    #expect(channel.yield(2) == .produceMore)
    #expect(channel.yield(3) == .stopProducing)
    #expect(channel.yield(4) == .stopProducing)  // still buffered, the producer overshot
    _ = try await channel.next()
    _ = try await channel.next()
    _ = try await channel.next()
    #expect(demands.load(ordering: .relaxed) == 0)  // 2 left, above the low watermark
    _ = try await channel.next()
    #expect(demands.load(ordering: .relaxed) == 1)
    #expect(try await channel.next() == 4)
  }

  @Test func waitingConsumerIsWokenByProducer() async throws {
    let channel = RPCMessageChannel<Int>()
    async let value = channel.next()
    try await Task.sleep(for: .milliseconds(10))
    channel.yield(42)
    #expect(try await value == 42)
  }

  @Test func cancellingTheConsumerWakesIt() async throws {
    let channel = RPCMessageChannel<Int>()
    let task = Task { try await channel.next() }
    try await Task.sleep(for: .milliseconds(10))
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(channel.yield(1) == .dropped)
  }

  @Test func sendSuspendsAtTheHighWatermark() async throws {
    let channel = RPCMessageChannel<Int>(highWatermark: 2, lowWatermark: 0)
    let sent = Atomic<Int>(0)
    let producer = Task {
      for i in 0..<10 {
        try await channel.send(i)
        sent.add(1, ordering: .relaxed)
      }
      channel.finish()
    }
    try await Task.sleep(for: .milliseconds(30))
    #expect(sent.load(ordering: .relaxed) <= 2)  // stuck: nobody reads
    var seen: [Int] = []
    for try await value in channel { seen.append(value) }
    try await producer.value
    #expect(seen == Array(0..<10))
  }

  @Test func cancelledSenderThrows() async throws {
    let channel = RPCMessageChannel<Int>(highWatermark: 1)
    let producer = Task {
      try await channel.send(1)  // fills the buffer, suspends
    }
    try await Task.sleep(for: .milliseconds(10))
    producer.cancel()
    await #expect(throws: CancellationError.self) { try await producer.value }
  }

  @Test func consumerGoneReleasesSender() async throws {
    let channel = RPCMessageChannel<Int>(highWatermark: 1)
    let producer = Task { try await channel.send(1) }
    try await Task.sleep(for: .milliseconds(10))
    channel.cancelConsumer()
    _ = try await producer.value
    #expect(try await channel.send(2) == false)
  }
}

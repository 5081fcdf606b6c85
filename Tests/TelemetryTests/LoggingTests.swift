import Foundation
import Logging
import Synchronization
import Testing

@testable import Telemetry

/// Collects the lines a handler writes.
final class LineSink: Sendable {
  private let lines = Mutex<[String]>([])
  var all: [String] { lines.withLock { $0 } }
  func append(_ line: String) { lines.withLock { $0.append(line) } }

  /// Each line parsed as a JSON object.
  func objects() throws -> [[String: Any]] {
    try all.map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      return try #require(object as? [String: Any], "\(line)")
    }
  }
}

@Suite struct JSONLogHandlerTests {
  @Test func writesOneJSONObjectPerLineWithTheFieldsShippersNeed() throws {
    let sink = LineSink()
    var logger = Logger(label: "craftd.test") { JSONLogHandler(label: $0, sink: sink.append) }
    logger[metadataKey: "service"] = "orders"
    logger.warning(
      "đơn hàng \"lạ\"\nline two",
      metadata: ["count": "\(3)", "ids": ["a", "b"], "nested": ["k": "v"]])
    logger.debug("below the level: not written")
    #expect(sink.all.count == 1)
    let line = try #require(sink.all.first)
    #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false)
    let object = try #require(try sink.objects().first)
    #expect(object["level"] as? String == "warning")
    #expect(object["label"] as? String == "craftd.test")
    #expect(object["message"] as? String == "đơn hàng \"lạ\"\nline two")
    let metadata = try #require(object["metadata"] as? [String: Any])
    #expect(metadata["service"] as? String == "orders")
    #expect(metadata["count"] as? String == "3")
    #expect(metadata["ids"] as? [String] == ["a", "b"])
    #expect((metadata["nested"] as? [String: String]) == ["k": "v"])
    let time = try #require(object["time"] as? String)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let parsed = try #require(formatter.date(from: time), "\(time)")
    #expect(abs(parsed.timeIntervalSinceNow) < 3600)
  }

  @Test func theTraceProviderAddsTheTraceIDOfTheCurrentCall() throws {
    let sink = LineSink()
    let logger = Logger(label: "craftd.test") {
      JSONLogHandler(label: $0, metadataProvider: .trace, sink: sink.append)
    }
    let trace = TraceContext.fresh()
    TraceContext.$current.withValue(trace) { logger.info("inside a call") }
    logger.info("outside any call")
    let objects = try sink.objects()
    let inside = try #require(objects.first?["metadata"] as? [String: String])
    #expect(inside["trace-id"] == trace.traceID)
    #expect(inside["span-id"] == trace.spanID)
    #expect((objects.last?["metadata"] as? [String: String])?["trace-id"] == nil)
  }
}

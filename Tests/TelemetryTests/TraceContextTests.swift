import Testing

@testable import Telemetry

/// The `traceparent` parser against the W3C Trace Context rules.
@Suite struct TraceParentTests {
  static let trace = "4bf92f3577b34da6a3ce929d0e0e4736"
  static let parent = "00f067aa0ba902b7"

  @Test func parsesAVersion00Header() throws {
    let parsed = try #require(TraceParent.parse("00-\(Self.trace)-\(Self.parent)-01"))
    #expect(parsed.traceID == Self.trace)
    #expect(parsed.parentID == Self.parent)
    #expect(parsed.flags == 1)
    #expect(parsed.header == "00-\(Self.trace)-\(Self.parent)-01")
    #expect(TraceParent.parse("00-\(Self.trace)-\(Self.parent)-00")?.flags == 0)
  }

  @Test(arguments: [
    "",  // empty
    "00-\(trace)-\(parent)",  // no flags
    "00-\(trace)-\(parent)-01-extra",  // version 00 has exactly four fields
    "00-\(trace.uppercased())-\(parent)-01",  // hex must be lowercase
    "00-00000000000000000000000000000000-\(parent)-01",  // all-zero trace id
    "00-\(trace)-0000000000000000-01",  // all-zero parent id
    "ff-\(trace)-\(parent)-01",  // version ff is invalid
    "0g-\(trace)-\(parent)-01",  // version not hex
    "00-\(trace.dropLast())-\(parent)-01",  // trace id too short
    "00-\(trace)-\(parent)0-01",  // parent id too long
    "00-\(trace)-\(parent)-1",  // flags one digit
    "00-\(trace)-\(parent)-0x",  // flags not hex
    "00_\(trace)-\(parent)-01",  // wrong separator
    "01-\(trace)-\(parent)-01x",  // a future version must continue with '-'
  ])
  func refusesInvalidHeaders(header: String) {
    #expect(TraceParent.parse(header) == nil, "\(header)")
  }

  @Test func readsAFutureVersionByItsFirstFourFields() {
    let parsed = TraceParent.parse("cc-\(Self.trace)-\(Self.parent)-01-what-the-future-holds")
    #expect(parsed?.traceID == Self.trace)
    #expect(parsed?.parentID == Self.parent)
  }

  @Test func continuingKeepsTheTraceAndMakesANewSpan() {
    let context = TraceContext.continuing("00-\(Self.trace)-\(Self.parent)-01")
    #expect(context.traceID == Self.trace)
    #expect(context.parentID == Self.parent)
    #expect(context.spanID != Self.parent)
    #expect(TraceParent.parse(context.outgoingHeader)?.parentID == context.spanID)
    #expect(TraceParent.parse(context.outgoingHeader)?.traceID == Self.trace)
  }

  @Test func anInvalidHeaderStartsAFreshTrace() {
    for header in [nil, "garbage", "00-00000000000000000000000000000000-\(Self.parent)-01"] {
      let context = TraceContext.continuing(header)
      #expect(context.parentID == nil)
      #expect(context.traceID != Self.trace)
      // A fresh context is itself valid on the wire.
      #expect(TraceParent.parse(context.outgoingHeader)?.traceID == context.traceID)
    }
    #expect(TraceContext.fresh().traceID != TraceContext.fresh().traceID)
  }
}

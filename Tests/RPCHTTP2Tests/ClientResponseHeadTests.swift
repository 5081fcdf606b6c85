import RPCCore
import Testing

@testable import RPCHTTP2

@Suite struct ClientResponseHeadTests {
  func head(_ fields: [(String, String)]) -> GRPCResponseHead {
    GRPCResponseHead(fields.map { HeaderField($0.0, $0.1) })
  }

  @Test func validHeadersAndMetadata() {
    let h = head([
      (":status", "200"), ("content-type", "application/grpc+proto"), ("grpc-encoding", "gzip"),
      ("grpc-accept-encoding", "identity,gzip"), ("x-trace", "abc"), ("x-bin", "AAEC"),
    ])
    #expect(h.headersFailure == nil)
    #expect(h.encoding == "gzip")
    #expect(h.metadata["x-trace"] == "abc")
    #expect(h.metadata.binaryValues(forKey: "x-bin") == [[0, 1, 2]])
    #expect(!h.metadata.contains(key: "grpc-accept-encoding"))
    #expect(!h.metadata.contains(key: "content-type"))
  }

  @Test(arguments: [
    (404, RPCStatus.Code.unimplemented), (400, .internal), (401, .unauthenticated),
    (403, .permissionDenied), (429, .unavailable), (502, .unavailable), (503, .unavailable),
    (504, .unavailable), (500, .unknown), (418, .unknown),
  ])
  func httpStatusIsSynthesized(status: Int, code: RPCStatus.Code) {
    let h = head([(":status", "\(status)"), ("content-type", "text/html")])
    #expect(h.headersFailure?.code == code)
    // A trailers-only answer without grpc-status: the same.
    #expect(h.finalStatus(trailersOnly: true).code == code)
  }

  @Test func wrongContentTypeIsUnknown() {
    let h = head([(":status", "200"), ("content-type", "text/html")])
    #expect(h.headersFailure?.code == .unknown)
    #expect(head([(":status", "200")]).headersFailure?.code == .unknown)
  }

  @Test func grpcStatusIsAuthoritativeInTrailersOnly() {
    let h = head([
      (":status", "200"), ("content-type", "application/grpc"), ("grpc-status", "5"),
      ("grpc-message", "kh%C3%B4ng th%E1%BA%A5y %F0%9F%A7%BA"), ("x-why", "test"),
    ])
    let status = h.finalStatus(trailersOnly: true)
    #expect(status == RPCStatus(code: .notFound, message: "không thấy 🧺"))
    #expect(h.metadata["x-why"] == "test")
  }

  @Test func missingOrMalformedGrpcStatusIsUnknown() {
    #expect(head([]).finalStatus(trailersOnly: false).code == .unknown)
    #expect(head([("grpc-status", "abc")]).finalStatus(trailersOnly: false).code == .unknown)
    #expect(head([("grpc-status", "99")]).finalStatus(trailersOnly: false).code == .unknown)
    #expect(head([("grpc-status", "0")]).finalStatus(trailersOnly: false) == .ok)
  }

  @Test func informationalHeadersAreSkipped() {
    #expect(head([(":status", "100")]).isInformational)
    #expect(!head([(":status", "200")]).isInformational)
  }

  @Test func backoffFollowsGRPCsAlgorithm() {
    var waits = ConnectionBackoff().makeIterator()
    #expect(waits.next() == .seconds(1))
    var expected = 1.0
    for _ in 0..<20 {
      expected = min(expected * 1.6, 120)
      let wait = waits.next()
      let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
      #expect(seconds >= expected * 0.8 - 1e-6 && seconds <= expected * 1.2 + 1e-6)
    }
    var flat = ConnectionBackoff(initial: .milliseconds(10), multiplier: 1, jitter: 0)
      .makeIterator()
    #expect(flat.next() == .milliseconds(10))
    #expect(flat.next() == .milliseconds(10))
  }
}

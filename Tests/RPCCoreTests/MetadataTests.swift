import Testing

@testable import RPCCore

@Suite struct MetadataTests {
  @Test func orderedMultimapCaseInsensitive() {
    var metadata: Metadata = ["X-Trace": "a", "other": "b"]
    metadata.addString("c", forKey: "x-trace")
    #expect(metadata.count == 3)
    #expect(metadata["x-TRACE"] == "a")
    #expect(metadata.stringValues(forKey: "X-Trace") == ["a", "c"])
    #expect(metadata.map(\.key) == ["x-trace", "other", "x-trace"])
    metadata.replaceOrAddString("d", forKey: "X-TRACE")
    #expect(metadata.stringValues(forKey: "x-trace") == ["d"])
    let removed = metadata.removeAllValues(forKey: "OTHER")
    #expect(removed)
    #expect(!metadata.contains(key: "other"))
    #expect(Metadata().isEmpty)
  }

  @Test func keyAndValueValidation() {
    #expect(Metadata.isValidKey("x-user_id.v2"))
    #expect(!Metadata.isValidKey(""))
    #expect(!Metadata.isValidKey("X-Upper"))
    #expect(!Metadata.isValidKey("has space"))
    #expect(!Metadata.isValidKey("colon:"))
    #expect(Metadata.isValidASCIIValue("Bearer abc.def ~"))
    #expect(!Metadata.isValidASCIIValue("tab\there"))
    #expect(!Metadata.isValidASCIIValue("ñ"))
    #expect(Metadata.isReserved(key: "grpc-timeout"))
    #expect(Metadata.isReserved(key: ":path"))
    #expect(Metadata.isReserved(key: "content-type"))
    #expect(Metadata.isReserved(key: "te"))
    #expect(!Metadata.isReserved(key: "authorization"))
    // The rich error status is the application's to send; its neighbours stay reserved.
    #expect(!Metadata.isReserved(key: "grpc-status-details-bin"))
    #expect(Metadata.isReserved(key: "grpc-status"))
    #expect(Metadata.isReserved(key: "grpc-status-details-bin2"))
  }

  /// Every connection-specific or transport-owned name is reserved, and names of the same
  /// lengths that are not stay custom metadata.
  @Test func reservedHTTPNames() {
    for name in [
      "content-type", "te", "connection", "keep-alive", "proxy-connection", "transfer-encoding",
      "upgrade", "host",
    ] {
      #expect(Metadata.isReserved(key: name), "\(name)")
    }
    for name in [
      "content-typo", "tf", "connectiox", "keep-alivf", "proxy-connectio_", "transfer-encodinh",
      "upgradf", "hosT", "x", "", "user-agent", "authorization",
    ] {
      #expect(!Metadata.isReserved(key: name), "\(name)")
    }
  }

  @Test func base64EncodesUnpadded() {
    #expect(Base64.encode([]) == "")
    #expect(Base64.encode(Array("f".utf8)) == "Zg")
    #expect(Base64.encode(Array("fo".utf8)) == "Zm8")
    #expect(Base64.encode(Array("foo".utf8)) == "Zm9v")
    #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(Base64.encode([0xFF, 0xFE, 0xFD, 0x00]) == "//79AA")
  }

  @Test(arguments: [
    ("Zg==", "f"), ("Zg", "f"), ("Zm8=", "fo"), ("Zm8", "fo"), ("Zm9v", "foo"),
    ("Zm9vYg==", "foob"), ("Zm9vYg", "foob"), ("Zm9vYmE=", "fooba"), ("Zm9vYmE", "fooba"),
    ("", ""),
  ])
  func base64DecodesPaddedAndUnpadded(text: String, plain: String) {
    #expect(Base64.decode(text.utf8) == Array(plain.utf8))
  }

  @Test(arguments: ["Z", "Zg=", "Z===", "Zm9v!", "Zm 9v", "=Zg", "Zg==Zg=="])
  func base64RejectsGarbage(text: String) {
    #expect(Base64.decode(text.utf8) == nil)
  }

  @Test func binaryHeadersOnTheWire() {
    var received = Metadata()
    let results = [
      received.appendReceivedHeader(name: "trace-bin", value: "AAEC"),
      received.appendReceivedHeader(name: "trace-bin", value: "AAE=, AAE"),
      received.appendReceivedHeader(name: "trace-bin", value: "%%%"),
      received.appendReceivedHeader(name: "plain", value: "text"),
      received.appendReceivedHeader(name: "Bad Name", value: "text"),
    ]
    #expect(results == [true, true, false, true, false])
    #expect(received.binaryValues(forKey: "trace-bin") == [[0, 1, 2], [0, 1], [0, 1]])

    var sent: [(String, String)] = []
    var outgoing: Metadata = ["plain": "ok", "grpc-status": "0", "bad key": "x", "ctl": "a\nb"]
    outgoing.addBinary([0xFF, 0x00], forKey: "blob-bin")
    outgoing.addString("not binary", forKey: "only-bin")  // text under -bin: not sent
    outgoing.addBinary([1], forKey: "no-suffix")  // bytes without -bin: not sent
    outgoing.forEachHeaderToSend { sent.append(($0, $1)) }
    #expect(sent.map(\.0) == ["plain", "blob-bin"])
    #expect(sent.map(\.1) == ["ok", "/wA"])
  }
}

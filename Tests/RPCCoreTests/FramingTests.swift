import Testing

@testable import RPCCore

/// Runs `body` and returns the RPCError it threw, or nil.
func rpcError(_ body: () throws -> Void) -> RPCError? {
  do {
    try body()
    return nil
  } catch let error as RPCError {
    return error
  } catch {
    Issue.record("unexpected error \(error)")
    return nil
  }
}

/// Feeds `stream` to `deframer` in chunks cut at `cuts` and returns the messages.
func deframe(
  _ stream: [UInt8], cuts: [Int], deframer: inout MessageDeframer
) throws -> [[UInt8]] {
  var messages: [[UInt8]] = []
  var start = 0
  for end in cuts + [stream.count] where end >= start {
    messages += try deframer.process(Array(stream[start..<end]))
    start = end
  }
  try deframer.finish()
  return messages
}

@Suite struct FramingTests {
  let messages: [[UInt8]] = [
    [], [0x42], Array("hello, framing".utf8), (0..<300).map { UInt8(truncatingIfNeeded: $0) },
  ]

  func framedStream(_ framer: MessageFramer, compress: Bool = true) throws -> [UInt8] {
    var stream: [UInt8] = []
    for message in messages {
      try message.withUnsafeBytes { try framer.append($0, compress: compress, to: &stream) }
    }
    return stream
  }

  @Test func prefixIsFlagAndBigEndianLength() throws {
    let framed = try MessageFramer().frame(Array(repeating: 7, count: 258))
    #expect(Array(framed.prefix(5)) == [0, 0, 0, 1, 2])
    #expect(framed.count == 263)
  }

  @Test func everySingleSplitPoint() throws {
    let stream = try framedStream(MessageFramer())
    for cut in 0...stream.count {
      var deframer = MessageDeframer()
      #expect(try deframe(stream, cuts: [cut], deframer: &deframer) == messages)
    }
  }

  @Test func everyTwoSplitPointsAndBytewise() throws {
    let stream = try framedStream(MessageFramer())
    for first in stride(from: 0, through: stream.count, by: 3) {
      for second in stride(from: first, through: stream.count, by: 7) {
        var deframer = MessageDeframer()
        #expect(try deframe(stream, cuts: [first, second], deframer: &deframer) == messages)
      }
    }
    var deframer = MessageDeframer()
    #expect(try deframe(stream, cuts: Array(0..<stream.count), deframer: &deframer) == messages)
  }

  @Test func randomChunking() throws {
    let stream = try framedStream(MessageFramer(compression: .gzip))
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let cuts = (0..<Int.random(in: 0...20, using: &generator))
        .map { _ in Int.random(in: 0...stream.count, using: &generator) }.sorted()
      var deframer = MessageDeframer(compression: .gzip)
      #expect(try deframe(stream, cuts: cuts, deframer: &deframer) == messages)
    }
  }

  @Test func oversizedLengthRejectedBeforeTheBody() throws {
    var deframer = MessageDeframer(maxReceiveSize: 1024)
    // Only the 5-byte prefix arrives: the error must not wait for the body.
    let error = rpcError { _ = try deframer.process([0, 0, 0, 4, 1]) }
    #expect(error?.code == .resourceExhausted)

    var ok = MessageDeframer(maxReceiveSize: 4)
    #expect(try ok.process([0, 0, 0, 0, 4, 1, 2, 3, 4]) == [[1, 2, 3, 4]])
  }

  @Test func defaultLimitIsFourMebibytes() {
    #expect(MessageDeframer.defaultMaxReceiveSize == 4 * 1024 * 1024)
    var deframer = MessageDeframer()
    let error = rpcError { _ = try deframer.process([0, 0, 0x40, 0, 1]) }  // 4 MiB + 1
    #expect(error?.code == .resourceExhausted)
    var atLimit = MessageDeframer()
    #expect(rpcError { _ = try atLimit.process([0, 0, 0x40, 0, 0]) } == nil)
  }

  @Test func maxSendSize() {
    let framer = MessageFramer(maxSendSize: 3)
    #expect(rpcError { _ = try framer.frame([1, 2, 3]) } == nil)
    #expect(rpcError { _ = try framer.frame([1, 2, 3, 4]) }?.code == .resourceExhausted)
  }

  @Test func badFlags() {
    var identity = MessageDeframer()
    let compressedWithoutEncoding = rpcError { _ = try identity.process([1, 0, 0, 0, 1, 0]) }
    #expect(compressedWithoutEncoding?.code == .internal)

    for flag: UInt8 in [2, 0x80, 0xFF] {
      var gzip = MessageDeframer(compression: .gzip)
      #expect(rpcError { _ = try gzip.process([flag, 0, 0, 0, 0]) }?.code == .internal)
    }
  }

  @Test func truncatedStream() throws {
    var deframer = MessageDeframer()
    #expect(try deframer.process([0, 0, 0, 0, 3, 1]) == [])
    #expect(deframer.hasPartialMessage)
    #expect(rpcError { try deframer.finish() }?.code == .internal)
    var prefixOnly = MessageDeframer()
    _ = try prefixOnly.process([0, 0])
    #expect(rpcError { try prefixOnly.finish() }?.code == .internal)
  }

  @Test(arguments: [CompressionAlgorithm.gzip, .deflate])
  func compressionRoundTrip(algorithm: CompressionAlgorithm) throws {
    let framer = MessageFramer(compression: algorithm)
    let big = [UInt8](repeating: 0x61, count: 100_000)
    let framed = try framer.frame(big)
    #expect(framed[0] == 1)
    #expect(framed.count < 1_000)
    var deframer = MessageDeframer(compression: algorithm)
    #expect(try deframer.process(framed) == [big])

    // compress: false sends flag 0 even with an encoding negotiated.
    let plain = try framer.frame(big, compress: false)
    #expect(plain[0] == 0)
    #expect(try deframer.process(plain) == [big])
  }

  @Test func decodesOtherImplementationsGzipAndDeflate() throws {
    // Python's gzip.compress(b'hello, gzip', mtime=0) and zlib.compress(b'hello, deflate').
    let gzip: [UInt8] = [
      31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 215, 81, 72, 175, 202, 44, 0, 0,
      74, 155, 177, 92, 11, 0, 0, 0,
    ]
    let deflate: [UInt8] = [
      120, 156, 203, 72, 205, 201, 201, 215, 81, 72, 73, 77, 203, 73, 44, 73, 5, 0, 38, 173, 5, 54,
    ]
    var g = MessageDeframer(compression: .gzip)
    #expect(try g.process([1, 0, 0, 0, UInt8(gzip.count)] + gzip) == [Array("hello, gzip".utf8)])
    var d = MessageDeframer(compression: .deflate)
    #expect(
      try d.process([1, 0, 0, 0, UInt8(deflate.count)] + deflate) == [Array("hello, deflate".utf8)])
  }

  @Test func zipBombRejected() throws {
    // 16 MiB of zeros compresses to ~16 KiB: small on the wire, far over the 4 MiB limit.
    let bomb = MessageCompressor(algorithm: .gzip).compress(
      [UInt8](repeating: 0, count: 16 * 1024 * 1024))
    #expect(bomb.count < 40_000)
    var deframer = MessageDeframer(compression: .gzip)
    var framed = [1] + withUnsafeBytes(of: UInt32(bomb.count).bigEndian, Array.init)
    framed += bomb
    let error = rpcError { _ = try deframer.process(framed) }
    #expect(error?.code == .resourceExhausted)

    // A compressed message whose compressed size alone is over the limit is rejected early.
    var small = MessageDeframer(compression: .gzip, maxReceiveSize: 10)
    #expect(rpcError { _ = try small.process([1, 0, 0, 0, 11]) }?.code == .resourceExhausted)
  }

  @Test func corruptCompressedData() {
    var deframer = MessageDeframer(compression: .gzip)
    let garbage: [UInt8] = [1, 0, 0, 0, 4, 1, 2, 3, 4]
    #expect(rpcError { _ = try deframer.process(garbage) }?.code == .internal)
    var empty = MessageDeframer(compression: .gzip)
    #expect(rpcError { _ = try empty.process([1, 0, 0, 0, 0]) }?.code == .internal)
    // Valid gzip followed by trailing bytes.
    var trailing = MessageDeframer(compression: .gzip)
    var payload = MessageCompressor(algorithm: .gzip).compress([1, 2, 3])
    payload.append(9)
    let framed = [1, 0, 0, 0, UInt8(payload.count)] + payload
    #expect(rpcError { _ = try trailing.process(framed) }?.code == .internal)
  }

  @Test func negotiation() throws {
    #expect(
      CompressionNegotiation.acceptEncodingHeader([.gzip]) == "identity,gzip")
    #expect(
      CompressionNegotiation.parseAcceptEncoding(" gzip , deflate,,identity ")
        == ["gzip", "deflate", "identity"])
    #expect(try CompressionNegotiation.requestEncoding(grpcEncoding: nil, enabled: []) == .identity)
    #expect(
      try CompressionNegotiation.requestEncoding(grpcEncoding: "identity", enabled: []) == .identity
    )
    #expect(
      try CompressionNegotiation.requestEncoding(grpcEncoding: "gzip", enabled: [.gzip]) == .gzip)
    do {
      _ = try CompressionNegotiation.requestEncoding(grpcEncoding: "snappy", enabled: [.gzip])
      Issue.record("snappy accepted")
    } catch {
      #expect(error.code == .unimplemented)
      #expect(error.message.contains("identity,gzip"))
    }
    do {
      _ = try CompressionNegotiation.requestEncoding(grpcEncoding: "gzip", enabled: [])
      Issue.record("gzip accepted while disabled")
    } catch {
      #expect(error.code == .unimplemented)
    }
    do {
      _ = try CompressionNegotiation.responseDecoding(grpcEncoding: "br", enabled: [.gzip])
      Issue.record("br accepted")
    } catch {
      #expect(error.code == .internal)
    }
    #expect(
      CompressionNegotiation.responseEncoding(
        preferred: .gzip, clientAcceptEncoding: "deflate, gzip")
        == .gzip)
    #expect(
      CompressionNegotiation.responseEncoding(preferred: .gzip, clientAcceptEncoding: "deflate")
        == .identity)
    #expect(
      CompressionNegotiation.responseEncoding(preferred: .gzip, clientAcceptEncoding: nil)
        == .identity)
  }
}

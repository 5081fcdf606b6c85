// Feeds arbitrary bytes to one server connection — the real per-connection handler, its
// nghttp2 session and the gRPC layer above it — through an EmbeddedChannel, the way nghttp2's
// own fuzzers feed a session: no socket and no thread, so a run is deterministic. Whatever it
// reads, the server must not crash, and what it writes back must be whole HTTP/2 frames,
// starting with its SETTINGS.
//
// Input: byte 0 is a control byte, the rest is what the client sends.
//   bit 0     prepend the client connection preface (so the fuzzer need not find it)
//   bits 1-3  split the input into reads of 1, 2, 7, 9, 64, 1,000 or 16,384 bytes, or one read
//   bit 4     let time pass between reads (deadlines and timers fire mid-conversation)

import InteropAPI
import NIOCore
import NIOEmbedded
import RPCCore
@_spi(Fuzzing) import RPCHTTP2

let clientPreface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
let readSizes = [1, 2, 7, 9, 64, 1_000, 16_384, Int.max]

let configuration: HTTP2ServerConfiguration = {
  var configuration = HTTP2ServerConfiguration()
  // Small enough that the fuzzer reaches the limits; timers short, so advancing time fires them.
  configuration.maxReceiveMessageSize = 16 * 1024
  configuration.maxSendMessageSize = 16 * 1024
  configuration.handshakeTimeout = .seconds(1)
  configuration.idleTimeout = .seconds(2)
  configuration.keepaliveInterval = .seconds(3)
  configuration.keepaliveTimeout = .seconds(1)
  return configuration
}()

let router = makeFuzzRouter()

func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard size > 0, let data else { return 0 }
  let control = data[0]
  var input = control & 1 == 1 ? clientPreface : []
  input.append(contentsOf: UnsafeBufferPointer(start: data + 1, count: size - 1))
  let readSize = readSizes[Int(control >> 1) & 7]
  let timePasses = control & 0x10 != 0

  let channel = EmbeddedChannel()
  do {
    try HTTP2ServerTransport.serveConnection(on: channel, router: router, configuration: configuration)
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 50051)).wait()
  } catch {
    preconditionFailure("cannot set up the connection: \(error)")
  }
  var output: [UInt8] = []
  var offset = 0
  while offset < input.count, channel.isActive {
    let end = offset + min(readSize, input.count - offset)
    _ = try? channel.writeInbound(ByteBuffer(bytes: input[offset..<end]))
    offset = end
    settle(channel, into: &output)
    if timePasses {
      channel.embeddedEventLoop.advanceTime(by: .milliseconds(700))
      settle(channel, into: &output)
    }
  }
  // Time passes: deadlines, the idle timeout and keepalives fire; then the peer leaves.
  for _ in 0..<8 where channel.isActive {
    channel.embeddedEventLoop.advanceTime(by: .seconds(1))
    settle(channel, into: &output)
  }
  _ = try? channel.close().wait()
  settle(channel, into: &output)
  checkFrames(output)
  return 0
}

/// Runs what the reads and timers queued (handlers' tasks run on the loop too) until nothing
/// is left, collecting what the server wrote.
func settle(_ channel: EmbeddedChannel, into output: inout [UInt8]) {
  for _ in 0..<64 {
    channel.embeddedEventLoop.run()
    var wrote = false
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
      output.append(contentsOf: buffer.readableBytesView)
      wrote = true
    }
    if !wrote { return }
  }
}

/// The server's output is a sequence of whole frames, the first its SETTINGS, none larger
/// than the 16 KiB every peer accepts before it says otherwise, none on a reserved type
/// number it would never send.
func checkFrames(_ bytes: [UInt8]) {
  guard !bytes.isEmpty else { preconditionFailure("the server wrote nothing, not even SETTINGS") }
  var offset = 0
  var first = true
  while offset < bytes.count {
    precondition(bytes.count - offset >= 9, "a truncated frame header at \(offset)")
    let length = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
    let type = bytes[offset + 3]
    precondition(length <= 16_384, "a \(length)-byte frame of type \(type)")
    precondition(type <= 9, "a frame of unknown type \(type)")
    if first {
      precondition(type == 4 && bytes[offset + 4] & 1 == 0, "the first frame is not SETTINGS")
      first = false
    }
    offset += 9 + length
    precondition(offset <= bytes.count, "a truncated frame of type \(type)")
  }
}

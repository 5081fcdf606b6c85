// Fuzzes gRPC's length-prefixed message framing as a server reads it: arbitrary bytes, in
// arbitrary reads, through the deframer with each compression (gzip and deflate inflate what
// the peer sends, so a small input may claim to expand to gigabytes). The deframer must return
// messages no larger than its limit or a typed error, never crash; and any message it returns,
// framed again by our framer (compressed or not), must come back unchanged.
//
// Input: byte 0 picks the compression (bits 0-1), whether to compress the re-framed copy
// (bit 2) and the read size (bits 3-5); the rest is the stream of frames.

import CFuzzDriver
import Glibc
import RPCCore

let algorithms: [CompressionAlgorithm] = [.identity, .gzip, .deflate, .identity]
let readSizes = [1, 3, 5, 6, 64, 1_000, 70_000, Int.max]
let maxReceiveSize = 64 * 1024

func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard size > 0, let data else { return 0 }
  let control = data[0]
  let compression = algorithms[Int(control & 3)]
  let recompress = control & 4 != 0
  let readSize = readSizes[Int(control >> 3) & 7]
  var deframer = MessageDeframer(compression: compression, maxReceiveSize: maxReceiveSize)
  var messages: [[UInt8]] = []
  var offset = 1
  reading: while offset < size {
    let count = min(readSize, size - offset)
    var chunk = UnsafeRawBufferPointer(start: data + offset, count: count)
    offset += count
    do {
      while let message = try deframer.next(from: &chunk) {
        precondition(message.count <= maxReceiveSize, "a \(message.count)-byte message passed the limit")
        messages.append(message)
      }
    } catch {
      break reading  // a typed error ends the stream, as it ends the call
    }
  }
  _ = try? deframer.finish()
  for message in messages { checkReframing(message, compression, recompress) }
  return 0
}

/// A message the deframer accepted survives our framer and the deframer again.
func checkReframing(_ message: [UInt8], _ compression: CompressionAlgorithm, _ compress: Bool) {
  // Twice the limit: compressing an incompressible message makes its frame a little larger.
  let framer = MessageFramer(compression: compression, maxSendSize: 2 * maxReceiveSize)
  var deframer = MessageDeframer(compression: compression, maxReceiveSize: 2 * maxReceiveSize)
  do {
    let framed = try framer.frame(message, compress: compress)
    let again = try deframer.process(framed)
    precondition(again == [message], "a message changed through framing and deframing")
    try deframer.finish()
  } catch {
    preconditionFailure("our own framing of an accepted message failed: \(error)")
  }
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })

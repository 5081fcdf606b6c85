// Decodes arbitrary bytes as every top-level message of the contract. The first byte picks the
// message type, the rest is the encoding. Decoding may fail (with a typed error) but must never
// crash, and whatever decodes must survive encode → decode unchanged.

import CatalogueAPI
import CommonAPI
import InteropAPI
import MatchingAPI
import OrdersAPI
import ProtoWire
import RPCStandardServices

let messageTypes: [any ProtoMessage.Type] =
  commonMessageTypes + catalogueMessageTypes + matchingMessageTypes + ordersMessageTypes
  + interopMessageTypes + standardServicesMessageTypes

func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard size > 0, let data else { return 0 }
  let type = messageTypes[Int(data[0]) % messageTypes.count]
  let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  checkRoundTrip(type, body)
  return 0
}

/// Decodes `body` as `M`; when it decodes, its own encoding must decode again and re-encode to
/// the same bytes. (Bytes, not `==`: a NaN field is never equal to itself.)
func checkRoundTrip<M: ProtoMessage>(_: M.Type, _ body: UnsafeRawBufferPointer) {
  guard let message = try? M(buffer: body) else { return }
  let encoded = message.serializedBytes()
  precondition(encoded.count == message.serializedSize, "\(M.protoMessageName): size mismatch")
  guard let again = try? M(serializedBytes: encoded) else {
    preconditionFailure("\(M.protoMessageName): own encoding does not decode")
  }
  precondition(again.serializedBytes() == encoded, "\(M.protoMessageName): encoding not stable")
}

import ProtoWire

@testable import RPCCore

/// A small message for the call tests: `string text = 1; int32 number = 2;`.
struct Echo: ProtoMessage, Hashable {
  static let protoMessageName = "rpccore.test.Echo"
  var text = ""
  var number: Int32 = 0
  var unknownFields = UnknownFields()

  init() {}
  init(_ text: String, number: Int32 = 0) {
    self.text = text
    self.number = number
  }

  mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): text = try reader.readString()
      case (2, .varint): number = try ProtoInt32.read(from: &reader)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(2, number, as: ProtoInt32.self)
    writer.write(1, text, as: ProtoString.self)
  }
}

enum EchoService {
  static let name = "rpccore.test.EchoService"
  static let get = MethodDescriptor(service: name, method: "Get", kind: .unary)
  static let collect = MethodDescriptor(service: name, method: "Collect", kind: .clientStreaming)
  static let expand = MethodDescriptor(service: name, method: "Expand", kind: .serverStreaming)
  static let update = MethodDescriptor(
    service: name, method: "Update", kind: .bidirectionalStreaming)
}

/// Why a byte sequence is not a valid encoding of a message. Decoding never traps: every
/// malformed input ends in one of these, so the RPC layer can answer `INVALID_ARGUMENT`.
public enum ProtoDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The input ends inside a tag or a value.
  case truncated
  /// A varint runs past 10 bytes.
  case malformedVarint
  /// Wire type 6 or 7, which the format does not define.
  case invalidWireType(UInt8)
  /// Field number 0 or above 2^29 - 1 (a tag that does not fit in 32 bits).
  case invalidFieldNumber(Int)
  /// A length prefix that points past the end of its enclosing message.
  case lengthOutOfRange
  /// A `string` field whose bytes are not valid UTF-8.
  case invalidUTF8(fieldNumber: Int)
  /// An end-group marker without a matching start-group.
  case unexpectedEndGroup
  /// A start-group whose end-group never comes, or comes with another field number.
  case unterminatedGroup
  /// Messages or groups nested deeper than `ProtoReader.maxDepth`.
  case nestingTooDeep

  public var description: String {
    switch self {
    case .truncated: "truncated message"
    case .malformedVarint: "malformed varint"
    case .invalidWireType(let type): "invalid wire type \(type)"
    case .invalidFieldNumber(let number): "invalid field number \(number)"
    case .lengthOutOfRange: "length prefix past the end of the message"
    case .invalidUTF8(let number): "invalid UTF-8 in string field \(number)"
    case .unexpectedEndGroup: "end-group without start-group"
    case .unterminatedGroup: "unterminated group"
    case .nestingTooDeep: "messages nested more than \(ProtoReader.maxDepth) deep"
    }
  }
}

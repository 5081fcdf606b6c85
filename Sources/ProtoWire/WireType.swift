/// The six wire types of the protobuf binary format (3 and 4 are the legacy group markers,
/// which proto3 never emits but a decoder must still skip inside unknown fields).
public enum WireType: UInt8, Sendable {
  case varint = 0
  case fixed64 = 1
  case lengthDelimited = 2
  case startGroup = 3
  case endGroup = 4
  case fixed32 = 5
}

/// A decoded field key. Messages switch on `(fieldNumber, wireType)` so that a known field
/// arriving with the wrong wire type falls through to the unknown fields, as protoc's runtimes do.
public struct FieldTag: Sendable, Equatable {
  public var fieldNumber: Int
  public var wireType: WireType

  @inlinable
  public init(fieldNumber: Int, wireType: WireType) {
    self.fieldNumber = fieldNumber
    self.wireType = wireType
  }

  /// Field numbers run from 1 to 2^29 - 1.
  public static let maxFieldNumber = (1 << 29) - 1
}

// A minimal subset of google/protobuf/descriptor.proto (package google.protobuf), written by
// hand, for server reflection: enough to index files, symbols and extensions. descriptor.proto
// is proto2, so singular fields have explicit presence (Swift Optionals, written whenever set).
// Every field not modelled here is kept in `unknownFields`; the modelled fields of each message
// are a prefix of its field numbers (or cover every gap), so re-encoding a message decoded from
// protoc's output gives back the same bytes.

public import ProtoWire

/// `google.protobuf.FileDescriptorSet`: the files protoc's `--descriptor_set_out` writes.
public struct FileDescriptorSet: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.FileDescriptorSet"

  /// The files, each after the files it imports (protoc's order with `--include_imports`).
  public var file: [FileDescriptorProto] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An empty set.
  public init() {}

  /// A set of `file`.
  public init(file: [FileDescriptorProto]) {
    self.file = file
  }

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): try reader.appendMessage(to: &file)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(1, file)
  }
}

/// `google.protobuf.FileDescriptorProto`: one whole .proto file. Options, source info,
/// public/weak dependencies, syntax and edition (fields 8 and up) are kept as unknown fields.
public struct FileDescriptorProto: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.FileDescriptorProto"

  /// The file name, relative to the source tree root, e.g. `grpc/testing/test.proto`.
  public var name: String?
  /// The proto package, e.g. `grpc.testing`.
  public var package: String?
  /// The names of the files this one imports.
  public var dependency: [String] = []
  /// The top-level message types.
  public var messageType: [DescriptorProto] = []
  /// The top-level enum types.
  public var enumType: [EnumDescriptorProto] = []
  /// The services.
  public var service: [ServiceDescriptorProto] = []
  /// The top-level extension fields.
  public var `extension`: [FieldDescriptorProto] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A file with every field unset.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): name = try reader.readString()
      case (2, .lengthDelimited): package = try reader.readString()
      case (3, .lengthDelimited):
        try reader.readRepeated(tag, into: &dependency, as: ProtoString.self)
      case (4, .lengthDelimited): try reader.appendMessage(to: &messageType)
      case (5, .lengthDelimited): try reader.appendMessage(to: &enumType)
      case (6, .lengthDelimited): try reader.appendMessage(to: &service)
      case (7, .lengthDelimited): try reader.appendMessage(to: &`extension`)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(7, `extension`)
    writer.writeRepeatedMessages(6, service)
    writer.writeRepeatedMessages(5, enumType)
    writer.writeRepeatedMessages(4, messageType)
    writer.writeRepeated(3, dependency, as: ProtoString.self)
    writer.write(2, package, as: ProtoString.self)
    writer.write(1, name, as: ProtoString.self)
  }
}

/// `google.protobuf.DescriptorProto`: a message type. Options, oneofs and reserved ranges and
/// names (fields 7 and up) are kept as unknown fields.
public struct DescriptorProto: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.DescriptorProto"

  /// `google.protobuf.DescriptorProto.ExtensionRange`: field numbers open to extensions.
  public struct ExtensionRange: ProtoMessage, Hashable {
    public static let protoMessageName = "google.protobuf.DescriptorProto.ExtensionRange"

    /// The first number of the range (inclusive).
    public var start: Int32?
    /// The end of the range (exclusive).
    public var end: Int32?
    /// Fields this build does not know (the range's options), kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A range with every field unset.
    public init() {}

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): start = try reader.readInt32()
        case (2, .varint): end = try reader.readInt32()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(2, end, as: ProtoInt32.self)
      writer.write(1, start, as: ProtoInt32.self)
    }
  }

  /// The message's simple name, e.g. `Listing`.
  public var name: String?
  /// The fields.
  public var field: [FieldDescriptorProto] = []
  /// The message types declared inside this one (map entries included).
  public var nestedType: [DescriptorProto] = []
  /// The enum types declared inside this one.
  public var enumType: [EnumDescriptorProto] = []
  /// The field numbers extensions of this message may use.
  public var extensionRange: [ExtensionRange] = []
  /// The extension fields declared inside this message (extending any message).
  public var `extension`: [FieldDescriptorProto] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A message type with every field unset.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): name = try reader.readString()
      case (2, .lengthDelimited): try reader.appendMessage(to: &field)
      case (3, .lengthDelimited): try reader.appendMessage(to: &nestedType)
      case (4, .lengthDelimited): try reader.appendMessage(to: &enumType)
      case (5, .lengthDelimited): try reader.appendMessage(to: &extensionRange)
      case (6, .lengthDelimited): try reader.appendMessage(to: &`extension`)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(6, `extension`)
    writer.writeRepeatedMessages(5, extensionRange)
    writer.writeRepeatedMessages(4, enumType)
    writer.writeRepeatedMessages(3, nestedType)
    writer.writeRepeatedMessages(2, field)
    writer.write(1, name, as: ProtoString.self)
  }
}

/// `google.protobuf.FieldDescriptorProto`: a field or an extension. Default value, options,
/// oneof index, JSON name and proto3 `optional` (fields 7 and up) are kept as unknown fields.
public struct FieldDescriptorProto: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.FieldDescriptorProto"

  /// `google.protobuf.FieldDescriptorProto.Type`: the field's wire-level type.
  public struct FieldType: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A type from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `TYPE_DOUBLE`.
    public static let double = FieldType(rawValue: 1)
    /// `TYPE_FLOAT`.
    public static let float = FieldType(rawValue: 2)
    /// `TYPE_INT64`.
    public static let int64 = FieldType(rawValue: 3)
    /// `TYPE_UINT64`.
    public static let uint64 = FieldType(rawValue: 4)
    /// `TYPE_INT32`.
    public static let int32 = FieldType(rawValue: 5)
    /// `TYPE_FIXED64`.
    public static let fixed64 = FieldType(rawValue: 6)
    /// `TYPE_FIXED32`.
    public static let fixed32 = FieldType(rawValue: 7)
    /// `TYPE_BOOL`.
    public static let bool = FieldType(rawValue: 8)
    /// `TYPE_STRING`.
    public static let string = FieldType(rawValue: 9)
    /// `TYPE_GROUP`: a proto2 group (tag-delimited message).
    public static let group = FieldType(rawValue: 10)
    /// `TYPE_MESSAGE`.
    public static let message = FieldType(rawValue: 11)
    /// `TYPE_BYTES`.
    public static let bytes = FieldType(rawValue: 12)
    /// `TYPE_UINT32`.
    public static let uint32 = FieldType(rawValue: 13)
    /// `TYPE_ENUM`.
    public static let `enum` = FieldType(rawValue: 14)
    /// `TYPE_SFIXED32`.
    public static let sfixed32 = FieldType(rawValue: 15)
    /// `TYPE_SFIXED64`.
    public static let sfixed64 = FieldType(rawValue: 16)
    /// `TYPE_SINT32`: zigzag varint.
    public static let sint32 = FieldType(rawValue: 17)
    /// `TYPE_SINT64`: zigzag varint.
    public static let sint64 = FieldType(rawValue: 18)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 1: "TYPE_DOUBLE"
      case 2: "TYPE_FLOAT"
      case 3: "TYPE_INT64"
      case 4: "TYPE_UINT64"
      case 5: "TYPE_INT32"
      case 6: "TYPE_FIXED64"
      case 7: "TYPE_FIXED32"
      case 8: "TYPE_BOOL"
      case 9: "TYPE_STRING"
      case 10: "TYPE_GROUP"
      case 11: "TYPE_MESSAGE"
      case 12: "TYPE_BYTES"
      case 13: "TYPE_UINT32"
      case 14: "TYPE_ENUM"
      case 15: "TYPE_SFIXED32"
      case 16: "TYPE_SFIXED64"
      case 17: "TYPE_SINT32"
      case 18: "TYPE_SINT64"
      default: "\(rawValue)"
      }
    }
  }

  /// `google.protobuf.FieldDescriptorProto.Label`: the field's cardinality.
  public struct Label: ProtoEnum, CustomStringConvertible {
    /// The wire value; values this build does not name are kept.
    public var rawValue: Int32
    /// A label from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `LABEL_OPTIONAL`: singular (every proto3 singular field).
    public static let `optional` = Label(rawValue: 1)
    /// `LABEL_REQUIRED`: proto2 `required`.
    public static let `required` = Label(rawValue: 2)
    /// `LABEL_REPEATED`.
    public static let repeated = Label(rawValue: 3)

    /// The proto value name, or the number when this build does not name it.
    public var description: String {
      switch rawValue {
      case 1: "LABEL_OPTIONAL"
      case 2: "LABEL_REQUIRED"
      case 3: "LABEL_REPEATED"
      default: "\(rawValue)"
      }
    }
  }

  /// The field's name, e.g. `response_size`.
  public var name: String?
  /// For an extension, the fully-qualified name of the message it extends, with a leading
  /// dot as protoc writes it (e.g. `.google.protobuf.MessageOptions`).
  public var extendee: String?
  /// The field number.
  public var number: Int32?
  /// The cardinality.
  public var label: Label?
  /// The type; unset when `typeName` alone says it (a message or enum not yet resolved).
  public var type: FieldType?
  /// For message and enum fields, the type's name (fully-qualified with a leading dot in
  /// protoc's output).
  public var typeName: String?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A field with every field unset.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): name = try reader.readString()
      case (2, .lengthDelimited): extendee = try reader.readString()
      case (3, .varint): number = try reader.readInt32()
      case (4, .varint): label = try reader.readEnum(Label.self)
      case (5, .varint): type = try reader.readEnum(FieldType.self)
      case (6, .lengthDelimited): typeName = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, typeName, as: ProtoString.self)
    writer.write(5, type, as: FieldType.self)
    writer.write(4, label, as: Label.self)
    writer.write(3, number, as: ProtoInt32.self)
    writer.write(2, extendee, as: ProtoString.self)
    writer.write(1, name, as: ProtoString.self)
  }
}

/// `google.protobuf.EnumDescriptorProto`: an enum type. Its values, options and reserved
/// ranges and names (fields 2 and up) are kept as unknown fields.
public struct EnumDescriptorProto: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.EnumDescriptorProto"

  /// The enum's simple name, e.g. `Role`.
  public var name: String?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// An enum type with every field unset.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): name = try reader.readString()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(1, name, as: ProtoString.self)
  }
}

/// `google.protobuf.ServiceDescriptorProto`: a service. Its options (field 3) are kept as
/// unknown fields.
public struct ServiceDescriptorProto: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.ServiceDescriptorProto"

  /// The service's simple name, e.g. `TestService`.
  public var name: String?
  /// The methods.
  public var method: [MethodDescriptorProto] = []
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A service with every field unset.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): name = try reader.readString()
      case (2, .lengthDelimited): try reader.appendMessage(to: &method)
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.writeRepeatedMessages(2, method)
    writer.write(1, name, as: ProtoString.self)
  }
}

/// `google.protobuf.MethodDescriptorProto`: one method of a service.
public struct MethodDescriptorProto: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.MethodDescriptorProto"

  /// The method's simple name, e.g. `UnaryCall`.
  public var name: String?
  /// The request type, fully-qualified (with a leading dot in protoc's output).
  public var inputType: String?
  /// The response type, fully-qualified (with a leading dot in protoc's output).
  public var outputType: String?
  /// The method's `google.protobuf.MethodOptions`, kept encoded (field 4 sits between
  /// modelled fields, so keeping it here keeps re-encoding in protoc's field order).
  public var options: [UInt8]?
  /// Whether the client sends a stream of messages.
  public var clientStreaming: Bool?
  /// Whether the server sends a stream of messages.
  public var serverStreaming: Bool?
  /// Fields this build does not know, kept for re-encoding.
  public var unknownFields = UnknownFields()

  /// A method with every field unset.
  public init() {}

  public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): name = try reader.readString()
      case (2, .lengthDelimited): inputType = try reader.readString()
      case (3, .lengthDelimited): outputType = try reader.readString()
      case (4, .lengthDelimited): options = (options ?? []) + (try reader.readBytes())
      case (5, .varint): clientStreaming = try reader.readBool()
      case (6, .varint): serverStreaming = try reader.readBool()
      default: try reader.skipUnknown(tag, into: &unknownFields)
      }
    }
  }

  public func encodeFields(to writer: inout ProtoWriter) {
    writer.writeUnknown(unknownFields)
    writer.write(6, serverStreaming, as: ProtoBool.self)
    writer.write(5, clientStreaming, as: ProtoBool.self)
    writer.write(4, options, as: ProtoBytes.self)
    writer.write(3, outputType, as: ProtoString.self)
    writer.write(2, inputType, as: ProtoString.self)
    writer.write(1, name, as: ProtoString.self)
  }
}

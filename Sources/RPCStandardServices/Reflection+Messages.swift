// Messages of grpc/reflection/v1/reflection.proto and grpc/reflection/v1alpha/reflection.proto,
// written by hand. The two files declare the same messages with the same fields and numbers;
// only the package differs. So each message is written once here, generic over the package
// (`Version`), and `ReflectionV1` / `ReflectionV1Alpha` name the two instantiations, which are
// distinct Swift types with distinct `protoMessageName`s.

public import ProtoWire

/// A version of the server reflection protocol: the proto package its messages live in.
public protocol ReflectionVersion: Sendable {
  /// The proto package, e.g. `grpc.reflection.v1`.
  static var protoPackage: String { get }
}

/// The messages of the server reflection protocol, written once for both versions. Use them
/// through `ReflectionV1` or `ReflectionV1Alpha`, e.g. `ReflectionV1.ServerReflectionRequest`.
public enum Reflection {
  /// The message sent by the client when calling `ServerReflectionInfo`.
  public struct ServerReflectionRequest<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).ServerReflectionRequest" }

    /// What the client asks for; the server handles a request by the member that is set.
    public enum MessageRequest: Hashable, Sendable {
      /// Find a proto file by the file name.
      case fileByFilename(String)
      /// Find the proto file that declares the given fully-qualified symbol name
      /// (`<package>.<service>[.<method>]` or `<package>.<type>`).
      case fileContainingSymbol(String)
      /// Find the proto file which defines an extension extending the given message type
      /// with the given field number.
      case fileContainingExtension(ExtensionRequest<Version>)
      /// Find the tag numbers used by all known extensions of the given message type
      /// (`<package>.<type>`); best-effort, may answer UNIMPLEMENTED.
      case allExtensionNumbersOfType(String)
      /// List the full names of registered services; the content is not checked.
      case listServices(String)
    }

    /// The host the request is meant for.
    public var host: String = ""
    /// The request itself (`oneof message_request`); `nil` when no member is set.
    public var messageRequest: MessageRequest?
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A request with every field at its default (no member set).
    public init() {}

    /// A request carrying `messageRequest`.
    public init(host: String = "", messageRequest: MessageRequest?) {
      self.host = host
      self.messageRequest = messageRequest
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): host = try reader.readString()
        case (3, .lengthDelimited): messageRequest = .fileByFilename(try reader.readString())
        case (4, .lengthDelimited): messageRequest = .fileContainingSymbol(try reader.readString())
        case (5, .lengthDelimited):
          var m: ExtensionRequest<Version>
          if case .fileContainingExtension(let existing) = messageRequest {
            m = existing
          } else {
            m = ExtensionRequest()
          }
          try reader.readMessage(into: &m)
          messageRequest = .fileContainingExtension(m)
        case (6, .lengthDelimited):
          messageRequest = .allExtensionNumbersOfType(try reader.readString())
        case (7, .lengthDelimited): messageRequest = .listServices(try reader.readString())
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      if case .listServices(let v) = messageRequest {
        writer.write(7, Optional(v), as: ProtoString.self)
      }
      if case .allExtensionNumbersOfType(let v) = messageRequest {
        writer.write(6, Optional(v), as: ProtoString.self)
      }
      if case .fileContainingExtension(let v) = messageRequest { writer.writeMessage(5, v) }
      if case .fileContainingSymbol(let v) = messageRequest {
        writer.write(4, Optional(v), as: ProtoString.self)
      }
      if case .fileByFilename(let v) = messageRequest {
        writer.write(3, Optional(v), as: ProtoString.self)
      }
      writer.write(1, host, as: ProtoString.self)
    }
  }

  /// The type name and extension number sent by the client when requesting
  /// `file_containing_extension`.
  public struct ExtensionRequest<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).ExtensionRequest" }

    /// Fully-qualified type name, `<package>.<type>`.
    public var containingType: String = ""
    /// The extension's field number.
    public var extensionNumber: Int32 = 0
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A request with every field at its default.
    public init() {}

    /// A request for the extension `extensionNumber` of `containingType`.
    public init(containingType: String, extensionNumber: Int32) {
      self.containingType = containingType
      self.extensionNumber = extensionNumber
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): containingType = try reader.readString()
        case (2, .varint): extensionNumber = try reader.readInt32()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(2, extensionNumber, as: ProtoInt32.self)
      writer.write(1, containingType, as: ProtoString.self)
    }
  }

  /// The message sent by the server to answer `ServerReflectionInfo`.
  public struct ServerReflectionResponse<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String {
      "\(Version.protoPackage).ServerReflectionResponse"
    }

    /// The answer, set according to the request's `message_request`.
    public enum MessageResponse: Hashable, Sendable {
      /// Answers `file_by_filename`, `file_containing_symbol` and `file_containing_extension`,
      /// with transitive dependencies (files sent earlier in the stream may be left out).
      case fileDescriptorResponse(FileDescriptorResponse<Version>)
      /// Answers `all_extension_numbers_of_type`.
      case allExtensionNumbersResponse(ExtensionNumberResponse<Version>)
      /// Answers `list_services`.
      case listServicesResponse(ListServiceResponse<Version>)
      /// Sent when an error occurs.
      case errorResponse(ErrorResponse<Version>)
    }

    /// The host the request was answered for.
    public var validHost: String = ""
    /// The request this answers.
    public var originalRequest: ServerReflectionRequest<Version>?
    /// The answer (`oneof message_response`); `nil` when no member is set.
    public var messageResponse: MessageResponse?
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A response with every field at its default (no member set).
    public init() {}

    /// A response to `originalRequest` carrying `messageResponse`.
    public init(
      validHost: String = "", originalRequest: ServerReflectionRequest<Version>?,
      messageResponse: MessageResponse?
    ) {
      self.validHost = validHost
      self.originalRequest = originalRequest
      self.messageResponse = messageResponse
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): validHost = try reader.readString()
        case (2, .lengthDelimited): try reader.readMessage(into: &originalRequest)
        case (4, .lengthDelimited):
          var m: FileDescriptorResponse<Version>
          if case .fileDescriptorResponse(let existing) = messageResponse {
            m = existing
          } else {
            m = FileDescriptorResponse()
          }
          try reader.readMessage(into: &m)
          messageResponse = .fileDescriptorResponse(m)
        case (5, .lengthDelimited):
          var m: ExtensionNumberResponse<Version>
          if case .allExtensionNumbersResponse(let existing) = messageResponse {
            m = existing
          } else {
            m = ExtensionNumberResponse()
          }
          try reader.readMessage(into: &m)
          messageResponse = .allExtensionNumbersResponse(m)
        case (6, .lengthDelimited):
          var m: ListServiceResponse<Version>
          if case .listServicesResponse(let existing) = messageResponse {
            m = existing
          } else {
            m = ListServiceResponse()
          }
          try reader.readMessage(into: &m)
          messageResponse = .listServicesResponse(m)
        case (7, .lengthDelimited):
          var m: ErrorResponse<Version>
          if case .errorResponse(let existing) = messageResponse {
            m = existing
          } else {
            m = ErrorResponse()
          }
          try reader.readMessage(into: &m)
          messageResponse = .errorResponse(m)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      if case .errorResponse(let v) = messageResponse { writer.writeMessage(7, v) }
      if case .listServicesResponse(let v) = messageResponse { writer.writeMessage(6, v) }
      if case .allExtensionNumbersResponse(let v) = messageResponse { writer.writeMessage(5, v) }
      if case .fileDescriptorResponse(let v) = messageResponse { writer.writeMessage(4, v) }
      writer.writeMessage(2, originalRequest)
      writer.write(1, validHost, as: ProtoString.self)
    }
  }

  /// Serialized `FileDescriptorProto`s answering a `file_by_filename`, `file_containing_symbol`
  /// or `file_containing_extension` request.
  public struct FileDescriptorResponse<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).FileDescriptorResponse" }

    /// Serialized `FileDescriptorProto` messages, kept opaque (no dependency on descriptor.proto).
    public var fileDescriptorProto: [[UInt8]] = []
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A response with no files.
    public init() {}

    /// A response carrying the given serialized file descriptors.
    public init(fileDescriptorProto: [[UInt8]]) {
      self.fileDescriptorProto = fileDescriptorProto
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited):
          try reader.readRepeated(tag, into: &fileDescriptorProto, as: ProtoBytes.self)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.writeRepeated(1, fileDescriptorProto, as: ProtoBytes.self)
    }
  }

  /// The extension numbers of a type, answering `all_extension_numbers_of_type`.
  public struct ExtensionNumberResponse<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).ExtensionNumberResponse" }

    /// Full name of the base type, `<package>.<type>`.
    public var baseTypeName: String = ""
    /// The field numbers of its known extensions, in no particular order.
    public var extensionNumber: [Int32] = []
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A response with every field at its default.
    public init() {}

    /// A response listing `extensionNumber` for `baseTypeName`.
    public init(baseTypeName: String, extensionNumber: [Int32]) {
      self.baseTypeName = baseTypeName
      self.extensionNumber = extensionNumber
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): baseTypeName = try reader.readString()
        case (2, .varint), (2, .lengthDelimited):
          try reader.readRepeated(tag, into: &extensionNumber, as: ProtoInt32.self)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.writeRepeated(2, extensionNumber, as: ProtoInt32.self)
      writer.write(1, baseTypeName, as: ProtoString.self)
    }
  }

  /// The registered services, answering `list_services`.
  public struct ListServiceResponse<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).ListServiceResponse" }

    /// One entry per registered service.
    public var service: [ServiceResponse<Version>] = []
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// A response listing no services.
    public init() {}

    /// A response listing `service`.
    public init(service: [ServiceResponse<Version>]) {
      self.service = service
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .lengthDelimited): try reader.appendMessage(to: &service)
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.writeRepeatedMessages(1, service)
    }
  }

  /// One service in a `ListServiceResponse`.
  public struct ServiceResponse<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).ServiceResponse" }

    /// Full name of the service including its package, `<package>.<service>`.
    public var name: String = ""
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// An entry with an empty name.
    public init() {}

    /// An entry for the service `name`.
    public init(name: String) {
      self.name = name
    }

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

  /// The error code and message sent by the server when a request fails.
  public struct ErrorResponse<Version: ReflectionVersion>: ProtoMessage, Hashable {
    public static var protoMessageName: String { "\(Version.protoPackage).ErrorResponse" }

    /// A gRPC status code (`grpc::StatusCode`).
    public var errorCode: Int32 = 0
    /// A description of the error.
    public var errorMessage: String = ""
    /// Fields this build does not know, kept for re-encoding.
    public var unknownFields = UnknownFields()

    /// An error with every field at its default.
    public init() {}

    /// An error with the given status code and message.
    public init(errorCode: Int32, errorMessage: String) {
      self.errorCode = errorCode
      self.errorMessage = errorMessage
    }

    public mutating func decodeFields(from reader: inout ProtoReader) throws(ProtoDecodingError) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): errorCode = try reader.readInt32()
        case (2, .lengthDelimited): errorMessage = try reader.readString()
        default: try reader.skipUnknown(tag, into: &unknownFields)
        }
      }
    }

    public func encodeFields(to writer: inout ProtoWriter) {
      writer.writeUnknown(unknownFields)
      writer.write(2, errorMessage, as: ProtoString.self)
      writer.write(1, errorCode, as: ProtoInt32.self)
    }
  }
}

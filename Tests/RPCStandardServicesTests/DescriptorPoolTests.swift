import ProtoWire
import RPCStandardServices
import Testing

@Suite("Descriptor pool over the committed descriptor set")
struct DescriptorPoolTests {
  let pool = committedPool

  @Test func indexesEveryFile() throws {
    #expect(
      Set(pool.files.map(\.name)) == [
        "craft/common/v1/common.proto", "google/protobuf/timestamp.proto",
        "craft/catalogue/v1/catalogue.proto", "craft/matching/v1/matching.proto",
        "craft/orders/v1/orders.proto", "grpc/health/v1/health.proto",
        "grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto",
        "grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto",
        "google/rpc/status.proto", "google/rpc/error_details.proto", "google/protobuf/any.proto",
      ])
    #expect(pool.file(named: "grpc/testing/test.proto")?.package == "grpc.testing")
    #expect(pool.file(named: "no/such/file.proto") == nil)
  }

  /// Each file's bytes are exactly its record in the set: the set re-assembled from them
  /// (tag 0x0A, length, bytes) is the input, byte for byte.
  @Test func fileBytesAreTheSlicesOfTheInput() throws {
    let input = try committedDescriptorSet()
    var rebuilt: [UInt8] = []
    for file in pool.files {
      rebuilt.append(0x0A)
      var length = UInt64(file.serializedBytes.count)
      while length >= 0x80 {
        rebuilt.append(UInt8(length & 0x7F) | 0x80)
        length >>= 7
      }
      rebuilt.append(UInt8(length))
      rebuilt += file.serializedBytes
    }
    #expect(rebuilt == input)
  }

  /// The hand-written descriptor messages keep every field they do not model: decoding and
  /// re-encoding each file (and the whole set) gives back protoc's bytes.
  @Test func descriptorMessagesReencodeLosslessly() throws {
    let input = try committedDescriptorSet()
    let set = try FileDescriptorSet(serializedBytes: input)
    #expect(set.serializedBytes() == input)
    for file in pool.files {
      #expect(file.descriptor.serializedBytes() == file.serializedBytes, "\(file.name)")
    }
    let test = try #require(pool.file(named: "grpc/testing/test.proto")).descriptor
    let unary = try #require(test.service.first?.method.first { $0.name == "UnaryCall" })
    #expect(unary.inputType == ".grpc.testing.SimpleRequest")
    #expect(unary.outputType == ".grpc.testing.SimpleResponse")
    let fullDuplex = try #require(test.service.first?.method.first { $0.name == "FullDuplexCall" })
    #expect(fullDuplex.clientStreaming == true && fullDuplex.serverStreaming == true)
  }

  @Test(arguments: [
    ("grpc.testing.TestService", "grpc/testing/test.proto", DescriptorPool.SymbolKind.service),
    ("grpc.testing.TestService.UnaryCall", "grpc/testing/test.proto", .method),
    ("grpc.testing.UnimplementedService", "grpc/testing/test.proto", .service),
    ("grpc.testing.SimpleRequest", "grpc/testing/messages.proto", .message),
    ("grpc.testing.PayloadType", "grpc/testing/messages.proto", .enum),
    ("grpc.testing.TestOrcaReport.RequestCostEntry", "grpc/testing/messages.proto", .message),
    ("grpc.testing.Empty", "grpc/testing/empty.proto", .message),
    ("grpc.health.v1.Health", "grpc/health/v1/health.proto", .service),
    ("grpc.health.v1.Health.Check", "grpc/health/v1/health.proto", .method),
    ("grpc.health.v1.Health.Watch", "grpc/health/v1/health.proto", .method),
    ("grpc.health.v1.HealthCheckResponse", "grpc/health/v1/health.proto", .message),
    ("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto", .enum),
    (
      "grpc.reflection.v1alpha.ServerReflection.ServerReflectionInfo",
      "grpc/reflection/v1alpha/reflection.proto", .method
    ),
    ("craft.catalogue.v1.CatalogueService", "craft/catalogue/v1/catalogue.proto", .service),
    (
      "craft.catalogue.v1.CatalogueService.WatchChanges", "craft/catalogue/v1/catalogue.proto",
      .method
    ),
    ("craft.catalogue.v1.Listing", "craft/catalogue/v1/catalogue.proto", .message),
    ("craft.catalogue.v1.Listing.Status", "craft/catalogue/v1/catalogue.proto", .enum),
    (
      "craft.catalogue.v1.BulkImportResponse.RowResult", "craft/catalogue/v1/catalogue.proto",
      .message
    ),
    ("craft.common.v1.Money", "craft/common/v1/common.proto", .message),
    ("craft.common.v1.Role", "craft/common/v1/common.proto", .enum),
    ("google.protobuf.Timestamp", "google/protobuf/timestamp.proto", .message),
    (".grpc.testing.TestService", "grpc/testing/test.proto", .service),
  ])
  func findsSymbol(symbol: String, file: String, kind: DescriptorPool.SymbolKind) {
    #expect(pool.file(containingSymbol: symbol)?.name == file)
    #expect(pool.kind(ofSymbol: symbol) == kind)
  }

  /// The spec's symbols are messages, enums, services and methods: packages, fields, enum
  /// values and partial names are not.
  @Test(arguments: [
    "grpc.health.v1.HealthCheckResponse.SERVING",
    "grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING",
    "grpc.health.v1.SERVING",
    "craft.common.v1.ROLE_PRODUCER",
    "grpc.testing.SimpleRequest.response_size",
    "grpc.testing",
    "grpc",
    "TestService",
    "testing.TestService",
    "grpc.testing.TestService.",
    "grpc.testing.TestService.NoSuchMethod",
    "",
  ])
  func doesNotFind(symbol: String) {
    #expect(pool.file(containingSymbol: symbol) == nil)
    #expect(pool.kind(ofSymbol: symbol) == nil)
  }

  @Test func listsServices() {
    #expect(
      pool.serviceNames == [
        "craft.catalogue.v1.CatalogueService", "craft.matching.v1.MatchingService",
        "craft.orders.v1.OrdersService", "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
        "grpc.testing.TestService", "grpc.testing.UnimplementedService",
      ])
  }

  @Test func transitiveDependencies() throws {
    #expect(
      pool.transitiveDependencies(ofFile: "grpc/testing/test.proto")
        == ["grpc/testing/empty.proto", "grpc/testing/messages.proto"])
    #expect(
      pool.transitiveDependencies(ofFile: "craft/orders/v1/orders.proto")
        == ["craft/common/v1/common.proto", "google/protobuf/timestamp.proto"])
    #expect(pool.transitiveDependencies(ofFile: "grpc/health/v1/health.proto") == [])
    #expect(pool.transitiveDependencies(ofFile: "nope.proto") == nil)

    let files = try #require(pool.fileWithDependencies("craft/catalogue/v1/catalogue.proto"))
    #expect(
      files.map(\.name) == [
        "craft/catalogue/v1/catalogue.proto", "craft/common/v1/common.proto",
        "google/protobuf/timestamp.proto",
      ])
    #expect(pool.fileWithDependencies("nope.proto") == nil)
  }

  @Test func noExtensionsInOurProtos() {
    #expect(pool.file(containingExtension: 100, of: "grpc.testing.SimpleRequest") == nil)
    #expect(pool.extensionNumbers(ofType: "grpc.testing.SimpleRequest") == [])
    #expect(pool.extensionNumbers(ofType: "craft.catalogue.v1.Listing") == [])
    // Not message types.
    #expect(pool.extensionNumbers(ofType: "grpc.testing.TestService") == nil)
    #expect(pool.extensionNumbers(ofType: "craft.common.v1.Role") == nil)
    #expect(pool.extensionNumbers(ofType: "no.such.Type") == nil)
  }
}

/// Small descriptor sets built with the hand-written messages.
enum SyntheticDescriptors {
  static func file(
    _ name: String, package: String, dependency: [String] = [],
    configure: (inout FileDescriptorProto) -> Void = { _ in }
  ) -> FileDescriptorProto {
    var file = FileDescriptorProto()
    file.name = name
    file.package = package
    file.dependency = dependency
    configure(&file)
    return file
  }

  static func message(_ name: String) -> DescriptorProto {
    var message = DescriptorProto()
    message.name = name
    return message
  }

  static func extensionField(_ name: String, number: Int32, extendee: String)
    -> FieldDescriptorProto
  {
    var field = FieldDescriptorProto()
    field.name = name
    field.number = number
    field.label = .optional
    field.type = .string
    field.extendee = extendee
    return field
  }

  /// `base.proto` (package x: `Base` with extensions 100 to 199) and `ext.proto` (package y,
  /// importing base.proto: `extend x.Base { string a = 100; }` and a message `Holder` with a
  /// nested `extend x.Base { string b = 150; }`).
  static let extensionSet: [UInt8] = {
    let base = file("base.proto", package: "x") { file in
      var base = message("Base")
      var range = DescriptorProto.ExtensionRange()
      range.start = 100
      range.end = 200
      base.extensionRange = [range]
      file.messageType = [base]
    }
    let ext = file("ext.proto", package: "y", dependency: ["base.proto"]) { file in
      file.extension = [extensionField("a", number: 100, extendee: ".x.Base")]
      var holder = message("Holder")
      holder.extension = [extensionField("b", number: 150, extendee: ".x.Base")]
      file.messageType = [holder]
    }
    return FileDescriptorSet(file: [base, ext]).serializedBytes()
  }()
}

@Suite("Descriptor pool: extensions and malformed sets")
struct DescriptorPoolEdgeTests {
  @Test func indexesExtensions() throws {
    let pool = try DescriptorPool(serializedFileDescriptorSet: SyntheticDescriptors.extensionSet)
    #expect(pool.file(containingExtension: 100, of: "x.Base")?.name == "ext.proto")
    #expect(pool.file(containingExtension: 150, of: ".x.Base")?.name == "ext.proto")
    #expect(pool.file(containingExtension: 101, of: "x.Base") == nil)
    #expect(pool.file(containingExtension: 100, of: "y.Holder") == nil)
    #expect(pool.extensionNumbers(ofType: "x.Base") == [100, 150])
    #expect(pool.extensionNumbers(ofType: "y.Holder") == [])
    #expect(pool.symbolNames == ["x.Base", "y.Holder"])
    #expect(pool.fileWithDependencies("ext.proto")?.map(\.name) == ["ext.proto", "base.proto"])
  }

  @Test func rejectsMalformedBytes() {
    #expect(throws: DescriptorPool.Error.malformed(.truncated)) {
      try DescriptorPool(serializedFileDescriptorSet: [0x0A])
    }
    #expect(throws: DescriptorPool.Error.malformed(.lengthOutOfRange)) {
      try DescriptorPool(serializedFileDescriptorSet: [0x0A, 0x05, 0x0A])
    }
    // A record whose content is not a FileDescriptorProto (field 1 as a varint is kept as
    // unknown, so use invalid UTF-8 in the name instead).
    #expect(throws: DescriptorPool.Error.malformed(.invalidUTF8(fieldNumber: 1))) {
      try DescriptorPool(serializedFileDescriptorSet: [0x0A, 0x03, 0x0A, 0x01, 0xFF])
    }
  }

  @Test func emptySetIsEmpty() throws {
    let pool = try DescriptorPool(serializedFileDescriptorSet: [])
    #expect(pool.files.isEmpty && pool.symbolNames.isEmpty)
  }

  @Test func rejectsMissingDependency() throws {
    let input = try committedDescriptorSet()
    let set = try FileDescriptorSet(serializedBytes: input)
    let onlyTest = FileDescriptorSet(file: set.file.filter { $0.name == "grpc/testing/test.proto" })
    #expect(
      throws: DescriptorPool.Error.missingDependency(
        file: "grpc/testing/test.proto", dependency: "grpc/testing/empty.proto")
    ) {
      try DescriptorPool(serializedFileDescriptorSet: onlyTest.serializedBytes())
    }
  }

  @Test func rejectsDuplicates() {
    let a = SyntheticDescriptors.file("a.proto", package: "p") {
      $0.messageType = [SyntheticDescriptors.message("M")]
    }
    let b = SyntheticDescriptors.file("b.proto", package: "p") {
      $0.messageType = [SyntheticDescriptors.message("M")]
    }
    #expect(throws: DescriptorPool.Error.duplicateFile("a.proto")) {
      try DescriptorPool(
        serializedFileDescriptorSet: FileDescriptorSet(file: [a, a]).serializedBytes())
    }
    #expect(
      throws: DescriptorPool.Error.duplicateSymbol("p.M", file: "b.proto", otherFile: "a.proto")
    ) {
      try DescriptorPool(
        serializedFileDescriptorSet: FileDescriptorSet(file: [a, b]).serializedBytes())
    }
    #expect(throws: DescriptorPool.Error.unnamedFile(index: 0)) {
      try DescriptorPool(
        serializedFileDescriptorSet: FileDescriptorSet(file: [FileDescriptorProto()])
          .serializedBytes())
    }
  }
}

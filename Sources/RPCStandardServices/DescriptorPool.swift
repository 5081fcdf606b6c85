// An index over a FileDescriptorSet for server reflection: files by name (with the exact bytes
// protoc wrote for each), fully-qualified symbols, extensions, and transitive dependencies.

public import ProtoWire

/// The files of a `FileDescriptorSet` (protoc `--descriptor_set_out --include_imports`),
/// indexed for server reflection. Built once at start-up, then shared read-only.
///
/// Each file keeps the exact bytes it had inside the set (sliced, not re-encoded), so clients
/// receive precisely what protoc produced.
///
/// Symbols are what the reflection protocol names: fully-qualified messages (nested ones
/// included, e.g. `craft.catalogue.v1.Listing.Status` for a nested enum), enums, services and
/// methods (`grpc.testing.TestService.UnaryCall`). Fields and enum values are not symbols here.
public struct DescriptorPool: Sendable {
  /// Why a descriptor set cannot be indexed.
  public enum Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a valid `FileDescriptorSet`.
    case malformed(ProtoDecodingError)
    /// The file at this position of the set has no name.
    case unnamedFile(index: Int)
    /// Two files of the set have the same name.
    case duplicateFile(String)
    /// A file imports a file the set does not contain (build the set with `--include_imports`).
    case missingDependency(file: String, dependency: String)
    /// Two declarations have the same fully-qualified name.
    case duplicateSymbol(String, file: String, otherFile: String)

    public var description: String {
      switch self {
      case .malformed(let error): "malformed FileDescriptorSet: \(error)"
      case .unnamedFile(let index): "file #\(index) of the descriptor set has no name"
      case .duplicateFile(let name): "file \(name) appears twice in the descriptor set"
      case .missingDependency(let file, let dependency):
        "\(file) imports \(dependency), which the descriptor set does not contain"
      case .duplicateSymbol(let symbol, let file, let otherFile):
        "symbol \(symbol) is declared in both \(otherFile) and \(file)"
      }
    }
  }

  /// What a symbol declares.
  public enum SymbolKind: Hashable, Sendable {
    /// A message type (top-level or nested, map entries included).
    case message
    /// An enum type (top-level or nested).
    case `enum`
    /// A service.
    case service
    /// A method of a service.
    case method
  }

  /// One file of the set.
  public struct File: Hashable, Sendable {
    /// The file name, e.g. `grpc/testing/test.proto`.
    public let name: String
    /// The proto package, possibly empty.
    public let package: String
    /// The names of the files it imports, in declaration order.
    public let dependencies: [String]
    /// The serialized `FileDescriptorProto`, byte for byte as it was in the set.
    public let serializedBytes: [UInt8]
    /// The decoded descriptor.
    public let descriptor: FileDescriptorProto
  }

  private struct Symbol: Sendable {
    var file: String
    var kind: SymbolKind
  }

  /// Every file, in the order of the set.
  public let files: [File]
  private let fileIndex: [String: Int]
  private let symbols: [String: Symbol]
  /// Extendee (fully-qualified, no leading dot) → extension number → file name.
  private let extensions: [String: [Int32: String]]

  /// Indexes the serialized `FileDescriptorSet` in `bytes`.
  public init(serializedFileDescriptorSet bytes: [UInt8]) throws(Error) {
    // Slice each `file` record out of the set so its bytes are returned verbatim.
    let slices: [[UInt8]]
    do throws(ProtoDecodingError) {
      slices = try Self.fileRecords(in: bytes)
    } catch {
      throw .malformed(error)
    }
    var files: [File] = []
    var fileIndex: [String: Int] = [:]
    for (index, slice) in slices.enumerated() {
      let descriptor: FileDescriptorProto
      do throws(ProtoDecodingError) {
        descriptor = try FileDescriptorProto(serializedBytes: slice)
      } catch {
        throw .malformed(error)
      }
      guard let name = descriptor.name, !name.isEmpty else { throw .unnamedFile(index: index) }
      guard fileIndex[name] == nil else { throw .duplicateFile(name) }
      fileIndex[name] = files.count
      files.append(
        File(
          name: name, package: descriptor.package ?? "", dependencies: descriptor.dependency,
          serializedBytes: slice, descriptor: descriptor))
    }
    for file in files {
      for dependency in file.dependencies where fileIndex[dependency] == nil {
        throw .missingDependency(file: file.name, dependency: dependency)
      }
    }

    var indexer = Indexer()
    for file in files { try indexer.add(file) }

    self.files = files
    self.fileIndex = fileIndex
    self.symbols = indexer.symbols
    self.extensions = indexer.extensions
  }

  /// The length-delimited records of field 1 (`file`) of a `FileDescriptorSet`, each copied
  /// out exactly; other fields are skipped.
  private static func fileRecords(in bytes: [UInt8]) throws(ProtoDecodingError) -> [[UInt8]] {
    let result: Result<[[UInt8]], ProtoDecodingError> = bytes.withUnsafeBytes { buffer in
      var reader = ProtoReader(buffer: buffer)
      var records: [[UInt8]] = []
      var ignored = UnknownFields()
      do throws(ProtoDecodingError) {
        while let tag = try reader.nextTag() {
          if tag.fieldNumber == 1, tag.wireType == .lengthDelimited {
            records.append([UInt8](try reader.readLengthDelimited()))
          } else {
            try reader.skipUnknown(tag, into: &ignored)
          }
        }
        return .success(records)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  // MARK: Lookups

  /// The file named `name`.
  public func file(named name: String) -> File? {
    fileIndex[name].map { files[$0] }
  }

  /// The file declaring the fully-qualified `symbol` (a leading dot is accepted).
  public func file(containingSymbol symbol: String) -> File? {
    symbols[Self.stripLeadingDot(symbol)].flatMap { file(named: $0.file) }
  }

  /// What the fully-qualified `symbol` declares, if it is known.
  public func kind(ofSymbol symbol: String) -> SymbolKind? {
    symbols[Self.stripLeadingDot(symbol)]?.kind
  }

  /// Every symbol, sorted.
  public var symbolNames: [String] { symbols.keys.sorted() }

  /// The fully-qualified names of every service the files declare, sorted.
  public var serviceNames: [String] {
    symbols.filter { $0.value.kind == .service }.keys.sorted()
  }

  /// The file declaring extension `number` of the message type `extendee`.
  public func file(containingExtension number: Int32, of extendee: String) -> File? {
    extensions[Self.stripLeadingDot(extendee)]?[number].flatMap { file(named: $0) }
  }

  /// The numbers of every known extension of the message type `typeName`, ascending; `nil`
  /// when `typeName` is not a message type of the pool.
  public func extensionNumbers(ofType typeName: String) -> [Int32]? {
    let name = Self.stripLeadingDot(typeName)
    guard symbols[name]?.kind == .message else { return nil }
    return (extensions[name].map { Array($0.keys) } ?? []).sorted()
  }

  /// The names of the files `name` imports, directly or not, each after its own imports;
  /// `nil` when the file is unknown.
  public func transitiveDependencies(ofFile name: String) -> [String]? {
    guard let file = file(named: name) else { return nil }
    var visited: Set<String> = [name]
    var order: [String] = []
    func visit(_ dependency: String) {
      guard visited.insert(dependency).inserted, let file = self.file(named: dependency) else {
        return
      }
      for next in file.dependencies { visit(next) }
      order.append(dependency)
    }
    for dependency in file.dependencies { visit(dependency) }
    return order
  }

  /// The file `name` followed by its transitive dependencies (each after its own imports),
  /// each file once: what a reflection `FileDescriptorResponse` carries. The requested file
  /// comes first because clients (grpcurl, grpc-go's) take the first file as the answer.
  public func fileWithDependencies(_ name: String) -> [File]? {
    guard let file = file(named: name), let dependencies = transitiveDependencies(ofFile: name)
    else { return nil }
    return [file] + dependencies.compactMap { self.file(named: $0) }
  }

  private static func stripLeadingDot(_ name: String) -> String {
    name.hasPrefix(".") ? String(name.dropFirst()) : name
  }
}

// MARK: - Building the index

extension DescriptorPool {
  /// Walks every declaration of every file, collecting symbols and extensions.
  private struct Indexer {
    var symbols: [String: Symbol] = [:]
    var extensions: [String: [Int32: String]] = [:]

    mutating func add(_ file: File) throws(DescriptorPool.Error) {
      let scope = file.package
      let proto = file.descriptor
      for message in proto.messageType { try add(message, in: scope, file: file.name) }
      for enumType in proto.enumType {
        try declare(Self.qualify(scope, enumType.name), .enum, file: file.name)
      }
      for service in proto.service {
        let serviceName = Self.qualify(scope, service.name)
        try declare(serviceName, .service, file: file.name)
        for method in service.method {
          try declare(Self.qualify(serviceName, method.name), .method, file: file.name)
        }
      }
      for field in proto.extension { addExtension(field, file: file.name) }
    }

    mutating func add(_ message: DescriptorProto, in scope: String, file: String)
      throws(DescriptorPool.Error)
    {
      let name = Self.qualify(scope, message.name)
      try declare(name, .message, file: file)
      for nested in message.nestedType { try add(nested, in: name, file: file) }
      for enumType in message.enumType {
        try declare(Self.qualify(name, enumType.name), .enum, file: file)
      }
      for field in message.extension { addExtension(field, file: file) }
    }

    mutating func declare(_ symbol: String, _ kind: SymbolKind, file: String)
      throws(DescriptorPool.Error)
    {
      if let existing = symbols[symbol] {
        throw .duplicateSymbol(symbol, file: file, otherFile: existing.file)
      }
      symbols[symbol] = Symbol(file: file, kind: kind)
    }

    mutating func addExtension(_ field: FieldDescriptorProto, file: String) {
      guard let extendee = field.extendee, let number = field.number else { return }
      extensions[DescriptorPool.stripLeadingDot(extendee), default: [:]][number] = file
    }

    static func qualify(_ scope: String, _ name: String?) -> String {
      let name = name ?? ""
      return scope.isEmpty ? name : scope + "." + name
    }
  }
}

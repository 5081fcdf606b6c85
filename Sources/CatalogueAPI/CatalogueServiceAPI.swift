// The contract of craft/catalogue/v1/catalogue.proto's `craft.catalogue.v1.CatalogueService`
// in Swift: method descriptors, the service protocol and the typed client — what protoc's Swift
// plugin would generate, written by hand in the shape of InteropAPI's TestServiceAPI.swift.

public import RPCCore

/// `craft.catalogue.v1.CatalogueService`: villages, producers, listings, search, bulk import
/// and the change feed.
public enum CatalogueService {
  /// The fully-qualified service name.
  public static let name = "craft.catalogue.v1.CatalogueService"

  /// The methods, one descriptor per RPC.
  public enum Method {
    /// `rpc GetVillage(GetVillageRequest) returns (Village)`.
    public static let getVillage = MethodDescriptor(
      service: name, method: "GetVillage", kind: .unary)
    /// `rpc ListVillages(ListVillagesRequest) returns (ListVillagesResponse)`.
    public static let listVillages = MethodDescriptor(
      service: name, method: "ListVillages", kind: .unary)
    /// `rpc CreateProducer(CreateProducerRequest) returns (Producer)`.
    public static let createProducer = MethodDescriptor(
      service: name, method: "CreateProducer", kind: .unary)
    /// `rpc UpdateProducer(UpdateProducerRequest) returns (Producer)`.
    public static let updateProducer = MethodDescriptor(
      service: name, method: "UpdateProducer", kind: .unary)
    /// `rpc DeleteProducer(DeleteProducerRequest) returns (Producer)`.
    public static let deleteProducer = MethodDescriptor(
      service: name, method: "DeleteProducer", kind: .unary)
    /// `rpc GetProducer(GetProducerRequest) returns (Producer)`.
    public static let getProducer = MethodDescriptor(
      service: name, method: "GetProducer", kind: .unary)
    /// `rpc ListProducers(ListProducersRequest) returns (ListProducersResponse)`.
    public static let listProducers = MethodDescriptor(
      service: name, method: "ListProducers", kind: .unary)
    /// `rpc CreateListing(CreateListingRequest) returns (Listing)`.
    public static let createListing = MethodDescriptor(
      service: name, method: "CreateListing", kind: .unary)
    /// `rpc UpdateListing(UpdateListingRequest) returns (Listing)`.
    public static let updateListing = MethodDescriptor(
      service: name, method: "UpdateListing", kind: .unary)
    /// `rpc DeleteListing(DeleteListingRequest) returns (Listing)`.
    public static let deleteListing = MethodDescriptor(
      service: name, method: "DeleteListing", kind: .unary)
    /// `rpc GetListing(GetListingRequest) returns (Listing)`.
    public static let getListing = MethodDescriptor(
      service: name, method: "GetListing", kind: .unary)
    /// `rpc BatchGetListings(BatchGetListingsRequest) returns (BatchGetListingsResponse)`.
    public static let batchGetListings = MethodDescriptor(
      service: name, method: "BatchGetListings", kind: .unary)
    /// `rpc ListListings(ListListingsRequest) returns (ListListingsResponse)`.
    public static let listListings = MethodDescriptor(
      service: name, method: "ListListings", kind: .unary)
    /// `rpc SearchListings(SearchListingsRequest) returns (SearchListingsResponse)`.
    public static let searchListings = MethodDescriptor(
      service: name, method: "SearchListings", kind: .unary)
    /// `rpc BulkImport(stream BulkImportRow) returns (BulkImportResponse)`.
    public static let bulkImport = MethodDescriptor(
      service: name, method: "BulkImport", kind: .clientStreaming)
    /// `rpc WatchChanges(WatchChangesRequest) returns (stream ChangeEvent)`.
    public static let watchChanges = MethodDescriptor(
      service: name, method: "WatchChanges", kind: .serverStreaming)
  }

  /// Every method, in .proto order.
  public static let descriptors: [MethodDescriptor] = [
    Method.getVillage, Method.listVillages, Method.createProducer, Method.updateProducer, Method.deleteProducer, Method.getProducer, Method.listProducers, Method.createListing, Method.updateListing, Method.deleteListing, Method.getListing, Method.batchGetListings, Method.listListings, Method.searchListings, Method.bulkImport, Method.watchChanges,
  ]
}

/// The server side of `craft.catalogue.v1.CatalogueService`: implement the methods and register
/// the value with an `RPCRouter` (`methodHandlers` comes from the extension below).
///
/// Unary and client-streaming methods return a `ServerResponse`; the server-streaming
/// `watchChanges` writes to a `ServerResponseWriter` and returns the trailers. Throw an
/// `RPCError` (or an `RPCErrorConvertible`) to end the call with that status.
public protocol CatalogueServiceProtocol: RPCService {
  /// One village by id. Unknown id → `NOT_FOUND`. Public.
  func getVillage(
    _ request: GetVillageRequest, context: ServerContext
  ) async throws -> ServerResponse<Village>

  /// Villages, ordered by id. Public.
  func listVillages(
    _ request: ListVillagesRequest, context: ServerContext
  ) async throws -> ServerResponse<ListVillagesResponse>

  /// Registers a producer. The same id again → `ALREADY_EXISTS`; unknown village → `INVALID_ARGUMENT`.
  func createProducer(
    _ request: CreateProducerRequest, context: ServerContext
  ) async throws -> ServerResponse<Producer>

  /// Replaces a producer's editable fields; a stale `expected_version` → `ABORTED`.
  func updateProducer(
    _ request: UpdateProducerRequest, context: ServerContext
  ) async throws -> ServerResponse<Producer>

  /// Soft-deletes a producer and its listings; returns the producer as deleted.
  func deleteProducer(
    _ request: DeleteProducerRequest, context: ServerContext
  ) async throws -> ServerResponse<Producer>

  /// One producer by id, also when deleted. Public.
  func getProducer(
    _ request: GetProducerRequest, context: ServerContext
  ) async throws -> ServerResponse<Producer>

  /// Producers, ordered by id; deleted ones only on request. Public.
  func listProducers(
    _ request: ListProducersRequest, context: ServerContext
  ) async throws -> ServerResponse<ListProducersResponse>

  /// Adds a listing. Another listing of the producer with the same SKU → `ALREADY_EXISTS`.
  func createListing(
    _ request: CreateListingRequest, context: ServerContext
  ) async throws -> ServerResponse<Listing>

  /// Replaces a listing's editable fields; a stale `expected_version` → `ABORTED`.
  func updateListing(
    _ request: UpdateListingRequest, context: ServerContext
  ) async throws -> ServerResponse<Listing>

  /// Soft-deletes a listing (status DELETED); returns it as deleted.
  func deleteListing(
    _ request: DeleteListingRequest, context: ServerContext
  ) async throws -> ServerResponse<Listing>

  /// One listing by id, also when deleted; drafts only for their owner and admins.
  func getListing(
    _ request: GetListingRequest, context: ServerContext
  ) async throws -> ServerResponse<Listing>

  /// Several listings by id; ids not found are reported, not an error.
  func batchGetListings(
    _ request: BatchGetListingsRequest, context: ServerContext
  ) async throws -> ServerResponse<BatchGetListingsResponse>

  /// Listings of a producer or village, newest first. Public.
  func listListings(
    _ request: ListListingsRequest, context: ServerContext
  ) async throws -> ServerResponse<ListListingsResponse>

  /// Full-text search with filters, sorting and facets over active listings. Public.
  func searchListings(
    _ request: SearchListingsRequest, context: ServerContext
  ) async throws -> ServerResponse<SearchListingsResponse>

  /// Imports rows as one stream; each row is stored atomically on its own and answered with its row number and reason.
  func bulkImport(
    _ requests: RequestStream<BulkImportRow>, context: ServerContext
  ) async throws -> ServerResponse<BulkImportResponse>

  /// Every change after `after_seq`, in commit order, then live changes until the client cancels.
  func watchChanges(
    _ request: WatchChangesRequest, responses: ServerResponseWriter<ChangeEvent>, context: ServerContext
  ) async throws -> Metadata
}

extension CatalogueServiceProtocol {
  /// One handler per method, each forwarding to the requirement of the same name.
  public var methodHandlers: [ServerMethodHandler] {
    [
      .unary(CatalogueService.Method.getVillage) { (request: GetVillageRequest, context) in
        try await self.getVillage(request, context: context)
      },
      .unary(CatalogueService.Method.listVillages) { (request: ListVillagesRequest, context) in
        try await self.listVillages(request, context: context)
      },
      .unary(CatalogueService.Method.createProducer) { (request: CreateProducerRequest, context) in
        try await self.createProducer(request, context: context)
      },
      .unary(CatalogueService.Method.updateProducer) { (request: UpdateProducerRequest, context) in
        try await self.updateProducer(request, context: context)
      },
      .unary(CatalogueService.Method.deleteProducer) { (request: DeleteProducerRequest, context) in
        try await self.deleteProducer(request, context: context)
      },
      .unary(CatalogueService.Method.getProducer) { (request: GetProducerRequest, context) in
        try await self.getProducer(request, context: context)
      },
      .unary(CatalogueService.Method.listProducers) { (request: ListProducersRequest, context) in
        try await self.listProducers(request, context: context)
      },
      .unary(CatalogueService.Method.createListing) { (request: CreateListingRequest, context) in
        try await self.createListing(request, context: context)
      },
      .unary(CatalogueService.Method.updateListing) { (request: UpdateListingRequest, context) in
        try await self.updateListing(request, context: context)
      },
      .unary(CatalogueService.Method.deleteListing) { (request: DeleteListingRequest, context) in
        try await self.deleteListing(request, context: context)
      },
      .unary(CatalogueService.Method.getListing) { (request: GetListingRequest, context) in
        try await self.getListing(request, context: context)
      },
      .unary(CatalogueService.Method.batchGetListings) { (request: BatchGetListingsRequest, context) in
        try await self.batchGetListings(request, context: context)
      },
      .unary(CatalogueService.Method.listListings) { (request: ListListingsRequest, context) in
        try await self.listListings(request, context: context)
      },
      .unary(CatalogueService.Method.searchListings) { (request: SearchListingsRequest, context) in
        try await self.searchListings(request, context: context)
      },
      .clientStreaming(CatalogueService.Method.bulkImport) {
        (requests: RequestStream<BulkImportRow>, context) in
        try await self.bulkImport(requests, context: context)
      },
      .serverStreaming(CatalogueService.Method.watchChanges) {
        (request: WatchChangesRequest, responses: ServerResponseWriter<ChangeEvent>, context) in
        try await self.watchChanges(request, responses: responses, context: context)
      },
    ]
  }
}

/// Typed calls to `craft.catalogue.v1.CatalogueService`.
///
/// Calls throw `RPCError` for a non-OK status. Unary calls return the message with the response
/// headers and trailers; `bulkImport` hands the caller a request writer and `watchChanges` the
/// response stream, each inside a closure, and the call ends when the closure returns.
public struct CatalogueServiceClient: Sendable {
  /// The client calls go through (transport and client interceptors).
  public let client: RPCClient

  /// A typed client over `client`.
  public init(_ client: RPCClient) { self.client = client }

  /// `GetVillage`.
  public func getVillage(
    _ request: GetVillageRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Village> {
    try await client.unary(
      CatalogueService.Method.getVillage, request: request, metadata: metadata, options: options)
  }

  /// `ListVillages`.
  public func listVillages(
    _ request: ListVillagesRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListVillagesResponse> {
    try await client.unary(
      CatalogueService.Method.listVillages, request: request, metadata: metadata, options: options)
  }

  /// `CreateProducer`.
  public func createProducer(
    _ request: CreateProducerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Producer> {
    try await client.unary(
      CatalogueService.Method.createProducer, request: request, metadata: metadata, options: options)
  }

  /// `UpdateProducer`.
  public func updateProducer(
    _ request: UpdateProducerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Producer> {
    try await client.unary(
      CatalogueService.Method.updateProducer, request: request, metadata: metadata, options: options)
  }

  /// `DeleteProducer`.
  public func deleteProducer(
    _ request: DeleteProducerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Producer> {
    try await client.unary(
      CatalogueService.Method.deleteProducer, request: request, metadata: metadata, options: options)
  }

  /// `GetProducer`.
  public func getProducer(
    _ request: GetProducerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Producer> {
    try await client.unary(
      CatalogueService.Method.getProducer, request: request, metadata: metadata, options: options)
  }

  /// `ListProducers`.
  public func listProducers(
    _ request: ListProducersRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListProducersResponse> {
    try await client.unary(
      CatalogueService.Method.listProducers, request: request, metadata: metadata, options: options)
  }

  /// `CreateListing`.
  public func createListing(
    _ request: CreateListingRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Listing> {
    try await client.unary(
      CatalogueService.Method.createListing, request: request, metadata: metadata, options: options)
  }

  /// `UpdateListing`.
  public func updateListing(
    _ request: UpdateListingRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Listing> {
    try await client.unary(
      CatalogueService.Method.updateListing, request: request, metadata: metadata, options: options)
  }

  /// `DeleteListing`.
  public func deleteListing(
    _ request: DeleteListingRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Listing> {
    try await client.unary(
      CatalogueService.Method.deleteListing, request: request, metadata: metadata, options: options)
  }

  /// `GetListing`.
  public func getListing(
    _ request: GetListingRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Listing> {
    try await client.unary(
      CatalogueService.Method.getListing, request: request, metadata: metadata, options: options)
  }

  /// `BatchGetListings`.
  public func batchGetListings(
    _ request: BatchGetListingsRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<BatchGetListingsResponse> {
    try await client.unary(
      CatalogueService.Method.batchGetListings, request: request, metadata: metadata, options: options)
  }

  /// `ListListings`.
  public func listListings(
    _ request: ListListingsRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListListingsResponse> {
    try await client.unary(
      CatalogueService.Method.listListings, request: request, metadata: metadata, options: options)
  }

  /// `SearchListings`.
  public func searchListings(
    _ request: SearchListingsRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<SearchListingsResponse> {
    try await client.unary(
      CatalogueService.Method.searchListings, request: request, metadata: metadata, options: options)
  }

  /// `BulkImport`: `requests` writes the rows; the stream is half-closed when it returns, and the
  /// server answers once with every row's result.
  public func bulkImport(
    metadata: Metadata = [:], options: CallOptions = .defaults,
    requests: (RPCWriter<BulkImportRow>) async throws -> Void
  ) async throws -> ClientResponse<BulkImportResponse> {
    try await client.clientStreaming(
      CatalogueService.Method.bulkImport, metadata: metadata, options: options,
      requests: requests)
  }

  /// `WatchChanges`: `onResponse` reads the events; returning from it cancels the (endless) stream.
  public func watchChanges<Result>(
    _ request: WatchChangesRequest, metadata: Metadata = [:], options: CallOptions = .defaults,
    onResponse: (ClientResponseStream<ChangeEvent>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      CatalogueService.Method.watchChanges, request: request, metadata: metadata,
      options: options, onResponse: onResponse)
  }
}

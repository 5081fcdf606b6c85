internal import Auth
public import CatalogueAPI
internal import CommonAPI
public import RPCCore

/// `craft.catalogue.v1.CatalogueService` over a ``CatalogueStore``: decodes what the wire
/// gives, resolves the caller, and maps domain errors to statuses (``CatalogueError``).
///
/// Authorization: every method resolves the ``Caller`` the ``AuthInterceptor`` established.
/// Reads of public data need no token (drafts and producer contacts are shown only to their
/// owner, admins and the platform). Writes need a token: a producer changes only its own
/// producer and listings (the owner of an existing listing is checked inside the write
/// transaction), admins and the platform everything, buyers and analysts nothing. The change
/// feed is for analysts, admins and the platform (other services).
public struct CatalogueServiceImpl: CatalogueServiceProtocol {
  /// The data the service serves.
  public let store: CatalogueStore
  /// Rows per transaction in `BulkImport` (each row still atomic on its own).
  public var importBatchSize: Int

  /// A service over `store`.
  public init(store: CatalogueStore, importBatchSize: Int = 500) {
    self.store = store
    self.importBatchSize = importBatchSize
  }

  // MARK: Villages

  public func getVillage(_ request: GetVillageRequest, context: ServerContext) async throws
    -> ServerResponse<Village>
  {
    if request.id.isEmpty { throw CatalogueError.invalidArgument(field: "id", reason: "required") }
    return ServerResponse(try await store.village(id: request.id))
  }

  public func listVillages(_ request: ListVillagesRequest, context: ServerContext) async throws
    -> ServerResponse<ListVillagesResponse>
  {
    ServerResponse(try await store.listVillages(request))
  }

  // MARK: Producers

  public func createProducer(_ request: CreateProducerRequest, context: ServerContext)
    async throws -> ServerResponse<Producer>
  {
    guard var producer = request.producer else {
      throw CatalogueError.invalidArgument(field: "producer", reason: "required")
    }
    let caller = Caller.from(context)
    // A producer registers itself under the id its token is bound to.
    if producer.id.isEmpty && caller.role == .producer { producer.id = caller.id }
    if !caller.isPrivileged { try caller.requireEditor(ofProducer: producer.id) }
    return ServerResponse(try await store.createProducer(producer, caller: caller))
  }

  public func updateProducer(_ request: UpdateProducerRequest, context: ServerContext)
    async throws -> ServerResponse<Producer>
  {
    guard let producer = request.producer else {
      throw CatalogueError.invalidArgument(field: "producer", reason: "required")
    }
    let caller = Caller.from(context)
    try caller.requireEditor(ofProducer: producer.id)
    return ServerResponse(
      try await store.updateProducer(
        producer, expectedVersion: request.expectedVersion, caller: caller))
  }

  public func deleteProducer(_ request: DeleteProducerRequest, context: ServerContext)
    async throws -> ServerResponse<Producer>
  {
    let caller = Caller.from(context)
    try caller.requireEditor(ofProducer: request.id)
    return ServerResponse(
      try await store.deleteProducer(
        id: request.id, expectedVersion: request.expectedVersion, caller: caller))
  }

  public func getProducer(_ request: GetProducerRequest, context: ServerContext) async throws
    -> ServerResponse<Producer>
  {
    ServerResponse(try await store.producer(id: request.id, caller: Caller.from(context)))
  }

  public func listProducers(_ request: ListProducersRequest, context: ServerContext)
    async throws -> ServerResponse<ListProducersResponse>
  {
    ServerResponse(try await store.listProducers(request, caller: Caller.from(context)))
  }

  // MARK: Listings

  public func createListing(_ request: CreateListingRequest, context: ServerContext)
    async throws -> ServerResponse<Listing>
  {
    guard var listing = request.listing else {
      throw CatalogueError.invalidArgument(field: "listing", reason: "required")
    }
    let caller = Caller.from(context)
    if listing.producerId.isEmpty && caller.role == .producer { listing.producerId = caller.id }
    try caller.requireEditor(ofProducer: listing.producerId)
    return ServerResponse(try await store.createListing(listing, caller: caller))
  }

  public func updateListing(_ request: UpdateListingRequest, context: ServerContext)
    async throws -> ServerResponse<Listing>
  {
    guard let listing = request.listing else {
      throw CatalogueError.invalidArgument(field: "listing", reason: "required")
    }
    // The stored listing's owner is checked in the write transaction.
    let caller = Caller.from(context)
    try caller.requireRole(.producer)
    return ServerResponse(
      try await store.updateListing(
        listing, expectedVersion: request.expectedVersion, caller: caller))
  }

  public func deleteListing(_ request: DeleteListingRequest, context: ServerContext)
    async throws -> ServerResponse<Listing>
  {
    // The stored listing's owner is checked in the write transaction.
    let caller = Caller.from(context)
    try caller.requireRole(.producer)
    return ServerResponse(
      try await store.deleteListing(
        id: request.id, expectedVersion: request.expectedVersion, caller: caller))
  }

  public func getListing(_ request: GetListingRequest, context: ServerContext) async throws
    -> ServerResponse<Listing>
  {
    ServerResponse(try await store.listing(id: request.id, caller: Caller.from(context)))
  }

  public func batchGetListings(_ request: BatchGetListingsRequest, context: ServerContext)
    async throws -> ServerResponse<BatchGetListingsResponse>
  {
    ServerResponse(try await store.listings(ids: request.ids, caller: Caller.from(context)))
  }

  public func listListings(_ request: ListListingsRequest, context: ServerContext) async throws
    -> ServerResponse<ListListingsResponse>
  {
    ServerResponse(try await store.listListings(request, caller: Caller.from(context)))
  }

  public func searchListings(_ request: SearchListingsRequest, context: ServerContext)
    async throws -> ServerResponse<SearchListingsResponse>
  {
    ServerResponse(try await store.search(request, caller: Caller.from(context)))
  }

  // MARK: Bulk import

  public func bulkImport(_ requests: RequestStream<BulkImportRow>, context: ServerContext)
    async throws -> ServerResponse<BulkImportResponse>
  {
    // Each row's owner is checked on its own; a row of another producer is rejected alone.
    let caller = Caller.from(context)
    try caller.requireRole(.producer)
    var response = BulkImportResponse()
    var pending: [BulkImportRow] = []
    func flush() async throws {
      guard !pending.isEmpty else { return }
      let results = try await store.importRows(pending, caller: caller)
      pending.removeAll(keepingCapacity: true)
      for result in results {
        if result.ok { response.accepted += 1 } else { response.rejected += 1 }
      }
      response.results += results
    }
    for try await row in requests {
      pending.append(row)
      if pending.count >= importBatchSize { try await flush() }
    }
    try await flush()
    return ServerResponse(response)
  }

  // MARK: Change feed

  /// Sends the backlog after `after_seq`, then live events as writes commit, until the client
  /// cancels. Each round re-queries the database for events after the last one sent, so the
  /// stream has no gaps or duplicates however wake-ups are merged, and a client resuming with
  /// its last seq (also after a restart: seqs are durable) continues exactly where it was.
  public func watchChanges(
    _ request: WatchChangesRequest, responses: ServerResponseWriter<ChangeEvent>,
    context: ServerContext
  ) async throws -> Metadata {
    try Caller.from(context).requireRole(.analyst)
    for type in request.entityTypes where !(1...3).contains(type.rawValue) {
      throw CatalogueError.invalidArgument(field: "entity_types", reason: "unknown entity type \(type)")
    }
    // Subscribe before the first query, so a commit racing with it still wakes us.
    let signals = store.changeSignals()
    var wakeUps = signals.makeAsyncIterator()
    let newest = try await store.newestSeq()
    if request.afterSeq > newest {
      throw CatalogueError.outOfRange(
        "after_seq \(request.afterSeq) is beyond the newest change \(newest)")
    }
    var last = request.afterSeq
    let batch = 256
    while !Task.isCancelled {
      let events = try await store.events(
        after: last, entityTypes: request.entityTypes, limit: batch)
      for event in events {
        try await responses.write(event)
        last = event.seq
      }
      if events.count < batch {
        // Caught up: wait for the next commit (nil: cancelled, or the store is closing).
        guard await wakeUps.next() != nil else {
          if Task.isCancelled { break }
          throw RPCError(
            code: .unavailable, message: "the catalogue is shutting down; resume from seq \(last)")
        }
      }
    }
    return [:]
  }
}

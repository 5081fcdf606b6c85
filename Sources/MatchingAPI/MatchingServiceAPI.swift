// The contract of craft/matching/v1/matching.proto's `craft.matching.v1.MatchingService` in
// Swift: method descriptors, the service protocol and the typed client — what protoc's Swift
// plugin would generate, written by hand in the shape of CatalogueAPI's CatalogueServiceAPI.swift.

public import RPCCore

/// `craft.matching.v1.MatchingService`: buyer profiles, sourcing requests (RFQs), ranked and
/// explained matches both ways, introductions and partner-matching reports.
public enum MatchingService {
  /// The fully-qualified service name.
  public static let name = "craft.matching.v1.MatchingService"

  /// The methods, one descriptor per RPC.
  public enum Method {
    /// `rpc CreateBuyer(CreateBuyerRequest) returns (Buyer)`.
    public static let createBuyer = MethodDescriptor(
      service: name, method: "CreateBuyer", kind: .unary)
    /// `rpc UpdateBuyer(UpdateBuyerRequest) returns (Buyer)`.
    public static let updateBuyer = MethodDescriptor(
      service: name, method: "UpdateBuyer", kind: .unary)
    /// `rpc GetBuyer(GetBuyerRequest) returns (Buyer)`.
    public static let getBuyer = MethodDescriptor(
      service: name, method: "GetBuyer", kind: .unary)
    /// `rpc ListBuyers(ListBuyersRequest) returns (ListBuyersResponse)`.
    public static let listBuyers = MethodDescriptor(
      service: name, method: "ListBuyers", kind: .unary)
    /// `rpc CreateRfq(CreateRfqRequest) returns (Rfq)`.
    public static let createRfq = MethodDescriptor(
      service: name, method: "CreateRfq", kind: .unary)
    /// `rpc GetRfq(GetRfqRequest) returns (Rfq)`.
    public static let getRfq = MethodDescriptor(
      service: name, method: "GetRfq", kind: .unary)
    /// `rpc ListRfqs(ListRfqsRequest) returns (ListRfqsResponse)`.
    public static let listRfqs = MethodDescriptor(
      service: name, method: "ListRfqs", kind: .unary)
    /// `rpc CloseRfq(CloseRfqRequest) returns (Rfq)`.
    public static let closeRfq = MethodDescriptor(
      service: name, method: "CloseRfq", kind: .unary)
    /// `rpc MatchProducersForRfq(MatchProducersForRfqRequest) returns (MatchProducersForRfqResponse)`.
    public static let matchProducersForRfq = MethodDescriptor(
      service: name, method: "MatchProducersForRfq", kind: .unary)
    /// `rpc MatchProducersForBuyer(MatchProducersForBuyerRequest) returns (MatchProducersForBuyerResponse)`.
    public static let matchProducersForBuyer = MethodDescriptor(
      service: name, method: "MatchProducersForBuyer", kind: .unary)
    /// `rpc MatchBuyersForProducer(MatchBuyersForProducerRequest) returns (MatchBuyersForProducerResponse)`.
    public static let matchBuyersForProducer = MethodDescriptor(
      service: name, method: "MatchBuyersForProducer", kind: .unary)
    /// `rpc RequestIntroduction(RequestIntroductionRequest) returns (Introduction)`.
    public static let requestIntroduction = MethodDescriptor(
      service: name, method: "RequestIntroduction", kind: .unary)
    /// `rpc RespondToIntroduction(RespondToIntroductionRequest) returns (Introduction)`.
    public static let respondToIntroduction = MethodDescriptor(
      service: name, method: "RespondToIntroduction", kind: .unary)
    /// `rpc WithdrawIntroduction(WithdrawIntroductionRequest) returns (Introduction)`.
    public static let withdrawIntroduction = MethodDescriptor(
      service: name, method: "WithdrawIntroduction", kind: .unary)
    /// `rpc GetIntroduction(GetIntroductionRequest) returns (Introduction)`.
    public static let getIntroduction = MethodDescriptor(
      service: name, method: "GetIntroduction", kind: .unary)
    /// `rpc ListIntroductions(ListIntroductionsRequest) returns (ListIntroductionsResponse)`.
    public static let listIntroductions = MethodDescriptor(
      service: name, method: "ListIntroductions", kind: .unary)
    /// `rpc StreamPartnerReport(StreamPartnerReportRequest) returns (stream ReportSection)`.
    public static let streamPartnerReport = MethodDescriptor(
      service: name, method: "StreamPartnerReport", kind: .serverStreaming)
  }

  /// Every method, in .proto order.
  public static let descriptors: [MethodDescriptor] = [
    Method.createBuyer,
    Method.updateBuyer,
    Method.getBuyer,
    Method.listBuyers,
    Method.createRfq,
    Method.getRfq,
    Method.listRfqs,
    Method.closeRfq,
    Method.matchProducersForRfq,
    Method.matchProducersForBuyer,
    Method.matchBuyersForProducer,
    Method.requestIntroduction,
    Method.respondToIntroduction,
    Method.withdrawIntroduction,
    Method.getIntroduction,
    Method.listIntroductions,
    Method.streamPartnerReport,
  ]
}

/// The server side of `craft.matching.v1.MatchingService`: implement the methods and register
/// the value with an `RPCRouter` (`methodHandlers` comes from the extension below).
///
/// Unary methods return a `ServerResponse`; the server-streaming `streamPartnerReport` writes to
/// a `ServerResponseWriter` and returns the trailers. Throw an `RPCError` (or an
/// `RPCErrorConvertible`) to end the call with that status.
public protocol MatchingServiceProtocol: RPCService {
  /// Creates a buyer profile (the buyer for itself, or an admin).
  func createBuyer(
    _ request: CreateBuyerRequest, context: ServerContext
  ) async throws -> ServerResponse<Buyer>

  /// Replaces the editable fields of a buyer profile (the buyer itself, or an admin).
  func updateBuyer(
    _ request: UpdateBuyerRequest, context: ServerContext
  ) async throws -> ServerResponse<Buyer>

  /// One buyer profile; `contact` only for the buyer itself, admins and producers with an accepted introduction.
  func getBuyer(
    _ request: GetBuyerRequest, context: ServerContext
  ) async throws -> ServerResponse<Buyer>

  /// Buyer profiles matching simple filters, with the same contact rule as `getBuyer`.
  func listBuyers(
    _ request: ListBuyersRequest, context: ServerContext
  ) async throws -> ServerResponse<ListBuyersResponse>

  /// Posts a sourcing request for a buyer; it starts OPEN. A retry with the same `request_id` returns the same RFQ.
  func createRfq(
    _ request: CreateRfqRequest, context: ServerContext
  ) async throws -> ServerResponse<Rfq>

  /// One RFQ.
  func getRfq(
    _ request: GetRfqRequest, context: ServerContext
  ) async throws -> ServerResponse<Rfq>

  /// RFQs matching simple filters, newest first.
  func listRfqs(
    _ request: ListRfqsRequest, context: ServerContext
  ) async throws -> ServerResponse<ListRfqsResponse>

  /// Closes an OPEN RFQ as CLOSED or FULFILLED (its buyer, or an admin).
  func closeRfq(
    _ request: CloseRfqRequest, context: ServerContext
  ) async throws -> ServerResponse<Rfq>

  /// Producers and listings for an RFQ, ranked and explained; at most the RFQ's `max_proposals`.
  func matchProducersForRfq(
    _ request: MatchProducersForRfqRequest, context: ServerContext
  ) async throws -> ServerResponse<MatchProducersForRfqResponse>

  /// Producers and listings for a buyer's standing profile, ranked and explained.
  func matchProducersForBuyer(
    _ request: MatchProducersForBuyerRequest, context: ServerContext
  ) async throws -> ServerResponse<MatchProducersForBuyerResponse>

  /// Buyers and open RFQs for a producer: "who should I talk to next?".
  func matchBuyersForProducer(
    _ request: MatchBuyersForProducerRequest, context: ServerContext
  ) async throws -> ServerResponse<MatchBuyersForProducerResponse>

  /// A buyer or a producer asks to be introduced to the other side.
  func requestIntroduction(
    _ request: RequestIntroductionRequest, context: ServerContext
  ) async throws -> ServerResponse<Introduction>

  /// The other side accepts or declines a REQUESTED introduction; acceptance reveals contacts.
  func respondToIntroduction(
    _ request: RespondToIntroductionRequest, context: ServerContext
  ) async throws -> ServerResponse<Introduction>

  /// The requesting side withdraws a REQUESTED introduction.
  func withdrawIntroduction(
    _ request: WithdrawIntroductionRequest, context: ServerContext
  ) async throws -> ServerResponse<Introduction>

  /// One introduction (either party, analysts and admins).
  func getIntroduction(
    _ request: GetIntroductionRequest, context: ServerContext
  ) async throws -> ServerResponse<Introduction>

  /// Introductions the caller is party to (analysts and admins: any), newest first.
  func listIntroductions(
    _ request: ListIntroductionsRequest, context: ServerContext
  ) async throws -> ServerResponse<ListIntroductionsResponse>

  /// A partner-matching report, sent as a stream of sections in a fixed order.
  func streamPartnerReport(
    _ request: StreamPartnerReportRequest, responses: ServerResponseWriter<ReportSection>, context: ServerContext
  ) async throws -> Metadata
}

extension MatchingServiceProtocol {
  /// One handler per method, each forwarding to the requirement of the same name.
  public var methodHandlers: [ServerMethodHandler] {
    [
      .unary(MatchingService.Method.createBuyer) { (request: CreateBuyerRequest, context) in
        try await self.createBuyer(request, context: context)
      },
      .unary(MatchingService.Method.updateBuyer) { (request: UpdateBuyerRequest, context) in
        try await self.updateBuyer(request, context: context)
      },
      .unary(MatchingService.Method.getBuyer) { (request: GetBuyerRequest, context) in
        try await self.getBuyer(request, context: context)
      },
      .unary(MatchingService.Method.listBuyers) { (request: ListBuyersRequest, context) in
        try await self.listBuyers(request, context: context)
      },
      .unary(MatchingService.Method.createRfq) { (request: CreateRfqRequest, context) in
        try await self.createRfq(request, context: context)
      },
      .unary(MatchingService.Method.getRfq) { (request: GetRfqRequest, context) in
        try await self.getRfq(request, context: context)
      },
      .unary(MatchingService.Method.listRfqs) { (request: ListRfqsRequest, context) in
        try await self.listRfqs(request, context: context)
      },
      .unary(MatchingService.Method.closeRfq) { (request: CloseRfqRequest, context) in
        try await self.closeRfq(request, context: context)
      },
      .unary(MatchingService.Method.matchProducersForRfq) { (request: MatchProducersForRfqRequest, context) in
        try await self.matchProducersForRfq(request, context: context)
      },
      .unary(MatchingService.Method.matchProducersForBuyer) { (request: MatchProducersForBuyerRequest, context) in
        try await self.matchProducersForBuyer(request, context: context)
      },
      .unary(MatchingService.Method.matchBuyersForProducer) { (request: MatchBuyersForProducerRequest, context) in
        try await self.matchBuyersForProducer(request, context: context)
      },
      .unary(MatchingService.Method.requestIntroduction) { (request: RequestIntroductionRequest, context) in
        try await self.requestIntroduction(request, context: context)
      },
      .unary(MatchingService.Method.respondToIntroduction) { (request: RespondToIntroductionRequest, context) in
        try await self.respondToIntroduction(request, context: context)
      },
      .unary(MatchingService.Method.withdrawIntroduction) { (request: WithdrawIntroductionRequest, context) in
        try await self.withdrawIntroduction(request, context: context)
      },
      .unary(MatchingService.Method.getIntroduction) { (request: GetIntroductionRequest, context) in
        try await self.getIntroduction(request, context: context)
      },
      .unary(MatchingService.Method.listIntroductions) { (request: ListIntroductionsRequest, context) in
        try await self.listIntroductions(request, context: context)
      },
      .serverStreaming(MatchingService.Method.streamPartnerReport) {
        (request: StreamPartnerReportRequest, responses: ServerResponseWriter<ReportSection>, context) in
        try await self.streamPartnerReport(request, responses: responses, context: context)
      },
    ]
  }
}

/// Typed calls to `craft.matching.v1.MatchingService`.
///
/// Calls throw `RPCError` for a non-OK status. Unary calls return the message with the response
/// headers and trailers; `streamPartnerReport` hands the caller the response stream inside a
/// closure, and the call ends when the closure returns.
public struct MatchingServiceClient: Sendable {
  /// The client calls go through (transport and client interceptors).
  public let client: RPCClient

  /// A typed client over `client`.
  public init(_ client: RPCClient) { self.client = client }

  /// `CreateBuyer`.
  public func createBuyer(
    _ request: CreateBuyerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Buyer> {
    try await client.unary(
      MatchingService.Method.createBuyer, request: request, metadata: metadata, options: options)
  }

  /// `UpdateBuyer`.
  public func updateBuyer(
    _ request: UpdateBuyerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Buyer> {
    try await client.unary(
      MatchingService.Method.updateBuyer, request: request, metadata: metadata, options: options)
  }

  /// `GetBuyer`.
  public func getBuyer(
    _ request: GetBuyerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Buyer> {
    try await client.unary(
      MatchingService.Method.getBuyer, request: request, metadata: metadata, options: options)
  }

  /// `ListBuyers`.
  public func listBuyers(
    _ request: ListBuyersRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListBuyersResponse> {
    try await client.unary(
      MatchingService.Method.listBuyers, request: request, metadata: metadata, options: options)
  }

  /// `CreateRfq`.
  public func createRfq(
    _ request: CreateRfqRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Rfq> {
    try await client.unary(
      MatchingService.Method.createRfq, request: request, metadata: metadata, options: options)
  }

  /// `GetRfq`.
  public func getRfq(
    _ request: GetRfqRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Rfq> {
    try await client.unary(
      MatchingService.Method.getRfq, request: request, metadata: metadata, options: options)
  }

  /// `ListRfqs`.
  public func listRfqs(
    _ request: ListRfqsRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListRfqsResponse> {
    try await client.unary(
      MatchingService.Method.listRfqs, request: request, metadata: metadata, options: options)
  }

  /// `CloseRfq`.
  public func closeRfq(
    _ request: CloseRfqRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Rfq> {
    try await client.unary(
      MatchingService.Method.closeRfq, request: request, metadata: metadata, options: options)
  }

  /// `MatchProducersForRfq`.
  public func matchProducersForRfq(
    _ request: MatchProducersForRfqRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<MatchProducersForRfqResponse> {
    try await client.unary(
      MatchingService.Method.matchProducersForRfq, request: request, metadata: metadata, options: options)
  }

  /// `MatchProducersForBuyer`.
  public func matchProducersForBuyer(
    _ request: MatchProducersForBuyerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<MatchProducersForBuyerResponse> {
    try await client.unary(
      MatchingService.Method.matchProducersForBuyer, request: request, metadata: metadata, options: options)
  }

  /// `MatchBuyersForProducer`.
  public func matchBuyersForProducer(
    _ request: MatchBuyersForProducerRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<MatchBuyersForProducerResponse> {
    try await client.unary(
      MatchingService.Method.matchBuyersForProducer, request: request, metadata: metadata, options: options)
  }

  /// `RequestIntroduction`.
  public func requestIntroduction(
    _ request: RequestIntroductionRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Introduction> {
    try await client.unary(
      MatchingService.Method.requestIntroduction, request: request, metadata: metadata, options: options)
  }

  /// `RespondToIntroduction`.
  public func respondToIntroduction(
    _ request: RespondToIntroductionRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Introduction> {
    try await client.unary(
      MatchingService.Method.respondToIntroduction, request: request, metadata: metadata, options: options)
  }

  /// `WithdrawIntroduction`.
  public func withdrawIntroduction(
    _ request: WithdrawIntroductionRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Introduction> {
    try await client.unary(
      MatchingService.Method.withdrawIntroduction, request: request, metadata: metadata, options: options)
  }

  /// `GetIntroduction`.
  public func getIntroduction(
    _ request: GetIntroductionRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Introduction> {
    try await client.unary(
      MatchingService.Method.getIntroduction, request: request, metadata: metadata, options: options)
  }

  /// `ListIntroductions`.
  public func listIntroductions(
    _ request: ListIntroductionsRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListIntroductionsResponse> {
    try await client.unary(
      MatchingService.Method.listIntroductions, request: request, metadata: metadata, options: options)
  }

  /// `StreamPartnerReport`: `onResponse` reads the sections; the call ends when it returns.
  public func streamPartnerReport<Result>(
    _ request: StreamPartnerReportRequest, metadata: Metadata = [:], options: CallOptions = .defaults,
    onResponse: (ClientResponseStream<ReportSection>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      MatchingService.Method.streamPartnerReport, request: request, metadata: metadata,
      options: options, onResponse: onResponse)
  }
}

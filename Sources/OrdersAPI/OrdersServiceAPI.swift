// The contract of craft/orders/v1/orders.proto's `craft.orders.v1.OrdersService` in Swift:
// method descriptors, the service protocol and the typed client — what protoc's Swift plugin
// would generate, written by hand in the shape of CatalogueAPI's CatalogueServiceAPI.swift.

public import RPCCore

/// `craft.orders.v1.OrdersService`: quotes, orders with explicit state machines, idempotent
/// creation and the order event feeds.
public enum OrdersService {
  /// The fully-qualified service name.
  public static let name = "craft.orders.v1.OrdersService"

  /// The methods, one descriptor per RPC.
  public enum Method {
    /// `rpc RequestQuote(RequestQuoteRequest) returns (Quote)`.
    public static let requestQuote = MethodDescriptor(
      service: name, method: "RequestQuote", kind: .unary)
    /// `rpc CreateQuote(CreateQuoteRequest) returns (Quote)`.
    public static let createQuote = MethodDescriptor(
      service: name, method: "CreateQuote", kind: .unary)
    /// `rpc CounterQuote(CounterQuoteRequest) returns (Quote)`.
    public static let counterQuote = MethodDescriptor(
      service: name, method: "CounterQuote", kind: .unary)
    /// `rpc AcceptQuote(AcceptQuoteRequest) returns (Quote)`.
    public static let acceptQuote = MethodDescriptor(
      service: name, method: "AcceptQuote", kind: .unary)
    /// `rpc RejectQuote(RejectQuoteRequest) returns (Quote)`.
    public static let rejectQuote = MethodDescriptor(
      service: name, method: "RejectQuote", kind: .unary)
    /// `rpc WithdrawQuote(WithdrawQuoteRequest) returns (Quote)`.
    public static let withdrawQuote = MethodDescriptor(
      service: name, method: "WithdrawQuote", kind: .unary)
    /// `rpc GetQuote(GetQuoteRequest) returns (Quote)`.
    public static let getQuote = MethodDescriptor(
      service: name, method: "GetQuote", kind: .unary)
    /// `rpc ListQuotes(ListQuotesRequest) returns (ListQuotesResponse)`.
    public static let listQuotes = MethodDescriptor(
      service: name, method: "ListQuotes", kind: .unary)
    /// `rpc CreateOrder(CreateOrderRequest) returns (CreateOrderResponse)`.
    public static let createOrder = MethodDescriptor(
      service: name, method: "CreateOrder", kind: .unary)
    /// `rpc GetOrder(GetOrderRequest) returns (Order)`.
    public static let getOrder = MethodDescriptor(
      service: name, method: "GetOrder", kind: .unary)
    /// `rpc GetOrderGroup(GetOrderGroupRequest) returns (GetOrderGroupResponse)`.
    public static let getOrderGroup = MethodDescriptor(
      service: name, method: "GetOrderGroup", kind: .unary)
    /// `rpc ListOrders(ListOrdersRequest) returns (ListOrdersResponse)`.
    public static let listOrders = MethodDescriptor(
      service: name, method: "ListOrders", kind: .unary)
    /// `rpc TransitionOrder(TransitionOrderRequest) returns (Order)`.
    public static let transitionOrder = MethodDescriptor(
      service: name, method: "TransitionOrder", kind: .unary)
    /// `rpc RecordPayment(RecordPaymentRequest) returns (Order)`.
    public static let recordPayment = MethodDescriptor(
      service: name, method: "RecordPayment", kind: .unary)
    /// `rpc ConfirmDelivery(ConfirmDeliveryRequest) returns (Order)`.
    public static let confirmDelivery = MethodDescriptor(
      service: name, method: "ConfirmDelivery", kind: .unary)
    /// `rpc CancelOrder(CancelOrderRequest) returns (Order)`.
    public static let cancelOrder = MethodDescriptor(
      service: name, method: "CancelOrder", kind: .unary)
    /// `rpc OpenDispute(OpenDisputeRequest) returns (Order)`.
    public static let openDispute = MethodDescriptor(
      service: name, method: "OpenDispute", kind: .unary)
    /// `rpc ResolveDispute(ResolveDisputeRequest) returns (Order)`.
    public static let resolveDispute = MethodDescriptor(
      service: name, method: "ResolveDispute", kind: .unary)
    /// `rpc WatchOrderEvents(WatchOrderEventsRequest) returns (stream OrderEvent)`.
    public static let watchOrderEvents = MethodDescriptor(
      service: name, method: "WatchOrderEvents", kind: .serverStreaming)
    /// `rpc WatchOrder(WatchOrderRequest) returns (stream OrderEvent)`.
    public static let watchOrder = MethodDescriptor(
      service: name, method: "WatchOrder", kind: .serverStreaming)
  }

  /// Every method, in .proto order.
  public static let descriptors: [MethodDescriptor] = [
    Method.requestQuote, Method.createQuote, Method.counterQuote, Method.acceptQuote,
    Method.rejectQuote, Method.withdrawQuote, Method.getQuote, Method.listQuotes,
    Method.createOrder, Method.getOrder, Method.getOrderGroup, Method.listOrders,
    Method.transitionOrder, Method.recordPayment, Method.confirmDelivery, Method.cancelOrder,
    Method.openDispute, Method.resolveDispute, Method.watchOrderEvents, Method.watchOrder,
  ]
}

/// The server side of `craft.orders.v1.OrdersService`: implement the methods and register the
/// value with an `RPCRouter` (`methodHandlers` comes from the extension below).
///
/// Unary methods return a `ServerResponse`; the server-streaming feeds write to a
/// `ServerResponseWriter` and return the trailers. Throw an `RPCError` (or an
/// `RPCErrorConvertible`) to end the call with that status.
public protocol OrdersServiceProtocol: RPCService {
  /// A buyer asks the producer of a listing for a quote → `PENDING_PRODUCER`.
  func requestQuote(
    _ request: RequestQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// A producer quotes on a buyer's RFQ → `PENDING_BUYER`.
  func createQuote(
    _ request: CreateQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// The party whose turn it is changes the terms; the turn passes to the other party.
  func counterQuote(
    _ request: CounterQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// The party whose turn it is accepts the latest terms → `ACCEPTED`.
  func acceptQuote(
    _ request: AcceptQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// The party whose turn it is rejects the quote → `REJECTED` (final).
  func rejectQuote(
    _ request: RejectQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// The party that made the latest offer takes it back → `WITHDRAWN` (final).
  func withdrawQuote(
    _ request: WithdrawQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// One quote with its revisions; parties and admins only.
  func getQuote(
    _ request: GetQuoteRequest, context: ServerContext
  ) async throws -> ServerResponse<Quote>

  /// Quotes the caller may see, newest first.
  func listQuotes(
    _ request: ListQuotesRequest, context: ServerContext
  ) async throws -> ServerResponse<ListQuotesResponse>

  /// Creates the orders of one purchase, idempotently by `request_id`.
  func createOrder(
    _ request: CreateOrderRequest, context: ServerContext
  ) async throws -> ServerResponse<CreateOrderResponse>

  /// One order with its lines, payments and history; parties and admins only.
  func getOrder(
    _ request: GetOrderRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// One order group and the orders of it the caller may see.
  func getOrderGroup(
    _ request: GetOrderGroupRequest, context: ServerContext
  ) async throws -> ServerResponse<GetOrderGroupResponse>

  /// Orders the caller may see, newest first.
  func listOrders(
    _ request: ListOrdersRequest, context: ServerContext
  ) async throws -> ServerResponse<ListOrdersResponse>

  /// Moves an order along its main path; a move the state does not allow → `FAILED_PRECONDITION`.
  func transitionOrder(
    _ request: TransitionOrderRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// Records a payment and updates the payment status (not the order status).
  func recordPayment(
    _ request: RecordPaymentRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// The buyer (or an admin) confirms arrival → fulfilment `DELIVERED`.
  func confirmDelivery(
    _ request: ConfirmDeliveryRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// Cancels an order → `CANCELLED` (final).
  func cancelOrder(
    _ request: CancelOrderRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// A buyer or producer opens a dispute → `DISPUTED`.
  func openDispute(
    _ request: OpenDisputeRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// An admin closes a dispute, resuming the order or ending it.
  func resolveDispute(
    _ request: ResolveDisputeRequest, context: ServerContext
  ) async throws -> ServerResponse<Order>

  /// Every quote and order event after `after_seq`, then live events until the client cancels.
  func watchOrderEvents(
    _ request: WatchOrderEventsRequest, responses: ServerResponseWriter<OrderEvent>, context: ServerContext
  ) async throws -> Metadata

  /// The events of one order after `after_seq`, then live ones until it is completed or cancelled.
  func watchOrder(
    _ request: WatchOrderRequest, responses: ServerResponseWriter<OrderEvent>, context: ServerContext
  ) async throws -> Metadata
}

extension OrdersServiceProtocol {
  /// One handler per method, each forwarding to the requirement of the same name.
  public var methodHandlers: [ServerMethodHandler] {
    [
      .unary(OrdersService.Method.requestQuote) { (request: RequestQuoteRequest, context) in
        try await self.requestQuote(request, context: context)
      },
      .unary(OrdersService.Method.createQuote) { (request: CreateQuoteRequest, context) in
        try await self.createQuote(request, context: context)
      },
      .unary(OrdersService.Method.counterQuote) { (request: CounterQuoteRequest, context) in
        try await self.counterQuote(request, context: context)
      },
      .unary(OrdersService.Method.acceptQuote) { (request: AcceptQuoteRequest, context) in
        try await self.acceptQuote(request, context: context)
      },
      .unary(OrdersService.Method.rejectQuote) { (request: RejectQuoteRequest, context) in
        try await self.rejectQuote(request, context: context)
      },
      .unary(OrdersService.Method.withdrawQuote) { (request: WithdrawQuoteRequest, context) in
        try await self.withdrawQuote(request, context: context)
      },
      .unary(OrdersService.Method.getQuote) { (request: GetQuoteRequest, context) in
        try await self.getQuote(request, context: context)
      },
      .unary(OrdersService.Method.listQuotes) { (request: ListQuotesRequest, context) in
        try await self.listQuotes(request, context: context)
      },
      .unary(OrdersService.Method.createOrder) { (request: CreateOrderRequest, context) in
        try await self.createOrder(request, context: context)
      },
      .unary(OrdersService.Method.getOrder) { (request: GetOrderRequest, context) in
        try await self.getOrder(request, context: context)
      },
      .unary(OrdersService.Method.getOrderGroup) { (request: GetOrderGroupRequest, context) in
        try await self.getOrderGroup(request, context: context)
      },
      .unary(OrdersService.Method.listOrders) { (request: ListOrdersRequest, context) in
        try await self.listOrders(request, context: context)
      },
      .unary(OrdersService.Method.transitionOrder) { (request: TransitionOrderRequest, context) in
        try await self.transitionOrder(request, context: context)
      },
      .unary(OrdersService.Method.recordPayment) { (request: RecordPaymentRequest, context) in
        try await self.recordPayment(request, context: context)
      },
      .unary(OrdersService.Method.confirmDelivery) { (request: ConfirmDeliveryRequest, context) in
        try await self.confirmDelivery(request, context: context)
      },
      .unary(OrdersService.Method.cancelOrder) { (request: CancelOrderRequest, context) in
        try await self.cancelOrder(request, context: context)
      },
      .unary(OrdersService.Method.openDispute) { (request: OpenDisputeRequest, context) in
        try await self.openDispute(request, context: context)
      },
      .unary(OrdersService.Method.resolveDispute) { (request: ResolveDisputeRequest, context) in
        try await self.resolveDispute(request, context: context)
      },
      .serverStreaming(OrdersService.Method.watchOrderEvents) {
        (request: WatchOrderEventsRequest, responses: ServerResponseWriter<OrderEvent>, context) in
        try await self.watchOrderEvents(request, responses: responses, context: context)
      },
      .serverStreaming(OrdersService.Method.watchOrder) {
        (request: WatchOrderRequest, responses: ServerResponseWriter<OrderEvent>, context) in
        try await self.watchOrder(request, responses: responses, context: context)
      },
    ]
  }
}

/// Typed calls to `craft.orders.v1.OrdersService`.
///
/// Calls throw `RPCError` for a non-OK status. Unary calls return the message with the response
/// headers and trailers; the feeds hand the caller the response stream inside a closure, and
/// the call ends when the closure returns.
public struct OrdersServiceClient: Sendable {
  /// The client calls go through (transport and client interceptors).
  public let client: RPCClient

  /// A typed client over `client`.
  public init(_ client: RPCClient) { self.client = client }

  /// `RequestQuote`.
  public func requestQuote(
    _ request: RequestQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.requestQuote, request: request, metadata: metadata, options: options)
  }

  /// `CreateQuote`.
  public func createQuote(
    _ request: CreateQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.createQuote, request: request, metadata: metadata, options: options)
  }

  /// `CounterQuote`.
  public func counterQuote(
    _ request: CounterQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.counterQuote, request: request, metadata: metadata, options: options)
  }

  /// `AcceptQuote`.
  public func acceptQuote(
    _ request: AcceptQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.acceptQuote, request: request, metadata: metadata, options: options)
  }

  /// `RejectQuote`.
  public func rejectQuote(
    _ request: RejectQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.rejectQuote, request: request, metadata: metadata, options: options)
  }

  /// `WithdrawQuote`.
  public func withdrawQuote(
    _ request: WithdrawQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.withdrawQuote, request: request, metadata: metadata, options: options)
  }

  /// `GetQuote`.
  public func getQuote(
    _ request: GetQuoteRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Quote> {
    try await client.unary(
      OrdersService.Method.getQuote, request: request, metadata: metadata, options: options)
  }

  /// `ListQuotes`.
  public func listQuotes(
    _ request: ListQuotesRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListQuotesResponse> {
    try await client.unary(
      OrdersService.Method.listQuotes, request: request, metadata: metadata, options: options)
  }

  /// `CreateOrder`.
  public func createOrder(
    _ request: CreateOrderRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<CreateOrderResponse> {
    try await client.unary(
      OrdersService.Method.createOrder, request: request, metadata: metadata, options: options)
  }

  /// `GetOrder`.
  public func getOrder(
    _ request: GetOrderRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.getOrder, request: request, metadata: metadata, options: options)
  }

  /// `GetOrderGroup`.
  public func getOrderGroup(
    _ request: GetOrderGroupRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<GetOrderGroupResponse> {
    try await client.unary(
      OrdersService.Method.getOrderGroup, request: request, metadata: metadata, options: options)
  }

  /// `ListOrders`.
  public func listOrders(
    _ request: ListOrdersRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<ListOrdersResponse> {
    try await client.unary(
      OrdersService.Method.listOrders, request: request, metadata: metadata, options: options)
  }

  /// `TransitionOrder`.
  public func transitionOrder(
    _ request: TransitionOrderRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.transitionOrder, request: request, metadata: metadata, options: options)
  }

  /// `RecordPayment`.
  public func recordPayment(
    _ request: RecordPaymentRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.recordPayment, request: request, metadata: metadata, options: options)
  }

  /// `ConfirmDelivery`.
  public func confirmDelivery(
    _ request: ConfirmDeliveryRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.confirmDelivery, request: request, metadata: metadata, options: options)
  }

  /// `CancelOrder`.
  public func cancelOrder(
    _ request: CancelOrderRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.cancelOrder, request: request, metadata: metadata, options: options)
  }

  /// `OpenDispute`.
  public func openDispute(
    _ request: OpenDisputeRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.openDispute, request: request, metadata: metadata, options: options)
  }

  /// `ResolveDispute`.
  public func resolveDispute(
    _ request: ResolveDisputeRequest, metadata: Metadata = [:], options: CallOptions = .defaults
  ) async throws -> ClientResponse<Order> {
    try await client.unary(
      OrdersService.Method.resolveDispute, request: request, metadata: metadata, options: options)
  }

  /// `WatchOrderEvents`: `onResponse` reads the events; returning from it cancels the stream.
  public func watchOrderEvents<Result>(
    _ request: WatchOrderEventsRequest, metadata: Metadata = [:], options: CallOptions = .defaults,
    onResponse: (ClientResponseStream<OrderEvent>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      OrdersService.Method.watchOrderEvents, request: request, metadata: metadata,
      options: options, onResponse: onResponse)
  }

  /// `WatchOrder`: `onResponse` reads the events; returning from it cancels the stream.
  public func watchOrder<Result>(
    _ request: WatchOrderRequest, metadata: Metadata = [:], options: CallOptions = .defaults,
    onResponse: (ClientResponseStream<OrderEvent>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      OrdersService.Method.watchOrder, request: request, metadata: metadata,
      options: options, onResponse: onResponse)
  }
}

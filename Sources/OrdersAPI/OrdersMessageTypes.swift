// Every message type of craft/orders/v1/orders.proto, for the contract tests.

public import ProtoWire

/// Every message of `craft.orders.v1`, in the order of the .proto file.
public let ordersMessageTypes: [any ProtoMessage.Type] = [
  // Quotes.
  Quote.self,
  QuoteRevision.self,
  RequestQuoteRequest.self,
  CreateQuoteRequest.self,
  CounterQuoteRequest.self,
  AcceptQuoteRequest.self,
  RejectQuoteRequest.self,
  WithdrawQuoteRequest.self,
  GetQuoteRequest.self,
  ListQuotesRequest.self,
  ListQuotesResponse.self,
  // Orders.
  Order.self,
  OrderLine.self,
  StatusChange.self,
  Payment.self,
  Dispute.self,
  OrderGroup.self,
  CreateOrderRequest.self,
  OrderItems.self,
  OrderItem.self,
  CreateOrderResponse.self,
  GetOrderRequest.self,
  GetOrderGroupRequest.self,
  GetOrderGroupResponse.self,
  ListOrdersRequest.self,
  ListOrdersResponse.self,
  TransitionOrderRequest.self,
  RecordPaymentRequest.self,
  ConfirmDeliveryRequest.self,
  CancelOrderRequest.self,
  OpenDisputeRequest.self,
  ResolveDisputeRequest.self,
  // Feeds.
  OrderEvent.self,
  WatchOrderEventsRequest.self,
  WatchOrderRequest.self,
]

public import OrdersAPI

/// A move in a quote's negotiation.
public enum QuoteMove: Sendable, Hashable {
  /// New terms from the party whose turn it is; the turn passes to the other party.
  case counter
  /// The party whose turn it is agrees to the latest terms.
  case accept
  /// The party whose turn it is ends the negotiation.
  case reject
  /// The party that made the latest offer takes it back before an answer.
  case withdraw
}

/// The quote state machine, pure:
///
///     pending_producer ⇄ pending_buyer   (counter: the turn passes)
///     pending_* → accepted | rejected    (by the party whose turn it is)
///     pending_* → withdrawn              (by the party that made the latest offer)
///     pending_* → expired                (the system, once valid_until has passed)
///
/// Admins act for whichever party the move needs. Accepted, rejected, expired and withdrawn
/// are final.
public enum QuoteStateMachine {
  /// Statuses a negotiation is still open in.
  public static let open: Set<QuoteStatus> = [.pendingProducer, .pendingBuyer]

  /// The party whose turn it is in `status`, if the negotiation is open.
  public static func turn(_ status: QuoteStatus) -> TradeParty? {
    switch status {
    case .pendingProducer: .producer
    case .pendingBuyer: .buyer
    default: nil
    }
  }

  /// Whether an open quote's `valid_until` (milliseconds, 0 = none) has passed at `now`.
  public static func isDue(_ quote: Quote, now milliseconds: Int64) -> Bool {
    guard open.contains(quote.status), let until = quote.validUntil else { return false }
    return WallClock.milliseconds(until) < milliseconds
  }

  /// The status `move` leads to, if `party` may make it now; throws why not.
  public static func target(of move: QuoteMove, quote: Quote, by party: TradeParty)
    throws(OrdersError) -> QuoteStatus
  {
    guard party != .outsider else {
      throw .permissionDenied("the caller is not a party of quote \(quote.id)")
    }
    guard let turn = turn(quote.status) else {
      throw .failedPrecondition("quote \(quote.id) is \(quote.status); the negotiation is over")
    }
    let name = turn == .producer ? "producer" : "buyer"
    let other = turn == .producer ? "buyer" : "producer"
    switch move {
    case .counter, .accept, .reject:
      guard party == turn || party == .admin else {
        throw .permissionDenied(
          "quote \(quote.id) is \(quote.status): it is the \(name)'s turn")
      }
    case .withdraw:
      guard party != turn || party == .admin else {
        throw .permissionDenied(
          "quote \(quote.id) is \(quote.status): only the \(other), who made the latest offer, "
            + "may withdraw it")
      }
    }
    switch move {
    case .counter: return quote.status == .pendingProducer ? .pendingBuyer : .pendingProducer
    case .accept:
      guard quote.unitPrice != nil else {
        throw .failedPrecondition(
          "quote \(quote.id) has no price yet; the producer answers with CounterQuote first")
      }
      return .accepted
    case .reject: return .rejected
    case .withdraw: return .withdrawn
    }
  }
}

// The tables and JSON of `craftctl orders …`: quotes, orders and their history.

public import CommonAPI
public import OrdersAPI
import ProtoWire

extension OrderStatus: NamedProtoEnum {
  public static var protoPrefix: String { "ORDER_STATUS_" }
  public static var maxKnownValue: Int32 { 10 }
}
extension PaymentStatus: NamedProtoEnum {
  public static var protoPrefix: String { "PAYMENT_STATUS_" }
  public static var maxKnownValue: Int32 { 5 }
}
extension FulfilmentStatus: NamedProtoEnum {
  public static var protoPrefix: String { "FULFILMENT_STATUS_" }
  public static var maxKnownValue: Int32 { 5 }
}
extension PaymentKind: NamedProtoEnum {
  public static var protoPrefix: String { "PAYMENT_KIND_" }
  public static var maxKnownValue: Int32 { 3 }
}
extension QuoteStatus: NamedProtoEnum {
  public static var protoPrefix: String { "QUOTE_STATUS_" }
  public static var maxKnownValue: Int32 { 6 }
}
extension Role: NamedProtoEnum {
  public static var protoPrefix: String { "ROLE_" }
  public static var maxKnownValue: Int32 { 5 }
}

// MARK: - JSON

extension Actor: JSONRepresentable {
  public var json: JSONValue { ["role": .string(role.description), "id": .string(id)] }
}

extension QuoteRevision: JSONRepresentable {
  public var json: JSONValue {
    [
      "by": by.json, "at": at.json, "unit_price": unitPrice.json, "quantity": .int(quantity),
      "lead_time_days": .int(leadTimeDays), "note": .string(note),
    ]
  }
}

extension Quote: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "rfq_id": .string(rfqId), "listing_id": .string(listingId),
      "buyer_id": .string(buyerId), "producer_id": .string(producerId),
      "quantity": .int(quantity), "unit": .string(unit.description), "unit_price": unitPrice.json,
      "incoterm": .string(incoterm.description), "port": .string(port),
      "lead_time_days": .int(leadTimeDays), "deposit_percent": .int(depositPercent),
      "valid_until": validUntil.json, "status": .string(status.description),
      "revisions": .array(revisions.map(\.json)), "order_id": .string(orderId),
      "version": .int(version), "created_at": createdAt.json, "updated_at": updatedAt.json,
    ]
  }
}

extension OrderLine: JSONRepresentable {
  public var json: JSONValue {
    [
      "line_id": .string(lineId), "listing_id": .string(listingId), "sku": .string(sku),
      "title": title.json, "hs_code": .string(hsCode), "quantity": .int(quantity),
      "unit": .string(unit.description), "unit_price": unitPrice.json, "line_total": lineTotal.json,
    ]
  }
}

extension StatusChange: JSONRepresentable {
  public var json: JSONValue {
    [
      "from_status": .string(fromStatus.description), "to_status": .string(toStatus.description),
      "by": by.json, "at": at.json, "note": .string(note),
    ]
  }
}

extension Payment: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "kind": .string(kind.description), "amount": amount.json,
      "reference": .string(reference), "paid_at": paidAt.json, "recorded_by": recordedBy.json,
      "recorded_at": recordedAt.json, "note": .string(note),
    ]
  }
}

extension Dispute: JSONRepresentable {
  public var json: JSONValue {
    [
      "opened_by": openedBy.json, "opened_at": openedAt.json, "reason": .string(reason),
      "status_before": .string(statusBefore.description), "resolved_by": resolvedBy.json,
      "resolved_at": resolvedAt.json, "resolution": .string(resolution),
    ]
  }
}

extension Order: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "group_id": .string(groupId), "request_id": .string(requestId),
      "quote_id": .string(quoteId), "buyer_id": .string(buyerId),
      "producer_id": .string(producerId), "lines": .array(lines.map(\.json)),
      "currency_code": .string(currencyCode), "subtotal": subtotal.json,
      "deposit_percent": .int(depositPercent), "deposit_amount": depositAmount.json,
      "balance_amount": balanceAmount.json, "paid_amount": paidAmount.json,
      "incoterm": .string(incoterm.description), "port": .string(port),
      "lead_time_days": .int(leadTimeDays), "status": .string(status.description),
      "payment_status": .string(paymentStatus.description),
      "fulfilment_status": .string(fulfilmentStatus.description),
      "bill_of_lading_number": .string(billOfLadingNumber),
      "payments": .array(payments.map(\.json)), "history": .array(history.map(\.json)),
      "dispute": dispute.json, "note": .string(note), "version": .int(version),
      "created_at": createdAt.json, "updated_at": updatedAt.json, "shipped_at": shippedAt.json,
      "delivered_at": deliveredAt.json,
    ]
  }
}

extension OrderGroup: JSONRepresentable {
  public var json: JSONValue {
    [
      "id": .string(id), "request_id": .string(requestId), "buyer_id": .string(buyerId),
      "order_ids": .strings(orderIds), "village_id": .string(villageId), "total": total.json,
      "created_at": createdAt.json,
    ]
  }
}

extension CreateOrderResponse: JSONRepresentable {
  public var json: JSONValue {
    ["group": group.json, "orders": .array(orders.map(\.json)), "replayed": .bool(replayed)]
  }
}

// MARK: - Tables

/// Tables of quotes and orders.
public enum OrderTables {
  static func money(_ value: Money?) -> String { value.map(MoneyText.format) ?? "" }

  /// "producer p-12", "buyer b-3", "admin", "system".
  static func actor(_ actor: Actor?) -> String {
    guard let actor else { return "" }
    return [actor.role.shortName, actor.id].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Whose move a quote waits for, or its final status.
  static func turn(_ quote: Quote) -> String {
    switch quote.status {
    case .pendingProducer: "producer"
    case .pendingBuyer: "buyer"
    default: "-"
    }
  }

  /// Quotes, one per row.
  public static func quotes(_ quotes: [Quote]) -> Table {
    var table = Table(columns: [
      .init("id"), .init("listing"), .init("buyer"), .init("producer"),
      .init("qty", alignment: .right), .init("unit price", alignment: .right), .init("status"),
      .init("turn"), .init("version", alignment: .right), .init("order"),
    ])
    for quote in quotes {
      table.append([
        quote.id, quote.listingId, quote.buyerId, quote.producerId, "\(quote.quantity)",
        money(quote.unitPrice), quote.status.shortName, turn(quote), "\(quote.version)",
        quote.orderId,
      ])
    }
    return table
  }

  /// One quote: its terms as field/value rows, then every offer and counter-offer.
  public static func quoteDetail(_ quote: Quote) -> String {
    var fields = Table(columns: [.init("field"), .init("value")])
    let rows: [(String, String)] = [
      ("id", quote.id), ("status", quote.status.shortName), ("waiting for", turn(quote)),
      ("listing", quote.listingId), ("rfq", quote.rfqId), ("buyer", quote.buyerId),
      ("producer", quote.producerId),
      ("quantity", "\(quote.quantity) \(quote.unit.shortName)"),
      ("unit price", money(quote.unitPrice)),
      ("incoterm", [quote.incoterm.shortName.uppercased(), quote.port].filter { !$0.isEmpty }
        .joined(separator: " ")),
      ("lead time", "\(quote.leadTimeDays) days"), ("deposit", "\(quote.depositPercent)%"),
      ("valid until", quote.validUntil?.rfc3339 ?? ""), ("order", quote.orderId),
      ("version", "\(quote.version)"),
    ]
    for (field, value) in rows { fields.append([field, value]) }
    var revisions = Table(columns: [
      .init("at"), .init("by"), .init("unit price", alignment: .right),
      .init("qty", alignment: .right), .init("lead", alignment: .right), .init("note", maxWidth: 60),
    ])
    for revision in quote.revisions {
      revisions.append([
        revision.at?.rfc3339 ?? "", actor(revision.by), money(revision.unitPrice),
        "\(revision.quantity)", "\(revision.leadTimeDays)d", revision.note,
      ])
    }
    return fields.render() + "\nrevisions\n" + revisions.render()
  }

  /// Orders, one per row.
  public static func orders(_ orders: [Order]) -> Table {
    var table = Table(columns: [
      .init("id"), .init("buyer"), .init("producer"), .init("status"), .init("payment"),
      .init("fulfilment"), .init("subtotal", alignment: .right), .init("lines", alignment: .right),
      .init("version", alignment: .right), .init("updated"),
    ])
    for order in orders {
      table.append([
        order.id, order.buyerId, order.producerId, order.status.shortName,
        order.paymentStatus.shortName, order.fulfilmentStatus.shortName, money(order.subtotal),
        "\(order.lines.count)", "\(order.version)", order.updatedAt?.rfc3339 ?? "",
      ])
    }
    return table
  }

  /// One order: its fields, its lines, its payments and its full transition history (who,
  /// when, from → to, note).
  public static func orderDetail(_ order: Order) -> String {
    var fields = Table(columns: [.init("field"), .init("value")])
    var rows: [(String, String)] = [
      ("id", order.id), ("status", order.status.shortName),
      ("payment", order.paymentStatus.shortName), ("fulfilment", order.fulfilmentStatus.shortName),
      ("buyer", order.buyerId), ("producer", order.producerId), ("group", order.groupId),
      ("request id", order.requestId), ("quote", order.quoteId),
      ("subtotal", money(order.subtotal)),
      ("deposit", "\(order.depositPercent)% = \(money(order.depositAmount))"),
      ("balance", money(order.balanceAmount)), ("paid", money(order.paidAmount)),
      ("incoterm", [order.incoterm.shortName.uppercased(), order.port].filter { !$0.isEmpty }
        .joined(separator: " ")),
      ("lead time", "\(order.leadTimeDays) days"),
      ("bill of lading", order.billOfLadingNumber),
      ("shipped", order.shippedAt?.rfc3339 ?? ""), ("delivered", order.deliveredAt?.rfc3339 ?? ""),
      ("note", order.note), ("version", "\(order.version)"),
      ("created", order.createdAt?.rfc3339 ?? ""), ("updated", order.updatedAt?.rfc3339 ?? ""),
    ]
    if let dispute = order.dispute {
      rows.append(("dispute", "\(actor(dispute.openedBy)): \(dispute.reason)"))
      if dispute.resolvedBy != nil {
        rows.append(("resolution", "\(actor(dispute.resolvedBy)): \(dispute.resolution)"))
      }
    }
    for (field, value) in rows { fields.append([field, value]) }

    var lines = Table(columns: [
      .init("line"), .init("listing"), .init("sku"), .init("title", maxWidth: 36),
      .init("qty", alignment: .right), .init("unit price", alignment: .right),
      .init("total", alignment: .right),
    ])
    for line in order.lines {
      lines.append([
        line.lineId, line.listingId, line.sku, Tables.text(line.title),
        "\(line.quantity) \(line.unit.shortName)", money(line.unitPrice), money(line.lineTotal),
      ])
    }
    var payments = Table(columns: [
      .init("paid at"), .init("kind"), .init("amount", alignment: .right), .init("reference"),
      .init("recorded by"), .init("note", maxWidth: 40),
    ])
    for payment in order.payments {
      payments.append([
        payment.paidAt?.rfc3339 ?? "", payment.kind.shortName, money(payment.amount),
        payment.reference, actor(payment.recordedBy), payment.note,
      ])
    }
    var history = Table(columns: [
      .init("at"), .init("by"), .init("from"), .init("to"), .init("note", maxWidth: 60),
    ])
    for change in order.history {
      history.append([
        change.at?.rfc3339 ?? "", actor(change.by),
        change.fromStatus == .unspecified ? "(created)" : change.fromStatus.shortName,
        change.toStatus.shortName, change.note,
      ])
    }
    var text = fields.render() + "\nlines\n" + lines.render()
    if !order.payments.isEmpty { text += "\npayments\n" + payments.render() }
    return text + "\nhistory\n" + history.render()
  }

  /// The result of `CreateOrder`: the group, then its orders.
  public static func created(_ response: CreateOrderResponse) -> String {
    let group = response.group ?? OrderGroup()
    var text = "group \(group.id) (request id \(group.requestId)), total \(money(group.total))"
    if response.replayed { text += " — replayed: this request id was used before; nothing new was created" }
    return text + "\n" + orders(response.orders).render()
  }
}

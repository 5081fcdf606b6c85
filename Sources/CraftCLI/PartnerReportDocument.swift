// A partner-matching report as `craftctl report` received it (the sections of
// StreamPartnerReport), and its JSON and CSV forms. The HTML page is PartnerReportHTML.swift.

internal import CommonAPI
public import MatchingAPI
internal import ProtoWire

/// The sections of one report, kept in the order the server sent them, with typed access to
/// each kind. A section the stream did not carry reads as `nil`.
public struct PartnerReportDocument: Sendable, Hashable {
  /// Every section, as received.
  public var sections: [ReportSection]

  /// A document of `sections`.
  public init(sections: [ReportSection]) { self.sections = sections }

  /// The first section whose content `extract` accepts, with its title and note.
  func first<T>(_ extract: (ReportSection.Content) -> T?) -> (title: String, note: String, value: T)? {
    for section in sections {
      if let content = section.content, let value = extract(content) {
        return (section.title, section.note, value)
      }
    }
    return nil
  }

  /// What the report covers.
  public var header: ReportHeader? {
    first { if case .header(let v) = $0 { v } else { nil } }?.value
  }
  /// Headline figures, with the section's title and note.
  public var summary: (title: String, note: String, value: ReportSummary)? {
    first { if case .summary(let v) = $0 { v } else { nil } }
  }
  /// The funnel, with the section's title and note.
  public var funnel: (title: String, note: String, value: ReportFunnel)? {
    first { if case .funnel(let v) = $0 { v } else { nil } }
  }
  /// Matches by buyer country, with the section's title and note.
  public var countries: (title: String, note: String, value: CountryTable)? {
    first { if case .countries(let v) = $0 { v } else { nil } }
  }
  /// Demand by category and HS code, with the section's title and note.
  public var demand: (title: String, note: String, value: DemandTable)? {
    first { if case .demand(let v) = $0 { v } else { nil } }
  }
  /// Unmet demand, with the section's title and note.
  public var unmetDemand: (title: String, note: String, value: UnmetDemandTable)? {
    first { if case .unmetDemand(let v) = $0 { v } else { nil } }
  }
  /// Capacity gaps, with the section's title and note.
  public var capacityGaps: (title: String, note: String, value: CapacityGapTable)? {
    first { if case .capacityGaps(let v) = $0 { v } else { nil } }
  }

  /// Whether the report carries order figures (false until the orders feed exists).
  public var ordersAvailable: Bool { summary?.value.ordersAvailable ?? false }

  // MARK: JSON

  /// `{"sections": [...]}`: each section with `title`, `note` and its content under the proto
  /// field name of the oneof member (`header`, `summary`, …). Order figures are `null` while
  /// `orders_available` is false, so a script cannot mistake "unknown" for zero.
  public var json: JSONValue {
    let orders = ordersAvailable
    func count(_ value: Int64) -> JSONValue { orders ? .int(value) : .null }
    func rate(_ value: Double) -> JSONValue { orders ? .double(value) : .null }
    return [
      "sections": .array(
        sections.map { section in
          var fields: [String: JSONValue] = [
            "title": .string(section.title), "note": .string(section.note),
          ]
          switch section.content {
          case .header(let h):
            fields["header"] = [
              "title": .string(h.title), "scope_label": .string(h.scopeLabel),
              "period": ["start": h.period?.start.json ?? .null, "end": h.period?.end.json ?? .null],
              "language": .string(h.language), "generated_at": h.generatedAt.json,
            ]
          case .summary(let s):
            fields["summary"] = [
              "matches_proposed": .int(s.matchesProposed),
              "introductions_requested": .int(s.introductionsRequested),
              "introductions_accepted": .int(s.introductionsAccepted),
              "introductions_declined": .int(s.introductionsDeclined),
              "introductions_expired": .int(s.introductionsExpired),
              "median_response_seconds": .int(s.medianResponseSeconds),
              "reply_within_24h_rate": .double(s.replyWithin24hRate),
              "acceptance_rate": .double(s.acceptanceRate),
              "orders": count(s.orders), "conversion_to_orders": rate(s.conversionToOrders),
              "new_partner_order_share": rate(s.newPartnerOrderShare),
              "order_value": orders ? .array(s.orderValue.map(\.json)) : .null,
              "orders_available": .bool(s.ordersAvailable),
              "rfqs_posted": .int(s.rfqsPosted), "rfqs_unmet": .int(s.rfqsUnmet),
            ]
          case .funnel(let f):
            fields["funnel"] = [
              "steps": .array(
                f.steps.map { step in
                  [
                    "stage": .string(step.stage.description), "label": .string(step.label),
                    "count": .int(step.count), "rate_from_previous": .double(step.rateFromPrevious),
                  ]
                })
            ]
          case .countries(let t):
            fields["countries"] = [
              "rows": .array(
                t.rows.map { row in
                  [
                    "country_code": .string(row.countryCode), "country_name": .string(row.countryName),
                    "buyers": .int(row.buyers), "matches_proposed": .int(row.matchesProposed),
                    "introductions_requested": .int(row.introductionsRequested),
                    "introductions_accepted": .int(row.introductionsAccepted),
                    "orders": count(row.orders),
                  ]
                })
            ]
          case .demand(let t):
            fields["demand"] = [
              "rows": .array(
                t.rows.map { row in
                  [
                    "category": .string(row.category.description), "hs_code": .string(row.hsCode),
                    "label": .string(row.label), "rfqs": .int(row.rfqs),
                    "buyers_seeking": .int(row.buyersSeeking), "quantity": .int(row.quantity),
                    "unit": .string(row.unit.description), "matches_proposed": .int(row.matchesProposed),
                  ]
                })
            ]
          case .unmetDemand(let t):
            fields["unmet_demand"] = [
              "rows": .array(
                t.rows.map { row in
                  [
                    "category": .string(row.category.description), "hs_code": .string(row.hsCode),
                    "label": .string(row.label), "blocking_filter": .string(row.blockingFilter.description),
                    "rfqs": .int(row.rfqs), "quantity": .int(row.quantity),
                    "unit": .string(row.unit.description), "country_codes": .strings(row.countryCodes),
                  ]
                })
            ]
          case .capacityGaps(let t):
            fields["capacity_gaps"] = [
              "rows": .array(
                t.rows.map { row in
                  [
                    "category": .string(row.category.description), "village_id": .string(row.villageId),
                    "village_name": .string(row.villageName), "district": .string(row.district),
                    "label": .string(row.label), "unit": .string(row.unit.description),
                    "demanded_quantity": .int(row.demandedQuantity),
                    "available_capacity": .int(row.availableCapacity),
                    "gap_quantity": .int(row.gapQuantity), "rfqs_affected": .int(row.rfqsAffected),
                  ]
                })
            ]
          case nil: break
          }
          return .object(fields)
        })
    ]
  }

  // MARK: CSV

  /// One rectangular table in long form — `section,row,field,value` — so every section fits
  /// one CSV file that spreadsheets pivot and strict parsers read. `row` is the 1-based row of
  /// a table section, empty for single-record sections (and for each section's `section_title`
  /// and `section_note`); unknown order figures are `n/a`.
  public var csv: String {
    var lines = ["section,row,field,value"]
    func add(_ section: String, _ row: Int?, _ field: String, _ value: String) {
      lines.append(
        [section, row.map(String.init) ?? "", field, value].map(CSV.quote).joined(separator: ","))
    }
    let orders = ordersAvailable
    func orderCount(_ value: Int64) -> String { orders ? String(value) : "n/a" }
    func orderRate(_ value: Double) -> String { orders ? "\(value)" : "n/a" }
    for section in sections {
      let name: String
      switch section.content {
      case .header(let h):
        name = "header"
        add(name, nil, "title", h.title)
        add(name, nil, "scope_label", h.scopeLabel)
        add(name, nil, "period_start", h.period?.start.map(PartnerReportFormat.date) ?? "")
        add(name, nil, "period_end", h.period?.end.map(PartnerReportFormat.date) ?? "")
        add(name, nil, "language", h.language)
        add(name, nil, "generated_at", h.generatedAt?.rfc3339 ?? "")
      case .summary(let s):
        name = "summary"
        add(name, nil, "matches_proposed", String(s.matchesProposed))
        add(name, nil, "introductions_requested", String(s.introductionsRequested))
        add(name, nil, "introductions_accepted", String(s.introductionsAccepted))
        add(name, nil, "introductions_declined", String(s.introductionsDeclined))
        add(name, nil, "introductions_expired", String(s.introductionsExpired))
        add(name, nil, "median_response_seconds", String(s.medianResponseSeconds))
        add(name, nil, "reply_within_24h_rate", "\(s.replyWithin24hRate)")
        add(name, nil, "acceptance_rate", "\(s.acceptanceRate)")
        add(name, nil, "orders", orderCount(s.orders))
        add(name, nil, "conversion_to_orders", orderRate(s.conversionToOrders))
        add(name, nil, "new_partner_order_share", orderRate(s.newPartnerOrderShare))
        add(name, nil, "orders_available", s.ordersAvailable ? "true" : "false")
        add(name, nil, "rfqs_posted", String(s.rfqsPosted))
        add(name, nil, "rfqs_unmet", String(s.rfqsUnmet))
      case .funnel(let f):
        name = "funnel"
        for (i, step) in f.steps.enumerated() {
          add(name, i + 1, "stage", step.stage.description)
          add(name, i + 1, "label", step.label)
          add(name, i + 1, "count", String(step.count))
          add(name, i + 1, "rate_from_previous", "\(step.rateFromPrevious)")
        }
      case .countries(let t):
        name = "countries"
        for (i, row) in t.rows.enumerated() {
          add(name, i + 1, "country_code", row.countryCode)
          add(name, i + 1, "country_name", row.countryName)
          add(name, i + 1, "buyers", String(row.buyers))
          add(name, i + 1, "matches_proposed", String(row.matchesProposed))
          add(name, i + 1, "introductions_requested", String(row.introductionsRequested))
          add(name, i + 1, "introductions_accepted", String(row.introductionsAccepted))
          add(name, i + 1, "orders", orderCount(row.orders))
        }
      case .demand(let t):
        name = "demand"
        for (i, row) in t.rows.enumerated() {
          add(name, i + 1, "category", row.category.description)
          add(name, i + 1, "hs_code", row.hsCode)
          add(name, i + 1, "label", row.label)
          add(name, i + 1, "rfqs", String(row.rfqs))
          add(name, i + 1, "buyers_seeking", String(row.buyersSeeking))
          add(name, i + 1, "quantity", String(row.quantity))
          add(name, i + 1, "unit", row.unit.description)
          add(name, i + 1, "matches_proposed", String(row.matchesProposed))
        }
      case .unmetDemand(let t):
        name = "unmet_demand"
        for (i, row) in t.rows.enumerated() {
          add(name, i + 1, "category", row.category.description)
          add(name, i + 1, "hs_code", row.hsCode)
          add(name, i + 1, "label", row.label)
          add(name, i + 1, "blocking_filter", row.blockingFilter.description)
          add(name, i + 1, "rfqs", String(row.rfqs))
          add(name, i + 1, "quantity", String(row.quantity))
          add(name, i + 1, "unit", row.unit.description)
          add(name, i + 1, "country_codes", row.countryCodes.joined(separator: " "))
        }
      case .capacityGaps(let t):
        name = "capacity_gaps"
        for (i, row) in t.rows.enumerated() {
          add(name, i + 1, "category", row.category.description)
          add(name, i + 1, "village_id", row.villageId)
          add(name, i + 1, "village_name", row.villageName)
          add(name, i + 1, "district", row.district)
          add(name, i + 1, "label", row.label)
          add(name, i + 1, "unit", row.unit.description)
          add(name, i + 1, "demanded_quantity", String(row.demandedQuantity))
          add(name, i + 1, "available_capacity", String(row.availableCapacity))
          add(name, i + 1, "gap_quantity", String(row.gapQuantity))
          add(name, i + 1, "rfqs_affected", String(row.rfqsAffected))
        }
      case nil:
        name = "unknown"
      }
      add(name, nil, "section_title", section.title)
      if !section.note.isEmpty { add(name, nil, "section_note", section.note) }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}

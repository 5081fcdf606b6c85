// The partner-matching report as one self-contained HTML page: inline CSS, inline SVG charts
// (matches by buyer country, the introduction → order funnel, unmet demand by category) with
// the numbers in a table beside each chart; no script, no external asset.

internal import CommonAPI
internal import MatchingAPI

extension PartnerReportDocument {
  /// The page, in the report's language (`vi` unless the header says `en`).
  public var html: String {
    let vi = (header?.language ?? "vi") != "en"
    let w = PartnerReportFormat.Words(vi: vi)
    let orders = ordersAvailable
    func int(_ n: Int64) -> String { PartnerReportFormat.integer(n, vi: vi) }
    func pct(_ r: Double) -> String { PartnerReportFormat.percent(r, vi: vi) }
    func na(_ text: String) -> String { orders ? text : "<span class=\"na\">\(htmlEscape(w.notAvailable))</span>" }
    func note(_ text: String) -> String { text.isEmpty ? "" : "<p class=\"note\">\(htmlEscape(text))</p>" }
    func table(_ headings: [(String, Bool)], _ rows: [[String]]) -> String {
      var out = "<table><thead><tr>"
      for (heading, numeric) in headings { out += "<th\(numeric ? " class=\"num\"" : "")>\(htmlEscape(heading))</th>" }
      out += "</tr></thead><tbody>"
      if rows.isEmpty {
        out += "<tr><td colspan=\"\(headings.count)\" class=\"empty\">\(htmlEscape(w.none))</td></tr>"
      }
      for row in rows {
        out += "<tr>"
        for (i, cell) in row.enumerated() { out += "<td\(headings[i].1 ? " class=\"num\"" : "")>\(cell)</td>" }
        out += "</tr>"
      }
      return out + "</tbody></table>"
    }

    let title = header?.title ?? w.pick("Báo cáo kết nối đối tác", "Partner-matching report")
    var body = "<header><h1>\(htmlEscape(title))</h1><p class=\"meta\">"
    if let period = header?.period, let start = period.start, let end = period.end {
      body += "\(htmlEscape(w.period)): <time>\(PartnerReportFormat.date(start))</time> – <time>\(PartnerReportFormat.date(end))</time>"
    }
    if let generated = header?.generatedAt {
      body += " · \(htmlEscape(w.generated)): <time>\(generated.rfc3339)</time>"
    }
    body += "</p></header>"

    // Summary: headline cards, then the full list of figures.
    if let (sectionTitle, sectionNote, s) = summary {
      let cards: [(String, String)] = [
        (int(s.matchesProposed), w.matchesProposed),
        (int(s.introductionsRequested), w.introductionsRequested),
        (int(s.introductionsAccepted), w.introductionsAccepted),
        (htmlEscape(PartnerReportFormat.duration(seconds: s.medianResponseSeconds, vi: vi)), w.medianResponse),
        (int(s.rfqsUnmet) + " / " + int(s.rfqsPosted), w.rfqsUnmet),
      ]
      body += "<section id=\"summary\"><h2>\(htmlEscape(sectionTitle))</h2><div class=\"cards\">"
      for (value, label) in cards {
        body += "<div class=\"card\"><span class=\"figure\">\(value)</span><span class=\"label\">\(htmlEscape(label))</span></div>"
      }
      body += "</div>"
      body += table(
        [(w.pick("Chỉ số", "Figure"), false), (w.pick("Giá trị", "Value"), true)],
        [
          [w.matchesProposed, int(s.matchesProposed)],
          [w.introductionsRequested, int(s.introductionsRequested)],
          [w.introductionsAccepted, int(s.introductionsAccepted)],
          [w.introductionsDeclined, int(s.introductionsDeclined)],
          [w.introductionsExpired, int(s.introductionsExpired)],
          [w.medianResponse, htmlEscape(PartnerReportFormat.duration(seconds: s.medianResponseSeconds, vi: vi))],
          [w.replyWithin24h, pct(s.replyWithin24hRate)],
          [w.acceptanceRate, pct(s.acceptanceRate)],
          [w.orders, na(int(s.orders))],
          [w.conversion, na(pct(s.conversionToOrders))],
          [w.newPartnerShare, na(pct(s.newPartnerOrderShare))],
          [w.rfqsPosted, int(s.rfqsPosted)],
          [w.rfqsUnmet, int(s.rfqsUnmet)],
        ].map { [htmlEscape($0[0]), $0[1]] })
      body += note(sectionNote) + "</section>"
    }

    // Matches by buyer country: bars and the table.
    if let (sectionTitle, sectionNote, t) = countries {
      let chart = SVGChart.bars(
        title: w.chartCountries,
        items: t.rows.map { ($0.countryName, $0.matchesProposed, int($0.matchesProposed)) }, empty: w.none)
      let rows = t.rows.map { row in
        [
          htmlEscape("\(row.countryName) (\(row.countryCode))"), int(row.buyers), int(row.matchesProposed),
          int(row.introductionsRequested), int(row.introductionsAccepted), na(int(row.orders)),
        ]
      }
      body += "<section id=\"countries\"><h2>\(htmlEscape(sectionTitle))</h2><div class=\"pair\"><figure>\(chart)</figure>"
      body += table(
        [(w.country, false), (w.buyers, true), (w.matches, true), (w.requested, true), (w.accepted, true), (w.orders, true)],
        rows)
      body += "</div>" + note(sectionNote) + "</section>"
    }

    // The funnel: the stages the server sent, then the order stage as "not available yet".
    if let (sectionTitle, sectionNote, f) = funnel {
      let knowsOrders = f.steps.contains { $0.stage == .orders }
      let chart = SVGChart.funnel(
        title: w.chartFunnel, stages: f.steps.map { ($0.label, $0.count, int($0.count)) },
        pending: knowsOrders ? [] : ["\(w.orders): \(w.notAvailable)"])
      var rows = f.steps.map { step in
        [htmlEscape(step.label), int(step.count), pct(step.rateFromPrevious)]
      }
      if !knowsOrders {
        rows.append([htmlEscape(w.orders), "<span class=\"na\">\(htmlEscape(w.notAvailable))</span>", "—"])
      }
      body += "<section id=\"funnel\"><h2>\(htmlEscape(sectionTitle))</h2><div class=\"pair\"><figure>\(chart)</figure>"
      body += table([(w.stage, false), (w.count, true), (w.rateFromPrevious, true)], rows)
      body += "</div>" + note(sectionNote) + "</section>"
    }

    // Unmet demand: bars by category (RFQs summed over HS codes and blockers), the full table.
    if let (sectionTitle, sectionNote, t) = unmetDemand {
      var byCategory: [(category: CraftCategory, rfqs: Int64)] = []
      for row in t.rows {
        if let i = byCategory.firstIndex(where: { $0.category == row.category }) {
          byCategory[i].rfqs += row.rfqs
        } else {
          byCategory.append((row.category, row.rfqs))
        }
      }
      byCategory.sort { a, b in
        a.rfqs != b.rfqs ? a.rfqs > b.rfqs : a.category.rawValue < b.category.rawValue
      }
      var bars: [(label: String, value: Int64, text: String)] = []
      for entry in byCategory {
        bars.append((PartnerReportFormat.category(entry.category, vi: vi), entry.rfqs, int(entry.rfqs)))
      }
      let chart = SVGChart.bars(title: w.chartUnmet, items: bars, empty: w.none)
      let rows = t.rows.map { row in
        [
          htmlEscape(row.label), int(row.rfqs), int(row.quantity), htmlEscape(row.unit.shortName),
          htmlEscape(row.countryCodes.joined(separator: ", ")),
        ]
      }
      body += "<section id=\"unmet-demand\"><h2>\(htmlEscape(sectionTitle))</h2><div class=\"pair\"><figure>\(chart)</figure>"
      body += table(
        [(w.demand, false), (w.rfqs, true), (w.quantity, true), (w.unit, false), (w.countries, false)], rows)
      body += "</div>" + note(sectionNote) + "</section>"
    }

    if let (sectionTitle, sectionNote, t) = demand {
      let rows = t.rows.map { row in
        [
          htmlEscape(row.label), int(row.rfqs), int(row.buyersSeeking), int(row.quantity),
          htmlEscape(row.unit.shortName), int(row.matchesProposed),
        ]
      }
      body += "<section id=\"demand\"><h2>\(htmlEscape(sectionTitle))</h2>"
      body += table(
        [(w.demand, false), (w.rfqs, true), (w.buyersSeeking, true), (w.quantity, true), (w.unit, false), (w.matches, true)],
        rows)
      body += note(sectionNote) + "</section>"
    }

    if let (sectionTitle, sectionNote, t) = capacityGaps {
      let rows = t.rows.map { row in
        let place = [row.villageName, row.district].filter { !$0.isEmpty }.joined(separator: ", ")
        return [
          htmlEscape(row.label), htmlEscape(place.isEmpty ? "—" : place), int(row.demandedQuantity),
          int(row.availableCapacity), int(row.gapQuantity), htmlEscape(row.unit.shortName), int(row.rfqsAffected),
        ]
      }
      body += "<section id=\"capacity-gaps\"><h2>\(htmlEscape(sectionTitle))</h2>"
      body += table(
        [
          (w.category, false), (w.village, false), (w.demanded, true), (w.available, true), (w.gap, true),
          (w.unit, false), (w.rfqsAffected, true),
        ], rows)
      body += note(sectionNote) + "</section>"
    }

    body += "<footer>\(htmlEscape(w.footer))</footer>"
    return """
      <!DOCTYPE html>
      <html lang="\(vi ? "vi" : "en")">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(htmlEscape(title))</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      \(body)
      </body>
      </html>

      """
  }

  static let css = """
    body{margin:0 auto;max-width:1180px;padding:24px 28px 48px;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1f2a25;background:#fbfaf7}
    h1{font-size:1.75rem;margin:0 0 4px;color:#1d4a3e}
    h2{font-size:1.25rem;margin:0 0 12px;color:#1d4a3e;border-bottom:2px solid #dfe7e2;padding-bottom:4px}
    .meta{color:#5b6660;margin:0 0 24px}
    section{background:#fff;border:1px solid #e4e8e5;border-radius:8px;padding:18px 20px;margin:0 0 20px}
    .cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}
    .card{flex:1 1 160px;background:#f1f6f3;border-radius:6px;padding:10px 12px}
    .figure{display:block;font-size:1.6rem;font-weight:600;color:#1d4a3e;font-variant-numeric:tabular-nums}
    .label{display:block;color:#4a5650;font-size:.9rem}
    .pair{display:grid;grid-template-columns:minmax(0,580px) minmax(0,1fr);gap:20px;align-items:start}
    @media (max-width:900px){.pair{grid-template-columns:1fr}}
    figure{margin:0;overflow-x:auto}
    svg{max-width:100%;height:auto;font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1f2a25}
    svg .value{font-weight:600}
    table{border-collapse:collapse;width:100%;font-size:.95rem}
    th,td{padding:6px 8px;border-bottom:1px solid #e8ece9;text-align:left;vertical-align:top}
    th{background:#f4f7f5;font-weight:600}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .na{color:#8a5a00;font-style:italic}
    .empty{color:#6b756f;font-style:italic}
    .note{margin:12px 0 0;padding:8px 12px;background:#fff8e6;border-left:4px solid #e0a526;color:#5a4300;font-size:.92rem}
    footer{color:#6b756f;font-size:.85rem;text-align:center}
    @media print{body{background:#fff}section{break-inside:avoid;border:none}}
    """
}

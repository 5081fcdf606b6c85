// Inline SVG charts for the HTML report: plain shapes and text, no script, no external font or
// stylesheet, so the page reads the same offline, printed or attached to an e-mail.

/// Escapes text for HTML and SVG content and attribute values.
public func htmlEscape(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count)
  for c in text.unicodeScalars {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.unicodeScalars.append(c)
    }
  }
  return out
}

/// The charts of the report.
enum SVGChart {
  static let barColor = "#2f6f5e"
  static let mutedColor = "#9aa5a0"

  /// Horizontal bars, one per item, longest for the largest value, the value written after
  /// each bar. `title` becomes the SVG's accessible name.
  static func bars(title: String, items: [(label: String, value: Int64, text: String)], empty: String)
    -> String
  {
    let width = 560, labelWidth = 180, barArea = 300, rowHeight = 30, top = 10
    let height = max(60, top * 2 + items.count * rowHeight)
    var svg = open(title: title, width: width, height: height)
    if items.isEmpty {
      svg += "<text x=\"\(width / 2)\" y=\"35\" text-anchor=\"middle\" fill=\"\(mutedColor)\">\(htmlEscape(empty))</text>"
    }
    let maximum = max(1, items.map(\.value).max() ?? 1)
    for (i, item) in items.enumerated() {
      let y = top + i * rowHeight
      let length = item.value > 0 ? max(2, Int(Double(barArea) * Double(item.value) / Double(maximum))) : 0
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\">\(htmlEscape(item.label))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 10)\" rx=\"3\" fill=\"\(barColor)\"/>"
      svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 19)\" class=\"value\">\(htmlEscape(item.text))</text>"
    }
    return svg + "</svg>"
  }

  /// A funnel: centred bars narrowing with the counts, then `pending` stages drawn as dashed
  /// outlines labelled with why they have no figure (orders, until the orders feed exists).
  static func funnel(
    title: String, stages: [(label: String, count: Int64, text: String)], pending: [String]
  ) -> String {
    let width = 560, rowHeight = 46, top = 8, maxBar = 520
    let height = top * 2 + (stages.count + pending.count) * rowHeight
    var svg = open(title: title, width: width, height: height)
    let maximum = max(1, stages.map(\.count).max() ?? 1)
    for (i, stage) in stages.enumerated() {
      let y = top + i * rowHeight
      let length = max(4, Int(Double(maxBar) * Double(stage.count) / Double(maximum)))
      let x = (width - length) / 2
      // A pale band the width of the chart behind each bar keeps the dark label readable
      // however narrow the bar gets.
      svg += "<rect x=\"\((width - maxBar) / 2)\" y=\"\(y)\" width=\"\(maxBar)\" height=\"\(rowHeight - 8)\" rx=\"4\" fill=\"#eef3f0\"/>"
      svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" rx=\"4\" fill=\"\(funnelColors[min(i, funnelColors.count - 1)])\"/>"
      svg += "<text x=\"\(width / 2)\" y=\"\(y + 24)\" text-anchor=\"middle\" class=\"value\">\(htmlEscape(stage.label)): \(htmlEscape(stage.text))</text>"
    }
    for (j, label) in pending.enumerated() {
      let y = top + (stages.count + j) * rowHeight
      let x = (width - maxBar) / 2
      svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(maxBar)\" height=\"\(rowHeight - 8)\" rx=\"4\" fill=\"none\" stroke=\"\(mutedColor)\" stroke-dasharray=\"6 4\"/>"
      svg += "<text x=\"\(width / 2)\" y=\"\(y + 24)\" text-anchor=\"middle\" fill=\"#5b6660\">\(htmlEscape(label))</text>"
    }
    return svg + "</svg>"
  }

  /// Light greens, darker for earlier stages, all light enough for dark text on top.
  static let funnelColors = ["#8fc4b1", "#a6d1c1", "#bcdccf", "#cfe6dc"]

  private static func open(title: String, width: Int, height: Int) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(htmlEscape(title))\"><title>\(htmlEscape(title))</title>"
  }
}

// Aligned text tables for people, measured in terminal columns rather than bytes or scalars.

/// How many terminal columns `text` takes: one per grapheme cluster (so "ở", written as one
/// precomposed scalar or as "o" plus two combining marks, is one column), two for East Asian
/// wide characters and emoji, none for control characters.
public func displayWidth(_ text: some StringProtocol) -> Int {
  text.reduce(0) { $0 + displayWidth(of: $1) }
}

/// The columns one character takes; see ``displayWidth(_:)``.
public func displayWidth(of character: Character) -> Int {
  guard let scalar = character.unicodeScalars.first else { return 0 }
  switch scalar.value {
  case 0..<0x20, 0x7F..<0xA0: return 0
  case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
    return 2
  default: return 1
  }
}

/// `text` cut to at most `width` columns, ending in "…" when something was cut.
public func truncate(_ text: String, toWidth width: Int) -> String {
  guard displayWidth(text) > width else { return text }
  guard width > 0 else { return "" }
  var out = ""
  var used = 0
  for character in text {
    let w = displayWidth(of: character)
    if used + w > width - 1 { break }
    out.append(character)
    used += w
  }
  return out + "…"
}

/// A table of text cells rendered with aligned columns, in the style of `kubectl get`:
/// an upper-case header, two spaces between columns, no borders, no trailing spaces.
public struct Table: Sendable {
  /// One column: its header, alignment and widest allowed cell.
  public struct Column: Sendable {
    /// Which side of its column a cell keeps to.
    public enum Alignment: Sendable { case left, right }

    /// The header text.
    public var title: String
    /// Numbers read best right-aligned; text left.
    public var alignment: Alignment
    /// Cells wider than this are cut with "…"; `nil` for no limit.
    public var maxWidth: Int?

    /// A column from its parts.
    public init(_ title: String, alignment: Alignment = .left, maxWidth: Int? = nil) {
      self.title = title
      self.alignment = alignment
      self.maxWidth = maxWidth
    }
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// The cells, one array per row; missing cells are empty, extra ones ignored.
  public var rows: [[String]] = []

  /// An empty table with `columns`.
  public init(columns: [Column]) { self.columns = columns }

  /// Appends a row.
  public mutating func append(_ row: [String]) { rows.append(row) }

  /// The table as lines joined by "\n", with a final "\n".
  public func render() -> String {
    let cells: [[String]] = rows.map { row in
      columns.indices.map { index in
        var cell = index < row.count ? row[index] : ""
        // One row per line, whatever the data holds.
        cell = String(cell.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if let limit = columns[index].maxWidth { cell = truncate(cell, toWidth: limit) }
        return cell
      }
    }
    let header = columns.map { $0.title.uppercased() }
    var widths = header.map { displayWidth($0) }
    for row in cells {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    func line(_ row: [String]) -> String {
      var out = ""
      for (index, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - displayWidth(cell))
        if index > 0 { out += "  " }
        out += columns[index].alignment == .left ? cell + padding : padding + cell
      }
      while out.last == " " { out.removeLast() }
      return out
    }
    return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
  }
}

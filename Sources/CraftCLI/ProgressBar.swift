// A one-line progress bar for a terminal's standard error.

/// Renders "[#########-----------]  45% 450/1000 rows" for `done` of `total`.
///
/// Pure, so it is tested without a terminal; the caller writes it after a carriage return
/// and only when standard error is a terminal (a log file should not fill with bars).
public struct ProgressBar: Sendable {
  /// The number of cells between the brackets.
  public var width: Int
  /// The word after the counts, e.g. "rows".
  public var unit: String

  /// A bar of `width` cells counting `unit`.
  public init(width: Int = 30, unit: String = "rows") {
    self.width = width
    self.unit = unit
  }

  /// The bar for `done` of `total` (clamped to 0...total).
  public func render(done: Int, total: Int) -> String {
    let done = min(max(done, 0), max(total, 0))
    let fraction = total > 0 ? Double(done) / Double(total) : 1
    let filled = Int((fraction * Double(width)).rounded(.down))
    let percent = String(Int((fraction * 100).rounded(.down)))
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      + "] " + String(repeating: " ", count: 3 - percent.count) + percent + "% \(done)/\(total) \(unit)"
  }
}

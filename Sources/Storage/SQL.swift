/// A piece of SQL text written by the program.
///
/// `SQL` is expressible by a string *literal* but deliberately not by string *interpolation*:
/// `"SELECT … WHERE id = \(userInput)"` does not compile. Values always travel as bound
/// parameters (`?`, `?NNN`, `:name`), so user input can never change the shape of a statement.
/// Fragments may be combined with `+` and ``init(joining:separator:)`` when a query has optional
/// clauses; every fragment is still program text. The text is also the key of each connection's
/// prepared-statement cache, so a bounded set of SQL texts means a bounded cache.
public struct SQL: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// The statement text handed to `sqlite3_prepare_v3`.
  public let text: String

  /// Creates SQL from a literal in the source code.
  public init(stringLiteral value: String) {
    self.text = value
  }

  /// Creates SQL from text the program computed from trusted parts only (for example a pragma
  /// with an integer the code chose). Never pass anything derived from a request here: bind it.
  public init(unchecked text: String) {
    self.text = text
  }

  /// Joins fragments, e.g. optional `WHERE` conditions chosen by which filters are present.
  public init(joining fragments: [SQL], separator: SQL = " ") {
    self.text = fragments.map(\.text).joined(separator: separator.text)
  }

  /// `?, ?, ?` with `count` placeholders, for `IN (…)` lists whose length varies.
  public static func placeholders(_ count: Int) -> SQL {
    precondition(count >= 0, "a negative number of placeholders")
    return SQL(unchecked: Array(repeating: "?", count: count).joined(separator: ", "))
  }

  /// Concatenates two fragments verbatim; add the spaces you need.
  public static func + (lhs: SQL, rhs: SQL) -> SQL {
    SQL(unchecked: lhs.text + rhs.text)
  }

  /// The SQL text.
  public var description: String { text }
}

/// One SQLite value, for the places where the set of arguments is only known at run time
/// (a search with optional filters binds `[SQLValue]`).
public enum SQLValue: Sendable, Hashable {
  /// SQL `NULL`.
  case null
  /// A 64-bit signed integer.
  case integer(Int64)
  /// An IEEE 754 double.
  case real(Double)
  /// UTF-8 text.
  case text(String)
  /// Raw bytes.
  case blob([UInt8])
}

/// A Swift value that can be bound to a statement parameter.
///
/// Conform your own types (e.g. a status enum stored by its raw value) by returning the
/// ``SQLValue`` they are stored as.
public protocol SQLBindable {
  /// The value SQLite stores.
  var sqlValue: SQLValue { get }
}

/// A Swift value that can be read from a result column.
///
/// Non-optional conformers follow SQLite's own conversions (a `NULL` reads as `0`, `0.0`, `""`
/// or `[]`); read a nullable column as an `Optional` to tell `NULL` apart.
public protocol SQLColumnDecodable {
  /// Reads column `index` (0-based) of the current row.
  static func decode(from row: Row, at index: Int) -> Self
}

extension SQLValue: SQLBindable, SQLColumnDecodable {
  public var sqlValue: SQLValue { self }
  public static func decode(from row: Row, at index: Int) -> SQLValue { row.value(index) }
}

extension Int64: SQLBindable, SQLColumnDecodable {
  public var sqlValue: SQLValue { .integer(self) }
  public static func decode(from row: Row, at index: Int) -> Int64 { row.int64(index) }
}

extension Int: SQLBindable, SQLColumnDecodable {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
  public static func decode(from row: Row, at index: Int) -> Int { row.int(index) }
}

extension Int32: SQLBindable, SQLColumnDecodable {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
  public static func decode(from row: Row, at index: Int) -> Int32 {
    Int32(truncatingIfNeeded: row.int64(index))
  }
}

extension Double: SQLBindable, SQLColumnDecodable {
  public var sqlValue: SQLValue { .real(self) }
  public static func decode(from row: Row, at index: Int) -> Double { row.double(index) }
}

extension Bool: SQLBindable, SQLColumnDecodable {
  /// Stored as the integers 0 and 1, as SQLite's `TRUE`/`FALSE` are.
  public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
  public static func decode(from row: Row, at index: Int) -> Bool { row.bool(index) }
}

extension String: SQLBindable, SQLColumnDecodable {
  public var sqlValue: SQLValue { .text(self) }
  public static func decode(from row: Row, at index: Int) -> String { row.string(index) }
}

extension Array: SQLBindable, SQLColumnDecodable where Element == UInt8 {
  public var sqlValue: SQLValue { .blob(self) }
  public static func decode(from row: Row, at index: Int) -> [UInt8] { row.blob(index) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
  public var sqlValue: SQLValue {
    switch self {
    case .none: .null
    case .some(let wrapped): wrapped.sqlValue
    }
  }
}

extension Optional: SQLColumnDecodable where Wrapped: SQLColumnDecodable {
  public static func decode(from row: Row, at index: Int) -> Wrapped? {
    row.isNull(index) ? nil : Wrapped.decode(from: row, at: index)
  }
}

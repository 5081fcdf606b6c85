internal import CSQLite3

/// The current row of a stepping ``Statement``: typed column reads straight from SQLite's
/// buffers, without an intermediate dictionary or `Any`.
///
/// A `Row` is a view, valid only until its statement steps again or is reset; copy out the
/// values you need inside the closure that received it. Column indexes are 0-based (SQLite's
/// column numbering; parameter indexes, by contrast, start at 1).
public struct Row {
  let handle: OpaquePointer

  init(handle: OpaquePointer) {
    self.handle = handle
  }

  /// The number of result columns.
  public var count: Int { Int(sqlite3_column_count(handle)) }

  /// The name the query gave column `index` (its `AS` alias, or the column name).
  public func columnName(_ index: Int) -> String {
    guard let name = sqlite3_column_name(handle, Int32(index)) else { return "" }
    return String(cString: name)
  }

  /// The index of the column called `name`, or `nil`. A linear scan: look it up once per query,
  /// not once per row.
  public func columnIndex(named name: String) -> Int? {
    for index in 0..<count where columnName(index) == name { return index }
    return nil
  }

  /// Whether column `index` holds `NULL`.
  public func isNull(_ index: Int) -> Bool {
    sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
  }

  /// The column as a 64-bit integer (`NULL` reads as 0; text is converted as SQLite does).
  public func int64(_ index: Int) -> Int64 {
    sqlite3_column_int64(handle, Int32(index))
  }

  /// The column as an `Int` (`NULL` reads as 0).
  public func int(_ index: Int) -> Int {
    Int(truncatingIfNeeded: sqlite3_column_int64(handle, Int32(index)))
  }

  /// The column as a `Double` (`NULL` reads as 0.0).
  public func double(_ index: Int) -> Double {
    sqlite3_column_double(handle, Int32(index))
  }

  /// Non-zero integers are `true`.
  public func bool(_ index: Int) -> Bool {
    sqlite3_column_int64(handle, Int32(index)) != 0
  }

  /// The column as UTF-8 text (ill-formed bytes are repaired with U+FFFD; embedded NULs kept).
  public func string(_ index: Int) -> String {
    let column = Int32(index)
    // Order matters: ask for the text first, then its length in that encoding.
    guard let text = sqlite3_column_text(handle, column) else { return "" }
    let length = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
  }

  /// The column's bytes (text columns give their UTF-8).
  public func blob(_ index: Int) -> [UInt8] {
    let column = Int32(index)
    guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
    let length = Int(sqlite3_column_bytes(handle, column))
    return Array(UnsafeRawBufferPointer(start: bytes, count: length))
  }

  /// The column with its storage class, for generic code and debugging.
  public func value(_ index: Int) -> SQLValue {
    switch sqlite3_column_type(handle, Int32(index)) {
    case SQLITE_INTEGER: .integer(int64(index))
    case SQLITE_FLOAT: .real(double(index))
    case SQLITE_TEXT: .text(string(index))
    case SQLITE_BLOB: .blob(blob(index))
    default: .null
    }
  }

  /// Typed read chosen by the result type: `let title: String = row[1]`,
  /// `let note: String? = row[2]`.
  public subscript<T: SQLColumnDecodable>(_ index: Int) -> T {
    T.decode(from: self, at: index)
  }
}

/// A row points into a statement that belongs to one connection's thread.
@available(*, unavailable)
extension Row: Sendable {}

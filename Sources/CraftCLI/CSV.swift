// RFC 4180 CSV, read record by record so one malformed row does not lose the rest of the file.

/// One record of a CSV file and the line it starts on.
public struct CSVRecord: Hashable, Sendable {
  /// The 1-based line of the file where the record starts (the header is line 1). A record
  /// with a quoted line break spans several lines; errors name its first.
  public var line: Int
  /// The fields, unquoted (`""` inside quotes becomes `"`).
  public var fields: [String]

  /// A record from its parts.
  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}

/// Why a record could not be read; the parser skips to the next line and carries on.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The line where the malformed record starts.
  public var line: Int
  /// What is wrong, for a person fixing the file.
  public var reason: String

  /// An error from its parts.
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  public var description: String { "line \(line): \(reason)" }
}

/// A strict RFC 4180 reader: comma separators, fields optionally in double quotes, `""` for a
/// quote inside quotes, quoted fields may hold commas and line breaks; CRLF or LF line ends.
///
/// Strict because a lenient reader silently shifts columns: a quote inside an unquoted field,
/// text after a closing quote, or a quote never closed is reported for that record, not
/// guessed at. A leading UTF-8 byte order mark and blank lines are ignored.
public enum CSV {
  /// Every record of `text`, in order, each read or rejected on its own.
  ///
  /// Reads UTF-8 bytes: every character with a meaning here is ASCII, so a field is a run of
  /// whole characters between them (and a scalar-by-scalar copy was most of an import's parsing).
  public static func parse(_ text: String) -> [Result<CSVRecord, CSVError>] {
    let s = Array(text.utf8)
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    var i = s.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // the byte order mark U+FEFF
    var line = 1
    var out: [Result<CSVRecord, CSVError>] = []
    var field: [UInt8] = []

    func isEOL(_ c: UInt8) -> Bool { c == lf || c == cr }
    /// Consumes one line end (CRLF, LF or a lone CR) at `i`.
    func consumeEOL() {
      if s[i] == cr, i + 1 < s.count, s[i + 1] == lf { i += 1 }
      i += 1
      line += 1
    }
    func skipRestOfLine() {
      while i < s.count, !isEOL(s[i]) { i += 1 }
      if i < s.count { consumeEOL() }
    }

    while i < s.count {
      let start = line
      var fields: [String] = []
      var error: String? = nil
      record: while true {
        field.removeAll(keepingCapacity: true)
        if i < s.count, s[i] == quote {
          i += 1
          var closed = false
          while i < s.count {
            let c = s[i]
            if c == quote {
              if i + 1 < s.count, s[i + 1] == quote {
                field.append(quote)
                i += 2
                continue
              }
              i += 1
              closed = true
              break
            }
            if c == lf || (c == cr && (i + 1 == s.count || s[i + 1] != lf)) { line += 1 }
            field.append(c)
            i += 1
          }
          guard closed else {
            error = "a quoted field is never closed (a stray \" swallows the rest of the file)"
            break record
          }
          if i < s.count, s[i] != comma, !isEOL(s[i]) {
            error = "text after the closing quote of field \(fields.count + 1)"
            skipRestOfLine()
            break record
          }
        } else {
          while i < s.count, s[i] != comma, !isEOL(s[i]) {
            if s[i] == quote {
              error =
                "a quote inside unquoted field \(fields.count + 1) (quote the whole field and double the quote: \"\"\"\")"
              skipRestOfLine()
              break record
            }
            field.append(s[i])
            i += 1
          }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        if i == s.count { break }
        if s[i] == comma {
          i += 1
          continue
        }
        consumeEOL()
        break
      }
      if let error {
        out.append(.failure(CSVError(line: start, reason: error)))
      } else if fields != [""] {
        out.append(.success(CSVRecord(line: start, fields: fields)))
      }
    }
    return out
  }

  /// One field quoted for CSV output when it needs it.
  public static func quote(_ field: String) -> String {
    guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else { return field }
    var quoted = "\""
    for c in field.unicodeScalars {
      if c == "\"" { quoted.unicodeScalars.append("\"") }
      quoted.unicodeScalars.append(c)
    }
    return quoted + "\""
  }
}

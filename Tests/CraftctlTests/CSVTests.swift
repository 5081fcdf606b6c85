import CraftCLI
import Testing

@Suite("CSV (RFC 4180)")
struct CSVTests {
  private func records(_ text: String) -> [CSVRecord] {
    CSV.parse(text).compactMap { try? $0.get() }
  }

  @Test("plain fields, CRLF or LF line ends, no final newline")
  func plain() {
    #expect(records("a,b,c\r\n1,2,3\n4,5,6") == [
      CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"]),
      CSVRecord(line: 3, fields: ["4", "5", "6"]),
    ])
  }

  @Test("quoted fields keep commas, doubled quotes and line breaks; rows are numbered by their first line")
  func quoted() {
    let text = "sku,title\n\"A-1\",\"Giỏ mây, có nắp\"\nB-2,\"Khay \"\"tre\"\"\r\nhai dòng\"\nC-3,x\n"
    #expect(records(text) == [
      CSVRecord(line: 1, fields: ["sku", "title"]),
      CSVRecord(line: 2, fields: ["A-1", "Giỏ mây, có nắp"]),
      CSVRecord(line: 3, fields: ["B-2", "Khay \"tre\"\r\nhai dòng"]),
      CSVRecord(line: 5, fields: ["C-3", "x"]),
    ])
  }

  @Test("empty fields, a trailing comma, a byte order mark and blank lines")
  func edges() {
    #expect(records("\u{FEFF}a,,b,\n\n,\n\"\"\n") == [
      CSVRecord(line: 1, fields: ["a", "", "b", ""]), CSVRecord(line: 3, fields: ["", ""]),
    ])
    #expect(records("a,") == [CSVRecord(line: 1, fields: ["a", ""])])
  }

  @Test("a quote inside an unquoted field rejects that row only, with its line")
  func strayQuote() {
    let results = CSV.parse("a,b\nx,Giỏ \"lỗi\"\ny,z\n")
    #expect(results.count == 3)
    guard case .failure(let error) = results[1] else {
      Issue.record("row 2 should fail")
      return
    }
    #expect(error.line == 2)
    #expect(error.reason.contains("quote inside unquoted field 2"))
    #expect((try? results[2].get()) == CSVRecord(line: 3, fields: ["y", "z"]))
  }

  @Test("text after a closing quote rejects the row; the next row still reads")
  func textAfterQuote() {
    let results = CSV.parse("\"ab\"c,d\nok,1\n")
    guard case .failure(let error) = results[0] else {
      Issue.record("row 1 should fail")
      return
    }
    #expect(error == CSVError(line: 1, reason: "text after the closing quote of field 1"))
    #expect((try? results[1].get()) == CSVRecord(line: 2, fields: ["ok", "1"]))
  }

  @Test("a quote never closed is reported at the line it opens on")
  func unterminated() {
    let results = CSV.parse("a,b\n1,\"open\n2,3\n")
    #expect(results.count == 2)
    guard case .failure(let error) = results[1] else {
      Issue.record("row 2 should fail")
      return
    }
    #expect(error.line == 2)
    #expect(error.reason.contains("never closed"))
  }

  @Test("quote() writes what parse() reads back")
  func roundTrip() {
    let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "Hải Phòng", ""]
    let line = fields.map(CSV.quote).joined(separator: ",")
    #expect(records(line) == [CSVRecord(line: 1, fields: fields)])
    #expect(CSV.quote("plain") == "plain")
  }
}

// Reading an import CSV into listing rows, each either ready to send or rejected locally.

public import CatalogueAPI
import Foundation

/// One data row of an import file after local checks.
public struct ImportRow: Sendable {
  /// The line the row starts on (the header is line 1); sent as the row number.
  public var line: Int
  /// The listing to send, or why the row was rejected before sending.
  public var result: Result<Listing, InputError>
}

/// The import file as a whole could not be used (no header, unknown column, …).
public struct ImportFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong with the file.
  public var message: String
  public var description: String { message }
}

/// Reads the CSV format documented on ``ListingColumns``.
public enum ListingImport {
  /// The rows of `text`. Throws when the header cannot be used; a bad data row is returned
  /// as a failed row so the rest of the file still imports.
  public static func rows(fromCSV text: String) throws(ImportFileError) -> [ImportRow] {
    var records = CSV.parse(text)[...]
    guard let first = records.popFirst() else {
      throw ImportFileError(message: "the file is empty; the first line must name the columns")
    }
    let header: [String]
    switch first {
    case .failure(let error): throw ImportFileError(message: "header, \(error)")
    case .success(let record):
      header = record.fields.map { $0.trimmed().lowercased() }
    }
    var seen = Set<String>()
    for column in header {
      guard ListingColumns.all.contains(column) else {
        throw ImportFileError(
          message:
            "header: unknown column \"\(column)\"; known: \(ListingColumns.all.joined(separator: ", "))")
      }
      guard seen.insert(column).inserted else {
        throw ImportFileError(message: "header: column \"\(column)\" appears twice")
      }
    }
    guard seen.contains("sku") else {
      throw ImportFileError(message: "header: the sku column is required")
    }
    return records.map { record in
      switch record {
      case .failure(let error):
        return ImportRow(line: error.line, result: .failure(InputError(error.reason)))
      case .success(let record):
        guard record.fields.count == header.count else {
          return ImportRow(
            line: record.line,
            result: .failure(
              InputError(
                "the row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header \(header.count)"
              )))
        }
        var listing = Listing()
        do throws(InputError) {
          try ListingColumns.apply(
            Array(zip(header, record.fields)).map { (column: $0.0, value: $0.1) }, to: &listing)
        } catch {
          return ImportRow(line: record.line, result: .failure(error))
        }
        if listing.sku.isEmpty {
          return ImportRow(line: record.line, result: .failure(InputError("sku: empty", field: "sku")))
        }
        return ImportRow(line: record.line, result: .success(listing))
      }
    }
  }
}

import ArgumentParser
import CatalogueAPI
import CraftCLI
import RPCCore
import Foundation

extension Products {
  /// `craftctl products import FILE.csv`: one client-streaming BulkImport call.
  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import listings from a CSV file (needs a token).",
      discussion: """
        The first line names the columns (any order; sku required): \(ListingColumns.all.joined(separator: ", ")).
        Lists (materials, image_urls) are ';'-separated; price_tiers is "100:12.50;500:10.00" in the
        currency column (default USD). A row with the SKU of an existing listing of its producer
        updates that listing. Rows are numbered by the line they start on (the header is line 1);
        every rejected row is reported with its number and reason, the others are imported.
        Exit code 3 when any row was rejected.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file (UTF-8, RFC 4180).") var file: String
    @Option(help: "Producer id for rows whose producer_id is empty.") var producer: String?
    @Flag(help: "Check the file locally and send nothing.") var dryRun = false

    func run() async throws {
      try await global.run { catalogue in
        let text: String
        do {
          text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
          throw InputError("cannot read \(file) as UTF-8 text")
        }
        var local: [BulkImportResponse.RowResult] = []
        var send: [BulkImportRow] = []
        for row in try ListingImport.rows(fromCSV: text) {
          switch row.result {
          case .failure(let error):
            var result = BulkImportResponse.RowResult()
            result.rowNumber = Int64(row.line)
            result.field = error.field
            result.reason = error.message
            local.append(result)
          case .success(var listing):
            if listing.producerId.isEmpty, let producer { listing.producerId = producer }
            send.append(BulkImportRow(rowNumber: Int64(row.line), item: .listing(listing)))
          }
        }

        var response = BulkImportResponse()
        if dryRun {
          response.results = send.map { row in
            var result = BulkImportResponse.RowResult()
            result.rowNumber = row.rowNumber
            result.ok = true
            return result
          }
          response.accepted = Int64(send.count)
        } else if !send.isEmpty {
          response = try await upload(send, catalogue)
        }
        response.rejected += Int64(local.count)
        response.results = (response.results + local).sorted { $0.rowNumber < $1.rowNumber }
        report(response)
        if response.rejected > 0 { throw ExitCode(CraftctlExitCode.rowsRejected) }
      }
    }

    /// Streams the rows, drawing a progress bar on a terminal's standard error.
    private func upload(_ rows: [BulkImportRow], _ catalogue: Catalogue) async throws
      -> BulkImportResponse
    {
      let bar = ProgressBar(width: 30, unit: "rows")
      let draw = standardErrorIsTerminal
      func show(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
      let response = try await catalogue.client.bulkImport(
        metadata: catalogue.metadata, options: catalogue.options
      ) { writer in
        // In chunks: one hop to the connection per chunk, and the bar moves per chunk.
        for start in stride(from: 0, to: rows.count, by: 100) {
          let end = min(start + 100, rows.count)
          try await writer.write(contentsOf: rows[start..<end])
          if draw { show("\r" + bar.render(done: end, total: rows.count)) }
        }
        if draw { show("\r" + bar.render(done: rows.count, total: rows.count) + " — waiting for results") }
      }.message
      if draw { show("\r\u{1B}[2K") }
      return response
    }

    private func report(_ response: BulkImportResponse) {
      if global.json {
        let object: JSONValue = [
          "accepted": .int(response.accepted), "rejected": .int(response.rejected),
          "dry_run": .bool(dryRun), "results": .array(response.results.map(\.json)),
        ]
        print(object.serialized)
        return
      }
      let failed = response.results.filter { !$0.ok }
      if !failed.isEmpty {
        var table = Table(columns: [.init("row", alignment: .right), .init("field"), .init("reason")])
        for result in failed { table.append(["\(result.rowNumber)", result.field, result.reason]) }
        print(table.render(), terminator: "")
      }
      let created = response.results.filter { $0.ok && $0.created }.count
      let verb = dryRun ? "valid" : "imported"
      var summary = "\(response.accepted) row\(response.accepted == 1 ? "" : "s") \(verb)"
      if !dryRun { summary += " (\(created) created, \(Int(response.accepted) - created) updated)" }
      summary += ", \(response.rejected) rejected"
      print(summary)
    }
  }
}

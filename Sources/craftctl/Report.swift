import ArgumentParser
import CatalogueAPI
import CommonAPI
import CraftCLI
import Foundation
import MatchingAPI
import RPCCore
import RPCHTTP2

/// `craftctl report city|district NAME|village NAME|producer ID`.
struct Report: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Partner-matching reports as CSV, JSON or one self-contained HTML page.",
    discussion: """
      Needs an analyst or admin token (CRAFTCTL_TOKEN), or a producer's own token for
      `report producer ID`. Order figures are shown as not available until the orders service
      feeds matching.

        craftctl report city --from 2026-11-01 --to 2026-11-30 --html report.html
        craftctl report district "Thuong Tin" --format csv --out thuong-tin.csv
        craftctl report village "Ninh So" --format json --lang en
      """,
    subcommands: [City.self, District.self, Village.self, Producer.self])

  /// The output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, json, html
  }

  /// Flags every scope takes.
  struct Options: ParsableArguments {
    @Option(help: "First day, YYYY-MM-DD (default: 29 days before --to).") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (default: today in Hà Nội).") var to: String?
    @Option(help: "csv, json or html.") var format: Format = .html
    @Option(help: "Language of labels: vi or en.") var lang: String = "vi"
    @Option(help: "Write to FILE instead of standard output.") var out: String?
    @Option(name: .customLong("html"), help: "Shorthand for --format html --out FILE.") var htmlFile: String?
    @Option(help: "Rows per ranked table.") var top: Int = 10

    func validate() throws {
      guard ["vi", "en"].contains(lang.lowercased()) else { throw ValidationError("--lang must be vi or en") }
      guard (1...100).contains(top) else { throw ValidationError("--top must be 1 to 100") }
      if htmlFile != nil && out != nil { throw ValidationError("give --html FILE or --out FILE, not both") }
    }

    /// Streams the report for `scope`, renders it and writes it where the flags say.
    func run(_ global: GlobalOptions, scope: @escaping (Catalogue) async throws -> StreamPartnerReportRequest.Scope)
      async throws
    {
      try await global.runWithMatching { catalogue, matching in
        let today = ReportPeriod.today(unixSeconds: Int64(Date().timeIntervalSince1970))
        var request = StreamPartnerReportRequest()
        request.scope = try await scope(catalogue)
        request.period = try ReportPeriod.range(from: from, to: to, today: today)
        request.language = lang.lowercased()
        request.topN = Int32(top)
        let sections = try await matching.streamPartnerReport(
          request, metadata: catalogue.metadata, options: catalogue.options
        ) { stream in
          var sections: [ReportSection] = []
          for try await section in stream { sections.append(section) }
          return sections
        }
        let document = PartnerReportDocument(sections: sections)
        let format = htmlFile != nil ? .html : (global.json ? .json : format)
        let text =
          switch format {
          case .csv: document.csv
          case .json: document.json.serialized + "\n"
          case .html: document.html
          }
        if let path = htmlFile ?? out {
          do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
          } catch {
            throw InputError("cannot write \(path): \(error.localizedDescription)")
          }
          FileHandle.standardError.write(Data("wrote \(path) (\(format.rawValue), \(sections.count) sections)\n".utf8))
        } else {
          FileHandle.standardOutput.write(Data(text.utf8))
        }
      }
    }
  }

  struct City: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The whole city (analyst or admin).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: Options
    func run() async throws { try await options.run(global) { _ in .city(true) } }
  }

  struct District: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One district (analyst or admin).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: Options
    @Argument(help: "District name, tone marks optional, e.g. \"Thuong Tin\".") var name: String
    func run() async throws { try await options.run(global) { _ in .district(name) } }
  }

  struct Village: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One village (analyst or admin).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: Options
    @Argument(help: "Village id or name, e.g. \"Ninh So\".") var name: String
    func run() async throws {
      try await options.run(global) { catalogue in .villageId(try await catalogue.villageIDs([name])[0]) }
    }
  }

  struct Producer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One producer (the producer itself, an analyst or an admin).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: Options
    @Argument(help: "Producer id.") var id: String
    func run() async throws { try await options.run(global) { _ in .producerId(id) } }
  }
}

extension GlobalOptions {
  /// Like ``run(_:)``, with a matching client on the same connection as the catalogue one.
  func runWithMatching(_ body: (Catalogue, MatchingServiceClient) async throws -> Void) async throws {
    let (host, port) = try hostAndPort()
    let transport = HTTP2ClientTransport(host: host, port: port)
    let rpc = RPCClient(transport: transport)
    let catalogue = Catalogue(client: CatalogueServiceClient(rpc), metadata: metadata, options: callOptions)
    do {
      try await body(catalogue, MatchingServiceClient(rpc))
      await transport.close()
    } catch let error as RPCError {
      await transport.close()
      printError("\(error.code.name): \(error.message)")
      throw ExitCode(CraftctlExitCode.forStatus(error.code))
    } catch let error as InputError {
      await transport.close()
      printError(error.message)
      throw ExitCode(CraftctlExitCode.badInput)
    } catch {
      await transport.close()
      throw error
    }
  }
}

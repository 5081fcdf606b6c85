import ArgumentParser
import CommonAPI
import CraftCLI
import Foundation
import MatchingAPI
import RPCCore
import RPCHTTP2

/// The typed matching client with this invocation's metadata and call options.
struct MatchingCalls {
  let client: MatchingServiceClient
  let metadata: Metadata
  let options: CallOptions
}

extension GlobalOptions {
  /// Runs `body` with a matching client; failures become a message and an exit code, as in
  /// ``run(_:)``.
  func runMatching(_ body: (MatchingCalls) async throws -> Void) async throws {
    try await withClient { client in
      try await body(
        MatchingCalls(client: MatchingServiceClient(client), metadata: metadata, options: callOptions))
    }
  }
}

/// `--lang vi|en`.
func displayLanguage(_ text: String) throws -> DisplayLanguage {
  guard let language = DisplayLanguage(rawValue: text.lowercased()) else {
    throw InputError("--lang: vi or en (got \"\(text)\")", field: "lang")
  }
  return language
}

/// `craftctl match …`: explained matches in both directions.
struct MatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "Explained matches: producers for an RFQ or a buyer, buyers for a producer.",
    subcommands: [ForRfq.self, Buyers.self, Producers.self])

  /// Flags the three commands share.
  struct Display: ParsableArguments {
    @Option(help: "Language of names and reasons: vi or en.") var lang: String = "vi"
    @Option(help: "Reasons shown per match (the strongest).") var reasons: Int = 2
    @Option(help: "Matches per page.") var limit: Int32 = 10
    @Option(help: "Token of the next page, from a previous call.") var pageToken: String = ""
    @Flag(help: "Leave out pairs that already work together.") var excludeKnown = false
    @Option(help: "Drop matches scoring below this (0–1).") var minScore: Double = 0

    var options: MatchOptions {
      var options = MatchOptions()
      options.excludeExistingPartners = excludeKnown
      options.minScore = minScore
      return options
    }
  }

  struct ForRfq: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rfq", abstract: "Producers for an RFQ, ranked, with reasons (buyer or analyst token).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: Display
    @Argument(help: "RFQ id.") var id: String

    func run() async throws {
      try await global.runMatching { matching in
        var request = MatchProducersForRfqRequest()
        request.rfqId = id
        request.pageSize = display.limit
        request.pageToken = display.pageToken
        request.options = display.options
        let response = try await matching.client.matchProducersForRfq(
          request, metadata: matching.metadata, options: matching.options
        ).message
        if global.json {
          let object: JSONValue = [
            "matches": .array(response.matches.map(\.json)),
            "consortia": .array(response.consortia.map(\.json)),
            "excluded": .array(response.excluded.map(\.json)),
            "total_matches": .int(Int64(response.totalMatches)),
            "next_page_token": .string(response.nextPageToken),
          ]
          print(object.serialized)
          return
        }
        print(MatchTables.producerMatches(response.matches, language: try displayLanguage(display.lang), reasons: display.reasons).render(), terminator: "")
        print("\(response.totalMatches) producers pass the hard filters" + (response.excluded.isEmpty ? "" : "; excluded: " + MatchTables.excludedSummary(response.excluded)))
        if !response.consortia.isEmpty {
          print("\nno single producer can make it in time; village groups that can:")
          print(MatchTables.consortia(response.consortia, language: try displayLanguage(display.lang)).render(), terminator: "")
        }
        if !response.nextPageToken.isEmpty { print("next page: --page-token \(response.nextPageToken)") }
      }
    }
  }

  struct Buyers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Buyers and open RFQs for a producer: who to talk to next (producer or analyst token).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: Display
    @Option(help: "Producer id (a producer token may leave it out).") var producer: String = ""
    @Option(help: "Only for this listing of the producer.") var listing: String = ""
    @Flag(help: "Only open RFQs, not standing buyer profiles.") var rfqsOnly = false

    func run() async throws {
      try await global.runMatching { matching in
        var request = MatchBuyersForProducerRequest()
        request.producerId = producer
        request.listingId = listing
        request.rfqsOnly = rfqsOnly
        request.pageSize = display.limit
        request.pageToken = display.pageToken
        request.options = display.options
        let response = try await matching.client.matchBuyersForProducer(
          request, metadata: matching.metadata, options: matching.options
        ).message
        if global.json {
          let object: JSONValue = [
            "matches": .array(response.matches.map(\.json)),
            "total_matches": .int(Int64(response.totalMatches)),
            "next_page_token": .string(response.nextPageToken),
          ]
          print(object.serialized)
          return
        }
        print(MatchTables.buyerMatches(response.matches, language: try displayLanguage(display.lang), reasons: display.reasons).render(), terminator: "")
        print("\(response.totalMatches) buyers and RFQs fit")
        if !response.nextPageToken.isEmpty { print("next page: --page-token \(response.nextPageToken)") }
      }
    }
  }

  struct Producers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Producers for a buyer's standing profile (buyer or analyst token).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: Display
    @Option(help: "Buyer id (a buyer token may leave it out).") var buyer: String = ""
    @Option(help: "Extra words to match, e.g. \"seagrass basket\".") var query: String = ""

    func run() async throws {
      try await global.runMatching { matching in
        var request = MatchProducersForBuyerRequest()
        request.buyerId = buyer
        request.query = query
        request.pageSize = display.limit
        request.pageToken = display.pageToken
        request.options = display.options
        let response = try await matching.client.matchProducersForBuyer(
          request, metadata: matching.metadata, options: matching.options
        ).message
        if global.json {
          let object: JSONValue = [
            "matches": .array(response.matches.map(\.json)),
            "total_matches": .int(Int64(response.totalMatches)),
            "next_page_token": .string(response.nextPageToken),
          ]
          print(object.serialized)
          return
        }
        print(MatchTables.producerMatches(response.matches, language: try displayLanguage(display.lang), reasons: display.reasons).render(), terminator: "")
        print("\(response.totalMatches) producers pass the hard filters")
        if !response.nextPageToken.isEmpty { print("next page: --page-token \(response.nextPageToken)") }
      }
    }
  }
}

/// `craftctl rfq …`.
struct RfqCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rfq", abstract: "Sourcing requests (RFQs): list, show, post.",
    subcommands: [List.self, Get.self, Create.self])

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List RFQs, newest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this buyer's.") var buyer: String = ""
    @Option(help: "open, closed, expired or fulfilled.") var status: String?
    @Option(help: "Only this craft category, e.g. rattan-bamboo.") var category: String?
    @Option(help: "RFQs per page.") var limit: Int32 = 50
    @Option(help: "Token of the next page, from a previous list.") var pageToken: String = ""

    func run() async throws {
      try await global.runMatching { matching in
        var request = ListRfqsRequest()
        request.buyerId = buyer
        if let status { request.status = try RfqStatus.parse(status, flag: "--status") }
        if let category { request.category = try CraftCategory.parse(category, flag: "--category") }
        request.pageSize = limit
        request.pageToken = pageToken
        let response = try await matching.client.listRfqs(
          request, metadata: matching.metadata, options: matching.options
        ).message
        global.outputPage(
          "rfqs", response.rfqs.map(\.json), table: MatchTables.rfqs(response.rfqs),
          nextPageToken: response.nextPageToken)
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one RFQ.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "RFQ id.") var id: String

    func run() async throws {
      try await global.runMatching { matching in
        let rfq = try await matching.client.getRfq(
          GetRfqRequest(rfqId: id), metadata: matching.metadata, options: matching.options
        ).message
        global.output(rfq.json, table: MatchTables.rfqDetail(rfq))
      }
    }
  }

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Post an RFQ (buyer token; admins add --buyer).",
      discussion: """
        Example: craftctl rfq create --title "Seagrass storage baskets, set of 3" --category seagrass-sedge \\
          --quantity 1200 --price "8.50 USD" --deadline 2027-03-15 --incoterm fob --port "Hải Phòng"
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Buyer id (admins; a buyer token posts for itself).") var buyer: String = ""
    @Option(help: "Short title.") var title: String
    @Option(help: "What is needed, free text.") var description: String = ""
    @Option(help: "Craft category, e.g. rattan-bamboo.") var category: String?
    @Option(help: "HS code or prefix, e.g. 4602.12.") var hs: String = ""
    @Option(help: "Materials, ';'-separated.") var materials: String = ""
    @Option(help: "Total quantity.") var quantity: Int64
    @Option(help: "piece, set, pair, kilogram or metre.") var unit: String = "piece"
    @Option(help: "Target unit price, e.g. \"8.50 USD\".") var price: String?
    @Option(help: "Ready to ship by, YYYY-MM-DD.") var deadline: String?
    @Option(help: "Required certifications, ';'-separated, e.g. \"fsc-coc;amfori-bsci\".") var certifications: String = ""
    @Option(help: "Incoterm, e.g. fob.") var incoterm: String?
    @Option(help: "Named port or place.") var port: String = ""
    @Option(help: "Cap on producers proposed (default 10).") var maxProposals: Int32 = 0
    @Option(help: "Idempotency key: a retry with the same key returns the same RFQ.") var requestId: String = ""

    func run() async throws {
      try await global.runMatching { matching in
        var rfq = Rfq()
        rfq.buyerId = buyer
        rfq.title = title
        rfq.description = description
        if let category { rfq.category = try CraftCategory.parse(category, flag: "--category") }
        rfq.hsCode = hs
        rfq.materials = ValueText.list(materials)
        rfq.quantity = quantity
        rfq.quantityUnit = try QuantityUnit.parse(unit, flag: "--unit")
        if let price { rfq.targetUnitPrice = try MoneyText.parse(price, field: "--price") }
        if let deadline { rfq.deadline = try parseDate(deadline, flag: "--deadline") }
        rfq.requiredCertifications = try ValueText.list(certifications).map {
          try CertificationType.parse($0, flag: "--certifications")
        }
        if let incoterm { rfq.incoterm = try Incoterm.parse(incoterm, flag: "--incoterm") }
        rfq.port = port
        rfq.maxProposals = maxProposals
        let created = try await matching.client.createRfq(
          CreateRfqRequest(rfq: rfq, requestId: requestId), metadata: matching.metadata,
          options: matching.options
        ).message
        global.output(created.json, table: MatchTables.rfqDetail(created))
      }
    }

    func parseDate(_ text: String, flag: String) throws -> CalendarDate {
      let parts = text.split(separator: "-").compactMap { Int32($0) }
      guard parts.count == 3 else { throw InputError("\(flag): a date YYYY-MM-DD, e.g. 2027-03-15", field: flag) }
      return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }
  }
}

/// `craftctl buyers …`.
struct BuyersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "buyers", abstract: "Buyer profiles: list, show.", subcommands: [List.self, Get.self])

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List buyers, ordered by id.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this country, ISO code (e.g. US).") var country: String = ""
    @Option(help: "importer, wholesaler, retailer, brand or agent.") var type: String?
    @Option(help: "Only buyers of this craft category.") var category: String?
    @Option(help: "Buyers per page.") var limit: Int32 = 50
    @Option(help: "Token of the next page, from a previous list.") var pageToken: String = ""

    func run() async throws {
      try await global.runMatching { matching in
        var request = ListBuyersRequest()
        request.countryCode = country
        if let type { request.buyerType = try BuyerType.parse(type, flag: "--type") }
        if let category { request.category = try CraftCategory.parse(category, flag: "--category") }
        request.pageSize = limit
        request.pageToken = pageToken
        let response = try await matching.client.listBuyers(
          request, metadata: matching.metadata, options: matching.options
        ).message
        global.outputPage(
          "buyers", response.buyers.map(\.json), table: MatchTables.buyers(response.buyers),
          nextPageToken: response.nextPageToken)
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one buyer (contact only to itself, admins and accepted partners).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Language of the description: vi or en.") var lang: String = "en"
    @Argument(help: "Buyer id.") var id: String

    func run() async throws {
      try await global.runMatching { matching in
        let buyer = try await matching.client.getBuyer(
          GetBuyerRequest(buyerId: id), metadata: matching.metadata, options: matching.options
        ).message
        let language = try displayLanguage(lang)
        global.output(buyer.json, table: MatchTables.buyerDetail(buyer, language: language))
      }
    }
  }
}

import ArgumentParser
import CatalogueAPI
import CommonAPI
import CraftCLI
import RPCCore
import Foundation

/// `craftctl producers …`.
struct Producers: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Producers: list, show, add, update, remove.",
    subcommands: [List.self, Get.self, Add.self, Update.self, Remove.self])

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List producers, ordered by id.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this village (id or name, tone marks optional).") var village: String?
    @Flag(help: "Include removed producers.") var deleted = false
    @Option(help: "Producers per page.") var limit: Int32 = 50
    @Option(help: "Token of the next page, from a previous list.") var pageToken: String = ""

    func run() async throws {
      try await global.run { catalogue in
        var request = ListProducersRequest()
        request.villageId = try await catalogue.villageIDs(village.map { [$0] } ?? []).first ?? ""
        request.showDeleted = deleted
        request.pageSize = limit
        request.pageToken = pageToken
        let response = try await catalogue.client.listProducers(
          request, metadata: catalogue.metadata, options: catalogue.options
        ).message
        global.outputPage(
          "producers", response.producers.map(\.json), table: Tables.producers(response.producers),
          nextPageToken: response.nextPageToken)
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one producer.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Producer id.") var id: String

    func run() async throws {
      try await global.run { catalogue in
        let producer = try await catalogue.client.getProducer(
          GetProducerRequest(id: id), metadata: catalogue.metadata, options: catalogue.options
        ).message
        global.output(producer.json, table: Tables.producerDetail(producer))
      }
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Register a producer (needs a token).",
      discussion: "Example: craftctl producers add --village \"Ninh So\" --kind cooperative --name-vi \"HTX Mây tre Ninh Sở\"")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Id to register under (admins; producer tokens use their own).") var id: String?
    @OptionGroup var fields: ProducerFlags

    func run() async throws {
      try await global.run { catalogue in
        var producer = Producer()
        producer.id = id ?? ""
        try await fields.apply(to: &producer, catalogue)
        guard !producer.villageId.isEmpty else { throw InputError("--village is required", field: "village") }
        let created = try await catalogue.client.createProducer(
          CreateProducerRequest(producer: producer), metadata: catalogue.metadata,
          options: catalogue.options
        ).message
        global.output(created.json, table: Tables.producerDetail(created))
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change fields of a producer (needs a token).",
      discussion: "Reads the producer and writes it back with the version read; a concurrent change → ABORTED.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Producer id.") var id: String
    @OptionGroup var fields: ProducerFlags

    func run() async throws {
      try await global.run { catalogue in
        var producer = try await catalogue.client.getProducer(
          GetProducerRequest(id: id), metadata: catalogue.metadata, options: catalogue.options
        ).message
        let version = producer.version
        try await fields.apply(to: &producer, catalogue)
        let updated = try await catalogue.client.updateProducer(
          UpdateProducerRequest(producer: producer, expectedVersion: version),
          metadata: catalogue.metadata, options: catalogue.options
        ).message
        global.output(updated.json, table: Tables.producerDetail(updated))
      }
    }
  }

  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rm", abstract: "Remove a producer and its listings (soft delete; needs a token).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Producer id.") var id: String
    @Option(help: "Refuse (ABORTED) unless the producer is at this version; 0 → no check.")
    var expectedVersion: Int64 = 0

    func run() async throws {
      try await global.run { catalogue in
        let deleted = try await catalogue.client.deleteProducer(
          DeleteProducerRequest(id: id, expectedVersion: expectedVersion),
          metadata: catalogue.metadata, options: catalogue.options
        ).message
        if global.json { print(deleted.json.serialized) } else { print("removed \(deleted.id)") }
      }
    }
  }
}

/// The producer fields `producers add` and `producers update` set; an empty value clears one.
struct ProducerFlags: ParsableArguments {
  @Option(help: "Village id or name (tone marks optional).") var village: String?
  @Option(help: "household, cooperative or company.") var kind: String?
  @Option(help: "Name in Vietnamese.") var nameVi: String?
  @Option(help: "Name in English.") var nameEn: String?
  @Option(help: "Description in Vietnamese.") var descriptionVi: String?
  @Option(help: "Description in English.") var descriptionEn: String?
  @Option(help: "Countries served, ISO codes ';'-separated, e.g. \"JP;DE\".") var markets: String?
  @Option(help: "Workers, incl. regular home workers.") var employees: String?
  @Option(help: "Year founded.") var founded: String?
  @Option(help: "Contact person.") var contactName: String?
  @Option(help: "Contact e-mail.") var email: String?
  @Option(help: "Contact phone, E.164 (+84…).") var phone: String?
  @Option(help: "Web site.") var website: String?
  @Option(help: "Postal address, one line.") var address: String?

  func apply(to producer: inout Producer, _ catalogue: Catalogue) async throws {
    if let village { producer.villageId = try await catalogue.villageIDs([village])[0] }
    if let kind {
      producer.kind = kind.isEmpty ? .unspecified : try Producer.Kind.parse(kind, flag: "--kind")
    }
    var name = producer.name ?? LocalizedText()
    if let nameVi { name.vi = nameVi }
    if let nameEn { name.en = nameEn }
    producer.name = name
    if descriptionVi != nil || descriptionEn != nil {
      var description = producer.description ?? LocalizedText()
      if let descriptionVi { description.vi = descriptionVi }
      if let descriptionEn { description.en = descriptionEn }
      producer.description = description
    }
    if let markets { producer.exportMarkets = ValueText.list(markets).map { $0.uppercased() } }
    if let employees {
      producer.employees = employees.isEmpty ? 0 : try ValueText.int32(employees, field: "--employees")
    }
    if let founded {
      producer.foundedYear = founded.isEmpty ? 0 : try ValueText.int32(founded, field: "--founded")
    }
    if [contactName, email, phone, website, address].contains(where: { $0 != nil }) {
      var contact = producer.contact ?? Contact()
      if let contactName { contact.personName = contactName }
      if let email { contact.email = email }
      if let phone { contact.phone = phone }
      if let website { contact.website = website }
      if let address { contact.address = address }
      producer.contact = contact
    }
  }
}

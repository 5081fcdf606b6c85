import ArgumentParser
import CatalogueAPI
import CommonAPI
import CraftCLI
import RPCCore

/// `craftctl villages …`.
struct Villages: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Craft villages.", subcommands: [List.self, Get.self])

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List villages.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this district (tone marks optional).") var district: String = ""
    @Option(help: "Only villages with this craft, e.g. rattan-bamboo.") var category: String?

    func run() async throws {
      try await global.run { catalogue in
        let craft = try category.map { try CraftCategory.parse($0, flag: "--category") } ?? .unspecified
        let villages = try await catalogue.allVillages(district: district, craft: craft)
        global.output(
          ["villages": .array(villages.map(\.json))], table: Tables.villages(villages))
      }
    }
  }

  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one village (id or name).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Village id or name, e.g. vlg-ninh-so or \"Ninh So\".") var village: String

    func run() async throws {
      try await global.run { catalogue in
        let id = try await catalogue.villageIDs([village])[0]
        let found = try await catalogue.client.getVillage(
          GetVillageRequest(id: id), metadata: catalogue.metadata, options: catalogue.options
        ).message
        global.output(found.json, table: Tables.villages([found]))
      }
    }
  }
}

// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every target: Swift 6 mode with strict concurrency,
/// explicit `any`, and imports that do not leak into a module's public API.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "lang-nghe-connect",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "ProtoWire", targets: ["ProtoWire"]),
    .library(name: "CommonAPI", targets: ["CommonAPI"]),
    .library(name: "CatalogueAPI", targets: ["CatalogueAPI"]),
    .library(name: "MatchingAPI", targets: ["MatchingAPI"]),
    .library(name: "OrdersAPI", targets: ["OrdersAPI"]),
    .library(name: "InteropAPI", targets: ["InteropAPI"]),
    .library(name: "RPCStandardServices", targets: ["RPCStandardServices"]),
  ],
  targets: [
    // System libraries, found through pkg-config; `providers` tells a newcomer what to install.
    .systemLibrary(
      name: "CNGHTTP2", pkgConfig: "libnghttp2",
      providers: [.apt(["libnghttp2-dev"])]),
    .systemLibrary(
      name: "CSQLite3", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),

    // The protobuf binary wire format, hand-written, with no dependencies.
    .target(name: "ProtoWire", swiftSettings: swiftSettings),

    // The contract (Protos/) as hand-written Swift messages.
    .target(name: "CommonAPI", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),
    .target(
      name: "CatalogueAPI", dependencies: ["ProtoWire", "CommonAPI"],
      swiftSettings: swiftSettings),
    .target(
      name: "MatchingAPI", dependencies: ["ProtoWire", "CommonAPI"],
      swiftSettings: swiftSettings),
    .target(
      name: "OrdersAPI", dependencies: ["ProtoWire", "CommonAPI"],
      swiftSettings: swiftSettings),
    .target(name: "InteropAPI", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),
    .target(
      name: "RPCStandardServices", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),

    .testTarget(
      name: "ProtoWireTests", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ContractTests",
      dependencies: [
        "ProtoWire", "CommonAPI", "CatalogueAPI", "MatchingAPI", "OrdersAPI", "InteropAPI",
        "RPCStandardServices",
      ],
      resources: [.copy("Vectors")],
      swiftSettings: swiftSettings),
  ]
)

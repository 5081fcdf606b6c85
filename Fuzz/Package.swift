// swift-tools-version: 6.1
// The libFuzzer target for the hand-written protobuf decoders. A package of its own because it
// links only with `-sanitize=fuzzer`; see README.md, "Fuzzing".
import PackageDescription

let package = Package(
  name: "craft-fuzz",
  dependencies: [.package(name: "lang-nghe-connect", path: "..")],
  targets: [
    .target(name: "CFuzzDriver"),
    .executableTarget(
      name: "craft-fuzz",
      dependencies: [
        "CFuzzDriver",
        .product(name: "ProtoWire", package: "lang-nghe-connect"),
        .product(name: "CommonAPI", package: "lang-nghe-connect"),
        .product(name: "CatalogueAPI", package: "lang-nghe-connect"),
        .product(name: "MatchingAPI", package: "lang-nghe-connect"),
        .product(name: "OrdersAPI", package: "lang-nghe-connect"),
        .product(name: "InteropAPI", package: "lang-nghe-connect"),
        .product(name: "RPCStandardServices", package: "lang-nghe-connect"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
)

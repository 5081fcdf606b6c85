// swift-tools-version: 6.1
// The libFuzzer targets: craft-fuzz (every protobuf message decoder), craft-fuzz-http2 (the
// HTTP/2 server path, bytes in → one connection) and craft-fuzz-framing (gRPC message framing
// and decompression). A package of its own because they link only with `-sanitize=fuzzer`;
// see README.md, "Fuzzing".
import PackageDescription

let package = Package(
  name: "craft-fuzz",
  dependencies: [
    .package(name: "lang-nghe-connect", path: ".."),
    // The version the main package pins; only NIOEmbedded is taken from it directly.
    .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
  ],
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
    .executableTarget(
      name: "craft-fuzz-http2",
      dependencies: [
        "CFuzzDriver",
        .product(name: "RPCHTTP2", package: "lang-nghe-connect"),
        .product(name: "RPCCore", package: "lang-nghe-connect"),
        .product(name: "InteropAPI", package: "lang-nghe-connect"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .executableTarget(
      name: "craft-fuzz-framing",
      dependencies: [
        "CFuzzDriver",
        .product(name: "RPCCore", package: "lang-nghe-connect"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
)

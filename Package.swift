// swift-tools-version: 6.0
import PackageDescription

/// Strictness for every target, as swift-log does it: one place, no drift between targets.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "aqb-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "aqb-report", targets: ["aqb-report"]),
        .library(name: "AQBReport", targets: ["AQBReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The configuration file is YAML: comments for operators, a maintained parser.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Tests only: CSV files are checked by parsing them with an independent parser.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        /// libpq, the PostgreSQL C client library, as a Swift module.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        /// Two Linux calls Swift cannot reach directly: renameat2 and libcrypto's SHA-256.
        .target(
            name: "CShims",
            linkerSettings: [.linkedLibrary("crypto")]
        ),
        /// libxlsxwriter, the C library that writes Excel workbooks, for `bericht.xlsx`.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        /// GitHub's CommonMark library with its extensions, for `bericht.html`.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        /// Everything testable: the libpq wrapper, queries, model, aggregation, renderers, output.
        .target(
            name: "AQBReport",
            dependencies: [
                "CLibPQ",
                "CShims",
                "CXLSXWriter",
                "CCmarkGFM",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        /// The thin command line over the library.
        .executableTarget(
            name: "aqb-report",
            dependencies: [
                "AQBReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AQBReportTests",
            dependencies: ["AQBReport", .product(name: "SwiftCSV", package: "SwiftCSV")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)

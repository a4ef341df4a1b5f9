// swift-tools-version: 6.2
// Linux only: publishing uses renameat2(RENAME_EXCHANGE) and syncfs, which other systems lack.
// 6.2: the tools version the test suite is written for (Swift Testing's exit tests).
import PackageDescription

/// Strictness for every target, as swift-log does it: one place, no drift between targets.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "aqb-report",
    products: [
        .executable(name: "aqb-report", targets: ["aqb-report"]),
        .library(name: "AQBReport", targets: ["AQBReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The configuration file is YAML: comments for operators, a maintained parser.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Reading published CSV files back (the audit); tests parse every CSV file with it too.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        /// libpq, the PostgreSQL C client library, as a Swift module.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        /// GLPK, the linear and integer programming solver of the disclosure audit. Debian ships no
        /// pkg-config file for it: the module map links `glpk` by name.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
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
                "CGLPK",
                "CShims",
                "CXLSXWriter",
                "CCmarkGFM",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                // `aqb-report audit` reads published CSV files back, with a parser of its own.
                .product(name: "SwiftCSV", package: "SwiftCSV"),
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

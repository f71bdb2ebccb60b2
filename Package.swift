// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "baraza",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "baraza", targets: ["baraza"]),
        .library(name: "BarazaModel", targets: ["BarazaModel"]),
        .library(name: "BarazaWorkspace", targets: ["BarazaWorkspace"]),
        .library(name: "BarazaChecks", targets: ["BarazaChecks"]),
        .library(name: "ICalendar", targets: ["ICalendar"]),
        .library(name: "TZDatabase", targets: ["TZDatabase"]),
        .library(name: "BarazaPDF", targets: ["BarazaPDF"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Reads the compiled tz database (TZif files, POSIX TZ rules) the system ships; Foundation only.
        .target(name: "TZDatabase"),
        // Times TZDatabase loads and queries, for bench/tz_bench.sh (not part of the test suite).
        .executableTarget(name: "tz-bench", dependencies: ["TZDatabase"], path: "Sources/tz-bench"),
        // The domain: plain value types and exact time. Knows nothing about files or formats.
        .target(name: "BarazaModel", dependencies: ["TZDatabase"]),
        // Writing output files atomically (temporary file, then rename).
        .target(name: "BarazaOutput", dependencies: ["BarazaModel"]),
        // The event workspace: YAML files in, a validated `Workspace` out, with file:line:column errors.
        .target(name: "BarazaWorkspace", dependencies: ["BarazaModel", "BarazaOutput", .product(name: "Yams", package: "Yams")]),
        // Conflict and consistency rules over a workspace.
        .target(name: "BarazaChecks", dependencies: ["BarazaModel"]),
        // RFC 5545 writing, VTIMEZONE generation and a small reader; Foundation only, knows no events.
        .target(name: "ICalendar"),
        // Each C library sits in its own system target, imported only by the module that draws PDFs.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),
        .systemLibrary(
            name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]),
        // PDF drawing (Cairo + Pango) and QR codes: badge sheets and simple A4 documents. Knows no events.
        .target(name: "BarazaPDF", dependencies: ["CCairo", "CPangoCairo", "CQREncode"]),
        // Renders N dummy badges, for bench/ (not part of the test suite).
        .executableTarget(name: "pdf-bench", dependencies: ["BarazaPDF"], path: "Sources/pdf-bench"),
        // The command line: parses arguments, calls the libraries, renders.
        .executableTarget(
            name: "baraza",
            dependencies: [
                "BarazaModel", "BarazaWorkspace", "BarazaChecks", "BarazaOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "BarazaTestSupport", dependencies: ["BarazaModel", "BarazaWorkspace"], path: "Tests/BarazaTestSupport"),
        .testTarget(name: "BarazaModelTests", dependencies: ["BarazaModel", "BarazaTestSupport"]),
        .testTarget(
            name: "BarazaWorkspaceTests", dependencies: ["BarazaWorkspace", "BarazaTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaChecksTests",
            dependencies: [
                "BarazaChecks", "BarazaWorkspace", "BarazaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "BarazaCLITests", dependencies: ["BarazaTestSupport"]),
        .testTarget(name: "BarazaPDFTests", dependencies: ["BarazaPDF"]),
        .testTarget(
            name: "TZDatabaseTests",
            dependencies: [
                "TZDatabase", "BarazaModel", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["make_expectations.py"]),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

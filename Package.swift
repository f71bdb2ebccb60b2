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
        .library(name: "BarazaLogistics", targets: ["BarazaLogistics"]),
        .library(name: "BarazaPack", targets: ["BarazaPack"]),
        .library(name: "BarazaBadges", targets: ["BarazaBadges"]),
        .library(name: "BarazaAgenda", targets: ["BarazaAgenda"]),
        .library(name: "BarazaXML", targets: ["BarazaXML"]),
        .library(name: "BarazaImport", targets: ["BarazaImport"]),
        .library(name: "BarazaCalendar", targets: ["BarazaCalendar"]),
        .library(name: "BarazaCore", targets: ["BarazaCore"]),
        .library(name: "BarazaPropose", targets: ["BarazaPropose"]),
        .library(name: "BarazaMail", targets: ["BarazaMail"]),
        .library(name: "BarazaSend", targets: ["BarazaSend"]),
        .library(name: "BarazaExports", targets: ["BarazaExports"]),
        .library(name: "BarazaServe", targets: ["BarazaServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // Reads the compiled tz database (TZif files, POSIX TZ rules) the system ships; Foundation only.
        .target(name: "TZDatabase"),
        // Times TZDatabase loads and queries, for bench/tz_bench.sh (not part of the test suite).
        .executableTarget(name: "tz-bench", dependencies: ["TZDatabase"], path: "Sources/tz-bench"),
        // The domain: plain value types and exact time. Knows nothing about files or formats.
        .target(name: "BarazaModel", dependencies: ["TZDatabase", "BarazaParallel"]),
        // Writing output files atomically (temporary file, then rename); the exporters' plans and the one runner
        // that writes them.
        .target(name: "BarazaOutput", dependencies: ["BarazaModel", "BarazaFolder", "BarazaParallel"]),
        // The workspace folder as a boundary: canonical containment of every path, the workspace lock (flock),
        // crash-safe commits with a journal. Foundation only, so every reader and writer can use it.
        .target(name: "BarazaFolder"),
        // libyaml from the system (libyaml-dev), for the workspace's own YAML composer: Yams keeps its bundled copy
        // in an internal module it does not export.
        .systemLibrary(
            name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        // The event workspace: YAML files in, a validated `Workspace` out, with file:line:column errors.
        .target(
            name: "BarazaWorkspace",
            dependencies: [
                "BarazaModel", "BarazaOutput", "BarazaFolder", "BarazaParallel", "TZDatabase", "CLibYAML",
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Conflict and consistency rules over a workspace.
        .target(name: "BarazaChecks", dependencies: ["BarazaModel", "BarazaFolder", "BarazaParallel"]),
        // Independent jobs on every core, results in job order (loading, checks, calendars).
        .target(name: "BarazaParallel"),
        // RFC 5545 writing, VTIMEZONE generation and a small reader; Foundation only, knows no events.
        .target(name: "ICalendar", dependencies: ["TZDatabase"]),
        // Workspace → iCalendar: event, room and personal calendars, iTIP/iMIP invitations, published state.
        .target(
            name: "BarazaCalendar",
            dependencies: ["BarazaModel", "BarazaOutput", "BarazaFolder", "BarazaParallel", "ICalendar", "TZDatabase"]),
        // Each C library sits in its own system target, imported only by the module that draws PDFs.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),
        .systemLibrary(
            name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]),
        .systemLibrary(
            name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"]), .brew(["librsvg"])]),
        // PDF drawing (Cairo + Pango), QR codes and logos (PNG, SVG through librsvg): badge sheets and simple A4
        // documents. Knows no events.
        .target(name: "BarazaPDF", dependencies: ["BarazaOutput", "CCairo", "CPangoCairo", "CQREncode", "CRsvg"]),
        // Post-event material packs: deterministic zips with an offline index, certificates, figures and a manifest.
        .target(
            name: "BarazaPack",
            dependencies: [
                "BarazaModel", "BarazaOutput", "BarazaFolder", "BarazaPDF", "BarazaChecks",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Badges for an event: people → worded cards, opaque badge ids, the mail-merge CSV, the printed-set record.
        .target(
            name: "BarazaBadges",
            dependencies: [
                "BarazaModel", "BarazaOutput", "BarazaFolder", "BarazaPDF",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The agenda page (HTML from a Mustache template) and schedule.xml (frab/pretalx) from a workspace.
        .target(
            name: "BarazaAgenda",
            dependencies: [
                "BarazaModel", "BarazaOutput", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]),
        // Renders N dummy badges, for bench/ (not part of the test suite).
        .executableTarget(name: "pdf-bench", dependencies: ["BarazaPDF"], path: "Sources/pdf-bench"),
        // Host-city logistics: transfer runs, meal counts, logistics checks and the lists the host city needs.
        .target(
            name: "BarazaLogistics", dependencies: ["BarazaModel", "BarazaChecks", "BarazaOutput", "BarazaParallel"]),
        // Plans N synthetic journeys, for bench/ (not part of the test suite).
        .executableTarget(name: "logistics-bench", dependencies: ["BarazaLogistics"], path: "Sources/logistics-bench"),
        // libxml2 lives in its own system target so that only BarazaXML links it.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // Hardened, streaming XML over libxml2 and the registration-export readers (ODK, xlsx, SpreadsheetML).
        .target(
            name: "BarazaXML",
            dependencies: [
                "BarazaModel", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]),
        // Registration and schedule import: mapping, normalisation, deduplication, atomic workspace writing.
        .target(
            name: "BarazaImport",
            dependencies: [
                "BarazaModel", "BarazaXML", "BarazaWorkspace", "BarazaOutput", "BarazaFolder", "BarazaParallel",
                .product(name: "Yams", package: "Yams"),
            ]),
        // Drafts placements for sessions without a time: the rules' incremental form, local search, explanations.
        // Optimised in debug builds too: the test suite runs the search thousands of times (against brute force),
        // and unoptimised it is some 30 times slower.
        .target(
            name: "BarazaPropose",
            dependencies: [
                "BarazaModel", "BarazaChecks", "BarazaLogistics", "BarazaCore", "BarazaWorkspace", "BarazaFolder",
                "BarazaOutput", "BarazaParallel",
            ],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Streams a registration export, for bench/ (not part of the test suite).
        .executableTarget(name: "xml-bench", dependencies: ["BarazaXML", "BarazaImport"]),
        // What every front end shares: the one rule catalogue (core and logistics rules) and the loader that knows it.
        .target(name: "BarazaCore", dependencies: ["BarazaWorkspace", "BarazaChecks", "BarazaLogistics"]),
        // libcurl (OpenSSL flavour) in its own system target, imported only by BarazaMail.
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        // Mail submission over SMTP through libcurl: addresses, the server settings of a workspace, the client.
        .target(
            name: "BarazaMail",
            dependencies: ["CCurl", "BarazaFolder", .product(name: "Yams", package: "Yams")]),
        // `baraza send invitations`: the batch a publication sends, its outbox in the workspace, retries, the report.
        .target(
            name: "BarazaSend",
            dependencies: ["BarazaMail", "BarazaCalendar", "BarazaModel", "BarazaFolder", "BarazaOutput"]),
        // Every exporter with its default options, in the order `baraza build` runs them, and the compositions where
        // one export shows another's product: what `baraza export --list`, `baraza build` and a server share.
        .target(
            name: "BarazaExports",
            dependencies: [
                "BarazaModel", "BarazaOutput", "BarazaCalendar", "BarazaBadges", "BarazaLogistics", "BarazaAgenda",
                "BarazaPack", "TZDatabase",
            ]),
        // `baraza serve`: the workspace live over HTTP (Hummingbird): feeds, personal feeds at token URLs, the agenda.
        // Only this module and the command line link Hummingbird; every other library builds without it.
        .target(
            name: "BarazaServe",
            dependencies: [
                "BarazaModel", "BarazaWorkspace", "BarazaChecks", "BarazaOutput", "BarazaCalendar", "BarazaCore",
                "BarazaFolder", "BarazaBadges",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // A bare Hummingbird server, the ceiling bench/serve_bench.py --ceiling measures (not part of the test suite).
        .executableTarget(
            name: "serve-hello-bench",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/serve-hello-bench"),
        // The command line: parses arguments, calls the libraries, renders.
        .executableTarget(
            name: "baraza",
            dependencies: [
                "BarazaModel", "BarazaWorkspace", "BarazaChecks", "BarazaOutput", "BarazaFolder", "BarazaLogistics",
                "BarazaPack", "BarazaBadges", "BarazaPDF", "BarazaAgenda", "BarazaImport", "BarazaCalendar", "BarazaCore",
                "BarazaPropose", "BarazaMail", "BarazaSend", "BarazaExports", "BarazaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "BarazaTestSupport", dependencies: ["BarazaModel", "BarazaWorkspace", "CCairo"],
            path: "Tests/BarazaTestSupport"
        ),
        .testTarget(
            name: "BarazaModelTests",
            dependencies: [
                "BarazaModel", "BarazaParallel", "BarazaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "BarazaOutputTests",
            dependencies: [
                "BarazaOutput", "BarazaModel", "BarazaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "BarazaFolderTests", dependencies: ["BarazaFolder", "BarazaTestSupport"]),
        .testTarget(
            name: "BarazaCoreTests",
            dependencies: ["BarazaCore", "BarazaChecks", "BarazaLogistics", "BarazaWorkspace", "BarazaTestSupport"]),
        .testTarget(
            name: "BarazaWorkspaceTests",
            dependencies: [
                "BarazaWorkspace", "BarazaChecks", "BarazaTestSupport", .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaChecksTests",
            dependencies: [
                "BarazaChecks", "BarazaWorkspace", "BarazaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaLogisticsTests",
            dependencies: [
                "BarazaLogistics", "BarazaWorkspace", "BarazaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BarazaCLITests", dependencies: ["BarazaModel", "BarazaTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "BarazaPDFTests", dependencies: ["BarazaPDF", "BarazaTestSupport"]),
        .testTarget(
            name: "BarazaPackTests",
            dependencies: [
                "BarazaPack", "BarazaPDF", "BarazaWorkspace", "BarazaTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ], exclude: ["Golden"]),
        .testTarget(
            name: "BarazaBadgesTests",
            dependencies: ["BarazaBadges", "BarazaOutput", "BarazaPDF", "BarazaWorkspace", "BarazaTestSupport"],
            exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaAgendaTests",
            dependencies: [
                "BarazaAgenda", "BarazaWorkspace", "BarazaOutput", "BarazaTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaXMLTests",
            dependencies: [
                "BarazaXML", "BarazaModel", "BarazaTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaImportTests",
            dependencies: [
                "BarazaImport", "BarazaXML", "BarazaModel", "BarazaWorkspace", "BarazaChecks", "BarazaParallel",
                "BarazaTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden", "make_form_fixtures.py"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaCalendarTests",
            dependencies: ["BarazaCalendar", "ICalendar", "BarazaWorkspace", "BarazaTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TZDatabaseTests",
            dependencies: [
                "TZDatabase", "BarazaModel", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["make_expectations.py"]),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], exclude: ["Fixtures"]),
        .testTarget(
            name: "BarazaProposeTests",
            dependencies: [
                "BarazaPropose", "BarazaChecks", "BarazaLogistics", "BarazaWorkspace", "BarazaModel",
                "BarazaTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "BarazaSendTests",
            dependencies: [
                "BarazaSend", "BarazaMail", "BarazaCalendar", "BarazaWorkspace", "BarazaModel", "BarazaFolder",
                "BarazaTestSupport",
            ],
            exclude: ["smtp_server.py"]),
        .testTarget(
            name: "BarazaServeTests",
            dependencies: [
                "BarazaServe", "BarazaBadges", "BarazaFolder", "BarazaModel", "BarazaWorkspace", "BarazaTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)

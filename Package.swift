// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "baraza",
    products: [
        .library(name: "BarazaPDF", targets: ["BarazaPDF"]),
        .executable(name: "pdf-bench", targets: ["pdf-bench"]),
    ],
    targets: [
        // Each C library sits in its own system target, imported only by the module that draws PDFs.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        .target(
            name: "BarazaPDF",
            dependencies: ["CCairo", "CPangoCairo", "CQREncode"]
        ),
        .executableTarget(
            name: "pdf-bench",
            dependencies: ["BarazaPDF"]
        ),
        .testTarget(
            name: "BarazaPDFTests",
            dependencies: ["BarazaPDF"]
        ),
    ]
)

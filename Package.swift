// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "baraza",
    products: [
        .library(name: "BarazaXML", targets: ["BarazaXML"]),
        .executable(name: "xml-bench", targets: ["xml-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 lives in its own system target so that only BarazaXML links it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "BarazaXML",
            dependencies: [
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "xml-bench",
            dependencies: ["BarazaXML"]
        ),
        .testTarget(
            name: "BarazaXMLTests",
            dependencies: [
                "BarazaXML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

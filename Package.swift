// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "baraza",
    products: [
        .library(name: "ICalendar", targets: ["ICalendar"]),
    ],
    targets: [
        // RFC 5545 writing, VTIMEZONE generation and a small reader; Foundation only.
        .target(name: "ICalendar"),
        .testTarget(
            name: "ICalendarTests",
            dependencies: ["ICalendar"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import TZDatabase

/// The choice, made once per process, of which tz database answers for `Zone`.
struct ZoneProvider: Sendable {
    /// The system database to ask first; nil when absent or not wanted.
    let system: TZDatabase?
    /// Whether identifiers the system database lacks may come from Foundation.
    let foundationAllowed: Bool

    /// The source named by `Zone.databaseSource`.
    var source: Zone.DatabaseSource {
        if let system { return .system(version: system.version, directory: system.directory) }
        return .foundation(version: TimeZone.timeZoneDataVersion)
    }

    /// Environment variable forcing a source: `system` or `foundation`; anything else means automatic.
    static let environmentVariable = "BARAZA_TZ_SOURCE"

    static let active = ZoneProvider.choose(
        environment: ProcessInfo.processInfo.environment, systemDatabase: TZDatabase.system)

    /// The system database when present (Foundation filling in identifiers it lacks), unless the environment
    /// forces `foundation`; `system` disables the per-identifier fallback. Without a system database,
    /// Foundation is used whatever the environment says.
    static func choose(environment: [String: String], systemDatabase: TZDatabase?) -> ZoneProvider {
        let requested = environment[environmentVariable]?.lowercased()
        guard let systemDatabase, requested != "foundation" else {
            return ZoneProvider(system: nil, foundationAllowed: true)
        }
        return ZoneProvider(system: systemDatabase, foundationAllowed: requested != "system")
    }
}

import BarazaOutput
import Foundation

/// What `baraza serve` serves and how: the workspace, where to listen, where its private state lives, and the two
/// exporters whose output it serves (the same ones `baraza export ics` and `baraza export agenda` run).
public struct ServeConfiguration: Sendable {
    /// The workspace folder (holding event.yaml).
    public var workspace: String
    /// The address to bind; loopback unless asked otherwise.
    public var host: String
    /// The port; 0 picks a free one (announced once listening).
    public var port: Int
    /// The private folder holding the feed keys and the served sequences, outside the workspace.
    public var stateFolder: String
    /// How often the workspace's files are looked at for changes.
    public var pollInterval: Duration
    /// How long a connection may send nothing before it is closed (slow or idle clients); a request head sent a
    /// byte at a time counts as nothing until it is whole.
    public var idleTimeout: Duration
    /// How long a client has to send a request's body once its head has come, before the connection is closed
    /// (a body trickled a byte at a time).
    public var bodyTimeout: Duration
    /// The exporter of `baraza export ics`: its files are served as they are.
    public var calendars: any Exporter
    /// The exporter of `baraza export agenda`, given the calendar files it links (paths relative to the export
    /// folder, as the calendars' plan names them).
    public var agenda: @Sendable (_ calendarFiles: [String]) -> any Exporter
    /// The wall clock, for Last-Modified only (feeds' contents never read it).
    public var now: @Sendable () -> Date

    /// A configuration serving `workspace` on `host:port`.
    public init(
        workspace: String, host: String = "127.0.0.1", port: Int = 8080, stateFolder: String,
        pollInterval: Duration = .seconds(1), idleTimeout: Duration = .seconds(30),
        bodyTimeout: Duration = .seconds(10), calendars: any Exporter,
        agenda: @escaping @Sendable (_ calendarFiles: [String]) -> any Exporter,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.workspace = workspace
        self.host = host
        self.port = port
        self.stateFolder = stateFolder
        self.pollInterval = pollInterval
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.calendars = calendars
        self.agenda = agenda
        self.now = now
    }

    /// The default state folder for an event: `$BARAZA_SERVE_STATE`, else `$XDG_STATE_HOME/baraza/<event>`, else
    /// `~/.local/state/baraza/<event>`.
    public static func defaultStateFolder(event: String, environment: [String: String]) -> String {
        if let given = environment["BARAZA_SERVE_STATE"], !given.isEmpty { return given }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/baraza/" + event }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/baraza/" + event
    }
}

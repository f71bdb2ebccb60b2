import ArgumentParser
import BarazaAgenda
import BarazaCore
import BarazaExports
import BarazaModel
import BarazaOutput
import BarazaServe
import Foundation
import Logging

/// `baraza serve <workspace>`: the workspace live over HTTP: feeds, personal feeds, the agenda.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a workspace live: calendar feeds, personal feeds and the agenda, reloaded on change.",
        discussion: """
            Serves what `baraza export ics` and `baraza export agenda` write, from the workspace's current good
            state: /agenda/, /calendars/event.ics, /calendars/rooms/<room>.ics, /subscribe (webcal:// links)
            and each person's calendar at /feeds/<token>.ics (see `baraza feeds links`). A change that does not
            load or fails the checks with errors is refused; the last good state stays served and the admin page
            (its address is printed at start) says why. A session whose content changes while served gets
            SEQUENCE + 1. Stops on SIGTERM or Ctrl-C after the requests in flight.

            Feed keys live in the state folder (--state; default $BARAZA_SERVE_STATE, else
            ~/.local/state/baraza/<event>), never in the workspace. The access log goes to standard error.

            Examples:
              baraza serve events/final-kigali-2027
              baraza serve events/final-kigali-2027 --port 0 --state /srv/baraza/kigali
            """)

    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Option(help: "The address to listen on (loopback by default; 0.0.0.0 listens on every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port (0 picks a free one, printed at start).")
    var port = 8080

    @Option(help: "The private folder for feed keys and served sequences (outside the workspace).")
    var state: String?

    @Option(
        help: ArgumentHelp(
            "The address people reach the server at (behind a proxy, say): the agenda's calendars get webcal:// "
                + "subscribe links there (default: http://host:port when the port is given).",
            valueName: "http(s)://host[:port]"))
    var publicURL: String?

    @Option(help: "Seconds between looks at the workspace's files.")
    var poll: Double = 1

    @Option(help: "Seconds a connection may stay silent (or trickle a request head) before it is closed.")
    var idleTimeout: Double = 30

    @Option(help: "Seconds a client has to send a request's body once its head has come, before it is cut off.")
    var bodyTimeout: Double = 10

    @Option(
        help: "Least severity logged: trace, debug, info (one access log line per request), notice, warning, error.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level \(logLevel): expected trace, debug, info, notice, warning, error or critical")
        }
        guard idleTimeout >= 0.1, idleTimeout <= 3600 else {
            throw ValidationError("--idle-timeout \(idleTimeout): expected 0.1 to 3600 seconds")
        }
        guard bodyTimeout >= 0.1, bodyTimeout <= 3600 else {
            throw ValidationError("--body-timeout \(bodyTimeout): expected 0.1 to 3600 seconds")
        }
        guard poll >= 0.05, poll <= 3600 else { throw ValidationError("--poll \(poll): expected 0.05 to 3600 seconds") }
        if let publicURL, PublicAddress(publicURL) == nil {
            throw ValidationError("--public-url \(publicURL): expected http(s)://host[:port]")
        }
    }

    /// Where the agenda's subscribe links point: `--public-url`, else the address listened on when it is one a
    /// calendar app can reach by that name (a given port, not every interface).
    var subscribeBase: String? {
        if let publicURL { return PublicAddress(publicURL)?.webcal }
        guard port != 0, !["0.0.0.0", "::", ""].contains(host) else { return nil }
        return "webcal://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    func run() throws {
        let event = try FeedOptions.event(of: workspace)
        LoggingSystem.bootstrap { QueuedLogHandler(label: $0, queue: .standardError) }
        let configuration = ServeConfiguration(
            workspace: workspace, host: host, port: port,
            stateFolder: state
                ?? ServeConfiguration.defaultStateFolder(
                    event: event, environment: ProcessInfo.processInfo.environment),
            pollInterval: .milliseconds(Int(poll * 1000)), idleTimeout: .milliseconds(Int(idleTimeout * 1000)),
            bodyTimeout: .milliseconds(Int(bodyTimeout * 1000)),
            calendars: ExporterRegistry.calendars(),
            agenda: { [subscribeBase] in AgendaExporter(calendarLinks: .given($0), subscribeBase: subscribeBase) })
        var logger = Logger(label: "baraza.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let server = LiveServer(configuration: configuration, logger: logger)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { listening in
                    let text = """
                        serving \(listening.baseURL)/agenda/ (feeds: \(listening.baseURL)/subscribe)
                        admin page: \(listening.baseURL)\(listening.adminPath)

                        """
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        LogQueue.standardError.flush()
        if let error = outcome.error {
            Terminal.printError(message: "serve: \(error)")
            throw ExitStatus.unreadableInput
        }
    }

    /// The server's failure, handed from its task to the command.
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}

/// `baraza feeds`: personal feed addresses, and revoking them.
struct Feeds: CommandGroup {
    static let configuration = CommandConfiguration(
        abstract: "Personal calendar feeds of `baraza serve`: list their addresses, revoke one or all.",
        discussion: """
            Each person's calendar is served at an address of its own, derived from a secret kept in the state
            folder (never in the workspace). Revoking one address gives that person a new one; rotating the
            secret changes them all.

            Examples:
              baraza feeds links events/final-kigali-2027 --base-url https://agenda.example.org
              baraza feeds revoke events/final-kigali-2027 --person amina-uwase
              baraza feeds rotate events/final-kigali-2027
            """,
        subcommands: [Links.self, Revoke.self, Rotate.self])

    /// `baraza feeds links`.
    struct Links: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each person's personal feed address (webcal://), one per line: person id, address.",
            discussion: """
                Examples:
                  baraza feeds links events/final-kigali-2027 --base-url https://agenda.example.org
                  baraza feeds links events/final-kigali-2027 --person amina-uwase
                """)

        @OptionGroup var options: FeedOptions

        @Option(help: "The server's public address.")
        var baseURL = "http://127.0.0.1:8080"

        @Option(help: "Only this person.")
        var person: String?

        func run() throws {
            let workspace = try options.load()
            let keys = try options.keys(for: workspace)
            guard let authority = PublicAddress(baseURL)?.authority else {
                throw ValidationError("--base-url \(baseURL): expected http(s)://host[:port]")
            }
            var seen = Set<String>()
            for someone in workspace.people where seen.insert(someone.id.rawValue).inserted {
                let id = someone.id.rawValue
                if let person, person != id { continue }
                print("\(id)\t" + keys.address(event: workspace.event.id.rawValue, person: id, authority: authority))
            }
            if let person, !seen.contains(person) { throw ValidationError("--person \(person): no such person") }
        }
    }

    /// `baraza feeds revoke`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke one person's personal feed address; `feeds links` then prints their new one.",
            discussion: """
                A running server picks the change up on its next look at the files.

                Examples:
                  baraza feeds revoke events/final-kigali-2027 --person amina-uwase
                """)

        @OptionGroup var options: FeedOptions

        @Option(help: "The person whose address to revoke.")
        var person: String

        func run() throws {
            let workspace = try options.load()
            guard workspace.people.contains(where: { $0.id.rawValue == person }) else {
                throw ValidationError("--person \(person): no such person in \(options.workspace)")
            }
            var keys = try options.keys(for: workspace)
            keys.revoke(person: person)
            try options.save(keys, for: workspace)
            print("revoked the personal feed address of \(person)")
        }
    }

    /// `baraza feeds rotate`.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the feed secret: every personal feed address (and the admin page's) changes.",
            discussion: """
                Examples:
                  baraza feeds rotate events/final-kigali-2027
                """)

        @OptionGroup var options: FeedOptions

        func run() throws {
            let workspace = try options.load()
            var keys = try options.keys(for: workspace)
            keys.rotate()
            try options.save(keys, for: workspace)
            print("new feed secret: every personal feed address has changed")
        }
    }
}

/// The workspace and state folder the `feeds` commands work on.
struct FeedOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Option(help: "The state folder of `baraza serve` (default as for serve).")
    var state: String?

    func load() throws -> Workspace { try Self.loadWorkspace(workspace) }

    /// Loads `workspace`, printing `file:line:column` errors and exiting with status 2 when it cannot be read.
    static func loadWorkspace(_ workspace: String) throws -> Workspace {
        do { return try RuleCatalogue.loader.load(directory: workspace) } catch {
            Terminal.printError(error)
            throw ExitStatus.unreadableInput
        }
    }

    func folder(for workspace: Workspace) -> String {
        state
            ?? ServeConfiguration.defaultStateFolder(
                event: workspace.event.id.rawValue, environment: ProcessInfo.processInfo.environment)
    }

    func keys(for workspace: Workspace) throws -> FeedKeys {
        do { return try FeedKeys.loadOrCreate(in: folder(for: workspace)) } catch {
            Terminal.printError(message: "\(error)")
            throw ExitStatus.unreadableInput
        }
    }

    func save(_ keys: FeedKeys, for workspace: Workspace) throws {
        do { try keys.save(in: folder(for: workspace)) } catch {
            Terminal.printError(message: "\(error)")
            throw ExitStatus.unreadableInput
        }
    }

    /// The event id of the workspace, for the default state folder; exit 2 when it cannot be read.
    static func event(of workspace: String) throws -> String {
        do { return try RuleCatalogue.loader.load(directory: workspace).event.id.rawValue } catch {
            Terminal.printError(error)
            throw ExitStatus.unreadableInput
        }
    }
}

import ArgumentParser
import BarazaCalendar
import BarazaCore
import BarazaExports
import BarazaMail
import BarazaModel
import BarazaOutput
import BarazaSend
import BarazaServe
import Foundation

/// `baraza send`: hands what the workspace publishes to a mail server.
struct Send: CommandGroup {
    static let configuration = CommandConfiguration(
        abstract: "Send what a workspace publishes through an SMTP server.",
        discussion: """
            The server is set in event.yaml's smtp section and the environment (see events/FORMAT.md).

            Examples:
              baraza send invitations events/final-kigali-2027 --dry-run
              baraza send invitations events/final-kigali-2027 --report sent.csv
            """,
        subcommands: [SendInvitations.self])
}

/// `baraza send invitations <workspace>`: the messages `export invitations` would publish, over SMTP.
struct SendInvitations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitations",
        abstract: "Send the invitations, updates and cancellations a change calls for, each exactly once.",
        discussion: """
            Plans what `baraza export invitations` would publish, writes the messages to a batch folder under \
            invitations-outbox/ in the workspace, and hands them one by one to the server in event.yaml's smtp \
            section (BARAZA_SMTP_HOST, _PORT, _SECURITY and _USER override it; the password comes only from \
            BARAZA_SMTP_PASSWORD or from the file BARAZA_SMTP_PASSWORD_FILE names, outside the workspace). Each \
            accepted message is logged to the batch's sent.log at once; a run that is killed resumes the batch and \
            skips what was sent. Temporary failures (4xx, dropped connections) are retried with back-off; \
            permanent ones (5xx) are reported per person. The published state records only what the server \
            accepted, so the next run plans the rest again.

            Exit status: 0 every message accepted, 1 some refused or left for the next run, 2 the workspace, the \
            settings or the server cannot be used (nothing more was sent), 64 bad usage.

            Examples:
              baraza send invitations events/final-kigali-2027 --dry-run
              BARAZA_SMTP_PASSWORD_FILE=~/.baraza-smtp baraza send invitations events/final-kigali-2027
              baraza send invitations events/final-kigali-2027 --only oumar-keita --report sent.csv
            """)

    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Flag(help: "List the messages that would be sent, and why, without sending or writing anything.")
    var dryRun = false

    @Option(parsing: .upToNextOption, help: "Send only to these people (ids); the others wait for a later run.")
    var only: [String] = []

    @Option(help: "Write the per-person report (CSV, no addresses) to this file as well as to the batch folder.")
    var report: String?

    @Option(help: "Trust the CA certificates in this PEM file instead of the system's (or BARAZA_SMTP_CA_FILE).")
    var caFile: String?

    @Flag(help: "Accept any server certificate (self-signed, another host's): only for a server you control.")
    var insecure = false

    @Option(
        help: ArgumentHelp(
            "Write each person's own calendar feed in their messages: the public address of `baraza serve`.",
            valueName: "http(s)://host[:port]"))
    var feedBaseURL: String?

    @Option(help: "The state folder of `baraza serve`, which holds the feed secret (default as for serve).")
    var state: String?

    @Option(help: "Seconds to wait before each retry after a temporary failure, comma-separated.")
    var retryDelays: String = SendOptions.defaultRetryDelays.map { String(Int($0)) }.joined(separator: ",")

    func validate() throws {
        if let feedBaseURL, PublicAddress(feedBaseURL) == nil {
            throw ValidationError("--feed-base-url \(feedBaseURL): expected http(s)://host[:port]")
        }
        if delays == nil {
            throw ValidationError("--retry-delays \(retryDelays.debugDescription): expected seconds such as 1,2,4")
        }
    }

    private var delays: [Double]? {
        let parts = retryDelays.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count <= 20, parts.allSatisfy({ $0.map { $0 >= 0 && $0 <= 3600 } ?? false }) else { return nil }
        return parts.compactMap { $0 }
    }

    func run() throws {
        let outbox: InvitationOutbox
        let loaded: Workspace
        do {
            outbox = try InvitationOutbox(workspacePath: workspace, forWriting: !dryRun)
        } catch {
            Terminal.printError(message: "\(error)")
            throw ExitStatus.unreadableInput
        }
        defer { outbox.close() }
        do {
            loaded = try RuleCatalogue.loader.load(directory: workspace)
        } catch {
            Terminal.printError(error)
            throw ExitStatus.unreadableInput
        }
        do {
            try send(loaded, outbox: outbox)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.printError(message: "\(error)")
            throw ExitStatus.unreadableInput
        }
    }

    /// Each person's feed address under `--feed-base-url`, from the serve state folder's secret (made there when
    /// missing, as `baraza feeds links` does); none without the option, and none in a dry run, which lists messages
    /// without their text and writes nothing, the secret included.
    private func personalFeeds(_ loaded: Workspace) throws -> [String: String] {
        guard !dryRun, let feedBaseURL, let authority = PublicAddress(feedBaseURL)?.authority else { return [:] }
        let event = loaded.event.id.rawValue
        let folder =
            state
            ?? ServeConfiguration.defaultStateFolder(event: event, environment: ProcessInfo.processInfo.environment)
        let keys = try FeedKeys.loadOrCreate(in: folder)
        var feeds: [String: String] = [:]
        for person in loaded.people {
            feeds[person.id.rawValue] = keys.address(event: event, person: person.id.rawValue, authority: authority)
        }
        return feeds
    }

    private func send(_ loaded: Workspace, outbox: InvitationOutbox) throws {
        let environment = ProcessInfo.processInfo.environment
        var settings: SMTPSettings?
        do {
            settings = try SMTPSettings.load(workspace: outbox.folder, environment: environment)
        } catch SMTPSettingsError.missing(let field, let file, let expected) where dryRun {
            print("note: \(file): \(field) is missing (\(expected)); nothing could be sent yet")
        }
        settings?.insecure = insecure
        if let caFile { settings?.caFile = caFile }
        let organizer = loaded.event.organizer.email
        guard let from = settings?.sender ?? MailAddress(organizer) else {
            throw CalendarExportError.missingOrganizerEmail(file: loaded.event.location.file)
        }
        let mailOptions = InvitationMailOptions(
            sender: settings?.sender?.address, replyTo: settings?.replyTo?.address,
            personalFeeds: try personalFeeds(loaded))
        let (batch, folder, resumed) = try outbox.batch(
            for: loaded, envelopeFrom: from, options: mailOptions, only: only,
            systemTimeZoneDirectory: ExporterRegistry.systemTimeZoneDirectory,
            write: !dryRun)
        let shown = outbox.folder.display(folder)
        if resumed { print("Resuming the interrupted batch \(shown) (planned at \(batch.stamp))") }
        if dryRun {
            for message in batch.selected {
                print(
                    "\(message.session) → \(message.person): \(message.method) SEQUENCE \(message.sequence) (\(message.reason))"
                )
            }
            let waiting = batch.messages.count - batch.selected.count
            print(
                "\(batch.selected.count) message(s) would be sent"
                    + (waiting > 0 ? "; \(waiting) wait for a run without --only" : ""))
            return
        }
        guard !batch.selected.isEmpty else {
            print("Nothing to send: nothing changed since the last publication")
            return
        }
        guard let settings else { return }
        let client = try SMTPClient(settings: settings, heloDomain: String(from.domain))
        let line = Terminal.standardErrorIsTerminal ? SendProgressLine() : nil
        var progress: (@Sendable (SendProgress) -> Void)?
        if let line { progress = { line.show($0) } }
        let options = SendOptions(
            ratePerMinute: settings.ratePerMinute, retryDelays: delays ?? SendOptions.defaultRetryDelays,
            now: { Date() }, progress: progress)
        let summary: SendSummary = try outbox.send(batch, in: folder, through: client, options: options)
        line?.finish()
        for result in summary.results where result.status == .failed || result.status == .notSent {
            let reply = result.reply.map { SendReport.masked($0.text) } ?? "not tried"
            print("\(result.status.rawValue): \(result.message.person) (\(result.message.session)): \(reply)")
        }
        let earlier = summary.results.filter { $0.status == .sentEarlier }.count
        print(
            "Sent \(summary.accepted) of \(summary.results.count) message(s)"
                + (earlier > 0 ? " (\(earlier) in the interrupted run)" : "")
                + ", \(summary.failed) refused, \(summary.notSent) left for the next run, \(summary.retries) retries")
        print("Report: \(summary.folder)/report.csv" + (summary.recorded ? "; published state updated" : ""))
        if let report {
            try AtomicFile.write(SendReport.csv(summary.results), to: report)
            print("Wrote \(report)")
        }
        if let stopped = summary.stoppedBecause {
            Terminal.printError(message: "stopped: the server cannot be used with these settings: \(stopped)")
            throw ExitStatus.unreadableInput
        }
        if !summary.isComplete { throw ExitStatus.findingsWithErrors }
    }
}

/// `sent 120 · failed 1 · left 1879 · 59.8/min` on standard error, rewritten in place.
final class SendProgressLine: @unchecked Sendable {
    private let lock = NSLock()

    func show(_ p: SendProgress) {
        let earlier = p.sentEarlier > 0 ? " (+\(p.sentEarlier) earlier)" : ""
        let text =
            "\rsending: sent \(p.sent)\(earlier) · failed \(p.failed) · left \(p.left) of \(p.total) · "
            + String(format: "%.1f/min", p.perMinute) + "  "
        lock.lock()
        FileHandle.standardError.write(Data(text.utf8))
        lock.unlock()
    }

    func finish() {
        lock.lock()
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        lock.unlock()
    }
}

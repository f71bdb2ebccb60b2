import ArgumentParser
import BarazaCalendar
import BarazaChecks
import BarazaCore
import BarazaExports
import BarazaModel
import BarazaOutput
import BarazaSend

/// `baraza export invitations <workspace>`: iTIP/iMIP invitations, updates and cancellations per person.
struct ExportInvitations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitations",
        abstract: "Write invitations (.ics and ready-to-send .eml) for the people a change affects.",
        discussion: """
            Writes invitations/<person>/<session>.ics (METHOD:REQUEST or CANCEL) and .eml (iMIP) for each person
            the programme changes affect, then records what was sent in the workspace's
            published-invitations.json. The first run invites everyone; later runs raise SEQUENCE only for changed
            sessions, write updates only for the people affected, and cancel removed sessions and people.
            People without an email get no invitation (listed in the notes). --dry-run lists each message and why,
            and writes nothing, not even the state file. Without --stamp, DTSTAMP is one minute after the previous
            publication (or midnight on the event's first day); the wall clock is never read.

            Examples:
              baraza export invitations events/final-kigali-2027 --dry-run
              baraza export invitations events/final-kigali-2027 --stamp 2027-03-01T09:00:00Z
            """)

    @OptionGroup var options: ExportOptions

    @Option(help: "The DTSTAMP of this publication, a UTC time such as 2027-03-01T09:00:00Z.")
    var stamp: String?

    func validate() throws {
        if let stamp, CalendarStamp.parse(stamp) == nil {
            throw ValidationError("--stamp \(stamp.debugDescription): expected a UTC time such as 2027-03-01T09:00:00Z")
        }
    }

    func run() throws {
        // A send that was killed has sent part of a batch the published state does not record yet: publishing now
        // would send those messages a second time.
        if !options.dryRun, let outbox = try? InvitationOutbox(workspacePath: options.workspace, forWriting: false) {
            let published = try? RuleCatalogue.loader.state(directory: options.workspace).publishedInvitations()
            let open = try? outbox.interruptedBatch(published: published)
            outbox.close()
            if let open {
                Terminal.printError(
                    message: "\(open): an interrupted `baraza send invitations` batch is open; run that command "
                        + "again to finish it before publishing")
                throw ExitStatus.unreadableInput
            }
        }
        let workspace = try options.loadWorkspace()
        try options.run(ExporterRegistry.invitations(stamp: stamp.flatMap(CalendarStamp.parse)), on: workspace)
    }
}

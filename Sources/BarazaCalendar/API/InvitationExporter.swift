import BarazaFolder
import BarazaModel
import BarazaOutput
import Foundation
import ICalendar

/// `baraza export invitations`: iTIP requests and cancellations (RFC 5546) for each person and session, each as
/// `invitations/<person>/<session>.ics` and a ready-to-send iMIP message `invitations/<person>/<session>.eml`
/// (RFC 6047), for the people ``InvitationPlan`` says are affected. Then records what was sent in the
/// workspace's ``PublishedState``.
///
/// One message carries one session (one UID), as Outlook and Thunderbird expect. A person's address appears only
/// in their own files; the organiser's in all. People without an email get nothing and are named in the notes.
/// A dry run lists what would be sent and why, and writes nothing, not even the state.
public struct InvitationExporter: Exporter {
    /// `baraza export invitations`.
    public let id = "invitations"
    /// One line for `baraza export --list`.
    public let summary = "iTIP/iMIP invitations per person and session, with updates and cancellations (invitations/)"
    /// The DTSTAMP of this publication; when nil, one minute after the previous publication's stamp, or midnight
    /// on the event's first day for the first one.
    public var stamp: Instant?
    /// A compiled tz database folder to follow where it is newer than Foundation's (see ``CalendarExporter``).
    public var systemTimeZoneDirectory: String?

    /// Whether a run records what it wrote as sent (the published-state file). `baraza build` writes the
    /// messages without recording them: publishing is the explicit `baraza export invitations`.
    public var recordsState: Bool

    /// Creates the exporter.
    public init(stamp: Instant? = nil, systemTimeZoneDirectory: String? = nil, recordsState: Bool = true) {
        self.stamp = stamp
        self.systemTimeZoneDirectory = systemTimeZoneDirectory
        self.recordsState = recordsState
    }

    /// What this run would send, from the workspace and its published state.
    public func plan(for workspace: Workspace) throws -> InvitationPlan {
        let statePath = workspace.path + "/" + PublishedState.fileName
        let previous = try workspace.state.publishedInvitations()
        if let previous, previous.event != workspace.event.id.rawValue {
            throw CalendarExportError.stateOfAnotherEvent(file: statePath, event: previous.event)
        }
        let stamp =
            self.stamp ?? previous?.stampInstant.map { $0.adding(minutes: 1) }
            ?? CalendarStamp.eventStart(workspace.event)
        return InvitationPlan(workspace: workspace, previous: previous, stamp: stamp)
    }

    /// A publication records what it sent: the runner holds the workspace's lock from reading the state to
    /// recording it, or two runs at once would both send the same updates and the second record would hide the first.
    public func recordsInWorkspace(_ workspace: Workspace) -> Bool { recordsState }

    /// Plans the messages under `invitations/`, and the published state a real run records.
    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let plan = try plan(for: workspace)
        let event = workspace.event
        guard plan.isEmpty || !event.organizer.email.isEmpty else {
            throw CalendarExportError.missingOrganizerEmail(file: event.location.file)
        }
        let message = InvitationMessages(
            workspace: workspace, plan: plan, systemTimeZoneDirectory: systemTimeZoneDirectory
        ).message
        let builder = message.builder
        var result = ExportPlan()
        for delivery in plan.deliveries {
            let base =
                "invitations/\(CalendarExporter.fileName(delivery.person.rawValue))/"
                + CalendarExporter.fileName(delivery.session.rawValue)
            let verb = delivery.method == .request ? "request" : "cancel"
            result.notes.append(
                .dryRunOnly(
                    "\(base): \(verb) SEQUENCE \(delivery.sequence) to \(delivery.person.rawValue): \(delivery.reason)")
            )
            // Built now, on this thread (the builder caches zones and is not shared); the plan never lists a
            // person without an address, who would get nothing.
            guard let files = message.files(for: delivery) else { continue }
            result.files += [
                PlannedFile(path: base + ".ics", mediaType: "text/calendar", bytes: .data { files.calendar }),
                PlannedFile(path: base + ".eml", mediaType: "message/rfc822", bytes: .data { files.mail }),
            ]
        }
        if !plan.withoutEmail.isEmpty {
            result.notes.append(
                .always("no email, so no invitation for: " + plan.withoutEmail.map(\.rawValue).joined(separator: ", ")))
        }
        if !plan.unresolved.isEmpty {
            result.notes.append(
                .always(
                    "published sessions whose times no longer resolve were left as sent (see baraza check): "
                        + plan.unresolved.map(\.rawValue).joined(separator: ", ")))
        }
        // The zones corrected while building the messages; a dry run has always been told only what it sends.
        result.notes += builder.systemZones.notes.map(ExportNote.writtenOnly)
        if plan.isEmpty {
            result.notes.append(.always("nothing changed since the last publication; nothing to send"))
        } else {
            let requests = plan.deliveries.filter { $0.method == .request }.count
            let people = Set(plan.deliveries.map(\.person)).count
            result.notes.append(
                .writtenOnly(
                    "\(requests) request(s) and \(plan.deliveries.count - requests) cancellation(s) for \(people) "
                        + "people; --dry-run lists each with its reason"))
            if recordsState {
                let state = plan.state
                result.records.append(
                    WorkspaceRecord(
                        path: PublishedState.fileName,
                        note: "recorded what was sent in \(workspace.path)/\(PublishedState.fileName)"
                    ) { state.encoded() })
            } else {
                result.notes.append(
                    .writtenOnly("not recorded as sent; `baraza export invitations` publishes and records them"))
            }
        }
        return result
    }
}

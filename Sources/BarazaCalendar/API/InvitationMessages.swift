import BarazaModel
import Foundation

/// What an invitation shows besides the plan: the addresses other than the organiser's `From:` (see `baraza send`'s
/// `smtp:` settings) and each person's own feed.
public struct InvitationMailOptions: Sendable, Hashable {
    /// The mailbox that actually sends, shown as `Sender:` when it is not the organiser's; nil: the organiser.
    public var sender: String?
    /// Where answers go (`Reply-To:`); nil: the organiser.
    public var replyTo: String?
    /// Each person's own calendar feed (`webcal://…/feeds/<token>.ics` of `baraza serve`), by person id: written
    /// in their messages, so their calendar app can subscribe and follow every later change by itself.
    public var personalFeeds: [String: String]

    /// Creates the options.
    public init(sender: String? = nil, replyTo: String? = nil, personalFeeds: [String: String] = [:]) {
        self.sender = sender
        self.replyTo = replyTo
        self.personalFeeds = personalFeeds
    }
}

/// One iMIP message of a plan, ready for a mail server: the same octets `export invitations` writes as `.eml`.
public struct InvitationMail: Sendable {
    /// What the message is.
    public var delivery: InvitationPlan.Delivery
    /// The person's address (the envelope recipient).
    public var recipient: String
    /// The calendar part (`.ics`).
    public var calendar: Data
    /// The whole message (`.eml`), CRLF line ends.
    public var message: Data
}

/// Renders the messages of an ``InvitationPlan``, dated with the plan's publication stamp.
public struct InvitationMessages {
    let message: InvitationMessage

    /// Prepares the messages of `plan` for `workspace`; `options` adds `Sender:`, `Reply-To:` and personal feeds.
    public init(
        workspace: Workspace, plan: InvitationPlan, options: InvitationMailOptions = InvitationMailOptions(),
        systemTimeZoneDirectory: String? = nil
    ) {
        let stamp = CalendarStamp.parse(plan.state.stamp) ?? CalendarStamp.eventStart(workspace.event)
        let builder = CalendarBuilder(
            workspace: workspace, stamp: stamp, sequences: [:],
            systemZones: SystemZoneRules(directory: systemTimeZoneDirectory))
        message = InvitationMessage(builder: builder, plan: plan, options: options)
    }

    /// The message of `delivery`; nil when the person or their address is missing.
    public func mail(for delivery: InvitationPlan.Delivery) -> InvitationMail? {
        guard let files = message.files(for: delivery),
            let email = message.workspace.peopleByID[delivery.person]?.email
        else { return nil }
        return InvitationMail(delivery: delivery, recipient: email, calendar: files.calendar, message: files.mail)
    }

    /// Notes about time zones the system's tz database changed (see ``CalendarExporter``).
    public var notes: [String] { message.builder.systemZones.notes }
}

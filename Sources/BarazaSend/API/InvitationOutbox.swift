import BarazaCalendar
import BarazaFolder
import BarazaMail
import BarazaModel
import Foundation

/// The outbox of a workspace (`invitations-outbox/`): one numbered folder per batch (`batch-0001/`) holding
/// `batch.json`, the messages (`messages/00001.eml`...), `sent.log` and `report.csv`.
///
/// Exactly once: the outbox is used under the workspace's exclusive lock; a message's outcome is appended to
/// `sent.log` and flushed to disk the moment the server answers; a run that was killed resumes its batch and skips
/// what the log records. At the end of a run the published state (`published-invitations.json`) is updated for
/// the messages the server accepted only (``DeliveredState``), and the batch is closed; what was not accepted is
/// planned again by the next run.
public final class InvitationOutbox {
    /// The outbox folder inside the workspace.
    public static let folderName = "invitations-outbox"

    /// The workspace folder.
    public let folder: WorkspaceFolder
    private let lock: WorkspaceLock

    /// Opens the outbox of the workspace at `workspacePath`: takes the exclusive lock (shared with `forWriting`
    /// false, for `--dry-run`) and completes any change a crash interrupted.
    public init(workspacePath: String, forWriting: Bool, waiting: LockWaiting = .standard) throws {
        folder = try WorkspaceFolder(workspacePath)
        if forWriting {
            lock = try WorkspaceLock.acquire(folder, .exclusive, waiting: waiting)
            do { try WorkspaceJournal.recover(folder) } catch {
                lock.release()
                throw error
            }
        } else {
            lock = try folder.lockForReading(waiting: waiting)
        }
    }

    deinit { lock.release() }

    /// Gives the lock back.
    public func close() { lock.release() }

    // MARK: Planning

    /// The batch this run sends, and its folder (relative to the workspace). A batch left unfinished by a killed
    /// run is resumed as it was planned (`resumed` true; `only` must then match it); otherwise a new batch is planned
    /// from `workspace` and its published state, and, with `write`, its messages and `batch.json` are written.
    public func batch(
        for workspace: Workspace, envelopeFrom: MailAddress, options: InvitationMailOptions, only: [String],
        systemTimeZoneDirectory: String?, write: Bool
    ) throws -> (batch: InvitationBatch, folder: String, resumed: Bool) {
        let exporter = InvitationExporter(systemTimeZoneDirectory: systemTimeZoneDirectory)
        let previous = try workspace.state.publishedInvitations()
        if let pending = try pendingBatch(previous: previous) {
            guard (pending.batch.only ?? []) == only.sorted() || only.isEmpty else {
                throw SendError.pendingBatchDiffers(
                    folder: folder.display(pending.folder), only: pending.batch.only ?? [])
            }
            return (pending.batch, pending.folder, true)
        }
        let plan = try exporter.plan(for: workspace)
        if !plan.isEmpty && workspace.event.organizer.email.isEmpty {
            throw CalendarExportError.missingOrganizerEmail(file: workspace.event.location.file)
        }
        let unknown = only.filter { workspace.peopleByID[Person.ID($0)] == nil }
        guard unknown.isEmpty else { throw SendError.unknownPeople(unknown) }
        let selection = Set(only)
        let batchFolder = try nextFolder()
        let messages = InvitationMessages(
            workspace: workspace, plan: plan, options: options, systemTimeZoneDirectory: systemTimeZoneDirectory)
        var planned: [BatchMessage] = []
        var number = 0
        for delivery in plan.deliveries {
            var message = BatchMessage(
                person: delivery.person.rawValue, session: delivery.session.rawValue, method: delivery.method.rawValue,
                sequence: delivery.sequence, reason: delivery.reason)
            if selection.isEmpty || selection.contains(delivery.person.rawValue),
                let mail = messages.mail(for: delivery)
            {
                number += 1
                let file = "messages/" + String(format: "%05d.eml", number)
                message.file = file
                message.recipient = mail.recipient
                if write { try folder.writeDurably(mail.message, as: batchFolder + "/" + file, flush: false) }
            }
            planned.append(message)
        }
        let batch = InvitationBatch(
            format: 1, event: workspace.event.id.rawValue, stamp: plan.state.stamp, previousStamp: previous?.stamp,
            envelopeFrom: envelopeFrom.address, only: only.isEmpty ? nil : only.sorted(), previous: previous,
            target: plan.state, messages: planned)
        if write && number > 0 {
            // The messages reach the disk before batch.json names them: a batch exists whole or not at all.
            try folder.flushFileSystem()
            try folder.writeDurably(Self.encode(batch), as: batchFolder + "/batch.json")
        }
        return (batch, batchFolder, false)
    }

    /// The folder of a batch a killed run left open (to be finished by `baraza send invitations` before anything
    /// else publishes), shown as the user named the workspace; nil when there is none.
    /// `published` is the workspace's published state (``WorkspaceState/publishedInvitations()``).
    public func interruptedBatch(published previous: PublishedState?) throws -> String? {
        return try pendingBatch(previous: previous).map { folder.display($0.folder) }
    }

    /// The newest batch folder, when its batch is not closed and was planned from the current published state.
    private func pendingBatch(previous: PublishedState?) throws -> (batch: InvitationBatch, folder: String)? {
        guard let last = batchFolders().last else { return nil }
        let path = last + "/batch.json"
        guard folder.has(path) else { return nil }
        let log = SentLog(try readIfPresent(last + "/" + SentLog.fileName))
        guard !log.closed else { return nil }
        let batch: InvitationBatch
        do {
            batch = try JSONDecoder().decode(InvitationBatch.self, from: try folder.contents(of: path))
        } catch let error as FolderError {
            throw error
        } catch {
            throw SendError.unreadableBatch(file: folder.display(path), reason: "\(error)")
        }
        // A batch whose state was recorded (its stamp is the published one) only lacks its closing line.
        return batch.previousStamp == previous?.stamp ? (batch, last) : nil
    }

    /// The batch folders, oldest first (`invitations-outbox/batch-0001`...).
    private func batchFolders() -> [String] {
        guard let outbox = try? folder.entry(Self.folderName), outbox.exists,
            let names = try? FileManager.default.contentsOfDirectory(atPath: outbox.canonical)
        else { return [] }
        return names.filter { $0.wholeMatch(of: /batch-[0-9]{4,}/) != nil }
            .sorted { ($0.count, $0) < ($1.count, $1) }
            .map { Self.folderName + "/" + $0 }
    }

    private func nextFolder() throws -> String {
        let last = batchFolders().last.flatMap { Int($0.split(separator: "-").last ?? "") } ?? 0
        return Self.folderName + "/" + String(format: "batch-%04d", last + 1)
    }

    private func readIfPresent(_ relative: String) throws -> Data {
        folder.has(relative) ? try folder.contents(of: relative) : Data()
    }

    static func encode(_ batch: InvitationBatch) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(batch)) ?? Data()
        data.append(0x0A)
        return data
    }

    // MARK: Sending

    /// Sends the selected messages of `batch` that its `sent.log` does not record, through `submission`, then
    /// records the outcome: the published state for what was accepted, `report.csv`, and the closing line.
    /// Temporary failures are tried again after `options.retryDelays`; a permanent one is reported and the others
    /// go on; settings the server cannot work with stop the run. What was not accepted is planned again next run.
    public func send(
        _ batch: InvitationBatch, in batchFolder: String, through submission: any MailSubmission,
        options: SendOptions
    ) throws -> SendSummary {
        let log = SentLog(try readIfPresent(batchFolder + "/" + SentLog.fileName))
        let selected = batch.selected
        var results: [String: DeliveryResult] = [:]
        for message in selected {
            if let entry = log.entries[message.key] {
                results[message.key] = DeliveryResult(
                    message: message, status: entry.status == "sent" ? .sentEarlier : .failed, time: entry.time,
                    reply: SMTPReply(code: entry.code, text: entry.reply), attempts: 0)
            }
        }
        guard let from = MailAddress(batch.envelopeFrom) else {
            throw SendError.unreadableBatch(
                file: folder.display(batchFolder + "/batch.json"), reason: "envelopeFrom is not an address")
        }
        var queue = SendQueue(selected.filter { results[$0.key] == nil }, ratePerMinute: options.ratePerMinute)
        let clock = ContinuousClock()
        let started = clock.now
        var stopped: String?
        var counts = (sent: 0, failed: 0)
        for result in results.values where result.status == .failed { counts.failed += 1 }
        let total = selected.count
        var left = selected.count - results.count
        let sentEarlier = results.values.filter { $0.status == .sentEarlier }.count

        func report() {
            let elapsed = (clock.now - started) / .seconds(60)
            options.progress?(
                SendProgress(
                    sent: counts.sent, sentEarlier: sentEarlier, failed: counts.failed, left: left, total: total,
                    perMinute: elapsed > 0 ? Double(counts.sent) / elapsed : 0))
        }
        report()
        while stopped == nil, let (message, attempt) = queue.next() {
            guard let file = message.file else { continue }
            let outcome: SMTPOutcome
            if let address = message.recipient.flatMap(MailAddress.init) {
                outcome = submission.send(try folder.contents(of: batchFolder + "/" + file), from: from, to: [address])
            } else {
                // The workspace accepts some addresses SMTP without SMTPUTF8 cannot carry (a non-ASCII name part).
                outcome = .permanentFailure(
                    SMTPReply(code: 0, text: "not sent: the address is not a plain ASCII local@domain address"))
            }
            let time = Self.timestamp(options.now())
            switch outcome {
            case .accepted(let reply), .permanentFailure(let reply):
                let accepted = if case .accepted = outcome { true } else { false }
                let entry = SentLog.Entry(
                    status: accepted ? "sent" : "failed", key: message.key, time: time, code: reply.code,
                    reply: reply.text)
                try folder.appendDurably(SentLog.line(entry), to: batchFolder + "/" + SentLog.fileName)
                results[message.key] = DeliveryResult(
                    message: message, status: accepted ? .sent : .failed, time: time, reply: reply, attempts: attempt)
                if accepted { counts.sent += 1 } else { counts.failed += 1 }
                left -= 1
            case .temporaryFailure(let reply):
                if attempt <= options.retryDelays.count {
                    // A dropped connection is tried again at once on a new one; a 4xx waits, as the server asked.
                    let delay = reply.code == 0 && attempt == 1 ? 0 : options.retryDelays[attempt - 1]
                    queue.retry(message, attempt: attempt + 1, after: delay)
                } else {
                    results[message.key] = DeliveryResult(
                        message: message, status: .notSent, time: time, reply: reply, attempts: attempt)
                    left -= 1
                }
            case .unusable(let reply):
                stopped = reply.text
                results[message.key] = DeliveryResult(
                    message: message, status: .notSent, time: time, reply: reply, attempts: attempt)
            }
            report()
        }
        for message in selected where results[message.key] == nil {
            results[message.key] = DeliveryResult(
                message: message, status: .notSent, time: nil, reply: nil, attempts: 0)
        }
        let ordered = selected.map { results[$0.key]! }
        var summary = SendSummary(results: ordered, stoppedBecause: stopped, folder: folder.display(batchFolder))
        try folder.writeDurably(SendReport.csv(ordered), as: batchFolder + "/report.csv")
        summary.recorded = try close(batch, in: batchFolder, results: ordered, at: Self.timestamp(options.now()))
        return summary
    }

    /// Records the state for what was accepted (when anything was), then closes the batch.
    private func close(_ batch: InvitationBatch, in batchFolder: String, results: [DeliveryResult], at time: String)
        throws -> Bool
    {
        let accepted = Set(results.filter { $0.status == .sent || $0.status == .sentEarlier }.map(\.message.key))
        let record = !accepted.isEmpty
        if record {
            let undelivered = batch.messages.filter { !accepted.contains($0.key) }
            let state = DeliveredState.merge(batch: batch, undelivered: undelivered)
            try folder.writeDurably(state.encoded(), as: PublishedState.fileName)
        }
        try folder.appendDurably(SentLog.closing(at: time), to: batchFolder + "/" + SentLog.fileName)
        return record
    }

    static func timestamp(_ date: Date) -> String {
        Instant(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down))).iso8601UTC
    }
}

import ArgumentParser
import BarazaCore
import BarazaFolder
import BarazaModel
import BarazaPropose
import BarazaWorkspace
import Foundation

struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place the sessions that have no time yet (or `pin: false`) so that every error rule holds.",
        discussion: """
            Writes the placements to proposed.yaml in the workspace, which nothing includes: review it, then \
            accept it with --apply (which writes placements.yaml and includes it from event.yaml). Prints what \
            was placed, the hard violations (0 when the checks accept the result), each soft penalty with its \
            weight (propose.weights in event.yaml) and sessions, and what changed since the previous proposal. \
            When sessions cannot all fit, says which sessions, people, rooms and rules stand in the way.

            The same workspace and seed give the same proposal on any machine: the search tries a fixed number \
            of moves (--effort). The time limit is only a safety stop; when it cuts the search short the summary \
            says so.

            Exit status: 0 when every session is placed and the checks accept the result, 1 when some cannot be \
            placed, 2 when the input cannot be read or the files cannot be written.

            Examples:
              baraza propose events/final-kigali-2027
              baraza propose events/final-kigali-2027 --seed 7 --time-limit 30s
              baraza propose events/final-kigali-2027 --keep-placed --apply
            """)

    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Option(help: "Seed of the search: another seed gives another proposal of the same quality.")
    var seed: UInt64 = 1

    @Option(help: "Moves the search tries (default: 100,000 plus 4,000 per session to place, at most 12 million).")
    var effort: Int?

    @Option(name: .customLong("time-limit"), help: "Stop the search after this long whatever is left (e.g. 10s, 2m).")
    var timeLimit: TimeLimit = TimeLimit(seconds: 60)

    @Flag(help: "Start from where sessions are already placed and move as few of them as possible.")
    var keepPlaced = false

    @Flag(help: "Accept the proposal: write placements.yaml and include it from event.yaml.")
    var apply = false

    @Option(
        help:
            "A folder of other workspaces whose presenters must not be double-booked (default: the folder holding this workspace)."
    )
    var others: String?

    @Flag(help: "Ignore other workspaces.")
    var alone = false

    @Flag(help: "Print the search's timings to standard error (for benchmarks).")
    var timings = false

    func run() throws {
        let started = ContinuousClock.now
        let loader = RuleCatalogue.loader
        let loaded = try loader.load(directory: workspace)
        let draft = (workspace as NSString).appendingPathComponent(ProposalFile.draftName)
        if loaded.placements.contains(where: { samePath($0.location.file, draft) }) {
            throw CommandFailure.unreadable(
                "\(draft) is included by the workspace, so it is live and a new draft would change the "
                    + "programme: rename it to \(ProposalFile.acceptedName) (and its include), or remove the include")
        }
        var previous: [Placement]?
        do {
            previous = try loader.readPlacements(in: workspace, file: ProposalFile.draftName)
        } catch {
            FileHandle.standardError.write(
                Data("note: the previous \(ProposalFile.draftName) cannot be read; it is replaced\n".utf8))
        }
        if previous == nil, !loaded.placements.isEmpty { previous = loaded.placements }
        let progress = Terminal.standardErrorIsTerminal ? ProgressLine(limit: timeLimit.duration) : nil
        var report: (@Sendable (SearchProgress) -> Void)?
        if let progress { report = { progress.show($0) } }
        let options = ProposeOptions(
            seed: seed, effort: effort, timeLimit: timeLimit.duration, keepPlaced: keepPlaced, progress: report)
        let others = otherWorkspaces(loader, event: loaded.event.id)
        let loading = ContinuousClock.now - started
        let proposal = Proposer(options: options).propose(loaded, others: others, previous: previous ?? [])
        progress?.finish()
        let changes = previous.map { ProposalFile.changes(from: $0, to: proposal) }
        let summary = ProposalReport(proposal: proposal, changes: changes, keepPlaced: keepPlaced)
        print(summary.text(colour: Terminal.standardOutputIsColourTerminal), terminator: "")
        if timings { printTimings(proposal.statistics, loading: loading) }
        do {
            let path = try ProposalWriter.writeDraft(ProposalFile.render(proposal), workspace: workspace)
            print("Wrote \(path)")
            if apply {
                guard proposal.isComplete else {
                    throw CommandFailure.findings("not applied: the proposal does not place every session")
                }
                for written in try ProposalWriter.accept(
                    ProposalFile.render(proposal, accepted: true), workspace: workspace)
                {
                    print("Wrote \(written)")
                }
            } else {
                print("Review it, then accept it with `baraza propose \(workspace) --apply`.")
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.unreadable("cannot write the proposal: \(error)")
        }
        if !proposal.isComplete { throw CommandFailure.findings(nil) }
    }

    /// The other workspaces beside this one (or in `--others`), each read on its own; one that cannot be read is
    /// skipped with a note.
    /// A folder holding the same event (a copy, a backup) is not another event: it is skipped with a note, or
    /// every session would clash with its own copy.
    private func otherWorkspaces(_ loader: WorkspaceLoader, event: Event.ID) -> [Workspace] {
        guard !alone else { return [] }
        let folder = others ?? PathText.parent(of: workspace)
        let root = folder.isEmpty ? "." : folder
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        var found: [Workspace] = []
        for child in children {
            let path = (root as NSString).appendingPathComponent(child)
            guard !samePath(path, workspace),
                FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("event.yaml"))
            else { continue }
            do {
                let other = try loader.load(directory: path)
                guard other.event.id != event else {
                    FileHandle.standardError.write(
                        Data("note: \(path) holds the same event (\(event)); it is not taken as another one\n".utf8))
                    continue
                }
                found.append(other)
            } catch {
                FileHandle.standardError.write(
                    Data("note: \(path) cannot be read; its presenters' sessions are not taken into account\n".utf8))
            }
        }
        return found
    }

    private func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private func printTimings(_ s: Proposal.Statistics, loading: Duration) {
        func seconds(_ d: Duration?) -> String {
            guard let d else { return "none" }
            let c = d.components
            return String(format: "%.3f", Double(c.seconds) + Double(c.attoseconds) / 1e18)
        }
        let line =
            "timings: load \(seconds(loading)) s, first feasible \(seconds(s.firstFeasibleTime)) s (move "
            + "\(s.firstFeasibleMove.map(String.init) ?? "none")), search \(seconds(s.searchTime)) s, propose "
            + "\(seconds(s.totalTime)) s, moves \(s.movesTried) of \(s.effort), candidates \(s.candidates)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// A duration written `90`, `90s`, `10m`, `1m30s` or `500ms`.
struct TimeLimit: ExpressibleByArgument {
    var duration: Duration

    init(seconds: Int) { duration = .seconds(seconds) }

    init?(argument: String) {
        var text = argument.lowercased()
        var total = Duration.zero
        if let n = Int(text) {
            guard n > 0 else { return nil }
            duration = .seconds(n)
            return
        }
        if text.hasSuffix("ms"), let n = Int(text.dropLast(2)), n > 0 {
            duration = .milliseconds(n)
            return
        }
        var number = ""
        while let c = text.first {
            text.removeFirst()
            if c.isASCII && c.isNumber {
                number.append(c)
            } else if let n = Int(number), c == "h" || c == "m" || c == "s" {
                total += .seconds(n * (c == "h" ? 3600 : c == "m" ? 60 : 1))
                number = ""
            } else {
                return nil
            }
        }
        guard number.isEmpty, total > .zero else { return nil }
        duration = total
    }
}

/// The progress line on a terminal: moves done, best score so far, time left before the limit.
final class ProgressLine: @unchecked Sendable {
    private let limit: Duration
    private let lock = NSLock()

    init(limit: Duration) { self.limit = limit }

    func show(_ p: SearchProgress) {
        let left = max(0, Double((limit - p.elapsed).components.seconds))
        let percent = p.effort > 0 ? 100 * p.moves / p.effort : 100
        let text = "\rproposing: \(percent)% of \(p.effort) moves, best \(p.best), \(Int(left)) s left at most  "
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

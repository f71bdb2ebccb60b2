import BarazaModel
import BarazaOutput
import Foundation

/// `baraza build`'s progress on a terminal: one line on standard error, rewritten in place (the step, files
/// written so far, seconds spent) at most a few times a second, and closed with the step's outcome. Nothing at
/// all when standard error is not a terminal, so piped and logged output stays as it was and deterministic;
/// `BARAZA_PROGRESS=always` shows it anyway (tests), `BARAZA_PROGRESS=never` never.
final class BuildProgress: @unchecked Sendable {
    /// Whether progress is shown: on a terminal, unless the environment says otherwise.
    static var enabled: Bool {
        switch ProcessInfo.processInfo.environment["BARAZA_PROGRESS"] {
        case "always": return true
        case "never": return false
        default: return Terminal.standardErrorIsTerminal
        }
    }

    private let lock = NSLock()
    private let shown: Bool
    private var label = ""
    private var written = 0
    private var total = 0
    private var started = Date()
    private var timer: DispatchSourceTimer?

    init(shown: Bool = BuildProgress.enabled) { self.shown = shown }

    deinit { timer?.cancel() }

    /// Starts a step (`[3/8] pack…`); its line is refreshed twice a second until `finish`.
    func start(_ label: String, files: Int = 0) {
        guard shown else { return }
        lock.withLock {
            self.label = label
            written = 0
            total = files
            started = Date()
        }
        draw()
        if timer == nil {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            self.timer = timer
        }
    }

    /// The step now writes `files` files.
    func expect(files: Int) {
        guard shown else { return }
        lock.withLock { total = files }
    }

    /// One more file written (from any thread).
    func fileWritten() {
        guard shown else { return }
        lock.withLock { written += 1 }
    }

    /// Ends the step's line with `outcome` (`12 files`, `failed`), or clears it when `outcome` is nil.
    func finish(_ outcome: String?) {
        guard shown else { return }
        // Written under the lock, so a refresh from the timer never lands after the closing line.
        lock.withLock {
            let line = outcome.map { "\r\u{1B}[K\(label) \($0)\n" } ?? "\r\u{1B}[K"
            label = ""
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    private func draw() {
        lock.withLock {
            guard !label.isEmpty else { return }
            var line = "\r\u{1B}[K\(label)"
            if total > 0 { line += " \(written)/\(total) files" }
            let seconds = Int(Date().timeIntervalSince(started))
            if seconds > 0 { line += " (\(seconds) s)" }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

/// An exporter that tells `progress` how many files its plan holds and when each has been written.
struct ProgressReportingExporter: Exporter {
    let exporter: any Exporter
    let progress: BuildProgress

    var id: String { exporter.id }
    var summary: String { exporter.summary }

    func recordsInWorkspace(_ workspace: Workspace) -> Bool { exporter.recordsInWorkspace(workspace) }

    func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        var plan = try exporter.plan(workspace, in: directory)
        let progress = self.progress
        progress.expect(files: plan.files.count)
        plan.files = plan.files.map { file in
            var file = file
            switch file.bytes {
            case .data(let produce):
                file.bytes = .data {
                    defer { progress.fileWritten() }
                    return try produce()
                }
            case .stream(let produce):
                file.bytes = .stream { writer in
                    try produce(&writer)
                    progress.fileWritten()
                }
            case .file(let produce):
                file.bytes = .file { destination in
                    try produce(destination)
                    progress.fileWritten()
                }
            }
            return file
        }
        return plan
    }
}

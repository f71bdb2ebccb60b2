import BarazaTestSupport
import Foundation
import Testing

/// Exports onto a really full disk: a small tmpfs mounted in a private mount namespace (`unshare`, as an
/// unprivileged user through a user namespace), so the kernel itself answers ENOSPC to the writes. Each export says
/// which file and that the disk is full, exits 2, and leaves no temporary file behind.
struct FullDiskTests {
    /// Whether this machine lets a test mount a tmpfs of its own (user namespaces, or root).
    static let canMountTmpfs: Bool = {
        (try? mountedRun(size: "64k", script: "true").status) == 0
    }()

    /// Runs `script` with `sh` in a fresh mount namespace where `$DISK` is an empty tmpfs of `size`; `$1`... are
    /// `arguments`. Returns the exit status and what was printed.
    static func mountedRun(size: String, script: String, arguments: [String] = []) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let disk = ScratchFolders.url("baraza-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: disk) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        // As root a mount namespace is enough; otherwise a user namespace maps this user to root inside it.
        let namespaces = geteuid() == 0 ? ["--mount"] : ["--map-root-user", "--mount"]
        process.arguments =
            namespaces + [
                "sh", "-c", "mount -t tmpfs -o size=\(size) tmpfs \"$DISK\" || exit 99\n" + script, "sh",
            ] + arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["DISK"] = disk.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// `baraza <arguments> --out $DISK/out` on a disk of `size`, then the temporaries left on the disk.
    static func exportOnFullDisk(_ arguments: [String], size: String) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        try mountedRun(
            size: size,
            script: """
                "\(barazaExecutable.path)" "$@" --out "$DISK/out"
                status=$?
                echo "temporaries: $(find "$DISK" -name '.*.tmp-*' | wc -l)"
                exit $status
                """, arguments: arguments)
    }

    static let hint = "No space left on device (the disk is full: free some space, or write elsewhere with --out)\n"

    /// Calendars are streamed, the agenda written whole, badges drawn by Cairo and packs zipped by ZIPFoundation:
    /// each way of writing reports the full disk.
    @Test(
        .enabled(if: canMountTmpfs, "needs to mount a tmpfs (user namespaces or root)"),
        arguments: [
            (["export", "ics"], "64k", "ics: cannot write $DISK/out/calendars/"),
            (["export", "agenda"], "16k", "agenda: cannot write $DISK/out/agenda/index.html: "),
            (["export", "badges"], "40k", "badges: cannot write $DISK/out/badges/badges-a4-8.pdf: "),
            (["export", "pack"], "24k", "pack: cannot write $DISK/out/packs/public.zip: "),
            (["build"], "64k", "ics: cannot write $DISK/out/calendars/"),
        ])
    func aFullDiskSaysSo(_ command: [String], size: String, expected: String) throws {
        // A copy: `export badges` records the printed set, so it holds the workspace's exclusive lock throughout.
        let sample = try ScratchFolders.copyOfSample("events/final-kigali-2027")
        defer { try? FileManager.default.removeItem(at: sample.deletingLastPathComponent()) }
        let run = try Self.exportOnFullDisk(command + [sample.path], size: size)
        #expect(run.status == 2, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter {
            $0.hasPrefix("error: ")
        }
        #expect(lines.count == 1, "\(run.stderr)")
        let line = String(lines.first ?? "")
        let disk = line.firstMatch(of: /cannot write (\/[^ ]*baraza-disk-[^\/]+)\//)?.1 ?? ""
        #expect(
            line.replacingOccurrences(of: disk, with: "$DISK").hasPrefix("error: " + expected), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(Self.hint), "\(run.stderr)")
        #expect(run.stdout.hasSuffix("temporaries: 0\n"), "\(run.stdout)")
        // A print run that failed records no printed set, and no change is left half done in the workspace.
        let left = try FileManager.default.contentsOfDirectory(atPath: sample.path)
        let own = (try? FileManager.default.contentsOfDirectory(atPath: sample.path + "/.baraza")) ?? []
        #expect(!left.contains("badges-printed.yaml"), "\(left)")
        #expect(!own.contains("staging") && !own.contains("journal"), "\(own)")
    }

    /// `baraza init` on a full disk says so too (the folder is left without `event.yaml`, so not a workspace).
    @Test(.enabled(if: canMountTmpfs, "needs to mount a tmpfs (user namespaces or root)"))
    func initOnAFullDiskSaysSo() throws {
        let run = try Self.mountedRun(
            size: "8k",
            script: """
                "\(barazaExecutable.path)" init "$DISK/ws"
                status=$?
                test -e "$DISK/ws/event.yaml" && echo "event.yaml written"
                exit $status
                """)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: cannot write "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(Self.hint), "\(run.stderr)")
        #expect(!run.stdout.contains("event.yaml written"))
    }
}

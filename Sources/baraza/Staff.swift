import ArgumentParser
import BarazaFolder
import BarazaModel
import BarazaServe
import Foundation

/// `baraza staff`: the door staff accounts of `baraza serve` (in the state folder, never in the workspace).
struct Staff: CommandGroup {
    static let configuration = CommandConfiguration(
        abstract: "Door staff accounts for check-in at /staff/ of `baraza serve`.",
        discussion: """
            Accounts live in the state folder (staff.json: names and bcrypt hashes), never in the workspace.

            Examples:
              printf '%s\\n' "$PASSWORD" | baraza staff add events/final-kigali-2027 --name door-1
              baraza staff remove events/final-kigali-2027 --name door-1
            """,
        subcommands: [Add.self, Remove.self])

    /// `baraza staff add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account, or set its password: the password is read from standard input (one line).",
            discussion: """
                Examples:
                  printf '%s\\n' "$PASSWORD" | baraza staff add events/final-kigali-2027 --name door-1
                """)

        @OptionGroup var options: FeedOptions

        @Option(help: "The account's name (letters, digits, '-', '_', '.').")
        var name: String

        func validate() throws {
            guard !name.isEmpty, name.count <= 64,
                name.unicodeScalars.allSatisfy({
                    CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)
                })
            else { throw ValidationError("--name \(name): expected up to 64 letters, digits, '-', '_' or '.'") }
        }

        func run() throws {
            let workspace = try options.load()
            guard let password = readLine(strippingNewline: true), password.count >= 10, password.count <= 200 else {
                throw ValidationError("expected a password of 10 to 200 characters on standard input")
            }
            let folder = options.folder(for: workspace)
            do {
                var accounts = try StaffAccounts.load(in: folder)
                accounts.set(name: name, password: password)
                try accounts.save(in: folder)
            } catch {
                Terminal.printError(message: "\(error)")
                throw ExitStatus.unreadableInput
            }
            print("staff account \(name) saved")
        }
    }

    /// `baraza staff remove`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an account; its sessions end when the server next checks them.",
            discussion: """
                Examples:
                  baraza staff remove events/final-kigali-2027 --name door-1
                """)

        @OptionGroup var options: FeedOptions

        @Option(help: "The account's name.")
        var name: String

        func run() throws {
            let workspace = try options.load()
            let folder = options.folder(for: workspace)
            var accounts = try StaffAccounts.load(in: folder)
            guard accounts.remove(name: name) else { throw ValidationError("--name \(name): no such account") }
            try accounts.save(in: folder)
            print("staff account \(name) removed")
        }
    }
}

/// `baraza checkins merge`: the check-ins of several devices joined into the workspace's check-in file.
struct CheckIns: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "checkins",
        abstract: "Check-in files recorded at the door.",
        discussion: """
            Examples:
              baraza checkins merge events/final-kigali-2027 door-2/attendance.csv door-3/attendance.csv
            """,
        subcommands: [Merge.self])

    /// `baraza checkins merge`.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge check-in files into the workspace's: each person and session once, at its earliest time.",
            discussion: """
                Rows are ordered by time, then person, then session, so the same files give the same bytes in any
                order. The workspace's file (attendance.csv, or the one event.attendance names) is rewritten as one
                change under the workspace lock.

                Examples:
                  baraza checkins merge events/final-kigali-2027 door-2/attendance.csv door-3/attendance.csv
                """)

        @Argument(help: "The workspace folder (holding event.yaml).")
        var workspace: String

        @Argument(help: "Check-in files from other devices (CSV: person,session,time[,device]).")
        var files: [String]

        func run() throws {
            let loaded = try FeedOptions.loadWorkspace(workspace)
            let name = loaded.event.attendanceFile ?? "attendance.csv"
            guard name.lowercased().hasSuffix(".csv") else {
                throw ValidationError("\(name): only a CSV check-in file can be merged into")
            }
            do {
                var sources: [[CheckInMerge.Row]] = []
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw ServeError.badStateFile(path: file, reason: "cannot read it")
                    }
                    sources.append(try CheckInMerge.rows(of: data, name: file))
                }
                let change = try WorkspaceTransaction(WorkspaceFolder(workspace))
                defer { change.abandon() }
                let entry = try change.folder.resolve(name)
                if entry.exists {
                    let data = try change.folder.contents(of: entry, written: name)
                    sources.insert(try CheckInMerge.rows(of: data, name: change.folder.display(name)), at: 0)
                }
                let merged = CheckInMerge.merge(sources)
                try change.stage(Data(merged.utf8), as: name)
                _ = try change.commit()
                print("wrote \(change.folder.display(name)): \(merged.split(separator: "\n").count - 1) check-ins")
            } catch {
                Terminal.printError(message: "\(error)")
                throw ExitStatus.unreadableInput
            }
        }
    }
}

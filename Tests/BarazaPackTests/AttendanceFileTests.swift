import BarazaModel
import BarazaPack
import BarazaWorkspace
import Foundation
import Testing

/// Check-in files (CSV or YAML): good rows become attendance, bad rows are errors with file:line:column.
@Suite("Check-in files")
struct AttendanceFileTests {
    static func load(_ mini: MiniWorkspace) throws -> (Workspace, CheckInFile?) {
        let workspace = try mini.load()
        return (workspace, try workspace.state.checkIns(for: workspace))
    }

    static func errors(_ mini: MiniWorkspace) throws -> [String] {
        let workspace = try mini.load()
        do {
            _ = try workspace.state.checkIns(for: workspace)
            return []
        } catch let error as WorkspaceLoadFailure {
            return error.errors.map(\.message)
        }
    }

    @Test("A CSV check-in file becomes attendance; duplicates count once; times read in the session's zone")
    func goodCSV() throws {
        let mini = try MiniWorkspace()
        try mini.scratch.write(
            "\u{FEFF}person,session,time,device\r\nana,s1,2027-03-23T08:55,gate-1\r\nana,s1,08:58,gate-2\r\n\"chloe\",s3,,\r\n\r\nben,s2,2027-03-24T11:05+02:00,x\r\n",
            to: "mini/attendance.csv")
        let (workspace, file) = try Self.load(mini)
        let f = try #require(file)
        #expect(f.path == "attendance.csv")
        #expect(f.checkIns.count == 3)
        #expect(f.checkIns[0].time?.local.description == "2027-03-23 08:55")
        #expect(f.checkIns[0].time?.zone.identifier == "Africa/Kigali")
        #expect(f.checkIns[1].time == nil)
        #expect(f.checkIns[2].time?.offset == 7200)
        let attendance = Attendance(checkIns: f.checkIns, file: f.path, workspace: workspace)
        #expect(attendance.source == .checkInFile("attendance.csv"))
        #expect(attendance.attendees == ["ana", "ben", "chloe"])
        #expect(attendance.sessionsByPerson["ana"] == ["s1"])
    }

    @Test("Bad CSV rows are reported with file, line and column, all at once")
    func badCSV() throws {
        let mini = try MiniWorkspace()
        try mini.scratch.write(
            "person,session,time\nana,s1,09:00\nzed,s1,09:00\nben,nope,09:00\nchloe,s3,half past nine\nana,\"s1\"x,09:00\n\"ben,s2\n",
            to: "mini/attendance.csv")
        let errors = try Self.errors(mini)
        let file = "\(mini.root)/attendance.csv"
        let expected = [
            "\(file):3:1: person: `zed` is not valid; expected the id of a person defined in the workspace",
            "\(file):4:5: session: `nope` is not valid; expected the id of a session defined in the workspace",
            "\(file):5:10: time: `half past nine` is not valid; expected a check-in time `YYYY-MM-DDTHH:MM` or `HH:MM` (in the session's zone)",
            "\(file):6:9: YAML syntax: text after a closing quote; expected `,` or the end of the line",
            "\(file):7:1: YAML syntax: a quoted cell is never closed",
        ]
        for e in expected { #expect(errors.contains(e), "missing: \(e)\nall: \(errors)") }
    }

    @Test("A CSV without a `session` column is refused at its header")
    func missingColumn() throws {
        let mini = try MiniWorkspace()
        try mini.scratch.write("person,time\nana,09:00\n", to: "mini/attendance.csv")
        let errors = try Self.errors(mini)
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasSuffix(
                "attendance.csv:1:1: header column session: required, but missing; expected a header row naming `person` and `session` (and optionally `time`)"
            ) == true)
    }

    @Test("A YAML check-in file named in event.yaml is read, with errors at the bad field")
    func yamlFile() throws {
        let mini = try MiniWorkspace(extraEvent: "  attendance: checkin/day-scans.yaml")
        try mini.scratch.write(
            """
            attendance:
              - { person: ana, session: s1, time: 2027-03-23T09:01 }
              - { person: chloe, session: s9 }
              - { person: ben, session: s2, tim: 11:00 }
            """, to: "mini/checkin/day-scans.yaml")
        let errors = try Self.errors(mini)
        let file = "\(mini.root)/checkin/day-scans.yaml"
        #expect(errors.contains { $0.hasPrefix("\(file):3:31: session: `s9` is not valid") }, "\(errors)")
        #expect(
            errors.contains { $0.hasPrefix("\(file):4:33: attendance[2]: unknown key `tim`; did you mean `time`?") },
            "\(errors)")
    }

    @Test("A check-in file named in event.yaml must exist and stay inside the workspace")
    func namedFile() throws {
        let missing = try MiniWorkspace(extraEvent: "  attendance: scans.csv")
        #expect(
            try Self.errors(missing).first?.hasSuffix("scans.csv: cannot read: no such file or not readable") == true)
        let outside = try MiniWorkspace(extraEvent: "  attendance: ../scans.csv")
        #expect(try Self.errors(outside).first?.contains("event.attendance: `../scans.csv` is not valid") == true)
    }
}

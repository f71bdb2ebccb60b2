import BarazaModel
import BarazaWorkspace
import Testing

/// Bad input is the loader's user interface: each message names `file:line:column`, the field, and what was
/// expected. The exact texts are asserted here on purpose.
struct LoaderErrorTests {
    @Test func aYAMLSyntaxErrorNamesTheFileLineAndColumn() throws {
        let errors = loadErrors("syntax-error")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        guard case .syntax(let location, _) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(location.file.hasSuffix("syntax-error/event.yaml"))
        // The flow sequence opened on line 10 is still open when line 11 starts a new key.
        #expect((location.line, location.column) == (11, 10))
        #expect(
            relative(error.message)
                == "syntax-error/event.yaml:11:10: YAML syntax: while parsing a flow sequence started at line 10, column 12: "
                + "did not find expected ',' or ']'")
    }

    @Test func aValueOfTheWrongTypeNamesTheFieldAndWhatWasExpected() {
        let errors = loadErrors("wrong-type")
        #expect(
            errors.map { relative($0.message) } == [
                "wrong-type/event.yaml:15:19: venues[0].rooms[0].capacity: `lots` is not valid; expected a number of seats"
            ])
        #expect(errors.first?.location?.line == 15)
    }

    @Test func aMisspeltTimeZoneGetsADidYouMean() {
        #expect(
            loadErrors("bad-zone").map { relative($0.message) } == [
                "bad-zone/event.yaml:11:15: people[0].timezone: `Africa/Kigal` is not valid; expected an IANA time zone "
                    + "such as `Africa/Kigali` (did you mean `Africa/Kigali`?)"
            ])
    }

    @Test func anUnknownKeyGetsTheNearestValidKey() {
        let errors = loadErrors("unknown-key")
        #expect(
            errors.map { relative($0.message) } == [
                "unknown-key/event.yaml:12:5: venues[0]: unknown key `timezon`; did you mean `timezone`?",
                "unknown-key/event.yaml:9:5: venues[0].timezone: required, but missing; expected an IANA time zone such as `Africa/Kigali`",
            ])
        guard case .unknownKey(_, let key, _, let suggestion, let allowed) = errors.first else {
            Issue.record("expected an unknown key first")
            return
        }
        #expect(key == "timezon")
        #expect(suggestion == "timezone")
        #expect(allowed.contains("opening_hours"))
    }

    @Test func aKeyFarFromEveryValidKeyListsThemAll() {
        let error = WorkspaceError.unknownKey(
            SourceLocation(file: "event.yaml", line: 3, column: 1), key: "zzz", in: "top level", suggestion: nil,
            allowed: ["event", "include"])
        #expect(error.message == "event.yaml:3:1: top level: unknown key `zzz`; expected one of: event, include")
    }

    @Test func bothDurationAndEndIsAnError() {
        #expect(
            loadErrors("duration-and-end").map { relative($0.message) } == [
                "duration-and-end/event.yaml:13:15: sessions[0].duration: `90` is not valid; expected either `end` or "
                    + "`duration`, not both"
            ])
    }

    @Test func aSeverityOverrideForAnUnknownRuleGetsTheNearestRuleID() {
        #expect(
            loadErrors("unknown-rule").map { relative($0.message) } == [
                "unknown-rule/event.yaml:11:5: checks.severity: unknown key `room-double-bookd`; did you mean "
                    + "`room-double-booked`?"
            ])
    }

    @Test func duplicateIDsNameBothDefinitionsAcrossFiles() {
        #expect(
            loadErrors("duplicate-ids").map { relative($0.message) } == [
                "duplicate-ids/people.yaml:3:5: person id `grace-nakato` is already defined at duplicate-ids/event.yaml:11:5"
            ])
    }

    @Test func anErrorInAnIncludedFileNamesThatFile() {
        #expect(
            loadErrors("included-error").map { relative($0.message) } == [
                "included-error/people.yaml:5:22: people[0].roles[1]: `juggler` is not valid; expected one of speaker, "
                    + "moderator, participant, staff, press, interpreter"
            ])
    }

    @Test func anIncludeCycleIsAnError() {
        let errors = loadErrors("include-cycle")
        #expect(
            errors.map { relative($0.message) } == [
                "include-cycle/b.yaml:1:11: include `a.yaml`: include cycle: include-cycle/a.yaml → include-cycle/b.yaml → include-cycle/a.yaml"
            ])
    }

    @Test func aTopLevelListIsNamedAsTheTopLevel() {
        #expect(
            loadErrors("top-level-list").map { relative($0.message) } == [
                "top-level-list/event.yaml:1:1: top level: `a list` is not valid; expected a mapping with keys `event`, "
                    + "`include`, `checks`, `badges`, `certificates`, `propose`, `smtp`, `venues`, `travel`, `hotels`, `people`, "
                    + "`sessions`, `logistics`, `tags`, `placements`"
            ])
    }

    @Test func badEndsAndDurationsSayWhatWasExpected() {
        #expect(
            loadErrors("bad-end").map { relative($0.message) } == [
                "bad-end/event.yaml:8:54: sessions[0].end: `25:00` is not valid; expected an end time HH:MM (24-hour clock) "
                    + "or a date-time YYYY-MM-DDTHH:MM",
                "bad-end/event.yaml:9:54: sessions[1].end: `2026-11-17 09:00 to 2026-11-17 08:00` is not valid; expected an "
                    + "end after the start",
                "bad-end/event.yaml:10:59: sessions[2].duration: `0` is not valid; expected a duration in minutes (`90`), "
                    + "or `1h30`, `45m`, `PT1H30M`",
                "bad-end/event.yaml:11:59: sessions[3].duration: `1.5h` is not valid; expected a duration in minutes "
                    + "(`90`), or `1h30`, `45m`, `PT1H30M`",
                "bad-end/event.yaml:12:5: sessions[4].end: required, but missing; expected `end: HH:MM` or `duration: 90`",
                "bad-end/event.yaml:13:54: sessions[5].end: `09:00` is not valid; expected an end time different from "
                    + "the start (a date-time for a session of 24 hours)",
            ])
    }

    @Test func aFileIncludedTwiceIsNamedAsSuch() {
        #expect(
            loadErrors("include-twice").map { relative($0.message) } == [
                "include-twice/b.yaml:1:11: include `c.yaml`: already included by another file; include each file once"
            ])
    }

    @Test func anIncludeMayNotLeaveTheWorkspace() {
        #expect(
            loadErrors("include-outside").map { relative($0.message) } == [
                "include-outside/event.yaml:8:11: include `../include-twice/c.yaml`: leads outside the workspace folder"
            ])
    }

    @Test func aFolderWithoutEventYAMLIsNotAWorkspace() {
        let path = fixtures.appendingPathComponent("valid/sub").path
        #expect(throws: WorkspaceLoadFailure.self) { try loader.load(directory: path) }
        do {
            _ = try loader.loadAll(path: path)
        } catch {
            #expect(error.errors == [.notAWorkspace(path: path)])
            #expect(
                error.description.hasSuffix(
                    "valid/sub: not a workspace: expected an event.yaml in it, or folders that each hold one"))
        }
    }

    @Test func everyLoadErrorOfTheFixturesNamesAPlaceAndAField() {
        let names = [
            "syntax-error", "wrong-type", "bad-zone", "unknown-key", "duration-and-end", "unknown-rule",
            "duplicate-ids", "included-error", "include-cycle", "top-level-list", "bad-end", "include-twice",
            "include-outside",
        ]
        for name in names {
            for error in loadErrors(name) {
                let location = error.location
                #expect(location != nil, "\(name): \(error.message)")
                if let location {
                    #expect(location.line >= 1 && location.column >= 1)
                    #expect(error.message.hasPrefix("\(location): "), "\(error.message)")
                }
            }
        }
    }
}

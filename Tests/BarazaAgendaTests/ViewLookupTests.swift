import BarazaModel
import Mustache
import Testing

@testable import BarazaAgenda

/// The template reads the view values through `MustacheParent.child(named:)` (written by hand for speed); it must
/// answer exactly what reflection sees, for every field of every value on the sample pages.
@Suite struct ViewLookupTests {
    /// Walks `value` and its nested values, returning the fields whose lookup disagrees with `Mirror`.
    static func mismatches(in value: Any, path: String = "page") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
            return mirror.children.enumerated().flatMap {
                mismatches(in: $0.element.value, path: "\(path)[\($0.offset)]")
            }
        }
        guard mirror.displayStyle == .struct else { return [] }
        guard let parent = value as? MustacheParent else { return ["\(path): not a MustacheParent"] }
        var found: [String] = []
        for child in mirror.children {
            guard let label = child.label else { continue }
            let reflected = Mirror(reflecting: child.value)
            let isNil = reflected.displayStyle == .optional && reflected.children.isEmpty
            let looked = parent.child(named: label)
            if isNil != (looked == nil) { found.append("\(path).\(label)") }
            if !isNil {
                let inner = reflected.displayStyle == .optional ? reflected.children.first!.value : child.value
                if let looked, "\(looked)" != "\(inner)" { found.append("\(path).\(label): different value") }
                found += mismatches(in: inner, path: "\(path).\(label)")
            }
        }
        if parent.child(named: "no-such-field") != nil { found.append("\(path): answers an unknown field") }
        return found
    }

    @Test(arguments: ["kigali", "reflection", "hostile"])
    func lookupAgreesWithReflection(sample: String) throws {
        let workspace =
            sample == "kigali" ? Samples.kigali : sample == "reflection" ? Samples.reflection : Hostile.workspace()
        let options = AgendaPage.Options(calendarLinks: [
            CalendarLink(path: "calendars/event.ics"), CalendarLink(path: "calendars/rooms/room-a.ics"),
        ])
        let page = AgendaViewBuilder(workspace: workspace, labels: try AgendaLabels.bundled(), options: options).page()
        #expect(Self.mismatches(in: page).isEmpty, "\(Self.mismatches(in: page).prefix(5))")
    }
}

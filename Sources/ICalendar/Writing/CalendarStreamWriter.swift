/// Writes one calendar piece by piece into a `TextOutputStream`, so thousands of events can be streamed
/// without building the whole component tree.
///
/// Call ``begin(_:)`` with the calendar's own properties and leading components (its VTIMEZONEs), then
/// ``append(_:)`` once per event, then ``finish()``. The octets equal those of ``ICalendarWriter`` for the
/// same tree. Calling them out of order is a programming error and traps.
public struct CalendarStreamWriter<Output: TextOutputStream> {
    /// Where the text goes; read it back after ``finish()`` when the output is a buffer.
    public private(set) var output: Output
    private var opened: Component?
    private var finished = false

    /// Writes into `output`, which may already hold text.
    public init(output: Output) {
        self.output = output
    }

    /// Writes `BEGIN` for `calendar`, its properties and its components (usually VCALENDAR with VTIMEZONEs).
    public mutating func begin(_ calendar: Component) {
        precondition(opened == nil && !finished, "begin(_:) is called once, first")
        ICalendarWriter.writeOpening(calendar, to: &output)
        opened = calendar
    }

    /// Writes one nested component (a VEVENT, say) after everything written so far.
    public mutating func append(_ component: Component) {
        precondition(opened != nil && !finished, "append(_:) goes between begin(_:) and finish()")
        ICalendarWriter.write(component, to: &output)
    }

    /// Writes the `END` line of the calendar opened by ``begin(_:)``.
    public mutating func finish() {
        guard let calendar = opened, !finished else {
            preconditionFailure("finish() follows begin(_:) and is called once")
        }
        ICalendarWriter.writeClosing(calendar, to: &output)
        finished = true
    }
}

extension CalendarStreamWriter: Sendable where Output: Sendable {}

/// Components with the properties RFC 5545 requires already in place.
extension Component {
    /// A `VCALENDAR` with `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN` and, if given, `METHOD`;
    /// `properties` follow them and `components` (VTIMEZONEs first, then events) are nested in order.
    public static func calendar(
        productID: String, method: String? = nil, properties: [Property] = [],
        components: [Component] = []
    ) -> Component {
        var header: [Property] = [
            Property(name: "VERSION", rawValue: "2.0"),
            .text("PRODID", productID),
            Property(name: "CALSCALE", rawValue: "GREGORIAN"),
        ]
        if let method { header.append(Property(name: "METHOD", rawValue: method.uppercased())) }
        return Component("VCALENDAR", properties: header + properties, components: components)
    }

    /// A `VALARM` with `ACTION:DISPLAY`, the trigger and the text to show.
    public static func displayAlarm(trigger: ICalDuration, description: String) -> Component {
        Component(
            "VALARM",
            properties: [
                Property(name: "ACTION", rawValue: "DISPLAY"),
                .trigger(trigger),
                .description(description),
            ])
    }
}

import BarazaModel
import BarazaTestSupport

/// A zone the tz database must know (tests only).
func zone(_ identifier: String) -> Zone {
    guard let zone = Zone(identifier: identifier) else { preconditionFailure("unknown zone \(identifier)") }
    return zone
}

/// A wall-clock reading `YYYY-MM-DDTHH:MM[:SS]` (tests only).
func local(_ text: String) -> LocalDateTime {
    guard let (reading, offset) = WallTime.parse(text), offset == nil else {
        preconditionFailure("not a reading: \(text)")
    }
    return reading
}

/// `2026-10-25 02:30 (+02:00)`: the wall clock and offset of `zone` at `instant`.
func rendering(_ instant: Instant, in zone: Zone) -> String {
    "\(zone.localDateTime(at: instant)) (\(formatOffset(zone.offset(at: instant))))"
}

import BarazaChecks

/// The host-city logistics checks, to run beside the core catalogue:
/// `Checker(rules: Checker.catalogue + LogisticsRules.all)`.
public enum LogisticsRules {
    /// Every logistics rule, in report order.
    public static let all: [any Rule] = [
        StayCoverageRule(), HotelBlockRule(), AccommodationRule(),
        TransferTimingRule(direction: .arrival), TransferTimingRule(direction: .departure),
        VehicleRule(), JourneyPlaceRule(), MealCapacityRule(),
    ]

    /// Their ids, for the loader's `checks.severity` validation.
    public static var ruleIDs: [String] { all.map(\.id) }
}

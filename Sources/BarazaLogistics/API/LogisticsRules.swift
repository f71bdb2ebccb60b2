import BarazaChecks

/// The host-city logistics checks, to run beside the core rules: `RuleCatalogue.all` (BarazaCore) joins them,
/// `Checker.catalogue + LogisticsRules.all`, for every command.
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

import BarazaModel

extension WorkspaceLoader {
    static let proposeKeys = ["grid_minutes", "default_hours", "weights", "meal_times", "break_times"]

    /// The `propose:` section of `event.yaml`: how `baraza propose` places sessions.
    func decodeProposeSettings(_ value: YAMLValue) -> ProposeSettings {
        var settings = ProposeSettings()
        guard let f = value.fields(Self.proposeKeys, context: "propose") else { return settings }
        if let g = f["grid_minutes"],
            let minutes = g.int(in: 1...1440, expected: "minutes between start times, 1 to 1440")
        {
            if 1440 % minutes == 0 {
                settings.gridMinutes = minutes
            } else {
                g.invalid("minutes that divide a day evenly (5, 10, 15, 20, 30, 60...)")
            }
        }
        if let h = f["default_hours"]?.dailyWindow() { settings.defaultHours = h }
        if let w = f["weights"] {
            let names = SoftConstraint.allCases.map(\.rawValue)
            if let weights = w.fields(names, context: "propose.weights") {
                for (name, v) in zip(weights.keys, weights.values) {
                    guard let constraint = SoftConstraint(rawValue: name),
                        let weight = v.int(in: 0...1_000_000, expected: "a weight, 0 (off) to 1000000")
                    else { continue }
                    settings.weights[constraint] = weight
                }
            }
        }
        if let m = f["meal_times"] { settings.mealTimes = windows(m) }
        if let b = f["break_times"] { settings.breakTimes = windows(b) }
        return settings
    }

    private func windows(_ value: YAMLValue) -> [DailyWindow] {
        value.list(expected: "a list of hours HH:MM-HH:MM").compactMap { $0.dailyWindow() }
    }
}

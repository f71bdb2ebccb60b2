import BarazaModel

/// The sessions of the workspace an answer may name: by id, or by a title in either language (answers of a
/// spreadsheet form often carry the title); did-you-mean over both.
struct SessionDirectory: Sendable {
    let ids: Set<String>
    /// ``Normalise/key(_:)`` of each id and title → the session id.
    let byKey: [String: String]
    /// Ids and titles as written, for hints.
    let names: [(name: String, id: String)]
    /// The length in characters of each of ``names``, lower-cased.
    private let nameLengths: [Int]

    init(sessions: [(id: String, titles: [String])]) {
        ids = Set(sessions.map(\.id))
        var byKey: [String: String] = [:]
        var names: [(String, String)] = []
        for (id, titles) in sessions {
            byKey[Normalise.key(id)] = byKey[Normalise.key(id)] ?? id
            names.append((id, id))
            for title in titles {
                byKey[Normalise.key(title)] = byKey[Normalise.key(title)] ?? id
                names.append((title, id))
            }
        }
        self.byKey = byKey
        self.names = names
        nameLengths = names.map { $0.0.lowercased().count }
    }

    /// The session an answer names, by id or by title.
    func resolve(_ answer: String) -> String? {
        if ids.contains(answer) { return answer }
        return byKey[Normalise.key(answer)]
    }

    /// `; did you mean `id` (Title)?` for an answer naming no session, or "" when nothing is close.
    func hint(_ answer: String) -> String {
        guard let near = nearestName(to: answer), let id = names.first(where: { $0.name == near })?.id else {
            return ids.isEmpty ? "; the workspace has no sessions yet: import the agenda, then this export again" : ""
        }
        return near == id ? "; did you mean `\(id)`?" : "; did you mean `\(id)` (\(near))?"
    }

    /// ``nearest(to:in:)`` over ``names``, without measuring the names whose length alone puts them further than a
    /// hint allows (an edit distance is at least the difference in length): a workspace of 5,000 sessions has
    /// 10,000 names, and an export may name unknown sessions in many records.
    private func nearestName(to answer: String) -> String? {
        let word = Array(answer.lowercased())
        let allowed = max(2, word.count / 3)
        var best: (index: Int, distance: Int)?
        for (index, length) in nameLengths.enumerated() where abs(length - word.count) <= allowed {
            let distance = editDistance(word, Array(names[index].name.lowercased()))
            if best == nil || distance < best!.distance { best = (index, distance) }
        }
        guard let best, best.distance <= allowed else { return nil }
        return names[best.index].name
    }
}

/// The workspace's transfer places (airports, stations) a journey answer may name, by id or name.
struct PlaceDirectory: Sendable {
    let byKey: [String: String]
    let names: [(name: String, id: String)]

    init(places: [(id: String, name: String?)]) {
        var byKey: [String: String] = [:]
        var names: [(String, String)] = []
        for (id, name) in places {
            byKey[Normalise.key(id)] = id
            names.append((id, id))
            if let name {
                byKey[Normalise.key(name)] = byKey[Normalise.key(name)] ?? id
                names.append((name, id))
            }
        }
        self.byKey = byKey
        self.names = names
    }

    var isEmpty: Bool { names.isEmpty }

    /// The place an answer names: its id or name, or an id in parentheses (`Kigali International (KGL)`); with
    /// `prefixes`, also the one place whose name starts with the answer or the answer with its name (`Radisson Blu`
    /// for `Radisson Blu Hotel`).
    func resolve(_ answer: String, prefixes: Bool = false) -> String? {
        let key = Normalise.key(answer)
        if let id = byKey[key] { return id }
        if prefixes, key.count >= 4 {
            let ids = Set(byKey.filter { $0.key.hasPrefix(key) || key.hasPrefix($0.key) }.values)
            if ids.count == 1 { return ids.first }
        }
        if let open = answer.lastIndex(of: "("), let close = answer.lastIndex(of: ")"), open < close {
            return byKey[Normalise.key(String(answer[answer.index(after: open)..<close]))]
        }
        return nil
    }

    /// ` (did you mean `KGL`?)`, or "".
    func hint(_ answer: String) -> String {
        guard let near = nearest(to: answer, in: names.map(\.name)),
            let id = names.first(where: { $0.name == near })?.id
        else { return " (places: \(Set(names.map(\.id)).sorted().joined(separator: ", ")))" }
        return near == id ? " (did you mean `\(id)`?)" : " (did you mean `\(id)`, \(near)?)"
    }
}

import BarazaModel
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Check-in at the door: staff log in (accounts of ``StaffAccounts``), then record who comes in, by badge scan or
/// by name. Every answer is a page of the server's own: no script inline, the camera script from `/staff/checkin.js`.
///
/// A login makes a session (256-bit random id in an `HttpOnly`, `SameSite=Strict` cookie scoped to `/staff`,
/// 12 hours); every form carries the session's CSRF token, and a POST whose `Origin` is another site is refused.
final class DoorDesk: @unchecked Sendable {
    struct StaffSession {
        var name: String
        /// The device named at login (`door-2`), recorded with each check-in made in this session.
        var device: String
        var csrf: String
        var expires: Date
    }

    private let lock = NSLock()
    private var sessions: [String: StaffSession] = [:]
    let state: LiveState
    let configuration: ServeConfiguration
    let now: @Sendable () -> Date

    init(state: LiveState, configuration: ServeConfiguration) {
        self.state = state
        self.configuration = configuration
        self.now = configuration.now
    }

    static let cookie = "baraza_staff"
    static let maximumBody = 4096

    /// Whether `path` is one of the desk's.
    static func handles(_ path: String) -> Bool { path == "/staff" || path.hasPrefix("/staff/") }

    func answer(_ request: FeedRouter.Request, path: String, query: String, body: Data) -> Answer {
        switch (request.method, path) {
        case ("GET", "/staff"), ("GET", "/staff/"): return redirect("/staff/checkin")
        case ("GET", "/staff/checkin.js"):
            var answer = Answer(
                status: 200,
                headers: [
                    ("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-cache"),
                ], body: ByteBuffer(string: DoorPages.script), route: "staff-script")
            answer.headers.append(("Content-Security-Policy", ContentSecurity.none))
            return answer
        case ("GET", "/staff/login"): return DoorPages.login(message: nil)
        case ("POST", "/staff/login"):
            guard sameOrigin(request) else { return forbidden() }
            let form = Self.form(body)
            let name = form["name"] ?? ""
            let accounts = (try? StaffAccounts.load(in: configuration.stateFolder)) ?? StaffAccounts()
            guard accounts.verify(name: name, password: form["password"] ?? "") else {
                var answer = DoorPages.login(message: "Wrong name or password. / Nom ou mot de passe incorrect.")
                answer.status = 401
                return answer
            }
            guard let device = Self.device(named: form["device"] ?? "") else {
                var answer = DoorPages.login(
                    message: "Device: up to 40 letters, digits, '.', '_' or '-'. / Appareil : 40 lettres, chiffres, "
                        + "'.', '_' ou '-' au plus.")
                answer.status = 400
                return answer
            }
            let id = Self.random()
            lock.withLock {
                sessions = sessions.filter { $0.value.expires > now() }
                sessions[id] = StaffSession(
                    name: name, device: device, csrf: Self.random(), expires: now().addingTimeInterval(12 * 3600))
            }
            var answer = redirect("/staff/checkin")
            answer.headers.append(
                ("Set-Cookie", "\(Self.cookie)=\(id); Path=/staff; HttpOnly; SameSite=Strict; Max-Age=43200"))
            return answer
        case ("GET", "/staff/checkin"):
            guard let staff = session(request) else { return redirect("/staff/login") }
            let parameters = Self.form(Data(query.utf8))
            return page(staff, session: parameters["session"], query: parameters["q"], message: nil)
        case ("POST", "/staff/checkin"):
            guard let staff = session(request) else { return redirect("/staff/login") }
            let form = Self.form(body)
            guard sameOrigin(request), let csrf = form["csrf"],
                Snapshot.constantTimeEqual(Array(csrf.utf8), Array(staff.csrf.utf8))
            else { return forbidden() }
            return checkIn(staff, form: form)
        case ("POST", "/staff/logout"):
            if let id = cookie(request) { _ = lock.withLock { sessions.removeValue(forKey: id) } }
            var answer = redirect("/staff/login")
            answer.headers.append(("Set-Cookie", "\(Self.cookie)=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0"))
            return answer
        default:
            return .notFound()
        }
    }

    private func checkIn(_ staff: StaffSession, form: [String: String]) -> Answer {
        let snapshot = state.snapshot
        guard let workspace = snapshot.workspace else { return .notFound() }
        let sessionID = form["session"] ?? ""
        guard let session = workspace.sessions.first(where: { $0.id.rawValue == sessionID && $0.interval != nil })
        else {
            return page(
                staff, session: nil, query: nil, message: .problem("Choose a session. / Choisissez une session."))
        }
        var person: Person?
        if let scanned = form["badge"]?.trimmingCharacters(in: .whitespaces), !scanned.isEmpty {
            let badge = scanned.hasPrefix("baraza:badge:") ? String(scanned.dropFirst("baraza:badge:".count)) : scanned
            person = snapshot.badges[badge.uppercased()].flatMap { workspace.peopleByID[Person.ID($0)] }
            if person == nil {
                let message =
                    snapshot.badgeKeyProblem == nil
                    ? "Unknown badge: search by name. / Badge inconnu : cherchez par nom."
                    : "Badges cannot be read (the badge key is refused, see the admin page): search by name. / "
                        + "Badges illisibles (clé des badges refusée) : cherchez par nom."
                return page(staff, session: sessionID, query: nil, message: .problem(message))
            }
        } else if let id = form["person"] {
            person = workspace.peopleByID[Person.ID(id)]
        }
        guard let person else {
            return page(staff, session: sessionID, query: nil, message: .problem("Nobody chosen. / Personne choisie."))
        }
        let instant = Instant(secondsSince1970: Int64(now().timeIntervalSince1970))
        let local = session.zone.localDateTime(at: instant)
        let time = "\(local.date.iso8601)T\(local.time)"
        let log = CheckInLog(
            workspace: configuration.workspace, fileName: workspace.event.attendanceFile ?? "attendance.csv")
        do {
            switch try log.record(person: person.id.rawValue, session: sessionID, time: time, device: staff.device) {
            case .recorded:
                return page(
                    staff, session: sessionID, query: nil,
                    message: .done("\(person.name): checked in at \(local.time). / enregistré·e."))
            case .already(let since):
                let at = since.split(separator: "T").last.map(String.init) ?? since
                return page(
                    staff, session: sessionID, query: nil,
                    message: .problem("\(person.name): already checked in at \(at). / déjà enregistré·e à \(at)."))
            }
        } catch {
            return page(staff, session: sessionID, query: nil, message: .problem("Not recorded: \(error)"))
        }
    }

    private func page(_ staff: StaffSession, session: String?, query: String?, message: DoorPages.Message?) -> Answer {
        let snapshot = state.snapshot
        return DoorPages.checkIn(
            workspace: snapshot.workspace, staff: staff.name, device: staff.device, csrf: staff.csrf, session: session,
            query: query,
            message: message)
    }

    private func session(_ request: FeedRouter.Request) -> StaffSession? {
        guard let id = cookie(request) else { return nil }
        return lock.withLock {
            guard let found = sessions[id], found.expires > now() else { return nil }
            return found
        }
    }

    private func cookie(_ request: FeedRouter.Request) -> String? {
        for part in (request.header(.cookie) ?? "").split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == Self.cookie { return String(pair[1]) }
        }
        return nil
    }

    /// A POST must come from this server's own pages: an `Origin` naming another host is refused.
    private func sameOrigin(_ request: FeedRouter.Request) -> Bool {
        guard let origin = request.header("Origin") else { return true }
        guard let host = request.host else { return false }
        return origin == "http://" + host || origin == "https://" + host
    }

    private func redirect(_ location: String) -> Answer {
        Answer(
            status: 303, headers: [("Location", location), ("Cache-Control", "no-store")], body: ByteBuffer(),
            route: "staff")
    }

    private func forbidden() -> Answer { .plain(403, "forbidden: reload the page and try again", route: "staff") }

    /// `application/x-www-form-urlencoded` fields (the last of each name).
    static func form(_ data: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: data, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// The device name given at login, checked (at most 40 of `A-Z a-z 0-9 . _ -`); when none is given, one made
    /// up (`device-` and 8 random characters) so that each login's check-ins stay told apart.
    static func device(named given: String) -> String? {
        let name = given.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return "device-" + random().prefix(8).lowercased() }
        guard name.utf8.count <= 40,
            name.utf8.allSatisfy({ byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            })
        else { return nil }
        return name
    }

    static func random() -> String {
        FeedKeys.base64URL(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }
}

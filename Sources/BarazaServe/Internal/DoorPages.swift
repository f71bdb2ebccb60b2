import BarazaModel
import Foundation
import Hummingbird

/// The door staff's pages: the login form, and the check-in page with its camera script.
enum DoorPages {
    enum Message {
        case done(String)
        case problem(String)
    }

    /// Scripts from this server only (`/staff/checkin.js`), the camera for this page only.
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func login(message: String?) -> Answer {
        var body = "<h1>Door staff / Accueil</h1>\n"
        if let message { body += "<p role=\"alert\"><strong>\(escapeHTML(message))</strong></p>\n" }
        body += """
            <form method="post" action="/staff/login">
            <p><label>Name / Nom <input name="name" autocomplete="username" required></label></p>
            <p><label>Password / Mot de passe <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><label>Device / Appareil <input name="device" maxlength="40" placeholder="door-1"></label></p>
            <p><button type="submit">Log in / Se connecter</button></p>
            </form>
            """
        return answer(PageFrame.html(title: "Door staff", body: body), route: "staff-login", camera: false)
    }

    static func checkIn(
        workspace: Workspace?, staff: String, device: String, csrf: String, session selected: String?, query: String?,
        message: Message?
    ) -> Answer {
        guard let workspace else { return .notFound() }
        let sessions = workspace.sessions.filter { $0.interval != nil }.sorted {
            ($0.interval!.start, $0.id.rawValue) < ($1.interval!.start, $1.id.rawValue)
        }
        let chosen = selected ?? sessions.first?.id.rawValue ?? ""
        var body =
            "<h1>Check-in / Accueil</h1>\n<p>\(escapeHTML(staff)) (\(escapeHTML(device))) · "
            + "\(escapeHTML(workspace.event.title.bilingual))</p>\n"
        switch message {
        case .done(let text): body += "<p role=\"status\" class=\"done\"><strong>\(escapeHTML(text))</strong></p>\n"
        case .problem(let text):
            body += "<p role=\"alert\" class=\"problem\"><strong>\(escapeHTML(text))</strong></p>\n"
        case nil: break
        }
        var options = ""
        for session in sessions {
            let id = session.id.rawValue
            let start = session.zone.localDateTime(at: session.interval!.start)
            options +=
                "<option value=\"\(escapeHTML(id))\"\(id == chosen ? " selected" : "")>"
                + "\(escapeHTML("\(start) \(session.title.bilingual)"))</option>\n"
        }
        let hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\(escapeHTML(csrf))\">"
        body += """
            <form method="post" action="/staff/checkin" id="scan">
            \(hidden)
            <p><label>Session <select name="session" id="session">\n\(options)</select></label></p>
            <p><label>Badge <input name="badge" id="badge" autocomplete="off" autofocus></label>
            <button type="submit">Check in / Enregistrer</button></p>
            <p><video id="camera" hidden muted playsinline width="320"></video></p>
            </form>
            <form method="get" action="/staff/checkin">
            <input type="hidden" name="session" value="\(escapeHTML(chosen))">
            <p><label>Name / Nom <input name="q" value="\(escapeHTML(query ?? ""))"></label>
            <button type="submit">Search / Chercher</button></p>
            </form>

            """
        if let query = query?.trimmingCharacters(in: .whitespaces), query.count >= 2 {
            let folded = fold(query)
            let found = workspace.people.filter { fold($0.name).contains(folded) }.prefix(20)
            body += found.isEmpty ? "<p>No one found. / Personne trouvée.</p>\n" : "<ul>\n"
            for person in found {
                body += """
                    <li><form method="post" action="/staff/checkin">\(hidden)\
                    <input type="hidden" name="session" value="\(escapeHTML(chosen))">\
                    <input type="hidden" name="person" value="\(escapeHTML(person.id.rawValue))">\
                    \(escapeHTML(person.name))\(person.organisation.map { " (\(escapeHTML($0)))" } ?? "") \
                    <button type="submit">Check in / Enregistrer</button></form></li>

                    """
            }
            if !found.isEmpty { body += "</ul>\n" }
        }
        body += """
            <form method="post" action="/staff/logout"><p><button type="submit">Log out / Se déconnecter</button></p></form>
            <script src="/staff/checkin.js"></script>
            """
        return answer(PageFrame.html(title: "Check-in", body: body), route: "staff-checkin", camera: true)
    }

    /// Case and accents folded, for the search by name.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func answer(_ html: String, route: String, camera: Bool) -> Answer {
        Answer(
            status: 200,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
                ("Content-Security-Policy", policy),
                ("Permissions-Policy", camera ? "camera=(self), microphone=(), geolocation=()" : "camera=()"),
                // Browsers send `Origin: null` with a form under `no-referrer`; the staff pages' addresses hold no
                // token, so they name their origin, which the POST check needs.
                ("Referrer-Policy", "same-origin"),
            ], body: ByteBuffer(string: html), route: route)
    }

    /// Reads badges with the camera where the browser has `BarcodeDetector` (Chromium); elsewhere the page works
    /// with a hand scanner typing into the badge field, or the search by name.
    static let script = """
        // Check-in: scan a badge's QR code with the camera, fill the badge field and send the form.
        (function () {
          "use strict";
          if (!("BarcodeDetector" in window) || !navigator.mediaDevices) return;
          var video = document.getElementById("camera");
          var field = document.getElementById("badge");
          var form = document.getElementById("scan");
          var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
          navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
            video.srcObject = stream;
            video.hidden = false;
            return video.play();
          }).then(function () {
            var busy = false;
            setInterval(function () {
              if (busy) return;
              busy = true;
              detector.detect(video).then(function (codes) {
                busy = false;
                var code = codes.map(function (c) { return c.rawValue; }).filter(function (v) {
                  return v.indexOf("baraza:badge:") === 0;
                })[0];
                if (code) {
                  field.value = code;
                  form.submit();
                }
              }, function () { busy = false; });
            }, 300);
          }).catch(function () { /* no camera: the field and the search remain */ });
        })();

        """
}

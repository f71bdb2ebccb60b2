import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// `baraza serve`: serves a workspace's feeds and agenda over HTTP, reloading them when its files change.
///
/// Loads and checks the workspace as `baraza check` does; a later state that fails to load or has errors is
/// refused (the last good one stays served, the admin page says why). Stops gracefully on SIGTERM and SIGINT:
/// requests in flight finish. Logs one line per request (method, route name, status, size, time), never a path,
/// a token or anything about a person.
public struct LiveServer: Sendable {
    /// What to serve and where.
    public var configuration: ServeConfiguration
    /// Where the access log and reloads are written (the caller sets the log handler).
    public var logger: Logger

    /// A server for `configuration`.
    public init(configuration: ServeConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Where the server listens, once it does: its base URL and the admin page's path (secret: print it to the
    /// person who started the server, never to the log).
    public struct Listening: Sendable {
        /// `http://127.0.0.1:8080`.
        public var baseURL: String
        /// `/admin/<token>`.
        public var adminPath: String
    }

    /// Loads the workspace, listens, and serves until SIGTERM or SIGINT.
    /// - Throws: ``ServeError/noGoodState(_:)`` when the workspace cannot be served at start; a state-file or
    ///   bind error.
    public func run(onListening: @escaping @Sendable (Listening) -> Void) async throws {
        let keys = try FeedKeys.loadOrCreate(in: configuration.stateFolder)
        let builder = SnapshotBuilder(configuration: configuration)
        let watch = FolderWatch(workspace: configuration.workspace, stateFolder: configuration.stateFolder)
        let startSignature = watch.signature()
        let first = await Self.offMainPool { builder.build(previous: .empty, ledger: nil, keys: keys) }
        guard case .good(let snapshot, let ledger) = first else {
            if case .refused(let why) = first { throw ServeError.noGoodState(why) }
            return
        }
        try ledger.save(in: configuration.stateFolder)
        let state = LiveState(snapshot: snapshot, keys: keys)
        await Self.offMainPool { Self.returnFreedMemory() }
        let port = PortBox()
        let router = Router(context: BasicRequestContext.self)
        router.add(
            middleware: ServeMiddleware(
                router: FeedRouter(state: state, configuredHost: configuration.host, configuredPort: { port.value }),
                desk: DoorDesk(state: state, configuration: configuration), logger: logger))
        let host = configuration.host
        let bodyTimeout = TimeAmount(configuration.bodyTimeout)
        let app = Application(
            router: router,
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestDeadline(limit: bodyTimeout)],
                    idleTimeout: TimeAmount(configuration.idleTimeout))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                port.value = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onListening(
                    Listening(
                        baseURL: "http://\(shownHost):\(port.value)",
                        adminPath: "/admin/" + state.keys.adminToken(event: state.snapshot.event)))
            },
            logger: logger)

        let configuration = self.configuration
        let logger = self.logger
        Self.logBadgeKey(of: snapshot, previous: nil, logger: logger)
        let watcher = Task {
            var ledger = ledger
            var signature = startSignature
            while !Task.isCancelled {
                try? await Task.sleep(for: configuration.pollInterval)
                let now = watch.signature()
                guard now != signature else { continue }
                // Let a writer finish: load once the files have stood still for one more look.
                try? await Task.sleep(for: .milliseconds(100))
                guard watch.signature() == now else { continue }
                signature = now
                let keys = (try? FeedKeys.load(in: configuration.stateFolder)) ?? state.keys
                let seen = ledger
                let outcome = await Self.offMainPool { [previous = state.snapshot] in
                    builder.build(previous: previous, ledger: seen, keys: keys)
                }
                switch outcome {
                case .good(let snapshot, let next):
                    if next != ledger { try? next.save(in: configuration.stateFolder) }
                    ledger = next
                    let previous = state.snapshot
                    state.serve(snapshot, keys: keys)
                    Self.logBadgeKey(of: snapshot, previous: previous, logger: logger)
                    logger.info("reloaded", metadata: ["personal-feeds": "\(snapshot.personal.count)"])
                    await Self.offMainPool { Self.returnFreedMemory() }
                case .refused(let why):
                    state.refuse(LoadProblem(at: Int(configuration.now().timeIntervalSince1970), text: why))
                    logger.warning("change refused: the last good state is still served (see the admin page)")
                }
            }
        }
        defer { watcher.cancel() }
        try await app.runService()
    }

    /// Logs a badge key that cannot be used (scans then find no one), when it first shows or changes, and when it
    /// is fixed. The text names the file, line and field, never the key.
    static func logBadgeKey(of snapshot: Snapshot, previous: Snapshot?, logger: Logger) {
        guard snapshot.badgeKeyProblem != previous?.badgeKeyProblem else { return }
        if let problem = snapshot.badgeKeyProblem {
            logger.warning(
                "badge key refused: badge scans find no one until it is fixed (see the admin page)",
                metadata: ["problem": "\(problem)"])
        } else if previous != nil {
            logger.notice("badge key usable again", metadata: ["badges": "\(snapshot.badges.count)"])
        }
    }

    /// Gives the memory freed since the last call (a build's rendered files, the state just replaced) back to the
    /// system: glibc keeps freed heap otherwise, and the resident size would stay at a build's peak.
    static func returnFreedMemory() {
        #if canImport(Glibc)
            // glibc's malloc_trim (malloc.h, which the Glibc module leaves out), looked up once.
            if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    /// Runs blocking work (loading, checking, rendering) on a thread of its own, off the pool serving requests.
    static func offMainPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}

/// The port bound, known once listening (the router names it when a request has no usable Host).
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    var value: Int {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}

/// Answers every request through ``FeedRouter`` and writes the access log line.
struct ServeMiddleware<Context: RequestContext>: RouterMiddleware {
    let router: FeedRouter
    let desk: DoorDesk
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        let target = request.head.path ?? "/"
        let asked = FeedRouter.Request(
            method: request.method.rawValue, target: target, host: request.head.authority, fields: request.headers)
        let path = target.utf8.count <= FeedRouter.maximumTargetLength ? FeedRouter.path(of: target) : nil
        let answer: Answer
        if let path, DoorDesk.handles(path) {
            let query = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(target[target.index(after: $0)...]) }
            answer = FeedRouter.finish(
                await deskAnswer(request, asked: asked, path: path, query: query ?? ""), method: asked.method)
        } else {
            answer = router.answer(asked, path: path)
        }
        let fields: HTTPFields
        if let prepared = answer.prepared {
            fields = prepared
        } else {
            var made = HTTPFields()
            for (name, value) in answer.headers {
                if let name = HTTPField.Name(name) { made.append(HTTPField(name: name, value: value)) }
            }
            fields = made
        }
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "route": "\(answer.route)", "status": "\(answer.status)",
                "bytes": "\(answer.body.readableBytes)",
                "micros": "\((ContinuousClock.now - started) / .microseconds(1))",
            ])
        // No body (a 304, a HEAD): no body part at all, rather than an empty one sent through every handler.
        return Response(
            status: Self.status(answer.status), headers: fields,
            body: answer.body.readableBytes == 0 ? ResponseBody() : ResponseBody(byteBuffer: answer.body))
    }

    /// The door desk's answer: GET or POST only, a form body of at most ``DoorDesk/maximumBody`` bytes; run off
    /// the pool serving feeds (password checks and the check-in file take their time).
    private func deskAnswer(_ request: Request, asked: FeedRouter.Request, path: String, query: String) async -> Answer
    {
        guard asked.method == "GET" || asked.method == "POST" else {
            return .plain(405, "method not allowed", route: "refused", extra: [("Allow", "GET, POST")])
        }
        if let length = asked.header(.contentLength), Int(length) ?? Int.max > DoorDesk.maximumBody {
            return .plain(413, "request body too large", route: "refused")
        }
        var body = Data()
        if asked.method == "POST" {
            guard let buffer = try? await request.body.collect(upTo: DoorDesk.maximumBody) else {
                return .plain(413, "request body too large", route: "refused")
            }
            body = Data(buffer.readableBytesView)
        }
        let desk = self.desk
        let sendableBody = body
        return await LiveServer.offMainPool { desk.answer(asked, path: path, query: query, body: sendableBody) }
    }

    static func status(_ code: Int) -> HTTPResponse.Status {
        switch code {
        case 200: .ok
        case 302: .found
        case 303: .seeOther
        case 401: .unauthorized
        case 403: .forbidden
        case 304: .notModified
        case 404: .notFound
        case 405: .methodNotAllowed
        case 413: .contentTooLarge
        case 414: .uriTooLong
        default: HTTPResponse.Status(code: code, reasonPhrase: "Error")
        }
    }
}

#if canImport(Glibc)
    private let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }
#endif

import Dispatch
import Foundation
import Hummingbird
import NIOCore
import NIOPosix

// A bare Hummingbird server, for bench/serve_bench.py --ceiling (not part of the test suite): what Hummingbird and
// NIO alone answer on this machine under the same load, the ceiling for `baraza serve`'s own figures.
//
//     serve-hello-bench [--on-event-loops]
//
// GET /body answers 200 with a fixed 2,500-byte body (a personal feed's size), anything else 304 with no body.
// Prints `listening on <port>` once bound to 127.0.0.1 (a free port). --on-event-loops runs Swift concurrency on
// NIO's event loops (tried for `baraza serve` and left out: no gain, a worse tail on this machine's 2 shared cores).
/// Serves until killed; everything local, so nothing is bound to the main actor (whose thread waits below).
func serve(onEventLoops: Bool) {
    if onEventLoops { NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() }
    let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 2500)
    var headers = HTTPFields()
    headers[.contentType] = "text/calendar; charset=utf-8"
    headers[.eTag] = "\"0123456789abcdef0123456789abcdef\""
    let fields = headers
    let router = Router()
    router.get("/body") { _, _ in Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: body)) }
    router.get("/empty") { _, _ in Response(status: .notModified, headers: fields, body: ResponseBody()) }
    let app = Application(
        router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
        onServerRunning: { channel in
            FileHandle.standardOutput.write(Data("listening on \(channel.localAddress?.port ?? 0)\n".utf8))
        })
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        try? await app.runService()
        done.signal()
    }
    done.wait()
}

serve(onEventLoops: CommandLine.arguments.contains("--on-event-loops"))

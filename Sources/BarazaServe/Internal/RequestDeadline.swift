import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request is not whole (its body through to the end) within `limit` of its head
/// arriving. Hummingbird's idle timeout counts every body part as a sign of life, so without this a client sending
/// a body a byte at a time would hold its connection, and the handler awaiting that body, for as long as it likes.
/// (A client trickling its head is cut off by the idle timeout: no part reaches the server before the head is whole.)
final class RequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: TimeAmount
    private var pending: Scheduled<Void>?

    init(limit: TimeAmount) { self.limit = limit }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            pending?.cancel()
            pending = context.eventLoop.assumeIsolated().scheduleTask(in: limit) { [weak self] in
                self?.pending = nil
                context.close(promise: nil)
            }
        case .end:
            pending?.cancel()
            pending = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
    }
}

/// Encoding on its own thread, so drawing the next frames overlaps with x264 encoding the last ones.
import Foundation
import VideoCore

/// Owns an `MP4Writer` on a dedicated thread fed through a small bounded queue.
///
/// # Thread safety
/// `submit` and `finish` are called from the rendering task only; the writer is touched only by
/// the encoder thread after `init` hands it over (hence `@unchecked Sendable`).
final class EncoderThread: @unchecked Sendable {

    private let condition = NSCondition()
    private var queue: [YUVFrame] = []
    private var closed = false
    private var failure: (any Error)?
    private var done = false
    private let capacity: Int
    private let writer: MP4Writer

    /// Starts the thread; the writer belongs to it from now on.
    init(writer: MP4Writer, capacity: Int = 4) {
        self.writer = writer
        self.capacity = capacity
        let thread = Thread { [self] in self.loop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues a frame (blocks while the queue is full). Throws the encoder's error, if it failed.
    func writeVideo(_ frame: YUVFrame) throws { try submit(frame) }

    /// Waits for everything queued to be encoded and the file finished.
    func finish() throws {
        condition.lock()
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let error = failure
        condition.unlock()
        if let error { throw error }
    }

    private func submit(_ item: YUVFrame) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(item)
        condition.broadcast()
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty && closed {
                condition.unlock()
                break
            }
            let item = queue.removeFirst()
            condition.broadcast()
            let failed = failure != nil
            condition.unlock()
            guard !failed else { continue }
            do {
                try writer.writeVideo(item)
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
        var finishError: (any Error)?
        if failure == nil {
            do { try writer.finish() } catch { finishError = error }
        }
        condition.lock()
        if failure == nil { failure = finishError }
        done = true
        condition.broadcast()
        condition.unlock()
    }
}

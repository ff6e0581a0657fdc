import Foundation
import Synchronization
import VideoCore

/// Encoding on its own thread, so drawing the next frames overlaps with x264 encoding the last ones.

/// Owns an `MP4Writer` on a dedicated thread fed through a small bounded queue.
///
/// # Thread safety
/// `writeVideo` and `finish` are called from one rendering task; the writer is handed to the
/// encoder thread in `init` and touched by nothing else after. The queue's state is guarded by a
/// `Mutex` that is never held while waiting: two semaphores count the free places (the
/// renderer waits on them when the queue is full) and the queued frames (the encoder waits on
/// them when it is empty).
final class EncoderThread: Sendable {
    private struct State {
        var queue: [YUVFrame] = []
        var closed = false
        var failure: (any Error)?
    }

    private let state = Mutex(State())
    /// Free places in the queue.
    private let places: DispatchSemaphore
    /// Frames queued, and one more once `finish` closes the queue.
    private let queued = DispatchSemaphore(value: 0)
    /// Signalled when the encoder thread has finished the file (or given up after a failure).
    private let done = DispatchSemaphore(value: 0)

    /// Starts the thread; the writer belongs to it from now on.
    /// - Parameters:
    ///   - writer: The writer to encode with, handed over to the encoder thread.
    ///   - capacity: Frames queued at most before `writeVideo` waits.
    init(writer: sending MP4Writer, capacity: Int = 4) {
        places = DispatchSemaphore(value: max(1, capacity))
        // Handed over: from here on only the encoder thread uses the writer.
        nonisolated(unsafe) let writer = writer
        let thread = Thread { [self] in self.encode(with: writer) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues a frame, waiting while the queue is full.
    /// - Parameter frame: The next frame.
    /// - Throws: The encoder's error, once it has failed.
    func writeVideo(_ frame: YUVFrame) throws {
        if let failure = state.withLock({ $0.failure }) { throw failure }
        places.wait()
        let failure = state.withLock { state -> (any Error)? in
            if let failure = state.failure { return failure }
            state.queue.append(frame)
            return nil
        }
        if let failure {
            places.signal()
            throw failure
        }
        queued.signal()
    }

    /// Waits for everything queued to be encoded and the file finished.
    /// - Throws: The encoder's or the muxer's error, if encoding failed.
    func finish() throws {
        let wasClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        if !wasClosed { queued.signal() }
        done.wait()
        done.signal()  // a later call returns at once
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// The encoder thread: encodes queued frames in order until the queue is closed and empty
    /// (after a failure it only drains the queue, so the renderer never waits for ever), then
    /// finishes the file.
    private func encode(with writer: MP4Writer) {
        while true {
            queued.wait()
            // Woken with the queue empty only by `finish`: every frame was queued before it.
            let (frame, failed) = state.withLock { state in
                (state.queue.isEmpty ? nil : state.queue.removeFirst(), state.failure != nil)
            }
            guard let frame else { break }
            places.signal()
            if failed { continue }
            do {
                try writer.writeVideo(frame)
            } catch {
                state.withLock { $0.failure = error }
            }
        }
        if state.withLock({ $0.failure == nil }) {
            do { try writer.finish() } catch { state.withLock { $0.failure = error } }
        }
        done.signal()
    }
}

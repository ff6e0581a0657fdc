import Foundation
import Synchronization
import VideoCore

/// The pipeline events of the jobs running in this process, for `GET /api/jobs/{id}/events`:
/// each job's events so far (a subscriber gets them first) and its live subscribers.
final class EventHub: Sendable {
    /// One Server-Sent Event.
    struct Message: Sendable {
        var name: String
        var data: String

        /// The event in the `text/event-stream` format.
        func encoded(id: Int) -> String { "id: \(id)\nevent: \(name)\ndata: \(data)\n\n" }
    }

    private struct Channel {
        var history: [Message] = []
        var subscribers: [UUID: AsyncStream<Message>.Continuation] = [:]
        var finished = false
    }

    /// How many events a job keeps for late subscribers; progress beyond it is dropped first.
    static let historyLimit = 2000

    private let channels = Mutex<[String: Channel]>([:])

    /// Opens a job's channel, once it is queued; a finished channel starts again empty.
    func open(_ job: String) {
        channels.withLock { channels in
            if channels[job]?.finished ?? true { channels[job] = Channel() }
        }
    }

    /// Sends a pipeline event to the job's subscribers.
    func publish(_ job: String, _ event: PipelineEvent) {
        let line = event.jsonLine
        let name =
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["event"] as? String ?? "event"
        publish(job, Message(name: name, data: line))
    }

    /// Sends the job's final state and ends every subscription.
    func finish(_ job: String, with json: String) {
        let subscribers = channels.withLock { channels -> [AsyncStream<Message>.Continuation] in
            guard var channel = channels[job] else { return [] }
            let message = Message(name: "job", data: json)
            channel.history.append(message)
            channel.finished = true
            let subscribers = Array(channel.subscribers.values)
            for subscriber in subscribers { subscriber.yield(message) }
            channel.subscribers = [:]
            channels[job] = channel
            return subscribers
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    /// The job's events so far and then as they come, or nil when this process holds no
    /// channel for it (a job finished before the service started).
    func subscribe(_ job: String) -> AsyncStream<Message>? {
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .unbounded)
        let id = UUID()
        let known = channels.withLock { channels -> Bool in
            guard var channel = channels[job] else { return false }
            for message in channel.history { continuation.yield(message) }
            if channel.finished {
                continuation.finish()
            } else {
                channel.subscribers[id] = continuation
                channels[job] = channel
            }
            return true
        }
        guard known else { return nil }
        continuation.onTermination = { [weak self] _ in
            self?.channels.withLock { _ = $0[job]?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    private func publish(_ job: String, _ message: Message) {
        channels.withLock { channels in
            guard var channel = channels[job] else { return }
            if channel.history.count >= Self.historyLimit,
                let first = channel.history.firstIndex(where: { $0.name == "progress" })
            {
                channel.history.remove(at: first)
            }
            channel.history.append(message)
            for subscriber in channel.subscribers.values { subscriber.yield(message) }
            channels[job] = channel
        }
    }
}

/// A README shaped like the large ones found in the wild (badges, a table of contents, nested
/// subsections, long list items, prose-only sections, code the prose talks about, pointer
/// sections), for the structure tests.
package enum DocumentStructureFixtures {
    package static let loopy = #"""
        [![CI](https://github.com/acme/loopy/actions/workflows/ci.yml/badge.svg)](https://github.com/acme/loopy/actions)
        [![Swift 6](https://img.shields.io/badge/swift-6.0-orange.svg)](https://swift.org)
        [![Docs](https://img.shields.io/badge/docs-latest-blue.svg)](https://acme.github.io/loopy)

        # Loopy

        Loopy is an event-driven networking library for Swift built around event loops.

        ## Table of Contents

        - [Overview](#overview)
        - [Architecture](#architecture)
        - [Getting Started](#getting-started)

        ## Overview

        Loopy is a low-level tool for building high-performance servers. It targets programs where a thread per connection would be wasteful. This is common when a server holds many mostly idle connections, such as chat servers.

        Loopy does not try to be a web framework. Instead, it provides the building blocks that web frameworks use, so that most applications never touch an event loop directly, while the few that need raw speed still can.

        ## Architecture

        The basic building blocks of Loopy are the following types:

        - `EventLoop`, a protocol, provided by `LoopyCore`.
        - `EventLoopGroup`. This provides a pool of event loops that share the work of a server between the processor cores of the machine it runs on, so that no single loop is overloaded.
        - `Channel`, which owns a socket and passes the events that arrive on it, such as data received or a connection closed, through its pipeline of handlers one after another.

        ### Event loops

        The event loop is an object that waits for events (usually input and output events, such as data received) and then runs a callback when they happen. A program has few event loops: usually one or two per processor core. Event loops run for the whole life of the program, spinning in an endless loop that dispatches events.

        #### Scheduling work

        Work that touches a channel must run on the channel's event loop. You schedule it with `execute`:

        ```swift
        loop.execute {
            channel.write(buffer)
        }
        ```

        The closure runs on the loop's own thread, after the events already waiting.

        ### Channels

        A channel owns one socket and is responsible for its lifetime. Every event on the socket reaches the channel, which passes it through its pipeline of handlers.

        ## Getting Started

        Add Loopy to your `Package.swift`:

        ```swift
        .package(url: "https://github.com/acme/loopy.git", from: "1.0.0")
        ```

        ### Requirements

        - Swift 6.0 or newer.

        ### Platforms

        - Linux and macOS, tested on every commit.

        ## Contributing

        See [CONTRIBUTING.md](CONTRIBUTING.md).

        ## License

        Loopy is released under the Apache 2.0 license. See [LICENSE](LICENSE) for details.
        """#
}

extension DocumentStructureFixtures {
    /// A long manual of `sections` sections, each with prose, a list and, every third section,
    /// code that the prose introduces ("…add this to your Package.swift:"). Made by a seeded
    /// generator, so it is the same document every time; its full narration runs far past
    /// ten minutes with 30 sections.
    package static func manual(sections: Int, seed: UInt64 = 7) -> String {
        var random = SplitMix(seed: seed)
        let topics = [
            "event loop", "channel pipeline", "byte buffer", "promise", "future", "bootstrap", "handler",
            "allocator", "scheduler", "codec", "socket", "timer", "backpressure", "executor", "stream",
        ]
        let verbs = ["schedules", "reads", "writes", "completes", "owns", "wraps", "drains", "buffers", "closes"]
        let objects = [
            "every pending task", "the next frame", "incoming bytes", "a single connection", "its own thread",
            "the outbound queue", "a retained buffer", "the parent channel", "each registered handler",
        ]
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        func sentence(_ topic: String) -> String {
            "The \(topic) \(pick(verbs)) \(pick(objects)) when \(pick(topics)) \(pick(verbs)) \(pick(objects))."
        }
        var text = "# Manual\n\nA manual about networking with event loops and channels.\n"
        for s in 0..<sections {
            let topic = topics[s % topics.count]
            text += "\n## Part \(s + 1): the \(topic)\n\n"
            text += (0..<4).map { _ in sentence(topic) }.joined(separator: " ") + "\n\n"
            text += (0..<4).map { _ in "- " + sentence(pick(topics)) }.joined(separator: "\n") + "\n"
            if s % 3 == 0 {
                text += "\nTo use the \(topic), add this to your Package.swift:\n\n"
                text += "```swift\n.package(url: \"https://example.com/\(s)\", from: \"1.0.0\")\n```\n"
            }
        }
        return text
    }
}

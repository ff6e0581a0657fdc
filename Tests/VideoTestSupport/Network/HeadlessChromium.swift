import Foundation
import Synchronization
import VideoCore

/// A headless Chromium (Debian's `chromium` package) driven over the DevTools protocol through
/// `--remote-debugging-pipe`: commands go to the browser's fd 3 and answers and events come
/// from its fd 4, as JSON messages each ended by a NUL byte
/// (https://chromedevtools.github.io/devtools-protocol/). No WebSocket, no port.
///
/// A thread of its own reads the answers and hands each to the command waiting for it. The
/// browser runs with a fresh profile in a temporary folder and is killed when the last
/// reference goes.
package final class HeadlessChromium: Sendable {
    /// An event the driver waits for: armed before the command that causes it is sent.
    private enum Slot {
        case armed
        case waiting(CheckedContinuation<Data, any Error>)
        case arrived(Data)
    }

    private let pid: pid_t
    private let commands: Int32
    private let profile: TemporaryDirectory
    private let waiting = Mutex<[Int: CheckedContinuation<Data, any Error>]>([:])
    private let events = Mutex<[String: Slot]>([:])
    private let closed = Mutex(false)
    private let counter = Atomic<Int>(0)

    /// Starts the browser.
    /// - Throws: `VideoError(.io)` when chromium is missing or cannot start.
    package init() throws {
        guard let chromium = Subprocess.find("chromium") ?? Subprocess.find("chromium-browser") else {
            throw VideoError(.io, "chromium is missing; install Debian's chromium (scripts/install-deps.sh)")
        }
        profile = try TemporaryDirectory(prefix: "vgen-chromium")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw VideoError(.io, "cannot make the pipes to chromium: \(String(cString: strerror(errno)))")
        }
        // Only fds 3 and 4 (the dup2 copies) reach the browser.
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var arguments = [
            chromium.path, "--headless=new", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
            "--disable-dev-shm-usage", "--user-data-dir=\(profile.url.path)", "about:blank",
        ]
        // Chromium's sandbox refuses root and needs user namespaces that containers often lack;
        // this browser only ever loads the test's own page on 127.0.0.1.
        arguments.insert("--no-sandbox", at: 1)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 2, profile.file("chromium.log").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        SpawnFileActions.closeInherited(&actions, from: 5)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Its own process group, so that one signal ends the browser and its helpers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var child: pid_t = 0
        let status = posix_spawn(&child, chromium.path, &actions, &attributes, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw VideoError(.io, "cannot start chromium: \(String(cString: strerror(status)))")
        }
        pid = child
        commands = toBrowser[1]
        let answers = fromBrowser[0]
        // The thread holds the driver weakly, so that dropping it ends the browser.
        Thread.detachNewThread { [weak self] in
            Self.readMessages(answers) { self?.deliver($0) }
            self?.end()
        }
    }

    deinit {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(commands)
    }

    /// Sends a command and waits for its answer.
    /// - Parameters:
    ///   - method: The DevTools method (`Target.createTarget`, …).
    ///   - params: Its parameters, as JSON values.
    ///   - session: The page session it goes to; nil for the browser.
    /// - Returns: The answer's `result` object, as JSON.
    /// - Throws: `VideoError(.io)` with the browser's error message, or when the browser is gone.
    package func send(_ method: String, _ params: [String: any Sendable] = [:], session: String? = nil)
        async throws -> [String: Any]
    {
        let id = counter.add(1, ordering: .relaxed).newValue
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        let bytes = try JSONSerialization.data(withJSONObject: message) + Data([0])
        let answer = try await withCheckedThrowingContinuation { continuation in
            let gone = closed.withLock { closed -> Bool in
                if !closed { waiting.withLock { $0[id] = continuation } }
                return closed
            }
            if gone { continuation.resume(throwing: VideoError(.io, "chromium has gone")) } else { writeMessage(bytes) }
        }
        let object = try JSONSerialization.jsonObject(with: answer) as? [String: Any] ?? [:]
        if let error = object["error"] as? [String: Any] {
            throw VideoError(.io, "chromium: \(method): \(error["message"] as? String ?? "\(error)")")
        }
        return object["result"] as? [String: Any] ?? [:]
    }

    /// Opens `url` in a new page and waits for its load event.
    /// - Returns: The page's session id, for `send`, `evaluate` and `setFiles`.
    package func open(_ url: String) async throws -> String {
        let target = try await send("Target.createTarget", ["url": "about:blank"])
        let attached = try await send(
            "Target.attachToTarget", ["targetId": target["targetId"] as? String ?? "", "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw VideoError(.io, "chromium: no session") }
        _ = try await send("Page.enable", session: session)
        events.withLock { $0["Page.loadEventFired"] = .armed }
        _ = try await send("Page.navigate", ["url": url], session: session)
        _ = try await event("Page.loadEventFired")
        return session
    }

    /// Runs JavaScript in the page and returns its value; a promise is awaited.
    /// - Returns: The value as JSON text (`returnByValue`).
    /// - Throws: `VideoError(.io)` with the exception's text when the script throws.
    package func evaluate(_ expression: String, session: String) async throws -> String {
        let result = try await send(
            "Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true],
            session: session)
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let detail = (exception["exception"] as? [String: Any])?["description"] as? String
            throw VideoError(.io, "the page's script failed: \(detail ?? exception["text"] as? String ?? "")")
        }
        let value = (result["result"] as? [String: Any])?["value"] ?? NSNull()
        let data = try JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// Chooses `files` in the page's file input `selector`, as a person picking them would.
    package func setFiles(_ files: [URL], selector: String, session: String) async throws {
        let document = try await send("DOM.getDocument", session: session)
        let root = (document["root"] as? [String: Any])?["nodeId"] as? Int ?? 0
        let found = try await send("DOM.querySelector", ["nodeId": root, "selector": selector], session: session)
        guard let node = found["nodeId"] as? Int, node != 0 else {
            throw VideoError(.io, "the page has no \(selector)")
        }
        _ = try await send(
            "DOM.setFileInputFiles", ["files": files.map(\.path), "nodeId": node], session: session)
    }

    /// Waits for the armed event named `method` (from any session).
    private func event(_ method: String) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            let arrived = events.withLock { events -> Data? in
                if case .arrived(let message)? = events[method] {
                    events[method] = nil
                    return message
                }
                events[method] = .waiting(continuation)
                return nil
            }
            if let arrived { continuation.resume(returning: arrived) }
        }
    }

    private func writeMessage(_ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(commands, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Reads the browser's messages until it closes its end, handing each to `deliver`.
    private static func readMessages(_ fd: Int32, _ deliver: (Data) -> Void) {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while case let count = read(fd, &buffer, buffer.count), count > 0 {
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = Data(pending[pending.startIndex..<end])
                pending.removeSubrange(pending.startIndex...end)
                deliver(message)
            }
        }
        close(fd)
    }

    /// Fails every command and event still waited for: the browser has gone.
    private func end() {
        let (commands, listeners) = closed.withLock { closed in
            closed = true
            return (
                waiting.withLock { w in
                    defer { w = [:] }
                    return Array(w.values)
                },
                events.withLock { e in
                    defer { e = [:] }
                    return e.values.compactMap { slot in
                        if case .waiting(let continuation) = slot { continuation } else { nil }
                    }
                }
            )
        }
        for continuation in commands + listeners { continuation.resume(throwing: VideoError(.io, "chromium has gone")) }
    }

    private func deliver(_ message: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any] else { return }
        if let id = object["id"] as? Int {
            waiting.withLock { $0.removeValue(forKey: id) }?.resume(returning: message)
        } else if let method = object["method"] as? String {
            let waiting = events.withLock { events -> CheckedContinuation<Data, any Error>? in
                switch events[method] {
                case .armed?:
                    events[method] = .arrived(message)
                case .waiting(let continuation)?:
                    events[method] = nil
                    return continuation
                default: break
                }
                return nil
            }
            waiting?.resume(returning: message)
        }
    }
}

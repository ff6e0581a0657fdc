import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// The page at `/` in a real browser: headless Chromium uploads a document, then photos and a
/// song, follows each job's events to its end, and plays the result.
@Suite struct ServeWebPageTests {
    /// Waits (on the page's own promise and the video's events, no timers) for the job to end
    /// and the video to play past 0.2 s, and reports what the page shows.
    static let played = """
        vgenPage.done.then(job => new Promise(resolve => {
          const video = document.querySelector("#result");
          const report = error => resolve({
            status: job.status, error: error || job.error || null, time: video.currentTime, ready: video.readyState,
            progress: document.querySelector("#progress").value, shown: document.querySelector("#status").textContent,
            events: vgenPage.events });
          if (job.status !== "completed") return report();
          const check = () => { if (video.currentTime > 0.2) report(); };
          video.addEventListener("timeupdate", check);
          video.addEventListener("error", () => report("video error " + (video.error && video.error.code)));
          check();
        }))
        """

    /// About 11 s: Chromium's start (~2 s) and two tiny jobs, a video and a montage.
    @Test(.timeLimit(.minutes(10))) func thePageUploadsWatchesAndPlaysADocumentVideoAndAMontage() async throws {
        let fixture = try await ServeFixture()
        let browser = try HeadlessChromium()
        let page = try await browser.open("http://127.0.0.1:\(fixture.server.port)/")
        let files = try fixture.temporary.folder("picked")

        let document = try "# Hello\n\nA page made this video.\n".write(to: files, name: "hello.md")
        try await browser.setFiles([document], selector: "#document-file", session: page)
        let video = try await Self.submitAndPlay(
            browser, page, form: "video-form", settings: #"form.resolution.value = "320x180";"#)
        #expect(video["progress"] as? Int == 100 && (video["shown"] as? String)?.hasPrefix("completed") == true)
        let events = video["events"] as? [String] ?? []
        #expect(events.contains("stage_started") && events.last == "job", "\(events)")

        let media = try MontageFixtures.writePhotos(count: 3, to: files, width: 320, height: 240)
        let song = files.appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 6)
        try await browser.setFiles(media, selector: "#media-files", session: page)
        try await browser.setFiles([song], selector: "#song-file", session: page)
        _ = try await Self.submitAndPlay(browser, page, form: "montage-form", settings: #"form.size.value = "180";"#)
        // Both jobs went through the API the page calls.
        let list = try await fixture.server.client().send("GET", "/api/jobs")
        #expect(
            (list.json["jobs"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String } == ["montage", "video"])
    }

    /// Sets the form's fields (`settings`, a script on `form`), draft encoding, submits it, and
    /// waits until the result plays; checks that it completed and played.
    /// - Returns: What the page showed (`played`'s report).
    private static func submitAndPlay(
        _ browser: HeadlessChromium, _ page: String, form: String, settings: String
    ) async throws -> [String: Any] {
        _ = try await browser.evaluate(
            """
            { const form = document.querySelector("#\(form)");
              \(settings) form.preset.value = "ultrafast"; form.requestSubmit(); "sent" }
            """, session: page)
        let shown = try object(try await browser.evaluate(played, session: page))
        #expect(shown["status"] as? String == "completed", "\(form): \(shown)")
        #expect((shown["time"] as? Double ?? 0) > 0.2 && (shown["ready"] as? Int ?? 0) >= 2, "\(form): \(shown)")
        return shown
    }

    private static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
    }
}

extension String {
    /// Writes the text to `folder/name` and returns the file.
    fileprivate func write(to folder: URL, name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(utf8).write(to: url)
        return url
    }
}

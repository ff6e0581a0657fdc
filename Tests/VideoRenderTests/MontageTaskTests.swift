import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Montage tasks: resume after any stage, the chunk cache after a timeline edit, parallel chunks.
@Suite struct MontageTaskTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-montage") }

    private func settings(
        _ id: String, duration: Double = 3, transition: MontageTimeline.Transition? = .crossfade
    ) -> EditPlanner.Settings {
        EditPlanner.Settings(
            videoID: id, musicPath: "", aspect: .landscape, shortSide: 180, fps: 30, style: MontageStyle.named("warm")!,
            duration: duration, transition: transition)
    }

    private func pipeline(jobs: Int = 2) -> MontagePipeline {
        MontagePipeline(render: MontageRenderStage(preset: "ultrafast", jobs: jobs))
    }

    /// Photos, a clip and a beat track in a fresh folder.
    private func inputs(photos: Int = 3, clip: Bool = true) throws -> (media: URL, song: URL, out: URL) {
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writePhotos(count: photos, to: media)
        if clip { try MontageFixtures.writeClip(to: media.appendingPathComponent("zclip.mp4")) }
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, seconds: 4)
        return (media, song, media.deletingLastPathComponent().appendingPathComponent("out"))
    }

    /// Every decoded frame's luma hash and the decoded soundtrack.
    private func decoded(_ video: URL) throws -> (frames: [UInt64], audio: [Float]) {
        (try MediaProbe.videoFrameSignatures(video).map(\.hash), try MediaProbe.decodeAudio(video).samples)
    }

    @Test func stoppingAfterAnyStageAndResumingMakesTheSameVideo() async throws {
        let (media, song, out) = try inputs()
        let reference = try await pipeline().render(
            media: [media], music: song, order: .name, settings: settings("whole"), to: out)
        let expected = try decoded(reference.videoURL)
        #expect(expected.frames.count == 90)
        #expect(try MontagePipeline.state(of: reference.directory)?.status == .completed)

        let names = MontagePipeline.stageNames
        for stage in names.dropLast() {
            let state = try await pipeline().render(
                media: [media], music: song, order: .name, settings: settings("stop-\(stage)"), to: out,
                stoppingAfter: stage)
            #expect(state.nextStage == names[names.firstIndex(of: stage)! + 1])
            let folder = out.appendingPathComponent("stop-\(stage)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("video.mp4").path))
            #expect(try TaskStore.kind(of: folder) == MontagePipeline.kind)

            let log = EventRecorder()
            let resumed = try await pipeline().resume(taskDirectory: folder, events: log.record)
            #expect(log.skipped == Array(names[...names.firstIndex(of: stage)!]), "after \(stage)")
            let again = try decoded(resumed.videoURL)
            #expect(again.frames == expected.frames, "after \(stage)")
            #expect(again.audio == expected.audio, "after \(stage)")
            #expect(try MontagePipeline.state(of: folder)?.status == .completed)
        }
    }

    @Test func editingOneSegmentReencodesOnlyItsChunk() async throws {
        let (media, song, out) = try inputs(photos: 6, clip: false)
        let first = try await pipeline().render(
            media: [media], music: song, order: .name, settings: settings("edit", duration: 4, transition: .cut),
            to: out)
        #expect(first.cachedChunks == 0 && first.renderedChunks == first.timeline.segments.count)
        let before = try decoded(first.videoURL).frames

        // A near-black picture (far from every other in luma) for one segment in the middle.
        var timeline = first.timeline
        let k = timeline.segments.count / 2
        let extra = try temporary.folder("extra")
        timeline.segments[k].media = try MontageFixtures.writePhotos(count: 5, to: extra, prefix: "extra")[4].path
        let second = try await pipeline().render(timeline: timeline, to: out)

        #expect(second.renderedChunks == 1)
        #expect(second.cachedChunks == first.renderedChunks - 1)
        let after = try decoded(second.videoURL).frames
        #expect(after.count == timeline.durationFrames)
        let changed = timeline.segments[k].startFrame..<timeline.segments[k].endFrame
        for frame in after.indices where !changed.contains(frame) {
            #expect(after[frame] == before[frame], "frame \(frame) outside the edited segment changed")
        }
        #expect(changed.contains { after[$0] != before[$0] })
        // Still cut on the beats.
        let beatFrames = second.profile.beats.map { Int(($0 * 30).rounded()) }
        let cuts = try MontageFixtures.cutFrames(of: second.videoURL)
        #expect(cuts == timeline.cutFrames)
        for cut in cuts { #expect(beatFrames.contains { abs($0 - cut) <= 1 }, "cut at \(cut)") }
    }

    @Test func parallelChunksMakeTheSameVideoAsOneAtATime() async throws {
        let (media, song, out) = try inputs(photos: 4)
        let one = try await pipeline(jobs: 1).render(
            media: [media], music: song, order: .name, settings: settings("one"), to: out)
        let two = try await pipeline(jobs: 2).render(
            media: [media], music: song, order: .name, settings: settings("two"), to: out)
        #expect(one.timeline.segments.contains { $0.kind == .clip })
        #expect(one.renderedChunks >= 2)
        let (a, b) = (try decoded(one.videoURL), try decoded(two.videoURL))
        #expect(a.frames.count == one.timeline.durationFrames)
        #expect(a.frames == b.frames)
        #expect(a.audio == b.audio)
    }
}

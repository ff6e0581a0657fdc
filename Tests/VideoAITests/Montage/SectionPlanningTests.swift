import Foundation
import Testing
import VideoAI
import VideoCore

/// The edit follows the song's sections: calm intro, quick chorus, a new shot and the style's
/// big transition where a section starts, the best media on the chorus.
@Suite struct SectionPlanningTests {
    /// 48 s at 120 BPM, steady mid energy: intro 0–8, verse 8–24, chorus 24–40, outro 40–48.
    private func music() -> AudioAnalysisProfile {
        let beats = stride(from: 0.25, to: 48, by: 0.5).map { $0 }
        let sections = [
            SongSection(start: 0, end: 8.25, label: "A", name: "intro", energy: 0.4),
            SongSection(start: 8.25, end: 24.25, label: "B", name: "verse", energy: 0.7),
            SongSection(start: 24.25, end: 40.25, label: "C", name: "chorus", energy: 1),
            SongSection(start: 40.25, end: 48, label: "A", name: "outro", energy: 0.4),
        ]
        return AudioAnalysisProfile(
            duration: 48, tempoBPM: 120, beats: beats,
            downbeats: beats.enumerated().filter { $0.offset % 4 == 0 }.map(\.element),
            energy: .init(hopSeconds: 0.1, values: Array(repeating: 0.5, count: 480)), sections: sections)
    }

    private func photos(_ count: Int) -> [AnalyzedMedia] {
        (0..<count).map { i -> AnalyzedMedia in
            let quality: Double = Double((i * 37) % 100) / 100
            return AnalyzedMedia(
                item: MediaItem(url: URL(fileURLWithPath: "/m/p\(i).jpg"), kind: .image, width: 400, height: 300),
                sharpness: 100, exposure: 0.8, quality: quality,
                hash: UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15)
        }
    }

    private func plan(_ music: AudioAnalysisProfile, media: Int = 200) throws -> MontageTimeline {
        let settings = EditPlanner.Settings(
            videoID: "t", musicPath: "/m/song.wav", shortSide: 180, style: MontageStyle.named("natural")!)
        return try EditPlanner().plan(media: photos(media), music: music, settings: settings)
    }

    private func meanShot(_ timeline: MontageTimeline, in range: Range<Double>) -> Double {
        let shots = timeline.segments.filter { range.contains(($0.start + $0.end) / 2) }
        return shots.map { $0.end - $0.start }.reduce(0, +) / Double(max(1, shots.count))
    }

    @Test func pacingAndTransitionsFollowTheSections() throws {
        let timeline = try plan(music())
        #expect(meanShot(timeline, in: 0..<8.25) >= 2 * meanShot(timeline, in: 24.25..<40.25))
        #expect(meanShot(timeline, in: 24.25..<40.25) < meanShot(timeline, in: 8.25..<24.25))
        for start in [8.25, 24.25, 40.25] {
            let frame = Int((start * 30).rounded())
            let segment = timeline.segments.first { $0.startFrame == frame }
            #expect(segment != nil, "no cut at the section start \(start)")
            #expect(segment?.transition == MontageStyle.named("natural")!.momentTransition)
        }
    }

    @Test func bestMediaGoToTheChorus() throws {
        let timeline = try plan(music())
        var plain = music()
        plain.sections = []
        let unsectioned = try plan(plain)
        let quality = Dictionary(uniqueKeysWithValues: photos(200).map { ($0.item.url.path, $0.quality) })
        func chorusQuality(_ t: MontageTimeline) -> Double {
            let shots = t.segments.filter { (24.25..<40.25).contains(($0.start + $0.end) / 2) }
            return shots.map { quality[$0.media]! }.reduce(0, +) / Double(max(1, shots.count))
        }
        let verse = timeline.segments.filter { (8.25..<24.25).contains(($0.start + $0.end) / 2) }
        let verseQuality = verse.map { quality[$0.media]! }.reduce(0, +) / Double(max(1, verse.count))
        #expect(chorusQuality(timeline) > chorusQuality(unsectioned))
        #expect(chorusQuality(timeline) > verseQuality)
        // Each photo still shows once.
        #expect(Set(timeline.segments.map(\.media)).count == timeline.segments.count)
    }
}

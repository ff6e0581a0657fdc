import Foundation
import Testing
import VideoAI
import VideoTestSupport

@Suite struct SongStructureTests {
    // Chords as MIDI notes: A minor, C major, F major, G major.
    private static let aMinor = [57, 60, 64], cMajor = [60, 64, 67], fMajor = [53, 57, 60], gMajor = [55, 59, 62]

    /// Every true boundary has a found one within one beat, and nothing else is found.
    private func expectBoundaries(_ song: SyntheticSong, bpm: Double = 120) throws -> AudioAnalysisProfile {
        let profile = try MusicAnalyzer().analyze(samples: song.music.samples, sampleRate: song.music.sampleRate)
        let found = profile.sections.dropFirst().map(\.start)
        let beat = 60 / bpm
        for truth in song.boundaries {
            #expect(found.contains { abs($0 - truth) <= beat }, "boundary \(truth) missing from \(found)")
        }
        #expect(found.count == song.boundaries.count, "found \(found), truth \(song.boundaries)")
        #expect(profile.sections.first?.start == 0)
        #expect(abs((profile.sections.last?.end ?? 0) - profile.duration) < 1e-6)
        return profile
    }

    @Test func popSongSectionsAreFoundAndNamed() throws {
        typealias Part = SyntheticSong.Part
        let intro = Part(notes: Self.aMinor, harmonics: Part.pad, gain: 0.35)
        let verse = Part(notes: Self.cMajor, harmonics: Part.square, gain: 0.6)
        let chorus = Part(notes: Self.fMajor, harmonics: Part.saw, fourOnTheFloor: true, gain: 1)
        let outro = Part(notes: Self.gMajor, harmonics: Part.pad, gain: 0.3)
        let song = SyntheticSong(parts: [intro, verse, chorus, verse, chorus, outro])
        let profile = try expectBoundaries(song)
        let sections = profile.sections
        guard sections.count == 6 else { return }
        #expect(sections[1].label == sections[3].label, "\(sections.map(\.label))")
        #expect(sections[2].label == sections[4].label)
        #expect(sections[1].label != sections[2].label)
        #expect(sections.map(\.name) == ["intro", "verse", "chorus", "verse", "chorus", "outro"], "\(sections)")
    }

    /// A build-up and a drop: the loud section bursting in after a quiet one is named a drop.
    @Test func dropAfterBuildUp() throws {
        typealias Part = SyntheticSong.Part
        let verse = Part(notes: Self.aMinor, harmonics: Part.square, gain: 0.5)
        let build = Part(notes: Self.gMajor, harmonics: Part.pad, gain: 0.3)
        let drop = Part(notes: Self.fMajor, harmonics: Part.saw, fourOnTheFloor: true, gain: 1, beats: 24)
        let profile = try expectBoundaries(SyntheticSong(parts: [verse, build, drop, verse]))
        #expect(profile.sections.contains { $0.name == "drop" }, "\(profile.sections)")
    }

    /// One steady groove and chord throughout: one section, no boundary.
    @Test func steadySongIsOneSection() throws {
        typealias Part = SyntheticSong.Part
        let part = Part(notes: Self.cMajor, harmonics: Part.saw, gain: 0.8, beats: 48)
        _ = try expectBoundaries(SyntheticSong(parts: [part]))
    }

    /// `analysis.json` from before sections existed still reads.
    @Test func profileWithoutSectionsDecodes() throws {
        let json =
            #"{"duration":1,"tempo_bpm":120,"beats":[0.5],"downbeats":[0.5],"energy":{"hop_seconds":0.1,"values":[1]}}"#
        let profile = try JSONDecoder().decode(AudioAnalysisProfile.self, from: Data(json.utf8))
        #expect(profile.sections.isEmpty)
    }
}

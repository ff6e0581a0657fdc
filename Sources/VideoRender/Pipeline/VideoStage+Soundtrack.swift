import Foundation
import VideoCore

extension VideoStage {
    /// Bump when the soundtrack's making changes.
    static let soundtrackVersion = "vgen soundtrack 4: music bed, side-chain, BS.1770 normalisation checked on the AAC"

    /// The soundtrack of `video`: the narration, the music bed ducked under it when
    /// `options.sound.music` names one, normalised to `options.sound.loudness`. Its cache key
    /// hashes the narration's samples, the manifest, the sound settings and the music file's bytes.
    /// - Throws: `VideoError` when the music file cannot be read.
    func soundtrack(of video: NarratedVideo, narration: [[Float]]) throws -> EncodePlan.Soundtrack {
        let manifest = video.manifest
        let sound = options.sound
        var hashes = narration.map { samples in
            samples.withUnsafeBufferPointer { ContentHash.hex(UnsafeRawBufferPointer($0)) }
        }
        hashes.append(try ContentHash.hex(of: manifest))
        hashes.append(try ContentHash.hex(of: sound))
        if let music = sound.music {
            let url = URL(fileURLWithPath: music)
            guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
                throw VideoError(.invalidInput, "cannot read the music file \(music)", field: "music")
            }
            hashes.append(data.withUnsafeBytes { ContentHash.hex($0) })
        }
        let key = try ContentHash.hex(of: [Self.soundtrackVersion, "\(planner)"] + hashes)
        let planner = planner
        return EncodePlan.Soundtrack(fileName: "soundtrack-\(key).m4a") { url, flag in
            var track = video.soundtrack(frames: 0..<manifest.totalFrames, planner: planner, narration: narration)
            try flag.check()
            if let music = sound.music {
                let samples = try AudioDecoder.decodeAll(
                    url: URL(fileURLWithPath: music), sampleRate: manifest.sampleRate)
                try flag.check()
                track = MusicBed(options: sound, sampleRate: manifest.sampleRate).mix(track, music: samples)
            }
            try NormalizedSoundtrack(sound: sound, sampleRate: manifest.sampleRate).write(track, to: url, flag: flag)
        }
    }
}

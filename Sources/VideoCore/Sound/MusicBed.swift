import Foundation

/// Lays music under a narration track: looped or trimmed to its length, faded in and out,
/// brought to a level relative to the narration's loudness, and ducked by a side-chain on the
/// narration (`SideChainDucker`).
package struct MusicBed: Sendable {
    /// The mixing settings.
    package var options: SoundOptions
    /// The samples' rate.
    package var sampleRate: Int

    /// Creates a bed.
    /// - Parameters:
    ///   - options: The mixing settings.
    ///   - sampleRate: The rate of both tracks.
    package init(options: SoundOptions, sampleRate: Int) {
        self.options = options
        self.sampleRate = sampleRate
    }

    /// `music` fitted to `count` samples: repeated from its start when shorter, cut when longer.
    package static func fitted(_ music: [Float], count: Int) -> [Float] {
        guard !music.isEmpty, count > 0 else { return [Float](repeating: 0, count: max(0, count)) }
        var out: [Float] = []
        out.reserveCapacity(count)
        while out.count < count { out += music.prefix(count - out.count) }
        return out
    }

    /// The music, as mixed, without the narration: fitted, faded, levelled and ducked.
    /// - Parameters:
    ///   - music: The decoded music at `sampleRate`.
    ///   - narration: The narration track the music lies under.
    /// - Returns: The music track, as long as `narration`.
    package func musicTrack(_ music: [Float], under narration: [Float]) -> [Float] {
        var track = Self.fitted(music, count: narration.count)
        let meter = LoudnessMeter(sampleRate: sampleRate)
        let musicLoudness = meter.integratedLoudness(track)
        var voiceLoudness = meter.integratedLoudness(narration)
        if !voiceLoudness.isFinite { voiceLoudness = options.loudness ?? -23 }
        let level = musicLoudness.isFinite ? voiceLoudness + options.musicLevel - musicLoudness : 0
        let gain = pow(10, level / 20)
        let fadeIn = max(1, Int(options.fadeIn * Double(sampleRate)))
        let fadeOut = max(1, Int(options.fadeOut * Double(sampleRate)))
        let ducking = SideChainDucker(options: options, sampleRate: sampleRate).gains(for: narration)
        let count = track.count
        for n in 0..<count {
            let fade = min(1, Double(n) / Double(fadeIn), Double(count - 1 - n) / Double(fadeOut))
            track[n] = Float(Double(track[n]) * gain * max(0, fade) * ducking[n])
        }
        return track
    }

    /// The narration with the music under it.
    /// - Parameters:
    ///   - narration: The narration track.
    ///   - music: The decoded music at `sampleRate`.
    /// - Returns: The sum, as long as `narration`.
    package func mix(_ narration: [Float], music: [Float]) -> [Float] {
        let bed = musicTrack(music, under: narration)
        return zip(narration, bed).map { $0 + $1 }
    }
}

/// The side-chain: a gain per sample that is `duckingDepth` while the narration speaks and
/// 0 dB in its silences, moving linearly in dB — down over the attack time, before the speech
/// starts (the whole track is known, so the detector looks ahead), and up over the release
/// time after it ends. Gaps shorter than the hold time stay ducked, so the music does not
/// pump between words.
package struct SideChainDucker: Sendable {
    /// The settings (depth, attack, release).
    package var options: SoundOptions
    /// The samples' rate.
    package var sampleRate: Int
    /// The detector's window, in seconds.
    package static let window = 0.01
    /// Silences shorter than this keep the music ducked, in seconds.
    package static let hold = 0.25
    /// The detector's threshold below the narration's loudest window, in dB.
    package static let threshold = -40.0

    /// Creates a side-chain.
    /// - Parameters:
    ///   - options: Depth, attack and release.
    ///   - sampleRate: The narration's rate.
    package init(options: SoundOptions, sampleRate: Int) {
        self.options = options
        self.sampleRate = sampleRate
    }

    /// Which samples the detector hears speech in (window RMS above the threshold, gaps under
    /// the hold time filled).
    package func speech(in narration: [Float]) -> [Bool] {
        let window = max(1, Int(Self.window * Double(sampleRate)))
        let windows = (narration.count + window - 1) / window
        var levels = [Double](repeating: 0, count: windows)
        for w in 0..<windows {
            let slice = narration[(w * window)..<min(narration.count, (w + 1) * window)]
            levels[w] = slice.reduce(0) { $0 + Double($1) * Double($1) } / Double(slice.count)
        }
        let loudest = levels.max() ?? 0
        guard loudest > 0 else { return [Bool](repeating: false, count: narration.count) }
        let gate = loudest * pow(10, Self.threshold / 10)
        var active = levels.map { $0 > gate }
        // Fill short gaps.
        let holdWindows = Int(Self.hold / Self.window)
        var last: Int?
        for w in active.indices where active[w] {
            if let last, w - last > 1, w - last - 1 <= holdWindows {
                for g in (last + 1)..<w { active[g] = true }
            }
            last = w
        }
        var out = [Bool](repeating: false, count: narration.count)
        for n in out.indices { out[n] = active[n / window] }
        return out
    }

    /// The linear gain of each sample.
    package func gains(for narration: [Float]) -> [Double] {
        let speaking = speech(in: narration)
        let depth = min(0, options.duckingDepth)
        let attackStep = -depth / max(1, options.duckingAttack * Double(sampleRate))
        let releaseStep = -depth / max(1, options.duckingRelease * Double(sampleRate))
        var db = [Double](repeating: 0, count: narration.count)
        // Forward: down at once when speech starts, up over the release after it.
        var previous = 0.0
        for n in db.indices {
            previous = speaking[n] ? depth : min(0, previous + releaseStep)
            db[n] = previous
        }
        // Backward: the attack starts before the speech.
        var next = 0.0
        for n in db.indices.reversed() {
            next = min(db[n], next + attackStep)
            db[n] = next
        }
        return db.map { pow(10, $0 / 20) }
    }
}

/// Places measured narration on exact frame boundaries: the heart of "audio first".
///
/// A scene lasts its narration's sample count plus the lead-in and tail padding, rounded up
/// to whole frames, and at least its `min_duration`. Scenes follow each other without gaps;
/// all arithmetic is in integers (frames and samples), so a hundred scenes end exactly where
/// the sum of their frames says.
public struct TimingPlanner: Sendable {
    /// Silence before the narration starts, in seconds (the fade-in happens here).
    public var leadIn: Double
    /// Silence after the narration ends, in seconds.
    public var tail: Double
    /// Frames a scene lasts at least, by scene ID (as the manifest names scenes, after fitting):
    /// language versions of one video use the longest version's frames for every scene, so one
    /// picture track fits each version's sound (`vgen --multitrack`).
    public var sceneFrameFloors: [String: Int] = [:]

    /// Creates a planner.
    public init(leadIn: Double = 0.4, tail: Double = 0.6) {
        self.leadIn = leadIn
        self.tail = tail
    }

    /// The measured narration of one scene.
    public struct Narration: Sendable {
        /// The scene.
        public var scene: SceneConfig
        /// The narration's length in samples.
        public var sampleCount: Int
        /// Its words, with sample positions within the narration.
        public var words: [SpokenWord]
        /// Where its audio is stored, relative to the video folder.
        public var audioFile: String

        /// Creates a measured narration.
        public init(scene: SceneConfig, sampleCount: Int, words: [SpokenWord], audioFile: String) {
            self.scene = scene
            self.sampleCount = sampleCount
            self.words = words
            self.audioFile = audioFile
        }
    }

    /// Lays the scenes end to end.
    /// - Parameters:
    ///   - narrations: One per scene, in order.
    ///   - fps: Frames per second.
    ///   - sampleRate: The narration's sample rate.
    /// - Returns: The manifest.
    public func plan(_ narrations: [Narration], fps: Int, sampleRate: Int) -> TimingManifest {
        let leadSamples = Int((leadIn * Double(sampleRate)).rounded())
        let tailSamples = Int((tail * Double(sampleRate)).rounded())
        var frame = 0
        var scenes: [SceneTiming] = []
        scenes.reserveCapacity(narrations.count)
        for narration in narrations {
            let needed = leadSamples + narration.sampleCount + tailSamples
            var frames = (needed * fps + sampleRate - 1) / sampleRate  // ceil
            if let minimum = narration.scene.minDuration {
                frames = max(frames, Int((minimum * Double(fps)).rounded(.up)))
            }
            frames = max(frames, sceneFrameFloors[narration.scene.sceneID] ?? 1, 1)
            let startSample = TimingManifest.samples(forFrames: frame, fps: fps, sampleRate: sampleRate)
            let narrationStartSample = startSample + leadSamples
            let words = narration.words.map {
                WordTiming(
                    text: $0.text,
                    startTime: Double(narrationStartSample + $0.startSample) / Double(sampleRate),
                    endTime: Double(narrationStartSample + $0.endSample) / Double(sampleRate))
            }
            scenes.append(
                SceneTiming(
                    sceneID: narration.scene.sceneID, sceneType: narration.scene.sceneType,
                    audioFile: narration.audioFile, startFrame: frame, frameCount: frames,
                    startTime: Double(frame) / Double(fps), endTime: Double(frame + frames) / Double(fps),
                    duration: Double(frames) / Double(fps),
                    narrationStart: Double(narrationStartSample) / Double(sampleRate),
                    narrationSamples: narration.sampleCount, words: words))
            frame += frames
        }
        return TimingManifest(fps: fps, sampleRate: sampleRate, totalFrames: frame, scenes: scenes)
    }

    /// The narration start of a scene, in samples of the whole video.
    public func narrationStartSample(of scene: SceneTiming, in manifest: TimingManifest) -> Int {
        manifest.samples(forFrames: scene.startFrame) + Int((leadIn * Double(manifest.sampleRate)).rounded())
    }
}

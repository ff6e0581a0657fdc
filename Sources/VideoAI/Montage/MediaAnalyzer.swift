import Foundation
import Synchronization
import VideoCore

/// Finds the usable media among the inputs, scores them and orders them: the montage's analysis stage.

/// Decodes every candidate photo and clip once at small size and measures it.
///
/// Photos: sharpness (Laplacian variance), exposure and a difference hash of a ~128-pixel
/// thumbnail (JPEGs are decoded at reduced size, which is fast). Clips: the same measures on
/// frames sampled four times a second (decoded roughly, without the loop filter), plus motion
/// between samples, giving a score curve for picking each clip's best moment.
///
/// A long clip whose keyframes come often (a phone's, one a second or two) is sampled sparsely
/// instead: at keyframes about a second apart (at most 48 samples), each decoded from the
/// keyframe with motion measured against the frame `clipSampleInterval` later. That decodes a
/// fraction of the frames, and is chosen only when the container's keyframe index says so.
///
/// Files that fail to decode are skipped with a warning; none usable is an error.
///
/// # Thread safety
/// A value; `analyze` decodes on `workers` threads internally.
public struct MediaAnalyzer: Sendable {
    /// Seconds between sampled clip frames.
    public var clipSampleInterval: Double
    /// The longest stretch of a clip analysed, in seconds (later parts score 0).
    public var maximumClipAnalysis: Double
    /// A gap in capture times longer than this starts a new moment, in seconds.
    public var momentGap: Double
    /// How many files are decoded at once (at least 1).
    public var workers: Int

    /// Creates an analyzer.
    /// - Parameters:
    ///   - clipSampleInterval: Seconds between sampled clip frames.
    ///   - maximumClipAnalysis: The longest stretch of a clip analysed, in seconds.
    ///   - momentGap: A gap in capture times longer than this starts a new moment, in seconds.
    ///   - workers: Files decoded at once; by default one per active processor.
    public init(
        clipSampleInterval: Double = 0.25, maximumClipAnalysis: Double = 120, momentGap: Double = 3 * 3600,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.clipSampleInterval = clipSampleInterval
        self.maximumClipAnalysis = maximumClipAnalysis
        self.momentGap = momentGap
        self.workers = workers
    }

    /// The media files named by `inputs`: files as given, folders expanded (recursively, hidden
    /// files skipped, sorted by name) to the files whose extension is a known image or clip type.
    /// - Throws: `VideoError` (`.invalidInput`) for a path that does not exist.
    public static func candidateFiles(_ inputs: [URL], warn: (String) -> Void = { _ in }) throws -> [URL] {
        var files: [URL] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                throw VideoError(.invalidInput, "\(input.path) does not exist", field: "media")
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(
                    at: input, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
                var found: [URL] = []
                while let url = enumerator?.nextObject() as? URL {
                    if MediaItem.kind(forExtension: url.pathExtension) != nil { found.append(url) }
                }
                files += found.sorted { naturalLess($0.path, $1.path) }
            } else if MediaItem.kind(forExtension: input.pathExtension) != nil {
                files.append(input)
            } else {
                warn("skipping \(input.lastPathComponent): not a known image or video type")
            }
        }
        return files
    }

    /// Decodes and measures every file, skipping (with a warning) those that fail, then orders them.
    /// - Parameters:
    ///   - files: Candidate files (see `candidateFiles`).
    ///   - order: How to order the result.
    ///   - warn: Receives one message per skipped file.
    ///   - isCancelled: Asked before each file; once it says `true`, no further file is started.
    /// - Returns: The usable media, in order, with moments assigned.
    /// - Throws: `VideoError` (`.invalidInput`) when no file is usable, `CancellationError` once cancelled.
    public func analyze(
        _ files: [URL], order: MediaOrder, warn: (String) -> Void = { _ in },
        isCancelled: @Sendable () -> Bool = { false }
    ) throws -> [AnalyzedMedia] {
        // Largest files first (clips before photos), each worker taking the next one when free,
        // so none waits long for the others at the end.
        let sizes = files.map(Self.size)
        let results = ResultBox(queue: files.indices.sorted { sizes[$0] > sizes[$1] })
        DispatchQueue.concurrentPerform(iterations: min(max(1, workers), max(files.count, 1))) { _ in
            while !isCancelled(), let index = results.next() {
                results.set(index, Result { try analyzeFile(files[index]) })
            }
        }
        if isCancelled() { throw CancellationError() }
        var usable: [AnalyzedMedia] = []
        for (file, result) in zip(files, results.values) {
            switch result {
            case .success(let media): usable.append(media)
            case .failure(let error):
                warn("skipping \(file.lastPathComponent): \((error as? VideoError)?.message ?? "\(error)")")
            case nil: break
            }
        }
        guard !usable.isEmpty else {
            let what =
                files.isEmpty
                ? "no image or video files were found" : "none of the \(files.count) files could be decoded"
            throw VideoError(.invalidInput, "no usable photos or clips: \(what)", field: "media")
        }
        return assignMoments(ordered(usable, by: order))
    }

    /// A file's size in bytes (0 when unknown), to schedule the largest first.
    private static func size(of url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Analyses one file.
    /// - Throws: `VideoError` when it cannot be decoded.
    public func analyzeFile(_ url: URL) throws -> AnalyzedMedia {
        switch MediaItem.kind(forExtension: url.pathExtension) {
        case .clip: return try analyzeClip(url)
        default: return try analyzeImage(url)
        }
    }

    // MARK: - Images and clips

    private func analyzeImage(_ url: URL) throws -> AnalyzedMedia {
        let decoded = try ImageDecoder.decode(url, covering: 160, 160)
        let gray = try thumbnail(decoded.picture, longSide: 128)
        let capture = MediaMetadata.captureDate(in: decoded.metadata, fileAt: url)
        let item = MediaItem(
            url: url, kind: .image, width: decoded.sourceWidth, height: decoded.sourceHeight, captureDate: capture.date,
            captureDateFromMetadata: capture.source == .metadata)
        let sharpness = MediaQuality.sharpness(gray), exposure = MediaQuality.exposure(gray)
        var analyzed = AnalyzedMedia(
            item: item, sharpness: sharpness, exposure: exposure,
            quality: MediaQuality.score(sharpness: sharpness, exposure: exposure),
            hash: MediaQuality.differenceHash(gray), luminance: MediaQuality.relativeLuminance(gray))
        (analyzed.salientX, analyzed.salientY) = MediaQuality.salientPoint(gray)
        return analyzed
    }

    /// One measured moment of a clip: its thumbnail and the motion there.
    private struct ClipMoment {
        var time: Double
        var gray: GrayImage
        var motion: Double
    }

    private func analyzeClip(_ url: URL) throws -> AnalyzedMedia {
        let decoder = try VideoClipDecoder(url: url, fast: true)
        var lastTime = 0.0
        let moments: [ClipMoment]
        if let times = sparseSampleTimes(decoder) {
            moments = try sparseMoments(decoder, at: times)
            lastTime = decoder.duration
        } else {
            var grays: [(Double, GrayImage)] = []
            var nextTime = 0.0
            while let picture = try decoder.nextPicture() {
                lastTime = max(lastTime, picture.time)
                guard picture.time <= maximumClipAnalysis else { break }
                guard picture.time + 1e-6 >= nextTime else { continue }
                grays.append((picture.time, try thumbnail(picture, longSide: 64, orientation: decoder.orientation)))
                nextTime = picture.time + clipSampleInterval
            }
            moments = grays.indices.map { i in
                let motion =
                    i > 0
                    ? MediaQuality.difference(grays[i - 1].1, grays[i].1)
                    : (grays.count > 1 ? MediaQuality.difference(grays[i].1, grays[1].1) : 0)
                return ClipMoment(time: grays[i].0, gray: grays[i].1, motion: motion)
            }
        }
        guard !moments.isEmpty else { throw VideoError(.media, "\(url.lastPathComponent) has no decodable frames") }
        var samples: [AnalyzedMedia.ClipSample] = []
        var sharpnesses: [Double] = [], exposures: [Double] = [], luminances: [Double] = []
        for moment in moments {
            let (time, gray, motion) = (moment.time, moment.gray, moment.motion)
            let sharpness = MediaQuality.sharpness(gray), exposure = MediaQuality.exposure(gray)
            sharpnesses.append(sharpness)
            exposures.append(exposure)
            luminances.append(MediaQuality.relativeLuminance(gray))
            // Some motion is lively; a lot is shake or a whip pan.
            let lively = motion <= 12 ? motion / 12 : max(0, 1 - (motion - 12) / 36)
            let score = 0.5 * MediaQuality.score(sharpness: sharpness, exposure: exposure) + 0.5 * lively
            samples.append(.init(time: (time * 1000).rounded() / 1000, score: (score * 1000).rounded() / 1000))
        }
        let duration = decoder.duration > 0 ? decoder.duration : lastTime + (decoder.fps > 0 ? 1 / decoder.fps : 0)
        let capture = MediaMetadata.captureDate(in: decoder.metadata, fileAt: url)
        let item = MediaItem(
            url: url, kind: .clip, width: decoder.width, height: decoder.height, duration: duration,
            hasAudio: decoder.hasAudio,
            captureDate: capture.date, captureDateFromMetadata: capture.source == .metadata)
        let sharpness = median(sharpnesses), exposure = median(exposures)
        return AnalyzedMedia(
            item: item, sharpness: sharpness, exposure: exposure,
            quality: MediaQuality.score(sharpness: sharpness, exposure: exposure),
            hash: MediaQuality.differenceHash(moments[moments.count / 2].gray), samples: samples,
            luminance: median(luminances))
    }

    /// Keyframe times to sample at, about one a second (at most 48), when the clip is long and
    /// its keyframes come often enough to cover it; `nil` to decode the clip through. A sample
    /// at a keyframe decodes that frame and the few up to `clipSampleInterval` after it.
    private func sparseSampleTimes(_ decoder: VideoClipDecoder) -> [Double]? {
        let length = min(decoder.duration, maximumClipAnalysis)
        guard decoder.fps > 0, length > 8 * clipSampleInterval else { return nil }
        let spacing = max(1, length / 48)
        let keyframes = decoder.keyframeTimes.filter { $0 >= 0 && $0 < length - clipSampleInterval }
        guard !keyframes.isEmpty else { return nil }
        // The keyframe nearest each point of a grid `spacing` apart (each taken once).
        var times: [Double] = []
        var k = 0
        for target in stride(from: 0, to: length - clipSampleInterval, by: spacing) {
            while k + 1 < keyframes.count, abs(keyframes[k + 1] - target) <= abs(keyframes[k] - target) { k += 1 }
            if times.last != keyframes[k] { times.append(keyframes[k]) }
        }
        // Every stretch of the clip needs samples near it, or its best moment could be missed.
        let edges = [0] + times + [length]
        guard times.count >= 4, zip(edges, edges.dropFirst()).allSatisfy({ $1 - $0 <= 3 * spacing }) else {
            return nil
        }
        let frames = Double(times.count) * (clipSampleInterval * decoder.fps + 1)
        return frames < 0.5 * length * decoder.fps ? times : nil
    }

    /// Measures the clip at `times`, seeking to each; motion is against the frame
    /// `clipSampleInterval` later.
    private func sparseMoments(_ decoder: VideoClipDecoder, at times: [Double]) throws -> [ClipMoment] {
        try times.compactMap { time in
            // Half a frame past the keyframe, so rounding never lands on the one before it.
            try decoder.seek(to: time + 0.5 / decoder.fps)
            guard let first = try decoder.picture(at: time) else { return nil }
            let gray = try thumbnail(first, longSide: 64, orientation: decoder.orientation)
            let later = try decoder.picture(at: time + clipSampleInterval)
            let motion =
                try later.map {
                    MediaQuality.difference(gray, try thumbnail($0, longSide: 64, orientation: decoder.orientation))
                } ?? 0
            return ClipMoment(time: first.time, gray: gray, motion: motion)
        }
    }

    /// A gray thumbnail of `picture` as it shows: turned by `orientation` (a clip's display
    /// rotation; analysis decodes pictures as stored), so clips and photos hash alike.
    private func thumbnail(_ picture: DecodedPicture, longSide: Int, orientation: Int = 1) throws -> GrayImage {
        let aspect = (5...8).contains(orientation) ? 1 / picture.aspectRatio : picture.aspectRatio
        let w = aspect >= 1 ? longSide : max(9, Int((Double(longSide) * aspect).rounded()))
        let h = aspect >= 1 ? max(8, Int((Double(longSide) / aspect).rounded())) : longSide
        return GrayImage(
            width: w, height: h, pixels: try picture.grayThumbnail(width: w, height: h, orientation: orientation))
    }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }
}

/// The work queue of `analyze` and the results its workers write, each index by one worker.
private final class ResultBox: Sendable {
    private struct State {
        /// File indices in the order to take them.
        let queue: [Int]
        var taken = 0
        var values: [Result<AnalyzedMedia, any Error>?]
    }

    private let state: Mutex<State>

    /// A box for the files at `queue`'s indices, taken in that order.
    init(queue: [Int]) {
        state = Mutex(State(queue: queue, values: Array(repeating: nil, count: queue.count)))
    }

    /// The results so far, by file index (`nil` for files not analysed).
    var values: [Result<AnalyzedMedia, any Error>?] { state.withLock { $0.values } }

    func set(_ index: Int, _ value: Result<AnalyzedMedia, any Error>) { state.withLock { $0.values[index] = value } }

    /// The next file index no worker has taken yet.
    func next() -> Int? {
        state.withLock { state in
            guard state.taken < state.queue.count else { return nil }
            state.taken += 1
            return state.queue[state.taken - 1]
        }
    }
}

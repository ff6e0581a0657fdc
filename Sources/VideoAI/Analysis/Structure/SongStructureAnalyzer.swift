import Foundation
import VideoCore

/// Finds a song's sections by novelty on a self-similarity matrix (Foote 2000, "Automatic audio
/// segmentation using a measure of audio novelty"), then labels them.
///
/// 1. Beat-synchronous features: the chroma and MFCC blocks are averaged between consecutive
///    beats (a half-second grid when there are too few beats). Chroma is scaled to unit length;
///    each MFCC is standardised over the song, then each beat's vector is scaled to unit length.
/// 2. The self-similarity matrix is the mean of the two cosine similarities, beat against beat.
/// 3. A Gaussian-tapered checkerboard kernel slid along its diagonal gives the novelty curve:
///    high where the past few bars resemble each other, the next few bars each other, and the
///    two not at all.
/// 4. Boundaries are the novelty peaks above an absolute and a relative threshold, at least
///    `minimumSectionBeats` apart, strongest first.
/// 5. Sections whose cross-similarity is close to their self-similarity share a letter; the
///    energy profile names them (see `name(_:)`).
struct SongStructureAnalyzer: Sendable {
    /// Half the kernel's width, in beats.
    var kernelBeats = 8
    /// The shortest section, in beats.
    var minimumSectionBeats = 8
    /// Novelty (0–1 scale of the kernel's normalised response) a boundary needs at least.
    var minimumNovelty = 0.12
    /// A boundary's novelty relative to the song's strongest one.
    var relativeNovelty = 0.3
    /// Cross-similarity over self-similarity at or above which two sections share a letter.
    var sameLabelSimilarity = 0.8
    /// The most grid points (beats) the self-similarity matrix is built on.
    var maximumGrid = 2_000

    /// The sections of a piece.
    /// - Parameters:
    ///   - features: Chroma and timbre blocks from the front end.
    ///   - beats: Beat times, in seconds.
    ///   - energy: The normalised loudness curve.
    ///   - duration: The song's length, in seconds.
    /// - Returns: Sections tiling `0..<duration`, or none when the piece is too short to tell.
    func sections(
        _ features: StructureFeatures, beats: [Double], energy: AudioAnalysisProfile.EnergyCurve, duration: Double
    ) -> [SongSection] {
        let grid = grid(beats: beats, duration: duration)
        let units = BeatSynchronousFeatures(features, grid: grid)
        guard units.count >= 2 * minimumSectionBeats else { return [] }
        let similarity = units.similarityMatrix()
        let novelty = noveltyCurve(similarity, count: units.count)
        let starts = [0] + peaks(novelty)
        let ranges = zip(starts, starts.dropFirst() + [units.count]).map { $0..<$1 }
        let labels = labels(ranges, similarity: similarity, count: units.count)
        let times = ranges.enumerated().map { k, range in
            (start: k == 0 ? 0 : grid[range.lowerBound], end: k == ranges.count - 1 ? duration : grid[range.upperBound])
        }
        let loudness = times.map { energy.mean(from: $0.start, to: $0.end) }
        let loudest = max(loudness.max() ?? 0, 1e-9)
        let relative = loudness.map { $0 / loudest }
        let names = name(labels: labels, energy: relative)
        return times.indices.map { k in
            SongSection(
                start: rounded(times[k].start), end: rounded(times[k].end), label: labels[k], name: names[k],
                energy: rounded(relative[k]))
        }
    }

    // MARK: - Steps

    /// The beat grid the features are averaged on: the beats, or every half second; thinned to
    /// every second (third …) beat past `maximumGrid` points, so the matrix stays within 16 MB.
    func grid(beats: [Double], duration: Double) -> [Double] {
        let full = beats.count >= 2 * minimumSectionBeats ? beats : stride(from: 0.0, to: duration, by: 0.5).map { $0 }
        let step = (full.count + maximumGrid - 1) / maximumGrid
        return step <= 1 ? full : stride(from: 0, to: full.count, by: step).map { full[$0] }
    }

    /// Foote's novelty: the checkerboard kernel's response along the diagonal, normalised by the
    /// kernel weight inside the matrix; zero where either side holds fewer than two beats.
    func noveltyCurve(_ similarity: [Float], count n: Int) -> [Double] {
        let half = max(2, min(kernelBeats, n / 4))
        let sigma = Double(half) / 2
        let taper = (-half..<half).map { a in exp(-pow((Double(a) + 0.5) / sigma, 2) / 2) }
        var novelty = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let lo = max(-half, -i), hi = min(half, n - i)
            guard -lo >= 2, hi >= 2 else { continue }
            var sum = 0.0, weight = 0.0
            for a in lo..<hi {
                let row = (i + a) * n
                for b in lo..<hi {
                    let w = taper[a + half] * taper[b + half]
                    let sign: Double = (a < 0) == (b < 0) ? 1 : -1
                    sum += sign * w * Double(similarity[row + i + b])
                    weight += w
                }
            }
            novelty[i] = max(0, sum / weight)
        }
        return novelty
    }

    /// Novelty peaks: local maxima over ± half a section, above both thresholds, kept strongest
    /// first while they stay `minimumSectionBeats` from each other and from the ends.
    func peaks(_ novelty: [Double]) -> [Int] {
        let strongest = novelty.max() ?? 0
        let threshold = max(minimumNovelty, relativeNovelty * strongest)
        let reach = max(1, minimumSectionBeats / 2)
        let n = novelty.count
        let candidates = (0..<n).filter { i in
            novelty[i] >= threshold
                && (max(0, i - reach)...min(n - 1, i + reach)).allSatisfy { novelty[$0] <= novelty[i] }
        }
        var kept: [Int] = []
        for i in candidates.sorted(by: { novelty[$0] != novelty[$1] ? novelty[$0] > novelty[$1] : $0 < $1 })
        where i >= minimumSectionBeats / 2 && n - i >= minimumSectionBeats / 2
            && kept.allSatisfy({ abs($0 - i) >= minimumSectionBeats })
        {
            kept.append(i)
        }
        return kept.sorted()
    }

    /// Letters by similarity: each section joins the earlier letter it resembles most, when the
    /// mean cross-similarity reaches `sameLabelSimilarity` of the two self-similarities.
    func labels(_ ranges: [Range<Int>], similarity: [Float], count n: Int) -> [String] {
        func mean(_ p: Range<Int>, _ q: Range<Int>) -> Double {
            var sum = 0.0
            for i in p { for j in q { sum += Double(similarity[i * n + j]) } }
            return sum / Double(max(1, p.count * q.count))
        }
        let own = ranges.map { mean($0, $0) }
        var classes: [[Int]] = []
        var labels: [String] = []
        for (k, range) in ranges.enumerated() {
            var best: (index: Int, score: Double)?
            for (c, members) in classes.enumerated() {
                let score =
                    members.map { m in mean(range, ranges[m]) / max(1e-6, (own[k] * own[m]).squareRoot()) }
                    .reduce(0, +) / Double(members.count)
                if score >= sameLabelSimilarity, score > best?.score ?? -.infinity { best = (c, score) }
            }
            if let best {
                classes[best.index].append(k)
                labels.append(Self.letter(best.index))
            } else {
                classes.append([k])
                labels.append(Self.letter(classes.count - 1))
            }
        }
        return labels
    }

    /// Names from the energy profile: a quiet first (last) section of three or more is the intro
    /// (outro); of the middle sections, the loudest letter is the chorus, or a drop where it
    /// bursts in from a section at most half as loud; the most repeated other letter is the
    /// verse; a letter heard once in the middle after a chorus is the bridge.
    func name(labels: [String], energy: [Double]) -> [String?] {
        let n = labels.count
        var names = [String?](repeating: nil, count: n)
        guard n >= 2 else { return names }
        func mean(_ indices: [Int]) -> Double {
            indices.isEmpty ? 0 : indices.map { energy[$0] }.reduce(0, +) / Double(indices.count)
        }
        var middle = Array(0..<n)
        if n >= 3, energy[0] < 0.75 * mean(Array(1..<n)) {
            names[0] = "intro"
            middle.removeFirst()
        }
        if n >= 3, energy[n - 1] < 0.75 * mean(Array(0..<(n - 1))) {
            names[n - 1] = "outro"
            middle.removeLast()
        }
        let letters = Array(Set(middle.map { labels[$0] })).sorted()
        let loudness = Dictionary(
            uniqueKeysWithValues: letters.map { l in (l, mean(middle.filter { labels[$0] == l })) })
        guard let peak = letters.max(by: { loudness[$0]! < loudness[$1]! }) else { return names }
        let others = middle.filter { labels[$0] != peak }
        guard others.isEmpty || loudness[peak]! >= 1.1 * mean(others) else { return names }
        for k in middle where labels[k] == peak {
            names[k] = k > 0 && energy[k - 1] <= 0.5 * energy[k] ? "drop" : "chorus"
        }
        let counts = Dictionary(grouping: others, by: { labels[$0] }).mapValues(\.count)
        if let verse = counts.filter({ $0.value >= 2 }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key {
            for k in others where labels[k] == verse { names[k] = "verse" }
        }
        let firstPeak = middle.first { labels[$0] == peak } ?? n
        for k in others where names[k] == nil && counts[labels[k]] == 1 && k > firstPeak { names[k] = "bridge" }
        return names
    }

    // MARK: - Helpers

    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : "Z\(index - letters.count + 1)"
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

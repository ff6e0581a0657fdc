import Foundation
import VideoCore

/// How `MediaAnalyzer` orders the media and groups them into moments.
extension MediaAnalyzer {
    /// `media` in the order asked for.
    func ordered(_ media: [AnalyzedMedia], by order: MediaOrder) -> [AnalyzedMedia] {
        switch order {
        case .name:
            return media.sorted { naturalLess($0.item.url.lastPathComponent, $1.item.url.lastPathComponent) }
        case .time:
            return media.sorted {
                $0.item.captureDate != $1.item.captureDate
                    ? $0.item.captureDate < $1.item.captureDate
                    : naturalLess($0.item.url.lastPathComponent, $1.item.url.lastPathComponent)
            }
        case .shuffle:
            var rng = SeededRandom(
                seed: media.reduce(0xcbf2_9ce4_8422_2325) { hash, m in
                    m.item.url.lastPathComponent.utf8.reduce(hash) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
                })
            var shuffled = media.sorted { naturalLess($0.item.url.lastPathComponent, $1.item.url.lastPathComponent) }
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            return shuffled
        }
    }

    /// Moments follow capture time: sorted by time, a gap over `momentGap` starts a new one.
    func assignMoments(_ media: [AnalyzedMedia]) -> [AnalyzedMedia] {
        let byTime = media.indices.sorted { media[$0].item.captureDate < media[$1].item.captureDate }
        var out = media
        var moment = 0
        for (k, index) in byTime.enumerated() {
            if k > 0, media[index].item.captureDate.timeIntervalSince(media[byTime[k - 1]].item.captureDate) > momentGap
            {
                moment += 1
            }
            out[index].moment = moment
        }
        return out
    }
}

/// File names compared as people expect: digit runs by value ("img2" before "img10").
func naturalLess(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
}

/// SplitMix64: a small deterministic generator.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

import Foundation
import VideoCore

/// How the song's sections shape the edit: calm shots in the intro and outro, quicker ones in a
/// chorus or drop, a cut with the style's big transition where a section starts, and the best
/// media on the high points.
extension EditPlanner {
    /// The shot length in beats, adjusted for the section playing: at least four beats in an
    /// intro or outro, half as many (down to one) in a chorus or drop.
    func sectionAdjusted(beats count: Int, section: SongSection?) -> Int {
        guard let section else { return count }
        if section.isCalm { return max(count, 4) }
        if section.isPeak { return max(1, count / 2) }
        return count
    }

    /// For each section after the first, the index of the beat frame nearest its start (when
    /// one lies within a beat of it).
    func sectionStartBeats(_ music: AudioAnalysisProfile, beats: [Int], fps: Double) -> [Int] {
        let period = beats.count > 1 ? Double(beats[beats.count / 2] - beats[beats.count / 2 - 1]) : fps
        return music.sections.dropFirst().compactMap { section in
            let frame = section.start * fps
            guard
                let nearest = beats.indices.min(by: { abs(Double(beats[$0]) - frame) < abs(Double(beats[$1]) - frame) })
            else { return nil }
            return abs(Double(beats[nearest]) - frame) <= period ? nearest : nil
        }
    }

    /// Which pool item each shot shows: in order, except that within each moment the shots in a
    /// chorus or drop show that moment's best items (in their own order) and the other shots
    /// the rest (in order), so the best media land on the high points while the moments keep
    /// their order.
    func mediaOrder(pool: [AnalyzedMedia], boundaries: [Int], music: AudioAnalysisProfile, fps: Double) -> [Int] {
        let shots = boundaries.count - 1
        var order = (0..<shots).map { $0 % max(1, pool.count) }
        guard pool.count >= shots, !music.sections.isEmpty else { return order }
        let peak = (0..<shots).map { k in
            music.section(at: Double(boundaries[k] + boundaries[k + 1]) / 2 / fps)?.isPeak ?? false
        }
        for moment in Set(order.map { pool[$0].moment }).sorted() {
            let slots = (0..<shots).filter { pool[order[$0]].moment == moment }
            let items = slots.map { order[$0] }
            let peakSlots = slots.filter { peak[$0] }
            guard !peakSlots.isEmpty, peakSlots.count < slots.count else { continue }
            let best = Set(
                items.sorted { pool[$0].quality != pool[$1].quality ? pool[$0].quality > pool[$1].quality : $0 < $1 }
                    .prefix(peakSlots.count))
            var high = items.filter { best.contains($0) }.makeIterator()
            var rest = items.filter { !best.contains($0) }.makeIterator()
            for slot in slots { order[slot] = (peak[slot] ? high.next() : rest.next())! }
        }
        return order
    }
}

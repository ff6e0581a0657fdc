import Foundation
import Testing
import VideoAI
import VideoCore

/// The phrase grammar: feedback in words to typed edits, and a one-line error for the rest.
@Suite struct FeedbackGrammarTests {
    private let grammar = FeedbackGrammar()

    @Test func theIssuesExampleReadsAsFourEdits() throws {
        let edits = try grammar.edits(for: "faster cuts, more beach photos, end on the sunset, warmer")
        #expect(
            edits == [
                .pace(0.5), .favour(MediaMatch(.any, "beach")), .last(MediaMatch(.any, "sunset")), .warmth(1),
            ])
    }

    @Test func phrasesOfEveryKind() throws {
        let cases: [(String, RefineEdit)] = [
            ("Please make it slower", .pace(2)),
            ("much faster", .pace(0.25)),
            ("more photos of the harbour", .favour(MediaMatch(.any, "harbour"))),
            ("no blue pictures", .exclude(MediaMatch(.colour, "blue"))),
            ("without the folder rain", .exclude(MediaMatch(.folder, "rain"))),
            ("include photos from 2024-06", .include(MediaMatch(.date, "2024-06"))),
            ("more photos from june", .favour(MediaMatch(.date, "june"))),
            ("start with the dog", .first(MediaMatch(.any, "dog"))),
            ("the last shot should be the cake", .last(MediaMatch(.any, "cake"))),
            ("make it 20 seconds long", .duration(20)),
            ("1 minute", .duration(60)),
            ("shorter", .lengthScale(0.75)),
            ("cooler", .warmth(-1)),
            ("black and white", .style("mono")),
            ("more cinematic", .style("cinematic")),
            ("vivid style", .style("vivid")),
            ("only cuts", .transition(.cut)),
            ("no transitions", .transition(.cut)),
            ("crossfades", .transition(.crossfade)),
        ]
        for (phrase, edit) in cases {
            #expect(try grammar.edits(for: phrase) == [edit], "\(phrase)")
        }
        #expect(try grammar.edits(for: "slower and black and white") == [.pace(2), .style("mono")])
    }

    @Test func anUnknownPhraseIsAOneLineErrorNamingIt() {
        for feedback in ["faster, make it pop like a firework", "", "more", "no purple-ish weird stuff maybe"] {
            do {
                _ = try grammar.edits(for: feedback)
                Issue.record("'\(feedback)' was read")
            } catch let error as VideoError {
                #expect(error.field == "feedback")
                #expect(!error.message.contains("\n"))
                if feedback.hasPrefix("faster") {
                    #expect(error.message.contains("'make it pop like a firework'") == false)
                    #expect(error.message.contains("'pop like a firework'"), "\(error.message)")
                }
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func editsRoundTripThroughTheirFlatJSON() throws {
        let edits: [RefineEdit] = [
            .pace(0.5), .favour(MediaMatch(.colour, "red")), .duration(12), .style("warm"), .transition(.fade),
            .warmth(-1), .lengthScale(1.25), .exclude(MediaMatch(.name, "blurry")),
        ]
        let data = try JSONEncoder().encode(edits)
        #expect(String(decoding: data, as: UTF8.self).contains("\"op\":\"favour\""))
        #expect(try JSONDecoder().decode([RefineEdit].self, from: data) == edits)
        let bad = Data(#"[{"op":"style","name":"sepia"}]"#.utf8)
        #expect(throws: VideoError.self) { try JSONDecoder().decode([RefineEdit].self, from: bad) }
    }
}

import Foundation
import VideoAI
import VideoCore

/// Directs the talk: chapters from topic shifts (`TextTiling`), titled by their key phrases or
/// by the language model when one is configured, and the B-roll placed where the transcript
/// mentions it (`BrollPlanner`); saves `direction.json`.
public struct TalkDirectionStage: PipelineStage {
    /// The words, the cut, the B-roll folder and the title settings.
    public struct Input: Sendable {
        var transcript: Transcript
        var edit: TalkEdit
        var broll: URL?
        var style: BrollPlacement.Style
        var title: String?
    }

    /// `direction`.
    public let name = "direction"
    /// `direction.json`.
    public var outputFile: String { "direction.json" }
    /// Titles chapters when set.
    public var languageModel: (any LanguageModel)?
    /// The topic segmenter.
    public var tiling = TextTiling()

    /// Creates the stage.
    /// - Parameter languageModel: The model that titles the chapters, if any.
    public init(languageModel: (any LanguageModel)? = nil) { self.languageModel = languageModel }

    /// Finds the chapters and places the B-roll.
    /// - Parameters:
    ///   - input: The words, the cut and the settings.
    ///   - context: The task folder and the event sink.
    /// - Returns: The direction.
    /// - Throws: `VideoError` for an unreadable B-roll folder or a bad `broll.yaml`.
    public func run(_ input: Input, context: PipelineContext) async throws -> TalkDirection {
        var direction = TalkDirection.offline(input.transcript, tiling: tiling, title: input.title)
        if let languageModel {
            direction = try await ChapterTitler(model: languageModel).retitle(
                direction, transcript: input.transcript, keepTitle: input.title != nil, directory: context.directory,
                warn: { context.warn($0) })
        }
        if let folder = input.broll {
            let planner = BrollPlanner(style: input.style)
            let edit = input.edit
            direction.broll = planner.place(
                try planner.library(in: folder), transcript: input.transcript, isKept: { edit.editedTime($0) != nil })
            if direction.broll.isEmpty {
                context.warn("broll: the transcript mentions none of \(folder.lastPathComponent)'s files")
            }
        }
        return direction
    }
}

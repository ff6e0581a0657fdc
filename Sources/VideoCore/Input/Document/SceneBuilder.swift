/// Turns a document outline into scene drafts: a title card, then for each section a list
/// scene (its items, or its key sentences), a command scene per code panel and a quote scene
/// per quote, then an outro.
///
/// Long sections split over several scenes headed "Heading (2/3)": at most `maxItems` items
/// per list, `CodeSplitter.maxLines` lines per panel and about `maxNarration` characters of
/// narration per scene, keeping sentences whole.
struct SceneBuilder {
    /// Most items on one list scene.
    static let maxItems = 6
    /// Longest narration of one scene, in characters.
    static let maxNarration = 900
    /// Longest subtitle, in characters.
    static let maxSubtitle = 150
    /// Longest quote on one scene, in characters.
    static let maxQuote = 400

    /// The outline's scene drafts, title first and outro last.
    static func drafts(for outline: DocumentOutline) -> [SceneDraft] {
        var intro = outline.intro
        var subtitle: String?
        var titleNarration: String?
        if outline.titleIsHeading {
            for (index, block) in intro.enumerated() {
                guard case .paragraph(let text) = block, let first = Prose(text) else { continue }
                subtitle =
                    first.display.count <= maxSubtitle
                    ? first.display : SpeechText.keySentence(first.display, limit: maxSubtitle)
                if first.speech.count <= maxNarration {
                    titleNarration = first.speech
                    intro.remove(at: index)
                }
                break
            }
        }
        var drafts = [
            SceneDraft(
                slug: "title", content: .title(TitleContent(title: outline.title, subtitle: subtitle)),
                narration: titleNarration)
        ]

        var sections = outline.sections.map {
            (heading: $0.heading ?? outline.title, content: SectionContent(blocks: $0.blocks))
        }
        let introContent = SectionContent(blocks: intro)
        if !introContent.isEmpty {
            sections.insert((sections.isEmpty ? outline.title : "Overview", introContent), at: 0)
        }
        var emptyHeadings: [String] = []
        for (heading, content) in sections {
            if content.isEmpty {
                emptyHeadings.append(heading)
            } else {
                drafts += scenes(heading: heading, content: content)
            }
        }
        // A document of headings only: show them as its contents.
        if drafts.count == 1, !emptyHeadings.isEmpty {
            drafts += listScenes(heading: "Contents", units: emptyHeadings.map { ($0, nil) })
        }
        drafts.append(
            SceneDraft(
                slug: "outro", content: .outro(OutroContent(title: "Thanks for watching", subtitle: outline.title)),
                narration: nil))
        return drafts
    }

    /// Key sentences shown per paragraph of a prose-only section.
    static let maxSentencesShown = 3

    /// The scenes of one non-empty section.
    static func scenes(heading: String, content: SectionContent) -> [SceneDraft] {
        var drafts: [SceneDraft] = []
        let speech = content.prose.map(\.speech).joined(separator: " ")
        if !content.items.isEmpty {
            let narration = speech.isEmpty ? [] : SpeechText.chunks(speech, limit: maxNarration)
            let count = max((content.items.count + maxItems - 1) / maxItems, narration.count)
            var units: [[(String, String?)]] = []
            for i in 0..<count {
                let lo = content.items.count * i / count, hi = content.items.count * (i + 1) / count
                var items = Array(content.items[lo..<hi])
                let spoken = i < narration.count ? narration[i] : nil
                if items.isEmpty, let spoken { items = [SpeechText.keySentence(spoken)] }
                units.append(items.map { ($0, nil) } + [("", spoken)])
            }
            drafts += numbered(heading: heading, groups: units)
        } else if !content.prose.isEmpty {
            var units: [(String, String?)] = []
            for paragraph in content.prose {
                let pieces =
                    paragraph.speech.count <= maxNarration
                    ? [paragraph.speech] : SpeechText.chunks(paragraph.speech, limit: maxNarration)
                for piece in pieces {
                    // Up to three key sentences of each paragraph (or piece) go on screen;
                    // the whole text is spoken.
                    let source = pieces.count == 1 ? paragraph.display : piece
                    let sentences = SpeechText.sentences(source).filter(SpeechText.hasWords).prefix(maxSentencesShown)
                    let shown =
                        sentences.isEmpty
                        ? [SpeechText.keySentence(source)] : sentences.map { SpeechText.keySentence($0) }
                    for (j, sentence) in shown.enumerated() { units.append((sentence, j == 0 ? piece : nil)) }
                }
            }
            drafts += listScenes(heading: heading, units: units)
        }
        for visual in content.visuals {
            switch visual {
            case .code(let info, let literal, let leadIn):
                let panels = CodeSplitter.chunks(literal)
                let language = CodeSplitter.language(info: info, code: literal)
                for (i, panel) in panels.enumerated() {
                    let caption =
                        i == 0
                        ? leadIn.map { SpeechText.keySentence($0.display, limit: SectionContent.maxItemLength) } : nil
                    let command = CommandContent(
                        heading: part(heading, i, panels.count), code: panel, language: language, caption: caption)
                    drafts.append(
                        SceneDraft(
                            slug: slug(heading), content: .command(command), narration: i == 0 ? leadIn?.speech : nil))
                }
            case .quote(let paragraphs, let attribution):
                let display = paragraphs.map(\.display).joined(separator: " ")
                let speech = paragraphs.map(\.speech).joined(separator: " ")
                let parts: [(String, String)] =
                    display.count <= maxQuote
                    ? [(display, speech)] : SpeechText.chunks(speech, limit: maxQuote).map { ($0, $0) }
                for (text, spoken) in parts {
                    drafts.append(
                        SceneDraft(
                            slug: slug(heading), content: .quote(QuoteContent(text: text, attribution: attribution)),
                            narration: spoken))
                }
            }
        }
        return drafts
    }

    /// List scenes packed from (item, narration) units: at most `maxItems` items and
    /// `maxNarration` characters of narration each.
    private static func listScenes(heading: String, units: [(String, String?)]) -> [SceneDraft] {
        var groups: [[(String, String?)]] = []
        var current: [(String, String?)] = []
        var length = 0
        for unit in units {
            let add = unit.1.map { $0.count + 1 } ?? 0
            if !current.isEmpty, current.count >= maxItems || length + add > maxNarration {
                groups.append(current)
                current = []
                length = 0
            }
            current.append(unit)
            length += add
        }
        if !current.isEmpty { groups.append(current) }
        return numbered(heading: heading, groups: groups)
    }

    /// One list scene per group; a unit with an empty item adds narration only.
    private static func numbered(heading: String, groups: [[(String, String?)]]) -> [SceneDraft] {
        groups.enumerated().map { i, group in
            let items = group.map(\.0).filter { !$0.isEmpty }
            let spoken = group.compactMap(\.1).joined(separator: " ")
            return SceneDraft(
                slug: slug(heading), content: .list(ListContent(heading: part(heading, i, groups.count), items: items)),
                narration: spoken.isEmpty ? nil : spoken)
        }
    }

    /// "Heading (2/3)" for a part of several, else the heading.
    private static func part(_ heading: String, _ index: Int, _ count: Int) -> String {
        count > 1 ? "\(heading) (\(index + 1)/\(count))" : heading
    }

    /// A short, file-name-safe word for a heading.
    static func slug(_ heading: String) -> String {
        let id = VideoConfig.makeID(from: heading)
        guard id != "video" || heading.lowercased().contains("video") else { return "section" }
        var short = String(id.prefix(48))
        while short.hasSuffix("-") { short.removeLast() }
        return short
    }
}

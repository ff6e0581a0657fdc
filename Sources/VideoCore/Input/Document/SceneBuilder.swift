/// Turns a document outline into scene drafts: a title card, then for each section, in
/// document order, list scenes of its lines (bullets, table rows and the key sentences of its
/// paragraphs), a command scene per code panel and a quote scene per quote, then an outro.
///
/// A run of lines longer than one scene continues on scenes headed "Heading (continued)", at
/// most `maxItems` lines and about `maxNarration` characters of narration each, shared out
/// evenly; a long code block continues the same way over `CodeSplitter.maxLines`-line panels.
/// A list scene whose lines say all there is to say leaves its narration to the script stage;
/// any other list scene is narrated with what its lines stand for, so the slide and the voice
/// cover the same points.
struct SceneBuilder {
    /// Most lines on one list scene.
    static let maxItems = 6
    /// Most body rows on one table scene (a table that still does not fit is continued by
    /// the fit stage).
    static let maxTableRows = 8
    /// Longest narration of one scene, in characters.
    static let maxNarration = 900
    /// Longest subtitle, in characters.
    static let maxSubtitle = 150
    /// Longest quote on one scene, in characters.
    static let maxQuote = 400
    /// An introduction that is only prose this short (after the subtitle) is said over the
    /// title card instead of getting a one-line scene.
    static let maxTitleAside = 200

    /// The outline's scene drafts, title first and outro last.
    static func drafts(for outline: DocumentOutline, language: Language = .english) -> [SceneDraft] {
        var intro = outline.intro
        var subtitle: String?
        var titleNarration: String?
        if outline.titleIsHeading {
            for (index, block) in intro.enumerated() {
                guard case .paragraph(let text) = block, let first = Prose(text) else { continue }
                subtitle = SpeechText.keyPhrase(first.display, limit: maxSubtitle)
                if first.speech.count <= maxNarration {
                    titleNarration = first.speech
                    intro.remove(at: index)
                }
                break
            }
        }
        let asides = intro.compactMap { block -> Prose? in if case .paragraph(let t) = block { Prose(t) } else { nil } }
        if let said = titleNarration, asides.count == intro.count, !asides.isEmpty,
            asides.map(\.speech.count).reduce(0, +) <= maxTitleAside
        {
            titleNarration = ([said] + asides.map(\.speech)).joined(separator: " ")
            intro = []
        }
        var drafts = [
            SceneDraft(
                slug: "title", content: .title(TitleContent(title: outline.title, subtitle: subtitle)),
                narration: titleNarration)
        ]

        var sections = outline.sections.map {
            (
                heading: $0.title ?? $0.heading ?? outline.title, raw: $0.heading,
                content: SectionContent(blocks: $0.blocks)
            )
        }
        let introContent = SectionContent(blocks: intro)
        if !introContent.isEmpty {
            sections.insert((sections.isEmpty ? outline.title : "Overview", nil, introContent), at: 0)
        }
        var emptyHeadings: [String] = []
        // Sibling subsections of one line each share a scene under their parent's title.
        var siblings: [(heading: String, content: SectionContent, parent: String, line: Bullet)] = []
        func flushSiblings() {
            if siblings.count >= 2, let parent = siblings.first?.parent {
                drafts += listScenes(
                    heading: parent, lines: siblings.map { labelled($0.line, by: $0.heading, under: $0.parent) })
            } else {
                for sibling in siblings { drafts += scenes(heading: sibling.heading, content: sibling.content) }
            }
            siblings = []
        }
        for (heading, raw, content) in sections {
            if let (parent, line) = oneLiner(heading: heading, raw: raw, content: content) {
                if siblings.first.map({ $0.parent != parent }) ?? false { flushSiblings() }
                siblings.append((heading, content, parent, line))
                continue
            }
            flushSiblings()
            if content.isEmpty {
                emptyHeadings.append(raw ?? heading)
            } else {
                drafts += scenes(heading: heading, content: content)
            }
        }
        flushSiblings()
        // A document of headings only: show them as its contents.
        if drafts.count == 1, !emptyHeadings.isEmpty {
            drafts += listScenes(heading: "Contents", lines: emptyHeadings.map { Bullet.line($0) })
        }
        drafts.append(
            SceneDraft(
                slug: "outro",
                content: .outro(OutroContent(title: Phrases(language).text(.thanks), subtitle: outline.title)),
                narration: nil))
        return drafts
    }

    /// The scenes of one non-empty section, in document order.
    static func scenes(heading: String, content: SectionContent) -> [SceneDraft] {
        var drafts: [SceneDraft] = []
        for part in content.parts {
            switch part {
            case .lines(let lines):
                drafts += listScenes(heading: heading, lines: lines)
            case .code(let info, let literal, let leadIn, let followUp):
                let panels = CodeSplitter.chunks(literal)
                let language = CodeSplitter.language(info: info, code: literal)
                for (i, panel) in panels.enumerated() {
                    let shown = i == 0 ? leadIn.map { caption(of: $0.display) } : nil
                    var spoken: [String] = []
                    if i == 0, let leadIn { spoken.append(leadIn.speech) }
                    if i == panels.count - 1, let followUp { spoken.append(followUp.speech) }
                    let command = CommandContent(
                        heading: continued(heading, i), code: panel, language: language, caption: shown)
                    drafts.append(
                        SceneDraft(
                            slug: slug(heading), content: .command(command),
                            narration: spoken.isEmpty ? nil : spoken.joined(separator: " ")))
                }
            case .image(let source, let alt, let zoom):
                let caption = alt.trimmingCharacters(in: .whitespacesAndNewlines)
                drafts.append(
                    SceneDraft(
                        slug: slug(heading),
                        content: .image(
                            ImageContent(path: source, caption: caption.isEmpty ? nil : caption, zoom: zoom)),
                        narration: caption.isEmpty ? nil : SpeechText.speech(caption)))
            case .table(let header, let rows, let said, let leadIn):
                drafts += tableScenes(heading: heading, header: header, rows: rows, said: said, leadIn: leadIn)
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

    /// Table scenes of at most `maxTableRows` body rows each, shared out evenly, every one
    /// with the header; narrated with the lead-in (on the first) and each row cell by cell.
    /// A table wider than `TableContent.maxColumns` becomes list scenes instead, a line per
    /// row with its cells joined by " — ".
    static func tableScenes(heading: String, header: [String], rows: [[String]], said: [String], leadIn: String?)
        -> [SceneDraft]
    {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns <= TableContent.maxColumns else {
            var lines = [Bullet.line(header.joined(separator: " — "), speech: "")]
            lines += zip(rows, said).map { Bullet.line($0.joined(separator: " — "), speech: $1) }
            if let leadIn, !leadIn.isEmpty {
                lines[0].spoken = leadIn
                lines[0].narrated = true
            }
            return listScenes(heading: heading, lines: lines)
        }
        let groups = max(1, (rows.count + maxTableRows - 1) / maxTableRows)
        let size = max(1, (rows.count + groups - 1) / groups)
        return (0..<groups).map { k in
            let range = min(rows.count, k * size)..<min(rows.count, (k + 1) * size)
            var spoken = Array(said[range]).filter { !$0.isEmpty }
            if k == 0, let leadIn, !leadIn.isEmpty { spoken.insert(leadIn, at: 0) }
            return SceneDraft(
                slug: slug(heading),
                content: .table(TableContent(heading: continued(heading, k), header: header, rows: Array(rows[range]))),
                narration: spoken.isEmpty ? nil : spoken.joined(separator: " "))
        }
    }

    /// The parent's title and the line of a subsection ("Parent · Heading") that holds one line
    /// and nothing else.
    private static func oneLiner(heading: String, raw: String?, content: SectionContent) -> (String, Bullet)? {
        guard let raw, heading.hasSuffix(" · " + raw), content.parts.count == 1,
            case .lines(let lines) = content.parts[0], lines.count == 1
        else { return nil }
        return (String(heading.dropLast(raw.count + 3)), lines[0])
    }

    /// A subsection's one line under its own heading: "CocoaPods: Add pod 'Yams' to your Podfile."
    private static func labelled(_ line: Bullet, by title: String, under parent: String) -> Bullet {
        let subsection = String(title.dropFirst(parent.count + 3))
        let room = Bullet.maxShown - subsection.count - 2
        let shown = line.shown.count <= room || room < 30 ? line.shown : SpeechText.keyPhrase(line.shown, limit: room)
        return Bullet(
            shown: subsection + ": " + shown, spoken: SpeechText.speech(subsection) + " " + line.spoken,
            narrated: line.narrated || shown != line.shown)
    }

    /// A code block's caption: the first sentence of its lead-in, or that sentence's key phrase.
    private static func caption(of leadIn: String) -> String {
        SpeechText.keyPhrase(SpeechText.sentences(leadIn).first ?? leadIn, limit: SectionContent.maxCaptionLength)
    }

    /// List scenes of a run of lines, shared out evenly: as few scenes as `maxItems` lines and
    /// `maxNarration` characters of narration per scene allow, with lines spread alike.
    static func listScenes(heading: String, lines: [Bullet]) -> [SceneDraft] {
        pack(lines).enumerated().map { i, group in
            let spoken = group.map(\.spoken).filter { !$0.isEmpty }.joined(separator: " ")
            let narrated = group.contains(where: \.narrated) && !spoken.isEmpty
            return SceneDraft(
                slug: slug(heading),
                content: .list(ListContent(heading: continued(heading, i), items: group.map(\.shown))),
                narration: narrated ? spoken : nil)
        }
    }

    /// The lines in groups: the fewest groups the limits allow, each as small as keeps that
    /// number (so no scene is left with one line when another has six).
    static func pack(_ lines: [Bullet]) -> [[Bullet]] {
        func greedy(cap: Int) -> [[Bullet]] {
            var groups: [[Bullet]] = []
            var current: [Bullet] = []
            var length = 0
            for line in lines {
                let add = line.spoken.count + 1
                if !current.isEmpty, current.count >= cap || length + add > maxNarration {
                    groups.append(current)
                    current = []
                    length = 0
                }
                current.append(line)
                length += add
            }
            if !current.isEmpty { groups.append(current) }
            return groups
        }
        let fewest = greedy(cap: maxItems)
        guard fewest.count > 1 else { return fewest }
        let even = (lines.count + fewest.count - 1) / fewest.count
        for cap in even..<maxItems {
            let groups = greedy(cap: cap)
            if groups.count == fewest.count { return groups }
        }
        return fewest
    }

    /// The heading of the `index`th scene of a run: the heading, then "Heading (continued)".
    private static func continued(_ heading: String, _ index: Int) -> String {
        index == 0 ? heading : "\(heading) (continued)"
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

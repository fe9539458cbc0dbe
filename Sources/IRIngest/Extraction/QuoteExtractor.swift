import IRStore

/// Finds direct quotations and their speakers.
///
///     "We have a lot of business," said the official, who spoke on condition of anonymity.
///     -> QuoteRow(text: "We have a lot of business,", anonymous: true, speakerDescription: "official", rule: "said-X")
///
/// Quotations are the text between double marks (straight or curly), of three words or more;
/// a paragraph that ends inside a quotation closes it there. The speaker comes from the
/// attribution after the quote ("..., X said", "..., said X", "according to X", "X quoted Y as
/// saying"), else before it in the sentence ("X said: ...", "X said the move was "..."", "X
/// called it "..."", "X condemned the attack: ..."), else from the previous quotation of the
/// paragraph or of a continued paragraph, else from the last speaker of the two paragraphs before.
public struct QuoteExtractor: Sendable {
    public init() {}

    /// Fewer words than this between the marks is a scare quote, not a quotation.
    static let minimumWords = 3

    public func extract(_ doc: Document, actors: ActorAnalysis, context: ArticleContext) -> [QuoteRow] {
        let spans = QuoteSpans.find(doc, skip: context.datelineRange)
        guard !spans.isEmpty else { return [] }
        var finder = QuoteSpeakerFinder(doc: doc, actors: actors, spans: spans)
        var rows: [QuoteRow] = []
        var lastQuote: (speaker: ResolvedSpeaker, paragraph: Int)?
        var spanIndex = 0
        for s in doc.sentences.indices {
            let sent = doc.sentences[s]
            var sentenceSpeaker: (ResolvedSpeaker, Int)?
            while spanIndex < spans.count, spans[spanIndex].sentence <= s {
                let span = spans[spanIndex]
                spanIndex += 1
                guard !sent.isCaption, span.sentence == s, span.words >= QuoteExtractor.minimumWords else { continue }
                var found = attribute(span, finder: &finder)
                if found == nil, let last = lastQuote, last.paragraph == span.paragraph {
                    found = (last.speaker, "same-paragraph")
                }
                if found == nil, let last = lastQuote, span.continuesPrevious || (startsParagraph(doc, span) && last.paragraph >= span.paragraph - 1) {
                    found = (last.speaker, "continued")
                }
                if found == nil, let subj = subjectSpeaker(span, finder: &finder) {
                    found = (subj, "subject")
                }
                if found == nil {
                    let recentEvent = finder.history.last.flatMap { $0.paragraph >= span.paragraph - 2 ? $0 : nil }
                    if let e = recentEvent, e.paragraph >= (lastQuote?.paragraph ?? -1) {
                        found = (e.speaker, "previous-speaker")
                    } else if let last = lastQuote, last.paragraph >= span.paragraph - 2 {
                        found = (last.speaker, "previous-quote")
                    }
                }
                let speaker = found?.0
                rows.append(row(span, speaker: speaker, rule: found?.1 ?? "", doc: doc, actors: actors, context: context))
                if let speaker {
                    lastQuote = (speaker, span.paragraph)
                    sentenceSpeaker = (speaker, span.open)
                }
            }
            guard !sent.isCaption else { continue }
            if let e = finder.speechEvent(inSentence: s) {
                finder.history.append(e)
            } else if let (sp, tok) = sentenceSpeaker {
                finder.history.append(SpeechEvent(token: tok, sentence: s, paragraph: sent.paragraph, speaker: sp, mentionsStatement: false))
            }
        }
        return rows
    }

    private func startsParagraph(_ doc: Document, _ span: QuoteSpan) -> Bool {
        let s = doc.sentences[span.sentence]
        if s.tokenRange.lowerBound != span.open { return false }
        return span.sentence == 0 || doc.sentences[span.sentence - 1].paragraph != s.paragraph
    }

    /// The attribution in the quote's own sentences: after the closing mark, else before the opening mark.
    private func attribute(_ span: QuoteSpan, finder: inout QuoteSpeakerFinder) -> (ResolvedSpeaker, String)? {
        let doc = finder.doc
        if let c = span.close, let post = postAttribution(span, close: c, finder: &finder) { return post }
        // Before the quote, in the sentence where it opens.
        let floor = doc.sentences[span.sentence].tokenRange.lowerBound
        var v = span.open - 1
        while v >= floor {
            if finder.inQuote[v] || doc.tokens[v].kind == .quote { v -= 1; continue }
            if doc.lower(v, is: "according"), v + 1 < span.open, doc.lower(v + 1, is: "to") {
                var e = v + 2
                while e < span.open, !finder.isComma(e), doc.tokens[e].kind != .quote { e += 1 }
                if e > v + 2, let s = finder.analyze(segments: [v + 2..<e], at: v) { return (s, "according-to") }
            }
            if let cls = finder.verbClass(v), cls != .quote {
                if let (s, rule) = finder.speakerOfVerb(v, floor: floor, ceiling: span.open) { return (s, "pre-" + rule) }
            }
            v -= 1
        }
        // "X condemned the attack: "..."" — the subject of the sentence.
        if span.open - 1 >= floor, finder.isPunct(span.open - 1, 0x3A) {
            var segs = finder.segments(floor..<(span.open - 1)).map { finder.trimSubject($0) }.filter { !$0.isEmpty }
            while let f = segs.first, finder.isIntro(f) { segs.removeFirst() }
            if !segs.isEmpty, let s = finder.analyze(segments: segs, at: span.open, preferFirstPerson: true) { return (s, "colon") }
        }
        return nil
    }

    /// "..., X said", "..., said X", "..., according to X", "..., Interfax quoted X as saying".
    private func postAttribution(_ span: QuoteSpan, close c: Int, finder: inout QuoteSpeakerFinder) -> (ResolvedSpeaker, String)? {
        let doc = finder.doc
        guard let cs = doc.sentenceIndex(ofToken: c) else { return nil }
        var start = c + 1
        var ceiling = doc.sentences[cs].tokenRange.upperBound
        let lastByte = doc.bytes[span.text.upperBound - 1]
        let trailing = lastByte == 0x2C || lastByte == 0x3F || lastByte == 0x21 || (start < ceiling && finder.isComma(start))
        if start >= ceiling {
            // The quote ends its sentence ("...?" Putin asked.): a short next sentence may attribute it.
            let ns = cs + 1
            guard ns < doc.sentences.count, doc.sentences[ns].paragraph == doc.sentences[cs].paragraph,
                  doc.sentences[ns].tokenRange.count <= 12 else { return nil }
            start = doc.sentences[ns].tokenRange.lowerBound
            ceiling = doc.sentences[ns].tokenRange.upperBound
            guard doc.tokens[start].kind != .quote else { return nil }
        } else if !trailing {
            // No comma: only a verb right after the mark attributes ("..." said X).
            guard finder.verbClass(start) == .say else { return nil }
        }
        var k = start
        while k < ceiling, k < start + 18 {
            if doc.tokens[k].kind == .quote && k > start { break }
            if doc.lower(k, is: "according"), k + 1 < ceiling, doc.lower(k + 1, is: "to") {
                let np = finder.invertedSubject(from: k + 2, ceiling: ceiling)
                var e = np.lowerBound
                while e < np.upperBound, !finder.isComma(e) { e += 1 }
                if e > np.lowerBound, let s = finder.analyze(segments: [np.lowerBound..<e], at: k) { return (s, "according-to") }
                return nil
            }
            if let cls = finder.verbClass(k), cls != .describe {
                if let (s, rule) = finder.speakerOfVerb(k, floor: start - 1, ceiling: ceiling) { return (s, rule) }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A quote inside a sentence whose subject is a named actor ("The Arab League ... "...").
    private func subjectSpeaker(_ span: QuoteSpan, finder: inout QuoteSpeakerFinder) -> ResolvedSpeaker? {
        let doc = finder.doc
        let floor = doc.sentences[span.sentence].tokenRange.lowerBound
        guard span.open > floor else { return nil }
        var segs = finder.segments(floor..<span.open).map { finder.trimSubject($0) }.filter { !$0.isEmpty }
        while let f = segs.first, finder.isIntro(f) { segs.removeFirst() }
        guard let f = segs.first, !QuoteSpeakerFinder.pronouns.contains(doc, f.lowerBound) else { return nil }
        guard let s = finder.analyze(segments: segs, at: span.open, preferFirstPerson: true), s.actor != nil else { return nil }
        return s
    }

    private func row(_ span: QuoteSpan, speaker: ResolvedSpeaker?, rule: String, doc: Document, actors: ActorAnalysis,
                     context: ArticleContext) -> QuoteRow {
        var role: String?
        if let a = speaker?.actor { role = actors.roles.first(where: { $0.actor == a })?.title }
        return QuoteRow(sentence: span.sentence, speaker: speaker?.actor, speakerDescription: speaker?.description,
                        speakerCountry: speaker?.actor == nil ? speaker?.country : nil, speakerRole: role,
                        anonymous: speaker?.anonymous ?? false, text: doc.text(span.text),
                        startChar: doc.scalarOffset(span.text.lowerBound), endChar: doc.scalarOffset(span.text.upperBound),
                        saidOn: context.publishedOn, rule: rule)
    }
}

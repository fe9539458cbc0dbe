import Testing
@testable import IRIngest

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] {
        let (bytes, tokens) = Tokenizer.tokenize(s)
        return tokens.map { String(decoding: bytes[$0.byteRange], as: UTF8.self) }
    }

    @Test func possessivesAbbreviationsAndHyphens() {
        #expect(words("Putin's spokesman, Dmitry Peskov") == ["Putin", "'s", "spokesman", ",", "Dmitry", "Peskov"])
        #expect(words("U.S.-Russian relations") == ["U.S.", "-", "Russian", "relations"])
        #expect(words("Bashar al-Assad met the U.N. envoy.") == ["Bashar", "al-Assad", "met", "the", "U.N.", "envoy", "."])
        #expect(words("Russia’s army") == ["Russia", "’s", "army"])
        #expect(words("O'Neill said") == ["O'Neill", "said"])
    }

    @Test func numbers() {
        #expect(words("More than 6,100 people, 4.5 percent, the 1990s") == ["More", "than", "6,100", "people", ",", "4.5", "percent", ",", "the", "1990s"])
    }

    @Test func quotesOpenAndClose() {
        let (_, tokens) = Tokenizer.tokenize("He said: \"We agree.\" Then “no”.")
        let quotes = tokens.filter { $0.kind == .quote }
        #expect(quotes.map(\.opensQuote) == [true, false, true, false])
    }

    @Test func capitalization() {
        let (_, tokens) = Tokenizer.tokenize("NATO and the Élysée")
        #expect(tokens[0].isAllCaps && tokens[0].isCapitalized)
        #expect(!tokens[1].isCapitalized)
        #expect(tokens[3].isCapitalized)
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] {
        let d = Document(text: s)
        return d.sentences.map { d.text(sentence: $0.ordinal) }
    }

    @Test func abbreviationsAndInitialsDoNotSplit() {
        #expect(sentences("Mr. Kerry met Gen. Milley on Jan. 5. They talked.") == ["Mr. Kerry met Gen. Milley on Jan. 5.", "They talked."])
        #expect(sentences("John F. Kennedy spoke. Then he left.") == ["John F. Kennedy spoke.", "Then he left."])
        #expect(sentences("Officials in the U.S. Treasury agreed.") == ["Officials in the U.S. Treasury agreed."])
    }

    @Test func abbreviationAtSentenceEnd() {
        #expect(sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."])
    }

    @Test func quotationsEndSentences() {
        #expect(sentences("\"We will respond,\" he said. \"It is over.\" She left.") ==
                ["\"We will respond,\" he said.", "\"It is over.\"", "She left."])
        #expect(sentences("He asked: “Why now?” Nobody answered.") == ["He asked: “Why now?”", "Nobody answered."])
    }

    @Test func paragraphsAlwaysSplit() {
        let d = Document(text: "First paragraph without stop\n\nSecond one.")
        #expect(d.sentences.count == 2)
        #expect(d.sentences.map(\.paragraph) == [0, 1])
    }

    @Test func offsetsSliceTheTextExactly() {
        let text = "Ärzte in Kyiv said “we can’t stay.” Zelensky agreed.\n\nThe Élysée — silent."
        let d = Document(text: text)
        let scalars = Array(text.unicodeScalars)
        for s in d.sentences {
            let a = d.scalarOffset(s.byteRange.lowerBound), b = d.scalarOffset(s.byteRange.upperBound)
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[a..<b])
            #expect(slice == d.text(s.byteRange))
        }
        #expect(d.sentences.count == 3)
    }
}

@Suite struct CalendarDateTests {
    @Test func isoParsing() {
        #expect(CalendarDate.parseISO("2015-05-12")?.iso == "2015-05-12")
        #expect(CalendarDate.parseISO("2015-05-12T10:00:00Z")?.iso == "2015-05-12")
        #expect(CalendarDate.parseISO("2015-05")?.precision == .month)
        #expect(CalendarDate.parseISO("2015")?.precision == .year)
        #expect(CalendarDate.parseISO("2015-02-30") == nil)
        #expect(CalendarDate.parseISO("yesterday") == nil)
    }

    @Test func dayArithmeticAndWeekdays() {
        let d = CalendarDate(year: 2015, month: 5, day: 12)
        #expect(d.weekday == 2)  // a Tuesday
        #expect(d.adding(days: -12)?.iso == "2015-04-30")
        #expect(CalendarDate(year: 2016, month: 2, day: 28).adding(days: 1)?.iso == "2016-02-29")
    }

    @Test func explicitDatesInText() {
        for (text, iso) in [("on May 12, 2015 in", "2015-05-12"), ("on 12 May 2015 in", "2015-05-12"),
                            ("since March 2014 and", "2014-03"), ("on Feb. 3, 2023,", "2023-02-03")] {
            let d = Document(text: text)
            #expect(CalendarDate.parse(d, at: 1, end: d.tokens.count, defaultYear: nil)?.date.iso == iso, "\(text)")
        }
    }
}

@Suite struct ByteSearchTests {
    @Test func containsBytesAgreesWithSubstringSearch() {
        #expect("foreign ministry".containsBytes("ministry"))
        #expect("foreign ministry".containsBytes("eign min"))
        #expect("ministry".containsBytes(""))
        #expect(!"ministry".containsBytes("ministries"))
        #expect(!"ministry".containsBytes("Ministry"), "case-sensitive, as the callers lowercase both sides")
        #expect("sécurité nationale".containsBytes("curité"))
        #expect(!"mmmx".containsBytes("mmx m"))
        #expect("aab".containsBytes("ab"), "a partial match does not skip the real one")
    }

    @Test func tokenContainsByte() {
        let doc = Document(text: "The pro-Russian rebels")
        let hyphenated = doc.tokens.indices.filter { doc.token($0, containsByte: 0x2D) }
        #expect(hyphenated.map { doc.text(token: $0) } == ["pro-Russian"])
    }
}

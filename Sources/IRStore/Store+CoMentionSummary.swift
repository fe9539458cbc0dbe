import Foundation
import GRDB

extension Store {
    /// The grouped statements that keep `co_mentions` (0014) for the articles that `condition`
    /// (on `ar`, the articles table) selects: what its triggers do mention by mention. Used to
    /// take an article stored before out (`sign` -1; the pairs of its actors are listed in
    /// `temp.touched_co_actors` for `finishSubtraction`) and to rebuild the summary. The batch
    /// writer counts its own articles' pairs as it writes them (`CoMentionTally`).
    static func coMentionSummaryStatements(articles condition: String, sign: Int) -> [String] {
        let minus = sign < 0 ? "-" : ""
        // (The condition once: it may hold a parameter, bound once.)
        let add = """
            WITH am AS MATERIALIZED (
                     SELECT m.article_id, m.sentence_id, m.actor_id FROM articles ar JOIN mentions m ON m.article_id = ar.id
                     WHERE \(condition)),
                 aa AS MATERIALIZED (SELECT DISTINCT article_id, actor_id FROM am),
                 sa AS MATERIALIZED (SELECT DISTINCT sentence_id, actor_id FROM am)
            INSERT INTO co_mentions(a_id, b_id, articles, sentences)
            SELECT a_id, b_id, \(minus)sum(articles), \(minus)sum(sentences)
            FROM (SELECT x.actor_id AS a_id, y.actor_id AS b_id, 1 AS articles, 0 AS sentences
                  FROM aa x JOIN aa y ON y.article_id = x.article_id AND y.actor_id > x.actor_id
                  UNION ALL
                  SELECT x.actor_id, y.actor_id, 0, 1
                  FROM sa x JOIN sa y ON y.sentence_id = x.sentence_id AND y.actor_id > x.actor_id)
            GROUP BY 1, 2
            ON CONFLICT(a_id, b_id) DO UPDATE SET articles = articles + excluded.articles,
                                                  sentences = sentences + excluded.sentences
            """
        if sign > 0 { return [add] }
        return ["""
            CREATE TEMP TABLE IF NOT EXISTS touched_co_actors(id PRIMARY KEY) WITHOUT ROWID
            """, """
            INSERT OR IGNORE INTO temp.touched_co_actors
            SELECT DISTINCT m.actor_id FROM articles ar JOIN mentions m ON m.article_id = ar.id WHERE \(condition)
            """, add]
    }

    /// After a subtraction: the pairs of the actors it touched that no article names any more.
    /// (Both actors of a pair taken away are listed, so the smaller one's key range holds it.)
    static let coMentionCleanup = """
        CREATE TEMP TABLE IF NOT EXISTS touched_co_actors(id PRIMARY KEY) WITHOUT ROWID;
        DELETE FROM co_mentions WHERE a_id IN (SELECT id FROM temp.touched_co_actors) AND articles <= 0;
        DELETE FROM temp.touched_co_actors
        """

    /// Adds the batch's pairs, counted as its articles were written, to co_mentions: one upsert
    /// row per pair, in key order.
    static func addCoMentionTallies(_ cache: WriteCache, in db: Database) throws {
        // Every article's pairs in one array of integers, sorted: a pair's entries are adjacent
        // and summed run by run. (A dictionary of pairs cost five times as much.)
        var packed: [UInt64] = []
        var wide: [WriteCache.Pair: (articles: Int, sentences: Int)] = [:]
        packed.reserveCapacity(cache.coMentionTallies.values.reduce(0) { $0 + $1.packed.count })
        for pairs in cache.coMentionTallies.values {
            packed += pairs.packed
            for (key, s) in pairs.wide {
                let old = wide[key] ?? (0, 0)
                wide[key] = (old.articles + 1, old.sentences + s)
            }
        }
        packed.sort()
        var rows: [(a: Int64, b: Int64, articles: Int, sentences: Int)] = []
        rows.reserveCapacity(packed.count / 2 + wide.count)
        var x = 0
        while x < packed.count {
            let pair = packed[x] >> 16
            var articles = 0, sentences = 0
            while x < packed.count && packed[x] >> 16 == pair {
                articles += 1
                sentences += Int(packed[x] & 0xFFFF)
                x += 1
            }
            rows.append((Int64(pair >> 24), Int64(pair & 0xFF_FFFF), articles, sentences))
        }
        if !wide.isEmpty {
            for (k, v) in wide { rows.append((k.a, k.b, v.articles, v.sentences)) }
            rows.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        }
        let insert = MultiRowInsert("INSERT INTO co_mentions(a_id, b_id, articles, sentences)", columns: 4, maxRows: 64,
                                    suffix: "ON CONFLICT(a_id, b_id) DO UPDATE SET articles = articles + excluded.articles, sentences = sentences + excluded.sentences")
        try insert.insert(db, rows) { r, v in
            v += [.i(r.a), .i(r.b), .i(r.articles), .i(r.sentences)]
        }
        cache.coMentionTallies.removeAll()
    }
}

/// One written article's pairs of actors by id, for the batch's co_mentions upsert: each pair as
/// one integer (the smaller id, the larger, 24 bits each, then the sentences naming both, 16
/// bits), and in `wide` the pairs that do not fit.
struct ArticlePairs {
    var packed: [UInt64] = []
    var wide: [(WriteCache.Pair, Int)] = []

    /// `ids`: distinct actor ids, in the order of a tally's actors; `sentences`: the tally's counts.
    init(ids: [Int64], sentences: [Int32]) {
        let n = ids.count
        packed.reserveCapacity(sentences.count)
        let limit: Int64 = 1 << 24
        var k = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let a = min(ids[i], ids[j]), b = max(ids[i], ids[j]), s = sentences[k]
                k += 1
                if a >= 0 && b < limit && s < 1 << 16 {
                    packed.append(UInt64(a) << 40 | UInt64(b) << 16 | UInt64(s))
                } else {
                    wide.append((WriteCache.Pair(a: a, b: b), Int(s)))
                }
            }
        }
    }
}

/// One article's pairs of actors, as co_mentions (0014) counts them: its distinct actors in
/// ascending order (each pair of them is in the article once) and, per pair in the order of the
/// nested loop over them (i < j), the sentences that name both. The actors are ids where the
/// writer counts, indices into the article's `actors` where the article is analysed.
public struct CoMentionTally: Sendable, Equatable {
    var actors: [Int64]
    var sentences: [Int32]
    /// The mentions counted: a tally made before mentions were added or removed is made again.
    var mentionCount: Int

    /// The pairs of an analysed article's actors, by their index in `actors` (sentence indices
    /// out of range count as the writer stores them, in the nearest sentence).
    init(pairing a: ArticleAnalysis) {
        let last = max(a.sentences.count - 1, 0)
        self.init(mentions: a.mentions.lazy.map { (sentence: max(0, min($0.sentence, last)), actor: Int64($0.actor)) })
    }

    /// `mentions`: (sentence, actor id) of each mention of the article, in any order.
    init<S: Sequence>(mentions: S) where S.Element == (sentence: Int, actor: Int64) {
        var list = Array(mentions)
        mentionCount = list.count
        actors = Array(Set(list.map(\.actor))).sorted()
        let n = actors.count
        sentences = Array(repeating: 0, count: n * (n - 1) / 2)
        if n < 2 { return }
        var rank: [Int64: Int] = [:]
        rank.reserveCapacity(n)
        for (r, id) in actors.enumerated() { rank[id] = r }
        // Per sentence, its distinct actors' ranks: every pair of them is one more sentence.
        list.sort { $0.sentence != $1.sentence ? $0.sentence < $1.sentence : $0.actor < $1.actor }
        var ranks: [Int] = []
        var start = 0
        while start < list.count {
            var end = start
            ranks.removeAll(keepingCapacity: true)
            while end < list.count && list[end].sentence == list[start].sentence {
                if end == start || list[end].actor != list[end - 1].actor { ranks.append(rank[list[end].actor]!) }
                end += 1
            }
            // ranks is ascending: the actors are sorted within the sentence.
            for x in ranks.indices {
                let i = ranks[x]
                let base = i * n - i * (i + 1) / 2 - i - 1
                for y in (x + 1)..<ranks.count { sentences[base + ranks[y]] += 1 }
            }
            start = end
        }
    }
}

/// Errors the store reports; each says what happened and what to do next.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case newerSchema(path: String, found: Int, known: Int)
    case olderSchema(path: String, found: Int, known: Int)
    case editedMigration(path: String, name: String)
    case notADatabase(path: String, detail: String)
    case missingDatabase(path: String)
    case fts5Unavailable
    case migrationFailed(name: String, detail: String)
    case refusedStatement(String)
    case bulkLoadRunning(path: String, startedAt: String)
    case bulkLoadInterrupted(path: String, startedAt: String)

    public var description: String {
        switch self {
        case let .newerSchema(path, found, known):
            return "\(path): the database was written by a newer irkb (schema version \(found); this irkb knows \(known)). Upgrade irkb to open it."
        case let .olderSchema(path, found, known):
            return "\(path): the database has schema version \(found); this irkb reads version \(known). Bring it up to date with 'irkb init --db \(path)' (ingest and reprocess do it too); on a large database this takes a while."
        case let .editedMigration(path, name):
            return "\(path): migration \(name) differs from the one this database recorded. The database comes from an incompatible build of irkb; re-create it with 'irkb init' and ingest again."
        case let .notADatabase(path, detail):
            return "\(path): not an irkb database (\(detail)). Pass another --db, or move the file away and run 'irkb init'."
        case let .missingDatabase(path):
            return "\(path): no such database. Create it with 'irkb init --db \(path)' or 'irkb ingest --db \(path) FILES'."
        case .fts5Unavailable:
            return "this SQLite library lacks FTS5. Install a SQLite built with FTS5 (Debian: libsqlite3-0 >= 3.9)."
        case let .migrationFailed(name, detail):
            return "migration \(name) failed: \(detail). The database was left at the previous version."
        case let .refusedStatement(detail):
            return detail
        case let .bulkLoadRunning(path, startedAt):
            let since = startedAt.isEmpty ? "" : " (started \(startedAt))"
            return "\(path): another irkb is loading it in bulk\(since). Its indexes and summaries are built when the load ends; try again then."
        case let .bulkLoadInterrupted(path, startedAt):
            return "\(path): a bulk load started \(startedAt) did not finish, so its indexes and summaries are incomplete. Finish it with 'irkb init --db \(path)' (or run the same ingest again)."
        }
    }
}

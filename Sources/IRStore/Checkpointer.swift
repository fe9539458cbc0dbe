import Foundation
import GRDBSQLite

/// Copies the write-ahead log into the database file on a thread of its own, after each batch
/// the batch writer commits.
///
/// SQLite checkpoints in the committing connection once the log passes 1,000 pages: during an
/// ingest that was every batch, and the writer thread, which bounds ingest, waited for the copy
/// and for two `fdatasync` calls (0.8 s of a 10 s run on 10,000 articles here). A passive
/// checkpoint from another connection copies the committed frames while the writer goes on with
/// the next batch; it takes no write lock and gives up on a frame a reader still needs. The
/// writer's own checkpoint threshold is raised to `writerThreshold` pages, so it checkpoints
/// (and lets the log start again from its beginning) only when the log has grown past a few
/// batches.
final class Checkpointer: @unchecked Sendable {
    /// `PRAGMA wal_autocheckpoint` of the writer connection (pages of 4 KB: 64 MB).
    static let writerThreshold = 16384

    private let path: String
    private let queue = DispatchQueue(label: "irkb.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var scheduled = false
    private var handle: OpaquePointer?

    init(path: String) { self.path = path }

    deinit {
        queue.sync {}
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Asks for a checkpoint soon; one asked for while another waits to start is the same one.
    func request() {
        lock.lock()
        defer { lock.unlock() }
        if scheduled { return }
        scheduled = true
        queue.async { [self] in
            lock.lock()
            scheduled = false
            lock.unlock()
            if handle == nil {
                var h: OpaquePointer?
                if sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK {
                    handle = h
                } else {
                    // No checkpoint from here: the writer's own threshold still bounds the log.
                    sqlite3_close_v2(h)
                    return
                }
            }
            // A checkpoint that finds the database busy (another checkpoint, a restart) copies
            // nothing and leaves the frames to the next one.
            _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
    }

    /// Waits for the checkpoint under way, if any.
    func wait() { queue.sync {} }
}

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

    private let queue = DispatchQueue(label: "irkb.checkpoint", qos: .utility)
    /// What the queue's blocks hold (never the checkpointer itself: its last release would then
    /// run its deinit, which waits for the queue, on the queue).
    private let state: State

    private final class State: @unchecked Sendable {
        let path: String
        let lock = NSLock()
        var scheduled = false
        var handle: OpaquePointer?
        var lastResult: (code: Int32, log: Int32, copied: Int32) = (SQLITE_OK, 0, 0)
        init(path: String) { self.path = path }

        func checkpoint() {
            lock.lock()
            scheduled = false
            lock.unlock()
            if handle == nil {
                var h: OpaquePointer?
                var code = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, nil)
                // A connection learns that the database is in WAL mode when it first reads it;
                // until then a checkpoint is a no-op that reports -1 frames.
                if code == SQLITE_OK { code = sqlite3_exec(h, "SELECT count(*) FROM sqlite_master", nil, nil, nil) }
                if code == SQLITE_OK {
                    handle = h
                } else {
                    // No checkpoint from here: the writer's own threshold still bounds the log.
                    lastResult = (code, 0, 0)
                    sqlite3_close_v2(h)
                    return
                }
            }
            // A checkpoint that finds the database busy (another checkpoint, a restart) copies
            // nothing and leaves the frames to the next one.
            var log: Int32 = 0, copied: Int32 = 0
            let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
            lastResult = (code, log, copied)
        }

        func close() {
            if let handle { sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    init(path: String) { state = State(path: path) }

    deinit {
        let state = self.state
        queue.sync { state.close() }
    }

    /// SQLite's result code of the last checkpoint (or of opening its connection), and the
    /// frames it found in the log and copied.
    var lastResult: (code: Int32, log: Int32, copied: Int32) {
        let state = self.state
        return queue.sync { state.lastResult }
    }

    /// Asks for a checkpoint soon; one asked for while another waits to start is the same one.
    func request() {
        let state = self.state
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.scheduled { return }
        state.scheduled = true
        queue.async { state.checkpoint() }
    }

    /// Waits for the checkpoint under way, if any.
    func wait() { queue.sync {} }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The threads that parse and analyse articles during one ingest run, at a lower scheduling
/// priority than the rest of the process.
///
/// Ingest is bound by its one writer thread. With as many analysis threads as cores, the
/// scheduler gave every runnable thread an equal share, so the writer lost a third of its core
/// while a batch was analysed and then ran alone while the analysis threads waited for room:
/// on 2 cores, 10,000 generated articles went at some 850 articles/s. With the analysis threads
/// yielding to the writer (nice 10 on Linux, utility QoS elsewhere), they use what the writer
/// leaves, and the same run went at about 1,000 articles/s.
///
/// The threads are the run's own (not the shared dispatch pool, where the writer's queue also
/// runs), and they end with it.
final class Workers: @unchecked Sendable {
    /// Added to the threads' nice value (Linux applies it to the calling thread alone).
    static let niceness: Int32 = 10

    let count: Int
    private let state: State

    /// What the threads share: the job of the moment and the semaphores around it.
    private final class State: @unchecked Sendable {
        let go: [DispatchSemaphore]
        let done = DispatchSemaphore(value: 0)
        var job: ((Int) -> Void)?
        var stopping = false
        init(count: Int) { go = (0..<count).map { _ in DispatchSemaphore(value: 0) } }

        func loop(_ worker: Int) {
            #if os(Linux)
            // PRIO_PROCESS with 0 is the calling thread on Linux; lowering a priority needs no privilege.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Workers.niceness)
            #endif
            while true {
                go[worker].wait()
                if stopping { return }
                job?(worker)
                done.signal()
            }
        }
    }

    /// `count` threads (at least 1), started at once.
    init(count: Int) {
        self.count = max(1, count)
        state = State(count: self.count)
        for w in 0..<self.count {
            let state = self.state
            let t = Thread { state.loop(w) }
            t.name = "irkb.analysis.\(w)"
            t.qualityOfService = .utility
            t.start()
        }
    }

    deinit { stop() }

    /// Ends the threads (each finishes the job it has first). Further `map` calls run on the
    /// calling thread.
    func stop() {
        if state.stopping { return }
        state.stopping = true
        for g in state.go { g.signal() }
    }

    /// `transform` over `items` on the threads, results in input order. One item, or a pool
    /// that was stopped, runs on the calling thread.
    func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        let n = items.count
        if n == 0 { return [] }
        if n == 1 || state.stopping { return items.map(transform) }
        let jobs = min(count, n)
        let out = UnsafeMutableBufferPointer<R?>.allocate(capacity: n)
        out.initialize(repeating: nil)
        defer { out.deinitialize(); out.deallocate() }
        // Each index is written by exactly one thread; the semaphores order the writes before
        // the reads here.
        nonisolated(unsafe) let slots = out
        nonisolated(unsafe) let items = items
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let f = transform
            state.job = { worker in
                guard worker < jobs else { return }
                var i = worker
                while i < n {
                    slots[i] = f(items[i])
                    i += jobs
                }
            }
            for g in state.go { g.signal() }
            for _ in state.go { state.done.wait() }
            state.job = nil
        }
        return out.map { $0! }
    }
}

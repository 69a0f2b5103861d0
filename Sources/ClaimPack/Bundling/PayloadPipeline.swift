internal import Crypto
internal import DequeModule
internal import Foundation
internal import SystemPackage
internal import ZipKit

/// Reads the evidence files once, in the order libzip archives them, and hashes every byte
/// on a second core while libzip computes CRC-32 and writes on the first. The bytes hashed
/// are the very bytes archived: both come from one buffer filled by one `read(2)`.
///
/// The work is split so that both cores have about as much to do:
/// - a small file (up to one slot) is opened and read by the background thread, ahead of
///   libzip: with thousands of files, opening and reading them is a large part of the
///   work. Its hash is taken by whichever thread gets to it first: the background thread,
///   which keeps a few files read ahead of its hashing, or libzip's thread when it reaches
///   a file not hashed yet. So neither waits while the other has work to share;
/// - a large file is read by libzip's thread, slot by slot; each slot is hashed by the
///   background thread while libzip copies it, and is reused once both are done: hashing
///   is then the larger part of the work, and reading is kept off its core.
///
/// The threads wake each other in batches (a quarter of the slots, or 8 events), not for
/// every file: on these machines a wake-up costs as much as hashing a small file.
///
/// libzip's side is in `PayloadPipeline+Archiving.swift`, the background thread's in
/// `PayloadPipeline+Reading.swift`; the state they share, and the slots, are here.
///
/// The lock and the two conditions are pthread's, not `Synchronization.Mutex` with a
/// semaphore per thread: that version (Mutex, a `DispatchSemaphore` as each thread's
/// parking permit) was measured against this one on 2026-12-04, release builds run in
/// turns on tmpfs while other builds ran: building 5,000 files of 40 KB took 0.470 s of
/// CPU against 0.440 s (median of 20 rounds, +6.8 %; `perf stat`, 3 × 6 runs: +2 % of
/// task-clock and +20 % context switches — Mutex's futex sleeps in the kernel on every
/// contended lock, and these two threads contend thousands of times a build). The
/// Swift runtime has no condition variable to pair with Mutex.
///
/// `@unchecked Sendable`: everything below `mutex` is touched only with it held; a slot
/// belongs to whoever fills it until it is handed over through `events` or `jobs`; the
/// fields of libzip's side (`current`, `chunk`, `descriptor`, …) are touched only by
/// libzip's thread, and the slots are freed only after the background thread has ended
/// (`stop()`).
final class PayloadPipeline: @unchecked Sendable {
    /// A file to read: the file the listing found, and the opener that opens exactly it
    /// (`PayloadPipeline+Reading.swift`).
    struct File: Sendable {
        let evidence: EvidenceFile
        let opener: EvidenceOpener
        /// The name for messages.
        var displayPath: String { evidence.diskPath }
        /// The size the listing gave.
        var expectedSize: UInt64 { evidence.size }
    }

    static let slotCount = 16
    static let slotSize = 256 << 10
    static let wakeSlots = slotCount / 4
    static let wakeEvents = 8
    /// Small files the background thread keeps read but unhashed, ahead of libzip.
    static let readAheadFiles = 4

    /// The files in order (the listing's own array: no copy per file).
    let evidence: [EvidenceFile]
    let opener: EvidenceOpener
    let slots: [UnsafeMutableRawBufferPointer]
    /// Told each file's size and digest, on libzip's thread (not always in file order).
    let completion: (Int, UInt64, SHA256Digest) -> Void
    /// Told each number of bytes copied to libzip, on libzip's thread.
    let progress: (UInt64) -> Void

    /// From the background thread to libzip's: the chunks in file order, the digests as
    /// they are taken.
    enum Event {
        /// The whole of a small file, not hashed yet (slot -1 when it is empty), and how it
        /// is to be stored.
        case chunk(file: Int, slot: Int, count: Int, compression: ZipCompression)
        /// The digest of a file the background thread hashed.
        case end(file: Int, size: UInt64, digest: SHA256Digest)
        case failed(BuildError)
    }

    /// From libzip's thread to the background thread, for a large file.
    enum Job {
        case hash(slot: Int, count: Int)
        case end(size: UInt64)
    }

    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let backgroundWake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    let consumerWake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    var freeSlots: [Int]
    /// For each slot, how many of the two threads still use it.
    var slotUsers: [Int]
    /// For each file, whether one of the threads has taken on hashing it.
    var hashClaimed: [Bool]
    var events = Deque<Event>()
    var jobs = Deque<Job>()
    var backgroundWaits = false
    var consumerWaits = false
    var backgroundDone = false
    var cancelled = false
    let finished = DispatchSemaphore(value: 0)
    var started = false

    // libzip's side: the file being archived and the chunk being copied.
    var current = -1
    /// How the current file is stored, chosen on its first bytes.
    var currentCompression = ZipCompression.store
    var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    var chunkSlot = -1
    var copied = 0
    var currentDone = false
    var descriptor: FileDescriptor?
    var largeSize: UInt64 = 0
    var endsSeen = 0

    init(evidence: [EvidenceFile], opener: EvidenceOpener, progress: @escaping (UInt64) -> Void,
         completion: @escaping (Int, UInt64, SHA256Digest) -> Void) {
        self.evidence = evidence
        self.opener = opener
        self.progress = progress
        self.completion = completion
        slots = (0..<PayloadPipeline.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: PayloadPipeline.slotSize, alignment: 64)
        }
        freeSlots = Array((0..<PayloadPipeline.slotCount).reversed())
        slotUsers = Array(repeating: 0, count: PayloadPipeline.slotCount)
        hashClaimed = Array(repeating: false, count: evidence.count)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(backgroundWake, nil)
        pthread_cond_init(consumerWake, nil)
    }

    deinit {
        stop()
        try? descriptor?.close()
        for slot in slots { slot.deallocate() }
        pthread_cond_destroy(backgroundWake)
        pthread_cond_destroy(consumerWake)
        pthread_mutex_destroy(mutex)
        backgroundWake.deallocate()
        consumerWake.deallocate()
        mutex.deallocate()
    }

    /// Stops the background thread (which holds on to the pipeline while it runs) and
    /// waits for it: after the archive is written, or abandoned.
    func stop() {
        guard started else { return }
        started = false
        locked {
            cancelled = true
            pthread_cond_signal(backgroundWake)
        }
        finished.wait()
    }

    /// File `index`, with the opener.
    func file(_ index: Int) -> File { File(evidence: evidence[index], opener: opener) }

    /// Whether libzip's thread reads `file` itself (and the background thread only hashes).
    func isLarge(_ file: File) -> Bool { file.expectedSize > UInt64(PayloadPipeline.slotSize) }

    // MARK: Both threads

    /// Whether the caller is the one to hash small file `file`: the first to ask.
    func claimHash(of file: Int) -> Bool {
        locked {
            guard !hashClaimed[file] else { return false }
            hashClaimed[file] = true
            return true
        }
    }

    /// A free slot, waiting (and waking the other thread first) when there is none.
    func takeFreeSlot(asBackground: Bool) -> Int {
        locked {
            while freeSlots.isEmpty && !cancelled {
                if asBackground { backgroundSleeps() } else { consumerSleeps() }
            }
            return cancelled ? -1 : freeSlots.removeLast()
        }
    }

    /// One user is done with `slot`; it is free once both are.
    func release(_ slot: Int) {
        locked {
            slotUsers[slot] -= 1
            guard slotUsers[slot] <= 0 else { return }
            slotUsers[slot] = 0
            freeSlots.append(slot)
            if freeSlots.count >= PayloadPipeline.wakeSlots {
                if backgroundWaits { pthread_cond_signal(backgroundWake) }
                if consumerWaits { pthread_cond_signal(consumerWake) }
            }
        }
    }

    /// A slot taken but not handed over goes back to the free list.
    func giveBack(_ slot: Int) {
        locked { slotUsers[slot] = 1 }
        release(slot)
    }

    /// Sleeps until libzip's thread wakes the background one, after waking libzip's if it
    /// sleeps too: so that the two never both sleep. Called with `mutex` held.
    func backgroundSleeps() {
        if consumerWaits { pthread_cond_signal(consumerWake) }
        backgroundWaits = true
        pthread_cond_wait(backgroundWake, mutex)
        backgroundWaits = false
    }

    /// The same, for libzip's thread.
    func consumerSleeps() {
        if backgroundWaits { pthread_cond_signal(backgroundWake) }
        consumerWaits = true
        pthread_cond_wait(consumerWake, mutex)
        consumerWaits = false
    }

    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}

internal import Crypto
internal import Foundation

/// Reads the evidence files once, in the order libzip archives them, and hashes every byte
/// on a second core while libzip computes CRC-32 and writes on the first. The bytes hashed
/// are the very bytes archived: both come from one buffer filled by one `read(2)`.
///
/// The work is split so that both cores have about as much to do:
/// - a small file (up to one slot) is opened and read by the background thread, ahead of
///   libzip: with thousands of files, opening and reading them is a large part of the
///   work. Its hash is taken by whichever thread gets to it first: libzip's thread when it
///   reaches a file not hashed yet (the oldest), the background thread when the slots run
///   out (the newest). So neither waits while the other has work to share;
/// - a large file is read by libzip's thread, slot by slot; each slot is hashed by the
///   background thread while libzip copies it, and is reused once both are done: hashing
///   is then the larger part of the work, and reading is kept off its core.
///
/// The threads wake each other in batches (a quarter of the slots, or 8 events), not for
/// every file: on these machines a wake-up costs as much as hashing a small file.
///
/// `@unchecked Sendable`: everything below `mutex` is touched only with it held; a slot
/// belongs to whoever fills it until it is handed over through `events` or `jobs`.
final class PayloadPipeline: @unchecked Sendable {
    /// A file to read: where it is, the name for messages, and the size the listing gave.
    struct File: Sendable {
        let path: String
        let displayPath: String
        let expectedSize: UInt64
    }

    static let slotCount = 16
    static let slotSize = 256 << 10
    private static let wakeSlots = slotCount / 4
    private static let wakeEvents = 8
    /// Small files the background thread keeps read but unhashed, ahead of libzip.
    private static let readAheadFiles = 4

    private let files: [File]
    private let slots: [UnsafeMutableRawBufferPointer]
    /// Told each file's size and digest, on libzip's thread (not always in file order).
    private let completion: (Int, UInt64, SHA256Digest) -> Void
    /// Told each number of bytes copied to libzip, on libzip's thread.
    private let progress: (UInt64) -> Void

    /// From the background thread to libzip's: the chunks in file order, the digests as
    /// they are taken.
    private enum Event {
        /// The whole of a small file, not hashed yet (slot -1 when it is empty).
        case chunk(file: Int, slot: Int, count: Int)
        /// The digest of a file the background thread hashed.
        case end(file: Int, size: UInt64, digest: SHA256Digest)
        case failed(BuildError)
    }

    /// From libzip's thread to the background thread, for a large file.
    private enum Job {
        case hash(slot: Int, count: Int)
        case end(size: UInt64)
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let backgroundWake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let consumerWake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var freeSlots: [Int]
    /// For each slot, how many of the two threads still use it.
    private var slotUsers: [Int]
    /// For each file, whether one of the threads has taken on hashing it.
    private var hashClaimed: [Bool]
    private var events: [Event] = []
    private var eventsHead = 0
    private var jobs: [Job] = []
    private var jobsHead = 0
    private var backgroundWaits = false
    private var consumerWaits = false
    private var backgroundDone = false
    private var cancelled = false
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    // libzip's side: the file being archived and the chunk being copied.
    private var current = -1
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var chunkSlot = -1
    private var copied = 0
    private var currentDone = false
    private var descriptor: Int32 = -1
    private var largeSize: UInt64 = 0
    private var endsSeen = 0

    init(files: [File], progress: @escaping (UInt64) -> Void, completion: @escaping (Int, UInt64, SHA256Digest) -> Void) {
        self.files = files
        self.progress = progress
        self.completion = completion
        slots = (0..<PayloadPipeline.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: PayloadPipeline.slotSize, alignment: 64)
        }
        freeSlots = Array((0..<PayloadPipeline.slotCount).reversed())
        slotUsers = Array(repeating: 0, count: PayloadPipeline.slotCount)
        hashClaimed = Array(repeating: false, count: files.count)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(backgroundWake, nil)
        pthread_cond_init(consumerWake, nil)
    }

    deinit {
        stop()
        if descriptor >= 0 { Foundation.close(descriptor) }
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

    /// Whether libzip's thread reads `file` itself (and the background thread only hashes).
    private func isLarge(_ file: File) -> Bool { file.expectedSize > UInt64(PayloadPipeline.slotSize) }

    // MARK: libzip's thread

    /// Starts archiving file `index`: files must be opened in order, each read to its end.
    func open(file index: Int) throws(BuildError) {
        if !started {
            started = true
            Thread.detachNewThread { [self] in
                readAll()
                locked {
                    backgroundDone = true
                    if consumerWaits { pthread_cond_signal(consumerWake) }
                }
                finished.signal()
            }
        }
        current = index
        currentDone = false
        guard isLarge(files[index]) else { return }
        descriptor = Foundation.open(files[index].path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .evidenceUnreadable(path: files[index].displayPath, reason: String(cString: strerror(errno))) }
        largeSize = 0
    }

    /// Copies the next bytes of the current file into `target`; 0 at its end.
    func read(into target: UnsafeMutableRawBufferPointer) throws(BuildError) -> Int {
        while copied == chunk.count {
            releaseChunk()
            if currentDone { return 0 }
            if isLarge(files[current]) { try readLargeChunk() } else { try takeSmallChunk() }
        }
        let count = min(target.count, chunk.count - copied)
        target.baseAddress!.copyMemory(from: chunk.baseAddress! + copied, byteCount: count)
        copied += count
        return count
    }

    /// Ends the current file (also after a failure).
    func close() {
        releaseChunk()
        if descriptor >= 0 {
            Foundation.close(descriptor)
            descriptor = -1
        }
    }

    /// Waits until every file has been hashed and its completion called: before the tag
    /// files, which list the digests.
    func finish() throws(BuildError) {
        while endsSeen < files.count {
            try handle(nextEvent())
        }
    }

    /// A small file is one chunk (none when it is empty).
    private func takeSmallChunk() throws(BuildError) {
        while !currentDone {
            try handle(nextEvent())
        }
    }

    /// Handles one event from the background thread: the bytes of a small file (hashed
    /// here unless the background thread has claimed them), the digest of a file, or a
    /// failure.
    private func handle(_ event: Event) throws(BuildError) {
        switch event {
        case .chunk(let file, let slot, let count):
            guard file == current else {
                if slot >= 0 { release(slot) }
                throw .writeFailed(path: files[file].displayPath, reason: "evidence read out of order")
            }
            let bytes = UnsafeRawBufferPointer(start: slot >= 0 ? slots[slot].baseAddress : nil, count: count)
            if claimHash(of: file) {
                var hasher = SHA256()
                hasher.update(bufferPointer: bytes)
                endsSeen += 1
                completion(file, UInt64(count), SHA256Digest(hasher.finalize()))
                if slot >= 0 { release(slot) }
            }
            chunk = bytes
            chunkSlot = slot
            copied = 0
            currentDone = true
            progress(UInt64(count))
        case .end(let file, let size, let digest):
            endsSeen += 1
            completion(file, size, digest)
        case .failed(let error):
            currentDone = true
            throw error
        }
    }

    private func readLargeChunk() throws(BuildError) {
        let file = files[current]
        let slot = takeFreeSlot(asBackground: false)
        guard slot >= 0 else { throw .writeFailed(path: file.displayPath, reason: "the build was stopped") }
        var count: Int
        repeat {
            count = Foundation.read(descriptor, slots[slot].baseAddress, PayloadPipeline.slotSize)
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            giveBack(slot)
            throw .evidenceUnreadable(path: file.displayPath, reason: String(cString: strerror(errno)))
        }
        if count == 0 {
            giveBack(slot)
            guard largeSize == file.expectedSize else {
                throw .evidenceChanged(path: file.displayPath, expected: file.expectedSize, actual: largeSize)
            }
            post(.end(size: largeSize))
            currentDone = true
            return
        }
        largeSize += UInt64(count)
        guard largeSize <= file.expectedSize else {
            giveBack(slot)
            throw .evidenceChanged(path: file.displayPath, expected: file.expectedSize, actual: PayloadPipeline.size(of: descriptor, atLeast: largeSize))
        }
        locked { slotUsers[slot] = 2 }
        post(.hash(slot: slot, count: count))
        chunk = UnsafeRawBufferPointer(start: slots[slot].baseAddress, count: count)
        chunkSlot = slot
        copied = 0
        progress(UInt64(count))
    }

    private func releaseChunk() {
        if chunkSlot >= 0 { release(chunkSlot) }
        chunkSlot = -1
        chunk = UnsafeRawBufferPointer(start: nil, count: 0)
        copied = 0
    }

    private func nextEvent() -> Event {
        locked {
            while eventsHead == events.count {
                if backgroundDone { return .failed(.writeFailed(path: "evidence", reason: "the reader stopped early")) }
                if backgroundWaits { pthread_cond_signal(backgroundWake) }
                consumerWaits = true
                pthread_cond_wait(consumerWake, mutex)
                consumerWaits = false
            }
            let event = events[eventsHead]
            eventsHead += 1
            if eventsHead == events.count {
                events.removeAll(keepingCapacity: true)
                eventsHead = 0
            }
            return event
        }
    }

    private func post(_ job: Job) {
        locked {
            jobs.append(job)
            if backgroundWaits { pthread_cond_signal(backgroundWake) }
        }
    }

    // MARK: Both threads

    /// Whether the caller is the one to hash small file `file`: the first to ask.
    private func claimHash(of file: Int) -> Bool {
        locked {
            guard !hashClaimed[file] else { return false }
            hashClaimed[file] = true
            return true
        }
    }

    /// A free slot, waiting (and waking the other thread first) when there is none.
    private func takeFreeSlot(asBackground: Bool) -> Int {
        locked {
            while freeSlots.isEmpty && !cancelled {
                if asBackground {
                    if consumerWaits { pthread_cond_signal(consumerWake) }
                    backgroundWaits = true
                    pthread_cond_wait(backgroundWake, mutex)
                    backgroundWaits = false
                } else {
                    if backgroundWaits { pthread_cond_signal(backgroundWake) }
                    consumerWaits = true
                    pthread_cond_wait(consumerWake, mutex)
                    consumerWaits = false
                }
            }
            return cancelled ? -1 : freeSlots.removeLast()
        }
    }

    /// One user is done with `slot`; it is free once both are.
    private func release(_ slot: Int) {
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

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    // MARK: The background thread

    private func readAll() {
        // Small files read and handed over but not hashed yet, newest last.
        var unhashed: [(file: Int, slot: Int, count: Int)] = []
        for (index, file) in files.enumerated() {
            if isLarge(file) {
                while let newest = unhashed.popLast() { hashIfUnclaimed(newest) }
                if !hashLarge(index) { return }
            } else {
                guard let slot = slotForSmallFile(hashing: &unhashed),
                      let count = readSmall(index, file, into: slot) else { return }
                if count > 0 { unhashed.append((index, slot, count)) }
                // Keep a few files read ahead of the hashing; hash the oldest of the rest.
                locked { unhashed.removeAll { hashClaimed[$0.file] } }
                while unhashed.count > PayloadPipeline.readAheadFiles { hashIfUnclaimed(unhashed.removeFirst()) }
            }
        }
        while let newest = unhashed.popLast() { hashIfUnclaimed(newest) }
    }

    /// A free slot for the next small file. While there is none, the newest file read is
    /// hashed, unless libzip's thread has taken it on.
    private func slotForSmallFile(hashing unhashed: inout [(file: Int, slot: Int, count: Int)]) -> Int? {
        while true {
            let slot: Int? = locked { freeSlots.isEmpty ? nil : freeSlots.removeLast() }
            if let slot { return slot }
            guard !unhashed.isEmpty else {
                let slot = takeFreeSlot(asBackground: true)
                return slot >= 0 ? slot : nil
            }
            hashIfUnclaimed(unhashed.removeFirst())
        }
    }

    /// Opens and reads a file of at most one slot; hands the bytes over unhashed (whichever
    /// thread gets to them first hashes them). Returns the number of bytes, or `nil` after
    /// a failure, which is handed over instead.
    private func readSmall(_ index: Int, _ file: File, into slot: Int) -> Int? {
        let descriptor = Foundation.open(file.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            giveBack(slot)
            post(.failed(.evidenceUnreadable(path: file.displayPath, reason: String(cString: strerror(errno)))))
            return nil
        }
        defer { Foundation.close(descriptor) }
        let buffer = slots[slot]
        var filled = 0
        var failure: BuildError?
        while true {
            var count: Int
            if filled == buffer.count {
                // A full slot: the file must end here, or it grew.
                var extra: UInt8 = 0
                count = Foundation.read(descriptor, &extra, 1)
            } else {
                count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                failure = .evidenceUnreadable(path: file.displayPath, reason: String(cString: strerror(errno)))
            } else if count > 0 && filled == buffer.count {
                failure = .evidenceChanged(path: file.displayPath, expected: file.expectedSize,
                                           actual: PayloadPipeline.size(of: descriptor, atLeast: UInt64(filled + count)))
            }
            if failure != nil || count == 0 { break }
            filled += count
        }
        if failure == nil && UInt64(filled) != file.expectedSize {
            failure = .evidenceChanged(path: file.displayPath, expected: file.expectedSize, actual: UInt64(filled))
        }
        if let failure {
            giveBack(slot)
            post(.failed(failure))
            return nil
        }
        if filled == 0 {
            giveBack(slot)
            post(.chunk(file: index, slot: -1, count: 0))
            return 0
        }
        // Two uses: libzip's copy, and the hash.
        locked { slotUsers[slot] = 2 }
        post(.chunk(file: index, slot: slot, count: filled))
        return filled
    }

    /// The size of a file that grew while it was read, for the message: what `fstat` says
    /// now, or at least what was read.
    private static func size(of descriptor: Int32, atLeast read: UInt64) -> UInt64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return read }
        return max(read, UInt64(max(0, status.st_size)))
    }

    /// Hashes a small file's slot unless libzip's thread claimed it first; posts the digest.
    private func hashIfUnclaimed(_ item: (file: Int, slot: Int, count: Int)) {
        guard claimHash(of: item.file) else { return }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: slots[item.slot].baseAddress, count: item.count))
        let digest = SHA256Digest(hasher.finalize())
        release(item.slot)
        post(.end(file: item.file, size: UInt64(item.count), digest: digest))
    }

    /// A slot taken but not handed over goes back to the free list.
    private func giveBack(_ slot: Int) {
        locked { slotUsers[slot] = 1 }
        release(slot)
    }

    /// Hashes the slots libzip's thread reads from a large file; posts its end.
    private func hashLarge(_ index: Int) -> Bool {
        var hasher = SHA256()
        while true {
            guard let job = nextJob() else { return false }
            switch job {
            case .hash(let slot, let count):
                hasher.update(bufferPointer: UnsafeRawBufferPointer(start: slots[slot].baseAddress, count: count))
                release(slot)
            case .end(let size):
                post(.end(file: index, size: size, digest: SHA256Digest(hasher.finalize())))
                return true
            }
        }
    }

    private func nextJob() -> Job? {
        locked {
            while jobsHead == jobs.count && !cancelled {
                if consumerWaits { pthread_cond_signal(consumerWake) }
                backgroundWaits = true
                pthread_cond_wait(backgroundWake, mutex)
                backgroundWaits = false
            }
            guard !cancelled else { return nil }
            let job = jobs[jobsHead]
            jobsHead += 1
            if jobsHead == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                jobsHead = 0
            }
            return job
        }
    }

    private func post(_ event: Event) {
        locked {
            events.append(event)
            if consumerWaits && events.count - eventsHead >= PayloadPipeline.wakeEvents {
                pthread_cond_signal(consumerWake)
            }
        }
    }
}

internal import DequeModule
internal import FileIO
internal import Foundation
internal import SystemPackage
internal import ZipKit

/// libzip's thread: the archive's sources (`HashingFileContent`) pull each file's bytes
/// from here, in order.
extension PayloadPipeline {
    /// Starts archiving file `index` when libzip reaches it, before it writes the entry's
    /// header: its first bytes are read (the whole of a small file, the first slot of a
    /// large one), and the method chosen on them is returned. Files must be prepared in
    /// order, each read to its end; a file is opened once, here.
    func prepare(file index: Int) throws(BuildError) -> ZipCompression {
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
        if isLarge(file(index)) {
            descriptor = try file(index).open()
            largeSize = 0
            try readLargeChunk()
            currentCompression = file(index).compression(forStart: chunk)
        } else {
            try takeSmallChunk()
        }
        return currentCompression
    }

    /// Starts copying file `index` to libzip: prepared first, if it was not.
    func open(file index: Int) throws(BuildError) {
        if index != current { _ = try prepare(file: index) }
    }

    /// Copies the next bytes of the current file into `target`; 0 at its end.
    func read(into target: UnsafeMutableRawBufferPointer) throws(BuildError) -> Int {
        while copied == chunk.count {
            releaseChunk()
            if currentDone { return 0 }
            if isLarge(file(current)) { try readLargeChunk() } else { try takeSmallChunk() }
        }
        let count = min(target.count, chunk.count - copied)
        target.baseAddress!.copyMemory(from: chunk.baseAddress! + copied, byteCount: count)
        copied += count
        return count
    }

    /// Ends the current file (also after a failure).
    func close() {
        releaseChunk()
        try? descriptor?.close()
        descriptor = nil
    }

    /// Waits until every file has been hashed and its completion called: before the tag
    /// files, which list the digests.
    func finish() throws(BuildError) {
        while endsSeen < evidence.count {
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
        case .chunk(let file, let slot, let count, let compression):
            guard file == current else {
                if slot >= 0 { release(slot) }
                throw .writeFailed(path: self.file(file).displayPath, reason: "evidence read out of order")
            }
            let bytes = UnsafeRawBufferPointer(start: slot >= 0 ? slots[slot].baseAddress : nil, count: count)
            if claimHash(of: file) {
                endsSeen += 1
                completion(file, UInt64(count), SHA256Digest(of: bytes))
                if slot >= 0 { release(slot) }
            }
            chunk = bytes
            chunkSlot = slot
            copied = 0
            currentDone = true
            currentCompression = compression
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
        let file = file(current)
        let slot = takeFreeSlot(asBackground: false)
        guard slot >= 0 else { throw .writeFailed(path: file.displayPath, reason: "the build was stopped") }
        let count: Int
        do {
            guard let descriptor else { throw Errno.badFileDescriptor }
            count = try descriptor.read(into: slots[slot])
        } catch {
            giveBack(slot)
            throw .evidenceUnreadable(path: file.displayPath, reason: Errno(error).description)
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
            while events.isEmpty {
                if backgroundDone { return .failed(.writeFailed(path: "evidence", reason: "the reader stopped early")) }
                consumerSleeps()
            }
            return events.removeFirst()
        }
    }

    /// Hands a large file's slot, or its end, to the background thread.
    private func post(_ job: Job) {
        locked {
            jobs.append(job)
            if backgroundWaits { pthread_cond_signal(backgroundWake) }
        }
    }
}

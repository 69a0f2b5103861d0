internal import Crypto
internal import DequeModule
internal import FileIO
internal import Foundation
internal import SystemPackage
internal import ZipKit

/// The background thread: small files opened, read and (mostly) hashed ahead of libzip;
/// large files' slots hashed as libzip's thread reads them.
extension PayloadPipeline {
    /// The background thread's work: every file in order, then it ends.
    func readAll() {
        // Small files read and handed over but not hashed yet, newest last.
        var unhashed: [(file: Int, slot: Int, count: Int)] = []
        for index in evidence.indices {
            let file = file(index)
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

    /// A free slot for the next small file. While there is none, the oldest file read and
    /// not hashed yet is hashed, unless libzip's thread has taken it on.
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
        let descriptor: FileDescriptor
        do {
            descriptor = try file.open()
        } catch {
            giveBack(slot)
            post(.failed(error))
            return nil
        }
        defer { try? descriptor.close() }
        let buffer = slots[slot]
        var filled = 0
        var failure: BuildError?
        do {
            filled = try descriptor.read(filling: buffer)
            if filled == buffer.count {
                // A full slot: the file must end here, or it grew.
                var extra: UInt8 = 0
                let count = try withUnsafeMutableBytes(of: &extra) { (byte) throws(Errno) in try descriptor.read(filling: byte) }
                if count > 0 {
                    failure = .evidenceChanged(path: file.displayPath, expected: file.expectedSize,
                                               actual: PayloadPipeline.size(of: descriptor, atLeast: UInt64(filled + count)))
                }
            }
        } catch {
            failure = .evidenceUnreadable(path: file.displayPath, reason: error.description)
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
            post(.chunk(file: index, slot: -1, count: 0, compression: .store))
            return 0
        }
        let compression = file.compression(forStart: UnsafeRawBufferPointer(start: buffer.baseAddress, count: filled))
        // Two uses: libzip's copy, and the hash.
        locked { slotUsers[slot] = 2 }
        post(.chunk(file: index, slot: slot, count: filled, compression: compression))
        return filled
    }

    /// The size of a file that grew while it was read, for the message: what `fstat` says
    /// now, or at least what was read.
    static func size(of descriptor: FileDescriptor?, atLeast read: UInt64) -> UInt64 {
        guard let status = try? descriptor?.stat() else { return read }
        return max(read, UInt64(max(0, status.size)))
    }

    /// Hashes a small file's slot unless libzip's thread claimed it first; posts the digest.
    private func hashIfUnclaimed(_ item: (file: Int, slot: Int, count: Int)) {
        guard claimHash(of: item.file) else { return }
        let digest = SHA256Digest(of: UnsafeRawBufferPointer(start: slots[item.slot].baseAddress, count: item.count))
        release(item.slot)
        post(.end(file: item.file, size: UInt64(item.count), digest: digest))
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
            while jobs.isEmpty && !cancelled { backgroundSleeps() }
            return cancelled ? nil : jobs.removeFirst()
        }
    }

    /// Hands an event to libzip's thread, waking it once a batch is there.
    private func post(_ event: Event) {
        locked {
            events.append(event)
            if consumerWaits && events.count >= PayloadPipeline.wakeEvents {
                pthread_cond_signal(consumerWake)
            }
        }
    }
}

extension PayloadPipeline.File {
    /// Opens the file through its opener: exactly the regular file listed, or the error
    /// that names it.
    func open() throws(BuildError) -> FileDescriptor {
        switch opener.open(evidence) {
        case .success(let descriptor): return descriptor
        case .failure(.unreadable(let reason)): throw .evidenceUnreadable(path: displayPath, reason: reason)
        case .failure(.replaced(let reason)): throw .evidenceReplaced(path: displayPath, reason: reason)
        case .failure(.resized(let size)): throw .evidenceChanged(path: displayPath, expected: expectedSize, actual: size)
        }
    }

    /// How the file is stored, chosen on its first bytes (`CompressionPolicy`).
    func compression(forStart bytes: UnsafeRawBufferPointer) -> ZipCompression {
        CompressionPolicy.compression(forStart: bytes, name: evidence.path, size: expectedSize)
    }
}

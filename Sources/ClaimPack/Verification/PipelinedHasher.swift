internal import Crypto
internal import Dispatch

/// SHA-256 computed on a second core while `verify` reads: chunks are copied into one of a
/// few preallocated slots and hashed, in order, on a serial queue while the caller goes on
/// reading, inflating and checking CRCs. Entries are hashed one after the other; each
/// digest is kept under a key and collected at the end, so the caller never waits for one.
final class PipelinedHasher: @unchecked Sendable {
    // `hasher`, `digests` and the slots' contents are touched only on `queue`; the caller
    // owns the next free slot between `slots.wait()` and `queue.async`.
    private let queue = DispatchQueue(label: "claimpack.sha256")
    private let slots: DispatchSemaphore
    private let buffers: [UnsafeMutableRawBufferPointer]
    private var next = 0
    private var hasher = SHA256()
    private var digests: [String: SHA256Digest] = [:]

    static let slotCount = 4
    static let slotSize = 1 << 20

    init() {
        slots = DispatchSemaphore(value: PipelinedHasher.slotCount)
        buffers = (0..<PipelinedHasher.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: PipelinedHasher.slotSize, alignment: 64)
        }
    }

    deinit {
        queue.sync {}
        for buffer in buffers { buffer.deallocate() }
    }

    /// Hands `chunk` over (at most `slotSize` bytes at a time); waits only when every slot
    /// is still being hashed.
    func update(_ chunk: UnsafeRawBufferPointer) {
        var rest = chunk
        while !rest.isEmpty {
            let piece = UnsafeRawBufferPointer(rebasing: rest.prefix(PipelinedHasher.slotSize))
            slots.wait()
            let index = next
            next = (next + 1) % PipelinedHasher.slotCount
            buffers[index].baseAddress!.copyMemory(from: piece.baseAddress!, byteCount: piece.count)
            let count = piece.count
            queue.async {
                self.hasher.update(bufferPointer: UnsafeRawBufferPointer(start: self.buffers[index].baseAddress, count: count))
                self.slots.signal()
            }
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(piece.count))
        }
    }

    /// Ends the entry: its digest is kept under `key`, and the next entry starts afresh.
    func finish(as key: String) {
        queue.async {
            self.digests[key] = SHA256Digest(self.hasher.finalize())
            self.hasher = SHA256()
        }
    }

    /// Drops what was handed over for an entry that could not be read to its end.
    func discard() {
        queue.async { self.hasher = SHA256() }
    }

    /// The digests of every finished entry, once all have been hashed.
    func collectDigests() -> [String: SHA256Digest] {
        queue.sync { digests }
    }
}

internal import Crypto
internal import Dispatch

/// SHA-256 computed on a second core while `verify` reads. The caller reads entries
/// straight into the free end of a slot (`space()`, then `commit(_:)`), marks where each
/// entry ends (`finish()`), and hands a slot over only when it is nearly full: one
/// wake-up of the hashing queue per MiB, however small the entries, and no copy. Digests
/// are kept in the order the entries finished and collected at the end, so the caller
/// never waits for one.
///
/// `@unchecked Sendable`: the caller's thread alone touches `current`, `used` and `marks`;
/// `hasher` and `digests` are touched only by blocks on the serial `queue` (and read by
/// the caller through `queue.sync`); a slot handed over belongs to the queue until it
/// signals `freeSlots`, and the caller reuses it only after waiting on that.
///
/// A serial `DispatchQueue` and a semaphore, not a task: the callers (libzip's read loop)
/// are synchronous and must block while every slot is being hashed.
final class PipelinedHasher: @unchecked Sendable {
    /// What the hashing queue does with a slot, in order.
    private enum Mark {
        case bytes(Range<Int>)
        case finish
        case discard
    }

    // The caller owns the slot `current` and `marks`; `hasher` and `digests` are touched
    // only on `queue`, which owns every handed-over slot until it signals `freeSlots`.
    private let queue = DispatchQueue(label: "claimpack.sha256")
    private let freeSlots: DispatchSemaphore
    private let buffers: [UnsafeMutableRawBufferPointer]
    private var current = 0
    private var used = 0
    private var marks: [Mark] = []
    private var hasher = SHA256()
    private var digests: [SHA256Digest] = []

    static let slotCount = 4
    static let slotSize = 1 << 20
    /// A slot with less room than this is handed over before the next read.
    static let minimumSpace = 64 << 10

    init() {
        freeSlots = DispatchSemaphore(value: PipelinedHasher.slotCount - 1)
        buffers = (0..<PipelinedHasher.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: PipelinedHasher.slotSize, alignment: 64)
        }
    }

    deinit {
        queue.sync {}
        for buffer in buffers { buffer.deallocate() }
    }

    /// Where to read the next bytes of the entry: at least `minimumSpace` bytes.
    func space() -> UnsafeMutableRawBufferPointer {
        if PipelinedHasher.slotSize - used < PipelinedHasher.minimumSpace { handOver() }
        return UnsafeMutableRawBufferPointer(rebasing: buffers[current][used...])
    }

    /// Takes the first `count` bytes of the last `space()` as the entry's next bytes; they
    /// stay readable, as returned, until the next call to `space()`.
    @discardableResult
    func commit(_ count: Int) -> UnsafeRawBufferPointer {
        let range = used..<(used + count)
        marks.append(.bytes(range))
        used += count
        return UnsafeRawBufferPointer(rebasing: buffers[current][range])
    }

    /// Ends the entry: its digest is kept, and the next entry starts afresh.
    func finish() {
        marks.append(.finish)
    }

    /// Drops what was committed for an entry that could not be read to its end.
    func discard() {
        marks.append(.discard)
    }

    /// The digests of the finished entries, in the order they finished, once all have been
    /// hashed.
    func collectDigests() -> [SHA256Digest] {
        if !marks.isEmpty { handOver() }
        return queue.sync { digests }
    }

    /// Gives the current slot to the queue and takes the next, waiting while every other
    /// slot is still being hashed. Slots are hashed in the order they are handed over, so
    /// the next in the ring is always the first to be free again.
    private func handOver() {
        let slot = current
        let pieces = marks
        queue.async {
            let buffer = UnsafeRawBufferPointer(self.buffers[slot])
            for piece in pieces {
                switch piece {
                case .bytes(let range): self.hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[range]))
                case .finish:
                    self.digests.append(SHA256Digest(self.hasher.finalize()))
                    self.hasher = SHA256()
                case .discard: self.hasher = SHA256()
                }
            }
            self.freeSlots.signal()
        }
        marks = []
        freeSlots.wait()
        current = (current + 1) % PipelinedHasher.slotCount
        used = 0
    }
}

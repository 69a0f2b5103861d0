internal import Crypto
internal import Dispatch

/// SHA-256 computed on a second core: chunks are copied into one of a few preallocated
/// slots and hashed, in order, on a serial queue while the caller goes on reading,
/// compressing, checking CRCs or writing. The digest is the same as hashing inline.
final class PipelinedHasher: @unchecked Sendable {
    // The hasher and the slots' contents are touched only on `queue`; the caller owns the
    // next free slot between `slots.wait()` and `queue.async`.
    private let queue = DispatchQueue(label: "claimpack.sha256")
    private let slots: DispatchSemaphore
    private let buffers: [UnsafeMutableRawBufferPointer]
    private var next = 0
    private var hasher = SHA256()

    static let slotCount = 4
    static let slotSize = 1 << 20

    init() {
        slots = DispatchSemaphore(value: PipelinedHasher.slotCount)
        buffers = (0..<PipelinedHasher.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: PipelinedHasher.slotSize, alignment: 64)
        }
    }

    /// A read buffer for the caller, allocated once for all the files of a run (a fresh
    /// 1 MiB allocation per file costs page faults when there are thousands of files).
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)

    deinit {
        queue.sync {}
        for buffer in buffers { buffer.deallocate() }
        readBuffer.deallocate()
    }

    /// A file smaller than this is hashed inline: for it, handing chunks to another thread
    /// costs more than it saves.
    static let inlineLimit: UInt64 = 4 << 20
    private var inline: SHA256?

    /// Starts a file of `size` bytes.
    func start(size: UInt64) {
        inline = size < PipelinedHasher.inlineLimit ? SHA256() : nil
    }

    /// Hands `chunk` over (at most `slotSize` bytes at a time); waits only when every slot
    /// is still being hashed.
    func update(_ chunk: UnsafeRawBufferPointer) {
        if inline != nil {
            inline!.update(bufferPointer: chunk)
            return
        }
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

    /// The digest of everything handed over since the last call, once it has all been
    /// hashed; the hasher then starts afresh for the next file.
    func finalize() -> SHA256Digest {
        if let inline {
            self.inline = nil
            return SHA256Digest(inline.finalize())
        }
        return queue.sync {
            let digest = SHA256Digest(hasher.finalize())
            hasher = SHA256()
            return digest
        }
    }
}

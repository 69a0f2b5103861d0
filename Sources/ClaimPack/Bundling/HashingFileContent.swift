internal import Foundation
internal import ZipKit

/// An evidence file as archive content: opened only when libzip reaches it, read once
/// with `read(2)` in large chunks, each chunk hashed before it is handed to libzip. So the
/// digest is of exactly the bytes in the archive, and the file is never read twice.
final class HashingFileContent: ZipEntryContent {
    /// The file on disk.
    let url: URL
    /// Its path relative to the claim folder, for messages.
    let displayPath: String
    /// The size the folder listing gave; a different number of bytes read means the file
    /// changed while it was being bundled.
    let expectedSize: UInt64
    /// Called once the whole file has been read.
    private let completion: (UInt64, SHA256Digest) -> Void
    /// Called with each number of bytes read, for progress.
    private let progress: (UInt64) -> Void

    private var descriptor: Int32 = -1
    /// Shared by the files of one build: they are read one after the other.
    private let hasher: PipelinedHasher
    private var buffer: UnsafeMutableRawBufferPointer
    private var bufferStart = 0
    private var bufferEnd = 0
    private var bytesRead: UInt64 = 0
    private var finished = false

    static let chunkSize = 1 << 20

    init(url: URL, displayPath: String, expectedSize: UInt64, hasher: PipelinedHasher,
         progress: @escaping (UInt64) -> Void, completion: @escaping (UInt64, SHA256Digest) -> Void) {
        self.hasher = hasher
        self.url = url
        self.displayPath = displayPath
        self.expectedSize = expectedSize
        self.progress = progress
        self.completion = completion
        buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }

    deinit {
        close()
    }

    func prepare() -> UInt64 { expectedSize }

    func open() throws {
        descriptor = Foundation.open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw BuildError.evidenceUnreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        buffer = hasher.readBuffer
        hasher.start(size: expectedSize)
        bytesRead = 0
        finished = false
    }

    func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        if bufferStart == bufferEnd {
            guard !finished else { return 0 }
            try refill()
            if bufferStart == bufferEnd { return 0 }
        }
        let count = min(target.count, bufferEnd - bufferStart)
        target.baseAddress!.copyMemory(from: buffer.baseAddress! + bufferStart, byteCount: count)
        bufferStart += count
        return count
    }

    func close() {
        if descriptor >= 0 {
            Foundation.close(descriptor)
            descriptor = -1
        }
        buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }

    private func refill() throws {
        var count: Int
        repeat {
            count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw BuildError.evidenceUnreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        bufferStart = 0
        bufferEnd = count
        if count == 0 {
            finished = true
            guard bytesRead == expectedSize else {
                throw BuildError.evidenceChanged(path: displayPath, expected: expectedSize, actual: bytesRead)
            }
            completion(bytesRead, hasher.finalize())
            return
        }
        bytesRead += UInt64(count)
        guard bytesRead <= expectedSize else {
            throw BuildError.evidenceChanged(path: displayPath, expected: expectedSize, actual: bytesRead)
        }
        hasher.update(UnsafeRawBufferPointer(start: buffer.baseAddress, count: count))
        progress(UInt64(count))
    }
}

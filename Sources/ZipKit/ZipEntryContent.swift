/// The bytes of one archive entry, pulled by libzip while the archive is written — once,
/// front to back, after every entry before it has been written.
///
/// Conforming types can therefore produce content that depends on earlier entries (a
/// manifest of their digests): `prepare()` is called only when libzip reaches this entry.
public protocol ZipEntryContent: AnyObject {
    /// Called when libzip reaches the entry, before `open()`; returns the exact number of
    /// bytes `read` will deliver.
    func prepare() throws -> UInt64
    /// Starts reading.
    func open() throws
    /// Fills the start of `buffer`; returns how many bytes were written, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Reading is done (also after a failure).
    func close()
    /// How the entry is to be stored, when the content decides it on its bytes: asked right
    /// after the first `prepare()`, before libzip writes the entry's header; `nil` keeps the
    /// compression given to `ZipArchiveWriter.add`. The answer must not change afterwards.
    var chosenCompression: ZipCompression? { get }
}

extension ZipEntryContent {
    /// The compression given to `ZipArchiveWriter.add`.
    public var chosenCompression: ZipCompression? { nil }
}

/// Content already in memory.
public final class ZipBufferContent: ZipEntryContent {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func prepare() -> UInt64 { UInt64(bytes.count) }

    public func open() { offset = 0 }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { source in
            buffer.baseAddress?.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    public func close() {}
}

/// Content made when libzip reaches the entry, by a closure that may use what earlier
/// entries produced.
public final class ZipDeferredContent: ZipEntryContent {
    private let make: () throws -> [UInt8]
    private let choose: (([UInt8]) -> ZipCompression)?
    private var buffer: ZipBufferContent?
    public private(set) var chosenCompression: ZipCompression?

    /// - Parameter choose: decides the compression on the bytes made, when given.
    public init(_ make: @escaping () throws -> [UInt8], choose: (([UInt8]) -> ZipCompression)? = nil) {
        self.make = make
        self.choose = choose
    }

    /// Makes the bytes on the first call; libzip asks for the size more than once.
    public func prepare() throws -> UInt64 {
        if let buffer { return buffer.prepare() }
        let bytes = try make()
        chosenCompression = choose?(bytes)
        let content = ZipBufferContent(bytes)
        buffer = content
        return content.prepare()
    }

    public func open() throws { buffer?.open() }

    public func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        buffer?.read(into: target) ?? 0
    }

    public func close() {}
}

/// An entry of an existing archive as the content of a new one: read (and inflated) once
/// when libzip reaches it, checked against its CRC-32 as it is read.
public final class ZipArchivedContent: ZipEntryContent {
    private let reader: ZipArchiveReader
    private let index: Int
    private let deflated: Bool
    private let crc: UInt32
    private let size: UInt64
    private var entry: ZipEntryReader?

    public init(reader: ZipArchiveReader, index: Int, deflated: Bool, crc: UInt32, size: UInt64) {
        self.reader = reader
        self.index = index
        self.deflated = deflated
        self.crc = crc
        self.size = size
    }

    public func prepare() -> UInt64 { size }

    public func open() throws {
        entry = try reader.open(entry: index, deflated: deflated, expectedCRC: crc)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try entry?.read(into: buffer) ?? 0
    }

    public func close() {
        entry = nil
    }
}

internal import ZipKit

/// An evidence file as archive content: its bytes come from the build's `PayloadPipeline`,
/// which reads each file once and hashes the very bytes it hands to libzip.
final class HashingFileContent: ZipEntryContent {
    /// The file's place in the pipeline's list.
    let index: Int
    /// The size the folder listing gave.
    let expectedSize: UInt64
    private let pipeline: PayloadPipeline

    init(index: Int, expectedSize: UInt64, pipeline: PayloadPipeline) {
        self.index = index
        self.expectedSize = expectedSize
        self.pipeline = pipeline
    }

    /// How the file is stored: chosen by the pipeline on its first bytes, read when libzip
    /// reaches the entry (`prepare()`).
    private(set) var chosenCompression: ZipCompression?

    func prepare() throws -> UInt64 {
        if chosenCompression == nil { chosenCompression = try pipeline.prepare(file: index) }
        return expectedSize
    }

    func open() throws { try pipeline.open(file: index) }

    func read(into target: UnsafeMutableRawBufferPointer) throws -> Int { try pipeline.read(into: target) }

    func close() { pipeline.close() }
}

internal import Glibc

/// Fixes glibc's threshold above which a block is mapped on its own (and given back to
/// the system when freed) at 128 KiB.
///
/// Why: glibc raises that threshold to the size of each mapped block freed (up to 32 MiB),
/// so that after the first few megabyte-sized arrays are freed, the next ones — lists
/// that grow by doubling, the tag files, the hasher's slots — are carved from the heap,
/// where what is freed stays resident. A verify of 64,000 files peaked at 168 MB with
/// the moving threshold and 150 MB with it fixed (build: 143 → 141 MB), for the same CPU
/// time (docs/performance.md, "Memory per file").
enum MemoryTuning {
    /// `M_MMAP_THRESHOLD` in `<malloc.h>`.
    private static let mmapThreshold: Int32 = -3

    static func apply() {
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not include:
        // looked up by name, called with the C convention.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 << 10)
    }
}

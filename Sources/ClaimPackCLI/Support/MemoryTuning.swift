internal import ArgumentParser
internal import Glibc

/// For `build` and `verify`: fixes glibc's threshold above which a block is mapped on its
/// own (and given back to the system when freed) at 128 KiB.
///
/// Why: glibc raises that threshold to the size of each mapped block freed (up to 32 MiB),
/// so that after the first few megabyte-sized arrays are freed, the next ones — the lists
/// of entries, the tag files, the hasher's slots — are carved from the heap, where what is
/// freed stays resident. Peaks with the moving threshold and with it fixed: verify of
/// 64,000 files 168 → 150 MB, of 20,000 files 82 → 74 MB, for the same CPU time (340 ms,
/// median of 15 rounds in turns); build of 20,000 files 80 → 76.5 MB, 64,000 files
/// 143 → 141 MB, for 1.5 % more CPU than before this work (927 → 941 ms, 15 rounds;
/// 916–929 ms without the fixed threshold). The other commands keep glibc's default.
enum MemoryTuning {
    /// `M_MMAP_THRESHOLD` in `<malloc.h>`.
    private static let mmapThreshold: Int32 = -3

    static func apply(for command: any ParsableCommand) {
        guard command is VerifyCommand || command is BuildCommand else { return }
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not include:
        // looked up by name, called with the C convention.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 << 10)
    }
}

package import SystemPackage
#if canImport(Glibc)
internal import Glibc
#endif

/// The size of the terminal an open descriptor writes to, which swift-system 1.8 does not read.
extension FileDescriptor {
    /// The terminal's width in columns (`ioctl(2)` `TIOCGWINSZ`), read anew at each call so
    /// that a resized window is followed; `nil` when this is not a terminal or the terminal
    /// does not say (0 columns).
    package var terminalColumns: Int? {
        var size = winsize()
        guard Glibc.ioctl(rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

import Foundation
import Glibc
import SystemPackage
import Testing
@testable import FileIO

/// The terminal's width and the terminal question, on a real pseudo-terminal whose size
/// the test sets itself (`TIOCSWINSZ` on the master side).
@Suite struct FileDescriptorTerminalTests {
    /// The master and the opened terminal side of a new pseudo-terminal.
    static func pseudoTerminal() throws -> (master: Int32, terminal: FileDescriptor) {
        // posix_openpt, unlockpt and ptsname by hand (Glibc's module does not export them,
        // nor these two requests): /dev/ptmx, TIOCSPTLCK 0, TIOCGPTN.
        let (unlockRequest, numberRequest): (UInt, UInt) = (0x4004_5431, 0x8004_5430)
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(master >= 0)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(ioctl(master, unlockRequest, &unlock) == 0 && ioctl(master, numberRequest, &number) == 0)
        let terminal = try FileDescriptor.open(FilePath("/dev/pts/\(number)"), .readWrite,
                                               options: [FileDescriptor.OpenOptions(rawValue: O_NOCTTY), .closeOnExec])
        return (master, terminal)
    }

    @Test(arguments: [1, 80, 123, 500])
    func theWidthIsWhatTheTerminalSays(columns: Int) throws {
        let (master, terminal) = try Self.pseudoTerminal()
        defer { try? terminal.close(); close(master) }
        var size = winsize(ws_row: 24, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        try #require(ioctl(master, UInt(TIOCSWINSZ), &size) == 0)
        #expect(terminal.isTerminal)
        #expect(terminal.terminalColumns == columns)
    }

    @Test func aTerminalOfNoWidthAndAFileHaveNone() throws {
        let (master, terminal) = try Self.pseudoTerminal()
        defer { try? terminal.close(); close(master) }
        var size = winsize(ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0)
        try #require(ioctl(master, UInt(TIOCSWINSZ), &size) == 0)
        #expect(terminal.terminalColumns == nil)
        let file = try FileDescriptor.open("/etc/hostname", .readOnly, options: [.closeOnExec])
        defer { try? file.close() }
        #expect(!file.isTerminal)
        #expect(file.terminalColumns == nil)
    }
}

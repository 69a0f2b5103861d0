internal import FileIO
internal import Foundation
internal import Synchronization
internal import SystemPackage

/// A progress bar on standard error — bytes, rate, time left as m:ss — shown only when
/// standard error is a terminal and only once the work has lasted a second. The line is
/// fitted to the terminal's width (`TIOCGWINSZ`, read at each draw, so a resized window
/// is followed), never wrapping.
final class ProgressBar: Sendable {
    private let label: String
    private let start = Date()
    private let state = Mutex<(lastDraw: Double, drawn: Bool)>((0, false))

    /// A bar, or `nil` when standard error is not a terminal.
    init?(label: String) {
        guard FileDescriptor.standardError.isTerminal else { return nil }
        self.label = label
    }

    func update(done: UInt64, total: UInt64) {
        let elapsed = Date().timeIntervalSince(start)
        let shouldDraw = state.withLock { state -> Bool in
            guard elapsed >= 1, elapsed - state.lastDraw >= 0.1 || done == total else { return false }
            state = (elapsed, true)
            return true
        }
        guard shouldDraw else { return }
        let rate = Double(done) / max(elapsed, 0.001)
        let left = rate > 0 ? Double(total - min(done, total)) / rate : 0
        let line = Self.line(label: label, done: done, total: total, rate: rate, secondsLeft: left, columns: Self.columns())
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    /// Clears the bar's line if it was drawn.
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The bar's text in at most `columns - 1` characters (the last column is left free,
    /// so that no terminal wraps): `build [#####-----] 1.0 GiB/3.0 GiB 512.0 MiB/s 0:04 left`.
    /// The bar takes what the figures leave, up to 30; on a very narrow terminal the bar
    /// goes first, then the figures are cut.
    static func line(label: String, done: UInt64, total: UInt64, rate: Double, secondsLeft: Double, columns: Int) -> String {
        let figures = "\(bytes(Double(done)))/\(bytes(Double(total))) \(bytes(rate))/s \(clock(secondsLeft)) left"
        let room = max(columns - 1, 1)
        let barWidth = min(30, room - label.count - figures.count - 4)
        guard barWidth >= 5 else { return String("\(label) \(figures)".prefix(room)) }
        let fraction = total == 0 ? 1 : min(Double(done) / Double(total), 1)
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        return "\(label) [\(bar)] \(figures)"
    }

    /// `0:07`, `12:34`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = String(format: "%02d", secs)
        return hours > 0 ? "\(hours):" + String(format: "%02d", minutes) + ":" + tail : "\(minutes):" + tail
    }

    /// The width of the terminal on standard error; `COLUMNS`, else 80, when it cannot be read.
    private static func columns() -> Int {
        FileDescriptor.standardError.terminalColumns ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    private static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = value, unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
    }
}

internal import Foundation
internal import Synchronization

/// A progress bar on standard error — bytes, rate, time left — shown only when standard
/// error is a terminal and only once the work has lasted a second.
final class ProgressBar: Sendable {
    private let label: String
    private let start = Date()
    private let state = Mutex<(lastDraw: Double, drawn: Bool)>((0, false))

    /// A bar, or `nil` when standard error is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
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
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / max(elapsed, 0.001)
        let left = rate > 0 ? Double(total - min(done, total)) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r\(label) [\(bar)] \(Self.bytes(Double(done)))/\(Self.bytes(Double(total))) \(Self.bytes(rate))/s, \(Int(left.rounded())) s left "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line if it was drawn.
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = value, unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
    }
}

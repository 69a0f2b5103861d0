internal import Foundation
internal import ClaimPack
internal import Dispatch
internal import Synchronization

/// On SIGINT or SIGTERM: remove the temporary files of the work under way, then exit with
/// 128 + the signal's number, as a shell would report it.
enum SignalCleanup {
    /// The signal sources, kept alive for the process's life; installed once.
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    static func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    TemporaryFiles.shared.removeAll()
                    FileHandle.standardError.write(Data("\nclaimpack: interrupted; nothing was written\n".utf8))
                    exit(128 + signalNumber)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}

internal import FileIO
internal import Foundation
internal import SystemPackage

/// Writes a file atomically: a hidden temporary file beside it, then a rename; an
/// existing file is replaced only when allowed.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ bytes: [UInt8], to target: URL, replacing: Bool) throws {
        let fileManager = FileManager.default
        // A dangling symbolic link is there too, and rename(2) would replace it.
        if Paths.exists(target.path), !replacing {
            throw Failure(description: "\(target.path) already exists; give another -o, or --force to replace it")
        }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw Failure(description: "\(target.path): cannot be written (\((error as NSError).localizedDescription))")
        }
        do throws(Errno) {
            try Paths.rename(temporary.path, to: target.path)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw Failure(description: "\(target.path): cannot be written (\(error.description))")
        }
    }
}

internal import FileIO
public import Foundation
internal import SystemPackage
internal import ZipKit

/// Takes a bundle apart into a new folder, for the one who receives it: verified first,
/// each entry streamed through libzip into a file of a temporary sibling folder (bounded
/// memory), checked as it is written (its size, its CRC-32, and its SHA-256 against what
/// verification read), and the folder renamed into place at the end. Never overwrites,
/// never writes or follows a link, never writes outside the folder; after a failure
/// nothing is left.
public struct BundleExtractor: Sendable {
    /// The folder holding the schemas.
    public var schemas: URL
    public var limits: VerificationLimits
    /// Told the bytes written so far and the total.
    public var progress: (@Sendable (_ done: UInt64, _ total: UInt64) -> Void)?

    /// The mapping list written beside the bag with `windowsSafe`.
    public static let namesFile = "NAMES.txt"

    public init(schemas: URL, limits: VerificationLimits = VerificationLimits(),
                progress: (@Sendable (UInt64, UInt64) -> Void)? = nil) {
        self.schemas = schemas
        self.limits = limits
        self.progress = progress
    }

    /// Extracts `bundle` into the new folder `target`.
    ///
    /// - Parameters:
    ///   - force: extract a bundle that does not verify: every entry that can be written
    ///     safely, the others skipped (listed in the result).
    ///   - windowsSafe: names mapped by `PortableName`, collisions renamed, and the
    ///     mapping list `NAMES.txt` written beside the bag.
    /// - Throws: `ExtractionError`; nothing is left of what was written.
    public func extract(_ bundle: URL, into target: URL, force: Bool = false,
                        windowsSafe: Bool = false) throws(ExtractionError) -> ExtractionResult {
        if (try? FilePath(bundle.path).stat())?.type == .directory {
            throw .cannotRead("\(bundle.path): a folder, extracted already; extract takes the bundle's .zip (check the folder with 'claimpack verify')")
        }
        if Paths.exists(target.path) { throw .targetExists(path: target.path) }
        let report: VerificationReport
        do {
            report = try BundleVerifier(schemas: schemas, limits: limits).verify(bundle)
        } catch {
            throw .cannotRead(error.description)
        }
        // A re-packed container around intact content (V130) is extracted: its files are the sealed ones.
        guard report.verdict != .notIntact || force else { throw .notIntact(report) }

        // The archive, read again: what verify accepted is written, each entry checked anew.
        let layout: ZipLayout
        let reader: ZipArchiveReader
        do {
            layout = try ZipLayout.scan(path: bundle.path, maximumEntries: limits.maximumEntries)
            reader = try ZipArchiveReader(path: bundle.path)
        } catch {
            throw .entryFailed(entry: bundle.path, reason: "the archive cannot be read (\(error))")
        }
        let plan = ExtractionPlan(layout: layout, windowsSafe: windowsSafe, reserved: windowsSafe ? [Self.namesFile] : [])
        if !force, let first = plan.refused.first { throw .entryFailed(entry: first.entry, reason: first.reason) }
        let total = plan.items.reduce(UInt64(0)) { $0 &+ $1.entry.uncompressedSize }
        guard total <= limits.maximumTotalBytes else {
            throw .entryFailed(entry: bundle.path, reason: "the entries declare \(total) bytes, more than the limit of \(limits.maximumTotalBytes)")
        }

        // The target's name is taken at once (an empty folder), then replaced atomically
        // by the complete temporary sibling.
        let folder = ExtractionFolder(beside: target)
        do throws(Errno) {
            try folder.made(target.path) { () throws(Errno) in try Paths.makeFolder(target.path, permissions: ExtractionFolder.folderPermissions) }
        } catch {
            if error == .fileExists { throw .targetExists(path: target.path) }
            throw .cannotCreate(path: target.path, reason: error.description)
        }
        do throws(ExtractionError) {
            try folder.create()
            var written: [String] = []
            var skipped = plan.refused
            var renamed = plan.renamed
            var done: UInt64 = 0
            let relativeRoot = report.bundleID.map { $0 + "/" }
            for item in plan.items {
                let verified = relativeRoot.flatMap { root in
                    item.name.hasPrefix(root) ? report.contents[String(item.name.dropFirst(root.count))] : nil
                }
                do throws(ExtractionError) {
                    try folder.write(item, from: reader, verified: verified, limits: limits) { count in
                        done &+= count
                        progress?(done, total)
                    }
                    written.append(item.path)
                } catch {
                    guard force, case .entryFailed(_, let reason) = error else { throw error }
                    skipped.append(.init(entry: item.name, reason: reason))
                    renamed.removeAll { $0.entry == item.name }
                }
            }
            var namesFile: String?
            if windowsSafe {
                try folder.writeNames(renamed, as: Self.namesFile)
                namesFile = Self.namesFile
            }
            try folder.move(to: target)
            return ExtractionResult(target: target, report: report, written: written, bytes: done, skipped: skipped,
                                    renamed: renamed, namesFile: namesFile)
        } catch {
            folder.remove()
            try? Paths.removeFolder(target.path)
            throw error
        }
    }
}

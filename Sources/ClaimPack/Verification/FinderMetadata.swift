/// What macOS adds to a folder, and to a ZIP that Finder's "Compress" makes of it: never
/// part of a bundle (`build` skips hidden files). `__MACOSX/` holds each file's extended
/// attributes and resource fork as an AppleDouble `._` file (every downloaded file has
/// one: its quarantine mark), `.DS_Store` a folder's view settings, and `._name` beside a
/// file is the same AppleDouble file on a volume without extended attributes (a USB stick).
///
/// In a ZIP another tool re-packed whole, or in an extracted folder, `verify` sets them
/// aside with one warning (V131) instead of calling the bundle not intact: they are not
/// read, and nothing sealed can hide in them — every sealed file is still read and
/// checked. In a ZIP claimpack wrote, such an entry is an edit like any other (V128).
enum FinderMetadata {
    /// The folder Finder's "Compress" stores AppleDouble files in, at the top of the ZIP.
    static let folder = "__MACOSX"

    /// Whether `path` (an entry name or a path inside a folder, `/`-separated) is macOS
    /// metadata: under `__MACOSX/`, or named `.DS_Store` or `._…`.
    static func contains(_ path: String) -> Bool {
        if path == folder || path.hasPrefix(folder + "/") { return true }
        let name = path.split(separator: "/").last ?? Substring(path)
        return name == ".DS_Store" || name.hasPrefix("._")
    }

    /// The one finding for `paths`: what they are, the first three named.
    static func finding(_ paths: [String]) -> Finding {
        let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? "…" : "")
        let noun = paths.count == 1 ? "1 entry" : "\(paths.count) entries"
        return Finding(.finderMetadata, "\(noun) macOS added (\(shown)): Finder's metadata (\(folder)/, .DS_Store, ._ files), never part of a bundle; set aside, not read", severity: .warning)
    }
}

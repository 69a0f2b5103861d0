public import Foundation

/// Where claimpack's run-time files are: `Schemas/` and `Templates/`.
///
/// SwiftPM bundles resources only from inside a target, and these folders are meant to be
/// read and copied by users, so the tool finds them at run time, in this order:
/// 1. the folder named by the environment variable `CLAIMPACK_RESOURCES`;
/// 2. `<prefix>/share/claimpack` for an executable installed as `<prefix>/bin/claimpack`;
/// 3. the nearest folder above the executable that holds both (a source checkout, where
///    the executable is `.build/<config>/claimpack`).
public struct ResourceLocation: Sendable, Hashable {
    /// The folder holding `Schemas/` and `Templates/`.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var schemas: URL { root.appendingPathComponent("Schemas", isDirectory: true) }
    public var templates: URL { root.appendingPathComponent("Templates", isDirectory: true) }

    /// The environment variable that overrides the search.
    public static let environmentVariable = "CLAIMPACK_RESOURCES"

    /// Finds the resources for the executable at `executable`.
    ///
    /// - Throws: `ResourceError.notFound` listing the places searched.
    public static func locate(executable: URL, environment: [String: String]) throws(ResourceError) -> ResourceLocation {
        var searched: [String] = []
        if let override = environment[environmentVariable], !override.isEmpty {
            let candidate = URL(fileURLWithPath: override, isDirectory: true)
            if holdsResources(candidate) { return ResourceLocation(root: candidate) }
            throw .notFound(searched: ["\(environmentVariable)=\(override)"])
        }
        let binFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = binFolder.deletingLastPathComponent().appendingPathComponent("share/claimpack", isDirectory: true)
        searched.append(installed.path)
        if holdsResources(installed) { return ResourceLocation(root: installed) }
        var folder = binFolder
        while folder.path != "/" && !folder.path.isEmpty {
            if holdsResources(folder) { return ResourceLocation(root: folder) }
            folder = folder.deletingLastPathComponent()
        }
        searched.append("the folders above \(binFolder.path)")
        throw .notFound(searched: searched)
    }

    private static func holdsResources(_ folder: URL) -> Bool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        return ["Schemas", "Templates"].allSatisfy {
            fileManager.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}

/// Why claimpack's run-time files could not be found or used.
public enum ResourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No folder with `Schemas/` and `Templates/` was found.
    case notFound(searched: [String])
    /// A template is missing or does not parse.
    case badTemplate(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let searched):
            "cannot find claimpack's Schemas/ and Templates/ (looked in: \(searched.joined(separator: "; "))); set \(ResourceLocation.environmentVariable) to the folder that holds them"
        case .badTemplate(let path, let reason):
            "\(path): \(reason)"
        }
    }
}

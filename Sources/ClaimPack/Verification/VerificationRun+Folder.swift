internal import FileIO
internal import SystemPackage

extension VerificationRun {
    /// How deep folders may nest in an extracted bag: `build` writes names of at most
    /// `BundleLimits.maximumNameBytes`, far fewer levels than this.
    static let maximumFolderDepth = 64

    /// A file found in the folder, by its path inside the bag.
    struct FolderFile {
        let relative: String
        let status: FileStatus
    }

    /// The container layer of an extracted folder, in place of `checkArchive`: every name
    /// under the same rules as an entry's; a symbolic link (V114), a device, pipe or socket
    /// (V115) refused, never followed or opened; anything beside the bag's folder in the
    /// folder given (V126); the limits of a ZIP (entries, bytes, nesting); then every
    /// regular file read once, the tag files first.
    func checkFolder(_ folder: BagFolder) {
        root = folder.id
        if let outer = folder.outer { checkOuterFolder(outer, bag: folder.id) }
        var found: [FolderFile] = []
        var names: [String] = []
        var entries = 0
        var total: UInt64 = 0
        var stopped = false
        // macOS metadata (regular files and folders only: a link or a pipe of that name is
        // refused like any other).
        var metadata: [String] = []
        // Depth first, one open descriptor per level.
        func walk(_ directory: FileDescriptor, prefix: String, depth: Int) {
            let raw: [[UInt8]]
            do {
                raw = try BagFolder.names(in: directory, limit: limits.maximumEntries - entries)
            } catch .tooMany {
                add(Finding(.tooManyEntries, "more than \(limits.maximumEntries) files and folders; not read"))
                stopped = true
                return
            } catch {
                add(Finding(.unreadableEntry, entry: entryName(prefix), "the folder cannot be read (\(error))"))
                return
            }
            if raw.isEmpty, prefix != BundleLayout.payloadFolder {
                add(Finding(.directoryEntry, entry: entryName(prefix), "an empty folder; bundles hold files only", severity: .warning))
            }
            for bytes in raw {
                guard !stopped else { return }
                entries += 1
                let full = Array((folder.id + "/" + prefix).utf8) + bytes
                let (checked, nameFindings) = EntryNameRules.check(full)
                nameFindings.forEach(add)
                if let finding = EntryNameRules.lengthFinding(full) { add(finding) }
                guard let checked, nameFindings.isEmpty else { continue }
                names.append(checked)
                let name = String(decoding: bytes, as: UTF8.self)
                let relative = prefix + name
                let status: FileStatus
                do { status = try FileStatus(of: name, in: directory) } catch {
                    add(Finding(.unreadableEntry, entry: checked, "cannot be read (\(error.description))"))
                    continue
                }
                if status.kind == .regular || status.kind == .directory, FinderMetadata.contains(relative) {
                    metadata.append(checked)
                    continue
                }
                switch status.kind {
                case .regular:
                    found.append(FolderFile(relative: relative, status: status))
                    total &+= status.size
                case .directory:
                    guard depth < VerificationRun.maximumFolderDepth else {
                        add(Finding(.nameTooLong, entry: checked, "folders nested more than \(VerificationRun.maximumFolderDepth) deep; not read"))
                        continue
                    }
                    let inner: FileDescriptor
                    do { inner = try FileDescriptor.open(name, in: directory, .readOnly, options: [.directory, .noFollow, .closeOnExec]) } catch {
                        add(Finding(.unreadableEntry, entry: checked + "/", "the folder cannot be opened (\(error.description))"))
                        continue
                    }
                    walk(inner, prefix: relative + "/", depth: depth + 1)
                    try? inner.close()
                case .symbolicLink:
                    add(Finding(.symbolicLink, entry: checked, "a symbolic link; refused, never followed: it could point anywhere outside the bag"))
                default:
                    add(Finding(.notRegular, entry: checked, "\(status.kind.noun), not a regular file; refused, never opened"))
                }
            }
        }
        walk(folder.descriptor, prefix: "", depth: 0)
        if !metadata.isEmpty { add(FinderMetadata.finding(metadata)) }
        guard !stopped else { return }
        EntryNameRules.duplicates(names).forEach(add)
        folderFileCount = found.count
        if total > limits.maximumTotalBytes {
            add(Finding(.tooLarge, "the files hold \(total) bytes, more than the limit of \(limits.maximumTotalBytes); not read"))
            return
        }
        archiveReadable = true
        readFolderFiles(found, folder: folder, total: total)
    }

    /// Anything in the folder given beside the bag's folder (`unzip` makes nothing else;
    /// `extract --windows-safe` adds its list of renamed files, a regular `NAMES.txt`).
    private func checkOuterFolder(_ outer: FileDescriptor, bag: String) {
        let names: [[UInt8]]
        do {
            names = try BagFolder.names(in: outer, limit: limits.maximumEntries)
        } catch {
            add(Finding(.tooManyEntries, "the folder given holds more than \(limits.maximumEntries) names beside the bag"))
            return
        }
        for raw in names where raw != Array(bag.utf8) {
            if raw == Array(BundleExtractor.namesFile.utf8), FileStatus(in: outer, name: BundleExtractor.namesFile)?.kind == .regular {
                continue
            }
            let name = EntryNameRules.printable(String(decoding: raw, as: UTF8.self))
            // `unzip` of a ZIP Finder made puts its `__MACOSX/` beside the bag.
            if FinderMetadata.contains(name), let kind = FileStatus(in: outer, name: name)?.kind, kind == .regular || kind == .directory {
                add(FinderMetadata.finding([name]))
                continue
            }
            add(Finding(.outsideBundleFolder, entry: name, "beside the bag's folder \(bag)/ in the folder given; an extracted bundle holds nothing else"))
        }
    }

    /// Reads every file once through the hasher, the tag files first (kept, and their
    /// checks started on the second core), as `readEntries` does for a ZIP.
    private func readFolderFiles(_ found: [FolderFile], folder: BagFolder, total: UInt64) {
        presentEntries = Set(found.map(\.relative))
        let tags = found.filter { BundleLayout.tagFiles.contains($0.relative) }
        let payload = found.filter { !BundleLayout.tagFiles.contains($0.relative) }
        let hasher = PipelinedHasher()
        var done: UInt64 = 0
        var finished: [(relative: String, size: UInt64)] = []
        finished.reserveCapacity(found.count)
        for (position, file) in (tags + payload).enumerated() {
            if position == tags.count {
                preparation = TagFilePreparation(tagBytes: tagBytes, entryName: entryName, schemas: schemas, limits: limits)
            }
            let keep = position < tags.count
            guard let read = readFolderFile(file, folder: folder, keep: keep, hasher: hasher, done: &done, total: total) else { continue }
            finished.append((file.relative, read.size))
            if keep, let bytes = read.bytes { tagBytes[file.relative] = bytes }
        }
        if tags.count == found.count {
            preparation = TagFilePreparation(tagBytes: tagBytes, entryName: entryName, schemas: schemas, limits: limits)
        }
        for (file, digest) in zip(finished, hasher.collectDigests()) {
            files[file.relative] = PayloadFile(path: file.relative, size: file.size, sha256: digest)
        }
    }

    /// Reads one file: its digest, and its bytes when `keep`. It must still be the file
    /// that was found (the same device and inode, not a link) and hold the bytes it held.
    private func readFolderFile(_ file: FolderFile, folder: BagFolder, keep: Bool, hasher: PipelinedHasher,
                                done: inout UInt64, total: UInt64) -> (size: UInt64, bytes: [UInt8]?)? {
        let name = entryName(file.relative)
        var finished = false
        defer { if !finished { hasher.discard() } }
        if keep, file.status.size > UInt64(limits.maximumTagFileBytes) {
            add(Finding(.malformedXML, entry: name, "\(file.relative) holds \(file.status.size) bytes, more than the \(limits.maximumTagFileBytes) a tag file may have; not read"))
            return nil
        }
        let descriptor: FileDescriptor
        do { descriptor = try folder.openFile(file.relative) } catch {
            add(Finding(.unreadableEntry, entry: name, "cannot be opened (\(error.description))"))
            return nil
        }
        defer { try? descriptor.close() }
        guard let opened = FileStatus(descriptor: descriptor), opened.kind == .regular, opened.identity == file.status.identity else {
            add(Finding(.unreadableEntry, entry: name, "was replaced while the folder was checked"))
            return nil
        }
        var bytes: [UInt8]? = keep ? [] : nil
        bytes?.reserveCapacity(Int(file.status.size))
        var size: UInt64 = 0
        while true {
            let count: Int
            do { count = try descriptor.read(into: hasher.space()) } catch {
                add(Finding(.unreadableEntry, entry: name, "cannot be read (\(Errno(error).description))"))
                return nil
            }
            if count == 0 { break }
            let chunk = hasher.commit(count)
            size += UInt64(count)
            done += UInt64(count)
            progress?(done, total)
            guard size <= file.status.size else {
                add(Finding(.sizeMismatch, entry: name, "grew past its \(file.status.size) bytes while it was read; stopped reading"))
                return nil
            }
            if keep { bytes?.append(contentsOf: chunk) }
        }
        guard size == file.status.size else {
            add(Finding(.sizeMismatch, entry: name, "holds \(size) bytes, \(file.status.size) when the folder was listed: it changed while it was read"))
            return nil
        }
        finished = true
        hasher.finish()
        return (size, bytes)
    }
}

internal import Foundation

extension VerificationRun {
    /// The BagIt layer: declaration, both manifests, bag-info and its Payload-Oxum.
    func checkBagIt() {
        checkDeclaration()
        if let listed = checkManifestFile("manifest-sha256.txt", missing: .missingPayloadManifest) {
            for path in presentEntries(where: { $0.hasPrefix("data/") && !listed.contains($0) }) {
                add(Finding(.unlistedPayload, entry: entryName(path), "not listed in manifest-sha256.txt"))
            }
            for path in listed.filter({ !$0.hasPrefix("data/") }).sorted() {
                add(Finding(.malformedManifestLine, entry: entryName("manifest-sha256.txt"), "lists \(path), which is not payload (data/…)"))
            }
        }
        if let listed = checkManifestFile("tagmanifest-sha256.txt", missing: .missingTagManifest) {
            for path in presentEntries(where: { !$0.hasPrefix("data/") && $0 != "tagmanifest-sha256.txt" && !listed.contains($0) }) {
                add(Finding(.unlistedTagFile, entry: entryName(path), "not listed in tagmanifest-sha256.txt"))
            }
        }
        var payloadBytes: UInt64 = 0
        var payloadCount = 0
        for path in presentEntries where path.hasPrefix("data/") {
            payloadBytes += files[path]?.size ?? 0
            payloadCount += 1
        }
        checkBagInfo(payloadBytes: payloadBytes, payloadCount: payloadCount)
    }

    private func checkDeclaration() {
        guard let bytes = tagBytes["bagit.txt"] else {
            if !presentEntries.contains("bagit.txt") {
                add(Finding(.missingDeclaration, entry: entryName("bagit.txt"), "missing: this is not a BagIt bag"))
            }
            return
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count == 2, lines[0] == "BagIt-Version: 1.0", lines[1] == "Tag-File-Character-Encoding: UTF-8" else {
            add(Finding(.badDeclaration, entry: entryName("bagit.txt"), "not the BagIt 1.0 declaration (BagIt-Version: 1.0, Tag-File-Character-Encoding: UTF-8)"))
            return
        }
    }

    /// Checks every line of a manifest; returns the paths it lists, or `nil` when missing.
    private func checkManifestFile(_ name: String, missing: FindingCode) -> Set<String>? {
        guard let bytes = tagBytes[name] else {
            if !presentEntries.contains(name) { add(Finding(missing, entry: entryName(name), "missing")) }
            return nil
        }
        var listed = Set<String>()
        let lines = preparation?.manifest(name) ?? TagFileChecks.manifestLines(bytes, entry: entryName(name))
        for line in lines {
            switch line {
            case .malformed(let finding):
                add(finding)
            case .listing(let number, let path, let expected):
                listed.insert(path)
                if let file = files[path] {
                    if file.sha256 != expected {
                        add(Finding(.checksumMismatch, entry: entryName(path), "SHA-256 is \(file.sha256.hex), \(name) says \(expected.hex)"))
                    }
                } else if !presentEntries.contains(path) {
                    add(Finding(.listedFileMissing, entry: entryName(path), "listed in \(name) (line \(number)) but not in the archive"))
                }
            }
        }
        return listed
    }

    private func checkBagInfo(payloadBytes: UInt64, payloadCount: Int) {
        guard let bytes = tagBytes["bag-info.txt"] else {
            if !presentEntries.contains("bag-info.txt") { add(Finding(.badBagInfo, entry: entryName("bag-info.txt"), "missing")) }
            return
        }
        var fields: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), !(line.first?.isWhitespace ?? true) else { continue }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        if let oxum = fields["Payload-Oxum"] {
            if oxum != "\(payloadBytes).\(payloadCount)" {
                add(Finding(.payloadOxumMismatch, entry: entryName("bag-info.txt"), "Payload-Oxum is \(oxum), the payload is \(payloadBytes).\(payloadCount) (bytes.files)"))
            }
        } else {
            add(Finding(.badBagInfo, entry: entryName("bag-info.txt"), "has no Payload-Oxum"))
        }
        if let claimed = fields["Claim-Seal"] {
            if let seal = sealFromManifestBytes(), SHA256Digest(hex: claimed) != seal {
                add(Finding(.bagInfoSealMismatch, entry: entryName("bag-info.txt"), "Claim-Seal is \(claimed), but manifest.xml's SHA-256 is \(seal.hex)"))
            }
        } else {
            add(Finding(.badBagInfo, entry: entryName("bag-info.txt"), "has no Claim-Seal"))
        }
    }

    /// The SHA-256 of `manifest.xml`, when it was read.
    func sealFromManifestBytes() -> SHA256Digest? {
        files["manifest.xml"]?.sha256
    }
}

internal import Foundation

extension VerificationRun {
    /// The BagIt layer: declaration, both manifests, bag-info and its Payload-Oxum.
    func checkBagIt() {
        checkDeclaration()
        if let listed = checkManifestFile(BundleLayout.payloadManifest, missing: .missingPayloadManifest) {
            for path in presentEntries(where: { BundleLayout.isPayload($0) && !listed.contains($0) }) {
                add(Finding(.unlistedPayload, entry: entryName(path), "not listed in \(BundleLayout.payloadManifest)"))
            }
            for path in listed.filter({ !BundleLayout.isPayload($0) }).sorted() {
                add(Finding(.malformedManifestLine, entry: entryName(BundleLayout.payloadManifest), "lists \(path), which is not payload (\(BundleLayout.payloadFolder)…)"))
            }
        }
        if let listed = checkManifestFile(BundleLayout.tagManifest, missing: .missingTagManifest) {
            for path in presentEntries(where: { !BundleLayout.isPayload($0) && $0 != BundleLayout.tagManifest && !listed.contains($0) }) {
                add(Finding(.unlistedTagFile, entry: entryName(path), "not listed in \(BundleLayout.tagManifest)"))
            }
        }
        var payloadBytes: UInt64 = 0
        var payloadCount = 0
        for path in presentEntries where BundleLayout.isPayload(path) {
            payloadBytes += files[path]?.size ?? 0
            payloadCount += 1
        }
        checkBagInfo(payloadBytes: payloadBytes, payloadCount: payloadCount)
    }

    private func checkDeclaration() {
        let name = BundleLayout.declaration
        guard let bytes = tagBytes[name] else {
            if !presentEntries.contains(name) {
                add(Finding(.missingDeclaration, entry: entryName(name), "missing: this is not a BagIt bag"))
            }
            return
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        guard lines == BundleLayout.declarationLines else {
            add(Finding(.badDeclaration, entry: entryName(name), "not the BagIt 1.0 declaration (\(BundleLayout.declarationLines.joined(separator: ", ")))"))
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
                    add(Finding(.listedFileMissing, entry: entryName(path), "listed in \(name) (line \(number)) but not in the \(container)"))
                }
            }
        }
        return listed
    }

    private func checkBagInfo(payloadBytes: UInt64, payloadCount: Int) {
        let name = BundleLayout.bagInfo
        guard let bytes = tagBytes[name] else {
            if !presentEntries.contains(name) { add(Finding(.badBagInfo, entry: entryName(name), "missing")) }
            return
        }
        let oxumKey = BundleLayout.BagInfoKey.payloadOxum
        let sealKey = BundleLayout.BagInfoKey.claimSeal
        var fields: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), !(line.first?.isWhitespace ?? true) else { continue }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        let payload = BundleLayout.payloadOxum(bytes: payloadBytes, count: payloadCount)
        if let oxum = fields[oxumKey] {
            if oxum != payload {
                add(Finding(.payloadOxumMismatch, entry: entryName(name), "\(oxumKey) is \(oxum), the payload is \(payload) (bytes.files)"))
            }
        } else {
            add(Finding(.badBagInfo, entry: entryName(name), "has no \(oxumKey)"))
        }
        if let claimed = fields[sealKey] {
            if let seal = sealFromManifestBytes(), SHA256Digest(hex: claimed) != seal {
                add(Finding(.bagInfoSealMismatch, entry: entryName(name), "\(sealKey) is \(claimed), but \(BundleLayout.manifest)'s SHA-256 is \(seal.hex)"))
            }
        } else {
            add(Finding(.badBagInfo, entry: entryName(name), "has no \(sealKey)"))
        }
    }

    /// The SHA-256 of `manifest.xml`, when it was read.
    func sealFromManifestBytes() -> SHA256Digest? {
        files[BundleLayout.manifest]?.sha256
    }
}

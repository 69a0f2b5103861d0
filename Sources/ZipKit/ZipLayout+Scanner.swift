internal import Foundation

extension ZipLayout {
    /// The scan itself.
    struct Scanner {
        let reader: RandomAccessFile
        let maximumEntries: Int

        static let endSignature: UInt32 = 0x0605_4B50
        static let end64Signature: UInt32 = 0x0606_4B50
        static let end64LocatorSignature: UInt32 = 0x0706_4B50
        static let centralSignature: UInt32 = 0x0201_4B50
        static let localSignature: UInt32 = 0x0403_4B50
        static let descriptorSignature: UInt32 = 0x0807_4B50

        func scan() throws(ZipLayout.Failure) -> ZipLayout {
            let size = reader.size
            guard size > 0 else { throw .empty }
            guard size >= 22 else { throw .noEndRecord }
            // The end record is in the last 22 + 65535 bytes; take the last signature
            // whose comment fits in the file.
            let tailLength = Int(min(size, 22 + 65_535))
            guard let tail = reader.read(at: size - UInt64(tailLength), count: tailLength) else { throw .cannotRead(reason: "read error") }
            let view = ByteView(bytes: tail)
            var endAt: Int?
            var position = tailLength - 22
            while position >= 0 {
                if view.u32(position) == Scanner.endSignature, position + 22 + Int(view.u16(position + 20)) <= tailLength {
                    endAt = position
                    break
                }
                position -= 1
            }
            guard let endIndex = endAt else {
                if let start = reader.read(at: 0, count: 4), ByteView(bytes: start).u32(0) == Scanner.localSignature {
                    throw .truncated(reason: "it starts like a ZIP archive but has no end record: cut short")
                }
                throw .noEndRecord
            }
            let endOffset = size - UInt64(tailLength) + UInt64(endIndex)
            let commentLength = Int(view.u16(endIndex + 20))
            guard view.u16(endIndex + 4) == 0, view.u16(endIndex + 6) == 0 else { throw .multiDisk }
            var entriesOnDisk = UInt64(view.u16(endIndex + 8))
            var entryCount = UInt64(view.u16(endIndex + 10))
            var directorySize = UInt64(view.u32(endIndex + 12))
            var directoryOffset = UInt64(view.u32(endIndex + 16))
            var endOfEntriesRegion = endOffset
            if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
                guard endOffset >= 20, let locator = reader.read(at: endOffset - 20, count: 20),
                      ByteView(bytes: locator).u32(0) == Scanner.end64LocatorSignature else {
                    throw .truncated(reason: "the Zip64 end-record locator is missing")
                }
                let end64Offset = ByteView(bytes: locator).u64(8)
                guard let end64 = reader.read(at: end64Offset, count: 56), ByteView(bytes: end64).u32(0) == Scanner.end64Signature else {
                    throw .truncated(reason: "the Zip64 end record is missing")
                }
                let record = ByteView(bytes: end64)
                entriesOnDisk = record.u64(24)
                entryCount = record.u64(32)
                directorySize = record.u64(40)
                directoryOffset = record.u64(48)
                endOfEntriesRegion = end64Offset
            }
            guard entryCount <= UInt64(maximumEntries) else { throw .tooManyEntries(count: entryCount, limit: maximumEntries) }
            guard directoryOffset <= endOfEntriesRegion, directorySize <= endOfEntriesRegion - directoryOffset else {
                throw .truncated(reason: "the central directory lies outside the file")
            }
            guard directorySize <= 256 << 20, let directory = reader.read(at: directoryOffset, count: Int(directorySize)) else {
                throw .truncated(reason: "the central directory cannot be read")
            }
            var anomalies: [Anomaly] = []
            let (entries, parsedLength) = try readDirectory(directory, count: Int(entryCount), anomalies: &anomalies)
            let endRecord = EndRecord(entriesOnThisDisk: entriesOnDisk, entriesTotal: entryCount,
                                      declaredDirectorySize: directorySize, parsedDirectorySize: UInt64(parsedLength),
                                      isZip64: endOfEntriesRegion != endOffset)
            let directoryEnd = directoryOffset + directorySize
            if directoryEnd < endOfEntriesRegion {
                anomalies.append(.unaccountedBytes(offset: directoryEnd, bytes: endOfEntriesRegion - directoryEnd))
            }
            let trailing = size - (endOffset + 22 + UInt64(commentLength))
            anomalies += spanAnomalies(entries, directoryOffset: directoryOffset)
            if trailing > 0 { anomalies.append(.trailingData(bytes: trailing)) }
            return ZipLayout(fileSize: size, entries: entries, endRecord: endRecord, anomalies: anomalies, commentLength: commentLength)
        }

        private func readDirectory(_ directory: [UInt8], count: Int, anomalies: inout [Anomaly]) throws(ZipLayout.Failure) -> ([Entry], Int) {
            let view = ByteView(bytes: directory)
            var entries: [Entry] = []
            // Each record takes at least 46 bytes: no more can be in the directory, whatever
            // the end record declares. (Grown by doubling, the array would take up to twice.)
            entries.reserveCapacity(min(count, directory.count / 46))
            var position = 0
            for index in 0..<count {
                guard position + 46 <= directory.count, view.u32(position) == Scanner.centralSignature else {
                    throw .truncated(reason: "central-directory record \(index + 1) of \(count) is missing")
                }
                let nameLength = Int(view.u16(position + 28))
                let extraLength = Int(view.u16(position + 30))
                let commentLength = Int(view.u16(position + 32))
                let recordEnd = position + 46 + nameLength + extraLength + commentLength
                guard recordEnd <= directory.count else { throw .truncated(reason: "central-directory record \(index + 1) is cut short") }
                var compressed = UInt64(view.u32(position + 20))
                var uncompressed = UInt64(view.u32(position + 24))
                var offset = UInt64(view.u32(position + 42))
                // Zip64 extended information: present fields replace the 0xFFFFFFFF ones.
                var extraPosition = position + 46 + nameLength
                let extraEnd = extraPosition + extraLength
                while extraPosition + 4 <= extraEnd {
                    let tag = view.u16(extraPosition)
                    let length = Int(view.u16(extraPosition + 2))
                    let dataStart = extraPosition + 4
                    guard dataStart + length <= extraEnd else { break }
                    if tag == 0x0001 {
                        var field = dataStart
                        if uncompressed == 0xFFFF_FFFF, field + 8 <= dataStart + length { uncompressed = view.u64(field); field += 8 }
                        if compressed == 0xFFFF_FFFF, field + 8 <= dataStart + length { compressed = view.u64(field); field += 8 }
                        if offset == 0xFFFF_FFFF, field + 8 <= dataStart + length { offset = view.u64(field); field += 8 }
                    }
                    extraPosition = dataStart + length
                }
                let flags = view.u16(position + 8)
                let name = Array(directory[(position + 46)..<(position + 46 + nameLength)])
                let central = HeaderFields(
                    versionMadeBy: view.u16(position + 4), versionNeeded: view.u16(position + 6), flags: flags,
                    method: view.u16(position + 10), time: view.u16(position + 12), date: view.u16(position + 14),
                    crc: view.u32(position + 16), compressedSize32: view.u32(position + 20), uncompressedSize32: view.u32(position + 24),
                    extra: Array(directory[(position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)]),
                    commentLength: UInt16(commentLength), diskStart: view.u16(position + 34), internalAttributes: view.u16(position + 36))
                let (end, local) = localHeader(index: index, offset: offset, compressed: compressed, flags: flags, name: name, anomalies: &anomalies)
                entries.append(Entry(index: index, rawName: name, flags: flags, method: central.method,
                                     crc: central.crc, compressedSize: compressed, uncompressedSize: uncompressed,
                                     localHeaderOffset: offset, externalAttributes: view.u32(position + 38), end: end,
                                     central: central, local: local))
                position = recordEnd
            }
            return (entries, position)
        }

        /// The local header's fields, and where its data (and data descriptor) end.
        private func localHeader(index: Int, offset: UInt64, compressed: UInt64, flags: UInt16, name: [UInt8],
                                 anomalies: inout [Anomaly]) -> (UInt64?, HeaderFields?) {
            // One read for the fixed part, the name and a short extra field, the usual case.
            let available = offset <= reader.size ? reader.size - offset : 0
            let first = reader.read(at: offset, count: Int(min(UInt64(30 + name.count + 64), available)))
            guard let header = first, header.count >= 30, ByteView(bytes: header).u32(0) == Scanner.localSignature else {
                anomalies.append(.badLocalHeader(index: index, reason: "no local header at offset \(offset)"))
                return (nil, nil)
            }
            let view = ByteView(bytes: header)
            let nameLength = Int(view.u16(26))
            let extraLength = Int(view.u16(28))
            func bytes(at start: Int, count: Int) -> [UInt8]? {
                start + count <= header.count ? Array(header[start..<(start + count)]) : reader.read(at: offset + UInt64(start), count: count)
            }
            if let localName = bytes(at: 30, count: nameLength), localName != name {
                anomalies.append(.badLocalHeader(index: index, reason: "the local header names another file"))
            }
            let fields = HeaderFields(
                versionNeeded: view.u16(4), flags: view.u16(6), method: view.u16(8), time: view.u16(10), date: view.u16(12),
                crc: view.u32(14), compressedSize32: view.u32(18), uncompressedSize32: view.u32(22),
                extra: bytes(at: 30 + nameLength, count: extraLength) ?? [])
            var end = offset + 30 + UInt64(nameLength) + UInt64(extraLength) + compressed
            if flags & 0x0008 != 0 {
                // A data descriptor follows the data: 12 or 16 bytes, 20 or 24 with Zip64 sizes.
                let signed = reader.read(at: end, count: 4).map { ByteView(bytes: $0).u32(0) == Scanner.descriptorSignature } ?? false
                end += (signed ? 4 : 0) + 12
            }
            guard end <= reader.size else {
                anomalies.append(.badLocalHeader(index: index, reason: "the entry's data runs past the end of the file"))
                return (nil, fields)
            }
            return (end, fields)
        }

        /// Bytes before, between and inside two entries at once.
        private func spanAnomalies(_ entries: [Entry], directoryOffset: UInt64) -> [Anomaly] {
            var anomalies: [Anomaly] = []
            let spans = entries.compactMap { entry in entry.end.map { (entry.index, entry.localHeaderOffset, $0) } }
                .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
            let firstStart = spans.first?.1 ?? directoryOffset
            if firstStart > 0 { anomalies.append(.dataBeforeFirstEntry(bytes: firstStart)) }
            var reached = firstStart
            var reachedBy: Int?
            for (index, start, end) in spans {
                if start < reached, let previous = reachedBy {
                    anomalies.append(.overlap(first: min(previous, index), second: max(previous, index)))
                } else if start > reached {
                    anomalies.append(.unaccountedBytes(offset: reached, bytes: start - reached))
                }
                if end > reached { reached = end; reachedBy = index }
            }
            if spans.contains(where: { $0.2 > directoryOffset }), let last = reachedBy {
                anomalies.append(.overlap(first: last, second: -1))
            } else if reached < directoryOffset, !spans.isEmpty {
                anomalies.append(.unaccountedBytes(offset: reached, bytes: directoryOffset - reached))
            }
            return anomalies
        }
    }
}

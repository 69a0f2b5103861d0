internal import ZipKit

extension VerificationRun {
    /// Holds every header byte to the form `build` writes, so that no field can be
    /// altered unnoticed — also those no reader uses (versions, attributes, flags).
    func checkCanonicalForm(_ layout: ZipLayout) {
        if ZipCanonicalForm.endRecordDeviates(layout) {
            add(Finding(.nonCanonical, "the end-of-central-directory record is not as claimpack writes it (entry counts, directory size or comment)"))
        }
        let dates = Set(layout.entries.map(\.central.date))
        if dates.count > 1 {
            add(Finding(.nonCanonical, "the entries have \(dates.count) different dates; claimpack gives every entry the claim's date"))
        }
        // Entries with the same problems are reported together: a re-packed archive has
        // them all, and one finding says so better than hundreds.
        var byProblems: [[String]: [String]] = [:]
        var order: [[String]] = []
        for entry in layout.entries {
            let problems = ZipCanonicalForm.deviations(of: entry)
            guard !problems.isEmpty else { continue }
            if byProblems[problems] == nil { order.append(problems) }
            byProblems[problems, default: []].append(EntryNameRules.printable(String(decoding: entry.rawName, as: UTF8.self)))
        }
        for problems in order {
            let names = byProblems[problems] ?? []
            let what = "header fields altered or not as claimpack writes them: \(problems.joined(separator: ", "))"
            if names.count >= 3 {
                add(Finding(.nonCanonical, "\(names.count) entries (\(names.prefix(3).joined(separator: ", "))…): \(what); the archive was re-packed or edited"))
            } else {
                for name in names { add(Finding(.nonCanonical, entry: name, what)) }
            }
        }
    }
}

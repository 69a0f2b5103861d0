/// Checks a schema's `UniqueConstraint`s while a document is parsed, element by element,
/// with one set of the keys seen per constraint: linear, where libxml2's check is
/// quadratic.
struct UniqueKeyTracker {
    private let constraints: [UniqueConstraint]
    /// The path from the root of the elements each constraint selects.
    private let selectedPaths: [[UniqueConstraint.Name]]
    /// The names of the open elements, from the root.
    private var path: [UniqueConstraint.Name] = []
    private var seen: [Set<String>]

    init(_ constraints: [UniqueConstraint]) {
        self.constraints = constraints
        selectedPaths = constraints.map { [$0.owner] + $0.selector }
        seen = Array(repeating: [], count: constraints.count)
    }

    /// Whether there is nothing to check.
    var isEmpty: Bool { constraints.isEmpty }

    /// An element starts (at `line`); `attribute` gives its attributes without namespace by
    /// name. Returns the violations its keys make: a key seen before under the same root.
    mutating func open(_ name: UniqueConstraint.Name, line: Int, attribute: (String) -> String?) -> [XMLIssue] {
        path.append(name)
        var issues: [XMLIssue] = []
        for index in selectedPaths.indices where selectedPaths[index].count == path.count && selectedPaths[index] == path {
            guard let value = attribute(constraints[index].attribute) else { continue }
            if !seen[index].insert(value).inserted {
                issues.append(XMLIssue(line: line, message: constraints[index].duplicateMessage(element: name, value: value)))
            }
        }
        return issues
    }

    /// The innermost open element ends.
    mutating func close() {
        path.removeLast()
    }
}

/// A first-in, first-out queue that keeps its storage once emptied: what the two threads
/// of a `PayloadPipeline` hand each other, thousands of times a build.
struct HandOffQueue<Element> {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    mutating func append(_ item: Element) {
        items.append(item)
    }

    /// The oldest item; the queue must not be empty.
    mutating func removeFirst() -> Element {
        let item = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return item
    }
}

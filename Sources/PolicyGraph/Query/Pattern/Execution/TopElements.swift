/// The first `capacity` elements of a stream in a strict total order, without keeping the rest:
/// `ORDER BY ... LIMIT k` holds k rows however many the pattern matches.
///
/// A heap with the last kept element on top, so that a new element is compared with it once and
/// is dropped or replaces it in O(log capacity). Because the order is total (the engine breaks
/// ties by the order rows were produced in), the kept elements are exactly the first `capacity`
/// of a full sort.
struct TopElements<Element> {
    let capacity: Int
    /// Whether the first argument comes before the second; a strict total order.
    let precedes: (Element, Element) -> Bool
    private(set) var heap: [Element] = []

    init(capacity: Int, precedes: @escaping (Element, Element) -> Bool) {
        self.capacity = max(0, capacity)
        self.precedes = precedes
    }

    var count: Int { heap.count }

    /// Keeps `element` when it is among the first `capacity` seen so far.
    mutating func offer(_ element: Element) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(element)
            siftUp(heap.count - 1)
        } else if precedes(element, heap[0]) {
            heap[0] = element
            siftDown(0)
        }
    }

    /// The kept elements, first first.
    func sorted() -> [Element] { heap.sorted(by: precedes) }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard precedes(heap[parent], heap[i]) else { return }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let left = 2 * i + 1
            guard left < heap.count else { return }
            var last = left
            if left + 1 < heap.count, precedes(heap[left], heap[left + 1]) { last = left + 1 }
            guard precedes(heap[i], heap[last]) else { return }
            heap.swapAt(i, last)
            i = last
        }
    }
}

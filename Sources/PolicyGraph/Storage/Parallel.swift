import Dispatch

/// Two independent pieces of work run at once, for the few builds big enough to be worth a
/// second core (the two directions of the adjacency, the two halves of a large edge file).
enum Parallel {
    /// Runs `first` and `second` on two threads and returns both results.
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        let a = Slot<A>()
        let b = Slot<B>()
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = UncheckedPair(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { a.value = work.first() } else { b.value = work.second() }
                }
            }
        }
        // Both slots are filled once concurrentPerform returns; the fallbacks never run.
        return (a.value ?? first(), b.value ?? second())
    }

    /// A result written by one thread and read after the join.
    private final class Slot<T>: @unchecked Sendable {
        var value: T?
    }

    /// The two closures, handed to the worker threads; each is called on one thread only.
    private struct UncheckedPair<A, B>: @unchecked Sendable {
        let first: () -> A
        let second: () -> B
    }
}

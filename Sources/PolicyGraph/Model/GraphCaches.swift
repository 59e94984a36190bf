/// What a ``Graph`` lends or builds on demand (visited arrays for searches, kind-ordered text
/// columns, slot-ordered edge columns), held behind one reference: searches and queries copy
/// the `Graph` value, and each copy retains and releases every reference it holds, so three
/// references cost three times one. Not part of the graph's value.
final class GraphCaches: @unchecked Sendable {
    let scratch: SearchScratch
    let textViews = KindTextViews()
    let slotCodes = SlotCodeViews()

    init(nodeCount: Int) { scratch = SearchScratch(nodeCount: nodeCount) }
}

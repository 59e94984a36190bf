import Foundation

// libFuzzer harness (b): the query parser, binder, planner and evaluator on a small graph.
//
// The input is the query text. The graph is the pattern fixtures' graph, built in (the harness
// runs without the repository). The step and row budgets keep every run short: a query that
// needs more must stop with `workLimit` or the row limit, and one that runs longer than the
// fuzzer's timeout is a hang. (With the default million rows, `UNWIND range(1, 111) AS x UNWIND
// range(1, 1010) AS y RETURN x, y` built its 112,110 rows, legitimately, in 1.5 s of CPU under
// ASan and coverage, over 5 s of wall time on a busy machine; a million would take ten times that.)

private let fuzzGraph: Graph = {
    let nodes = """
        id,kind,label,label_zh,description,cite
        us,country,United States,美国,,
        cn,country,China,中国,,
        eu,organization,European Union,欧盟,,
        biden,official,Joe Biden,拜登,President,
        xi,official,Xi Jinping,习近平,,
        ai-risk,risk,AI risk,人工智能风险,"a ""quoted"" risk",
        nuclear,risk,Nuclear risk,,,
        bletchley,framework,Bletchley Declaration,布莱切利宣言,,
        us-del,delegation,US delegation,,,
        cn-del,delegation,CN delegation,,,
        ostp,agency,OSTP,,,
        mfa,agency,MFA,外交部,,
        """
    let edges = """
        from,relation,to,weight,date,cite
        biden,leads,us-del,1,2021-01-20,
        xi,leads,cn-del,1,,
        us,supports,bletchley,0.5,2023-11-01,
        cn,supports,bletchley,0.25,2023-11-01,
        eu,supports,bletchley,1,,
        us,opposes,nuclear,1,2024-05-14,
        cn,opposes,nuclear,,,
        us,concernedAbout,ai-risk,2,,
        cn,concernedAbout,ai-risk,,,
        us-del,memberOf,us,,,
        cn-del,memberOf,cn,,,
        ostp,memberOf,us,,,
        mfa,memberOf,cn,,,
        """
    do {
        return try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
    } catch {
        // A failure here would be a wrong built-in graph, not a fuzzing finding.
        fatalError("the harness's graph does not load: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? fuzzGraph.query(text, limits: QueryLimits(maxSteps: 20_000, maxRows: 20_000))
    _ = try? fuzzGraph.explainQuery(text)
    return 0
}

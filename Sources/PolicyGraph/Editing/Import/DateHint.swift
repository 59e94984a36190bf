/// Readings of dates written the way spreadsheets show them (`2/11/2023`, `13.11.2023`,
/// `2023/11/02`), for the message that refuses them: a sheet's dates must be YYYY, YYYY-MM or
/// YYYY-MM-DD, and a day/month date is guessed at by no one.
enum DateHint {
    /// What `text` may mean as YYYY-MM-DD (both readings when day and month could swap), or
    /// `nil` when it does not look like a date with three parts.
    static func hint(for text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func date(_ y: Int, _ m: Int, _ d: Int) -> String? {
            (1...12).contains(m) && (1...31).contains(d) ? "\(y)-\(pad(m))-\(pad(d))" : nil
        }
        let n = parts.compactMap { Int($0) }
        if parts[0].count == 4 {
            return date(n[0], n[1], n[2]).flatMap { $0 == text ? nil : "did you mean \($0)?" }
        }
        guard parts[2].count == 4 else { return nil }
        let dayFirst = date(n[2], n[1], n[0])
        let monthFirst = date(n[2], n[0], n[1])
        switch (dayFirst, monthFirst) {
        case let (a?, b?) where a != b: return "ambiguous: \(a) (day/month/year) or \(b) (month/day/year)"
        case let (a?, _): return "did you mean \(a)?"
        case let (nil, b?): return "did you mean \(b)?"
        case (nil, nil): return nil
        }
    }
}

/// Checks of the `date` column: ISO 8601 calendar dates at year, month or day precision.
package enum PolicyDate {
    /// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real day (leap years included).
    package static func isValid(_ text: String) -> Bool {
        let u = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        switch u.count {
        case 4:
            return number(0..<4) != nil
        case 7:
            guard u[4] == UInt8(ascii: "-"), number(0..<4) != nil, let m = number(5..<7) else { return false }
            return (1...12).contains(m)
        case 10:
            guard u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), let y = number(0..<4),
                let m = number(5..<7), let d = number(8..<10), (1...12).contains(m)
            else { return false }
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            return (1...days).contains(d)
        default:
            return false
        }
    }
}

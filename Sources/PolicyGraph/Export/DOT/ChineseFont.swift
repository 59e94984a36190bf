import Foundation

/// Picks a font that can show Chinese labels when rendering with `--lang zh` or `both`.
///
/// Graphviz asks fontconfig for the font named in the DOT; a font without CJK glyphs draws
/// Chinese as empty boxes. So `render` asks `fc-list :lang=zh family` which installed families
/// cover Chinese and takes, in order:
/// 1. the first of ``preferred`` that is installed ("Noto Sans CJK SC" first, from the Debian
///    and Ubuntu package `fonts-noto-cjk`);
/// 2. otherwise the first, alphabetically, of the families fc-list reports for Chinese;
/// 3. otherwise (no such font, or no `fc-list`) "Noto Sans CJK SC" all the same, with a warning
///    saying how to install it.
package enum ChineseFont {
    /// Families known to draw Simplified Chinese well, best first (Linux, then macOS, then Windows).
    package static let preferred = [
        "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
        "Droid Sans Fallback", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "Microsoft YaHei", "SimHei",
    ]

    /// The font to use, given the output of `fc-list :lang=zh family` (one font a line, its
    /// family names separated by commas); `nil` when the list names no family.
    package static func choose(fromFontList list: String) -> String? {
        var families: Set<String> = []
        for line in list.split(whereSeparator: \.isNewline) {
            for name in line.split(separator: ",") {
                let family = name.trimmingCharacters(in: .whitespaces)
                if !family.isEmpty { families.insert(family) }
            }
        }
        return preferred.first { families.contains($0) } ?? families.min()
    }

    /// The outcome of looking for a Chinese font on this machine.
    package struct Choice: Sendable, Equatable {
        package let fontName: String
        /// Why the choice may not show Chinese; `nil` when an installed font covers it.
        package let warning: String?
    }

    /// Asks fontconfig (`fc-list`, found on `runner`'s search path) for an installed Chinese font.
    package static func installed(runner: GraphvizRunner = GraphvizRunner()) -> Choice {
        let missing = Choice(fontName: DOTOptions.chineseFont,
                             warning: "no installed font covers Chinese (fc-list :lang=zh); Chinese labels may show as boxes; install one with 'apt-get install fonts-noto-cjk' (Debian/Ubuntu) or 'brew install --cask font-noto-sans-cjk-sc' (macOS)")
        guard let fcList = runner.executable(named: "fc-list"),
            let result = try? Subprocess.run(fcList, [":lang=zh", "family"], name: "fc-list"), result.status == 0,
            let font = choose(fromFontList: result.stdout)
        else { return missing }
        return Choice(fontName: font, warning: nil)
    }
}

#!/usr/bin/env python3
"""Writes Fixtures/html/adversarial/: ids, labels and cites that try to break out of the HTML
map's markup, its JSON and its script (and a 100 KB label). Rerun after editing."""
import os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "adversarial")
os.makedirs(here, exist_ok=True)

def field(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s

def write(name, rows):
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as f:
        for r in rows:
            f.write(",".join(field(c) for c in r) + "\n")

long_label = ("A hundred-kilobyte label, " * 4000)[:100_000]
nodes = [
    ["id", "kind", "label", "label_zh", "description", "cite"],
    ["<script>alert(1)</script>", "person", "</script><script>window.__pwned = 1</script>", "</SCRIPT ><script>window.__pwned = 11</script>", "<!-- comment --> ]]> <![CDATA[ x", "§1: <b>bold</b>"],
    ["quote\"'", "country", "He said \"hi\" & 'bye'", "他说“你好”", "\" onmouseover=\"window.__pwned = 2", ""],
    ["amp&amp;", "organization", "AT&T &amp; &lt;b&gt; &#65; &nbsp;", "", "entities stay literal", ""],
    ["back\\slash", "agency", "C:\\path\\to\\ \\u2028 \\\\ \\n", "", "backslashes \\\" \\' \\</script>", ""],
    ["rtl", "person", "\u202eevil\u202c مرحبا بالعالم \u200f שלום", "", "right to left", ""],
    ["emoji-🚀", "topic", "👩‍💻 🇨🇳🇺🇸 ✨ 🤖", "机器人 🤖", "", ""],
    ["img", "topic", "<img src=x onerror=\"window.__pwned = 3\">", "<svg onload=\"window.__pwned = 4\">", "", ""],
    ["a#b&node=c", "topic", "Hash & equals in the id", "", "", ""],
    ["newline", "framework", "line one\nline two", "第一行\n第二行", "", ""],
    ["separators", "person", "line\u2028separator and\u2029paragraph", "", "", ""],
    ["long", "framework", long_label, "", "", ""],
]
edges = [
    ["from", "relation", "to", "date", "cite"],
    ["<script>alert(1)</script>", "supports", "long", "2024-05-14", "</script><script>window.__pwned = 5</script>"],
    ["quote\"'", "opposes", "img", "2024-05", "cite with \"quotes\" & <tags>"],
    ["rtl", "commentsOn", "emoji-🚀", "", "\u202emirrored\u202c cite"],
    ["amp&amp;", "supports", "a#b&node=c", "2024", "&amp; &lt;"],
    ["back\\slash", "opposes", "newline", "", "C:\\ \\u003c/script\\u003e"],
    ["separators", "commentsOn", "long", "", "a\u2028b"],
    ["quote\"'", "supports", "long", "2024-05-14", "support"],
    ["<script>alert(1)</script>", "opposes", "img", "", "oppose"],
]
write("nodes.csv", nodes)
write("edges.csv", edges)

#!/usr/bin/env python3
"""Writes Fixtures/interchange/adversarial/: a small graph whose ids, labels and cells hold every
character that breaks some export format. Rerun after editing; the files are canonical CSV."""
import json, os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "adversarial")

def field(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s

def write(name, rows):
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as f:
        for r in rows:
            f.write(",".join(field(c) for c in r) + "\n")

long_label = "A very long label " + "that goes on and on, " * 28 + "end."
nodes = [
    ["id", "kind", "label", "label_zh", "description", "score", "odd column", "x:y"],
    ['quote"id', "country", 'Say "hi" \'there\'', "查布拉", 'He said: "no", then left', "0.5", "", ""],
    ["back\\slash", "country", "C:\\path\\n (literal backslash-n)", "", "trailing backslash \\", "1e3", "", ""],
    ["newline", "framework", "line one\nline two", "", "crlf\r\ninside and lone cr\rhere", "", "", ""],
    ["match", "match", "MATCH (n) RETURN n; DROP TABLE x", "", "a keyword kind", "-2", "", ""],
    ["123start", "risk", "1st <b>bold</b> & {braces} | pipe [brackets] (parens)", "", "", "0x10", "", ""],
    ["%%{init}", "person", '%%{init: {"theme":"dark"}}%%', "", "%% not a comment", "", "", ""],
    ["# hash", "organization", "#quot; is not a quote; #35; either", "", "// slashes /* star */ -- dashes", "", "", ""],
    ["中国", "country", "China", "中国", "", "", "", ""],
    ["emoji-🚀", "technology", "Rocket 🚀 👩‍💻 family 👨‍👩‍👧", "火箭", "", "", "", ""],
    ["rtl", "topic", "مرحبا بالعالم \u202eoverride\u202c שלום", "", "", "", "", ""],
    ["long", "topic", long_label, "", "", "", "", ""],
    ["empty-label", "topic", "", "", "", "", "", ""],
    ["ctrl", "person", "bell\u0007 tab\there esc\u001b[31m del\u007f", "", "nonchars \ufffe \uffff sep\u2028para\u2029", "", "", ""],
    ["Country-twin", "Country", "Country case twin", "", "", "", "", ""],
    ["zu", "组织", "组织 node", "组织", "", "", "", ""],
    ["end", "event", "end", "", "", "", "", ""],
    ["us_delegation", "delegation", "US delegation (underscore)", "", "", "", "", ""],
    ["us-delegation", "delegation", "US delegation (hyphen)", "", "", "", "", ""],
    ["<script>", "person", "<script>alert('x')</script>", "", "", "", "", ""],
    ["'single'", "person", "`code` and ``double``", "", "", "", "", ""],
    [" padded ", "organization", "  padded label  ", "", "", "", "", ""],
    ["tab\there", "topic", "tab\tin id", "", "", "", "", ""],
    ["percent%20", "topic", "100% sure", "", "", "", "{\"json\": true}", "colon column"],
]
edges = [
    ["from", "relation", "to", "weight", "date", "cite", "note"],
    ['quote"id', "supports", "newline", "0.5", "2024-05-14", '§01 ¶2: "quoted", comma', ""],
    ['quote"id', "supports", "newline", "0.5", "2024-05-14", '§01 ¶2: "quoted", comma', ""],
    ["match", "return", 'quote"id', "", "", "", "keyword relation"],
    ["match", "return", "Country-twin", "", "", "", ""],
    ["match", "return", "zu", "", "", "", ""],
    ["zu", "has-part", "match", "2", "", "", ""],
    ["match", "supports", "newline", "", "2024", "cite with\nnewline", ""],
    ["back\\slash", "opposes", "123start", "1", "2024-05", "", "back\\slash"],
    ["中国", "concernedAbout", "emoji-🚀", "", "", "🚀", ""],
    ["<script>", "commentsOn", "rtl", "", "", "<&>", ""],
    ["'single'", "concernedAbout", "long", "", "", "", ""],
    ["us_delegation", "participatesIn", "end", "", "", "", ""],
    ["us-delegation", "participatesIn", "end", "", "", "", ""],
    ["%%{init}", "concernedAbout", "empty-label", "", "", "", ""],
    ["ctrl", "concernedAbout", "tab\there", "", "", "bell\u0007", ""],
    [" padded ", "supports", "newline", "0.25", "", "", ""],
    ["# hash", "memberOf", " padded ", "", "", "", ""],
    ["中国", "supports", "percent%20", "", "", "", ""],
]
schema = {
    "kinds": {
        "match": {"description": "A kind named like a \"keyword\" <&>", "actor": True},
        "Country": {"description": "The case twin of country"},
        "组织": {"description": "A kind with a Chinese name", "actor": True},
    },
    "relations": {
        "return": {"description": "A keyword relation", "endpoints": [{"from": ["match"], "to": ["country", "Country", "组织"]}]},
        "has-part": {"endpoints": [{"from": ["组织"], "to": ["match"]}]},
        "supports": {"endpoints": [{"from": ["match"], "to": ["framework"]}]},
    },
    "numeric": ["score"],
}
os.makedirs(here, exist_ok=True)
write("nodes.csv", nodes)
write("edges.csv", edges)
with open(os.path.join(here, "schema.json"), "w", encoding="utf-8") as f:
    json.dump(schema, f, ensure_ascii=False, indent=2)
    f.write("\n")

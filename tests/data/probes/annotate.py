#!/usr/bin/env python3
"""Turn hand annotations (*.ann) into gold files in the scorer's format, with code point
offsets computed from the texts, so that the annotations stay readable.

An annotation file has one figure per line, fields separated by " | ":
    file | text as written[#n] | value | unit | year | kind | tier
`#n` picks the n-th occurrence (from 1) of the text in the file; year is `-`, `2014`,
`2010-2013`, `2011-` (since) or `-2020`; tier is core, extended or context. Lines starting
with `#` are comments. Context lines go to <name>.context.jsonl (the extractor keeps them
with tier "context", which the scorer leaves out), the others to <name>.gold.jsonl.

Run: python3 tests/data/probes/annotate.py tests/data/probes/en.ann
"""
import json
import os
import sys


def year(s):
    s = s.strip()
    if s == "-":
        return None
    if "-" in s:
        a, b = s.split("-", 1)
        return [int(a) if a else None, int(b) if b else None]
    return int(s)


def main(path):
    folder = os.path.join(os.path.dirname(path), os.path.splitext(os.path.basename(path))[0])
    gold, context = [], []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split(" | ")]
        if len(f) != 7:
            sys.exit(f"{path}:{n}: expected 7 fields, got {len(f)}")
        file, surface, value, unit, yr, kind, tier = f
        nth = 1
        if "#" in surface:
            surface, k = surface.rsplit("#", 1)
            nth = int(k)
        text = open(os.path.join(folder, file), encoding="utf-8-sig").read()
        at = -1
        for _ in range(nth):
            at = text.find(surface, at + 1)
            if at < 0:
                sys.exit(f"{path}:{n}: {surface!r} (#{nth}) not in {file}")
        rec = {"file": file, "start": at, "end": at + len(surface), "text": surface,
               "value": float(eval(value, {}, {})), "unit": unit if unit != "-" else "",
               "year": year(yr), "kind": kind, "tier": tier}
        (context if tier == "context" else gold).append(rec)
    base = os.path.splitext(path)[0]
    with open(base + ".gold.jsonl", "w", encoding="utf-8") as out:
        for r in gold:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(base + ".context.jsonl", "w", encoding="utf-8") as out:
        for r in context:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(gold)} figures, {len(context)} context counts")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)

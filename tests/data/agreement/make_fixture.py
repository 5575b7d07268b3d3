#!/usr/bin/env python3
"""Make `seeds-three-coders.dossier.json`: three coders' passages on the five seed articles.

Coder 1 (analyst) has the 32 passages of ../../../../shared/refi/qualcoder-sample/dossier-project.json
(copied here as the list ANALYST below, so this script needs only the seeds). Coders 2 (bob)
and 3 (carol) are derived from them by fixed rules: some passages left out, boundaries moved,
themes swapped or added, and a few passages of their own, so every kind of disagreement occurs.
Run from this folder: python3 make_fixture.py (deterministic; no randomness).
"""
import hashlib
import json
import os

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "seeds")
A = ["000_8ac47412c0faaaf5.txt", "001_a0559c53da0811ca.txt", "002_262df7cc6b36776a.txt",
     "003_eaa2cb2b0ffc7ced.txt", "004_4e1d6365705cc31f.txt"]
# (article index, start, end, themes) of the analyst's 32 passages.
ANALYST = [
    (0, 10, 82, [1]), (0, 184, 253, [10]), (0, 224, 361, [1, 11]), (0, 627, 788, [2, 12]),
    (0, 732, 773, [5]), (0, 1400, 1540, [10, 12]), (0, 1559, 1659, [5]), (0, 1920, 2018, [10]),
    (1, 480, 581, [1, 3]), (1, 982, 1107, [8]), (1, 1634, 1973, [5]), (1, 1833, 1972, [6, 11]),
    (1, 2029, 2079, [6, 12]), (2, 0, 81, [10]), (2, 112, 297, [7, 11]), (2, 400, 476, [7]),
    (2, 584, 660, [10]), (2, 1761, 1901, [7, 12]), (3, 0, 42, [10]), (3, 320, 379, [3]),
    (3, 862, 940, [4]), (3, 2391, 2536, [4, 5]), (3, 3178, 3247, [6, 12]), (3, 8125, 8159, [8]),
    (4, 0, 66, [7]), (4, 439, 535, [10]), (4, 683, 796, [7, 12]), (4, 1404, 1443, [10]),
    (4, 2580, 2616, [10]), (4, 3272, 3364, [9]), (4, 7836, 7935, [8, 9]), (4, 9140, 9167, [12]),
]
THEMES = [
    (1, "Counternarcotics training", "#4e79a7", None), (2, "Police training courses", "#76b7b2", 1),
    (3, "Nicaragua training centre", "#17becf", 2), (4, "Arms sales", "#e15759", None),
    (5, "Geopolitical influence", "#f28e2b", None), (6, "Rivalry with the US", "#edc948", 5),
    (7, "Bilateral agreements", "#59a14f", None), (8, "Trafficking routes", "#b07aa1", None),
    (9, "Coca eradication", "#9c755f", None), (10, "Diplomatic visits", "#ff9da7", None),
    (11, "Cooperación regional", "#bab0ac", None), (12, "Quotes from officials", "#8cd17d", None),
]


def text(i):
    with open(os.path.join(SEEDS, A[i]), encoding="utf-8") as f:
        return f.read()


def bob(i, p):
    a, s, e, t = p
    if i % 6 == 5:
        return []                                   # left out
    if i % 4 == 1:
        s, e = s + 3, e - 5                         # tighter boundaries
    if i % 5 == 2:
        t = [x % 12 + 1 for x in t]                 # a neighbouring theme instead
    if i % 7 == 3:
        t = sorted(set(t + [5]))                    # one more theme
    return [(a, s, e, t)]


def carol(i, p):
    a, s, e, t = p
    if i % 5 == 4:
        return []
    if i % 3 == 0:
        s, e = max(0, s - 7), e + 4                 # wider boundaries
    if i % 8 == 6:
        mid = (s + e) // 2
        return [(a, s, mid, t), (a, mid, e, t)]    # split in two touching passages
    if i % 9 == 1:
        t = t[:1]
    return [(a, s, e, t)]


EXTRA = {2: [(0, 900, 980, [4]), (2, 2000, 2100, [7]), (4, 5000, 5060, [1])],
         3: [(1, 100, 160, [8]), (3, 5000, 5100, [5, 6]), (4, 7836, 7935, [9])]}


def passage(pid, coder, a, s, e, themes, t):
    day = 1 + pid % 27
    return {
        "article": A[a], "coder": coder, "id": pid, "start": s, "end": e,
        "quote": t[s:e], "prefix": t[max(0, s - 32):s], "suffix": t[e:e + 32],
        "themes": sorted(set(themes)), "note": "",
        "created": f"2026-11-{day:02d}T10:00:00Z", "modified": f"2026-11-{day:02d}T10:00:00Z",
    }


def main():
    texts = [text(i) for i in range(5)]
    rows = []
    for i, p in enumerate(ANALYST):
        rows.append((1, p))
        rows += [(2, q) for q in bob(i, p)]
        rows += [(3, q) for q in carol(i, p)]
    for coder, extra in EXTRA.items():
        rows += [(coder, q) for q in extra]
    passages = []
    for n, (coder, (a, s, e, t)) in enumerate(rows, start=1):
        p = passage(n, coder, a, s, e, t, texts[a])
        if coder == 1:
            del p["coder"]                          # the first coder is not written
        passages.append(p)
    project = {
        "format": "dossier-project", "version": 3,
        "corpus": {"folder": "../../../seeds", "articles": [
            {"path": A[i], "chars": len(texts[i]),
             "sha256": hashlib.sha256(texts[i].encode("utf-8")).hexdigest()} for i in range(5)]},
        "themes": [{"id": i, "name": n, "color": c, "description": "", "parent": p}
                   for i, n, c, p in THEMES],
        "passages": passages, "figures": [], "series": [], "rules": [],
        "coders": [{"id": 1, "name": "analyst"}, {"id": 2, "name": "bob"}, {"id": 3, "name": "carol"}],
    }
    with open("seeds-three-coders.dossier.json", "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference numbers for tests/agreement.rs, computed once by independent implementations.

- Krippendorff's nominal alpha: the `krippendorff` package (0.9.0), from per-code-point
  reliability data (one 0/1 value per coder and code point, materialised here on purpose).
- Cohen's kappa: scikit-learn's `cohen_kappa_score` (1.9.1).
- Fleiss' kappa: statsmodels' `fleiss_kappa` (0.15.0) on `aggregate_raters`.
- Percent agreement: share of agreeing coder pairs per code point, averaged (numpy).
- Unitizing alpha: DKPro Statistics' KrippendorffAlphaUnitizingAgreement (what INCEpTION uses),
  through UnitizingReference.java (see README.md for building it).

Inputs: seeds-three-coders.dossier.json (from make_fixture.py) and the seeds it points at, plus
the published examples listed in PUBLISHED. Output: reference.json. Run from this folder:
    DKPRO_CP=/path/to/classes python3 reference.py
"""
import itertools
import json
import os
import subprocess

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

HERE = os.path.dirname(os.path.abspath(__file__))
CP = os.environ.get("DKPRO_CP", "/tmp/dkout") + ":" + HERE + "/classes"


def alpha_u(length, raters, units):
    """units: (begin, length, rater, category); returns ({category: alpha}, overall)."""
    lines = [f"{length} {raters}"] + [f"{b} {l} {r} {c}" for b, l, r, c in units]
    out = subprocess.run(["java", "-cp", CP, "UnitizingReference"], input="\n".join(lines),
                         capture_output=True, text=True, check=True).stdout
    per, overall = {}, None
    for line in out.splitlines():
        f = line.split()
        if f[0] == "overall":
            overall = float(f[1])
        else:
            per[f[0]] = float(f[3])
    return per, overall


def coefficients(vectors):
    """vectors: one 0/1 numpy array per coder over the same code points."""
    m = len(vectors)
    data = np.vstack(vectors)
    ones = data.sum(axis=0)
    agree = (ones * (ones - 1) + (m - ones) * (m - ones - 1)) / (m * (m - 1))
    out = {"percent": float(agree.mean())}
    varied = 0 < data.sum() < data.size
    out["alpha"] = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")) if varied else None
    out["fleiss_kappa"] = float(fleiss_kappa(aggregate_raters(data.T)[0])) if varied else None
    if m == 2:
        out["cohen_kappa"] = float(cohen_kappa_score(data[0], data[1])) if varied else None
    return out


def runs(intervals):
    """Join overlapping (start, end) ranges; touching ranges stay apart."""
    out = []
    for s, e in sorted(intervals):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def project_references(path):
    with open(path, encoding="utf-8") as f:
        project = json.load(f)
    seeds = os.path.join(HERE, project["corpus"]["folder"])
    lengths = {}
    for r in project["corpus"]["articles"]:
        with open(os.path.join(seeds, r["path"]), encoding="utf-8") as f:
            lengths[r["path"]] = len(f.read())
    names = {c["id"]: c["name"] for c in project["coders"]}
    passages = project["passages"]
    results = []
    for size in (2, 3):
        for coders in itertools.combinations(sorted(names), size):
            has = {a: {p.get("coder", 1) for p in passages if p["article"] == a} for a in lengths}
            articles = sorted(a for a in lengths if all(c in has[a] for c in coders))
            base, total = {}, 0
            for a in articles:
                base[a] = total
                total += lengths[a]
            themes = sorted({t for p in passages if p.get("coder", 1) in coders
                             and p["article"] in base for t in p["themes"]})
            rows, pooled, units = {}, [[] for _ in coders], []
            for t in themes:
                vectors = []
                for i, c in enumerate(coders):
                    v = np.zeros(total, dtype=int)
                    spans = [(base[p["article"]] + p["start"],
                              base[p["article"]] + min(p["end"], lengths[p["article"]]))
                             for p in passages if p.get("coder", 1) == c
                             and p["article"] in base and t in p["themes"]]
                    for s, e in runs(spans):
                        v[s:e] = 1
                        units.append((s, e - s, i, f"t{t}"))
                    vectors.append(v)
                    pooled[i].append(v)
                rows[str(t)] = coefficients(vectors)
            per_u, overall_u = alpha_u(total, len(coders), units)
            for t in themes:
                rows[str(t)]["alpha_u"] = per_u.get(f"t{t}")
            overall = coefficients([np.concatenate(v) for v in pooled])
            overall["alpha_u"] = overall_u
            results.append({"coders": [names[c] for c in coders], "articles": articles,
                            "themes": rows, "overall": overall})
    return results


PUBLISHED = {
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four
    # observers, nominal values 1-5, missing values as None. Published alpha = 0.743.
    "krippendorff_2011_c": [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ],
    # Same paper, example A: binary data, two observers, no missing values. Published 0.095.
    "krippendorff_2011_a": [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ],
    # Krippendorff (1995: 57), example A digitised per character (Bertha, Bill). Published:
    # Cohen's kappa 0.385, alpha 0.329.
    "krippendorff_1995_a": [
        [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    ],
}

# Fleiss (1971: 379): 30 patients, 6 psychiatrists, 5 diagnoses. Published kappa = 0.430.
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]

# Krippendorff (2004: 254): two coders, categories c and k on the continuum 150..450.
KRIPPENDORFF_2004_UNITS = [
    (225, 70, 0, "c"), (370, 30, 0, "c"), (220, 80, 1, "c"), (355, 20, 1, "c"),
    (400, 20, 1, "c"), (180, 60, 0, "k"), (300, 50, 0, "k"), (180, 60, 1, "k"),
    (300, 50, 1, "k"),
]


def published():
    out = {}
    for name, data in PUBLISHED.items():
        arr = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
        out[name] = {"alpha": float(krippendorff.alpha(reliability_data=arr,
                                                       level_of_measurement="nominal"))}
        if len(data) == 2 and None not in data[0] + data[1]:
            out[name]["cohen_kappa"] = float(cohen_kappa_score(data[0], data[1]))
    table = aggregate_raters(np.array(FLEISS_1971))[0]
    r = table.sum(axis=1)[0]
    out["fleiss_1971"] = {
        "fleiss_kappa": float(fleiss_kappa(table)),
        # Mean share of agreeing rater pairs per subject (Fleiss's P-bar; published 0.5556).
        "percent": float(((table * (table - 1)).sum(axis=1) / (r * (r - 1))).mean()),
    }
    per, overall = alpha_u(300, 2, [(b - 150, l, r, c) for b, l, r, c in KRIPPENDORFF_2004_UNITS])
    out["krippendorff_2004_u"] = {"alpha_u_c": per["c"], "alpha_u_k": per["k"], "alpha_u": overall}
    return out


def main():
    os.makedirs(os.path.join(HERE, "classes"), exist_ok=True)
    subprocess.run(["javac", "-cp", CP, "-d", os.path.join(HERE, "classes"),
                    os.path.join(HERE, "UnitizingReference.java")], check=True)
    reference = {"published": published(),
                 "project": project_references(os.path.join(HERE, "seeds-three-coders.dossier.json"))}
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(reference, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

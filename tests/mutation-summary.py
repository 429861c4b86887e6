"""Mutation scores per folder of src/LambdaKit from a Stryker.NET JSON report (mutation-testing-report-schema).

Usage: python3 tests/mutation-summary.py REPORT.json FOLDER... (for example Runtime Batching Routing).
Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it; ignored mutants and
compile errors are not counted. With --survivors, lists each surviving or uncovered mutant (file:line, mutator, replacement).
"""
import json
import sys

args = [a for a in sys.argv[1:] if a != "--survivors"]
survivors = "--survivors" in sys.argv
with open(args[0], encoding="utf-8") as f:
    report = json.load(f)
folders = args[1:]

print("| folder | killed | timeout | survived | no coverage | score |")
print("| --- | --- | --- | --- | --- | --- |")
for folder in folders:
    marker = f"/src/LambdaKit/{folder}/"
    counts = {}
    listed = []
    for path, file in sorted(report["files"].items()):
        if marker not in path.replace("\\", "/"):
            continue
        for m in file["mutants"]:
            counts[m["status"]] = counts.get(m["status"], 0) + 1
            if m["status"] in ("Survived", "NoCoverage"):
                short = path.replace("\\", "/").split("/src/LambdaKit/")[-1]
                line = m["location"]["start"]["line"]
                listed.append(f"  {m['status']:10} {short}:{line} {m['mutatorName']}: {m.get('replacement', '')[:100]!r}")
    k, t, s, n = (counts.get(x, 0) for x in ("Killed", "Timeout", "Survived", "NoCoverage"))
    valid = k + t + s + n
    score = 100.0 * (k + t) / valid if valid else 0.0
    print(f"| {folder}/ | {k} | {t} | {s} | {n} | {score:.1f}% |")
    if survivors:
        print("\n".join(listed), file=sys.stderr)

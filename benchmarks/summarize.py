#!/usr/bin/env python3
"""Prints the figures table of benchmarks/README.md from the committed reports, so that the README quotes them exactly.

    python3 benchmarks/summarize.py [results-dir]
"""
import re
import sys
from pathlib import Path

results = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "LambdaKit.Benchmarks" / "results")
MODES = ["framework-dependent", "self-contained-r2r", "self-contained-r2r-net8", "native-aot"]


def table(path):
    """Rows of the first markdown table in a report, as dicts by header name."""
    if not path.exists():
        return []
    rows, header = [], None
    for line in path.read_text().splitlines():
        if not line.startswith("|"):
            if header and rows:
                break
            continue
        cells = [c.strip().replace("**", "").strip("'").replace("&#39;", "") for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
        elif set(line.replace("|", "").strip()) <= set("-: "):
            continue
        elif any(cells):
            rows.append(dict(zip(header, cells)))
    return rows


def number(text):
    match = re.search(r"-?[\d,]*\.?\d+", text or "")
    return float(match.group(0).replace(",", "")) if match else float("nan")


def verdict(value, target):
    return "met" if value <= target else "not met"


out = []
cold = table(results / "LambdaKit.Benchmarks.ColdStartBenchmarks-report-github.md")
if cold:
    out.append("| cold start, spawn → first answer (median) | CPU | HelloWorld | floor | empty app | HelloWorld / floor | HelloWorld / empty app | target ≤ 1.8 × floor |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for share in ["machine", "0.29"]:
        for mode in MODES:
            rows = {r["Method"]: r for r in cold if r.get("Categories") == mode and r.get("CpuShare") == share}
            if "HelloWorld" not in rows:
                continue
            hello, floor, empty = rows["HelloWorld"], rows.get("floor", {}), rows.get("empty app", {})
            ratio = number(hello["median / floor"])
            out.append(f"| {mode} | {'whole machine' if share == 'machine' else '0.29 core (cgroup quota)'} | {hello['Median']} | {floor.get('Median', '—')} | {empty.get('Median', '—')} | {hello['median / floor']} | {hello['median / empty app']} | {verdict(ratio, 1.8)} |")
    out.append("")

warm = table(results / "LambdaKit.Benchmarks.WarmInvocations-report-github.md")
if warm:
    out.append("| warm, 10,000 sequential invocations (median of rounds) | HelloWorld CPU/inv | floor CPU/inv | ratio (target ≤ 2) | HelloWorld peak RSS | floor peak RSS | ratio (target ≤ 1.15) | throughput HelloWorld / floor (inv/s) |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for mode in MODES:
        rows = {r["app"]: r for r in warm if r["mode"] == mode}
        if "hello" not in rows or "floor" not in rows:
            continue
        h, f = rows["hello"], rows["floor"]
        cpu_ratio, rss_ratio = number(h["CPU / floor"]), number(h["RSS / floor"])
        out.append(f"| {mode} | {h['CPU per invocation']} | {f['CPU per invocation']} | {h['CPU / floor']} ({verdict(cpu_ratio, 2)}) | {h['peak RSS (MiB)']} MiB | {f['peak RSS (MiB)']} MiB | {h['RSS / floor']} ({verdict(rss_ratio, 1.15)}) | {h['throughput (inv/s)']} / {f['throughput (inv/s)']} |")
    out.append("")

pipeline = table(results / "LambdaKit.Benchmarks.PipelineBenchmarks-report-github.md")
if pipeline:
    out.append("| in process, per invocation | median | allocated |")
    out.append("| --- | ---: | ---: |")
    for row in pipeline:
        out.append(f"| {row['Method']} | {row.get('Median', '—')} | {row.get('Allocated', '—')} |")
    out.append("")

print("\n".join(out))

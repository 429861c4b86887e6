# CPU per start-up step from `perf record -g` call stacks (Native AOT: frame pointers, symbols from bootstrap.dbg).
#   perf record -g -F 15000 -o probe.data -- python3 benchmarks/startup-marks/marks.py 20 artifacts/coldstart/probe/native-aot/bootstrap
#   perf script -i probe.data --comm bootstrap -F ip,sym > probe.txt
#   python3 benchmarks/startup-marks/stacks.py probe.txt 20 15000 MakeGenericType RehydrateData InitializeAsync
# For each symbol fragment: CPU milliseconds per run of the samples whose stack holds it, and which frame of the app,
# DI, System.Text.Json or runtime start-up called it.
import collections, sys
path, runs, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stacks, cur = [], []
for line in open(path):
    line = line.strip()
    if not line:
        if cur:
            stacks.append(cur)
            cur = []
        continue
    parts = line.split(None, 1)
    cur.append(parts[1] if len(parts) > 1 else parts[0])
if cur:
    stacks.append(cur)
ms = lambda n: n / runs / hz * 1000
print("all samples: %.2f ms CPU per run" % ms(len(stacks)))
callers = ('Microsoft_Extensions', 'LambdaKit_', 'bootstrap_', 'System_Text_Json', 'FinalizerStart', 'StartupCodeHelpers__Initialize')
for target in sys.argv[4:]:
    by, total = collections.Counter(), 0
    for s in stacks:
        hits = [i for i, f in enumerate(s) if target in f]
        if not hits:
            continue
        total += 1
        caller = next((f for f in s[hits[-1] + 1:] if any(k in f for k in callers)), '?')
        by[caller[:160]] += 1
    print("\n== %s: %.2f ms per run" % (target, ms(total)))
    for k, v in by.most_common(8):
        print("  %6.2f  %s" % (ms(v), k))

#!/usr/bin/env bash
# JIT census of a cold start: publishes the start-up probe (HelloWorld with marks, benchmarks/LambdaKit.StartupProbe) in
# each JIT publish mode, runs it once against a loopback Runtime API (runtime_api.py) with the runtime's JIT summary on
# (DOTNET_JitDisasmSummary) and the probe's own counts at each mark (LAMBDAKIT_PROBE_JIT=1: JitInfo method count and
# compilation time), and prints, per mode: the methods JIT-compiled up to each start-up moment, and who the methods
# before the handler belong to. ReadyToRun code cannot hold a generic instantiation that crosses version bubbles
# (a framework generic over a LambdaKit or Microsoft.Extensions type), so those are what a ReadyToRun start still JITs.
#   bash benchmarks/jit-census/run.sh             # publish + run (about 6 minutes on 2 cores)
#   bash benchmarks/jit-census/run.sh --no-publish
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/jit-census
publish=1
[[ ${1:-} == --no-publish ]] && publish=0
modes=(framework-dependent framework-dependent-r2r self-contained-r2r self-contained-r2r-composite)
declare -A opts=(
  [framework-dependent]="-p:PublishAot=false -p:UseAppHost=false"
  [framework-dependent-r2r]="-r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -p:UseAppHost=false"
  [self-contained-r2r]="-r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true"
  [self-contained-r2r-composite]="-r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true"
)
mkdir -p "$out"
port=19301
for mode in "${modes[@]}"; do
  if [[ $publish == 1 ]]; then
    echo "publish $mode" >&2
    # shellcheck disable=SC2086
    dotnet publish benchmarks/LambdaKit.StartupProbe -c Release -o "$out/$mode" --artifacts-path "$out/build-$mode" -nologo -v q ${opts[$mode]} >"$out/$mode.publish.log" 2>&1 \
      || { cat "$out/$mode.publish.log" >&2; exit 1; }
  fi
  python3 benchmarks/jit-census/runtime_api.py $port 1 &
  api=$!
  sleep 0.5
  if [[ -x "$out/$mode/bootstrap" ]]; then command=(./bootstrap); else command=(dotnet bootstrap.dll); fi
  rm -f "$out/$mode.jit.txt"
  (cd "$out/$mode" && AWS_LAMBDA_RUNTIME_API=127.0.0.1:$port AWS_LAMBDA_FUNCTION_NAME=hello LAMBDAKIT_PROBE_JIT=1 \
    DOTNET_JitStdOutFile="$PWD/../$mode.jit.txt" DOTNET_JitDisasmSummary=1 timeout 30 "${command[@]}" 2>&1 | grep '^jit ' >"../$mode.marks.txt") || true
  wait $api 2>/dev/null || true
  port=$((port + 1))
done
python3 - "$out" "${modes[@]}" <<'PY'
import collections, re, sys
out, modes = sys.argv[1], sys.argv[2:]
def owner(line):
    if re.search(r'LambdaKit|Program|HelloWorld|MarkedHandler', line): return 'generic over a LambdaKit or app type'
    if 'DependencyInjection' in line: return 'Microsoft.Extensions.DependencyInjection'
    if 'Extensions.Logging' in line or 'Extensions.Options' in line: return 'Microsoft.Extensions.Logging / Options'
    if 'Text.Json' in line: return 'System.Text.Json (metadata of the event and response types)'
    if re.search(r'Async|ValueTask|Task`', line): return 'async machinery'
    if re.search(r'Buffers|Vector|SpanHelpers|Intrinsics|SearchValues', line): return 'vectorized span and search code'
    if 'dynamicClass' in line: return 'reflection invoke stubs'
    return 'other framework code'
print('| mode | ' + ' | '.join(['main', 'builder', 'services', 'built', 'handler entered', 'handler returned', 'whole run']) + ' |')
print('| --- |' + ' ---: |' * 7)
census = {}
for mode in modes:
    marks = {}
    for line in open(f'{out}/{mode}.marks.txt'):
        m = re.match(r'jit (\S+) methods=(\d+) ms=([\d.]+)', line)
        if m: marks[m[1]] = (int(m[2]), float(m[3]))
    jitted = [l for l in open(f'{out}/{mode}.jit.txt') if 'JIT compiled' in l]
    cells = [f'{marks[k][0]} ({marks[k][1]:.1f} ms)' if k in marks else '—' for k in ['main', 'builder-created', 'services-registered', 'services-built', 'handler-start', 'handler-end']]
    print(f'| {mode} | ' + ' | '.join(cells) + f' | {len(jitted)} |')
    before = marks.get('handler-start', (len(jitted), 0))[0]
    census[mode] = collections.Counter(owner(l) for l in jitted[:before])
print()
owners = sorted({o for c in census.values() for o in c}, key=lambda o: -max(c[o] for c in census.values()))
print('| methods JIT-compiled before the handler, by whose they are | ' + ' | '.join(modes) + ' |')
print('| --- |' + ' ---: |' * len(modes))
for o in owners:
    print(f'| {o} | ' + ' | '.join(str(census[m][o]) for m in modes) + ' |')
PY

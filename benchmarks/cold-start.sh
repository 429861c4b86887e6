#!/usr/bin/env bash
# The one command for LambdaKit's process benchmarks: publishes HelloWorld, the raw-socket floor and the empty app in
# every publish mode (plus the lever variants), then runs the cold-start suite (BenchmarkDotNet), the in-process
# pipeline suite, the warm runner, the interleaved lever experiments and the start-up breakdown, and copies the
# reports to benchmarks/LambdaKit.Benchmarks/results.
#
#   bash benchmarks/cold-start.sh                 # publish + every suite (about 40 minutes on 2 cores)
#   bash benchmarks/cold-start.sh --publish-only  # publish only
#   bash benchmarks/cold-start.sh --no-publish    # run on what is published
#   bash benchmarks/cold-start.sh --quick         # smoke test: few iterations, reports not copied
#   SUITES="coldstart warm" bash benchmarks/cold-start.sh --no-publish   # some suites only
#   SKIP_EXISTING=1 bash benchmarks/cold-start.sh --publish-only         # publish only what is missing
#
# JIT modes pass -p:PublishAot=false: the samples set PublishAot in their csproj for Amazon.Lambda.Tools.
# Modes: framework-dependent (net10.0, `dotnet app.dll`), self-contained ReadyToRun (net10.0), self-contained ReadyToRun
# on net8.0 (the JIT on Native AOT's target), Native AOT (net8.0: the only target this machine compiles natively).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=artifacts/coldstart
build=artifacts/coldstart-build
publish=1 run=1 quick=0
for arg in "$@"; do
  case $arg in
    --publish-only) run=0 ;;
    --no-publish) publish=0 ;;
    --quick) quick=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
suites=${SUITES:-"coldstart warm levers pipeline breakdown profile share"}

# publish APP PROJECT MODE [dotnet publish options]
publish() {
  local app=$1 project=$2 mode=$3
  shift 3
  if [[ ${SKIP_EXISTING:-0} == 1 && -n $(ls -A "$out/$app/$mode" 2>/dev/null) ]]; then
    return
  fi
  rm -rf "$out/$app/$mode"
  echo "publish $app/$mode"
  dotnet publish "$project" -c Release -o "$out/$app/$mode" --artifacts-path "$build/$app-$mode" -nologo -v q "$@" >"$build/$app-$mode.log" 2>&1 \
    || { cat "$build/$app-$mode.log"; exit 1; }
}

fdd=(-p:PublishAot=false -p:UseAppHost=false)
r2r=(-r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true)
# TargetFrameworks (plural) so that the restore, which ignores a global TargetFramework, restores net8.0 too.
r2r_net8=(-r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true -p:TargetFrameworks=net8.0 -f net8.0)
aot=(-r linux-x64 -p:PublishAot=true)
fdd_r2r=(-r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -p:UseAppHost=false)
r2r_composite=(-r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true)

# A copy of the sources with benchmarks/levers/<patch>s applied, for the lever variants that need a src change.
patched() {
  local name=$1
  shift
  local dir=$build/src-$name
  rm -rf "$dir"
  mkdir -p "$dir"
  cp Directory.Build.props Directory.Packages.props .editorconfig "$dir/"
  cp -r src samples "$dir/"
  find "$dir" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
  for patch in "$@"; do
    (cd "$dir" && patch -s -p1 <"$repo/benchmarks/levers/$patch")
  done
  echo "$dir/samples/HelloWorld"
}

if [[ $publish == 1 ]]; then
  mkdir -p "$build"
  for mode in framework-dependent self-contained-r2r self-contained-r2r-net8 native-aot; do
    case $mode in
      framework-dependent) opts=("${fdd[@]}") ;;
      self-contained-r2r) opts=("${r2r[@]}") ;;
      self-contained-r2r-net8) opts=("${r2r_net8[@]}") ;;
      native-aot) opts=("${aot[@]}") ;;
    esac
    publish empty benchmarks/LambdaKit.EmptyApp "$mode" "${opts[@]}"
    publish floor benchmarks/LambdaKit.Floor "$mode" "${opts[@]}"
    publish hello samples/HelloWorld "$mode" "${opts[@]}"
    [[ $mode == self-contained-r2r-net8 ]] || publish probe benchmarks/LambdaKit.StartupProbe "$mode" "${opts[@]}"
  done
  # Lever variants (benchmarks/README.md, "Levers").
  publish hello samples/HelloWorld framework-dependent-r2r "${fdd_r2r[@]}"
  publish floor benchmarks/LambdaKit.Floor framework-dependent-r2r "${fdd_r2r[@]}"
  publish hello samples/HelloWorld self-contained-r2r-composite "${r2r_composite[@]}"
  publish floor benchmarks/LambdaKit.Floor self-contained-r2r-composite "${r2r_composite[@]}"
  novalidate=$(patched novalidate no-validate-on-build.patch)
  publish hello-novalidate "$novalidate" framework-dependent "${fdd[@]}"
  publish hello-novalidate "$novalidate" native-aot "${aot[@]}"
  # (The log-flush lever, levers/log-flush-on-caller.patch, is in the code since issue 11's third pass.)
  du -sh "$out"/*/* | sort -k2
fi

[[ $run == 1 ]] || exit 0

dotnet build benchmarks/LambdaKit.Benchmarks -c Release -nologo -v q
bench=(benchmarks/LambdaKit.Benchmarks/bin/Release/net10.0/LambdaKit.Benchmarks)
if [[ $quick == 1 ]]; then
  export LAMBDAKIT_BENCH_N=3
  n=(--n 300 --warmup 100 --rounds 1) rounds=(--rounds 2) runs=(--runs 1)
else
  unset LAMBDAKIT_BENCH_N
  n=(--n 10000 --warmup 2000 --rounds 3) rounds=(--rounds 30) runs=(--runs 9)
fi
[[ $quick == 1 ]] || rm -rf BenchmarkDotNet.Artifacts/results
echo "load before the run: $(cat /proc/loadavg)"
for suite in $suites; do
  case $suite in
    coldstart) "${bench[@]}" --filter '*ColdStartBenchmarks*' ;;
    pipeline) "${bench[@]}" --filter '*PipelineBenchmarks*' ;;
    warm)
      "${bench[@]}" warm "${n[@]}"
      "${bench[@]}" warm "${n[@]}" --name WarmLevers --variants "floor/framework-dependent,hello/framework-dependent,hello/framework-dependent+DOTNET_GCgen0size=400000,hello/framework-dependent+DOTNET_gcConcurrent=0,hello/framework-dependent-r2r,floor/native-aot,hello/native-aot,hello/native-aot+DOTNET_GCgen0size=400000" ;;
    levers) "${bench[@]}" levers "${rounds[@]}" ;;
    share) "${bench[@]}" levers "${rounds[@]}" --share 0.29 ;;
    breakdown) "${bench[@]}" breakdown "${runs[@]}" ;;
    profile) "${bench[@]}" profile ;;
    *) echo "unknown suite $suite" >&2; exit 2 ;;
  esac
done
echo "load after the run: $(cat /proc/loadavg)"
if [[ $quick == 0 ]]; then
  cp BenchmarkDotNet.Artifacts/results/*-report-github.md benchmarks/LambdaKit.Benchmarks/results/
fi

#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of src/LambdaKit's Runtime/, Batching/ and Routing/ against tests/LambdaKit.Tests.
#   bash tests/mutation.sh                    # the three folders in one Stryker run (one build, one initial test run)
#   bash tests/mutation.sh Routing Batching   # only some of: Runtime Batching Routing
# Settings: tests/LambdaKit.Tests/stryker-config.json. Report (HTML and JSON): tests/LambdaKit.Tests/StrykerOutput/reports/.
#   TESTS=Runtime bash tests/mutation.sh Runtime   # only the test classes in LambdaKit.Tests.Runtime (a lower bound:
#                                                 # a mutant they kill, the whole suite kills; about an hour instead of three)
# Slow (about an hour on 2 busy cores); not part of CI. Ends with a table per folder: killed, timeout, survived,
# no coverage, score = (killed + timeout) / (killed + timeout + survived + no coverage).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore
folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=(Runtime Batching Routing)
mutate=()
for folder in "${folders[@]}"; do
  mutate+=(-m "**/src/LambdaKit/$folder/**/*.cs")
done
cd tests/LambdaKit.Tests
rm -rf StrykerOutput/reports
config=stryker-config.json
if [ -n "${TESTS:-}" ]; then
  mkdir -p StrykerOutput
  config=StrykerOutput/stryker-config-$TESTS-tests.json
  python3 - "$TESTS" "$config" <<'PY'
import json, sys
settings = json.load(open("stryker-config.json"))
settings["stryker-config"]["test-case-filter"] = "FullyQualifiedName~LambdaKit.Tests." + sys.argv[1] + "."
json.dump(settings, open(sys.argv[2], "w"), indent=2)
PY
fi
dotnet stryker --skip-version-check -f "$config" "${mutate[@]}" -O StrykerOutput
python3 ../mutation-summary.py StrykerOutput/reports/mutation-report.json "${folders[@]}"

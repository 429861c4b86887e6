#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of src/LambdaKit's Runtime/, Batching/ and Routing/ against tests/LambdaKit.Tests.
#   bash tests/mutation.sh                    # the three folders in one Stryker run (one build, one initial test run)
#   bash tests/mutation.sh Routing Batching   # only some of: Runtime Batching Routing
# Settings: tests/LambdaKit.Tests/stryker-config.json. Report (HTML and JSON): tests/LambdaKit.Tests/StrykerOutput/reports/.
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
dotnet stryker --skip-version-check -f stryker-config.json "${mutate[@]}" -O StrykerOutput
python3 ../mutation-summary.py StrykerOutput/reports/mutation-report.json "${folders[@]}"

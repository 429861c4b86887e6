#!/usr/bin/env bash
# Publishes HelloWorld three ways and measures its cold start (process start → first answer) with BenchmarkDotNet.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/coldstart
rm -rf "$out"
dotnet publish samples/HelloWorld -c Release -o "$out/framework-dependent" --artifacts-path artifacts/coldstart-build/fdd -p:PublishAot=false -p:UseAppHost=false -nologo -v q
dotnet publish samples/HelloWorld -c Release -r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true -o "$out/self-contained-r2r" --artifacts-path artifacts/coldstart-build/r2r -nologo -v q
dotnet publish samples/HelloWorld -c Release -r linux-x64 -p:PublishAot=true -o "$out/native-aot" --artifacts-path artifacts/coldstart-build/aot -nologo -v q
du -sh "$out"/*
dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- --filter '*ColdStart*' "$@"

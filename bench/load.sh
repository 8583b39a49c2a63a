#!/usr/bin/env bash
# A short load run on loopback against a running server: feed reads, then uploads.
# Usage: bench/load.sh [BASE_URL] [SECONDS]    (needs wrk: apt-get install wrk)
# Serve without rate limits for it: ./microjam serve --rate-limit-writes 0 --rate-limit-robojam 0 --rate-limit-sign-ups 0 --rate-limit-reads 0
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
policy=$(curl -sf "$base/api/privacy" | sed -n 's/^[{ ]*"version": *"\([^"]*\)".*/\1/p' | head -1)
token=$(curl -sf -X POST "$base/api/performers" -H 'Content-Type: application/json' \
  -d "{\"stageName\":\"load-$RANDOM$RANDOM\",\"colour\":\"#336699\",\"age13OrOver\":true,\"acceptedPolicy\":\"$policy\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "load.sh: could not sign up at $base" >&2; exit 1; }
echo "== uploads ($seconds s, 16 connections)"
TOKEN=$token wrk -t2 -c16 -d"${seconds}s" -s "$here/upload.lua" "$base" | grep -E "Requests/sec|uploads:"
echo "== feed reads ($seconds s, 32 connections)"
wrk -t2 -c32 -d"${seconds}s" -s "$here/feed.lua" "$base" | grep -E "Requests/sec|feed pages:"

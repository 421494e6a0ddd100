#!/usr/bin/env bash
# Hand mutation run: apply each patch, run the test suite, record whether
# the suite notices, revert. See tests/mutants/README.md.
#
#   tests/mutants/run.sh [--root] [PATCH|NN ...]
#
# --root        also run ignored tests (cargo test -- --include-ignored)
# PATCH|NN      patch files or their numbers (07, 7, 07-plan-...); all by default
#
# Env: MUTANT_TIMEOUT (seconds per cargo test, default 900; a timeout is
# recorded as CAUGHT/TIMEOUT), MUTANT_LOGS (log dir, default target/mutants).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(cd "$here/../.." && pwd)"
cd "$root_dir"

include_ignored=0
args=()
for a in "$@"; do
  case "$a" in
    --root) include_ignored=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done

patches=()
if [ "${#args[@]}" -eq 0 ]; then
  for p in "$here"/[0-9][0-9]-*.patch; do patches+=("$p"); done
else
  for a in "${args[@]}"; do
    if [ -f "$a" ]; then patches+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"); continue; fi
    n="$a"
    if [[ "$n" =~ ^[0-9]$ ]]; then n="0$n"; fi
    shopt -s nullglob
    m=("$here/$n"*.patch)
    shopt -u nullglob
    if [ "${#m[@]}" -ne 1 ]; then echo "run.sh: no single patch matches '$a'" >&2; exit 2; fi
    patches+=("${m[0]}")
  done
fi

if ! git diff --quiet || ! git diff --cached --quiet; then
  echo "run.sh: the work tree has uncommitted changes to tracked files; commit or stash them first" >&2
  exit 2
fi

logs="${MUTANT_LOGS:-$root_dir/target/mutants}"
mkdir -p "$logs"
timeout_s="${MUTANT_TIMEOUT:-900}"
test_args=(--locked)
if [ "$include_ignored" -eq 1 ]; then test_args+=(-- --include-ignored); fi

applied=""
restore() {
  if [ -n "$applied" ]; then
    git apply -R "$applied" || git checkout -- src
    applied=""
  fi
}
trap restore EXIT
trap 'restore; exit 130' INT
trap 'restore; exit 143' TERM
trap 'restore; exit 129' HUP

names=()
results=()
caught=0 missed=0 unbuilt=0
for p in "${patches[@]}"; do
  name="$(basename "$p" .patch)"
  log="$logs/$name.log"
  echo "== $name" >&2
  if ! git apply --check "$p" 2>"$log"; then
    result=UNAPPLIED
  else
    git apply "$p"
    applied="$p"
    if ! cargo build --tests --locked >"$log" 2>&1; then
      result=UNBUILT
    else
      set +e
      timeout "$timeout_s" cargo test "${test_args[@]}" >>"$log" 2>&1
      rc=$?
      set -e
      if [ "$rc" -eq 0 ]; then
        result=MISSED
      elif [ "$rc" -eq 124 ]; then
        result=TIMEOUT
      else
        result=CAUGHT
      fi
    fi
    restore
  fi
  case "$result" in
    CAUGHT|TIMEOUT) caught=$((caught + 1)) ;;
    MISSED) missed=$((missed + 1)) ;;
    *) unbuilt=$((unbuilt + 1)) ;;
  esac
  echo "   $result  (log: $log)" >&2
  names+=("$name")
  results+=("$result")
done

echo
printf '%-50s %s\n' MUTANT RESULT
for i in "${!names[@]}"; do
  printf '%-50s %s\n' "${names[$i]}" "${results[$i]}"
done
built=$((caught + missed))
echo
echo "caught $caught, missed $missed, unbuilt/unapplied $unbuilt (TIMEOUT counts as caught)"
if [ "$built" -gt 0 ]; then
  echo "caught: $((caught * 100 / built))% of $built built mutants"
else
  echo "caught: n/a (no mutant built)"
fi

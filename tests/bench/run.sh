#!/usr/bin/env bash
# portcheck benchmark: portcheck against ss, lsof, fuser and netstat on a
# busy machine in miniature (tests/bench/loadgen.py). See docs/benchmarks.md.
#
#   bash tests/bench/run.sh              default load, one hyperfine pass
#   bash tests/bench/run.sh --scaling    medians as the load grows
#   bash tests/bench/run.sh --strace     syscall counts (strace -c -f)
#
# Environment:
#   PORTCHECK        portcheck binary to measure (default: cargo build --release
#                    in this repo, then $CARGO_TARGET_DIR or target/release/portcheck)
#   PORTCHECK_BASELINE  a second portcheck binary (an older build) measured in
#                    the same hyperfine pass, default mode: "baseline ..." rows
#   BENCH_N, BENCH_M, BENCH_C
#                    sleeping processes (~23 fds each), TCP listeners,
#                    established loopback connections (default 1000, 2000, 3000)
#   BENCH_RUNS       hyperfine runs per command, default mode (default 30)
#   BENCH_WARMUP     hyperfine warmup runs (default 3)
#   BENCH_SCALING_RUNS       runs per command for the small scaling loads (default 10)
#   BENCH_SCALING_BIG_RUNS   runs for N=4000 and C=20000 (default 5)
#   BENCH_RESULTS    directory for raw results (default: a new /tmp/portcheck-bench.*)
#   BENCH_NETNS=0    do not enter a private network namespace (when root)
#   BENCH_NO_INSTALL=1  do not apt-get install missing tools
#
# Markdown tables go to stdout; progress and hyperfine's own output go to
# stderr; JSON and text results go to the results directory.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
LOADGEN="$HERE/loadgen.py"

MODE=default
for arg in "$@"; do
    case "$arg" in
        --default) MODE=default ;;
        --scaling) MODE=scaling ;;
        --strace) MODE=strace ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "run.sh: unknown argument '$arg' (try --help)" >&2
            exit 2
            ;;
    esac
done

N=${BENCH_N:-1000}
M=${BENCH_M:-2000}
C=${BENCH_C:-3000}
RUNS=${BENCH_RUNS:-30}
WARMUP=${BENCH_WARMUP:-3}
SCALING_RUNS=${BENCH_SCALING_RUNS:-10}
SCALING_BIG_RUNS=${BENCH_SCALING_BIG_RUNS:-5}

say() { printf 'run.sh: %s\n' "$*" >&2; }
die() {
    printf '\nrun.sh: FAILED: %s\n\n' "$*" >&2
    exit 1
}

# ---- outside the namespace: tools, build, results dir --------------------------

install_tools() {
    local -a missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    command -v lsof >/dev/null || missing+=(lsof)
    command -v fuser >/dev/null || missing+=(psmisc)
    command -v netstat >/dev/null || missing+=(net-tools)
    command -v ss >/dev/null || missing+=(iproute2)
    command -v ip >/dev/null || missing+=(iproute2)
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v unshare >/dev/null || missing+=(util-linux)
    command -v python3 >/dev/null || missing+=(python3)
    [[ $MODE != strace ]] || command -v strace >/dev/null || missing+=(strace)
    ((${#missing[@]})) || return 0
    if [[ ${BENCH_NO_INSTALL:-0} == 1 ]]; then
        die "missing tools: ${missing[*]} (BENCH_NO_INSTALL=1)"
    fi
    [[ $EUID == 0 ]] || die "missing tools: ${missing[*]}; install them or run as root"
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

if [[ -z ${PORTCHECK_BENCH_INNER:-} ]]; then
    install_tools
    if [[ -z ${PORTCHECK:-} ]]; then
        say "building portcheck (cargo build --release)"
        (cd "$REPO" && cargo build --release --quiet) >&2
        target=${CARGO_TARGET_DIR:-$REPO/target}
        [[ $target == /* ]] || target="$REPO/$target"
        PORTCHECK="$target/release/portcheck"
    fi
    [[ -x $PORTCHECK ]] || die "no portcheck binary at '$PORTCHECK'"
    PORTCHECK=$(cd "$(dirname "$PORTCHECK")" && pwd)/$(basename "$PORTCHECK")
    if [[ -n ${PORTCHECK_BASELINE:-} ]]; then
        [[ -x $PORTCHECK_BASELINE ]] || die "no baseline binary at '$PORTCHECK_BASELINE'"
        PORTCHECK_BASELINE=$(cd "$(dirname "$PORTCHECK_BASELINE")" && pwd)/$(basename "$PORTCHECK_BASELINE")
        export PORTCHECK_BASELINE
    fi
    if [[ -z ${BENCH_RESULTS:-} ]]; then
        BENCH_RESULTS=$(mktemp -d /tmp/portcheck-bench.XXXXXX)
    fi
    mkdir -p "$BENCH_RESULTS"
    export PORTCHECK BENCH_RESULTS
    if [[ $EUID == 0 && ${BENCH_NETNS:-1} != 0 ]]; then
        say "entering a private network namespace (unshare -n)"
        export PORTCHECK_BENCH_INNER=netns
        exec unshare -n -- bash "${BASH_SOURCE[0]}" "$@"
    fi
    export PORTCHECK_BENCH_INNER=host
fi

# ---- inside: the benchmark ------------------------------------------------------

if [[ $PORTCHECK_BENCH_INNER == netns ]]; then
    ip link set lo up
else
    say "not in a private network namespace: the host's own sockets count too"
fi
RESULTS=$BENCH_RESULTS
PC=$PORTCHECK
say "results in $RESULTS"

LOAD_PID=
LOAD_PGID=
LOAD_LINE=

port_taken() {
    [[ -n $(ss -Htan "( sport = :$1 )" 2>/dev/null) ]]
}

start_load() { # n m c tag
    local n=$1 m=$2 c=$3 tag=$4
    local out="$RESULTS/load-$tag.out" err="$RESULTS/load-$tag.err"
    port_taken 5000 && die "port 5000 is already in use before the load starts"
    port_taken 5999 && die "port 5999 is already in use; the free-port rows would be wrong"
    local before
    before=$(ss -Htan 2>/dev/null | wc -l)
    ((before == 0)) || say "note: $before TCP sockets already in this namespace before the load"
    say "starting load $tag: N=$n sleepers, M=$m listeners, C=$c connections"
    python3 "$LOADGEN" -n "$n" -m "$m" -c "$c" --pidfile "$RESULTS/prefork-$tag.pids" \
        --no-stdin </dev/null >"$out" 2>"$err" &
    LOAD_PID=$!
    local waited=0
    while :; do
        if grep -q '^READY' "$out" 2>/dev/null; then break; fi
        if grep -q '^FAILED' "$out" 2>/dev/null || ! kill -0 "$LOAD_PID" 2>/dev/null; then
            cat "$err" >&2
            die "the load generator failed ($tag)"
        fi
        ((waited < 6000)) || die "the load generator was not ready after 600 s"
        sleep 0.1
        waited=$((waited + 1))
    done
    LOAD_PGID=$(awk '$1 == "PGID" {print $2}' "$out")
    LOAD_LINE=$(grep '^READY' "$out" | sed 's/^READY //')
    say "ready: $LOAD_LINE"
}

stop_load() {
    [[ -n $LOAD_PID ]] || return 0
    kill -TERM "$LOAD_PID" 2>/dev/null || true
    local i
    for i in $(seq 100); do
        kill -0 "$LOAD_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
    if [[ -n $LOAD_PGID ]]; then
        kill -KILL -- "-$LOAD_PGID" 2>/dev/null || true
        sleep 0.2
        if pgrep -g "$LOAD_PGID" >/dev/null 2>&1; then
            say "WARNING: load processes left in group $LOAD_PGID"
        fi
    fi
    LOAD_PID=
    LOAD_PGID=
}
trap stop_load EXIT
trap 'exit 130' INT TERM

# portcheck must find exactly the prefork group as the holders of 5000, and
# report 5999 free.
verify() { # tag
    local tag=$1
    local json="$RESULTS/verify-$tag.json" rc=0
    "$PC" --json 5000 >"$json" || rc=$?
    [[ $rc == 1 ]] || die "portcheck --json 5000 exited $rc, expected 1 (in use)"
    python3 - "$json" "$RESULTS/prefork-$tag.pids" <<'EOF' || die "portcheck did not find the prefork group on port 5000"
import json, sys
report = json.load(open(sys.argv[1]))
want = {int(l) for l in open(sys.argv[2]) if l.strip()}
got = {p["pid"] for port in report["ports"] if port["port"] == 5000
       for s in port["sockets"] for p in s["processes"]}
in_use = all(port["in_use"] for port in report["ports"] if port["port"] == 5000)
if got != want or not in_use:
    print(f"run.sh: port 5000: portcheck found pids {sorted(got)}, in_use={in_use}; "
          f"the prefork group is {sorted(want)}", file=sys.stderr)
    sys.exit(1)
print(f"run.sh: verified: portcheck finds all 4 holders of 5000: {sorted(got)}", file=sys.stderr)
EOF
    rc=0
    "$PC" 5999 >/dev/null || rc=$?
    [[ $rc == 0 ]] || die "portcheck 5999 exited $rc, expected 0 (free)"
}

has_suggest() {
    "$PC" --help 2>/dev/null | grep -q -- --suggest
}

machine_md() {
    local cpu
    cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, Linux $(uname -r), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "- tools: $("$PC" --version 2>/dev/null | head -1), $(hyperfine --version), $(ss --version 2>&1 | sed 's/.*iproute2-/iproute2 /'), lsof $(lsof -v 2>&1 | awk '/revision/ {print $2; exit}'), $(fuser -V 2>&1 | head -1 | sed 's/ (PSmisc)//')"
    echo "- processes on the machine outside the load: $(($(ls /proc | grep -c '^[0-9]') - $(pgrep -g "${LOAD_PGID:-0}" | wc -l)))"
    if [[ $PORTCHECK_BENCH_INNER == netns ]]; then
        echo "- network namespace: a private one (unshare -n), loopback only"
    else
        echo "- network namespace: the host's"
    fi
}

# hyperfine over name/command pairs; JSON to $1.
run_hyperfine() { # json runs warmup name cmd [name cmd]...
    local json=$1 runs=$2 warmup=$3
    shift 3
    local -a args=()
    while (($#)); do
        args+=(-n "$1" "$2")
        shift 2
    done
    hyperfine -N -i --style basic --warmup "$warmup" --runs "$runs" \
        --export-json "$json" "${args[@]}" >&2
}

# Markdown table of medians and ratios to `ss -tlnp` from a hyperfine JSON.
median_table() { # json
    python3 - "$1" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
goals = {"portcheck 5000": 0.35, "portcheck 5999": 0.05, "portcheck": 0.45,
         "portcheck --suggest 5000": 0.05}
base = next((r["median"] for r in results if r["command"] == "ss -tlnp"), None)
print("| command | median | mean ± σ | min | CPU (user + sys) | runs | ÷ `ss -tlnp` median | goal |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
def ms(s):
    return f"{s * 1000:.2f} ms" if s < 1 else f"{s:.3f} s"
for r in results:
    ratio = r["median"] / base if base else float("nan")
    goal = goals.get(r["command"])
    verdict = ""
    if goal is not None:
        verdict = f"≤ {goal:.2f}× {'✅' if ratio <= goal else '❌'}"
    print(f"| `{r['command']}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} "
          f"| {ms(r['min'])} | {ms(r['user'] + r['system'])} | {len(r['times'])} | {ratio:.3f}× | {verdict} |")
EOF
}

peak_rss_table() {
    local -a names=("portcheck 5000" "portcheck 5999" "portcheck" "portcheck --json 5000" "ss -tlnp")
    local -a cmds=("$PC 5000" "$PC 5999" "$PC" "$PC --json 5000" "ss -tlnp")
    local out="$RESULTS/peak-rss.txt" i k
    : >"$out"
    for i in "${!names[@]}"; do
        for k in 1 2 3 4 5; do
            # shellcheck disable=SC2086 # the command is split on purpose
            /usr/bin/time -f "peak_rss_kib=%M" -a -o "$out.$i" ${cmds[$i]} >/dev/null 2>&1 || true
        done
        echo "${names[$i]}	$(sed -n 's/^peak_rss_kib=//p' "$out.$i" | tr '\n' ' ')" >>"$out"
        rm -f "$out.$i"
    done
    python3 - "$out" <<'EOF'
import sys
print("| command | peak RSS, max of 5 runs | median of 5 | goal |")
print("| --- | ---: | ---: | --- |")
for line in open(sys.argv[1]):
    name, values = line.rstrip("\n").split("\t")
    kib = sorted(int(v) for v in values.split())
    top, mid = kib[-1], kib[len(kib) // 2]
    goal = ""
    if name == "portcheck 5000":
        goal = f"≤ 16 MB {'✅' if top * 1024 <= 16e6 else '❌'}"
    print(f"| `{name}` | {top / 1024:.1f} MiB ({top} KiB) | {mid / 1024:.1f} MiB | {goal} |")
EOF
}

default_mode() {
    start_load "$N" "$M" "$C" default
    verify default
    local -a pairs=(
        "portcheck 5000" "$PC 5000"
        "portcheck 5999" "$PC 5999"
        "portcheck" "$PC"
    )
    local note=""
    if has_suggest; then
        pairs+=("portcheck --suggest 5000" "$PC --suggest 5000")
    else
        note="\`portcheck --suggest 5000\` skipped: this build has no --suggest."
        say "$note"
    fi
    if [[ -n ${PORTCHECK_BASELINE:-} ]]; then
        local B=$PORTCHECK_BASELINE
        pairs+=(
            "baseline 5000" "$B 5000"
            "baseline 5999" "$B 5999"
            "baseline" "$B"
            "baseline --suggest 5000" "$B --suggest 5000"
        )
    fi
    pairs+=(
        "portcheck --json 5000" "$PC --json 5000"
        "ss -tlnp" "ss -tlnp"
        "ss -tlnp 'sport = :5000'" "ss -tlnp 'sport = :5000'"
        "lsof -nP -iTCP:5000 -sTCP:LISTEN" "lsof -nP -iTCP:5000 -sTCP:LISTEN"
        "fuser 5000/tcp" "fuser 5000/tcp"
        "netstat -tlnp" "netstat -tlnp"
    )
    run_hyperfine "$RESULTS/default.json" "$RUNS" "$WARMUP" "${pairs[@]}"
    echo "## portcheck vs ss, lsof, fuser, netstat: default load"
    echo
    echo "- load: $LOAD_LINE"
    machine_md
    echo "- hyperfine -N -i --warmup $WARMUP --runs $RUNS"
    echo
    median_table "$RESULTS/default.json"
    [[ -z $note ]] || printf '\n%s\n' "$note"
    echo
    echo "### Peak RSS (/usr/bin/time -f %M)"
    echo
    peak_rss_table
    echo
    echo "Raw results: $RESULTS/default.json, $RESULTS/peak-rss.txt"
    stop_load
}

scaling_mode() {
    # tag n m c runs
    local -a loads=(
        "N=250 250 $M $C $SCALING_RUNS"
        "N=1000 1000 $M $C $SCALING_RUNS"
        "N=4000 4000 $M $C $SCALING_BIG_RUNS"
        "C=0 $N $M 0 $SCALING_RUNS"
        "C=20000 $N $M 20000 $SCALING_BIG_RUNS"
    )
    local spec tag n m c runs
    local machine=""
    : >"$RESULTS/scaling-loads.tsv"
    for spec in "${loads[@]}"; do
        read -r tag n m c runs <<<"$spec"
        start_load "$n" "$m" "$c" "$tag"
        verify "$tag"
        [[ -n $machine ]] || machine=$(machine_md)
        run_hyperfine "$RESULTS/scaling-$tag.json" "$runs" 1 \
            "portcheck 5000" "$PC 5000" \
            "portcheck 5999" "$PC 5999" \
            "portcheck" "$PC" \
            "ss -tlnp" "ss -tlnp" \
            "lsof -nP -iTCP:5000 -sTCP:LISTEN" "lsof -nP -iTCP:5000 -sTCP:LISTEN"
        echo "$tag	$n	$m	$c	$runs	$LOAD_LINE" >>"$RESULTS/scaling-loads.tsv"
        stop_load
        sleep 3 # let the kernel finish tearing the last load down
    done
    echo "## Scaling: medians as the load grows"
    echo
    echo "$machine"
    echo "- hyperfine -N -i --warmup 1"
    echo
    python3 - "$RESULTS" <<'EOF'
import json, os, sys
d = sys.argv[1]
cols = ["portcheck 5000", "portcheck 5999", "portcheck", "ss -tlnp",
        "lsof -nP -iTCP:5000 -sTCP:LISTEN"]
def ms(s):
    return f"{s * 1000:.1f}" if s < 10 else f"{s:.1f} s"
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(d, "scaling-loads.tsv"))]
head = ["load", "N", "M", "C", "fds in load"] + [f"`{c.split(' -')[0] if c.startswith('lsof') else c}`" for c in cols] + ["5000 ÷ ss"]
for stat, title in (("median", "Medians"), ("min", "Minimums (least disturbed by other work on the machine)")):
    print(f"{title}, in ms:\n")
    print("| " + " | ".join(head) + " |")
    print("| " + " | ".join(["---"] + ["---:"] * (len(head) - 1)) + " |")
    for tag, n, m, c, runs, line in rows:
        info = dict(kv.split("=", 1) for kv in line.split())
        res = {r["command"]: r[stat] for r in json.load(open(os.path.join(d, f"scaling-{tag}.json")))["results"]}
        ratio = res["portcheck 5000"] / res["ss -tlnp"]
        print(f"| {tag} | {n} | {m} | {c} | {info.get('load_fds', '?')} | "
              + " | ".join(ms(res[k]) for k in cols) + f" | {ratio:.2f}× |")
    print()
print("`lsof` is `lsof -nP -iTCP:5000 -sTCP:LISTEN`. N=1000 is the default load (C=3000).")
print("Runs per command: " + ", ".join(f"{tag} {runs}" for tag, _, _, _, runs, _ in rows) + ".")
EOF
    echo
    echo "Raw results: $RESULTS/scaling-*.json"
}

strace_mode() {
    start_load "$N" "$M" "$C" strace
    verify strace
    local -a names=("portcheck 5000" "portcheck 5999" "portcheck" "ss -tlnp")
    local -a cmds=("$PC 5000" "$PC 5999" "$PC" "ss -tlnp")
    local i f
    : >"$RESULTS/strace-index.tsv"
    for i in "${!names[@]}"; do
        f="$RESULTS/strace-$(echo "${names[$i]}" | tr ' ' '_' | tr -cd 'A-Za-z0-9_-').txt"
        # shellcheck disable=SC2086
        strace -c -f -o "$f" ${cmds[$i]} >/dev/null 2>&1 || true
        echo "${names[$i]}	$f" >>"$RESULTS/strace-index.tsv"
    done
    echo "## Syscalls: strace -c -f, default load"
    echo
    echo "- load: $LOAD_LINE"
    machine_md
    echo
    python3 - "$RESULTS/strace-index.tsv" <<'EOF'
import sys
def parse(path):
    calls, secs, total = {}, {}, (0, 0.0)
    for line in open(path):
        parts = line.split()
        if len(parts) < 5 or not parts[0][0].isdigit():
            continue
        name = parts[-1]
        # % time, seconds, usecs/call, calls, [errors], syscall
        if name == "total":
            total = (int(parts[3]), float(parts[1]))
            continue
        calls[name] = int(parts[3])
        secs[name] = float(parts[1])
    return calls, secs, total
index = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
data = {name: parse(path) for name, path in index}
names = [n for n, _ in index]
print("| | " + " | ".join(f"`{n}`" for n in names) + " |")
print("| --- | " + " | ".join("---:" for _ in names) + " |")
print("| **total syscalls** | " + " | ".join(f"**{data[n][2][0]}**" for n in names) + " |")
top = {}
for n in names:
    for sc, k in data[n][0].items():
        top[sc] = max(top.get(sc, 0), k)
for sc in sorted(top, key=lambda s: -top[s])[:14]:
    print(f"| `{sc}` | " + " | ".join(str(data[n][0].get(sc, 0)) for n in names) + " |")
print("\nRows: the syscalls with the most calls in any column. Times under strace are"
      " distorted (every syscall is trapped); the raw files have them anyway.")
EOF
    if perf stat -e task-clock true >/dev/null 2>&1; then
        echo
        echo "### perf stat (software counters; one run each, no strace)"
        echo
        echo "| command | task-clock | context switches | page faults |"
        echo "| --- | ---: | ---: | ---: |"
        for i in "${!names[@]}"; do
            # shellcheck disable=SC2086
            perf stat -x, -e task-clock,context-switches,page-faults -o "$RESULTS/perf.txt" \
                ${cmds[$i]} >/dev/null 2>&1 || true
            awk -F, -v name="${names[$i]}" '
                $3 == "task-clock" {tc = sprintf("%.1f ms", $1)}
                $3 == "context-switches" {cs = $1}
                $3 == "page-faults" {pf = $1}
                END {printf "| `%s` | %s | %s | %s |\n", name, tc, cs, pf}' "$RESULTS/perf.txt"
        done
    fi
    echo
    echo "Raw results: $RESULTS/strace-*.txt"
    stop_load
}

case "$MODE" in
    default) default_mode ;;
    scaling) scaling_mode ;;
    strace) strace_mode ;;
esac

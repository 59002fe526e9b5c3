#!/usr/bin/env bash
# Runs each benchmark workload for xyz and for the tool a user would pick instead, side by side,
# and prints a table of medians and ratios. Benchmarks report; they never fail the build.
#
#   bench/run.sh                 full sizes (tens of minutes on a small machine)
#   BENCH_QUICK=1 bench/run.sh   small sizes, to check that everything runs
#
# The explorer's row times eight shelf changes (ServeBench) over repeats + 2 rounds.
# Sizes and repeats can be set one by one: BENCH_REPEATS, BENCH_DISPATCH_CELLS,
# BENCH_JAVA_CELLS, BENCH_PLAN_SIDE (the grid is SIDE^3 cells), BENCH_COLLECT_CELLS,
# BENCH_COLLECT_STEPS, BENCH_SEABORN_TIMEOUT (seconds).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$root/bench/work}"
quick="${BENCH_QUICK:-0}"
if [ "$quick" = 1 ]; then
  d_repeats=1; d_dispatch=500; d_java=10000; d_side=50; d_cells=500; d_steps=200; d_timeout=60
else
  d_repeats=3; d_dispatch=5000; d_java=100000; d_side=100; d_cells=10000; d_steps=1000
  d_timeout=600
fi
repeats="${BENCH_REPEATS:-$d_repeats}"
dispatch_cells="${BENCH_DISPATCH_CELLS:-$d_dispatch}"
java_cells="${BENCH_JAVA_CELLS:-$d_java}"
plan_side="${BENCH_PLAN_SIDE:-$d_side}"
collect_cells="${BENCH_COLLECT_CELLS:-$d_cells}"
collect_steps="${BENCH_COLLECT_STEPS:-$d_steps}"
seaborn_timeout="${BENCH_SEABORN_TIMEOUT:-$d_timeout}"

log() { echo "bench: $*" >&2; }

# --- peers and build -------------------------------------------------------------------------
# Debian's python3 holds Debian's pandas and seaborn, whatever python3 comes first on the PATH.
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
missing=()
command -v parallel >/dev/null || missing+=(parallel)
$py -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
$py -c 'import seaborn' 2>/dev/null || missing+=(python3-seaborn)
command -v /usr/bin/time >/dev/null || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} with apt-get"
  sudo_cmd=""; [ "$(id -u)" != 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || log "could not install ${missing[*]}; their rows will be empty"
fi

mkdir -p "$work"
log "building xyz (once)"
"$root/xyz" --version >/dev/null || { log "the build failed"; exit 1; }
( cd "$root" && mvn -B -q -pl core -DskipTests test-compile \
    dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null ) \
  || log "test classes did not build; the plot rows will be empty"
lib="$root/app/target/lib/*"
testcp="$root/core/target/test-classes:$root/core/target/classes:$(cat "$work/cp.txt" 2>/dev/null)"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$lib" "$root/bench/NoOp.java"

# --- timing ----------------------------------------------------------------------------------
# seconds CMD...: runs CMD once and prints its wall time in seconds, or "-" when it failed.
seconds() {
  local start end
  start=$(date +%s.%N)
  if "$@" >"$work/last.out" 2>&1; then
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.3f}')"
  else
    echo "-"
  fi
}
# median CMD...: the median wall time of $repeats runs of CMD, after SETUP (a function) each time.
median() {
  local setup="$1"; shift
  local times=()
  for _ in $(seq "$repeats"); do
    $setup
    times+=("$(seconds "$@")")
  done
  python3 - "${times[@]}" <<'PY'
import statistics, sys
t = [float(x) for x in sys.argv[1:] if x != "-"]
print(f"{statistics.median(t):.3f}" if t else "-")
PY
}
rows=()
row() { rows+=("$1|$2|$3|$4|$5|$6"); log "$1: xyz $2, peer $3"; }
ratio() { python3 -c "
a, b = '$1', '$2'
print('-' if '-' in (a, b) or float(a) == 0 else f'{float(b) / float(a):.2f}x')"; }

# --- 1. dispatch trivial command cells -------------------------------------------------------
mkdir -p "$work/dispatch"
cat >"$work/dispatch/study.yaml" <<YAML
study: dispatch
methods: [m]
datasets: [d]
controls:
  k: {range: [0, $dispatch_cells]}
observables: [v]
experiment:
  command: ["true"]
YAML
clear_dispatch() { rm -rf "$work/dispatch/results"; }
noop() { :; }
x=$(median clear_dispatch "$root/xyz" run "$work/dispatch/study.yaml" --workers 2 --no-collect)
p=$(median noop sh -c "seq $dispatch_cells | parallel -j2 true")
rx=$(python3 -c "print('-' if '$x' == '-' else f'{$dispatch_cells / float(\"$x\"):.0f}')")
rp=$(python3 -c "print('-' if '$p' == '-' else f'{$dispatch_cells / float(\"$p\"):.0f}')")
row "dispatch $dispatch_cells \`true\` cells, 2 workers (s; cells/s $rx vs $rp)" "$x" "$p" \
  "$(ratio "$x" "$p")" "GNU parallel -j2" ">= 2x parallel's cells/s"

# --- 2. no-op Java cells in the JVM ----------------------------------------------------------
mkdir -p "$work/java"
java_study() {
  cat >"$work/java/study-$1.yaml" <<YAML
study: javacells
methods: [m]
datasets: [d]
controls:
  k: {range: [0, $1]}
observables: [v]
experiment:
  java: NoOp
results: results-$1
YAML
}
java_study "$java_cells"; java_study 1
clear_java() { rm -rf "$work/java/results-$java_cells" "$work/java/results-1"; }
run_java() {
  java -Djava.awt.headless=true -cp "$lib:$work/classes" xyz.cli.Main run \
    "$work/java/study-$1.yaml" --workers 1 --no-collect
}
x=$(median clear_java run_java "$java_cells")
one=$(median clear_java run_java 1)
per=$(python3 -c "print('-' if '-' in ('$x', '$one') else
  f'{(float(\"$x\") - float(\"$one\")) / ($java_cells - 1) * 1e6:.1f}')")
row "$java_cells no-op Java cells, 1 worker (s; overhead per cell: $per us)" "$x" "" "" \
  "(absolute)" "<= 20 us per cell"

# --- 3. plan a large grid --------------------------------------------------------------------
mkdir -p "$work/plan"
cat >"$work/plan/study.yaml" <<YAML
study: plan
methods: [m]
datasets: [d]
controls:
  a: {range: [0, $plan_side]}
  b: {range: [0, $plan_side]}
  c: {range: [0, $plan_side]}
observables: [v]
experiment:
  command: ["true"]
YAML
x=$(median noop "$root/xyz" plan "$work/plan/study.yaml" --json "$work/plan/plan.json")
row "plan a $((plan_side ** 3))-cell grid and write plan.json (\`xyz plan --json\`, s)" "$x" "" "" \
  "(absolute)" "< 2 s"

# --- 4. collect ------------------------------------------------------------------------------
mkdir -p "$work/collect/out"
cat >"$work/collect/study.yaml" <<YAML
study: collect
methods: [m]
datasets: [d]
controls:
  k: {range: [0, $collect_cells]}
observables: [v]
experiment:
  command: ["true"]
YAML
if [ ! -f "$work/collect/.made-$collect_cells-$collect_steps" ]; then
  log "writing $collect_cells cells x $collect_steps steps"
  rm -rf "$work/collect/results" "$work/collect/.made-"*
  "$root/xyz" plan "$work/collect/study.yaml" --preview 0 --json "$work/collect/plan.json" \
    >/dev/null
  python3 "$root/bench/gen_cells.py" "$work/collect/results" "$work/collect/plan.json" \
    "$collect_steps"
  touch "$work/collect/.made-$collect_cells-$collect_steps"
fi
cat "$work/collect/results/cells/"*/observations.jsonl >/dev/null 2>&1
x=$(median noop "$root/xyz" collect "$work/collect/study.yaml")
p=$(median noop "$py" "$root/bench/pandas_collect.py" "$work/collect/results" \
  "$work/collect/out")
parquet=$(grep -h parquet "$work/last.out" 2>/dev/null || echo "parquet: unknown")
row "collect $collect_cells cells x $collect_steps steps (s; pandas $parquet)" "$x" "$p" \
  "$(ratio "$x" "$p")" "pandas read_csv + concat + to_csv" ">= 5x pandas"

# --- 5, 6. facet grid ------------------------------------------------------------------------
# The figure is drawn by `xyz plot` from a study file whose results are the benchmark's
# database, so that the time is that of the whole command a user runs (launcher flags included).
mkdir -p "$work/plot"
java -Djava.awt.headless=true -cp "$testcp" xyz.plot.PlotBench build "$work/plot" \
  >/dev/null 2>&1 || log "PlotBench build failed"
for seeds in 1 3; do
  java -cp "$testcp" xyz.plot.PlotBench study "$work/plot" "$seeds" >/dev/null \
    || log "PlotBench study failed"
  # The first plot after a build records the launcher's class-data archive; not timed.
  "$root/xyz" plot "$work/plot/study-$seeds/study.yaml" >/dev/null 2>&1
  x=$(median noop "$root/xyz" plot "$work/plot/study-$seeds/study.yaml")
  out=$(timeout "$seaborn_timeout" "$py" "$root/bench/seaborn_grid.py" "$seeds" \
    "$work/plot/seaborn-$seeds.png" 2>"$work/seaborn.err")
  rc=$?
  if [ $rc = 0 ]; then
    p="$out"
  elif [ $rc = 124 ]; then
    p="did not finish in $seaborn_timeout s"
  else
    p="-"; log "seaborn failed: $(tail -1 "$work/seaborn.err")"
  fi
  label="facet grid 18x11x15x350, $seeds seed(s)"
  goal="$([ "$seeds" = 1 ] && echo ">= 20x seaborn, < 3 s" || echo "< 5 s, 95% band")"
  if [[ "$p" == did* ]]; then
    row "$label (s; seaborn: relplot+savefig only)" "$x" "$p" "> $(ratio "$x" \
      "$seaborn_timeout")" "seaborn relplot" "$goal"
  else
    row "$label (s; seaborn: relplot+savefig only)" "$x" "$p" "$(ratio "$x" "$p")" \
      "seaborn relplot" "$goal"
  fi
done

# --- 7. peak memory with -Xmx512m ------------------------------------------------------------
peak() {
  /usr/bin/time -f "%M" -o "$work/rss.txt" "$@" >"$work/last.out" 2>&1
  local rc=$?
  echo "$(( $(tail -1 "$work/rss.txt") / 1024 )) MB RSS, exit $rc"
}
m1=$(XYZ_JAVA_OPTS=-Xmx512m peak "$root/xyz" collect "$work/collect/study.yaml")
m2=$(XYZ_JAVA_OPTS=-Xmx512m peak "$root/xyz" plot "$work/plot/study-3/study.yaml")
row "peak memory, -Xmx512m: collect ($collect_cells x $collect_steps)" "$m1" "" "" \
  "(absolute)" "runs with -Xmx512m"
row "peak memory, -Xmx512m: plot (3 seeds, 3,118,500 rows)" "$m2" "" "" "(absolute)" \
  "runs with -Xmx512m"

# --- 8. the explorer: a shelf change on 1,000,000 observation rows ---------------------------
( cd "$root" && mvn -B -q -pl serve -am -DskipTests test-compile \
    dependency:build-classpath -Dmdep.outputFile="$work/serve-cp.txt" >/dev/null ) \
  || log "the explorer's test classes did not build; its row will be empty"
servecp="$root/serve/target/test-classes:$root/serve/target/classes:$(cat "$work/serve-cp.txt" \
  2>/dev/null)"
java -cp "$servecp" xyz.serve.ServeBench "$work/serve" "$((repeats + 2))" >"$work/serve.out" \
  2>&1 || log "ServeBench failed: $(tail -1 "$work/serve.out")"
x=$(sed -n 's/.*median \([0-9.]*\) ms, max.*/\1/p' "$work/serve.out")
cpu=$(sed -n 's/.*median CPU time \([0-9.]*\) ms.*/\1/p' "$work/serve.out")
row "explorer: a shelf change on 1,000,000 observation rows (server ms; CPU ${cpu:--} ms)" \
  "${x:--}" "" "" "(absolute)" "<= 300 ms"

# --- table -----------------------------------------------------------------------------------
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' \
  /proc/meminfo), $(java -version 2>&1 | head -1), medians of $repeats run(s)"
echo
echo "| workload | xyz | peer | peer / xyz | peer tool | goal |"
echo "| --- | --- | --- | --- | --- | --- |"
for r in "${rows[@]}"; do
  echo "| ${r//|/ | } |"
done

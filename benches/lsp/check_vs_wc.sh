#!/usr/bin/env bash
# Times `newsls check --format json FOLDER > /dev/null` against `wc -w` over the same *.txt files,
# both using every core, and prints the ratio. hyperfine is used when installed
# (apt-get install hyperfine), else a loop of RUNS runs taking medians.
#
# usage: benches/lsp/check_vs_wc.sh [FOLDER] [--bin PATH] [--runs N] [--warmup N] [--no-hyperfine]
#   FOLDER defaults to /tmp/newsls-corpus (made by `driver.py --prepare-only`)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
folder=/tmp/newsls-corpus
bin="$repo/target/release/newsls"
runs=10
warmup=2
use_hyperfine=1

while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --no-hyperfine) use_hyperfine=0; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "check_vs_wc.sh: unknown option $1" >&2; exit 2 ;;
        *) folder="$1"; shift ;;
    esac
done

if [[ ! -x "$bin" ]]; then
    echo "check_vs_wc.sh: no executable newsls at $bin: run \`cargo build --release\` in $repo, or pass --bin" >&2
    exit 2
fi
if [[ ! -d "$folder" ]]; then
    echo "check_vs_wc.sh: no folder $folder: run \`python3 $here/driver.py --prepare-only --workspace $folder\`" >&2
    exit 2
fi

cores="$(nproc)"
files="$(find "$folder" -name '*.txt' | wc -l)"
bytes="$(find "$folder" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)"
echo "folder: $folder ($files files, $((bytes / 1024 / 1024)) MB), $cores cores, binary: $bin"

# Exit 1 (findings) is expected from check; 2 would be trouble.
check_cmd="'$bin' check --format json '$folder' > /dev/null; test \$? -le 1"
wc_cmd="find '$folder' -name '*.txt' -print0 | xargs -0 -P$cores -n500 wc -w > /dev/null"

# CPU-seconds used machine-wide (non-idle /proc/stat), and by this script's children so far:
# their difference over the measurement is what other processes (a build?) took meanwhile.
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu /{print ($2+$3+$4+$7+$8+$9)/hz}' /proc/stat; }
# `times` must run in this shell, not in a subshell ($(...) or a pipeline), whose children's
# times start at zero: it writes to a file, which a subshell then reads.
times_file="$(mktemp)"
trap 'rm -f "$times_file"' EXIT
children_cpu() {
    tail -1 "$times_file" | awk '{s=0; for (i=1;i<=2;i++) {split($i,a,/[ms]/); s+=a[1]*60+a[2]} print s}'
}
machine_before="$(machine_cpu)"
times > "$times_file"
children_before="$(children_cpu)"

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

if [[ $use_hyperfine == 1 ]] && command -v hyperfine > /dev/null; then
    json="$(mktemp)"
    trap 'rm -f "$json" "$times_file"' EXIT
    hyperfine --warmup "$warmup" --runs "$runs" --export-json "$json" \
        -n "newsls check --format json" "$check_cmd" \
        -n "wc -w (xargs -P$cores)" "$wc_cmd"
    read -r check_s wc_s < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"], r[1]["median"])' "$json")
else
    echo "(no hyperfine: $runs runs each after $warmup warm-up runs, medians)"
    time_of() {
        local start end
        start=$(date +%s.%N)
        bash -c "$1"
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l
    }
    for ((i = 0; i < warmup; i++)); do bash -c "$check_cmd"; bash -c "$wc_cmd"; done
    check_s="$(for ((i = 0; i < runs; i++)); do time_of "$check_cmd"; done | median)"
    wc_s="$(for ((i = 0; i < runs; i++)); do time_of "$wc_cmd"; done | median)"
fi

machine_after="$(machine_cpu)"
times > "$times_file"
children_after="$(children_cpu)"

python3 - "$check_s" "$wc_s" "$machine_before" "$machine_after" "$children_before" "$children_after" <<'EOF'
import sys
check, wc, m0, m1, c0, c1 = map(float, sys.argv[1:])
ratio = check / wc
other = max(0.0, (m1 - m0) - (c1 - c0))
print(f"median: newsls check {check:.3f} s, wc -w {wc:.3f} s, ratio {ratio:.2f}x "
      f"(target <= 4x: {'ok' if ratio <= 4 else 'MISS'})")
print(f"CPU of other processes meanwhile: {other:.2f} s"
      + (" (a busy machine: timings are inflated, rerun when quiet)" if other > 0.5 else " (quiet)"))
EOF

#!/usr/bin/env bash
# A terminal capture of Neovim with newsls on samples/integration-interview.txt: diagnostics
# (signs, underlines, virtual text) and the hover card on Aguirre's first quotation.
#   NEWSLS_BIN=target/release/newsls bash editors/screenshot.sh
# Writes docs/neovim.txt (tmux capture-pane, plain text) and docs/neovim.png (the same capture
# with its colours, rendered by pyte + Pillow installed into Neovim's venv; skipped with --no-png).
# Needs tmux, and Neovim 0.11 (editors/install-nvim.sh).
set -euo pipefail
editors="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$editors")"
png=1
[ "${1:-}" = --no-png ] && png=0

bin="${NEWSLS_BIN:-$repo/target/release/newsls}"
bin="$(realpath "$bin")"
[ -x "$bin" ] || { echo "no server at $bin: cargo build --release first" >&2; exit 1; }
nvim="${NVIM_BIN:-$(bash "$editors/install-nvim.sh")}"
venv="$(dirname "$(dirname "$nvim")")"
columns=130 rows=34
sample=samples/integration-interview.txt
socket="newsls-screenshot-$$"
scratch="$(mktemp -d)"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$scratch"' EXIT

cd "$repo"
tmux -L "$socket" -f /dev/null new-session -d -x "$columns" -y "$rows" \
  env TERM=tmux-256color COLORTERM=truecolor NEWSLS_BIN="$bin" \
  XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
  "$nvim" --clean -u "$editors/screenshot/init.lua" "$sample"
tmux -L "$socket" set -g default-terminal tmux-256color
tmux -L "$socket" set -ga terminal-overrides ',*:RGB'

capture() { tmux -L "$socket" capture-pane -p "$@"; }
wait_screen() { # wait_screen PATTERN: until the screen shows it (30 s)
  for _ in $(seq 300); do capture | grep -q -- "$1" && return 0; sleep 0.1; done
  echo "the screen never showed: $1" >&2; capture >&2; return 1
}

# Diagnostics: the first finding's virtual line.
wait_screen "unattributed-claim:"
# The hover card on Aguirre's first quotation (line 7): cursor into it, then K.
tmux -L "$socket" send-keys '7G' '10|' 'K'
wait_screen "Source:"
sleep 0.3

mkdir -p docs
capture > docs/neovim.txt
capture -e > "$scratch/neovim.ans"
# Trailing blanks of each captured line are noise in a text file.
sed -i 's/[[:space:]]*$//' docs/neovim.txt
echo "wrote docs/neovim.txt"
if [ "$png" = 1 ]; then
  "$venv/bin/python" -c 'import pyte, PIL' 2>/dev/null || "$venv/bin/pip" install --quiet --disable-pip-version-check pyte pillow
  "$venv/bin/python" "$editors/screenshot/render.py" "$scratch/neovim.ans" "$columns" "$rows" docs/neovim.png
  echo "wrote docs/neovim.png"
fi

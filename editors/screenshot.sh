#!/usr/bin/env bash
# A capture of Neovim with newsls, for the README: Neovim runs in tmux on an article, shows the
# diagnostics (signs, underlines, one virtual line per finding), opens the hover card with `K`,
# and the screen is rendered to docs/neovim.png (pyte + Pillow, installed into Neovim's venv).
#
#   NEWSLS_BIN=target/release/newsls bash editors/screenshot.sh [options]
#
# The article, by default: the user's example ../shared/seed/celac-putin.txt (next to the
# repository), the card on "CELAC" where "(CELAC)" is introduced; on a clone without ../shared,
# samples/integration-interview.txt, the card on Aguirre's first quotation.
#   --article PATH   another article (no card unless --hover is given too)
#   --hover TEXT     put the cursor on the first occurrence of TEXT in the article, then press K
#   --png FILE       where the PNG goes (default docs/neovim.png)
#   --no-png         no PNG: print the text capture instead
#   --text FILE      also keep the plain-text capture (tmux capture-pane) in FILE
# The text capture is otherwise a temporary file: the repository keeps no copy of the article.
# Needs tmux (apt-get install -y tmux) and Neovim 0.11 (bash editors/install-nvim.sh, or NVIM_BIN).
set -euo pipefail
editors="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$editors")"
die() { echo "screenshot.sh: $*" >&2; exit 1; }

article="" hover="" hover_set=0 png="$repo/docs/neovim.png" text=""
while [ $# -gt 0 ]; do
  case "$1" in
    --article) [ $# -ge 2 ] || die "--article needs a path"; article="$2"; shift 2 ;;
    --hover) [ $# -ge 2 ] || die "--hover needs a text"; hover="$2"; hover_set=1; shift 2 ;;
    --png) [ $# -ge 2 ] || die "--png needs a path"; png="$2"; shift 2 ;;
    --no-png) png=""; shift ;;
    --text) [ $# -ge 2 ] || die "--text needs a path"; text="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
# Output paths are taken relative to where the script was started.
[ -z "$png" ] || png="$(realpath -m "$png")"
[ -z "$text" ] || text="$(realpath -m "$text")"

seed="$(dirname "$repo")/shared/seed/celac-putin.txt"
sample="$repo/samples/integration-interview.txt"
if [ -n "$article" ]; then
  [ -f "$article" ] || die "no article at $article"
elif [ -f "$seed" ]; then
  article="$seed"; [ "$hover_set" = 1 ] || hover="CELAC)"
else
  echo "screenshot.sh: no $seed (a clone without ../shared): capturing $sample" >&2
  article="$sample"; [ "$hover_set" = 1 ] || hover="Our region"
fi
article="$(realpath "$article")"

command -v tmux >/dev/null || die "tmux is missing: apt-get install -y tmux"
bin="$(realpath -m "${NEWSLS_BIN:-$repo/target/release/newsls}")"
[ -x "$bin" ] || die "no server at $bin: cargo build --release, or set NEWSLS_BIN"
if [ -n "${NVIM_BIN:-}" ]; then
  nvim="$NVIM_BIN"
else
  nvim="$(bash "$editors/install-nvim.sh")" || die "could not install Neovim (bash editors/install-nvim.sh)"
fi
[ -x "$nvim" ] || die "no Neovim at $nvim: bash editors/install-nvim.sh prints its path (or set NVIM_BIN)"
"$nvim" --version | head -1 | grep -Eq 'v0\.(1[1-9]|[2-9][0-9])' \
  || die "$nvim is $("$nvim" --version | head -1), Neovim 0.11+ is needed: bash editors/install-nvim.sh"

# The cursor for the card: the byte offset of TEXT's first occurrence, for Neovim's `go`.
offset=""
if [ -n "$hover" ]; then
  offset="$(grep -b -o -F -m1 -- "$hover" "$article" | head -1 | cut -d: -f1 || true)"
  [ -n "$offset" ] || die "\"$hover\" is not in $article (see --hover)"
fi

columns=130 rows=40
socket="newsls-screenshot-$$"
scratch="$(mktemp -d)"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$scratch"' EXIT

# From the article's folder, so the status line names the file and not a long path.
cd "$(dirname "$article")"
tmux -L "$socket" -f /dev/null new-session -d -x "$columns" -y "$rows" \
  env TERM=tmux-256color COLORTERM=truecolor NEWSLS_BIN="$bin" \
  XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
  "$nvim" --clean -u "$editors/screenshot/init.lua" "$(basename "$article")"
tmux -L "$socket" set -g default-terminal tmux-256color >/dev/null
tmux -L "$socket" set -ga terminal-overrides ',*:RGB' >/dev/null

capture() { tmux -L "$socket" capture-pane -p "$@"; }
# wait_screen WHAT ERE: until the screen matches ERE (30 s), then until it stops changing (5 s).
wait_screen() {
  local i shot previous=""
  for i in $(seq 300); do
    tmux -L "$socket" has-session 2>/dev/null || die "Neovim exited before showing $1"
    capture | grep -Eq -- "$2" && break
    [ "$i" -lt 300 ] || { capture >&2; die "the screen never showed $1"; }
    sleep 0.1
  done
  for i in $(seq 25); do
    shot="$(capture -e)"
    [ "$shot" = "$previous" ] && return 0
    previous="$shot"; sleep 0.2
  done
}

# Diagnostics: a virtual line "rule-name: message" under a sentence.
wait_screen "a diagnostic" '[a-z]+(-[a-z]+)+: '
if [ -n "$offset" ]; then
  # The hover card: cursor on TEXT (`go` counts bytes from 1), then K; the card has a rounded border.
  tmux -L "$socket" send-keys "$((offset + 1))go"
  tmux -L "$socket" send-keys K
  wait_screen "the hover card" '╰─+╯'
fi

capture > "$scratch/neovim.txt"
capture -e > "$scratch/neovim.ans"
# Trailing blanks of each captured line are noise in a text file.
sed -i 's/[[:space:]]*$//' "$scratch/neovim.txt"
if [ -n "$text" ]; then
  mkdir -p "$(dirname "$text")"; cp "$scratch/neovim.txt" "$text"; echo "wrote $text"
fi
if [ -n "$png" ]; then
  venv="$(dirname "$(dirname "$nvim")")"
  python="$venv/bin/python"; [ -x "$python" ] || python=python3
  for font in /usr/share/fonts/truetype/dejavu/DejaVuSansMono{,-Bold}.ttf; do
    [ -f "$font" ] || die "no $font: apt-get install -y fonts-dejavu-core"
  done
  if ! "$python" -c 'import pyte, PIL' 2>/dev/null; then
    "$python" -m pip install --quiet --disable-pip-version-check pyte pillow \
      || die "could not install pyte and Pillow for $python"
  fi
  mkdir -p "$(dirname "$png")"
  "$python" "$editors/screenshot/render.py" "$scratch/neovim.ans" "$columns" "$rows" "$png"
  echo "wrote $png ($(basename "$article"))"
else
  cat "$scratch/neovim.txt"
fi

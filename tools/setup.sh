# Installs whatever this machine lacks to build and test Bawaba, idempotently.
# Sourced by tools/serve and tools/test; safe to run again and again.
# Usage: . tools/setup.sh [--browser]

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version Cargo.lock pins)"
  # Not --locked: its lockfile names a dependency version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
WASM_SPLIT_VERSION=0.2.4
# It has no --version: cargo's list of installed crates says which it is.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (splits the app into parts loaded when opened)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi
# Trunk.toml must name the same version, or trunk (offline) refuses to build.
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml || {
  echo "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" to match Cargo.lock" >&2
  exit 1
}

# npm's binaryen provides wasm-opt 132 (Debian's 108 breaks the wasm at load);
# playwright-core drives Debian's Chromium; nothing downloads a browser.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node tooling (npm ci)"
  npm ci --no-audit --no-fund
fi

# xmllint checks the CAP export against the OASIS schema in the CLI's tests.
if ! command -v xmllint >/dev/null; then
  say "installing Debian's libxml2-utils (xmllint)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libxml2-utils
fi

if [ "${1:-}" = "--browser" ]; then
  # Chromium for the suite; Firefox ESR and WebKitGTK (its WebDriver, with
  # MiniBrowser, under Xvfb) for the cross-engine subset (e2e/engines/).
  MISSING=""
  [ -x /usr/bin/chromium ] || MISSING="$MISSING chromium"
  [ -x /usr/bin/firefox-esr ] || MISSING="$MISSING firefox-esr"
  command -v WebKitWebDriver >/dev/null || MISSING="$MISSING webkit2gtk-driver"
  command -v Xvfb >/dev/null || MISSING="$MISSING xvfb"
  if [ -n "$MISSING" ]; then
    say "installing Debian's$MISSING"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $MISSING
  fi
  GECKODRIVER_VERSION=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (drives Firefox; about 2 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi

#!/usr/bin/env bash
# The whole test suite, as CI runs it (`npm test`): Debian packages and npm dependencies when
# missing, type check, lint, build, then every vitest project inside a private D-Bus session
# with an unlocked gnome-keyring and a fresh HOME (so no real keychain or ~/.aws is touched).
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

packages=(chromium tigervnc-standalone-server tigervnc-tools gnome-keyring dbus dbus-x11 libsecret-1-dev
  xrdp freerdp2-x11 xvfb x11-utils xdotool x11-xserver-utils openssl xdg-utils python3-botocore
  tinyproxy squid)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node build/scripts/ensure-deps.mjs

echo "== type check"; npx tsc -b
echo "== lint"; npx eslint .
echo "== build"; npx electron-vite build >/dev/null
if [ -f test/security/gate.ts ]; then echo "== security gate"; npx tsx test/security/gate.ts; fi

echo "== tests"
test_home=$(mktemp -d)
trap 'rm -rf "$test_home"' EXIT
summary="$test_home/vitest-summary.json"
set +e
HOME="$test_home" dbus-run-session -- bash -c '
  echo -n deskbridge-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec npx vitest run --reporter=default --reporter=json --outputFile.json="$0" "$@"
' "$summary" "$@"
status=$?
set -e
# One plain closing line that agrees with the exit code: "tests: N passed, N failed, N skipped".
node build/scripts/closing-line.cjs "$summary" "$status"

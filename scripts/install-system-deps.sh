#!/usr/bin/env bash
# Installs the Debian packages diplograph's development and tests need, when missing:
# a JDK 17+ and Maven (the local Neo4j), Chromium (browser tests, driven by playwright-core),
# python3-networkx (a real consumer of the GraphML/GEXF exports, run with /usr/bin/python3).
# Needs root (or sudo) for apt-get; skips what is there.
set -euo pipefail
need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || need+=(python3-networkx)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=''
[ "$(id -u)" -eq 0 ] || SUDO='sudo'
echo "system packages: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"

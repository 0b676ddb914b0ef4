#!/usr/bin/env bash
# Installs the Debian packages the suite needs, only when one is missing.
set -euo pipefail
need=()
for pkg in tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra fonts-dejavu-core postgresql chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

#!/usr/bin/env bash
# Installs the pinned framework versions (requirements.txt) in a virtual environment and records
# a fresh set of trajectories into the folder given (default: target/conformance-recorded).
# Never part of `mvn verify`: it needs the Python packages, which tests must not download.
#
#   conformance/record.sh [OUT] [record.py options, e.g. --frameworks torch --constant 5000]
#
# Then compare with `./optikata conformance --dir OUT`, and copy the runs worth keeping into
# src/test/resources/conformance/ (keep their manifests' "expect").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../target/conformance-recorded}"
shift || true
venv="${OPTIKATA_CONFORMANCE_VENV:-$here/../target/conformance-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  # torch's CPU wheels live on PyTorch's own index; pip's configured indexes and mirrors apply.
  "$venv/bin/pip" install --extra-index-url https://download.pytorch.org/whl/cpu -r "$here/requirements.txt"
fi
"$venv/bin/python" "$here/record.py" --out "$out" "$@"
echo "recorded into $out"

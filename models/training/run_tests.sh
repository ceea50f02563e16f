#!/usr/bin/env bash
# The model track's CI step (tests/run-all.sh calls it): builds the tiny test model and its PyTorch
# parity fixtures into build/test-model/ (the C# tests read them), then runs the Python tests.
# Needs Debian's python3-torch, python3-onnx, python3-numpy, python3-matplotlib, python3-pytest.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for mod in torch onnx numpy matplotlib pytest; do
  if ! /usr/bin/python3 -c "import $mod" 2>/dev/null; then
    echo "run_tests: Python module '$mod' is missing; install it (installer/deps.sh: python3-torch python3-onnx python3-numpy python3-matplotlib python3-pytest)." >&2
    exit 2
  fi
done
/usr/bin/python3 "$repo/models/training/make_test_model.py" "$repo/build/test-model"
# -p no:cacheprovider: leave no .pytest_cache in the tree.
/usr/bin/python3 -m pytest -q -p no:cacheprovider "$repo/models/training/tests"

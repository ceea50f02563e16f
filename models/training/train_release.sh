#!/usr/bin/env bash
# The whole model release, reproducibly: dataset -> training (resumable) -> ONNX export ->
# originality index -> density targets -> evaluation -> style evaluation (C#) -> model card. Every stage is seeded; rerun the script after an
# interruption and it picks up where it stopped (the dataset is rebuilt only when its code, vocab
# or style files changed; training resumes from its last checkpoint).
#
#   models/training/train_release.sh            # everything
#   STAGES="export index evaluate card" models/training/train_release.sh   # some stages only
#
# Writes models/sideman-$VERSION.onnx, models/sideman-$VERSION.fingerprints, models/sideman-$VERSION.density.json, models/MODEL_CARD.md,
# models/ATTRIBUTION.tsv and models/training/reports/ (training.json, history, loss plot, log,
# eval.json, eval.md). Needs Debian's python3-torch, python3-onnx, python3-numpy, python3-yaml,
# python3-matplotlib (installer/deps.sh). On 2 CPU cores training takes about 80 minutes (longer on a
# shared machine), in runs of at most 85 minutes each.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
py=/usr/bin/python3
tr=models/training
version="$(cat VERSION)"
data="${SIDEMAN_DATASET:-$tr/.cache/dataset}"
run="${SIDEMAN_RUN:-$tr/runs/release}"
onnx="models/sideman-$version.onnx"
index="models/sideman-$version.fingerprints"
reports="$tr/reports"
stages="${STAGES:-dataset train export index density evaluate style card}"
# The release's training configuration (docs: models/training/README.md, "Release training").
steps="${SIDEMAN_STEPS:-3500}"
train_args=(--out "$run" --data-dir "$data" --preset base --batch-size 8 --threads 1 --steps "$steps"
            --dropout 0.0 --lr 1e-3 --min-lr 1e-4 --warmup 100 --seed 1234 --eval-every 200
            --eval-batches 8 --log-every 10 --max-minutes "${SIDEMAN_MAX_MINUTES:-85}")

has() { [[ " $stages " == *" $1 "* ]]; }
say() { printf '\n== train_release: %s ==\n' "$*"; }

if has dataset; then
  say "dataset ($data)"
  if $py - "$data" <<'EOF'
import json, os, sys
sys.path.insert(0, "models/training")
from sideman_data import build
p = os.path.join(sys.argv[1], "stats.json")
ok = os.path.exists(p) and json.load(open(p))["code_fingerprint"] == build.code_fingerprint() \
     and json.load(open(p))["config"]["limit"] is None
sys.exit(0 if ok else 1)
EOF
  then echo "up to date (same code fingerprint); skipping the build"
  else $py $tr/build_dataset.py --out "$data" --report
  fi
fi

if has train; then
  say "train ($run, $steps steps; resumable)"
  mkdir -p "$run"
  for attempt in 1 2 3 4 5 6; do
    step="$($py -c "import sys,torch; print(torch.load(sys.argv[1], map_location='cpu')['step'])" "$run/last.pt" 2>/dev/null || echo 0)"
    [ "$step" -ge "$steps" ] && break
    echo "training from step $step (run $attempt; log $run/train.log)"
    NPROC=2 $tr/train_ddp.sh "${train_args[@]}" 2>&1 | tee -a "$run/train.log" || true
  done
  $py $tr/training_report.py "$run" --out "$reports"
fi

if has export; then
  say "export $onnx"
  $py $tr/export_onnx.py "$run/best.pt" "$onnx"
fi

if has index; then
  say "originality index $index"
  $py $tr/build_index.py --data-dir "$data" --out "$index"
fi

if has density; then
  say "density targets ${onnx%.onnx}.density.json"
  $py $tr/density_targets.py --data-dir "$data" --out "${onnx%.onnx}.density.json"
fi

if has evaluate; then
  say "evaluate"
  $py $tr/evaluate.py --checkpoint "$run/best.pt" --index "$index" --data-dir "$data" --out "$reports"
fi

if has style; then
  say "style evaluation (sideman evaluate, the shipped C# path)"
  dotnet build src/Sideman.Cli -c Release -o build/cli -v quiet -nologo
  build/cli/sideman evaluate --model "$onnx" --index "$index" --out "$reports"   # no --check: the card lists what fails
fi

if has card; then
  say "model card"
  $py $tr/make_model_card.py --data-dir "$data" --reports "$reports" --onnx "$onnx" --index "$index"
fi

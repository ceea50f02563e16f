#!/usr/bin/env bash
# Runs train.py on several processes of this machine with torchrun (DistributedDataParallel:
# gloo on CPU, nccl on CUDA). Arguments go to train.py. NPROC sets the process count (default 2).
#   NPROC=2 models/training/train_ddp.sh --out models/training/runs/main
# For several machines, call torchrun yourself with --nnodes/--rdzv-endpoint and the same train.py.
#
# --redirects 1 --tee 1: Debian 12's torchrun (PyTorch 1.13 on Python 3.11) crashes on its default
# "--redirects 0" (Python 3.11 no longer iterates the zero-valued Std flag); teeing stdout avoids it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec /usr/bin/python3 -m torch.distributed.run --standalone --nproc_per_node="${NPROC:-2}" \
  --redirects 1 --tee 1 "$here/train.py" "$@"

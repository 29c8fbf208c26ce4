"""Simulation check of the W241 estimators: recovery under a known effect, size under the null.

Usage: python analysis/simulation.py OUT_JSON [N_SIMS]
"""

import json
import sys
from pathlib import Path

from ailabor.simulate import check_estimators

n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
res = {
    "effect": check_estimators(n, seed=1, accuracy_logodds_per_step=0.2),
    "null": check_estimators(n, seed=2, accuracy_logodds_per_step=0.0),
}
Path(sys.argv[1]).parent.mkdir(parents=True, exist_ok=True)
Path(sys.argv[1]).write_text(json.dumps(res, indent=2) + "\n")
print(json.dumps(res, indent=2))

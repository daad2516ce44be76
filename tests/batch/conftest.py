"""Make ``batch_fakes`` importable by worker processes (forkserver children inherit sys.path)."""

import sys
from pathlib import Path

HERE = str(Path(__file__).parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

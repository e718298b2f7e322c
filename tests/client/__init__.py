"""Tests of the Python client (client/). The script that writes its generated half,
client/generate.py, is imported as ``generate``: it is a tool of the repository, not
part of the package."""

import sys

from api.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "client"))

"""MSC-KB: the REST API, the seed loader and the command line."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("msckb")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

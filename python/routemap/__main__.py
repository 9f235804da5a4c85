"""The ``routemap`` command installed by pip: runs the C++ command line tool bundled in the package
(``routemap/bin/routemap``) with the same arguments. ``python -m routemap ...`` does the same."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional


def executable() -> Path:
    """The routemap command line tool installed with this package: inside it for a pip install
    (routemap/bin/routemap), else in the bin/ of the prefix the library was installed to."""
    bundled = Path(__file__).resolve().parent / "bin" / "routemap"
    if bundled.exists():
        return bundled
    from ._core import install_data_directory

    return Path(install_data_directory()).resolve().parent.parent / "bin" / "routemap"


def main(argv: Optional[List[str]] = None) -> int:
    """Replace this process with the bundled CLI, passing `argv` (default: this process's arguments)."""
    args = sys.argv[1:] if argv is None else list(argv)
    binary = executable()
    if not os.access(binary, os.X_OK):
        # Never fall back to searching PATH: the `routemap` found there would be this very script.
        print(f"routemap: the command line tool was not installed with this package ({binary} is missing)",
              file=sys.stderr)
        return 2
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(str(binary), ["routemap", *args])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())

"""``--open``: show a written file in the program the computer opens it with."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def open_file(path: Path) -> None:
    """Open ``path`` as a double-click would: ``os.startfile`` on Windows, ``open`` on macOS,
    ``xdg-open`` elsewhere. Returns at once (the viewer runs on its own); raises ``OSError``
    when there is no way to open it."""
    path = Path(path)
    if sys.platform.startswith("win"):
        os.startfile(str(path))  # type: ignore[attr-defined]  # noqa: S606 (Windows only)
        return
    command = ["open", str(path)] if sys.platform == "darwin" else ["xdg-open", str(path)]
    subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)

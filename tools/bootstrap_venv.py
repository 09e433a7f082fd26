"""Create the project's virtual environment with a working pip.

Debian ships ``python3`` without ``ensurepip`` unless python3-venv is installed; then
``python3 -m venv`` fails. In that case we create the environment without pip and
install a pinned pip wheel from PyPI, checked against its hash, into it.
"""

import hashlib
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

PIP_WHEEL_URL = (
    "https://files.pythonhosted.org/packages/44/3c/"
    "d717024885424591d5376220b5e836c2d5293ce2011523c9de23ff7bf068/pip-25.3-py3-none-any.whl"
)
PIP_WHEEL_SHA256 = "9655943313a94722b7774661c21049070f6bbb0a1516bf02f7c8d5d9201514cd"


def has_ensurepip() -> bool:
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        return False
    return True


def main(target: str) -> None:
    env_dir = Path(target)
    python = env_dir / "bin" / "python"
    if python.exists() and (env_dir / "bin" / "pip").exists():
        return
    if has_ensurepip():
        venv.create(env_dir, with_pip=True, clear=True)
        return
    venv.create(env_dir, with_pip=False, clear=True)
    with tempfile.TemporaryDirectory() as folder:
        wheel = Path(folder) / PIP_WHEEL_URL.rsplit("/", 1)[1]
        with urllib.request.urlopen(PIP_WHEEL_URL, timeout=60) as response:
            wheel.write_bytes(response.read())
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != PIP_WHEEL_SHA256:
            sys.exit(f"The pip wheel's hash does not match: {digest}")
        subprocess.run(
            [str(python), f"{wheel}/pip", "install", "--no-index", str(wheel)], check=True
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".venv")

"""Fetch the Nu HTML Checker (vnu.jar) for `make validate-html`, pinned and verified.

The checker is published on the npm registry as the `vnu-jar` package; this takes
its tarball at a fixed version, checks it against the registry's recorded SHA-512
and unpacks only the jar into var/tools/. Standard library only; does nothing when
the jar is already there. Prints the jar's path.
"""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "26.9.27"
TARBALL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
INTEGRITY = (
    "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9"
    "+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
)
JAR = Path(__file__).resolve().parent.parent / "var" / "tools" / f"vnu-{VERSION}.jar"


def fetch() -> Path:
    if JAR.exists():
        return JAR
    with urllib.request.urlopen(TARBALL, timeout=300) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        sys.exit(f"vnu-jar {VERSION}: checksum mismatch ({digest}); refusing to use it.")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        jar = archive.extractfile("package/build/dist/vnu.jar").read()
    JAR.parent.mkdir(parents=True, exist_ok=True)
    partial = JAR.with_suffix(".part")
    partial.write_bytes(jar)
    partial.replace(JAR)
    return JAR


if __name__ == "__main__":
    print(fetch())

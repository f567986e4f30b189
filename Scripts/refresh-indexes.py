#!/usr/bin/env python3
"""Re-records the embedded default index under Indexes/ with `preflight index snapshot`.

Indexes/pypi:   every package locked from PyPI (or a PyPI mirror) in Fixtures/*/poetry.lock,
                with every file of every release and core metadata for the oldest
                locked release and every release after it.
Indexes/shippo: the scenario's private index (Fixtures/private-index), served on
                loopback while it is recorded, with metadata for every release.
Each project file is then gzip-compressed (`<name>.json.gz`), which the snapshot reader
reads as it reads `<name>.json`.

Usage: python3 Scripts/refresh-indexes.py [--preflight PATH] [--jobs N]
Needs Python 3.11+ (tomllib) and network access to pypi.org.
"""

import argparse
import concurrent.futures
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRIVATE_SOURCES = {"shippo"}
PORT = 8765


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def version_key(text):
    """A rough PEP 440 sort key: enough to pick the oldest of a few locked versions."""
    parts = []
    for piece in re.split(r"[.+-]", text):
        number = re.match(r"\d+", piece)
        parts.append((int(number.group()) if number else -1, piece))
    return parts


def locked_packages():
    """Normalized name -> the locked versions of every PyPI package in the fixtures."""
    locked = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "Fixtures", "**", "poetry.lock"),
                                 recursive=True)):
        with open(path, "rb") as handle:
            lock = tomllib.load(handle)
        for package in lock.get("package", []):
            source = package.get("source", {})
            if source.get("type") not in (None, "legacy"):
                continue
            if source.get("reference") in PRIVATE_SOURCES:
                continue
            locked.setdefault(normalize(package["name"]), set()).add(package["version"])
    return locked


def record(preflight, name, versions, target):
    oldest = min(versions, key=version_key)
    command = [preflight, "index", "snapshot", name, "--versions", f">={oldest}",
               "--to", target]
    result = subprocess.run(command, capture_output=True, text=True)
    return name, result.returncode, (result.stdout + result.stderr).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preflight", default=os.path.join(ROOT, ".build", "debug",
                                                            "preflight"))
    parser.add_argument("--jobs", type=int, default=6)
    arguments = parser.parse_args()

    # PyPI: one process per package, a few at a time.
    pypi = os.path.join(ROOT, "Indexes", "pypi")
    shutil.rmtree(pypi, ignore_errors=True)
    failures = 0
    packages = locked_packages()
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        jobs = [pool.submit(record, arguments.preflight, name, versions, pypi)
                for name, versions in sorted(packages.items())]
        for job in concurrent.futures.as_completed(jobs):
            name, status, output = job.result()
            print(output if status == 0 else f"{name}: FAILED ({status}) {output}")
            failures += status != 0

    # The private fixture index, served on loopback while it is recorded.
    shippo = os.path.join(ROOT, "Indexes", "shippo")
    shutil.rmtree(shippo, ignore_errors=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(PORT), "--bind", "127.0.0.1", "-d",
         os.path.join(ROOT, "Fixtures", "private-index")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        result = subprocess.run(
            [arguments.preflight, "index", "snapshot", "shippo-core", "shippo-kafka",
             "--source", f"http://127.0.0.1:{PORT}/simple/", "--all-metadata", "--to",
             shippo], capture_output=True, text=True)
        print((result.stdout + result.stderr).strip())
        failures += result.returncode != 0
    finally:
        server.terminate()
        server.wait()
    compress(pypi)
    compress(shippo)
    return 1 if failures else 0


def compress(directory):
    """Replaces each project file with `<name>.json.gz` (no name or time in the header,
    so a re-recording of the same data gives the same bytes): Indexes/ must stay small."""
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, "rb") as source:
            data = source.read()
        with open(path + ".gz", "wb") as target:
            target.write(gzip.compress(data, compresslevel=9, mtime=0))
        os.remove(path)


if __name__ == "__main__":
    sys.exit(main())

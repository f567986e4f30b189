"""Differential fuzzing of `preflight debug wheel` against packaging 26.x.

    /work/venv/bin/python Scripts/oracles/fuzz_wheel.py [--seed N] [--scale K]
        [--save-sample N]

Filenames come from a random grammar: odd build tags, compressed tag sets,
upper case, invalid versions, `.whl` case, dotted and unnormalized names,
abi3/none/any combinations, free-threaded ABIs, macOS 10.x/11+ with
universal2/intel/arm64, Windows arm64, manylinux legacy aliases, musllinux on
arm64, linux_armv7l and i686, checked against the six targets of issue 3.
With --save-sample, appends every disagreement plus N random agreeing cases to
Tests/PythonPackagingTests/Resources/wheel/filenames.jsonl.
"""

import argparse
import json
import pathlib
import random

from packaging import tags

import fuzz_common
from wheel_vectors import FILENAME_TARGETS, answer, supported_tags

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PythonPackagingTests/Resources/wheel/filenames.jsonl"

NAMES = ["numpy", "NumPy", "zope.interface", "zope_interface", "typing_extensions", "a",
         "A_B", "foo__bar", "foo.bar_baz", "x1", "_x", "x_", "Pillow", "ruamel.yaml.clib",
         "foo-bar", "é", "a.b", "1x", ""]
VERSIONS = ["1.0", "2.3.4", "1.0.0", "1.0a1", "1.0rc1", "1.0.post1", "1.0.dev0", "1!2.0",
            "1.0+local", "1.0+cu118", "2004d", "1.0-1", "1.0_1", "v1.0", "1.0.0.0.0",
            "01.02", "1.0a", "1.0RC1", "1.0-beta", "not", "1..0", ""]
BUILDS = ["1", "0", "01", "1a", "1_x", "123abc", "a1", "1.0", "1-", "", "9" * 25, "1é"]
PYTHONS = ["py3", "py2.py3", "py3.py2", "cp314", "cp313", "cp39", "cp38", "cp37", "cp310",
           "py314", "py310", "py2", "cp311.cp312.cp313.cp314", "pp310", "pp311", "CP314",
           "py30", "cp3", "py3.cp314", "cp314t", "ip27", "cp315", "cp27", "py"]
ABIS = ["none", "abi3", "cp314", "cp314t", "cp313", "cp39", "abi3.none", "cp37m", "cp314d",
        "pypy310_pp73", "abi3t", "NONE", "cp313t", "cp314.abi3", "none.cp314"]
PLATFORMS = [
    "any", "ANY", "manylinux1_x86_64", "manylinux2010_x86_64", "manylinux2014_x86_64",
    "manylinux2014_aarch64", "manylinux_2_17_x86_64.manylinux2014_x86_64",
    "manylinux_2_28_x86_64", "manylinux_2_36_x86_64", "manylinux_2_37_x86_64",
    "manylinux_2_5_x86_64", "manylinux_2_5_i686", "manylinux1_i686", "manylinux_2_17_i686",
    "manylinux_2_31_aarch64", "manylinux_2_39_aarch64", "manylinux_2_17_armv7l",
    "manylinux_2_31_armv7l", "manylinux_2_17_ppc64le", "manylinux_2_17_s390x",
    "musllinux_1_1_x86_64", "musllinux_1_2_x86_64", "musllinux_1_3_x86_64",
    "musllinux_1_2_aarch64", "musllinux_1_1_aarch64", "musllinux_1_2_armv7l",
    "musllinux_1_2_i686", "linux_x86_64", "linux_aarch64", "linux_armv7l", "linux_i686",
    "macosx_10_9_x86_64", "macosx_10_9_universal2", "macosx_11_0_arm64",
    "macosx_11_0_universal2", "macosx_14_0_arm64", "macosx_15_0_arm64", "macosx_10_6_intel",
    "macosx_10_13_intel", "macosx_12_0_x86_64", "macosx_10_15_universal", "macosx_14_0_x86_64",
    "macosx_10_4_fat", "macosx_13_0_fat3", "macosx_10_5_fat64", "macosx_11_0_universal",
    "macosx_14_0_universal2", "macosx_14_1_arm64", "macosx_26_0_arm64", "win_amd64",
    "win32", "win_arm64", "win_ia64", "manylinux_2_17_x86_64.musllinux_1_1_x86_64",
    "manylinux_2_36_aarch64", "Manylinux_2_17_x86_64", "manylinux_2_17_X86_64",
    "manylinux_3_0_x86_64", "manylinux_2_017_x86_64", "musllinux_1_02_x86_64",
    "linux_x86_64.any", "emscripten_3_1_58_wasm32", "ios_13_0_arm64_iphoneos",
    "android_21_arm64_v8a",
]


def random_filename(rng):
    parts = [rng.choice(NAMES), rng.choice(VERSIONS)]
    if rng.random() < 0.25:
        parts.append(rng.choice(BUILDS))
    parts += [rng.choice(PYTHONS), rng.choice(ABIS),
              ".".join(rng.sample(PLATFORMS, rng.choice([1, 1, 1, 2, 3])))]
    text = "-".join(parts)
    if rng.random() < 0.05:
        text = text.upper() if rng.random() < 0.5 else text.lower()
    return text + rng.choice([".whl"] * 18 + [".WHL", ".Whl", ".whl ", ".zip"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--save-sample", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ranks = {}
    for python, platform in FILENAME_TARGETS:
        table = {}
        for rank, text in enumerate(supported_tags(python, platform)):
            table.setdefault(next(iter(tags.parse_tag(text))), rank)
        ranks[(python, platform)] = table
    lines = []
    for index in range(15000 * args.scale):
        python, platform = rng.choice(FILENAME_TARGETS)
        filename = random_filename(rng)
        if index % 20 == 0:
            filename = fuzz_common.sprinkle(rng, filename)
        lines.append(answer(filename, python, platform, ranks[(python, platform)]))
    cases = [(line["request"], line["response"]) for line in lines]
    mismatches = fuzz_common.compare("wheel", cases)
    if args.save_sample:
        bad = {json.dumps(request, sort_keys=True) for request, _, _ in mismatches}
        rows = [line for line in lines if json.dumps(line["request"], sort_keys=True) in bad]
        rows += rng.sample(lines, min(args.save_sample, len(lines)))
        with open(OUT, "a", encoding="utf-8") as out:
            for line in rows:
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

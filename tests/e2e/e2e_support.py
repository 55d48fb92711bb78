"""Shared by the Python e2e tests: a writable copy of the bundled sample with its
compile database, and PASS/FAIL checks that set the exit status."""
import shutil
import sys
import subprocess
from pathlib import Path


def copy_sample(repo: Path, work: Path):
    """Copies testdata/sample to WORK/src and configures it into WORK/build."""
    shutil.rmtree(work, ignore_errors=True)
    src = work / "src"
    shutil.copytree(repo / "testdata" / "sample", src)
    build = work / "build"
    compiler = ["-DCMAKE_CXX_COMPILER=clang++-19"] if shutil.which("clang++-19") else []
    subprocess.run(["cmake", "-S", str(src), "-B", str(build), "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", *compiler],
                   check=True, stdout=subprocess.DEVNULL)
    return src, build


class Checks:
    """check(what, ok, detail): prints PASS or FAIL; check.exit() exits 1 after any FAIL."""

    def __init__(self):
        self.failures = []

    def __call__(self, what, ok, detail=""):
        print(("PASS " if ok else "FAIL ") + what + ("" if ok else ": " + str(detail)))
        if not ok:
            self.failures.append(what)

    def exit(self):
        sys.exit(1 if self.failures else 0)

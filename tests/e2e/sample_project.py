"""A writable copy of the bundled sample with its compile database, for e2e tests
that edit the code between scans."""
import shutil
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

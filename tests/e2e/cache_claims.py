#!/usr/bin/env python3
"""cache_claims.py EGRESS_AUDIT RULES WORK_DIR

With --cache, a header function is analysed by one TU and borrowed by the others,
as without a cache. When the TU that held it stops including the header, the TUs
that borrowed it must provide it again: a warm re-scan reports what a scan without
a cache reports, and analyses as many functions. A re-scan whose facts are all
unchanged reuses the last link; any change links again.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e2e_support import Checks  # noqa: E402

tool, rules, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
shutil.rmtree(work, ignore_errors=True)
src = work / "src"
src.mkdir(parents=True)
check = Checks()

(src / "shared.h").write_text("""#pragma once
#include <string>
#include <sys/socket.h>
struct Customer { std::string email; std::string phone; };
inline void uploadContact(int fd, const Customer& c) {
  std::string line = c.email + ";" + c.phone;
  send(fd, line.data(), line.size(), 0);
}
""")
caller = """#include "shared.h"
void {name}(int fd, const Customer& c) {{ uploadContact(fd, c); }}
{padding}
"""
# Sizes decide the order (largest first): b.cpp parses first and claims the header.
(src / "a.cpp").write_text(caller.format(name="fromA", padding=""))
(src / "b.cpp").write_text(caller.format(name="fromB", padding="// " + "x" * 400))
(src / "c.cpp").write_text(caller.format(name="fromC", padding="// " + "x" * 100))
db = [{"directory": str(src), "file": str(src / f), "arguments": ["clang++", "-std=c++17", "-c", f]}
      for f in ("a.cpp", "b.cpp", "c.cpp")]
# b.cpp is also built for a second program: two commands, one TU, one cache entry.
db.append({"directory": str(src), "file": str(src / "b.cpp"), "arguments": ["clang++", "-std=c++17", "-DTOOL", "-c", "b.cpp"]})
(work / "compile_commands.json").write_text(json.dumps(db))


def scan(*extra):
    out = work / "report.json"
    run = subprocess.run([tool, "scan", "-p", str(work), "--root", str(src), "--rules", rules, "-j", "1", "--stats",
                          "--format", "json", "-o", str(out), *extra], stderr=subprocess.PIPE, text=True)
    functions = re.search(r"facts: \d+ TUs, (\d+) functions", run.stderr)
    findings = sorted((f["function"], f["sink"]["file"]) for f in json.loads(out.read_text())["findings"])
    return findings, int(functions.group(1)) if functions else -1, run.stderr


def check_like_plain(what, findings):
    """A cached re-scan after a change reports and analyses what a plain scan does."""
    plain, plain_functions, _ = scan()
    changed, changed_functions, err = scan(*cache)
    check(what, changed == plain and len(plain) == findings, (changed, plain, err))
    check("and every function is analysed once", changed_functions == plain_functions,
          (changed_functions, plain_functions))
    check("and the changed facts are linked again", "reused from the cache" not in err, err)
    return plain, plain_functions


cache = ["--cache", str(work / "cache")]
plain, plain_functions, _ = scan()
check("the three callers each reach the header's send", len({f for f, _ in plain}) == 3, plain)
cold, cold_functions, _ = scan(*cache)
check("a cold cached scan reports what a plain one does", cold == plain, cold)
check("the header function is analysed once with a cache too", cold_functions == plain_functions,
      (cold_functions, plain_functions))
stamps = lambda: {p.name: p.stat().st_mtime_ns for p in (work / "cache").iterdir()}
before = stamps()
warm, warm_functions, warm_err = scan(*cache)
check("a warm scan reports the same", warm == plain, warm)
check("and reuses the last link of the same facts", "link: reused from the cache" in warm_err, warm_err)
check("without reading the cached functions", warm_functions == 0 and "were not read" in warm_err, warm_err)
check("and re-extracts nothing (the claims of both of b.cpp's commands are kept)", stamps() == before)
read, read_functions, read_err = scan(*cache, "--facts-dir", str(work / "facts"))
check("a warm scan that writes the facts out reads them all", read == plain and read_functions == plain_functions
      and "were not read" not in read_err, (read, read_functions, read_err))
check("and re-extracts nothing either", stamps() == before)

# A comment added at the end leaves a.cpp's facts as they were: parsed again, not linked.
(src / "a.cpp").write_text((src / "a.cpp").read_text() + "// reviewed\n")
same, same_functions, same_err = scan(*cache)
check("an edit that leaves the facts as they were reuses the link",
      same == plain and "link: reused from the cache" in same_err, (same, same_err))

# b.cpp, which held the header function, no longer includes the header.
(src / "b.cpp").write_text("int fromB() { return 0; }\n" + "// " + "x" * 400 + "\n")
plain, plain_functions = check_like_plain("after the holder dropped the header, the borrowers provide it", 2)
before = stamps()
again, again_functions, _ = scan(*cache)
check("the next warm scan reports the same", again == plain, again)
check("and re-extracts nothing", stamps() == before)

# A TU extracted again because it borrowed from a changed TU keeps providing what it
# claimed itself: e.cpp (largest) holds uploadContact, b.cpp holds logOrder.
(src / "other.h").write_text("""#pragma once
#include <cstdio>
#include "shared.h"
inline void logOrder(FILE* out, const Customer& c) { fputs(c.email.c_str(), out); }
""")
both = """#include "other.h"
void {name}(int fd, FILE* out, const Customer& c) {{ uploadContact(fd, c); logOrder(out, c); }}
{padding}
"""
(src / "e.cpp").write_text(caller.format(name="fromE", padding="// " + "x" * 800))
(src / "b.cpp").write_text(both.format(name="fromB", padding="// " + "x" * 400))
(src / "a.cpp").write_text(both.format(name="fromA", padding=""))
db.append({"directory": str(src), "file": str(src / "e.cpp"), "arguments": ["clang++", "-std=c++17", "-c", "e.cpp"]})
(work / "compile_commands.json").write_text(json.dumps(db))
cache = ["--cache", str(work / "cache2")]
scan(*cache)
(src / "e.cpp").write_text("int fromE() { return 0; }\n" + "// " + "x" * 800 + "\n")
check_like_plain("a borrower extracted again still provides what it held", 5)
check.exit()

#!/usr/bin/env python3
"""Regression tests for hostile or careless input: each case builds a small project
or rules folder in WORK_DIR, runs egress-audit as a user would and checks the exit
code, the report and the messages.

usage: robustness.py CASE EGRESS_AUDIT RULES_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys

TOOL = RULES = WORK = None

CUSTOMER = """#include <string>
#include <sys/socket.h>
struct Customer { std::string email; std::string street; };
"""


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def write(path, text):
    path = os.path.join(WORK, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def database(entries, where="build"):
    """A compile database of (file, directory) pairs, relative to WORK."""
    db = [{"directory": os.path.join(WORK, d), "arguments": ["c++", "-std=c++17", "-c", f], "file": f}
          for f, d in entries]
    write(os.path.join(where, "compile_commands.json"), json.dumps(db))
    return os.path.join(WORK, where)


def run(*args, cwd=None):
    p = subprocess.run([TOOL, *args], cwd=cwd or WORK, capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout, p.stderr


def scan(build, *extra, fmt="json"):
    rc, out, err = run("scan", "-p", build, "--root", WORK, "--rules", RULES, "--format", fmt, *extra)
    report = json.loads(out) if fmt == "json" and out.strip() else None
    return rc, report, err


def policy(text):
    return write("policy.yaml", text)


MINIMAL_POLICY = """policy: test
rules:
  - id: customer-nowhere
    data: [customer.*]
    deny: [{host: '*'}]
"""


def expect_config_error(policy_text, where):
    rc, _, err = run("scan", "-p", database([]), "--rules", RULES, "--policy", policy(policy_text))
    check(rc == 2, "exit %d, expected 2: %s" % (rc, err))
    check(where in err, "message %r does not name %s" % (err.strip(), where))


# --- hostile sources -------------------------------------------------------------

def case_hostile_sources():
    """Deep expressions, a huge identifier, a crash pragma and a missing compile
    directory fail at most their own TU; the good TU's finding is kept."""
    write("src/good.cpp", CUSTOMER + "void leak(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    write("src/concat.cpp", "#include <string>\nstd::string f(std::string a) { return %s; }\n"
          % " + ".join(["a"] + ['"x"'] * 5000))
    write("src/sum.cpp", "int g(int v) { return %s; }\n" % " + ".join(["v"] + ["1"] * 30000))
    ident = "x" * 50000
    write("src/ident.cpp", CUSTOMER + "struct R { std::string %s; std::string email; };\n"
          "void h(int fd, R r) { send(fd, r.%s.data(), 1, 0); send(fd, r.email.data(), 1, 0); }\n" % (ident, ident))
    write("src/pragma.cpp", CUSTOMER + "#pragma clang __debug crash\n#pragma clang __debug llvm_fatal_error\n"
          "void p(int fd, const Customer& c) { send(fd, c.street.data(), 1, 0); }\n")
    entries = [("src/%s.cpp" % n, "") for n in ("good", "concat", "sum", "ident", "pragma")]
    entries.append(("x.cpp", "no-such-directory"))
    rc, report, err = scan(database(entries), "-j", "2")
    check(rc == 0, "exit %d: %s" % (rc, err))
    files = sorted({f["sink"]["file"] for f in report["findings"]})
    check(files == ["src/good.cpp", "src/ident.cpp", "src/pragma.cpp"], "findings in %s" % files)
    failed = report["coverage"]["failed"]
    check(len(failed) == 1 and "does not exist" in failed[0]["reason"], "failed: %s" % failed)


def case_deep_expression():
    """A sum of 300000 terms: Clang parses it on the workers' large stacks, the
    evaluator stops at its depth bound and says so; the other TU is unaffected."""
    write("src/good.cpp", CUSTOMER + "void leak(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    write("src/deep.cpp", "#include <string>\nstd::string f(std::string a) { return %s; }\n"
          % " + ".join(["a"] + ['"x"'] * 300000))
    rc, report, err = scan(database([("src/good.cpp", ""), ("src/deep.cpp", "")]), "-j", "2")
    check(rc == 0, "exit %d: %s" % (rc, err))
    check([f["sink"]["file"] for f in report["findings"]] == ["src/good.cpp"], "findings: %s" % report["findings"])
    limits = [l["limit"] for l in report["coverage"]["limits"]]
    check("expression-depth" in limits, "coverage: %s" % report["coverage"])


def case_sink_cap():
    """A violation among more sends than any summary cap is still reported (sinks
    are kept in location order, so the early line sorts late: "8:" after "459:")."""
    sends = "\n".join("  send(fd, c.email.data(), %d, 0);" % i for i in range(450))
    write("src/many.cpp", CUSTOMER + "#include <curl/curl.h>\nvoid many(int fd, const Customer& c) {\n"
          '  CURL* h = curl_easy_init();\n  curl_easy_setopt(h, CURLOPT_URL, "https://x.example.cn/in");\n'
          "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.street.c_str());\n" + sends + "\n}\n")
    rc, report, err = scan(database([("src/many.cpp", "")]))
    check(rc == 1, "exit %d, expected 1 (a violation): %s" % (rc, err))
    check(any(f["verdict"] == "violation" for f in report["findings"]), "no violation reported")


def case_limits_counted():
    """A sink behind a call chain longer than the bound is counted in the coverage,
    and --strict turns that into exit 3."""
    chain = ["void f0(int fd, const std::string& s) { send(fd, s.data(), s.size(), 0); }"]
    for i in range(1, 22):
        chain.append("void f%d(int fd, const std::string& s) { f%d(fd, s); }" % (i, i - 1))
    write("src/chain.cpp", CUSTOMER + "\n".join(chain) + "\nvoid top(int fd, const Customer& c) { f21(fd, c.email); }\n")
    build = database([("src/chain.cpp", "")])
    rc, report, err = scan(build)
    limits = {l["limit"]: l for l in report["coverage"]["limits"]}
    check("call-chain" in limits, "limits: %s" % report["coverage"]["limits"])
    check(report["coverage"]["complete"] is False, "coverage claims to be complete")
    rc, _, err = scan(build, "--strict")
    check(rc == 3, "--strict exit %d, expected 3" % rc)
    rc, out, _ = run("scan", "-p", build, "--root", WORK, "--rules", RULES)
    check("limit call-chain hit" in out, "text report does not show the limit:\n" + out)


def case_unknown_outputs():
    """A function of the program declared in a header and defined in no TU scanned,
    called with a buffer it may write: the coverage names it at its first call (a
    warning, in every format); one defined in another TU is not named."""
    write("src/vendor.h", "void vendor_fill(char* out, int n);\nvoid local_fill(char* out, int n);\n")
    write("src/a.cpp", CUSTOMER + '#include "vendor.h"\n'
          "void relay(int fd) {\n  char b[32];\n  vendor_fill(b, 32);\n  local_fill(b, 32);\n"
          "  send(fd, b, 32, 0);\n}\n")
    write("src/b.cpp", '#include "vendor.h"\nvoid local_fill(char* out, int n) { out[0] = 0; }\n')
    build = database([("src/a.cpp", ""), ("src/b.cpp", "")])
    rc, report, err = scan(build)
    unknown = [w for w in report["coverage"]["warnings"] if "defined nowhere" in w]
    check(len(unknown) == 1, "warnings: %s" % report["coverage"]["warnings"])
    check(unknown[0].startswith("src/a.cpp:7:3: vendor_fill()"), unknown[0])
    rc, out, _ = run("scan", "-p", build, "--root", WORK, "--rules", RULES)
    check("src/a.cpp:7:3: warning: vendor_fill() is declared but defined nowhere" in out, out)


# --- rules and policies -----------------------------------------------------------

def copy_rules(without=None):
    dest = os.path.join(WORK, "rules")
    shutil.copytree(RULES, dest)
    if without:
        shutil.rmtree(os.path.join(dest, without))
    return dest


def case_rules_without_apis():
    rules = copy_rules(without="apis")
    rc, _, err = run("scan", "-p", database([]), "--rules", rules)
    check(rc == 2 and "apis" in err, "exit %d: %s" % (rc, err))


def case_duplicate_key():
    expect_config_error(MINIMAL_POLICY + "rules:\n  - id: other\n    data: [seller.*]\n    deny: [{host: '*'}]\n",
                        "policy.yaml:6:1: duplicate key 'rules'")


def case_non_scalar_key():
    expect_config_error(MINIMAL_POLICY + "[a, b]: 1\n", "policy.yaml:6:1:")


def case_duplicate_rule_id():
    expect_config_error(MINIMAL_POLICY + "  - id: customer-nowhere\n    data: [seller.*]\n    deny: [{host: '*'}]\n",
                        "policy.yaml:6:9: rule id 'customer-nowhere' is used twice")


def case_nested_regex():
    nested = "(" * 5000 + "x" + ")" * 5000
    expect_config_error(MINIMAL_POLICY + "sanitizers:\n  - function: '%s'\n" % nested, "policy.yaml:7:15:")


# --- outputs and caches -----------------------------------------------------------

def case_report_write_error():
    write("src/good.cpp", CUSTOMER + "void leak(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    rc, _, err = scan(database([("src/good.cpp", "")]), "-o", "/dev/full")
    check(rc == 2 and "/dev/full" in err, "exit %d: %s" % (rc, err))


def case_cache_unwritable():
    write("src/good.cpp", CUSTOMER + "void leak(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    write("not-a-dir", "a file where the cache folder should be")
    rc, report, err = scan(database([("src/good.cpp", "")]), "--cache", os.path.join(WORK, "not-a-dir", "cache"))
    check(rc == 0 and len(report["findings"]) == 1, "exit %d: %s" % (rc, err))
    check("warning" in err and "cache" in err, "no warning: %s" % err)


def case_cache_content():
    """An edit that keeps the size and the modification time is still seen."""
    src = write("src/edit.cpp", "#include <string>\n#include <sys/socket.h>\n"
                "struct Customer { std::string email; std::string city_; };\n"
                "void leak(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    build = database([("src/edit.cpp", "")])
    cache = os.path.join(WORK, "cache")
    stat = os.stat(src)
    _, first, _ = scan(build, "--cache", cache)
    check([f["categories"] for f in first["findings"]] == [["customer.contact"]], "first scan: %s" % first)
    with open(src) as f:
        text = f.read()
    with open(src, "w") as f:
        f.write(text.replace("c.email.data()", "c.city_.data()"))
    os.utime(src, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    check(os.stat(src).st_size == stat.st_size, "the edit changed the size")
    _, second, _ = scan(build, "--cache", cache)
    cats = [f["categories"] for f in second["findings"]]
    check(cats == [["customer.address"]], "stale cache: %s" % cats)


def case_cache_policy_sanitizers():
    """The policy's sanitizers change extraction: a cached scan must see a change."""
    write("src/hash.cpp", CUSTOMER + "#include <curl/curl.h>\nstd::string mask(const std::string& s);\n"
          "void leak(const Customer& c) {\n  std::string m = mask(c.email);\n  CURL* h = curl_easy_init();\n"
          '  curl_easy_setopt(h, CURLOPT_URL, "https://x.example.de/in");\n'
          "  curl_easy_setopt(h, CURLOPT_POSTFIELDS, m.c_str());\n}\n")
    build = database([("src/hash.cpp", "")])
    cache = os.path.join(WORK, "cache")
    plain = policy(MINIMAL_POLICY)
    rc, first, _ = scan(build, "--cache", cache, "--policy", plain)
    check(rc == 1 and first["findings"], "expected a violation first")
    masking = write("masking.yaml", MINIMAL_POLICY + "sanitizers:\n  - function: 'mask'\n    removes: ['*']\n")
    rc, second, err = scan(build, "--cache", cache, "--policy", masking)
    check(rc == 0 and not second["findings"], "stale cache after a policy change: %s %s" % (rc, err))


def case_facts_collision():
    """src/a_b.cpp and src/a/b.cpp get different facts files; merge sees both."""
    body = CUSTOMER + "void %s(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n"
    write("src/a_b.cpp", body % "one")
    write("src/a/b.cpp", body % "two")
    build = database([("src/a_b.cpp", ""), ("src/a/b.cpp", "")])
    facts = os.path.join(WORK, "facts")
    rc, _, err = scan(build, "--facts-dir", facts)
    check(rc == 0, "scan exit %d: %s" % (rc, err))
    check(len([f for f in os.listdir(facts) if f.endswith(".facts.json")]) == 2, "facts files: %s" % os.listdir(facts))
    rc, out, err = run("merge", facts, "--root", WORK, "--rules", RULES, "--format", "json")
    check(rc == 0 and len(json.loads(out)["findings"]) == 2, "merge exit %d: %s" % (rc, err))
    shutil.copy(os.path.join(facts, sorted(os.listdir(facts))[0]), os.path.join(WORK, "again.facts.json"))
    rc, _, err = run("merge", facts, os.path.join(WORK, "again.facts.json"), "--rules", RULES)
    check(rc == 2 and "already in" in err, "a TU merged twice: exit %d: %s" % (rc, err))


def case_merge_other_rules():
    """Facts extracted under other policy sanitizers are refused by merge."""
    write("src/one.cpp", CUSTOMER + "void one(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    facts = os.path.join(WORK, "facts")
    scan(database([("src/one.cpp", "")]), "--facts-dir", facts)
    masking = write("masking.yaml", MINIMAL_POLICY + "sanitizers:\n  - function: 'mask'\n    removes: ['*']\n")
    rc, _, err = run("merge", facts, "--rules", RULES, "--policy", masking)
    check(rc == 2 and "other rules" in err, "exit %d: %s" % (rc, err))


def case_symlink_loops():
    os.makedirs(WORK, exist_ok=True)
    os.symlink("loop", os.path.join(WORK, "loop"))
    rc, _, err = run("merge", os.path.join(WORK, "loop"), "--rules", RULES)
    check(rc == 2 and "error" in err and "internal" not in err, "merge: exit %d: %s" % (rc, err))
    rc, _, err = run("scan", "-p", os.path.join(WORK, "loop"), "--rules", RULES)
    check(rc == 2 and "error" in err and "internal" not in err, "scan: exit %d: %s" % (rc, err))


def case_relative_outputs():
    """Relative -o, --cache and --facts-dir land where the tool was started, never in
    a compile directory."""
    write("src/good.cpp", CUSTOMER + "void leak(int fd, const Customer& c) { send(fd, c.email.data(), 1, 0); }\n")
    database([("good.cpp", "src")])
    runner = os.path.join(WORK, "runner")
    os.makedirs(runner)
    rc, _, err = run("scan", "-p", "../build", "--rules", RULES, "-o", "out.txt", "--cache", "cache",
                     "--facts-dir", "facts", "-j", "2", cwd=runner)
    check(rc == 0, "exit %d: %s" % (rc, err))
    for name in ("out.txt", "cache", "facts"):
        check(os.path.exists(os.path.join(runner, name)), "%s is not in the invoking directory" % name)
        check(not os.path.exists(os.path.join(WORK, "src", name)), "%s landed in the compile directory" % name)


def main():
    global TOOL, RULES, WORK
    case, TOOL, RULES, WORK = sys.argv[1], *(os.path.abspath(a) for a in sys.argv[2:5])
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    try:
        globals()["case_" + case.replace("-", "_")]()
    except Failure as f:
        print("FAIL %s: %s" % (case, f))
        return 1
    print("PASS %s" % case)
    return 0


if __name__ == "__main__":
    sys.exit(main())

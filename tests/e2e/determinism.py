#!/usr/bin/env python3
"""Same input, same answer: a generated project of many translation units whose
compile database uses relative paths (relative `file`, relative -I, compile
directories that differ per entry) is scanned with -j1, -j2 and -j8, from a working
directory that is none of the compile directories. The JSON reports must be
byte-identical, every finding must sit in the file that holds its sink, and relative
output paths must land where the tool was started.

usage: determinism.py EGRESS_AUDIT RULES_DIR WORK_DIR [UNITS]
"""
import json
import os
import shutil
import subprocess
import sys

MODEL_H = """#pragma once
#include <string>
struct Customer {
  std::string email;
  std::string phone;
  std::string street;
};
struct Parcel {
  std::string tracking_no;
  double weight_kg = 0;
};
"""

TRANSPORT_H = """#pragma once
#include <string>
void post_to(const std::string& url, const std::string& body);
"""

TRANSPORT_CPP = """#include "transport.h"
#include <curl/curl.h>
void post_to(const std::string& url, const std::string& body) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(h);
}
"""

# Each unit sends a different field to a different host, directly and through the
# shared helper in transport.cpp, so a finding put on the wrong file or merged with
# another unit's shows up.
UNIT_CPP = """#include "model.h"
#include "transport.h"
#include <sys/socket.h>
#include <string>

static const char* kHost{n} = "https://unit{n}.example.{tld}/v1";

void unit{n}_direct(int fd, const Customer& c) {{
  std::string line = "{n}:" + c.{field};
  send(fd, line.data(), line.size(), 0);
}}

void unit{n}_helper(const Parcel& p) {{
  post_to(std::string(kHost{n}) + "/parcels", p.tracking_no);
}}
"""

FIELDS = ["email", "phone", "street"]
TLDS = ["de", "cn", "fr", "us"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def generate(project, units):
    write(os.path.join(project, "include", "model.h"), MODEL_H)
    write(os.path.join(project, "include", "transport.h"), TRANSPORT_H)
    write(os.path.join(project, "lib", "transport.cpp"), TRANSPORT_CPP)
    entries = [{
        "directory": os.path.join(project, "lib"),
        "arguments": ["c++", "-std=c++17", "-I../include", "-c", "transport.cpp"],
        "file": "transport.cpp",
    }]
    for n in range(units):
        sub = "a" if n % 2 else "b"
        write(os.path.join(project, "src", sub, "unit%d.cpp" % n),
              UNIT_CPP.format(n=n, field=FIELDS[n % 3], tld=TLDS[n % 4]))
        if n % 3 == 0:  # relative to the project root
            entries.append({"directory": project,
                            "arguments": ["c++", "-std=c++17", "-Iinclude", "-c", "src/%s/unit%d.cpp" % (sub, n)],
                            "file": "src/%s/unit%d.cpp" % (sub, n)})
        else:  # relative to the file's own folder
            entries.append({"directory": os.path.join(project, "src", sub),
                            "arguments": ["c++", "-std=c++17", "-I../../include", "-c", "unit%d.cpp" % n],
                            "file": "unit%d.cpp" % n})
    write(os.path.join(project, "build", "compile_commands.json"), json.dumps(entries, indent=1))


def main():
    tool, rules, work = (os.path.abspath(a) for a in sys.argv[1:4])
    units = int(sys.argv[4]) if len(sys.argv) > 4 else 32
    shutil.rmtree(work, ignore_errors=True)
    project = os.path.join(work, "project")
    generate(project, units)
    runner = os.path.join(work, "runner")  # the invoking directory: no compile directory
    os.makedirs(runner)
    reports = {}
    for jobs in (1, 2, 8):
        out = "report-j%d.json" % jobs
        rc = subprocess.call([tool, "scan", "-p", "../project/build", "--root", "../project", "--rules", rules,
                              "--format", "json", "-o", out, "-j", str(jobs)], cwd=runner)
        if rc not in (0, 1):
            print("FAIL: -j%d exited %d" % (jobs, rc))
            return 1
        path = os.path.join(runner, out)
        if not os.path.exists(path):
            print("FAIL: -o %s did not land in the invoking directory" % out)
            return 1
        with open(path, "rb") as f:
            reports[jobs] = f.read()
    for jobs in (2, 8):
        if reports[jobs] != reports[1]:
            print("FAIL: the report with -j%d differs from -j1" % jobs)
            return 1
    report = json.loads(reports[1])
    if report["coverage"]["failed"] or report["coverage"]["partial"]:
        print("FAIL: translation units failed: %s" % report["coverage"])
        return 1
    findings = report["findings"]
    direct = [f for f in findings if f["function"].endswith("_direct")]
    helper = [f for f in findings if f["sink"]["file"] == "lib/transport.cpp"]
    if len(direct) != units or len(helper) != units:
        print("FAIL: expected %d direct and %d helper findings, got %d and %d" % (units, units, len(direct), len(helper)))
        return 1
    for f in direct:
        n = f["function"][len("unit"):-len("_direct")]
        if not f["sink"]["file"].endswith("/unit%s.cpp" % n):
            print("FAIL: finding of %s reported in %s" % (f["function"], f["sink"]["file"]))
            return 1
    hosts = sorted(f["destination"]["host"] for f in helper)
    expected = sorted("unit%d.example.%s" % (n, TLDS[n % 4]) for n in range(units))
    if hosts != expected:
        print("FAIL: helper destinations %s, expected %s" % (hosts, expected))
        return 1
    print("PASS: %d translation units, %d findings, identical for -j1, -j2 and -j8" % (units + 1, len(findings)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

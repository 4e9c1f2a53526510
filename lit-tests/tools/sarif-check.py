#!/usr/bin/env python3
"""Checks SARIF logs against what GitHub code scanning needs to ingest them.

usage: sarif-check.py [--allow-absolute-uris] [--max-results=N] <log.sarif>...
       sarif-check.py --same-results <a.sarif> <b.sarif>

The SARIF multitool (sarif-validate.py) checks the schema and its GH* rules;
this checks what it does not, and what resdll-check promises on top:
  - upload limits: runs per file, results and rules per run, tags per rule,
    locations and thread-flow locations per result, compressed size;
  - every rule has a PascalCase name, short and full descriptions, help text
    and markdown, a helpUri, a default level and code-scanning properties
    (tags, precision, problem.severity, a valid security-severity if any);
  - every result has a ruleId and matching ruleIndex, a level, a message
    whose [text](id) links name related locations (and every related
    location is linked), a primary location with a region, the fingerprints
    (resdllFingerprint/v1 and primaryLocationLineHash), code flows with
    locations, a valid baselineState if any;
  - artifact locations are relative uris under %SRCROOT% (declared in
    originalUriBaseIds as an absolute file:// uri ending in '/'), and their
    artifact indices agree with the artifacts array;
  - notification descriptors and rule references of notifications exist.
Prints every problem and exits 1 if there is any.

--max-results lowers the limit of results per run (25000), for the test of
the check itself.

--same-results: the two logs have the same rules, results and artifacts (as
JSON values), for instance a merge of shards and one run over every file.
"""
import gzip
import json
import re
import sys

MAX_RUNS = 20
MAX_RESULTS = 25000
MAX_RULES = 25000
MAX_TAGS = 20
MAX_LOCATIONS = 1000
MAX_THREADFLOW_LOCATIONS = 10000
MAX_GZIP_BYTES = 10 * 1024 * 1024
FINGERPRINT_KEYS = ["resdllFingerprint/v1", "primaryLocationLineHash"]
LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\((\d+)\)")


class Checker:
    def __init__(self, path, allow_absolute, max_results=MAX_RESULTS):
        self.path = path
        self.allow_absolute = allow_absolute
        self.max_results = max_results
        self.errors = []

    def error(self, where, what):
        self.errors.append("%s: %s: %s" % (self.path, where, what))

    def check(self):
        with open(self.path, "rb") as f:
            raw = f.read()
        if len(gzip.compress(raw)) > MAX_GZIP_BYTES:
            self.error("file", "more than 10 MB once compressed")
        try:
            log = json.loads(raw)
        except ValueError as e:
            self.error("file", "not JSON: %s" % e)
            return
        if log.get("version") != "2.1.0":
            self.error("version", "not 2.1.0")
        runs = log.get("runs")
        if not isinstance(runs, list) or not runs:
            self.error("runs", "missing or empty")
            return
        if len(runs) > MAX_RUNS:
            self.error("runs", "%d runs (GitHub takes %d)" % (len(runs), MAX_RUNS))
        for i, run in enumerate(runs):
            self.check_run("runs[%d]" % i, run)

    def check_run(self, where, run):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            self.error(where + ".tool.driver", "no name")
        for key in ["semanticVersion", "informationUri"]:
            if not driver.get(key):
                self.error(where + ".tool.driver", "no " + key)
        rules = driver.get("rules", [])
        if len(rules) > MAX_RULES:
            self.error(where, "%d rules (GitHub takes %d)" % (len(rules), MAX_RULES))
        rule_ids = []
        for j, rule in enumerate(rules):
            self.check_rule("%s.tool.driver.rules[%d]" % (where, j), rule)
            rule_ids.append(rule.get("id"))
        if len(set(rule_ids)) != len(rule_ids):
            self.error(where + ".tool.driver.rules", "duplicate rule ids")
        descriptors = [d.get("id") for d in driver.get("notifications", [])]

        bases = run.get("originalUriBaseIds", {})
        root = bases.get("%SRCROOT%")
        if root is None:
            self.error(where + ".originalUriBaseIds", "no %SRCROOT%")
        else:
            uri = root.get("uri", "")
            if not uri.startswith("file:///") or not uri.endswith("/"):
                self.error(where + ".originalUriBaseIds", "%SRCROOT% is not an absolute file:// uri ending in '/': " + uri)
        if run.get("columnKind") not in ("utf16CodeUnits", "unicodeCodePoints"):
            self.error(where, "no columnKind")

        artifacts = run.get("artifacts", [])
        self.artifacts = artifacts
        for j, art in enumerate(artifacts):
            self.check_uri("%s.artifacts[%d].location" % (where, j), art.get("location", {}), bases, check_index=False)

        results = run.get("results")
        if not isinstance(results, list):
            self.error(where, "no results array")
            results = []
        if len(results) > self.max_results:
            self.error(where, "%d results (GitHub takes %d)" % (len(results), self.max_results))
        for j, result in enumerate(results):
            self.check_result("%s.results[%d]" % (where, j), result, rule_ids, bases)

        invocations = run.get("invocations")
        if not invocations:
            self.error(where, "no invocations")
        for j, inv in enumerate(invocations or []):
            w = "%s.invocations[%d]" % (where, j)
            if not isinstance(inv.get("executionSuccessful"), bool):
                self.error(w, "no executionSuccessful")
            if not inv.get("commandLine"):
                self.error(w, "no commandLine")
            for k, note in enumerate(inv.get("toolExecutionNotifications", [])):
                wn = "%s.toolExecutionNotifications[%d]" % (w, k)
                if not note.get("message", {}).get("text"):
                    self.error(wn, "no message text")
                if note.get("level") not in ("none", "note", "warning", "error"):
                    self.error(wn, "bad level %r" % note.get("level"))
                d = note.get("descriptor", {})
                if d.get("id") not in descriptors:
                    self.error(wn, "descriptor %r is not in tool.driver.notifications" % d.get("id"))
                elif "index" in d and not (0 <= d["index"] < len(descriptors) and descriptors[d["index"]] == d["id"]):
                    self.error(wn, "descriptor index does not match its id")
                r = note.get("associatedRule")
                if r is not None and r.get("id") not in rule_ids:
                    self.error(wn, "associatedRule %r is not a rule of the run" % r.get("id"))
                for loc in note.get("locations", []):
                    self.check_uri(wn + ".locations", loc.get("physicalLocation", {}).get("artifactLocation", {}), bases)

    def check_rule(self, where, rule):
        if not rule.get("id"):
            self.error(where, "no id")
        name = rule.get("name", "")
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
            self.error(where, "name %r is not one PascalCase identifier" % name)
        if name == rule.get("id"):
            self.error(where, "name equals id")
        for key in ["shortDescription", "fullDescription"]:
            if not rule.get(key, {}).get("text"):
                self.error(where, "no %s.text" % key)
        help_ = rule.get("help", {})
        if not help_.get("text"):
            self.error(where, "no help.text (GitHub shows it with the alert)")
        if not help_.get("markdown"):
            self.error(where, "no help.markdown")
        if not rule.get("helpUri", "").startswith("https://"):
            self.error(where, "no https helpUri")
        level = rule.get("defaultConfiguration", {}).get("level")
        if level not in ("note", "warning", "error"):
            self.error(where, "defaultConfiguration.level %r" % level)
        props = rule.get("properties", {})
        tags = props.get("tags")
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            self.error(where, "properties.tags is not a list of strings")
        elif len(tags) > MAX_TAGS:
            self.error(where, "%d tags (GitHub takes %d)" % (len(tags), MAX_TAGS))
        if props.get("precision") not in ("very-high", "high", "medium", "low"):
            self.error(where, "properties.precision %r" % props.get("precision"))
        if props.get("problem.severity") not in ("error", "warning", "recommendation"):
            self.error(where, "properties.problem.severity %r" % props.get("problem.severity"))
        if "security-severity" in props:
            try:
                v = float(props["security-severity"])
                if not 0.0 <= v <= 10.0:
                    raise ValueError
            except (TypeError, ValueError):
                self.error(where, "properties.security-severity %r is not 0.0-10.0" % props["security-severity"])

    def check_uri(self, where, loc, bases, check_index=True):
        uri = loc.get("uri")
        if uri is None and isinstance(loc.get("index"), int) and 0 <= loc["index"] < len(self.artifacts):
            uri = self.artifacts[loc["index"]].get("location", {}).get("uri")
        if not uri:
            self.error(where, "no uri")
            return
        base = loc.get("uriBaseId")
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri):
            if not self.allow_absolute:
                self.error(where, "absolute uri %s (GitHub needs paths relative to the repository)" % uri)
            elif not uri.startswith("file://"):
                self.error(where, "uri %s is not a file" % uri)
        else:
            if base is None:
                self.error(where, "relative uri %s without uriBaseId" % uri)
            elif base not in bases:
                self.error(where, "uriBaseId %s not in originalUriBaseIds" % base)
            if uri.startswith("/") or "\\" in uri or uri.startswith("../"):
                self.error(where, "uri %s is not a relative path below the source root" % uri)
        if check_index and "index" in loc:
            i = loc["index"]
            if not 0 <= i < len(self.artifacts):
                self.error(where, "artifact index %d out of range" % i)
            else:
                a = self.artifacts[i].get("location", {})
                if a.get("uri") != uri or a.get("uriBaseId") != base:
                    self.error(where, "artifact index %d names %s, not %s" % (i, a.get("uri"), uri))

    def check_physical(self, where, loc, bases):
        pl = loc.get("physicalLocation")
        if not pl:
            self.error(where, "no physicalLocation")
            return
        self.check_uri(where + ".artifactLocation", pl.get("artifactLocation", {}), bases)
        region = pl.get("region")
        if not region:
            self.error(where, "no region")
            return
        sl, sc = region.get("startLine", 0), region.get("startColumn", 0)
        el, ec = region.get("endLine", sl), region.get("endColumn", sc + 1)
        if sl < 1 or sc < 1:
            self.error(where, "region starts at %d:%d" % (sl, sc))
        if (el, ec) <= (sl, sc) and not (el == sl and ec == sc):
            self.error(where, "region ends before it starts")
        if not region.get("snippet", {}).get("text"):
            self.error(where, "region has no snippet")

    def check_result(self, where, result, rule_ids, bases):
        rid = result.get("ruleId")
        if rid not in rule_ids:
            self.error(where, "ruleId %r is not a rule of the run" % rid)
        elif not (isinstance(result.get("ruleIndex"), int) and 0 <= result["ruleIndex"] < len(rule_ids)
                  and rule_ids[result["ruleIndex"]] == rid):
            self.error(where, "ruleIndex does not match ruleId")
        if result.get("level") not in ("none", "note", "warning", "error"):
            self.error(where, "level %r" % result.get("level"))
        text = result.get("message", {}).get("text", "")
        if not text:
            self.error(where, "no message text")
        locs = result.get("locations", [])
        if not locs:
            self.error(where, "no location")
        if len(locs) > MAX_LOCATIONS:
            self.error(where, "%d locations (GitHub takes %d)" % (len(locs), MAX_LOCATIONS))
        for k, loc in enumerate(locs):
            self.check_physical("%s.locations[%d]" % (where, k), loc, bases)
        related = result.get("relatedLocations", [])
        if len(related) > MAX_LOCATIONS:
            self.error(where, "%d related locations (GitHub takes %d)" % (len(related), MAX_LOCATIONS))
        ids = []
        for k, loc in enumerate(related):
            self.check_physical("%s.relatedLocations[%d]" % (where, k), loc, bases)
            if "id" not in loc:
                self.error("%s.relatedLocations[%d]" % (where, k), "no id")
            if not loc.get("message", {}).get("text"):
                self.error("%s.relatedLocations[%d]" % (where, k), "no message")
            ids.append(loc.get("id"))
        linked = [int(m.group(2)) for m in LINK.finditer(text)]
        for i in linked:
            if i not in ids:
                self.error(where + ".message", "link to %d, which is no related location" % i)
        for i in ids:
            if i not in linked:
                self.error(where + ".message", "related location %s is not linked from the message" % i)
        plain = LINK.sub("", text)
        if re.search(r"(?<!\\)[\[\]]", plain):
            self.error(where + ".message", "unescaped square bracket outside a link")
        fps = result.get("partialFingerprints", {})
        for key in FINGERPRINT_KEYS:
            if not re.fullmatch(r"[0-9a-f]{32}", fps.get(key, "")):
                self.error(where, "no partialFingerprints %s" % key)
        for k, flow in enumerate(result.get("codeFlows", [])):
            for t, thread in enumerate(flow.get("threadFlows", [])):
                steps = thread.get("locations", [])
                w = "%s.codeFlows[%d].threadFlows[%d]" % (where, k, t)
                if not steps:
                    self.error(w, "no locations")
                if len(steps) > MAX_THREADFLOW_LOCATIONS:
                    self.error(w, "%d locations (GitHub takes %d)" % (len(steps), MAX_THREADFLOW_LOCATIONS))
                for s, step in enumerate(steps):
                    self.check_physical("%s.locations[%d].location" % (w, s), step.get("location", {}), bases)
        state = result.get("baselineState")
        if state is not None and state not in ("new", "unchanged", "updated", "absent"):
            self.error(where, "baselineState %r" % state)


def same_results(a, b):
    logs = []
    for path in (a, b):
        with open(path) as f:
            logs.append(json.load(f)["runs"][0])
    problems = 0
    for what, get in [("rules", lambda r: r["tool"]["driver"]["rules"]),
                      ("artifacts", lambda r: r.get("artifacts", [])),
                      ("results", lambda r: r["results"])]:
        x, y = get(logs[0]), get(logs[1])
        if x != y:
            problems += 1
            print("sarif-check: the %s differ (%d and %d of them)" % (what, len(x), len(y)))
            for i, (p, q) in enumerate(zip(x, y)):
                if p != q:
                    print("first difference at %s[%d]:\n%s\n%s" % (what, i, json.dumps(p, sort_keys=True), json.dumps(q, sort_keys=True)))
                    break
    print("sarif-check: %s" % ("same rules, artifacts and results" if not problems else "%d difference(s)" % problems))
    return 1 if problems else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "--same-results":
        return same_results(argv[2], argv[3])
    allow_absolute = False
    max_results = MAX_RESULTS
    logs = []
    for a in argv[1:]:
        if a == "--allow-absolute-uris":
            allow_absolute = True
        elif a.startswith("--max-results="):
            max_results = int(a.split("=", 1)[1])
        else:
            logs.append(a)
    if not logs:
        print(__doc__)
        return 2
    errors = []
    for log in logs:
        c = Checker(log, allow_absolute, max_results)
        c.check()
        errors += c.errors
    for e in errors:
        print(e)
    print("sarif-check: %d error(s) in %d log(s)" % (len(errors), len(logs)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

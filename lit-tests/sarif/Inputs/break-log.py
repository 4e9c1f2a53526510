#!/usr/bin/env python3
"""Writes broken copies of a good SARIF log, one per GitHub ingestion
requirement, for sarif-check-fails.test.

usage: break-log.py <good.sarif> <output directory>
"""
import copy
import json
import os
import sys


def breakages(log):
    run = lambda l: l["runs"][0]
    rule = lambda l: run(l)["tool"]["driver"]["rules"][0]
    result = lambda l: run(l)["results"][0]
    yield "no-help", lambda l: rule(l).pop("help")
    yield "bad-name", lambda l: rule(l).update(name="OpenV2 returns NULL")
    yield "bad-severity", lambda l: rule(l)["properties"].update({"security-severity": "high"})
    yield "too-many-tags", lambda l: rule(l)["properties"].update(tags=["t%d" % i for i in range(21)])
    yield "no-fingerprint", lambda l: result(l)["partialFingerprints"].pop("resdllFingerprint/v1")
    yield "no-github-fingerprint", lambda l: result(l)["partialFingerprints"].pop("primaryLocationLineHash")
    yield "bad-link", lambda l: result(l)["message"].update(text=result(l)["message"]["text"].replace("](1)", "](7)"))
    yield "unlinked", lambda l: result(l)["message"].update(text="no links here")
    yield "bracket", lambda l: result(l)["message"].update(text=result(l)["message"]["text"] + " a[0]")
    yield "bad-rule-index", lambda l: result(l).update(ruleIndex=3)
    yield "absolute-uri", lambda l: result(l)["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="file:///src/dll.c")
    yield "no-base", lambda l: result(l)["locations"][0]["physicalLocation"]["artifactLocation"].pop("uriBaseId")
    yield "bad-index", lambda l: result(l)["locations"][0]["physicalLocation"]["artifactLocation"].update(index=5)
    yield "no-region", lambda l: result(l)["locations"][0]["physicalLocation"].pop("region")
    yield "no-srcroot", lambda l: run(l).pop("originalUriBaseIds")
    yield "two-results", lambda l: run(l).update(results=[result(l)] * 2)
    yield "line-zero", lambda l: result(l)["locations"][0]["physicalLocation"]["region"].update(startLine=0)
    yield "bad-state", lambda l: result(l).update(baselineState="gone")


def main():
    good, out = sys.argv[1], sys.argv[2]
    with open(good) as f:
        log = json.load(f)
    for name, damage in breakages(log):
        bad = copy.deepcopy(log)
        damage(bad)
        with open(os.path.join(out, name + ".sarif"), "w") as f:
            json.dump(bad, f, indent=1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Prints the parts of a SARIF log the robustness tests check, one per line:

  executionSuccessful: true|false
  result: <ruleId> <file name>:<line>:<column>
  notification: <level> <descriptor id> <file name>[:<line>]: <message>
"""
import json
import os
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
run = log["runs"][0]
inv = run["invocations"][0]
print("executionSuccessful: %s" % str(inv["executionSuccessful"]).lower())


def where(loc):
    pl = loc["physicalLocation"]
    name = os.path.basename(pl["artifactLocation"]["uri"])
    region = pl.get("region")
    if not region:
        return name
    return "%s:%d:%d" % (name, region["startLine"], region["startColumn"])


for r in run["results"]:
    print("result: %s %s" % (r["ruleId"], where(r["locations"][0])))
for n in inv.get("toolExecutionNotifications", []):
    print("notification: %s %s %s: %s" % (n["level"], n["descriptor"]["id"],
                                         where(n["locations"][0]),
                                         n["message"]["text"]))

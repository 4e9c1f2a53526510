#!/usr/bin/env python3
"""Runs the clang-tidy command that an editor integration example describes,
with the resdll-tidy under test in place of the installed path it names.

    editor-settings.py vscode SETTINGS_JSON --workspace DIR --tidy BIN FILE
    editor-settings.py vscode-task TASKS_JSON --workspace DIR --tidy BIN FILE
    editor-settings.py visual-studio PROPS --tidy BIN FILE -- COMPILER_ARGS...

vscode: the Microsoft C/C++ extension's code analysis settings
(C_Cpp.codeAnalysis.clangTidy.*): checks.enabled, args and, with
useBuildPath, -p <directory of C_Cpp.default.compileCommands>.
vscode-task: the first task of tasks.json (${workspaceFolder} and ${file}
substituted), whose output VS Code reads with the $gcc problem matcher.
visual-studio: the MSBuild properties of Directory.Build.props
(ClangTidyToolExe, ClangTidyChecks, ClangTidyToolExeAdditionalOptions).
The command is printed ("command: ...") and its output passed through.
"""
import json
import os
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET


def vscode(args):
    settings_path, rest = args[0], args[1:]
    opts = dict(zip(rest[0:-1:2], rest[1::2]))
    source = rest[-1]
    with open(settings_path) as f:
        s = json.load(f)
    assert s["C_Cpp.codeAnalysis.clangTidy.enabled"] is True
    assert os.path.basename(s["C_Cpp.codeAnalysis.clangTidy.path"]) == "resdll-tidy"
    cmd = [opts["--tidy"]]
    checks = s.get("C_Cpp.codeAnalysis.clangTidy.checks.enabled", [])
    if checks:
        cmd.append("--checks=" + ",".join(checks))
    cmd += s.get("C_Cpp.codeAnalysis.clangTidy.args", [])
    if s.get("C_Cpp.codeAnalysis.clangTidy.useBuildPath"):
        db = s["C_Cpp.default.compileCommands"].replace(
            "${workspaceFolder}", opts["--workspace"])
        cmd += ["-p", os.path.dirname(db)]
    cmd.append(source)
    return cmd


def vscode_task(args):
    tasks_path, rest = args[0], args[1:]
    opts = dict(zip(rest[0:-1:2], rest[1::2]))
    source = rest[-1]
    with open(tasks_path) as f:
        task = json.load(f)["tasks"][0]
    assert task["problemMatcher"] == ["$gcc"]
    assert os.path.basename(task["command"]) == "resdll-tidy"

    def subst(a):
        return a.replace("${workspaceFolder}", opts["--workspace"]).replace(
            "${file}", source)
    return [opts["--tidy"]] + [subst(a) for a in task["args"]]


def visual_studio(args):
    props, rest = args[0], args[1:]
    split = rest.index("--")
    opts = dict(zip(rest[0:split - 1:2], rest[1:split - 1:2]))
    source, compiler_args = rest[split - 1], rest[split + 1:]
    group = ET.parse(props).getroot().find("PropertyGroup")
    p = {child.tag: (child.text or "") for child in group}
    assert p["EnableClangTidyCodeAnalysis"] == "true"
    assert p["ClangTidyToolExe"] == "resdll-tidy.exe"
    cmd = [opts["--tidy"], "--checks=" + p["ClangTidyChecks"]]
    cmd += shlex.split(p.get("ClangTidyToolExeAdditionalOptions", ""))
    cmd += [source, "--"] + compiler_args
    return cmd


def main():
    kind, args = sys.argv[1], sys.argv[2:]
    cmd = {"vscode": vscode, "vscode-task": vscode_task,
           "visual-studio": visual_studio}[kind](args)
    print("command: " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())

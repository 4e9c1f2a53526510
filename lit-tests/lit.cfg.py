# lit configuration of resdll-check's test suite.
#
# Tests are resource DLL sources (C and C++) compiled against the real
# mingw-w64 Windows headers, with the expected diagnostics written next to
# the code as FileCheck lines, and .test scripts for the command line.
import os
import lit.formats

config.name = "resdll-check"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)

# Our binaries first, then FileCheck, not and count from LLVM 19.
path = os.path.pathsep.join([config.resdll_bin_dir, config.llvm_tools_dir,
                             config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
# The tool's own switches (RESDLL_CHECK_NO_HEADER_REUSE=1 runs the whole
# suite with header reuse off, RESDLL_CHECK_HEADER_REUSE_ALWAYS=1 with it on
# for every file) reach the tests.
for var, value in os.environ.items():
    if var.startswith("RESDLL_CHECK_"):
        config.environment[var] = value
# Precompiled header prefixes are kept in the build tree, not in the home
# directory of whoever runs the tests.
config.environment.setdefault(
    "RESDLL_CHECK_CACHE_DIR", os.path.join(config.resdll_obj_root, "lit-tests", "header-cache"))
# Progress output only appears on a terminal; keep the environment plain.
for var in ["TERM", "CLICOLOR_FORCE"]:
    config.environment.pop(var, None)

config.substitutions.append(("%resdll-check", os.path.join(config.resdll_bin_dir, "resdll-check")))
config.substitutions.append(("%test-inputs", os.path.join(config.resdll_src_root, "test-inputs")))
config.substitutions.append(("%src-root", config.resdll_src_root))
config.substitutions.append(("%clang-tidy", config.clang_tidy))
config.substitutions.append(("%clang", config.clang))
plugin = os.path.join(config.resdll_lib_dir, "libresdllTidyPlugin.so")
config.substitutions.append(("%tidy-plugin", plugin))
config.substitutions.append(("%resdll-tidy", os.path.join(config.resdll_bin_dir, "resdll-tidy")))
config.substitutions.append(("%compat-include", os.path.join(config.resdll_obj_root, "share", "resdll-check", "include")))
config.substitutions.append(("%sarif-check", "python3 " + os.path.join(config.resdll_src_root, "lit-tests", "tools", "sarif-check.py")))
config.substitutions.append(("%sarif-validate", "python3 " + os.path.join(config.resdll_src_root, "lit-tests", "tools", "sarif-validate.py") + " " + config.sarif_multitool))

if os.path.exists(config.sarif_multitool):
    config.available_features.add("sarif-multitool")
if os.path.exists(plugin):
    config.available_features.add("tidy-plugin")
# The sanitizer tree (scripts/build-sanitized) builds resdll-check only:
# tests of resdll-tidy say REQUIRES: resdll-tidy.
if os.path.exists(os.path.join(config.resdll_bin_dir, "resdll-tidy")):
    config.available_features.add("resdll-tidy")

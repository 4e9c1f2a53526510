//===- ResdllTidyMain.cpp - resdll-tidy: clang-tidy with the resdll module -===//
//
// clang-tidy's own main (clangTidyMain, with every upstream module) with the
// resdll module linked in, for hosts that cannot load plugins (Windows) and
// for tools that take a clang-tidy binary path (Visual Studio, VS Code
// extensions, CMake's <LANG>_CLANG_TIDY, run-clang-tidy -clang-tidy-binary).
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}

//===- TextEmitter.cpp - clang-style text output of findings --------------===//
//
// path:line:col: warning: <message> [<rule-id>], then note lines, as clang
// prints diagnostics; the same findings in the same order as the SARIF log.
//
//===----------------------------------------------------------------------===//
#include "TextEmitter.h"

namespace resdll {

static void printLoc(const Location &L, llvm::raw_ostream &OS) {
  OS << L.File << ':' << L.Line << ':' << L.Column << ": ";
}

void emitText(const Finding &F, llvm::raw_ostream &OS) {
  printLoc(F.Primary, OS);
  OS << "warning: " << F.Message << " [" << F.RuleId << "]\n";
  for (const Note &N : F.Path) {
    printLoc(N.Loc, OS);
    OS << "note: " << N.Message << '\n';
  }
  for (const Note &N : F.Related) {
    printLoc(N.Loc, OS);
    OS << "note: " << N.Message << '\n';
  }
}

void emitText(const std::vector<FileResult> &Results, llvm::raw_ostream &OS) {
  // Findings the baseline already has are not reported.
  for (const FileResult &R : Results)
    for (const Finding &F : R.Findings)
      if (F.BaselineState != "unchanged")
        emitText(F, OS);
}

void emitNotification(const Notification &N, llvm::StringRef File,
                      llvm::raw_ostream &OS) {
  if (N.Loc.valid())
    printLoc(N.Loc, OS);
  else
    OS << File << ": ";
  switch (N.Lvl) {
  case Notification::Error: OS << "error: "; break;
  case Notification::Warning: OS << "warning: "; break;
  case Notification::Note: OS << "note: "; break;
  }
  OS << N.Message << '\n';
}

} // namespace resdll

//===- ModelDump.cpp - the model as text, for --debug-dump-model ----------===//
//
// Prints what the model recognised in a translation unit, one line per item
// in the form of a compiler diagnostic (file:line:col: what), so that the
// model's tests can check each item next to the code it is about.
//
//===----------------------------------------------------------------------===//
#include "Finding.h"
#include "Model.h"

#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace resdll {

StringRef registrationFormName(RegistrationForm F) {
  switch (F) {
  case RegistrationForm::MemberAssignment: return "member-assignment";
  case RegistrationForm::AggregateInit: return "aggregate-initialiser";
  case RegistrationForm::Conversion: return "conversion";
  case RegistrationForm::ExplicitCast: return "explicit-cast";
  case RegistrationForm::SignatureFallback: return "signature-fallback";
  }
  return "?";
}

static void printLocation(const Location &L, StringRef File,
                          llvm::raw_ostream &OS) {
  if (L.valid())
    OS << L.File << ':' << L.Line << ':' << L.Column << ": ";
  else
    OS << File << ": ";
}

void printModel(const ResourceDllModel &M, const LocationFactory &LF,
                StringRef File, llvm::raw_ostream &OS) {
  OS << File << ": model: " << M.entryPoints().size() << " entry points, "
     << M.callbackCalls().size() << " callback calls, "
     << M.workerStarts().size() << " worker starts\n";
  for (const EntryPoint &EP : M.entryPoints()) {
    std::string Name = displayName(EP.Function);
    printLocation(LF.of(static_cast<const Decl *>(EP.Function)), File, OS);
    OS << "entry-point " << entryKindName(EP.Kind) << " '" << Name << "'\n";
    for (const Registration &R : EP.Registrations) {
      printLocation(R.Site ? LF.of(R.Site)
                           : LF.of(static_cast<const Decl *>(EP.Function)),
                    File, OS);
      OS << "registration of '" << Name << "' as " << entryKindName(EP.Kind)
         << ": " << registrationFormName(R.Form);
      if (!R.Target.empty())
        OS << " '" << R.Target << "'";
      OS << '\n';
    }
  }
  for (const CallbackCall &CC : M.callbackCalls()) {
    printLocation(LF.of(CC.Call), File, OS);
    OS << "callback " << callbackKindName(CC.Kind) << " in '"
       << (CC.Caller ? displayName(CC.Caller) : std::string("<global>"))
       << "'\n";
  }
  for (const WorkerStart &W : M.workerStarts()) {
    printLocation(LF.of(W.Site), File, OS);
    OS << "worker " << W.Api << ": routine '" << displayName(W.Routine)
       << "', context '" << (W.Context ? LF.text(W.Context) : std::string())
       << "', created by '"
       << (W.Creator ? displayName(W.Creator) : std::string("<global>"))
       << "'\n";
  }
}

} // namespace resdll

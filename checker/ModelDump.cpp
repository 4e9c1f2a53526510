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
#include <algorithm>
#include <vector>

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

void printModel(const ResourceDllModel &M, const LocationFactory &LF,
                StringRef File, llvm::raw_ostream &OS) {
  // Every item with its location, printed in source order.
  struct Item {
    Location Loc;
    std::string Text;
  };
  std::vector<Item> Items;
  size_t NumRegistrations = 0;
  for (const EntryPoint &EP : M.entryPoints()) {
    std::string Name = displayName(EP.Function);
    Location At = LF.of(static_cast<const Decl *>(EP.Function));
    Items.push_back({At, "entry-point " + entryKindName(EP.Kind).str() + " '" +
                             Name + "'"});
    for (const Registration &R : EP.Registrations) {
      ++NumRegistrations;
      std::string Text = "registration of '" + Name + "' as " +
                         entryKindName(EP.Kind).str() + ": " +
                         registrationFormName(R.Form).str();
      if (!R.Target.empty())
        Text += " (" + R.Target + ")";
      Items.push_back({R.Site ? LF.of(R.Site) : At, Text});
    }
  }
  for (const CallbackCall &CC : M.callbackCalls())
    Items.push_back({LF.of(CC.Call),
                     "callback " + callbackKindName(CC.Kind).str() + " in '" +
                         (CC.Caller ? displayName(CC.Caller)
                                    : std::string("<global>")) +
                         "'"});
  for (const WorkerStart &W : M.workerStarts())
    Items.push_back(
        {LF.of(W.Site),
         "worker " + W.Api.str() + ": routine '" + displayName(W.Routine) +
             "', context '" + (W.Context ? LF.text(W.Context) : std::string()) +
             "', created by '" +
             (W.Creator ? displayName(W.Creator) : std::string("<global>")) +
             "'"});
  std::stable_sort(Items.begin(), Items.end(), [](const Item &A, const Item &B) {
    return std::make_pair(A.Loc.Line, A.Loc.Column) <
           std::make_pair(B.Loc.Line, B.Loc.Column);
  });
  OS << File << ": model: " << M.entryPoints().size() << " entry points, "
     << NumRegistrations << " registrations, " << M.callbackCalls().size()
     << " callback calls, " << M.workerStarts().size() << " worker starts\n";
  for (const Item &I : Items) {
    if (I.Loc.valid())
      OS << I.Loc.File << ':' << I.Loc.Line << ':' << I.Loc.Column << ": ";
    else
      OS << File << ": ";
    OS << I.Text << '\n';
  }
}

} // namespace resdll

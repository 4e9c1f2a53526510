//===- YAMLTraits.h - YAML mappings shared by the config and API model ----===//
#ifndef RESDLL_CHECKER_YAMLTRAITS_H
#define RESDLL_CHECKER_YAMLTRAITS_H

#include "ApiModel.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

namespace llvm {
namespace yaml {
struct ThreadStartKeys {
  unsigned RoutineArg = 0, ContextArg = 0;
};
template <> struct MappingTraits<ThreadStartKeys> {
  static void mapping(IO &IO, ThreadStartKeys &T) {
    IO.mapRequired("RoutineArg", T.RoutineArg);
    IO.mapRequired("ContextArg", T.ContextArg);
  }
};
template <> struct MappingTraits<resdll::ApiFunction> {
  static void mapping(IO &IO, resdll::ApiFunction &F) {
    IO.mapRequired("Name", F.Name);
    IO.mapOptional("SetsLastErrorOnFailure", F.SetsLastErrorOnFailure, false);
    IO.mapOptional("FailureValue", F.FailureValue);
    IO.mapOptional("OverwritesLastError", F.OverwritesLastError, false);
    IO.mapOptional("Blocks", F.Blocks, false);
    IO.mapOptional("TimeoutArg", F.TimeoutArg);
    IO.mapOptional("WakesThread", F.WakesThread, false);
    std::optional<ThreadStartKeys> Start;
    if (!IO.outputting()) {
      IO.mapOptional("StartsThread", Start);
      if (Start) {
        F.RoutineArg = Start->RoutineArg;
        F.ContextArg = Start->ContextArg;
      }
    } else if (F.RoutineArg) {
      Start = ThreadStartKeys{*F.RoutineArg, F.ContextArg.value_or(0)};
      IO.mapOptional("StartsThread", Start);
    }
  }
  static std::string validate(IO &, resdll::ApiFunction &F) {
    if (F.Name.empty())
      return "an API model entry needs a Name";
    if (F.SetsLastErrorOnFailure && !F.FailureValue)
      return "'" + F.Name + "': SetsLastErrorOnFailure needs a FailureValue";
    return "";
  }
};
} // namespace yaml
} // namespace llvm

LLVM_YAML_IS_SEQUENCE_VECTOR(resdll::ApiFunction)

namespace resdll {
/// Reads a YAML document into Out; the error names SourceName, the line and
/// column, and what is wrong.
template <typename T>
llvm::Error readYAML(llvm::StringRef Text, llvm::StringRef SourceName,
                     T &Out) {
  std::string Diag;
  llvm::yaml::Input In(
      Text, nullptr,
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        std::string &Msg = *static_cast<std::string *>(Ctx);
        if (Msg.empty())
          Msg = (llvm::Twine(D.getLineNo()) + ":" +
                 llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                    .str();
      },
      &Diag);
  In >> Out;
  if (In.error())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s:%s",
        SourceName.str().c_str(),
        Diag.empty() ? " not a valid YAML document" : Diag.c_str());
  return llvm::Error::success();
}
} // namespace resdll

#endif

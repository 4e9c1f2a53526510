//===- ApiModel.cpp - the Win32 API model, read with LLVM's YAML I/O ------===//
#include "ApiModel.h"
#include "YAMLTraits.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {
struct ApiModelDocument {
  std::vector<resdll::ApiFunction> Functions;
};
} // namespace

namespace llvm {
namespace yaml {
template <> struct MappingTraits<ApiModelDocument> {
  static void mapping(IO &IO, ApiModelDocument &D) {
    IO.mapRequired("Functions", D.Functions);
  }
};
} // namespace yaml
} // namespace llvm

namespace resdll {

// Generated from rules/api-model.yaml at build time.
static const char BuiltinApiModelText[] =
#include "ApiModelData.inc"
    ;

const ApiModel &ApiModel::builtin() {
  static const ApiModel Model = [] {
    ApiModel M;
    if (Error E = M.addYAML(BuiltinApiModelText, "<builtin api-model.yaml>")) {
      // The data file is part of the binary and tested; this cannot happen
      // in a released build.
      errs() << "resdll-check: internal error: " << toString(std::move(E))
             << "\n";
      std::abort();
    }
    return M;
  }();
  return Model;
}

Expected<std::vector<ApiFunction>>
parseApiFunctions(StringRef Text, StringRef SourceName) {
  std::vector<ApiFunction> Functions;
  if (Error E = readYAML(Text, SourceName, Functions))
    return E;
  return Functions;
}

Error ApiModel::addYAML(StringRef Text, StringRef SourceName) {
  ApiModelDocument Doc;
  if (Error E = readYAML(Text, SourceName, Doc))
    return E;
  for (const ApiFunction &F : Doc.Functions)
    add(F);
  return Error::success();
}

void ApiModel::add(const ApiFunction &F) { Functions[F.Name] = F; }

const ApiFunction *ApiModel::lookup(StringRef Name) const {
  auto It = Functions.find(Name);
  return It == Functions.end() ? nullptr : &It->second;
}

const ApiFunction *ApiModel::lookup(const clang::FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  if (FD->getDeclContext()->isTranslationUnit() ||
      FD->getDeclContext()->isExternCContext()) {
    if (const clang::IdentifierInfo *II = FD->getIdentifier())
      return lookup(II->getName());
    return nullptr;
  }
  if (const ApiFunction *F = lookup(FD->getQualifiedNameAsString()))
    return F;
  // A member of a class template specialization (std::future<int>::get):
  // the entry names the template (std::future::get).
  if (const auto *Spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(
          FD->getDeclContext()))
    if (const clang::IdentifierInfo *II = FD->getIdentifier())
      return lookup(
          Spec->getSpecializedTemplate()->getQualifiedNameAsString() +
          "::" + II->getName().str());
  return nullptr;
}

} // namespace resdll

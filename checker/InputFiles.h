//===- InputFiles.h - sources read as a Windows compiler would --*- C++ -*-===//
//
// Sources reach clang only after two things:
//
//  - inspectSourceFile() decides whether a path can be analysed at all and
//    says why not in one line ("no such file or directory", "is a
//    directory", "the file is empty", "is not a text source file (it
//    contains NUL bytes)", "is UTF-16 text without a byte order mark"), or
//    warns about content that is analysed anyway (not valid UTF-8: read as
//    Windows-1252);
//
//  - makeWindowsFileSystem() is the file system clang reads through. It is
//    the real one plus what a Windows compiler does for the same project:
//      * a file that starts with a UTF-16 byte order mark (Visual Studio
//        saves sources and resource.h that way) is converted to UTF-8 in
//        memory, and so is the source being analysed when it is in
//        Windows-1252; line breaks are kept, so lines stay right, and
//        columns are those of the UTF-8 text (as for any other source);
//      * a path that does not exist is looked up again as Windows would:
//        '\' is a separator and names are compared without regard to case,
//        component by component (#include <Windows.h>, "..\inc\Util.h").
//        An exact match always wins; the fallback only runs on a miss.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_INPUTFILES_H
#define RESDLL_CHECKER_INPUTFILES_H

#include "Finding.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>
#include <string>

namespace resdll {

struct SourceFileCheck {
  /// Why the file cannot be analysed (one line, no file name).
  std::optional<std::string> Error;
  /// Analysed, but the user should know (with the position it concerns).
  std::optional<std::string> Warning;
  Location WarningLoc;
  /// Not valid UTF-8: to be read as Windows-1252 (makeWindowsFileSystem).
  bool Windows1252 = false;
};

SourceFileCheck inspectSourceFile(llvm::StringRef Path);

/// The file system for one translation unit (not thread-safe; one per
/// parse). Windows1252File, if given, is a source that is not valid UTF-8
/// (inspectSourceFile): it is read as Windows-1252, the code page MSVC
/// assumes on Western systems, converted to UTF-8 (so that L"Größe" is a
/// valid wide string for clang too).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeWindowsFileSystem(llvm::StringRef Windows1252File = "",
                      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base =
                          llvm::vfs::createPhysicalFileSystem());

/// Windows-1252 text as UTF-8.
std::string convertWindows1252(llvm::StringRef Bytes);

/// Text of a UTF-16 file with a byte order mark as UTF-8 (no BOM), or
/// nullopt when Bytes does not start with a UTF-16 BOM or is not valid
/// UTF-16.
std::optional<std::string> convertUTF16WithBOM(llvm::StringRef Bytes);

} // namespace resdll

#endif

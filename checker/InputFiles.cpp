//===- InputFiles.cpp - sources read as a Windows compiler would ----------===//
#include "InputFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <memory>

using namespace llvm;

namespace resdll {

static bool hasUTF16BOM(StringRef B) {
  return B.starts_with("\xFF\xFE") || B.starts_with("\xFE\xFF");
}

static bool hasUTF32BOM(StringRef B) {
  return B.starts_with(StringRef("\xFF\xFE\0\0", 4)) ||
         B.starts_with(StringRef("\0\0\xFE\xFF", 4));
}

std::optional<std::string> convertUTF16WithBOM(StringRef Bytes) {
  if (!hasUTF16BOM(Bytes) || hasUTF32BOM(Bytes) || Bytes.size() % 2)
    return std::nullopt;
  std::string Out;
  if (!convertUTF16ToUTF8String(ArrayRef<char>(Bytes.data(), Bytes.size()),
                                Out))
    return std::nullopt;
  // The converter keeps the byte order mark (as UTF-8); clang would count it
  // in the columns of the first line.
  if (StringRef(Out).starts_with("\xEF\xBB\xBF"))
    Out.erase(0, 3);
  return Out;
}

std::string convertWindows1252(StringRef Bytes) {
  // 0x80-0x9F differ from Latin-1; the five bytes Windows-1252 leaves
  // undefined map to the C1 control of the same value, as Windows does.
  static const uint16_t High[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string Out;
  Out.reserve(Bytes.size() + Bytes.size() / 8);
  for (unsigned char C : Bytes) {
    if (C < 0x80) {
      Out += char(C);
      continue;
    }
    UTF32 CodePoint = C < 0xA0 ? High[C - 0x80] : C;
    char Buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *End = Buf;
    ConvertCodePointToUTF8(CodePoint, End);
    Out.append(Buf, End);
  }
  return Out;
}

/// Text saved as UTF-16 without a byte order mark: one byte of most code
/// units is zero (ASCII text), always at the same parity.
static bool looksLikeUTF16(StringRef Head) {
  size_t Units = Head.size() / 2, ZeroEven = 0, ZeroOdd = 0;
  if (Units < 8)
    return false;
  for (size_t I = 0; I + 1 < Head.size(); I += 2) {
    ZeroEven += Head[I] == 0;
    ZeroOdd += Head[I + 1] == 0;
  }
  size_t Most = std::max(ZeroEven, ZeroOdd),
         Least = std::min(ZeroEven, ZeroOdd);
  return Most * 10 >= Units * 6 && Least * 20 <= Units;
}

static Location positionOf(StringRef Path, StringRef Text, size_t Offset) {
  Location L;
  L.File = Path.str();
  StringRef Before = Text.take_front(Offset);
  L.Line = unsigned(Before.count('\n') + 1);
  size_t LineStart = Before.rfind('\n');
  L.Column =
      unsigned(LineStart == StringRef::npos ? Offset + 1 : Offset - LineStart);
  L.EndLine = L.Line;
  L.EndColumn = L.Column + 1;
  return L;
}

SourceFileCheck inspectSourceFile(StringRef Path) {
  SourceFileCheck C;
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(Path, St)) {
    C.Error = EC == std::errc::no_such_file_or_directory
                  ? std::string("no such file or directory")
                  : "cannot access the file: " + EC.message();
    return C;
  }
  if (sys::fs::is_directory(St)) {
    C.Error = "is a directory, not a source file";
    return C;
  }
  if (!sys::fs::is_regular_file(St)) {
    C.Error = "is not a regular file";
    return C;
  }
  if (St.getSize() == 0) {
    C.Error = "the file is empty: there is nothing to analyse";
    return C;
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(
      Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Buf) {
    C.Error = "cannot read the file: " + Buf.getError().message();
    return C;
  }
  StringRef Text = (*Buf)->getBuffer();
  if (hasUTF32BOM(Text)) {
    C.Error = "is UTF-32 text, which cannot be read; save it as UTF-8 (or "
              "UTF-16 with a byte order mark)";
    return C;
  }
  if (hasUTF16BOM(Text)) {
    if (!convertUTF16WithBOM(Text))
      C.Error = "is not valid UTF-16 text although it starts with a UTF-16 "
                "byte order mark";
    return C; // converted text is valid UTF-8 by construction
  }
  StringRef Head = Text.take_front(65536);
  if (Head.contains('\0')) {
    C.Error = looksLikeUTF16(Head)
                  ? "is UTF-16 text without a byte order mark, which cannot "
                    "be read; save it as UTF-8, or as UTF-16 with a byte "
                    "order mark"
                  : "is not a text source file (it contains NUL bytes)";
    return C;
  }
  size_t Bad = 0;
  if (!json::isUTF8(Text, &Bad)) {
    C.Warning = "the file is not valid UTF-8 (byte 0x" +
                utohexstr(uint8_t(Text[Bad]), /*LowerCase=*/true) +
                "): it is read as Windows-1252, and columns count the bytes "
                "of its UTF-8 form";
    C.WarningLoc = positionOf(Path, Text, Bad);
    C.Windows1252 = true;
  }
  return C;
}

namespace {

/// A UTF-16 source converted to UTF-8, in place of the file on disk.
class ConvertedFile : public vfs::File {
public:
  ConvertedFile(vfs::Status S, std::shared_ptr<const std::string> Text)
      : S(std::move(S)), Text(std::move(Text)) {}
  ErrorOr<vfs::Status> status() override { return S; }
  ErrorOr<std::unique_ptr<MemoryBuffer>> getBuffer(const Twine &Name, int64_t,
                                                   bool, bool) override {
    return MemoryBuffer::getMemBufferCopy(*Text, Name);
  }
  std::error_code close() override { return {}; }

private:
  vfs::Status S;
  std::shared_ptr<const std::string> Text;
};

class WindowsFileSystem : public vfs::ProxyFileSystem {
public:
  WindowsFileSystem(IntrusiveRefCntPtr<vfs::FileSystem> Base,
                    StringRef Windows1252File)
      : ProxyFileSystem(std::move(Base)) {
    if (!Windows1252File.empty())
      if (ErrorOr<vfs::Status> S = getUnderlyingFS().status(Windows1252File))
        Legacy = S->getUniqueID();
  }

  ErrorOr<vfs::Status> status(const Twine &Path) override {
    SmallString<256> P;
    Path.toVector(P);
    ErrorOr<vfs::Status> S = getUnderlyingFS().status(P);
    std::string Real = P.str().str();
    if (!S && S.getError() == std::errc::no_such_file_or_directory) {
      std::optional<std::string> R = resolve(P);
      if (!R)
        return S;
      S = getUnderlyingFS().status(*R);
      if (!S)
        return S;
      S = vfs::Status::copyWithNewName(*S, P);
      Real = *R;
    }
    if (S && S->isRegularFile())
      if (std::shared_ptr<const std::string> U = convertedText(*S, Real))
        return vfs::Status::copyWithNewSize(*S, U->size());
    return S;
  }

  bool exists(const Twine &Path) override {
    ErrorOr<vfs::Status> S = status(Path);
    return S && S->exists();
  }

  ErrorOr<std::unique_ptr<vfs::File>>
  openFileForRead(const Twine &Path) override {
    SmallString<256> P;
    Path.toVector(P);
    ErrorOr<std::unique_ptr<vfs::File>> F =
        getUnderlyingFS().openFileForRead(P);
    std::string Real = P.str().str();
    if (!F && F.getError() == std::errc::no_such_file_or_directory) {
      std::optional<std::string> R = resolve(P);
      if (!R)
        return F;
      F = vfs::File::getWithPath(getUnderlyingFS().openFileForRead(*R), P);
      Real = *R;
    }
    if (!F)
      return F;
    ErrorOr<vfs::Status> S = (*F)->status();
    if (S && S->isRegularFile())
      if (std::shared_ptr<const std::string> U = convertedText(*S, Real))
        return std::unique_ptr<vfs::File>(std::make_unique<ConvertedFile>(
            vfs::Status::copyWithNewSize(vfs::Status::copyWithNewName(*S, P),
                                         U->size()),
            U));
    return F;
  }

  vfs::directory_iterator dir_begin(const Twine &Dir,
                                    std::error_code &EC) override {
    SmallString<256> P;
    Dir.toVector(P);
    vfs::directory_iterator It = getUnderlyingFS().dir_begin(P, EC);
    if (EC != std::errc::no_such_file_or_directory)
      return It;
    std::optional<std::string> R = resolve(P);
    if (!R)
      return It;
    EC = std::error_code();
    return getUnderlyingFS().dir_begin(*R, EC);
  }

private:
  /// The UTF-8 text of a file that starts with a UTF-16 BOM, or of the
  /// Windows-1252 source; else null.
  std::shared_ptr<const std::string> convertedText(const vfs::Status &S,
                                                   StringRef Path) {
    bool IsLegacy = Legacy && S.getUniqueID() == *Legacy;
    // A BOM and whole code units: the size is even. Most files stop here.
    if (!IsLegacy && (S.getSize() < 2 || S.getSize() % 2))
      return nullptr;
    auto It = Converted.find(S.getUniqueID());
    if (It != Converted.end())
      return It->second;
    std::shared_ptr<const std::string> Result;
    SmallString<256> Abs(Path);
    if (getUnderlyingFS().makeAbsolute(Abs)) {
      // Cannot tell: read it as it is.
    } else if (IsLegacy) {
      if (ErrorOr<std::unique_ptr<MemoryBuffer>> B =
              MemoryBuffer::getFile(Abs, false, false))
        Result = std::make_shared<const std::string>(
            convertWindows1252((*B)->getBuffer()));
    } else {
      char Head[2] = {0, 0};
      if (Expected<sys::fs::file_t> FD = sys::fs::openNativeFileForRead(Abs)) {
        Expected<size_t> N =
            sys::fs::readNativeFile(*FD, MutableArrayRef<char>(Head, 2));
        sys::fs::closeFile(*FD);
        if (N && *N == 2 && hasUTF16BOM(StringRef(Head, 2)))
          if (ErrorOr<std::unique_ptr<MemoryBuffer>> B =
                  MemoryBuffer::getFile(Abs, false, false))
            if (std::optional<std::string> U =
                    convertUTF16WithBOM((*B)->getBuffer()))
              Result = std::make_shared<const std::string>(std::move(*U));
        if (!N)
          consumeError(N.takeError());
      } else {
        consumeError(FD.takeError());
      }
    }
    Converted[S.getUniqueID()] = Result;
    return Result;
  }

  /// Names in a directory, lower-cased name -> the name on disk (the
  /// alphabetically first when several differ only in case).
  const StringMap<std::string> *listing(StringRef Dir) {
    auto It = Listings.find(Dir);
    if (It != Listings.end())
      return It->second.get();
    std::unique_ptr<StringMap<std::string>> Names;
    std::error_code EC;
    vfs::directory_iterator D = getUnderlyingFS().dir_begin(Dir, EC), End;
    if (!EC) {
      Names = std::make_unique<StringMap<std::string>>();
      for (; D != End && !EC; D.increment(EC)) {
        StringRef Name = sys::path::filename(D->path());
        auto [Slot, New] = Names->try_emplace(Name.lower(), Name.str());
        if (!New && Name < StringRef(Slot->second))
          Slot->second = Name.str();
      }
    }
    return (Listings[Dir] = std::move(Names)).get();
  }

  /// The existing path that Path names on Windows, if it differs from Path.
  std::optional<std::string> resolve(StringRef Path) {
    SmallString<256> P(Path);
    if (sys::path::get_separator() == "/")
      std::replace(P.begin(), P.end(), '\\', '/');
    if (getUnderlyingFS().makeAbsolute(P))
      return std::nullopt;
    std::optional<std::string> R = resolveAbsolute(P);
    if (!R || *R == Path)
      return std::nullopt;
    return R;
  }

  std::optional<std::string> resolveAbsolute(StringRef P) {
    StringRef Parent = sys::path::parent_path(P);
    StringRef Name = sys::path::filename(P);
    if (Parent.empty() || Parent == P)
      return P.str(); // the root
    if (Name == "." || Name == ".." || Name.empty()) {
      std::optional<std::string> D = resolveAbsolute(Parent);
      if (!D)
        return std::nullopt;
      SmallString<256> Out(*D);
      sys::path::append(Out, Name);
      return Out.str().str();
    }
    // Usually the directory exists as written and only the name differs.
    const StringMap<std::string> *Names = listing(Parent);
    std::string Dir = Parent.str();
    if (!Names) {
      std::optional<std::string> D = resolveAbsolute(Parent);
      if (!D || *D == Parent)
        return std::nullopt;
      Dir = *D;
      Names = listing(Dir);
      if (!Names)
        return std::nullopt;
    }
    auto It = Names->find(Name.lower());
    if (It == Names->end())
      return std::nullopt;
    SmallString<256> Out(Dir);
    sys::path::append(Out, It->second);
    return Out.str().str();
  }

  std::optional<sys::fs::UniqueID> Legacy; ///< the Windows-1252 source
  std::map<sys::fs::UniqueID, std::shared_ptr<const std::string>> Converted;
  StringMap<std::unique_ptr<StringMap<std::string>>> Listings;
};

} // namespace

IntrusiveRefCntPtr<vfs::FileSystem>
makeWindowsFileSystem(StringRef Windows1252File,
                      IntrusiveRefCntPtr<vfs::FileSystem> Base) {
  return makeIntrusiveRefCnt<WindowsFileSystem>(std::move(Base),
                                                Windows1252File);
}

} // namespace resdll

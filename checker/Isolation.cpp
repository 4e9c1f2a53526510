//===- Isolation.cpp - each translation unit in a worker process ----------===//
#include "Isolation.h"
#include "ResultsJSON.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"
#include <chrono>
#include <cstring>
#include <optional>

#if defined(__unix__) || defined(__APPLE__)
#define RESDLL_HAVE_WORKERS 1
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
extern char **environ;
#else
#define RESDLL_HAVE_WORKERS 0
#endif

using namespace llvm;

namespace resdll {

FileResult analyseOnLargeStack(Runner &R, const std::string &File) {
  FileResult Out;
  llvm::thread T(std::optional<unsigned>(WorkerStackSize),
                 [&] { Out = R.analyseOne(File); });
  T.join();
  return Out;
}

static Notification fileError(const std::string &File, std::string Message,
                              StringRef Kind) {
  Notification N;
  N.Lvl = Notification::Error;
  N.Kind = Kind.str();
  N.Loc.File = File;
  N.Message = std::move(Message);
  return N;
}

static FileResult crashResult(const std::string &File, StringRef Cause) {
  FileResult R;
  R.File = File;
  R.Crashed = true;
  R.Notifications.push_back(
      fileError(File,
                "internal error: the analysis of this file crashed (" +
                    Cause.str() + "); its findings are missing",
                "crash"));
  return R;
}

static std::string formatSeconds(double S) {
  std::string Out;
  raw_string_ostream OS(Out);
  OS << format("%g", S);
  return Out;
}

static FileResult timeoutResult(const std::string &File, double Seconds) {
  FileResult R;
  R.File = File;
  R.InputError = true;
  R.Notifications.push_back(
      fileError(File,
                "the analysis did not finish within the --timeout of " +
                    formatSeconds(Seconds) + " s; its findings are missing",
                "timeout"));
  return R;
}

#if RESDLL_HAVE_WORKERS

namespace {
using Clock = std::chrono::steady_clock;

bool writeAll(int FD, StringRef Data, bool Socket) {
  while (!Data.empty()) {
    ssize_t N = Socket ? ::send(FD, Data.data(), Data.size(), MSG_NOSIGNAL)
                       : ::write(FD, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(N);
  }
  return true;
}

struct Worker {
  pid_t Pid = -1;
  int FD = -1;       ///< our end of the socket pair
  std::string Input; ///< bytes received, not yet a whole line
  long Current = -1; ///< index of the file being analysed
  long Last = -1;    ///< index of the last file it analysed
  /// Header prefixes it was last sent files of, most recent first (what
  /// its HeaderCache keeps).
  SmallVector<StringRef, 2> Prefixes;
  Clock::time_point Deadline;
  bool alive() const { return Pid > 0; }
  bool busy() const { return Current >= 0; }
};

class Pool {
public:
  Pool(Runner &InProcess, const std::vector<std::string> &Files,
       const IsolationOptions &Opts)
      : InProcess(InProcess), Files(Files), Opts(Opts), Results(Files.size()),
        Left(InProcess.analysisOrder(Files)) {
    for (const std::string &File : Files)
      Keys.push_back(InProcess.headerPrefixKey(File));
  }

  std::vector<FileResult> run();

private:
  bool spawn(Worker &W, std::string &Err);
  /// Stops W (killing it if Kill) and says how it ended (empty: exit
  /// status 0).
  std::string reap(Worker &W, bool Kill);
  void finish(size_t I, FileResult R);
  std::optional<size_t> pick(const Worker &W);
  void dispatch(Worker &W);
  void receive(Worker &W);

  Runner &InProcess;
  const std::vector<std::string> &Files;
  const IsolationOptions &Opts;
  std::vector<FileResult> Results;
  std::vector<Worker> Workers;
  std::vector<size_t> Left;        ///< files not handed out, in order
  std::vector<StringRef> Keys;     ///< of each file's header prefix
  StringSet<> Started, Finished;   ///< prefixes with a file handed out, done
  std::vector<std::string> Failed; ///< files whose worker died or was killed
  size_t Done = 0;
  bool Spawned = false;
};

bool Pool::spawn(Worker &W, std::string &Err) {
  int SV[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, SV) != 0) {
    Err = sys::StrError(errno);
    return false;
  }
  std::vector<std::string> Args = {Opts.Executable,
                                   std::string(WorkerSwitch) + "=" +
                                       std::to_string(::getpid())};
  for (const std::string &File : Failed)
    Args.push_back(std::string(AfterFailureSwitch) + "=" + File);
  Args.insert(Args.end(), Opts.Arguments.begin(), Opts.Arguments.end());
  std::vector<char *> Argv;
  for (std::string &A : Args)
    Argv.push_back(A.data());
  Argv.push_back(nullptr);
  posix_spawn_file_actions_t FA;
  posix_spawn_file_actions_init(&FA);
  // The worker reads requests on stdin and answers on stdout; its stderr
  // is ours (a crash's stack dump reaches the user).
  posix_spawn_file_actions_adddup2(&FA, SV[1], 0);
  posix_spawn_file_actions_adddup2(&FA, SV[1], 1);
  pid_t Pid = -1;
  int RC = ::posix_spawn(&Pid, Opts.Executable.c_str(), &FA, nullptr,
                         Argv.data(), environ);
  posix_spawn_file_actions_destroy(&FA);
  ::close(SV[1]);
  if (RC != 0) {
    ::close(SV[0]);
    Err = sys::StrError(RC);
    return false;
  }
  W = Worker();
  W.Pid = Pid;
  W.FD = SV[0];
  Spawned = true;
  return true;
}

std::string Pool::reap(Worker &W, bool Kill) {
  if (Kill)
    ::kill(W.Pid, SIGKILL);
  ::close(W.FD);
  int Status = 0;
  pid_t R;
  // The worker closed its end, so it is exiting (a crash handler may still
  // be printing its stack dump).
  do
    R = ::waitpid(W.Pid, &Status, 0);
  while (R < 0 && errno == EINTR);
  W = Worker();
  if (R < 0)
    return "the worker process was lost";
  if (WIFSIGNALED(Status)) {
    int Sig = WTERMSIG(Status);
    const char *Name = ::strsignal(Sig);
    return "signal " + std::to_string(Sig) +
           (Name ? std::string(": ") + Name : std::string());
  }
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status) == 0 ? std::string()
                                    : "the worker process exited with status " +
                                          std::to_string(WEXITSTATUS(Status));
  return "the worker process ended";
}

void Pool::finish(size_t I, FileResult R) {
  Results[I] = std::move(R);
  Finished.insert(Keys[I]);
  ++Done;
  if (Opts.Progress)
    Opts.Progress(Done, Files.size(), Files[I]);
}

// Precompiling a header prefix costs as much as parsing many files against
// it: each worker should build few, and no two the same one at once. A
// worker gets, in order of preference, the next file whose prefix it has
// (or that has none); one of a prefix no worker has started on; one of a
// prefix another worker has finished a file of (so that it is in the disk
// cache); and else, when the prefix is not kept on disk, the next file.
// Otherwise it waits until a worker finishes that prefix's first file.
std::optional<size_t> Pool::pick(const Worker &W) {
  auto Find = [&](auto Pred) -> std::optional<size_t> {
    for (size_t Pos = 0; Pos < Left.size(); ++Pos)
      if (Pred(Keys[Left[Pos]])) {
        size_t I = Left[Pos];
        Left.erase(Left.begin() + Pos);
        Started.insert(Keys[I]);
        return I;
      }
    return std::nullopt;
  };
  if (std::optional<size_t> I = Find([&](StringRef K) {
        return K.empty() || llvm::is_contained(W.Prefixes, K);
      }))
    return I;
  if (std::optional<size_t> I =
          Find([&](StringRef K) { return !Started.contains(K); }))
    return I;
  if (std::optional<size_t> I =
          Find([&](StringRef K) { return Finished.contains(K); }))
    return I;
  if (InProcess.keepsHeadersOnDisk() &&
      llvm::any_of(Workers, [](const Worker &Other) { return Other.busy(); }))
    return std::nullopt;
  return Find([](StringRef) { return true; });
}

void Pool::dispatch(Worker &W) {
  while (std::optional<size_t> Next = pick(W)) {
    size_t I = *Next;
    if (!W.alive()) {
      std::string Err;
      if (!spawn(W, Err)) {
        // No worker: analyse this file here, with crash recovery only.
        if (!Spawned)
          errs() << "resdll-check: warning: cannot start a worker process ("
                 << Err << "); analysing in this process\n";
        finish(I, analyseOnLargeStack(InProcess, Files[I]));
        continue;
      }
    }
    std::string Request = stringToJSONLine(Files[I]) + "\n";
    if (!writeAll(W.FD, Request, /*Socket=*/true)) {
      // The worker died while idle: replace it and try once more.
      reap(W, /*Kill=*/true);
      std::string Err;
      if (!spawn(W, Err) || !writeAll(W.FD, Request, true)) {
        if (W.alive())
          reap(W, true);
        finish(I, analyseOnLargeStack(InProcess, Files[I]));
        continue;
      }
    }
    W.Current = long(I);
    if (!Keys[I].empty()) {
      llvm::erase(W.Prefixes, Keys[I]);
      W.Prefixes.insert(W.Prefixes.begin(), Keys[I]);
      if (W.Prefixes.size() > HeaderCache::Kept)
        W.Prefixes.pop_back();
    }
    if (Opts.TimeoutSeconds > 0)
      W.Deadline = Clock::now() +
                   std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(Opts.TimeoutSeconds));
    return;
  }
}

void Pool::receive(Worker &W) {
  char Buf[65536];
  ssize_t N;
  do
    N = ::read(W.FD, Buf, sizeof(Buf));
  while (N < 0 && errno == EINTR);
  if (N > 0) {
    W.Input.append(Buf, size_t(N));
    size_t NL;
    while (W.busy() && (NL = W.Input.find('\n')) != std::string::npos) {
      Expected<FileResult> R =
          fileResultFromJSONLine(StringRef(W.Input).take_front(NL));
      W.Input.erase(0, NL + 1);
      size_t I = size_t(W.Current);
      W.Current = -1;
      W.Last = long(I);
      if (!R) {
        std::string Msg = toString(R.takeError());
        reap(W, /*Kill=*/true);
        finish(I, crashResult(Files[I], Msg));
        return;
      }
      finish(I, std::move(*R));
    }
    return;
  }
  // End of input: the worker died.
  size_t I = size_t(W.Current);
  bool WasBusy = W.busy();
  std::string How = reap(W, /*Kill=*/N < 0);
  if (WasBusy) {
    Failed.push_back(Files[I]);
    finish(I, crashResult(Files[I],
                          How.empty() ? "the worker process exited" : How));
  }
}

std::vector<FileResult> Pool::run() {
  size_t NumWorkers = std::min<size_t>(std::max(1u, Opts.Jobs), Files.size());
  Workers.resize(NumWorkers);
  while (Done < Files.size()) {
    for (Worker &W : Workers)
      if (!W.busy())
        dispatch(W);
    std::vector<pollfd> FDs;
    std::vector<Worker *> Polled;
    std::optional<Clock::time_point> Earliest;
    for (Worker &W : Workers) {
      if (!W.busy())
        continue;
      FDs.push_back({W.FD, POLLIN, 0});
      Polled.push_back(&W);
      if (Opts.TimeoutSeconds > 0 && (!Earliest || W.Deadline < *Earliest))
        Earliest = W.Deadline;
    }
    if (FDs.empty())
      continue; // everything left was analysed in this process
    int Wait = -1;
    if (Earliest) {
      auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
          *Earliest - Clock::now());
      Wait = int(std::max<int64_t>(0, Left.count() + 1));
    }
    int RC = ::poll(FDs.data(), FDs.size(), Wait);
    if (RC < 0 && errno != EINTR) {
      errs() << "resdll-check: error: poll: " << sys::StrError(errno) << "\n";
      break;
    }
    for (size_t K = 0; RC > 0 && K < FDs.size(); ++K)
      if (FDs[K].revents & (POLLIN | POLLHUP | POLLERR))
        receive(*Polled[K]);
    if (Opts.TimeoutSeconds > 0) {
      Clock::time_point Now = Clock::now();
      for (Worker &W : Workers)
        if (W.busy() && W.Deadline <= Now) {
          size_t I = size_t(W.Current);
          reap(W, /*Kill=*/true);
          Failed.push_back(Files[I]);
          finish(I, timeoutResult(Files[I], Opts.TimeoutSeconds));
        }
    }
  }
  // Idle workers see the end of their input and exit with status 0. Any
  // other end (a sanitizer's leak report, a crash in a destructor) is an
  // internal error, told with the last file the worker analysed.
  for (Worker &W : Workers) {
    if (!W.alive())
      continue;
    long Last = W.Last;
    std::string How = reap(W, /*Kill=*/false);
    if (How.empty() || Last < 0)
      continue;
    FileResult &R = Results[size_t(Last)];
    R.Crashed = true;
    R.Notifications.push_back(fileError(
        Files[size_t(Last)],
        "internal error: the worker process that analysed this file ended "
        "badly afterwards (" +
            How + ")",
        "crash"));
  }
  for (size_t I = 0; I < Results.size(); ++I)
    if (Results[I].File.empty() && Results[I].Notifications.empty())
      Results[I] = crashResult(Files[I], "the run was interrupted");
  return std::move(Results);
}

} // namespace

std::vector<FileResult> runIsolated(Runner &InProcess,
                                    const std::vector<std::string> &Files,
                                    const IsolationOptions &Opts) {
  Pool P(InProcess, Files, Opts);
  return P.run();
}

int serveAsWorker(Runner &R, long ParentPid) {
#if defined(__linux__)
  // Die with the parent, even when it is killed with SIGKILL.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  if (ParentPid > 0 && ::getppid() != pid_t(ParentPid))
    return 1; // the parent is already gone
  setBugReportMsg("resdll-check: a worker process crashed while analysing a "
                  "file; the main process reports which one. Please report "
                  "it to the resdll-check maintainers with this stack dump.\n");
  // Answers go to the original stdout; anything else printed on stdout
  // (nothing should be) goes to stderr instead of corrupting them.
  int Answers = ::dup(1);
  ::dup2(2, 1);
  std::string Input;
  char Buf[4096];
  while (true) {
    size_t NL = Input.find('\n');
    if (NL == std::string::npos) {
      ssize_t N = ::read(0, Buf, sizeof(Buf));
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        return 0; // the parent is done (or gone)
      Input.append(Buf, size_t(N));
      continue;
    }
    Expected<std::string> File =
        stringFromJSONLine(StringRef(Input).take_front(NL));
    Input.erase(0, NL + 1);
    if (!File) {
      errs() << "resdll-check worker: " << toString(File.takeError()) << "\n";
      return 1;
    }
    FileResult FR = analyseOnLargeStack(R, *File);
    if (!writeAll(Answers, fileResultToJSONLine(FR) + "\n", /*Socket=*/false))
      return 1;
  }
}

#else // !RESDLL_HAVE_WORKERS

std::vector<FileResult> runIsolated(Runner &InProcess,
                                    const std::vector<std::string> &Files,
                                    const IsolationOptions &Opts) {
  std::vector<FileResult> Results;
  for (size_t I = 0; I < Files.size(); ++I) {
    Results.push_back(analyseOnLargeStack(InProcess, Files[I]));
    if (Opts.Progress)
      Opts.Progress(I + 1, Files.size(), Files[I]);
  }
  return Results;
}

int serveAsWorker(Runner &, long) {
  errs() << "resdll-check: worker processes are not supported here\n";
  return 1;
}

#endif

} // namespace resdll

#!/usr/bin/env python3
"""Writes the generated inputs of the robustness tests.

Every generated source is real resource DLL code against the mingw-w64
headers: a V2 DLL whose OpenV2 has one true finding (a NULL return without
SetLastError) after whatever the case is about, so that a test sees both
that the tool survived and that the code was really analysed.

  generate.py big <out> <megabytes>     a large file of generated tables;
                                        prints a FileCheck line for its
                                        finding
  generate.py long-lines <out>          a 4 MB line, then code on a long
                                        line; prints a FileCheck line
  generate.py nest <kind> <n> <out>     code nested n levels deep; prints
                                        a FileCheck line for its finding
  generate.py project <dir> <n>         n sources, one finding each
  generate.py recode <in> <out> <enc> [crlf]
                                        a copy in another encoding (utf-16,
                                        utf-16-be: with a byte order mark;
                                        utf-16-nobom; utf-32; cp1252)
  generate.py binary <out>              the start of a PE image
"""
import os
import sys

HEAD = """#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
"""

OPEN = """
static CLRES_FUNCTION_TABLE g_Table;

RESID WINAPI GenOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                       DWORD Flags)
{
    if (Name == NULL)
        return NULL;
    SetLastError(ERROR_INVALID_PARAMETER);
    return (Flags & 1) ? NULL : (RESID)Key;
}

void GenRegister(void)
{
    g_Table.V2Functions.Open = GenOpenV2;
}
"""


def write(path, text, encoding="utf-8"):
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


def big(out, megabytes):
    # A string table of the kind resource DLLs embed (generated message
    # catalogues), then the code.
    target = megabytes * 1024 * 1024
    with open(out, "w", newline="\n") as f:
        f.write(HEAD)
        f.write("typedef struct { DWORD Id; LPCWSTR Text; } MESSAGE_ENTRY;\n")
        f.write("static const MESSAGE_ENTRY g_Messages[] = {\n")
        size, i = 0, 0
        line = ('    { 0x%08x, L"Message %07d: the resource could not be '
                'brought online because of reason %07d." },\n')
        while size < target:
            text = line % (i, i, i)
            f.write(text)
            size += len(text)
            i += 1
        f.write("};\n")
        f.write(OPEN)
    # A FileCheck line for the finding, at the line where it really is.
    with open(out, "rb") as f:
        for n, text in enumerate(f, 1):
            if text.strip() == b"return NULL;":
                print("CHECK: %s:%d:9: warning: OpenV2 entry point 'GenOpenV2'"
                      " returns NULL" % (os.path.basename(out), n))


def long_lines(out):
    with open(out, "w", newline="\n") as f:
        f.write(HEAD)
        f.write("static const char g_Blob[] = \"" + "x" * (4 * 1024 * 1024) +
                "\";\n")
        # The whole entry point on one line, after 100,000 columns of a
        # declaration list.
        decls = " ".join("static int v%d;" % i for i in range(8000))
        f.write(decls + " RESID WINAPI GenOpenV2(LPCWSTR Name, HKEY Key, "
                "RESOURCE_HANDLE Handle, DWORD Flags) { if (Name == NULL) "
                "return NULL; return (RESID)Key; }\n")
        f.write("static CLRES_FUNCTION_TABLE g_Table;\n"
                "void GenRegister(void) { g_Table.V2Functions.Open = "
                "GenOpenV2; }\n")
    with open(out) as f:
        line = f.read().split("\n")[4]
    print("CHECK: %s:5:%d: warning: OpenV2 entry point 'GenOpenV2' returns "
          "NULL" % (os.path.basename(out), line.index("return NULL") + 1))


def nest(kind, n, out):
    if kind == "parens":
        body = "static int f(int a) { return " + "(" * n + "a" + ")" * n + "; }\n"
    elif kind == "blocks":
        body = "static int f(int a) { " + "{" * n + "a++;" + "}" * n + " return a; }\n"
    elif kind == "else-if":
        body = "static int f(int a) {\n" + "".join(
            "    %sif (a == %d) return %d;\n" % ("else " if i else "", i, i + 1)
            for i in range(n)) + "    return 0;\n}\n"
    elif kind == "if":
        body = "static int f(int a) {\n" + "".join(
            "    if (a > %d)\n" % i for i in range(n)) + \
            "    return 1;\n    return 0;\n}\n"
    elif kind == "unary":
        body = "static int f(int a) { return " + "!" * n + "a; }\n"
    elif kind == "binary":
        body = "static int f(int a) { return " + " + ".join(["a"] * n) + "; }\n"
    elif kind == "conditional":
        body = "static int f(int a) { return " + "".join(
            "a == %d ? %d : " % (i, i + 1) for i in range(n)) + "0; }\n"
    else:
        raise SystemExit("unknown kind " + kind)
    # OpenV2 calls f, so the deep function is analysed too (summaries).
    write(out, HEAD + body + """
static CLRES_FUNCTION_TABLE g_Table;

RESID WINAPI GenOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                       DWORD Flags)
{
    if (f((int)Flags) == 0)
        return NULL;
    return (RESID)Key;
}

void GenRegister(void)
{
    g_Table.V2Functions.Open = GenOpenV2;
}
""")
    with open(out) as f:
        for n, text in enumerate(f, 1):
            if text.strip() == "return NULL;":
                print("CHECK-DAG: %s:%d:9: warning: OpenV2 entry point "
                      "'GenOpenV2' returns NULL" % (os.path.basename(out), n))


def project(directory, n):
    os.makedirs(directory, exist_ok=True)
    for i in range(n):
        write(os.path.join(directory, "res%03d.c" % i), HEAD + """
static CLRES_FUNCTION_TABLE g_Table%(i)d;

RESID WINAPI Res%(i)dOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                          DWORD Flags)
{
    if (Flags == %(i)d)
        return NULL;
    if (Name == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (RESID)Key;
}

void Res%(i)dRegister(void)
{
    g_Table%(i)d.V2Functions.Open = Res%(i)dOpenV2;
}
""" % {"i": i})


def recode(src, out, encoding, crlf=False):
    with open(src, encoding="utf-8") as f:
        text = f.read()
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-16":  # little endian, with a byte order mark
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    elif encoding == "utf-16-nobom":
        data = text.encode("utf-16-le")
    elif encoding == "utf-32":
        data = b"\xff\xfe\x00\x00" + text.encode("utf-32-le")
    elif encoding == "cp1252":
        data = text.encode("cp1252", errors="replace")
    else:
        data = text.encode(encoding)
    with open(out, "wb") as f:
        f.write(data)


def binary(out):
    with open(out, "wb") as f:
        f.write(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
                + b"\x00" * 48 + b"This program cannot be run in DOS mode.")


def main(argv):
    cmd = argv[1]
    if cmd == "big":
        big(argv[2], int(argv[3]))
    elif cmd == "long-lines":
        long_lines(argv[2])
    elif cmd == "nest":
        nest(argv[2], int(argv[3]), argv[4])
    elif cmd == "project":
        project(argv[2], int(argv[3]))
    elif cmd == "recode":
        recode(argv[2], argv[3], argv[4], len(argv) > 5 and argv[5] == "crlf")
    elif cmd == "binary":
        binary(argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

"""Building ocspackage.exe around a stand-in setup, and looking inside it (7z, wine), in tests.

The stand-in is a tiny NSIS installer the tests compile: like the official setup it takes
``/D=<install dir>`` (NSIS itself parses it into ``$INSTDIR``), and it writes to
``C:\\standin.log`` the arguments it received, the ``ocsdat.ini`` beside it, the files next
to it, in the agent data folder and in ``<install>\\Plugins``, and the Label's text. It is
compiled for either architecture of ocspackage.exe, so an x64 package can carry an x64
stand-in and both run under 64-bit Wine alone (no wine32, no i386 packages).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import time
from pathlib import Path

import pytest

from ocs_desktop.common.pki import cert_pem, make_ca, make_server_cert
from tests.support.services import unavailable

STANDIN_EXIT = 7
MACHINE_I386, MACHINE_AMD64 = 0x014C, 0x8664
PE32, PE32_PLUS = 0x10B, 0x20B
DATA_FOLDER = "C:\\ProgramData\\OCS Inventory NG\\Agent"
INSTALL_FOLDER = "C:\\Program Files\\OCS Inventory Agent"

STANDIN_SCRIPT = r"""Unicode true
OutFile "standin.exe"
SilentInstall silent
RequestExecutionLevel user
SetDateSave off
!include "FileFunc.nsh"
!include "LogicLib.nsh"
Var Out
Function ListDir
  Exch $0
  FileWriteUTF16LE $Out "DIR $0$\r$\n"
  FindFirst $1 $2 "$0\*"
  ${DoWhile} $2 != ""
    ${If} $2 != "."
    ${AndIf} $2 != ".."
      FileWriteUTF16LE $Out "FILE $2$\r$\n"
    ${EndIf}
    FindNext $1 $2
  ${Loop}
  FindClose $1
  Pop $0
FunctionEnd
Section
  FileOpen $Out "C:\standin.log" w
  FileWriteWord $Out 0xFEFF
  ${GetParameters} $0
  FileWriteUTF16LE $Out "ARGS=$0$\r$\n"
  FileWriteUTF16LE $Out "INSTDIR=$INSTDIR$\r$\n"
  ReadINIStr $1 "$EXEDIR\ocsdat.ini" "Config" "InstallFolder"
  FileWriteUTF16LE $Out "INI.InstallFolder=$1$\r$\n"
  ReadINIStr $1 "$EXEDIR\ocsdat.ini" "Config" "DataFolder"
  FileWriteUTF16LE $Out "INI.DataFolder=$1$\r$\n"
  ReadINIStr $1 "$EXEDIR\ocsdat.ini" "Config" "LogFile"
  FileWriteUTF16LE $Out "INI.LogFile=$1$\r$\n"
  ReadINIStr $1 "$EXEDIR\ocsdat.ini" "Config" "CmdLine"
  FileWriteUTF16LE $Out "INI.CmdLine=$1$\r$\n"
  SetShellVarContext all
  ClearErrors
  FileOpen $2 "$APPDATA\OCS Inventory NG\Agent\Label" r
  ${IfNot} ${Errors}
    FileRead $2 $1
    FileClose $2
    FileWriteUTF16LE $Out "LABEL=$1$\r$\n"
  ${EndIf}
  Push $EXEDIR
  Call ListDir
  Push "$APPDATA\OCS Inventory NG\Agent"
  Call ListDir
  Push "$INSTDIR\Plugins"
  Call ListDir
  FileClose $Out
  SetErrorLevel 7
SectionEnd
"""


def need(program: str, package: str) -> str:
    found = shutil.which(program)
    if found is None:
        unavailable(f"{program} is not installed (Debian package {package})")
    return found


def compile_standin(folder: Path, arch: str = "x86") -> Path:
    """The stand-in setup, compiled with makensis into ``folder`` for ``arch`` (x86, x64)."""
    need("makensis", "nsis")
    target = {"x86": "", "x64": "Target amd64-unicode\n"}[arch]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "standin.nsi").write_text(target + STANDIN_SCRIPT, encoding="utf-8")
    subprocess.run(
        ["makensis", "-V2", "-INPUTCHARSET", "UTF8", "standin.nsi"],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "standin.exe"


def pe_machine(exe: Path) -> tuple[int, int]:
    """The PE header's Machine (:data:`MACHINE_I386`, :data:`MACHINE_AMD64`) and the optional
    header's Magic (:data:`PE32`, :data:`PE32_PLUS`) of ``exe``."""
    data = exe.read_bytes()[:4096]
    offset = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[:2] == b"MZ" and data[offset : offset + 4] == b"PE\0\0", exe
    machine = struct.unpack_from("<H", data, offset + 4)[0]
    magic = struct.unpack_from("<H", data, offset + 24)[0]  # after the 20-byte COFF header
    return machine, magic


def write_ca(path: Path) -> Path:
    """A CA certificate (PEM) at ``path``."""
    _, ca = make_ca("Test CA")
    path.write_bytes(cert_pem(ca))
    return path


def write_server_cert(path: Path) -> Path:
    """A server (non-CA) certificate (PEM) at ``path``."""
    key, ca = make_ca("Test CA")
    _, cert = make_server_cert(key, ca, "localhost", ["127.0.0.1"])
    path.write_bytes(cert_pem(cert))
    return path


def seven_zip_list(exe: Path) -> list[str]:
    """The paths 7z lists inside an NSIS installer."""
    need("7z", "p7zip-full")
    out = subprocess.run(
        ["7z", "l", "-slt", str(exe)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return [line[len("Path = ") :] for line in out.splitlines() if line.startswith("Path = ")][1:]


def seven_zip_extract(exe: Path, target: Path) -> Path:
    """Everything inside ``exe`` extracted under ``target``."""
    need("7z", "p7zip-full")
    subprocess.run(
        ["7z", "x", "-y", f"-o{target}", str(exe)], check=True, capture_output=True, timeout=60
    )
    return target


class Wine:
    """A throwaway wine prefix for the x64 NSIS installers the tests build: 64-bit Wine alone
    (Debian ``wine`` and ``wine64``) runs them, with no wine32:i386, whose i386 package lists
    must match the amd64 ones and which a mirror mid-sync breaks. An x86 program is refused
    before it runs: 64-bit Wine exits 0 without running it, saying nothing under
    ``WINEDEBUG=-all``."""

    def __init__(self, prefix: Path) -> None:
        need("wine", "wine")
        self.prefix = prefix
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            "DISPLAY": "",
        }
        started = time.monotonic()
        done = subprocess.run(
            ["wineboot", "-i"], env=self.env, capture_output=True, timeout=300, check=False
        )
        self.boot_seconds = time.monotonic() - started
        if done.returncode != 0 or not (prefix / "drive_c").is_dir():
            unavailable(f"wine cannot create a prefix: {done.stderr[-300:]!r}")

    def c(self, windows_path: str) -> Path:
        """The host path of ``C:\\...`` in this prefix."""
        assert windows_path[:3].upper() == "C:\\"
        return self.prefix / "drive_c" / windows_path[3:].replace("\\", "/")

    def run(self, exe: Path, *args: str, timeout: float = 120) -> int:
        """Run ``exe ARGS`` and wait for it and the wine server; its exit code."""
        machine, _ = pe_machine(exe)
        if machine != MACHINE_AMD64:
            pytest.fail(
                f"{exe.name} is not an x64 program (PE machine {machine:#06x}): build it with "
                "arch='x64'; the tests run only x64 programs, which 64-bit Wine alone runs"
            )
        done = subprocess.run(
            ["wine", str(exe), *args],
            env=self.env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout, check=False)
        if b"wine32 is missing" in done.stderr or b"Bad EXE format" in done.stderr:
            unavailable(
                f"wine cannot run {exe.name} (64-bit Wine is Debian's wine and wine64): "
                f"{done.stderr[-300:]!r}"
            )
        return done.returncode

    def temp(self) -> Path:
        """The user's ``%TEMP%`` in this prefix."""
        users = sorted(
            p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name != "Public"
        )
        return (
            users[0] / "Temp" if (users[0] / "Temp").is_dir() else users[0] / "AppData/Local/Temp"
        )


def standin_log(wine: Wine) -> dict[str, object]:
    """What the stand-in recorded: ``args``, ``ini`` keys, ``label`` and ``dirs`` listings."""
    text = wine.c("C:\\standin.log").read_bytes().decode("utf-16")
    found: dict[str, object] = {"ini": {}, "dirs": {}}
    current: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if line.startswith("DIR "):
            current = []
            found["dirs"][line[4:]] = current  # type: ignore[index]
        elif line.startswith("FILE "):
            current.append(line[5:])
        elif key.startswith("INI."):
            found["ini"][key[4:]] = value  # type: ignore[index]
        else:
            found[key.lower()] = value
    return found

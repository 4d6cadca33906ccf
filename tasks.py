#!/usr/bin/env python3
"""Set-up and run tasks that need nothing but Python 3.11+ (standard library only).

    python3 tasks.py demo     # create .venv, install, open the demo dashboards in a browser
    python3 tasks.py test     # create .venv, install with test tools, run the whole test suite
    python3 tasks.py lab      # create .venv, install, open the notebooks in JupyterLab

Everything is installed into ./.venv with the exact versions of requirements.lock, so a run
a year from now uses the same libraries as today.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed"
CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def run(*command: object, **kwargs) -> None:
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT, **kwargs)


def ensure_environment(extras: str = "test") -> None:
    if sys.version_info < (3, 11):
        raise SystemExit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        say(f"creating the virtual environment {VENV.relative_to(ROOT)}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()
                            + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say("installing the workbook and its libraries (first time takes a few minutes)")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-c", LOCK, "-e", f".[{extras}]")
    STAMP.write_text(wanted)


def find_chromium() -> str | None:
    configured = os.environ.get("WORKBOOK_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None)


def install_debian_package(package: str, purpose: str) -> None:
    """Install a Debian package when this is Debian/Ubuntu and we are root (as in CI)."""
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say(f"installing Debian's {package} {purpose}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", *package.split(), env=env)


def ensure_chromium() -> str:
    found = find_chromium()
    if not found:
        install_debian_package("chromium", "for the browser tests")
        found = find_chromium()
    if not found:
        raise SystemExit(
            "The browser tests need Chromium or Google Chrome. Install it (Debian/Ubuntu: "
            "sudo apt-get install chromium; macOS: install Google Chrome) or set WORKBOOK_CHROMIUM "
            "to its executable, then run this again.")
    return found


def find_nginx() -> str | None:
    configured = os.environ.get("WORKBOOK_NGINX")
    if configured:
        return configured if Path(configured).exists() else None
    return next((c for c in ("/usr/sbin/nginx", shutil.which("nginx")) if c and Path(c).exists()), None)


def ensure_tool(find, packages: str, purpose: str, advice: str) -> str:
    """The tool ``find`` locates; on Debian/Ubuntu as root its packages are installed first if missing."""
    found = find()
    if not found:
        install_debian_package(packages, purpose)
        found = find()
    if not found:
        raise SystemExit(f"The tests need {purpose}. {advice}, then run this again.")
    return found


def ensure_test_tools() -> dict[str, str]:
    """Chromium (browser tests), nginx (replicas behind a proxy), LibreOffice and pdftoppm
    (the deck and Word report rendered to pictures)."""
    return {
        "WORKBOOK_CHROMIUM": ensure_chromium(),
        "WORKBOOK_NGINX": ensure_tool(find_nginx, "nginx", "nginx for the reverse-proxy test",
                                      "Install it (Debian/Ubuntu: sudo apt-get install nginx; macOS: brew install "
                                      "nginx) or set WORKBOOK_NGINX to its executable"),
        "WORKBOOK_SOFFICE": ensure_tool(lambda: shutil.which("pdftoppm") and shutil.which("soffice"),
                                        "libreoffice-impress libreoffice-writer poppler-utils",
                                        "LibreOffice and pdftoppm to render the deck and the Word report",
                                        "Install them (Debian/Ubuntu: sudo apt-get install libreoffice-impress "
                                        "libreoffice-writer poppler-utils)"),
    }


def task_test(args: list[str]) -> int:
    ensure_environment("test")
    tools = ensure_test_tools()
    say("running the tests (" + ", ".join(f"{name}={path}" for name, path in tools.items()) + ")")
    env = {**os.environ, **tools}
    return subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env).returncode


def task_demo(args: list[str]) -> int:
    ensure_environment("test")
    return subprocess.run([str(BIN / "workbook"), "serve", *args], cwd=ROOT).returncode


def task_lab(args: list[str]) -> int:
    ensure_environment("test")
    return subprocess.run([str(BIN / "jupyter"), "lab", "--ip=127.0.0.1", "notebooks", *args], cwd=ROOT).returncode


TASKS = {"test": task_test, "demo": task_demo, "lab": task_lab}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        return 2
    return TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())

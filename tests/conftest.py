import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    import kg

    return kg.shared_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir() or not (SHARED / "gold").is_dir():
        pytest.fail(f"{SHARED}/corpus and {SHARED}/gold are needed beside the checkout (or set KG_SHARED)")
    return SHARED


def ents(nlp, text):
    """(label, text) of every entity of text."""
    doc = nlp(text)
    return [(e.label_, e.text) for e in doc.ents]


def headless_chromium(*extra_flags):
    """Debian's chromium driven by Selenium, headless, with the machine's closed network in mind."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.fail("Debian's chromium and chromium-driver are needed (.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,800", *extra_flags):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def start_serve(store, *args):
    """``kg serve`` on a free loopback port: (process, endpoint URL)."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert "SPARQL endpoint at" in line, proc.stderr.read()
    return proc, line.split(" at ", 1)[1].split()[0]


def build_store(out_dir, report=None) -> "Path":
    """``kg build`` of a report (the tiny test report by default) into ``out_dir``; its store folder."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(report or DATA / "tiny-report.md"), "-o", str(out_dir)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return Path(out_dir) / "store"

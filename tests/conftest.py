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

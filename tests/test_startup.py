"""kg._startup: spaCy imported through kg leaves its CLI unimported until asked for."""

import subprocess
import sys


def _run(code: str, **env) -> str:
    import os

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, **env}, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_pipeline_loads_without_spacys_cli_which_still_works_when_asked_for():
    code = (
        "import sys, kg\n"
        "nlp = kg.shared_nlp()\n"
        "doc = nlp('中国科协在北京举办科技活动周。')\n"
        "print(len(doc) > 0, 'spacy.cli' in sys.modules, 'typer' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(hasattr(spacy.cli, 'app'), sys.modules['spacy.cli'].__file__.endswith('__init__.py'))\n"
        "print(spacy.info(silent=True)['spacy_version'] == spacy.__version__)\n"
    )
    assert _run(code).splitlines() == ["True False False", "True True", "True"]


def test_spacy_imported_before_kg_is_left_as_it_is_and_the_switch_turns_it_off():
    assert _run("import spacy, sys, kg; print('spacy.cli' in sys.modules)") == "True"
    assert _run("import kg, spacy, sys; print('spacy.cli' in sys.modules)", KG_LAZY_SPACY_CLI="0") == "True"
    assert _run("import kg, spacy, sys; print('spacy.cli' in sys.modules)") == "False"

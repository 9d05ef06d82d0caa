"""What a query may do here: no federated SERVICE calls unless the user allows them.

kg makes no outbound request unless asked: a query with ``SERVICE <…>`` would make the
engine fetch from any address it names. ``uses_service`` finds the keyword the way the
SPARQL grammar does: outside comments, string literals and IRIs, as a whole word.
"""

from __future__ import annotations

import re

# comments, strings (long and short, either quote), IRIs: the places where SERVICE is not a keyword
_SKIP = re.compile(r"""#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>""",
                   re.DOTALL)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """The query calls SERVICE (a federated query to another endpoint)."""
    return _SERVICE.search(_SKIP.sub(" ", query)) is not None

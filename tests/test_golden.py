"""The whole generated tree for the seed corpus, diffed against a checked-in copy.

After a deliberate change to the output, review the diff and refresh the copy with `make golden`.
"""

import difflib
from pathlib import Path

from generator import pipeline
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "docs"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_tree_matches_golden_copy(tmp_path):
    assert main(["build", "--seeds", str(ROOT / "seeds"), "--out", str(tmp_path)]) == 0
    built, golden = tree(tmp_path), tree(GOLDEN)
    assert sorted(built) == sorted(golden), "pages added or missing; run `make golden` if intended"
    for path in golden:
        diff = "".join(difflib.unified_diff(golden[path].splitlines(True), built[path].splitlines(True),
                                            f"golden/{path}", f"built/{path}", n=1))
        assert not diff, f"{path} differs from the golden copy (refresh with `make golden`):\n{diff[:3000]}"


def test_worker_processes_build_the_same_tree(tmp_path, monkeypatch):
    """A large corpus is extracted, and its article pages rendered, in worker processes: the same pages."""
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pipeline, "worker_count", lambda: 2)
    pools = []
    real_pool = pipeline.ProcessPoolExecutor
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", lambda *args, **kwargs: pools.append(kwargs["initializer"])
                        or real_pool(*args, **kwargs))
    assert main(["build", "--no-cache", "--seeds", str(ROOT / "seeds"), "--out", str(tmp_path)]) == 0
    assert [initializer.__name__ for initializer in pools] == ["_remember_editorial", "_remember_pages"]
    assert tree(tmp_path) == tree(GOLDEN)


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert main(["build", "--seeds", str(ROOT / "seeds"), "--out", str(out)]) == 0
    assert tree(first) == tree(second)
    assert len(tree(first)) > 5


def test_seed_pages_are_clean_and_readable(tmp_path):
    assert main(["build", "--seeds", str(ROOT / "seeds"), "--out", str(tmp_path)]) == 0
    pages = {path: page for path, page in tree(tmp_path / "articles").items() if path != "index.md"}
    assert len(pages) == 5
    for path, page in pages.items():
        for garbage in ("鈥", "â€", "Ã"):
            assert garbage not in page, f"{path} still holds mojibake {garbage!r}"
        body = page.split("## Full text", 1)[1].split("## As clipped", 1)[0]
        longest = max(len(paragraph) for paragraph in body.split("\n\n"))
        assert longest <= 1200, f"{path} has a paragraph of {longest} characters"

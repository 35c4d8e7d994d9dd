"""Writing: atomic, unchanged pages left alone, stale pages removed, hand-written files never touched."""

import json
from pathlib import Path

import pytest

from generator.write import MANIFEST, Pages, safe_relative, write_atomic, write_pages


def files(folder) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_are_written_with_a_manifest(tmp_path):
    report = write_pages(tmp_path, {"a.md": "A", "sub/b.md": "B"})
    assert (report.written, report.unchanged, report.removed) == (["a.md", "sub/b.md"], [], [])
    assert files(tmp_path) == {"a.md": "A", "sub/b.md": "B", MANIFEST: '[\n"a.md",\n"sub/b.md"\n]\n'}
    assert json.loads((tmp_path / MANIFEST).read_text()) == ["a.md", "sub/b.md"]


def test_unchanged_pages_are_not_rewritten(tmp_path):
    write_pages(tmp_path, {"a.md": "A", "b.md": "B"})
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    report = write_pages(tmp_path, {"a.md": "A", "b.md": "B2"})
    assert (report.written, report.unchanged, report.removed) == (["b.md"], ["a.md"], [])
    assert (tmp_path / "a.md").stat().st_mtime_ns == before["a.md"]
    assert (tmp_path / MANIFEST).stat().st_mtime_ns == before[MANIFEST]


def test_dropped_page_is_removed_with_its_empty_folder(tmp_path):
    write_pages(tmp_path, {"a.md": "A", "sub/deep/b.md": "B"})
    report = write_pages(tmp_path, {"a.md": "A"})
    assert (report.written, report.unchanged, report.removed) == ([], ["a.md"], ["sub/deep/b.md"])
    assert files(tmp_path) == {"a.md": "A", MANIFEST: '[\n"a.md"\n]\n'}
    assert not (tmp_path / "sub").exists()


def test_hand_written_file_is_never_overwritten(tmp_path):
    (tmp_path / "about.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="about.md' exists and was not written by the generator; refusing"):
        write_pages(tmp_path, {"about.md": "generated"})
    assert (tmp_path / "about.md").read_text(encoding="utf-8") == "mine"


def test_unrelated_hand_written_file_is_left_alone(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "about.md").write_text("mine", encoding="utf-8")
    write_pages(tmp_path, {"a.md": "A"})
    write_pages(tmp_path, {})
    assert files(tmp_path) == {"about.md": "mine", "assets/logo.svg": "<svg/>", MANIFEST: "[]\n"}


def test_refused_build_does_not_block_the_next_one(tmp_path):
    (tmp_path / "b.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError):
        write_pages(tmp_path, {"a.md": "A", "b.md": "generated"})
    assert write_pages(tmp_path, {"a.md": "A"}).written == ["a.md"]


@pytest.mark.parametrize("path", ["../x.md", "/etc/x.md", "a/../../x.md", "", "."])
def test_paths_outside_the_folder_are_rejected(tmp_path, path):
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="would leave the output folder"):
        write_pages(out, {path: "x"})
    assert not (tmp_path / "x.md").exists()


def test_tampered_manifest_cannot_delete_outside_the_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "precious.md").write_text("keep", encoding="utf-8")
    (out / MANIFEST).write_text('["../precious.md"]', encoding="utf-8")
    with pytest.raises(ValueError, match="would leave the output folder"):
        write_pages(out, {})
    assert (tmp_path / "precious.md").read_text(encoding="utf-8") == "keep"


def test_safe_relative_normalises_dots():
    assert str(safe_relative("a/./b.md")) == "a/b.md"


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "new" / "page.md"
    write_atomic(target, "héllo\nworld")
    write_atomic(target, "again")
    assert [p.name for p in tmp_path.rglob("*")] == ["new", "page.md"]
    assert target.read_bytes() == b"again"


def test_write_atomic_writes_utf8_with_lf(tmp_path):
    write_atomic(tmp_path / "p.md", "é\nx\n")
    assert (tmp_path / "p.md").read_bytes() == b"\xc3\xa9\nx\n"


def test_failed_write_leaves_old_content_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    write_atomic(target, "old")

    def killed(*args):
        raise OSError("killed before the rename")

    monkeypatch.setattr("generator.write.os.replace", killed)
    with pytest.raises(OSError, match="killed"):
        write_atomic(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]
    assert target.read_text(encoding="utf-8") == "old"


def test_a_page_with_its_last_identity_is_neither_rendered_nor_read(tmp_path, monkeypatch):
    written = {}
    pages = Pages()
    pages.add("a.md", "A", identity="a1")
    write_pages(tmp_path, pages, written)

    def must_not_render():
        raise AssertionError("a page known to be unchanged was rendered")

    again = Pages()
    again.add("a.md", must_not_render, identity="a1")
    reads = []
    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: reads.append(self.name) or real(self, *a, **k))
    assert write_pages(tmp_path, again, written).unchanged == ["a.md"]
    assert "a.md" not in reads


def test_a_page_changed_on_disk_or_with_a_new_identity_is_written_again(tmp_path):
    written = {}
    pages = Pages()
    pages.add("a.md", "A", identity="a1")
    write_pages(tmp_path, pages, written)
    (tmp_path / "a.md").write_text("edited by hand, longer", encoding="utf-8")
    assert write_pages(tmp_path, pages, written).written == ["a.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A"
    renamed = Pages()
    renamed.add("a.md", "A2", identity="a2")
    assert write_pages(tmp_path, renamed, written).written == ["a.md"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A2"


def test_a_page_rewritten_with_its_last_search_identity_is_reported_unsearched(tmp_path):
    written = {}

    def pages(content: str, identity: str, searched: str) -> Pages:
        made = Pages()
        made.add("a.md", content, identity=identity, search_identity=searched)
        made.add("b.md", "B", identity="b1")  # no search identity: every write of it counts
        return made

    assert write_pages(tmp_path, pages("A", "a1", "s1"), written).unsearched == []  # new: never searched before
    related_only = write_pages(tmp_path, pages("A, other related reading", "a2", "s1"), written)
    assert (related_only.written, related_only.unsearched) == (["a.md"], ["a.md"])
    searched = write_pages(tmp_path, pages("A, edited text", "a3", "s2"), written)
    assert (searched.written, searched.unsearched) == (["a.md"], [])

"""Any file an editor drops in: odd names, duplicates and refusals; reproducible output; fuzzed input."""

import filecmp
import re
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebuild import ROOT, copy_project, mkdocs_build

from generator import read
from generator.cli import main
from generator.editorial import load_editorial
from generator.pipeline import make_article, read_corpus, render_pages

EDITORIAL = load_editorial(ROOT / "seeds")
ARTICLE = "The United States and Guatemala are close to a safe third country agreement, officials said."


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_odd_file_names_give_unique_readable_slugs_inside_the_output(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    names = ["with spaces.txt", "acentuación ñandú.txt", "-dashes--.txt", ".leading-dot.txt", "..double.txt",
             "x" * 200 + ".txt"]
    for number, name in enumerate(names):
        write(seeds, name, f"{ARTICLE} Number {number}.")
    corpus = read_corpus(seeds)
    assert corpus.problems == []
    slugs = [a.slug for a in corpus.articles]
    assert len(set(slugs)) == len(names)
    assert all(re.fullmatch(r"undated-[a-z0-9-]+", slug) and len(slug) <= 70 for slug in slugs)
    out = tmp_path / "docs"
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in (out / "articles").rglob("*.md"))
    assert len(written) == len(names) + 1  # and the listing
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))


def test_identical_texts_make_one_page_and_a_warning_naming_both(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write(seeds, "a.txt", ARTICLE)
    write(seeds, "b.txt", ARTICLE)
    corpus = read_corpus(seeds)
    assert len(corpus.articles) == 1
    assert [str(p) for p in corpus.problems] == ["Warning reading 'seeds/b.txt': same text as 'seeds/a.txt'; "
                                                 "only one page is made"]


def test_bad_files_are_refused_one_line_each_and_the_rest_is_built(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 8192)
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    write(seeds, "empty.txt", b"")
    write(seeds, "blank.txt", b" \n\t \n")
    write(seeds, "binary.txt", bytes(range(256)) * 8)
    write(seeds, "huge.txt", b"word " * 2000)
    write(seeds, "undecodable.txt", bytes(0x80 + i % 50 for i in range(60)))
    code = main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [
        "Error reading 'seeds/binary.txt': file is binary, not text",
        "Error reading 'seeds/blank.txt': file holds only blank space",
        "Error reading 'seeds/empty.txt': file is empty",
        "Error reading 'seeds/huge.txt': file is 10,000 bytes, over the 8,192-byte limit",
        "Error reading 'seeds/undecodable.txt': encoding could not be determined: the bytes are not text in "
        "any known encoding",
    ]
    assert captured.out.strip().endswith("5 errors, 0 warnings")
    assert len(list((tmp_path / "docs" / "articles").glob("2*.md"))) == 5


def test_two_site_builds_are_byte_identical(tmp_path):
    first, second = (copy_project(tmp_path / name) for name in ("one", "two") if not (tmp_path / name).mkdir())
    for project in (first, second):
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(first / "site", second / "site")
    differing = []

    def walk(node, prefix=""):
        differing.extend(prefix + name for name in node.diff_files + node.left_only + node.right_only)
        for name, child in node.subdirs.items():
            walk(child, f"{prefix}{name}/")

    walk(comparison)
    assert differing == []
    assert len(list((first / "site").rglob("*.html"))) > 30


def test_serve_stays_on_the_local_machine():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^dev_addr: (\S+)$", config, re.MULTILINE).group(1) == "127.0.0.1:8000"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(min_size=1, max_size=3000),
                      st.text(min_size=1, max_size=3000).map(lambda t: t.encode("utf-8"))),
       title=st.text(max_size=80))
def test_any_bytes_never_crash_and_front_matter_round_trips(tmp_path_factory, data, title):
    seeds = tmp_path_factory.mktemp("fuzz")
    path = write(seeds, "fuzz.txt", data)
    write(seeds, "fuzz.meta.yml", yaml.safe_dump({"title": title}))
    try:
        article = make_article(path, "seeds/fuzz.txt", EDITORIAL)
    except read.InputError:
        return  # refused with a reason: allowed
    corpus = read_corpus(seeds)
    if not corpus.articles:
        assert corpus.problems
        return
    page = render_pages(corpus)[f"articles/{corpus.articles[0].slug}.md"]
    front = yaml.safe_load(page.split("---\n", 2)[1])
    assert front["title"] == article.title
    assert front["summary"] == article.summary
    assert "\x00" not in page

"""The command line: one summary line, one line per bad input, exit 1 on any error, `check` writes nothing."""

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from generator.cli import main


def run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def pages_on_disk(out) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and p.name != ".generator-manifest.json")


def test_build_prints_the_summary(tmp_seeds, tmp_path, capsys):
    out = tmp_path / "docs"
    code, stdout, stderr = run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(out))
    pages = pages_on_disk(out)
    # Five article pages, plus the home, listing, agreement, country and briefing pages and the feeds (the
    # site's, and one per agreement and country).
    assert len([p for p in pages if p.startswith("articles/") and p != "articles/index.md"]) == 5
    assert len([p for p in pages if p.startswith("feeds/")]) == 22
    assert len(pages) == 60 and {"feed.xml", "explore.md", "timeline.md"} <= set(pages)
    assert stdout == [f"5 articles read, {len(pages)} pages written, 0 unchanged, 0 removed, 0 errors, 0 warnings"]
    assert (code, stderr) == (0, [])


def test_second_build_changes_nothing(tmp_seeds, tmp_path, capsys):
    out = tmp_path / "docs"
    run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(out))
    code, stdout, _ = run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(out))
    count = len(pages_on_disk(out))
    assert stdout == [f"5 articles read, 0 pages written, {count} unchanged, 0 removed, 0 errors, 0 warnings"]
    assert code == 0


def test_removed_article_removes_its_page(tmp_seeds, tmp_path, capsys):
    out = tmp_path / "docs"
    run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(out))
    (tmp_seeds / "003_a6f90ff6d2e48208.txt").unlink()
    code, stdout, _ = run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(out))
    assert not (out / "articles" / "2019-07-11-us-getting-closer-to-safe-third-country-agreement-with.md").exists()
    assert stdout[0].startswith("4 articles read, ") and " 1 removed, " in stdout[0]
    assert code == 0


def test_bad_file_is_one_line_and_the_rest_still_builds(tmp_seeds, tmp_path, capsys):
    (tmp_seeds / "bad.txt").write_bytes(b"")
    out = tmp_path / "docs"
    code, stdout, stderr = run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(out))
    assert stderr == ["Error reading 'seeds/bad.txt': file is empty"]
    assert len(stdout) == 1 and stdout[0].startswith("6 articles read, ")
    assert stdout[0].endswith(", 0 unchanged, 0 removed, 1 error, 0 warnings")
    assert len([p for p in pages_on_disk(out) if p.startswith("articles/") and p != "articles/index.md"]) == 5
    assert code == 1


def test_error_names_the_seeds_folder_by_its_own_name(tmp_seeds, tmp_path, capsys):
    clippings = tmp_path / "clippings"
    tmp_seeds.rename(clippings)
    (clippings / "bad.txt").write_bytes(bytes(range(256)) * 20)
    code, _, stderr = run(capsys, "check", "--seeds", str(clippings))
    assert stderr == ["Error reading 'clippings/bad.txt': file is binary, not text"]
    assert code == 1


def test_bad_meta_field_is_dropped_with_a_warning_naming_file_and_field(tmp_seeds, tmp_path, capsys):
    (tmp_seeds / "003_a6f90ff6d2e48208.meta.yml").write_text(
        "title: Kept headline\nurl: javascript:alert(1)\n", encoding="utf-8")
    code, stdout, stderr = run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(tmp_path / "out"),
                               "--no-cache")
    assert stderr == ["Warning reading 'seeds/003_a6f90ff6d2e48208.txt': 003_a6f90ff6d2e48208.meta.yml: "
                      "field 'url' dropped: 'javascript:alert(1)' is not an http(s) address"]
    assert stdout[0].startswith("5 articles read, ") and stdout[0].endswith(", 0 errors, 1 warning")
    assert code == 0
    (page,) = (tmp_path / "out" / "articles").glob("*-kept-headline.md")  # built from the fields that were good
    front = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert front["url"] is None
    assert front["source"]["dropped"] == [stderr[0].split("': ", 1)[1]]


def test_unreadable_meta_is_ignored_whole_and_the_article_kept(tmp_seeds, capsys):
    (tmp_seeds / "003_a6f90ff6d2e48208.meta.yml").write_text("title: [unclosed\n", encoding="utf-8")
    code, stdout, stderr = run(capsys, "check", "--seeds", str(tmp_seeds))
    assert len(stderr) == 1
    assert stderr[0].startswith("Warning reading 'seeds/003_a6f90ff6d2e48208.txt': 003_a6f90ff6d2e48208.meta.yml: "
                                "ignored whole: invalid YAML: ")
    assert stdout == ["5 articles read, 0 errors, 1 warning, 0 unlisted agreements suggested"]
    assert code == 0


def test_duplicate_clipping_is_a_warning(tmp_seeds, capsys):
    shutil.copy(tmp_seeds / "004_db1416d2662ae4f2.txt", tmp_seeds / "005_copy.txt")
    code, stdout, stderr = run(capsys, "check", "--seeds", str(tmp_seeds))
    assert stderr == ["Warning reading 'seeds/005_copy.txt': same text as 'seeds/004_db1416d2662ae4f2.txt'; "
                      "only one page is made"]
    assert stdout == ["6 articles read, 0 errors, 1 warning, 0 unlisted agreements suggested"]
    assert code == 0


def test_check_writes_nothing(tmp_seeds, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, stdout, stderr = run(capsys, "check", "--seeds", str(tmp_seeds))
    assert (code, stdout, stderr) == (0, ["5 articles read, 0 errors, 0 warnings, 0 unlisted agreements suggested"], [])
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_missing_seeds_folder(tmp_path, capsys):
    code, stdout, stderr = run(capsys, "check", "--seeds", str(tmp_path / "nope"))
    assert (code, stdout, stderr) == (1, [], [f"seeds folder '{tmp_path / 'nope'}' does not exist"])


def test_bad_editorial_data_stops_the_build(tmp_seeds, tmp_path, capsys):
    (tmp_seeds / "topics" / "outlets.yml").write_text("outlets: [{name: X, domain: x.com}]\n", encoding="utf-8")
    code, stdout, stderr = run(capsys, "build", "--seeds", str(tmp_seeds), "--out", str(tmp_path / "docs"))
    assert stderr == [f"Error reading editorial data: {tmp_seeds / 'topics' / 'outlets.yml'}: outlet #1: unknown key "
                      "'domain' (allowed: cues, domains, house_style, mentions, name, names)"]
    assert (code, stdout) == (1, [])
    assert not (tmp_path / "docs").exists()


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    help_text = capsys.readouterr().out
    assert exit_info.value.code == 0
    for command, summary in [("build", "read every article and write the site's pages"),
                             ("check", "validate every input and write nothing"),
                             ("index-search", "index a built site for its search box and Explore (Pagefind)")]:
        assert re.search(rf"\b{command}\s+{re.escape(summary)}", help_text), command


def test_command_is_required(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "the following arguments are required: COMMAND" in capsys.readouterr().err


def test_module_runs_as_a_program():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: python -m generator [-h] COMMAND ...")
    assert "build" in result.stdout and "check" in result.stdout

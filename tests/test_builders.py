"""The generated pages outlive the theme: what `python -m generator build` writes also builds with Zensical
and with ProperDocs (the MkDocs 1.x fork), every page there and every internal link resolving; and ProperDocs
runs the briefing plugin itself, as MkDocs does."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, broken_links, copy_project, mkdocs_env

BIN = Path(sys.executable).parent
BUILDERS = {
    # Zensical reads mkdocs.yml and leaves out the plugins it does not have (the briefing plugin among them).
    "zensical": [str(BIN / "zensical"), "build", "--clean"],
    # ProperDocs would refuse mkdocs.yml's briefing plugin: properdocs.yml is mkdocs.yml without it.
    "properdocs": [str(BIN / "properdocs"), "build", "--strict", "-f", "properdocs.yml"],
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("generated"))
    shutil.copy(ROOT / "properdocs.yml", project / "properdocs.yml")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--out", "docs"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return project


def documents(project: Path) -> list[str]:
    """Each Markdown page of docs/ by the folder its HTML is built in (use_directory_urls)."""
    return sorted(re.sub(r"(^|/)index$", "", path.relative_to(project / "docs").with_suffix("").as_posix())
                  for path in (project / "docs").rglob("*.md"))


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_the_generated_pages_build_whole_with_another_builder(generated, builder, tmp_path):
    project = shutil.copytree(generated, tmp_path / builder)
    result = subprocess.run(BUILDERS[builder], cwd=project, capture_output=True, text=True, env=mkdocs_env())
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    pages = documents(project)
    assert len(pages) == 38
    missing = [page for page in pages if not (site / page / "index.html").is_file()]
    assert missing == []
    for static in ("feed.xml", "feeds/agreements/us-guatemala-aca-2019.xml", "assets/javascripts/explore.js"):
        assert (site / static).is_file(), static
    # The search index the plugin would have built, by the command the README gives for these builders.
    indexed = subprocess.run([sys.executable, "-m", "generator", "index-search", "site"], cwd=project,
                             capture_output=True, text=True)
    assert indexed.returncode == 0, indexed.stderr
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    broken, checked = broken_links(site)
    assert broken == []
    assert checked > 400


def test_properdocs_config_is_mkdocs_config_without_the_plugin():
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    properdocs = (ROOT / "properdocs.yml").read_text(encoding="utf-8")
    without_plugin = re.sub(r"\n  # Generates the article[^\n]*\n  - briefing:\n(?:      [^\n]*\n)+", "\n", mkdocs)
    assert without_plugin != mkdocs
    assert re.sub(r"^(?:#[^\n]*\n)+", "", properdocs) == without_plugin


HOSTILE_TITLE = "<script>alert('pwn-title')</script> Deal"


def test_properdocs_runs_the_briefing_plugin_as_mkdocs_does(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "950_hostile.txt").write_text("The United States and Guatemala talked on Monday.\n",
                                                       encoding="utf-8")
    (project / "seeds" / "950_hostile.meta.yml").write_text(f'title: "{HOSTILE_TITLE}"\n', encoding="utf-8")
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml"], cwd=project,
                            capture_output=True, text=True, env=mkdocs_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "briefing: 6 articles" in result.stderr
    site = project / "site"
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    (page,) = site.glob("articles/undated-script*/index.html")
    html = page.read_text(encoding="utf-8")
    # The plugin's work: the title is text in the head and header, and the page carries the policy.
    assert "<script>alert(" not in html and "&lt;script&gt;alert(&#x27;pwn-title&#x27;)" in html
    assert 'http-equiv="Content-Security-Policy"' in html
    assert broken_links(site)[0] == []

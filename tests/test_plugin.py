"""The briefing plugin's own part of a served rebuild: the MkDocs files of the generated pages."""

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel, get_files
from sitebuild import copy_project, mkdocs_env

ARTICLE_003 = "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with.md"


@pytest.fixture(autouse=True)
def plugins_of_this_test_only(monkeypatch):
    """MkDocs keeps a plugin with ``on_startup`` for every later config of the process, as a server's rebuilds
    need: this test's served plugin must not be the one a later test's build gets."""
    monkeypatch.setattr(MkDocsConfig.plugins, "plugin_cache", {})


def test_a_served_rebuild_reuses_the_files_of_the_pages_made_ready_for_its_build(tmp_path, monkeypatch):
    """A build leaves a page and an inclusion on each file; the next rebuild gets the same files without them, as
    MkDocs makes them, and none for the page of an article that is gone."""
    for name, value in mkdocs_env().items():
        monkeypatch.setenv(name, value)
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        config = config.plugins.on_config(config)
        first = {file.src_uri: file for file in config.plugins.on_files(get_files(config), config=config)}
        assert ARTICLE_003 in first
        listing = first["articles/index.md"]
        listing.page, listing.inclusion = object(), InclusionLevel.NOT_IN_NAV  # as a build leaves them
        next((project / "seeds").glob("003_*.txt")).unlink()
        config = config.plugins.on_config(load_config(str(project / "mkdocs.yml")))
        second = {file.src_uri: file for file in config.plugins.on_files(get_files(config), config=config)}
    finally:
        config.plugins.on_shutdown()
    assert second["articles/index.md"] is listing
    assert listing.page is None and listing.inclusion == InclusionLevel.UNDEFINED
    assert ARTICLE_003 not in second and ARTICLE_003 not in config.plugins["briefing"].page_files
    assert set(second) - set(first) == set()

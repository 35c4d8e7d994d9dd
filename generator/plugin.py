"""MkDocs plugin: ``mkdocs build`` and ``mkdocs serve`` run the generator themselves.

A thin adapter around the same core as the CLI (``read_corpus`` + ``render_pages``). Pages are added
to the build in memory with ``File.generated``, so nothing is written into ``docs/``: an idle server
has nothing to rebuild, a removed article's page simply is not generated again, and hand-written pages
are never touched. The seeds folder is watched, so editing an article, a ``.meta.yml`` or the
editorial YAML rebuilds the site and reloads the browser.
"""

from __future__ import annotations

import html
import json
import logging
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .csp import content_security_policy, inline_scripts
from .model import InputError
from .pipeline import read_corpus, render_pages
from .write import written_pages

log = logging.getLogger("mkdocs.plugins.briefing")

THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                 "partials/javascripts/content.html")
"""Material's partials with the inline scripts our pages use (the others belong to features the site has off)."""


class BriefingConfig(base.Config):
    seeds = options.Type(str, default="seeds")
    """Folder of clipped articles, relative to mkdocs.yml."""
    cache = options.Optional(options.Type(str))
    """Folder where articles already read are remembered between builds, relative to mkdocs.yml."""
    generate = options.Type(bool, default=True)
    """False when the pages are already in docs/ (written by `python -m generator build`)."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.seeds = root / self.config.seeds
        self.cache = root / self.config.cache if self.config.cache else None
        if self.config.generate and not self.seeds.is_dir():
            raise PluginError(f"briefing: seeds folder '{self.seeds}' does not exist")
        if str(self.seeds) not in config.watch:
            config.watch.append(str(self.seeds))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.generate:
            return files
        try:
            corpus = read_corpus(self.seeds, cache_dir=self.cache)
        except InputError as error:
            raise PluginError(str(error)) from None
        # Each problem is a warning: shown while serving, fatal to `mkdocs build --strict`.
        for problem in corpus.problems:
            log.warning(str(problem))
        pages = render_pages(corpus)
        # Copies left in docs/ by `python -m generator build` give way to the fresh pages, and those
        # whose article is gone are dropped.
        for path in sorted(written_pages(Path(config.docs_dir)) | set(pages)):
            if stale := files.get_file_from_path(path):
                files.remove(stale)
        for path, content in sorted(pages.items()):
            files.append(File.generated(config, path, content=content))
        corpus.save_cache()  # after the pages are rendered, so that the ones rendered now are kept
        return files

    @event_priority(100)  # before the tags plugin, or any other, reads the title
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A front-matter title is plain text; MkDocs and the theme print ``page.title`` as HTML.

        Escaped here, where MkDocs takes it from the front matter, it is text in every place the theme
        shows it: ``<title>``, the header, the nav, the footer's links. The Markdown keeps the honest title.
        """
        if isinstance(title := page.meta.get("title"), str):
            page.meta["title"] = html.escape(title)
        return markdown

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The Content Security Policy the theme override puts in every page's head.

        The theme's inline scripts differ only by the page's ``base_url``, so they are hashed as the theme
        renders them for every folder depth the site has, and the 404 page's absolute base.
        """
        bases = {get_relative_url(".", file.url) for file in files.documentation_pages()}
        bases.add(urlsplit(config.site_url or "/").path)
        context = {"config": config, "features": config.theme.get("features", [])}
        scripts = [script for base in sorted(bases) for name in THEME_SCRIPTS
                   for script in inline_scripts(env.get_template(name).render(context, base_url=base))]
        env.globals["content_security_policy"] = content_security_policy(scripts, serving=self.serving)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index_for_search(Path(config.site_dir))


def index_for_search(site: Path) -> None:
    """Index the built site with Pagefind, which the header's search box reads a fragment at a time.

    Material's search plugin still writes search/search_index.json, with every page's text; the
    page only needs its ``config`` now, so the documents are dropped and a reader never downloads them.
    """
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
                             "--root-selector", "article.md-content__inner", "--exclude-selectors", ".headerlink"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"briefing: Pagefind could not index the site: {result.stderr.strip()}")
    material_index = site / "search" / "search_index.json"
    if material_index.exists():
        data = json.loads(material_index.read_text(encoding="utf-8"))
        material_index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")

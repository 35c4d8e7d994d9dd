"""MkDocs plugin: ``mkdocs build`` and ``mkdocs serve`` run the generator themselves.

A thin adapter around the same core as the CLI (``pipeline.build``). The pages
are written to a folder of the plugin's own (beside the cache) and added to the build with
``File.generated``, so nothing is written into ``docs/``: an idle server has nothing to rebuild, a
removed article's page simply is not generated again, hand-written pages are never touched, and a page
is rewritten only when it changes, which is what lets ``mkdocs serve --dirty`` rebuild only those.
The seeds folder is watched, so editing an article, a ``.meta.yml`` or the editorial YAML rebuilds
the site and reloads the browser. Under ``mkdocs serve`` the generator runs in a process of its own
(``serve_process``), which keeps its cache warm between rebuilds.
"""

from __future__ import annotations

import atexit
import contextlib
import html
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .csp import content_security_policy, inline_scripts
from .model import InputError
from .search_index import PAGEFIND_PART, index_for_search
from .serve_process import GeneratorProcess, GeneratorStopped, generate
from .write import MANIFEST, written_pages

log = logging.getLogger("mkdocs.plugins.briefing")

THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                 "partials/javascripts/content.html")
"""Material's partials with the inline scripts our pages use (the others belong to features the site has off)."""


UNINDEXED = ".unindexed.json"
"""In the pages folder: the pages written since the search index was last made whole."""

_PAGE_FOLDERS: dict[Path, Path] = {}
"""The pages folder of each seeds folder built without a cache, kept for the process's later builds."""


class BriefingConfig(base.Config):
    seeds = options.Type(str, default="seeds")
    """Folder of clipped articles, relative to mkdocs.yml."""
    cache = options.Optional(options.Type(str))
    """Folder where articles already read are remembered between builds, relative to mkdocs.yml."""
    generate = options.Type(bool, default=True)
    """False when the pages are already in docs/ (written by `python -m generator build`)."""
    search_part = options.Type(int, default=PAGEFIND_PART)
    """Pages Pagefind indexes in one run; a bigger site is indexed in parts (see ``index_for_search``)."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    serving = False
    dirty = False
    removed: list[str] = []  # noqa: RUF012 - replaced, never changed in place
    unsearched: list[str] = []  # noqa: RUF012 - replaced, never changed in place
    unindexed: Path | None = None
    generator: GeneratorProcess | None = None
    page_files: dict[str, File]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.page_files = {}

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
        started = time.perf_counter()
        # The pages are files of their own folder, rewritten only when they change, so that `mkdocs serve
        # --dirty` rebuilds only the pages an edit changed (a page given as content is always rebuilt).
        pages_dir = self.pages_dir()
        try:
            if self.serving:
                generated = self.generator_process().build(self.seeds, pages_dir, self.cache)
            else:
                generated = generate(self.seeds, pages_dir, self.cache)
        except (InputError, GeneratorStopped) as error:
            raise PluginError(str(error)) from None
        report = generated.report
        # Each problem is a warning: shown while serving, fatal to `mkdocs build --strict`.
        for problem in generated.problems:
            log.warning(str(problem))
        self.removed = report.removed
        if self.serving:
            for path in report.removed:
                self.page_files.pop(path, None)
        # A page rewritten only outside what the index reads is left out of indexing, unless its last writing was
        # never indexed (a build that failed after this step): the pages written are on record until it succeeds.
        unindexed = pages_dir / UNINDEXED
        pending = set(json.loads(unindexed.read_text(encoding="utf-8"))) if unindexed.exists() else set()
        self.unsearched = [path for path in report.unsearched if path not in pending]
        unindexed.write_text(json.dumps(sorted(pending | set(report.written))), encoding="utf-8")
        self.unindexed = unindexed
        # Every page the run made is written or unchanged (as its manifest lists them, without reading it again).
        pages = sorted(report.written + report.unchanged)
        # Copies left in docs/ by `python -m generator build` give way to the fresh pages, and those
        # whose article is gone are dropped. One pass over docs/'s files: a served rebuild at 10,000 articles
        # has 10,000 pages to add and a few dozen files to look at.
        replaced = written_pages(Path(config.docs_dir)) | set(pages)
        for stale in [file for file in files if file.src_uri in replaced]:
            files.remove(stale)
        folder = str(pages_dir)
        for path in pages:
            files.append(self.page_file(config, path, os.path.join(folder, path)))
        log.info(f"briefing: {generated.articles:,} articles, {len(pages):,} pages ({len(report.written):,} "
                 f"written, {len(report.removed):,} removed) generated in {time.perf_counter() - started:.2f} s")
        return files

    def page_file(self, config: MkDocsConfig, path: str, abs_src_path: str) -> File:
        """The MkDocs file of a generated page: the one of the server's last rebuild, made ready for this one.

        A server's rebuild at 10,000 articles otherwise makes 10,000 files again in the server's busy process.
        A build sets two things on a file: its page (the next build makes a new one only for a file without)
        and its inclusion (worked out again from the config only while undefined); both are reset.
        """
        if not self.serving:
            return File.generated(config, path, abs_src_path=abs_src_path)
        file = self.page_files.get(path)
        if (file is None or file.abs_src_path != abs_src_path or file.dest_dir != config.site_dir
                or file.use_directory_urls != config.use_directory_urls):
            file = self.page_files[path] = File.generated(config, path, abs_src_path=abs_src_path)
        else:
            file.page = None
            file.inclusion = InclusionLevel.UNDEFINED
        return file

    def generator_process(self) -> GeneratorProcess:
        """The process the server's rebuilds run the generator in (see ``serve_process``), started with the
        first one, and again if it stopped."""
        if self.generator is None or not self.generator.alive():
            self.generator = GeneratorProcess()
        return self.generator

    def on_shutdown(self) -> None:
        if self.generator is not None:
            self.generator.stop()
            self.generator = None

    def pages_dir(self) -> Path:
        """Where the generated pages are written: beside the cache, or a folder of this process's own."""
        if self.cache is not None:
            folder = self.cache / "pages"
            if folder.exists() and not (folder / MANIFEST).exists():
                shutil.rmtree(folder)  # the plugin's own folder, with no record of what it wrote there
            return folder
        if self.seeds not in _PAGE_FOLDERS:
            folder = Path(tempfile.mkdtemp(prefix="briefing-pages-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            _PAGE_FOLDERS[self.seeds] = folder
        return _PAGE_FOLDERS[self.seeds]

    @event_priority(100)  # before the tags plugin, or any other, reads the title
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A front-matter title is plain text; MkDocs and the theme print ``page.title`` as HTML.

        Escaped here, where MkDocs takes it from the front matter, it is text in every place the theme
        shows it: ``<title>``, the header, the nav, the footer's links. The Markdown keeps the honest title.
        """
        if isinstance(title := page.meta.get("title"), str):
            page.meta["title"] = html.escape(title)
        return markdown

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        """Each of the page's tags with the address of its own page (from ``tag_pages`` in the front
        matter), for the tags partial to link the chips at the top of the page."""
        tag_pages = page.meta.get("tag_pages")
        files = getattr(self, "files", None)
        if isinstance(tag_pages, dict) and files is not None:
            context["tag_links"] = {tag: file.url for tag, path in tag_pages.items()
                                    if isinstance(path, str) and (file := files.get_file_from_path(path))}
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The Content Security Policy the theme override puts in every page's head.

        The theme's inline scripts differ only by the page's ``base_url``, so they are hashed as the theme
        renders them for every folder depth the site has, and the 404 page's absolute base.
        """
        self.files = files
        bases = {get_relative_url(".", file.url) for file in files.documentation_pages()}
        bases.add(urlsplit(config.site_url or "/").path)
        context = {"config": config, "features": config.theme.get("features", [])}
        scripts = [script for base in sorted(bases) for name in THEME_SCRIPTS
                   for script in inline_scripts(env.get_template(name).render(context, base_url=base))]
        env.globals["content_security_policy"] = content_security_policy(scripts, serving=self.serving)
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.rebuilt: set[str] = set()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.rebuilt.add(page.file.dest_uri)  # a --dirty build writes only the pages whose files changed
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        # A --dirty build leaves the pages of removed articles in the site; they must go, and from search.
        for path in self.removed:
            gone = File(path, None, str(site), config.use_directory_urls)
            Path(gone.abs_dest_path).unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # a folder that holds other pages stays
                Path(gone.abs_dest_path).parent.rmdir()
            self.rebuilt.add(gone.dest_uri)
        # A page rewritten only for what the index leaves out (its related reading) need not be indexed again.
        unsearched = {File(path, None, str(site), config.use_directory_urls).dest_uri for path in self.unsearched}
        index_for_search(site, self.config.search_part, self.rebuilt - unsearched if self.dirty else None)
        if self.unindexed is not None:
            self.unindexed.unlink(missing_ok=True)

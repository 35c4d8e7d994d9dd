"""Benchmark the whole pipeline on synthetic corpora of N articles; prints one Markdown table row per N.

    python bench/run.py 100 1000                       # what `make bench` runs, for each corpus shape
    python bench/run.py 100 1000 10000                 # `make bench-large`: the 10,000 rows take many minutes
    python bench/run.py --shapes dense 1000 10000      # one shape only (mixed, dense, sparse)

Columns: generator seconds (cold, no cache), regeneration seconds of the unchanged corpus (warm cache), then
after one article's text changed and after the newest article's outlet changed (a field the listings show),
`mkdocs build` seconds including Pagefind's indexing (pages already generated, so the two add up to the
pipeline), the rebuild of `mkdocs serve --dirty` after one article's text changed and after the newest article's
outlet changed (each with the generator's part of it, from the plugin's log), site size, the median article
page's HTML, what a reader downloads for the first search (measured in Chromium, see tests/sitebuild.py)
and for Explore to show a query with two filters, and the peak memory of the largest step.
Timings are wall-clock on this machine; compare ratios in one run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from synthesize import SHAPES, synthesize

from generator.write import MANIFEST, written_pages

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of a command and its worker processes."""
    # stderr goes to a file, not a pipe: a pipe nobody reads until the end fills up and hangs the command.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"})
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if status:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()}")
    return seconds, usage.ru_maxrss * 1024


def hand_written_docs(folder: Path) -> None:
    """The project's docs/ as in a fresh clone: its hand-written pages, none of those its manifest says the
    generator wrote there (`make pages`)."""
    docs = ROOT / "docs"
    generated = {docs / page for page in written_pages(docs)} | {docs / MANIFEST}

    def ignored(where: str, names: list[str]) -> set[str]:
        return {name for name in names if Path(where, name) in generated}

    shutil.copytree(docs, folder, ignore=ignored)


def bench_config(project: Path) -> None:
    """mkdocs.yml with the briefing plugin only indexing for search: the bench generates the pages
    itself, to time the generator apart from the build."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(r"\n  - briefing:\n(?:      [^\n]*\n)+", "\n  - briefing:\n      generate: false\n", config)
    if count != 1:
        raise SystemExit("bench: could not find the briefing plugin in mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_search_bytes(site: Path, query: str = "Guatemala") -> int:
    """Bytes a reader's browser downloads to search: everything fetched from the search worker's
    start to the first results (worker, Pagefind's code, index chunks, excerpts; and Material's
    search_index.json, which the page still requests), measured in Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright
    from sitebuild import CHROMIUM, CHROMIUM_ARGS, static_server

    sizes: dict[str, int] = {}
    searching = ("search_index.json", "pagefind", "worker")
    with static_server(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        def record(response) -> None:
            if any(part in response.url for part in searching) and response.ok:
                sizes[response.url] = len(response.body())

        page.on("response", record)
        page.goto(url)
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially(query, delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.remove_listener("response", record)  # a response still arriving could not be read once closed
        browser.close()
    return sum(sizes.values())


def explore_bytes(site: Path, query: str = "asylum") -> int:
    """Bytes a reader's browser downloads for Explore to show a query with two filters (the first country
    and the newest year it offers): from opening the page (its HTML and assets excluded, as for the search
    box) to the results, measured in Chromium. Pagefind's code and WebAssembly, its entry, metadata and
    filter indexes, the word chunks of the query and one fragment per result shown."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright
    from sitebuild import CHROMIUM, CHROMIUM_ARGS, static_server

    sizes: dict[str, int] = {}
    with static_server(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        looking = browser.new_page()
        looking.goto(url + "explore/")
        looking.locator("#explore-year option").nth(1).wait_for(state="attached", timeout=120_000)
        country = looking.locator("#explore-country option").nth(1).get_attribute("value")
        year = looking.locator("#explore-year option").nth(1).get_attribute("value")
        page = browser.new_context().new_page()  # a reader with nothing cached
        def record(response) -> None:
            if "pagefind" in response.url and response.ok:
                sizes[response.url] = len(response.body())

        page.on("response", record)
        page.goto(url + "explore/?" + urlencode({"q": query, "country": country, "year": year}))
        page.get_by_text(re.compile(f"matching “{query}”")).wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
        page.remove_listener("response", record)  # a response still arriving could not be read once closed
        browser.close()
    return sum(sizes.values())


def run(count: int, shape: str) -> dict[str, float]:
    project = WORK / f"{shape}-{count}"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    synthesize(count, project / "seeds", shape=shape)
    hand_written_docs(project / "docs")
    bench_config(project)
    python = sys.executable
    generate = [python, "-m", "generator", "build", "--seeds", "seeds", "--out", "docs"]
    generate_seconds, generate_memory = timed([*generate, "--no-cache"], project)
    timed([*generate, "--cache", ".cache"], project)  # fills the cache
    regenerate_seconds, _ = timed([*generate, "--cache", ".cache"], project)
    edit_seconds = edit_one(project, generate)
    edit_listed_seconds = edit_listed(project, generate)
    build_seconds, build_memory = timed([python, "-m", "mkdocs", "build", "--strict", "-q"], project)
    reload_seconds, reload_generator_seconds, listed_reload_seconds, listed_reload_generator_seconds = (
        serve_reload(project))
    site = project / "site"
    articles = [p.stat().st_size for p in (site / "articles").glob("*-*/index.html")]
    return {
        "generate_s": generate_seconds,
        "regenerate_s": regenerate_seconds,
        "edit_s": edit_seconds,
        "edit_listed_s": edit_listed_seconds,
        "reload_s": reload_seconds,
        "reload_generator_s": reload_generator_seconds,
        "listed_reload_s": listed_reload_seconds,
        "listed_reload_generator_s": listed_reload_generator_seconds,
        "build_s": build_seconds,
        "generator_share": generate_seconds / (generate_seconds + build_seconds),
        "build_ms_per_article": 1000 * build_seconds / count,
        "site_mb": folder_bytes(site) / 1e6,
        "article_kb": statistics.median(articles) / 1e3,
        "first_search_kb": first_search_bytes(site) / 1e3,
        "explore_kb": explore_bytes(site) / 1e3,
        "peak_mb": max(generate_memory, build_memory) / 1e6,
    }


def edit_one(project: Path, generate: list[str]) -> float:
    """Seconds to regenerate after one article's text changed, as a live edit under `mkdocs serve` does."""
    first = sorted((project / "seeds").glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nAn editor's added sentence.\n", encoding="utf-8")
    seconds, _ = timed([*generate, "--cache", ".cache"], project)
    return seconds


def edit_listed(project: Path, generate: list[str]) -> float:
    """Seconds to regenerate after the newest article's outlet changed: a field the listings, topic pages
    and feeds show, on the article most of them list (an editor correcting what they just added)."""
    set_newest_outlet(project, "An Edited Outlet")
    seconds, _ = timed([*generate, "--cache", ".cache"], project)
    return seconds


def set_newest_outlet(project: Path, outlet: str) -> Path:
    """Give the newest article's record another outlet, as an editor would in its ``.meta.yml``; returns it."""
    newest = max((project / "seeds").glob("*.meta.yml"), key=lambda record: (_published(record), record.name))
    kept = [line for line in newest.read_text(encoding="utf-8").splitlines() if not line.startswith("outlet:")]
    newest.write_text("\n".join([*kept, f"outlet: {outlet}"]) + "\n", encoding="utf-8")
    return newest


def _published(record: Path) -> str:
    found = re.search(r"^published: '?([\d-]+)", record.read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else ""


def serve_reload(project: Path) -> tuple[float, float, float, float]:
    """Seconds `mkdocs serve --dirty` takes to rebuild after one article's text changed, and the
    generator's seconds within them (the briefing plugin's own log line); then the same after the
    newest article's outlet changed."""
    # As `make serve` runs in a fresh clone: the plugin generates the pages, docs/ holds the hand-written ones
    # only. The build's docs/ also holds the 10,000 pages the bench generated there, which MkDocs' watcher
    # would poll every half second and the plugin would set aside on every rebuild.
    served_docs = project / "docs-served"
    shutil.rmtree(served_docs, ignore_errors=True)
    hand_written_docs(served_docs)
    config = project / "mkdocs-serve.yml"
    config.write_text("docs_dir: docs-served\n" + (project / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "      generate: false\n", "      cache: .cache\n"), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config),
                                    "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=log,
                                   stderr=subprocess.STDOUT, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
        try:
            _wait_for_builds(log.name, 1, process)
            edited = sorted((project / "seeds").glob("*.txt"))[1]
            edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's added sentence.\n", encoding="utf-8")
            _wait_for_builds(log.name, 2, process, edited)
            newest = set_newest_outlet(project, "An Outlet Edited While Serving")
            output = _wait_for_builds(log.name, 3, process, newest)
        finally:
            process.terminate()
            process.wait()
    built = re.findall(r"Documentation built in ([\d.]+) seconds", output)
    generated = re.findall(r"generated in ([\d.]+) s", output)
    return float(built[1]), float(generated[1]), float(built[2]), float(generated[2])


def _wait_for_builds(log: str, count: int, process: subprocess.Popen, edited: Path | None = None) -> str:
    """The server's log once it has built ``count`` times. MkDocs' watcher takes its first look at the 20,000
    files of a large corpus after it says it is watching: an edit made before that is never seen, so the
    edited file is touched again while no rebuild has started."""
    waited = 0.0
    while True:
        output = Path(log).read_text(encoding="utf-8")
        if output.count("Documentation built in") >= count:
            return output
        if process.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped:\n{output}")
        if edited is not None and waited >= 30 and output.count("Building documentation...") < count:
            edited.touch()
            waited = 0.0
        time.sleep(0.5)
        waited += 0.5


def main() -> None:
    arguments = sys.argv[1:]
    shapes = list(SHAPES)
    if arguments[:1] == ["--shapes"]:
        shapes, arguments = arguments[1].split(","), arguments[2:]
    if unknown := [shape for shape in shapes if shape not in SHAPES]:
        raise SystemExit(f"bench: unknown shape '{unknown[0]}' (shapes: {', '.join(SHAPES)})")
    counts = [int(arg) for arg in arguments] or [100, 1000]
    print("| shape | articles | generate s | regenerate s | edit one s | edit listed s | build s "
          "| serve reload s (generator s) | serve listed reload s (generator s) | generator share | build ms/article "
          "| site MB | article page kB "
          "| first search kB | Explore kB | peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for shape in shapes:
        for count in counts:
            print_row(shape, count, run(count, shape))


def print_row(shape: str, count: int, row: dict[str, float]) -> None:
    print(f"| {shape} | {count:,} | {row['generate_s']:.1f} | {row['regenerate_s']:.2f} | {row['edit_s']:.2f} "
          f"| {row['edit_listed_s']:.2f} | {row['build_s']:.1f} "
          f"| {row['reload_s']:.1f} ({row['reload_generator_s']:.2f}) "
          f"| {row['listed_reload_s']:.1f} ({row['listed_reload_generator_s']:.2f}) "
          f"| {row['generator_share']:.0%} | {row['build_ms_per_article']:.1f} "
          f"| {row['site_mb']:.0f} | {row['article_kb']:.1f} | {row['first_search_kb']:,.0f} "
          f"| {row['explore_kb']:,.0f} "
          f"| {row['peak_mb']:,.0f} |", flush=True)


if __name__ == "__main__":
    main()

"""Command line: ``python -m generator build|check|suggest``. Errors are one line each and end with a count."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from .editorial import topics_dir
from .model import InputError
from .pipeline import build, display_path, read_corpus
from .search_index import index_for_search
from .suggest import suggest, to_yaml

DEFAULT_CACHE = Path(".cache/briefing")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn a folder of clipped news articles into the Markdown pages of a briefing site.",
        epilog="examples:\n  python -m generator build --seeds seeds --out docs\n"
        "  python -m generator check --seeds seeds\n"
        "  python -m generator suggest --seeds seeds\n"
        "  python -m generator index-search site\n\n"
        "`mkdocs build` and `mkdocs serve` run the same generator through the briefing plugin.\n"
        "Errors are one line each (\"Error reading '<file>': <reason>\"), followed by a summary with the counts.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_parser = commands.add_parser(
        "build", help="read every article and write the site's pages",
        description="Read every article and write the site's pages. Unchanged pages are left alone; "
        "pages whose article is gone are removed. Exits 1 if any input has an error.")
    check_parser = commands.add_parser(
        "check", help="validate every input and write nothing",
        description="Validate every article, .meta.yml and editorial file; write nothing. "
        "Exits 1 if any input has an error.")
    suggest_parser = commands.add_parser(
        "suggest", help="print, as YAML, the agreements to add to agreements.yml",
        description="Print, as YAML to paste into topics/agreements.yml, every agreement the articles discuss "
        "that no listed agreement covers, most discussed first, with the sentences that show it. "
        "Exits 1 if any input has an error.")
    index_parser = commands.add_parser(
        "index-search", help="index a built site for its search box and Explore (Pagefind)",
        description="Index a site built without the briefing plugin (by Zensical or ProperDocs, say) with "
        "Pagefind, as the plugin does after `mkdocs build`, so that its search box and Explore work.")
    index_parser.add_argument("site", type=Path, help="the built site's folder")
    for command in (build_parser, check_parser, suggest_parser):
        command.add_argument("--seeds", type=Path, default=Path("seeds"),
                             help="folder of clipped articles (default: seeds)")
    build_parser.add_argument("--out", type=Path, default=Path("docs"),
                              help="folder the pages go in (default: docs)")
    build_parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                              help=f"where to remember articles already read (default: {DEFAULT_CACHE})")
    build_parser.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                              help="read every article again")
    args = parser.parse_args(argv)

    if args.command == "index-search":
        if not (args.site / "index.html").is_file():
            print(f"Error: '{args.site}' is not a built site (it has no index.html)", file=sys.stderr)
            return 1
        try:
            index_for_search(args.site)
        except PluginError as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
        print(f"indexed {args.site} for search")
        return 0
    progress = show_progress if sys.stderr.isatty() and not os.environ.get("CI") else None
    try:
        if args.command == "build":
            corpus, report = build(args.seeds, args.out, progress, args.cache)
        else:
            corpus, report = read_corpus(args.seeds, progress), None
    except (InputError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if progress:
            sys.stderr.write("\r\033[K")  # clear the progress line before the report
    for problem in corpus.problems:
        print(problem, file=sys.stderr)
    if args.command == "suggest":
        # Only the YAML goes to standard output, so that it can be redirected or pasted whole.
        listed_file = display_path(topics_dir(args.seeds) / "agreements.yml", args.seeds)
        print(to_yaml(suggest(corpus.articles, corpus.editorial.agreements), listed_file), end="")
        return 1 if corpus.errors else 0
    parts = [plural(corpus.files, "article") + " read"]
    if report is not None:
        parts.append(f"{plural(len(report.written), 'page')} written, {len(report.unchanged)} unchanged, "
                     f"{len(report.removed)} removed")
    warnings = len(corpus.problems) - len(corpus.errors)
    parts += [plural(len(corpus.errors), "error"), plural(warnings, "warning")]
    if args.command == "check":
        suggested = suggest(corpus.articles, corpus.editorial.agreements)
        parts.append(plural(len(suggested), "unlisted agreement") + " suggested")
    print(", ".join(parts))
    return 1 if corpus.errors else 0


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def show_progress(done: int, total: int) -> None:
    """One self-overwriting line on a terminal; never shown in CI or when output is piped."""
    sys.stderr.write(f"\rReading articles: {done}/{total}")
    sys.stderr.flush()

"""Stage 6: put pages on disk atomically, skip unchanged ones, and remove the ones no input makes any more.

The generator records what it wrote in a manifest, so it never touches a page it did not write
(hand-written pages in ``docs/``) and can delete a page whose article was removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".generator-manifest.json"
UMASK = os.umask(0)
os.umask(UMASK)


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unsearched: list[str] = field(default_factory=list)
    """Written pages whose searchable part is as it was: only what the search index leaves out changed (an
    article's related reading), so the index need not be made again for them."""


class Pages(Mapping[str, str]):
    """Generated pages by path, each rendered or fetched from the cache only when first read.

    A page may carry an identity: the same identity means the same content, so a page written with it
    before, and untouched on disk since, is known to be unchanged without being rendered or read. It may also
    carry a search identity: the same one means the same content where the search index reads it.
    """

    def __init__(self) -> None:
        self._content: dict[str, str | Callable[[], str]] = {}
        self.identity: dict[str, str] = {}
        self.search_identity: dict[str, str] = {}

    def add(self, path: str, content: str | Callable[[], str], identity: str | None = None,
            search_identity: str | None = None) -> None:
        self._content[path] = content
        if identity is not None:
            self.identity[path] = identity
        if search_identity is not None:
            self.search_identity[path] = search_identity

    def __getitem__(self, path: str) -> str:
        content = self._content[path]
        if not isinstance(content, str):
            content = self._content[path] = content()
        return content

    def __iter__(self) -> Iterator[str]:
        return iter(self._content)

    def __len__(self) -> int:
        return len(self._content)


Stamp = tuple[int, int, int, int]
Written = dict[str, tuple[str, Stamp, str | None]]
"""Each page's identity when it was last written or found unchanged, its file's size, times and inode then,
and its search identity."""


def safe_relative(path: str) -> PurePosixPath:
    """A page path that stays inside the output folder."""
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ValueError(f"page path '{path}' would leave the output folder")
    return relative


def write_atomic(target: Path, content: str) -> None:
    """Write via a temporary file and rename, so a killed run never leaves half a page."""
    write_atomic_bytes(target, content.encode("utf-8"))


def write_atomic_bytes(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp makes files private; pages are ordinary files
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_pages(out: Path, pages: Mapping[str, str], written: Written | None = None) -> WriteReport:
    """Write ``pages`` (relative path → content) under ``out``; only changed files are touched.

    With ``written`` (kept between runs), a page whose identity is the one it was last written with, and
    whose file has not changed since, is left alone without its content being rendered or read.
    """
    report = WriteReport()
    identities = pages.identity if isinstance(pages, Pages) else {}
    search_identities = pages.search_identity if isinstance(pages, Pages) else {}
    known: Written = written if written is not None else {}
    previous = written_pages(out)
    # Check every new page before writing any, so a refusal leaves the folder as it was.
    for path in sorted(pages):
        relative = safe_relative(path)
        if path not in previous and (target := out / relative).exists():
            raise ValueError(f"'{target}' exists and was not written by the generator; refusing to overwrite it")
    root = str(out)
    for path in sorted(pages):
        # A string, not a Path, for the stat of each of 10,000 pages left alone: a tenth of an edit's writing.
        where = os.path.join(root, path)
        identity, search_identity = identities.get(path), search_identities.get(path)
        before = known.get(path)
        if identity is not None and before == (identity, _stamp(where), search_identity):
            report.unchanged.append(path)
            continue
        target = Path(where)
        if target.exists() and target.read_text(encoding="utf-8") == pages[path]:
            report.unchanged.append(path)
        else:
            write_atomic(target, pages[path])
            report.written.append(path)
            if search_identity is not None and before is not None and before[2] == search_identity:
                report.unsearched.append(path)
        if identity is not None:
            known[path] = (identity, _stamp(target), search_identity)
        else:
            known.pop(path, None)
    for path in set(known) - set(pages):
        del known[path]
    for path in sorted(previous - set(pages)):
        target = out / safe_relative(path)
        if target.exists():
            target.unlink()
            report.removed.append(path)
        _remove_empty_parents(target.parent, out)
    manifest = json.dumps(sorted(pages), indent=0) + "\n"
    if _manifest_path(out).exists() and _manifest_path(out).read_text(encoding="utf-8") == manifest:
        return report
    write_atomic(_manifest_path(out), manifest)
    return report


def _stamp(path: str | Path) -> Stamp:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return (-1, 0, 0, 0)
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def _manifest_path(out: Path) -> Path:
    return out / MANIFEST


def written_pages(out: Path) -> set[str]:
    """The pages the generator last wrote under ``out``, by their relative paths."""
    path = _manifest_path(out)
    if not path.exists():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")))


def _remove_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent

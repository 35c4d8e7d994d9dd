"""Stage 6: put pages on disk atomically, skip unchanged ones, and remove the ones no input makes any more.

The generator records what it wrote in a manifest, so it never touches a page it did not write
(hand-written pages in ``docs/``) and can delete a page whose article was removed.
"""

from __future__ import annotations

import json
import os
import tempfile
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


def write_pages(out: Path, pages: dict[str, str]) -> WriteReport:
    """Write ``pages`` (relative path → content) under ``out``; only changed files are touched."""
    report = WriteReport()
    previous = written_pages(out)
    # Check every page before writing any, so a refusal leaves the folder as it was.
    for path in sorted(pages):
        target = out / safe_relative(path)
        if target.exists() and path not in previous:
            raise ValueError(f"'{target}' exists and was not written by the generator; refusing to overwrite it")
    for path in sorted(pages):
        target = out / path
        if target.exists() and target.read_text(encoding="utf-8") == pages[path]:
            report.unchanged.append(path)
            continue
        write_atomic(target, pages[path])
        report.written.append(path)
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

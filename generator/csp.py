"""The Content Security Policy every built page carries: defence in depth behind the templates' escaping.

Only the site's own files may run: scripts from the site itself, the theme's few inline scripts by
their SHA-256 hashes (computed from the theme's templates, never from a built page, so nothing an
article smuggles into a page can be allowed), and WebAssembly for Pagefind's search. No inline event
handler, no ``javascript:`` address, no plugin, frame, style, font or script from another host.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
"""A classic inline script; ``<script type="application/json">`` is data the browser never runs."""


def inline_scripts(html: str) -> list[str]:
    return INLINE_SCRIPT.findall(html)


def script_hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(trusted_scripts: Iterable[str], serving: bool = False) -> str:
    """The policy for a page whose only inline scripts are ``trusted_scripts``.

    ``serving``: ``mkdocs serve`` appends its live-reload script inline, with a number that changes
    every build, so no hash can name it; the local preview allows inline scripts instead of listing
    hashes (a browser ignores ``'unsafe-inline'`` as soon as a hash is listed). The built site that
    is deployed always carries the strict policy.
    """
    inline = ["'unsafe-inline'"] if serving else sorted({script_hash(source) for source in trusted_scripts})
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *inline, "'wasm-unsafe-eval'"],
        "style-src": ["'self'"],
        # The theme's CSS draws its icons from data: SVGs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())

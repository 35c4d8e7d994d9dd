"""The Content Security Policy: hashes as browsers compute them, strict when built, live reload when serving."""

import base64
import hashlib

from generator.csp import content_security_policy, inline_scripts, script_hash


def test_hash_is_sha256_of_the_script_text_in_base64():
    # The CSP spec's own example: alert('Hello, world.');
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    source = "var palette=__md_get(\"__palette\")"
    assert script_hash(source) == f"'sha256-{base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()}'"


def test_only_classic_inline_scripts_are_found():
    html = ('<script>a()</script><script src="x.js"></script><script id="__config" type="application/json">{}'
            '</script><script>b()\n</script>')
    assert inline_scripts(html) == ["a()", "b()\n"]


def test_built_policy_lists_the_trusted_scripts_and_allows_nothing_inline_else():
    policy = content_security_policy(["a()", "b()", "a()"])
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == f"'self' {' '.join(sorted([script_hash('a()'), script_hash('b()')]))} " \
                                       "'wasm-unsafe-eval'"
    assert directives["object-src"] == "'none'" and directives["frame-src"] == "'none'"
    assert directives["style-src"] == "'self'" and directives["base-uri"] == "'self'"
    assert "unsafe-inline" not in policy and "http" not in policy


def test_serving_allows_the_live_reload_script_and_lists_no_hash():
    policy = content_security_policy(["a()"], serving=True)
    assert "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'" in policy
    assert "sha256" not in policy

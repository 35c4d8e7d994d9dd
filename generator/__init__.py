"""Briefing-site generator: clipped news articles in, cross-referenced MkDocs pages out."""

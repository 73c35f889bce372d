"""Checks that read an article body for facts that contradict each other.

`warta.check.contradictions.find_inconsistencies(body, dates, published)` lists each contradiction
with its kind, the spans of text that show it and one plain sentence. The checks favour being right
over catching much: each fires only where the text's structure leaves one reading. The words they
read live in `lang/id/checks.toml` (with day names in `calendar.toml`, number words in `time.toml`).
"""

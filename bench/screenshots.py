"""Screenshots of each page of the web app, for docs/web.md: `python bench/screenshots.py [OUT_DIR]`.

Builds the web tests' store (the sample corpus and tests/fixtures/web-pages.jsonl, all written for
this project), serves it as the tests do, and saves a PNG per page with Debian's Chromium
(/usr/bin/chromium) through Playwright. Default OUT_DIR: docs/screenshots.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from web_support import CHROMIUM, live_server, web_store

# (file name, path, what to do before the shot)
PAGES: list[tuple[str, str, str | None]] = [
    ("home.png", "/", None),
    ("search.png", "/search?q=banjir", None),
    ("search-filtered.png", "/search?has_contradiction=true", None),
    ("article.png", "/article/serambi-priangan-gempa-1", None),
    ("article-clutter-open.png", "/article/jakarta-kini-1", "details.clutter > summary"),
    ("article-duplicates.png", "/article/lintas-metro-banjir-1", None),
    ("article-hostile-text.png", "/article/jaga-siber-xss-1", None),
    ("entity.png", "/entity/PER%3AIrawan%20Setiadi", None),
    ("outlet.png", "/outlet/LINTASMETRO", None),
    ("error-404.png", "/article/tidak-ada", None),
]


def main(out_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is absent: apt-get install chromium")
    out_dir.mkdir(parents=True, exist_ok=True)
    with live_server(web_store()) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for name, path, click in PAGES:
            page.goto(base + path)
            if click:
                page.click(click)
                page.locator(click).scroll_into_view_if_needed()
            page.screenshot(path=str(out_dir / name), full_page=not click)
            print(out_dir / name)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")

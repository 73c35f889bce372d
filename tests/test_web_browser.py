"""The web app in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright.

Playwright cannot download a browser here, so it launches the system's; `.ci/run` installs the
`chromium` package on a fresh CI machine, so these tests run there. The server is the real app
under uvicorn, on a free port, in a thread of this process.
"""

from __future__ import annotations

import re

import pytest
from web_support import CHROMIUM, live_server, web_store

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: install Debian's `chromium` package (.ci/run does) to run the browser tests",
                allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright

TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def base_url() -> str:
    with live_server(web_store()) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Browser:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def test_search_then_article_then_entity_then_back(page: Page, base_url: str):
    page.goto(base_url + "/")
    page.fill("#q", "banjir kampung melayu")
    page.press("#q", "Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=banjir\+kampung\+melayu"))
    expect(page.locator("h1")).to_contain_text("for “banjir kampung melayu”")
    expect(page.locator("mark.hl").first).to_be_visible()

    page.locator("a.result-link", has_text="Mulai Surut").click()
    expect(page).to_have_url(base_url + "/article/harian-cakrawala-banjir-2")
    expect(page.locator("h1#article-title")).to_have_text("Banjir di Kampung Melayu Mulai Surut, Pengungsi Kembali ke Rumah")

    page.locator(".body a.ent-PER", has_text="Dewi Anggraini").first.click()
    expect(page).to_have_url(base_url + "/entity/PER%3ADewi%20Anggraini")
    expect(page.locator("h1")).to_contain_text("Dewi Anggraini")
    expect(page.locator("svg.chart")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(base_url + "/article/harian-cakrawala-banjir-2")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/search\?q=banjir"))
    expect(page.locator("a.result-link").first).to_be_visible()


def test_clutter_toggle_opens_and_closes_with_mouse_enter_and_space(page: Page, base_url: str):
    page.goto(base_url + "/article/jakarta-kini-1")
    summary = page.locator("details.clutter > summary")
    removed = page.locator("details.clutter .removed-list")
    expect(summary).to_contain_text("Removed from the page: 6 pieces")
    expect(removed).to_be_hidden()
    summary.click()
    expect(removed).to_be_visible()
    expect(removed).to_contain_text("Resep Semur Jengkol Empuk Tanpa Bau")
    expect(removed.locator(".kind").first).to_have_text("dateline")
    summary.focus()
    page.keyboard.press("Enter")
    expect(removed).to_be_hidden()
    page.keyboard.press("Space")
    expect(removed).to_be_visible()


def test_keyboard_only_search_and_open_a_result(page: Page, base_url: str):
    page.goto(base_url + "/")
    expect(page.locator("#q")).to_be_focused()  # the home page focuses the search box
    page.keyboard.type("gempa cianjur")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=gempa\+cianjur"))
    page.locator("body").click(position={"x": 5, "y": 300})  # focus leaves the box
    page.keyboard.press("/")  # and the shortcut brings it back
    expect(page.locator("#q")).to_be_focused()
    for _ in range(60):  # Tab forward until the first result's link has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('result-link')"):
            break
    else:
        pytest.fail("no result link reached with Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "/article/serambi-priangan-gempa-1")
    expect(page.locator("mark.evidence").first).to_be_visible()


@pytest.mark.parametrize("article_id", ["jaga-siber-xss-1", "jaga-siber-xss-2"])
def test_script_in_article_text_does_not_run_and_shows_as_text(browser: Browser, base_url: str, article_id: str):
    # The CSP is bypassed here on purpose: the escaping alone must keep the page safe.
    context = browser.new_context(bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(base_url + f"/article/{article_id}")
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        body = page.locator(".body")
        expect(body).to_contain_text("<script>window.__pwned=1</script>")
        assert body.locator("script, img").count() == 0
        assert page.locator("main img, main script").count() == 0
        if article_id == "jaga-siber-xss-2":
            expect(page.locator("h1#article-title")).to_have_text('<img src=x onerror="window.__pwned=3"> Kode Jahat di Situs Kelurahan')
            page.goto(base_url + "/search?q=kode+jahat")
            expect(page.locator("a.result-link", has_text="<img src=x").first).to_be_visible()
            assert page.evaluate("typeof window.__pwned") == "undefined"
        else:
            expect(body).to_contain_text('<img src=x onerror="window.__pwned=2">')
            assert page.locator('a[href^="javascript:"]').count() == 0
        assert not dialogs
    finally:
        context.close()

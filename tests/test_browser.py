"""The web app in a real browser: Debian's chromium driven through chromedriver (selenium), headless.

The server runs in a thread on a loopback socket that is bound and listening
before the browser starts, so there is nothing to wait for.  Screenshots go to
tests/artifacts/ (gitignored) for a human to look at: Persian must render
joined and right-aligned.
"""
from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)
selenium = pytest.importorskip("selenium")
pytest.importorskip("uvicorn")
pytest.importorskip("tantivy")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from goftar.serve import create_app  # noqa: E402
from test_serve import HOSTILE_MARK, ZWNJ, build_archive, example_texts  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over a fresh archive, served by uvicorn on 127.0.0.1 at a free port; yields (base URL, ids)."""
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "b.db"
    ids = build_archive(db, example_texts())
    app = create_app(db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)  # connections queue here until uvicorn accepts them
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(timeout=30)
    sock.close()
    app.state.archive.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")  # a new, throwaway profile, removed by pytest
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--lang=fa", f"--user-data-dir={profile}", "--window-size=1280,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def wait(driver, css: str):
    return WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def fonts_ready(driver) -> bool:
    """Waits for web fonts, then says whether Vazirmatn is in use."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.ready.then(() => done(document.fonts.check('16px Vazirmatn')));"
    )


def test_search_then_open_article_right_to_left_with_half_spaces(server, browser):
    base, ids = server
    browser.get(base + "/")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    box = browser.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("کوبا", Keys.ENTER)
    wait(browser, "li.hit a.title")
    assert "/search" in browser.current_url
    fonts_ready(browser)
    browser.save_screenshot(str(ARTIFACTS / "search.png"))
    link = browser.find_element(By.CSS_SELECTOR, f"a.title[href='/articles/{ids['seed-article.txt']}']")
    link.click()
    wait(browser, "#annotated")
    assert fonts_ready(browser), "the Vazirmatn web font did not load"
    text = browser.execute_script("return document.getElementById('annotated').textContent")
    assert ZWNJ in text, "half-spaces were lost on the way to the DOM"
    assert "ظرفیت" + ZWNJ + "ها" in text
    raw = browser.execute_script("return document.getElementById('raw').textContent")
    assert "ظرفیتها" in raw  # the raw input is shown untouched
    align = browser.execute_script("return getComputedStyle(document.querySelector('.article h1')).textAlign")
    assert align in ("start", "right")
    h1 = browser.find_element(By.CSS_SELECTOR, ".article h1")
    page_w = browser.execute_script("return document.documentElement.clientWidth")
    assert h1.rect["x"] + h1.rect["width"] > page_w * 0.6  # right-aligned: it reaches the right side
    assert browser.find_elements(By.CSS_SELECTOR, "#raw .edit"), "repairs are not marked in the raw input"
    browser.save_screenshot(str(ARTIFACTS / "article.png"))
    browser.set_window_size(390, 844)
    browser.refresh()
    wait(browser, "#annotated")
    fonts_ready(browser)
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the article page scrolls sideways on a phone"
    browser.save_screenshot(str(ARTIFACTS / "article-phone.png"))
    browser.set_window_size(1280, 1000)


def test_person_page(server, browser):
    base, _ = server
    browser.get(base + "/people")
    wait(browser, "table.people-table")
    links = browser.find_elements(By.CSS_SELECTOR, "table.people-table a")
    if links:
        name = links[0].text
        links[0].click()
    else:  # attribution found nobody: the page must still answer in Persian, right to left
        name = "میگل دیاز کانل"
        browser.get(base + "/people/" + quote(name))
    wait(browser, "main h1")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert name in browser.find_element(By.CSS_SELECTOR, "main h1").text or not links
    fonts_ready(browser)
    browser.save_screenshot(str(ARTIFACTS / "person.png"))


def test_hostile_article_shows_its_script_as_text(server, browser):
    base, ids = server
    browser.get(f"{base}/articles/{ids['hostile.txt']}")
    wait(browser, "#annotated")
    text = browser.find_element(By.ID, "annotated").text
    assert "<script>" in text and HOSTILE_MARK in text
    assert browser.execute_script("return window.__goftar_pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('script, img').length") == 0
    browser.save_screenshot(str(ARTIFACTS / "hostile.png"))


def test_read_now_page_in_the_browser(server, browser):
    base, _ = server
    texts = example_texts()
    browser.get(base + "/read")
    area = wait(browser, "textarea#text")
    browser.execute_script("arguments[0].value = arguments[1]", area, texts["fars-13961020000133.txt"])
    browser.find_element(By.CSS_SELECTOR, "form.read button[type=submit]").click()
    wait(browser, "#annotated")
    assert "ذخیره نشده" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    fonts_ready(browser)
    browser.save_screenshot(str(ARTIFACTS / "read-now.png"))

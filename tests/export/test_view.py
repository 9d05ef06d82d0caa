"""kg view in a real browser: headless Chromium (Debian's chromium and chromedriver) via Selenium."""

import subprocess
import sys

import pytest

from conftest import DATA, headless_chromium



@pytest.fixture(scope="module")
def browser():
    driver = headless_chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("view")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "view", str(DATA / "tiny-report.md"), "-o", str(out), "--no-open"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out / "tiny-report.html"


def _ready(browser, page):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(page.resolve().as_uri())
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def test_network_renders(browser, page):
    _ready(browser, page)
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    def measure(d):
        return d.execute_script("""
            const c = document.querySelector('#net canvas');
            const ctx = c.getContext('2d');
            const px = ctx.getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
            return [c.width, c.height, n];""")

    # the page says ready after its first painted frame; a loaded CI machine may
    # still composite late, so give the canvas a few seconds before calling it blank
    try:
        WebDriverWait(browser, 10, poll_frequency=0.2).until(lambda d: measure(d)[2] > 2000)
    except TimeoutException:
        pass
    width, height, painted_pixels = measure(browser)
    assert width > 300 and height > 300
    assert painted_pixels > 2000, "the network canvas is blank"
    assert browser.execute_script("return window.kgNetwork.body.data.nodes.length") >= 10


def test_click_on_a_node_shows_its_sentence(browser, page):
    from selenium.webdriver.common.action_chains import ActionChains

    _ready(browser, page)
    node = browser.execute_script("return DATA.nodes.find(n => n.label === '山西省科协').id")
    x, y = browser.execute_script(f"""
        const net = window.kgNetwork; net.fit({{animation: false}});
        const p = net.canvasToDOM(net.getPositions(['{node}'])['{node}']);
        const r = document.querySelector('#net canvas').getBoundingClientRect();
        return [p.x - r.width / 2, p.y - r.height / 2];""")
    canvas = browser.find_element("css selector", "#net canvas")
    ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
    details = browser.find_element("id", "details").text
    assert "山西省科协" in details
    assert "培训科技工作者1.5万多人次" in details  # a sentence of the report


def test_search_and_type_filter(browser, page):
    _ready(browser, page)
    box = browser.find_element("id", "search")
    box.send_keys("太原")
    assert "太原市" in browser.find_element("id", "details").text
    before = browser.execute_script("return window.kgNetwork.body.data.nodes.length")
    browser.find_element("css selector", "#types input[data-type='Place']").click()
    after = browser.execute_script("return window.kgNetwork.body.data.nodes.length")
    assert after < before

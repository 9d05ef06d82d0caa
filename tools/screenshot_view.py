"""Take docs/kg-view.png: the `kg view` page of the bundled sample report, a node clicked, in headless Chromium.

Run from the repository root (needs Debian's chromium, chromium-driver and fonts-noto-cjk):
    python tools/screenshot_view.py
"""

from pathlib import Path
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    out = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "kg.cli", "view", "-o", str(out), "--no-open",
                    str(ROOT / "kg" / "sample" / "sample-report.md")], check=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,860", "--hide-scrollbars"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get((out / "sample-report.html").as_uri())
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
        node = driver.execute_script("return DATA.nodes.find(n => n.label === '河南省科协').id")
        x, y = driver.execute_script(f"""
            const net = window.kgNetwork; net.fit({{animation: false}});
            const p = net.canvasToDOM(net.getPositions(['{node}'])['{node}']);
            const r = document.querySelector('#net canvas').getBoundingClientRect();
            return [p.x - r.width / 2, p.y - r.height / 2];""")
        canvas = driver.find_element("css selector", "#net canvas")
        ActionChains(driver).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
        target = ROOT / "docs" / "kg-view.png"
        target.parent.mkdir(exist_ok=True)
        driver.save_screenshot(str(target))
        print("wrote", target)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()

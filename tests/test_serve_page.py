"""The query page of kg serve: YASGUI from the package, in headless Chromium, with no network."""


import pytest

from conftest import build_store, headless_chromium, start_serve



@pytest.fixture(scope="module")
def server(tmp_path_factory):
    proc, url = start_serve(build_store(tmp_path_factory.mktemp("page")), "--quiet")
    yield url.rsplit("/", 1)[0]
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    # every host but loopback fails to resolve: the page must need nothing from the network
    driver = headless_chromium("--window-size=1280,900", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
    yield driver
    driver.quit()


def _open(browser, root):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(root + "/")
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def test_page_offers_the_named_queries_as_tabs(browser, server):
    from kg import queries

    _open(browser, server)
    tabs = browser.execute_script("return kgYasgui.persistentConfig.getTabs().length")
    assert tabs >= len(queries.names())
    names = browser.execute_script("return document.querySelector('.yasgui').innerText")
    assert "money-by-purpose" in names and "places" in names


def test_a_query_runs_and_shows_a_table(browser, server):
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, server)
    browser.execute_script("""
        const tab = kgYasgui.getTab();
        tab.setQuery('PREFIX kg: <https://w3id.org/kg-zh/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
                     + 'SELECT ?l WHERE { ?p a kg:Place ; rdfs:label ?l } ORDER BY ?l');
        tab.query();""")
    WebDriverWait(browser, 30).until(
        lambda d: "太原市" in d.execute_script("return kgYasgui.getTab().getYasr().rootEl.innerText"))


def test_nothing_is_loaded_from_elsewhere(browser, server):
    _open(browser, server)
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(server) for u in urls), urls

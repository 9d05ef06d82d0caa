"""kg serve: the real server on a loopback port, queried with a real SPARQL client (SPARQLWrapper)."""

import time
import urllib.error
import urllib.request

import pytest
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from conftest import build_store, start_serve

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url = start_serve(build_store(tmp_path_factory.mktemp("serve")), "--timeout", "1", "--max-results", "200")
    assert url.startswith("http://127.0.0.1:")
    yield url
    proc.terminate()
    proc.wait(10)


def _client(url, method=GET, fmt=JSON):
    c = SPARQLWrapper(url)
    c.setMethod(method)
    c.setReturnFormat(fmt)
    return c


def count(url):
    c = _client(url)
    c.setQuery(COUNT)
    return int(c.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("method", [GET, POST])
def test_json_results(endpoint, method):
    c = _client(endpoint, method)
    c.setQuery("PREFIX kg: <https://w3id.org/kg-zh/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
               "SELECT ?l WHERE { ?p a kg:Place ; rdfs:label ?l } ORDER BY ?l")
    labels = [b["l"]["value"] for b in c.queryAndConvert()["results"]["bindings"]]
    assert "太原市" in labels and "山西省" in labels


@pytest.mark.parametrize("method", [GET, POST])
def test_csv_results(endpoint, method):
    c = _client(endpoint, method, CSV)
    c.setQuery(COUNT)
    body = c.queryAndConvert().decode("utf-8").splitlines()
    assert body[0] == "n" and int(body[1]) > 100


def test_posted_query_body(endpoint):
    c = _client(endpoint, POST)
    c.setRequestMethod(POSTDIRECTLY)
    c.setQuery(COUNT)
    assert int(c.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) > 100


def test_construct_gives_turtle(endpoint):
    req = urllib.request.Request(endpoint + "?query=" + urllib.parse.quote("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3"),
                                 headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(req) as r:
        assert r.headers["Content-Type"].startswith("text/turtle") and b" a " in r.read()


def test_updates_are_refused_and_change_nothing(endpoint):
    before = count(endpoint)
    c = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    c.setMethod(POST)
    c.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as err:
        c.query()
    assert "403" in str(err.value) or "Forbidden" in str(err.value)
    req = urllib.request.Request(endpoint, data=b"<a> <b> <c> .", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req)
    assert err.value.code == 405
    assert count(endpoint) == before


def test_a_query_past_the_time_limit_ends_with_an_error(endpoint):
    c = _client(endpoint)
    c.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    start = time.monotonic()
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as err:
        c.queryAndConvert()
    assert time.monotonic() - start < 10
    assert "503" in str(err.value) or "timed out" in str(err.value)
    assert count(endpoint) > 100  # the server still answers


def test_bad_query_is_400(endpoint):
    req = urllib.request.Request(endpoint + "?query=" + urllib.parse.quote("SELECT ?x WHERE {"))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req)
    assert err.value.code == 400


def test_query_page(endpoint):
    with urllib.request.urlopen(endpoint.rsplit("/", 1)[0] + "/") as r:
        page = r.read().decode("utf-8")
    # YASGUI from the package itself: every script and stylesheet is a local path
    assert 'src="/static/yasgui/yasgui.min.js"' in page and 'href="/static/yasgui/yasgui.min.css"' in page
    assert '"money-by-purpose"' in page  # the named queries, as tabs
    with urllib.request.urlopen(endpoint.rsplit("/", 1)[0] + "/static/yasgui/yasgui.min.js") as r:
        assert r.status == 200 and len(r.read()) > 100_000


def test_xml_and_tsv_by_content_negotiation(endpoint):
    q = urllib.parse.quote(COUNT)
    for accept, expect in (("application/sparql-results+xml", b"<sparql"), ("text/tab-separated-values", b"?n")):
        with urllib.request.urlopen(urllib.request.Request(endpoint + "?query=" + q, headers={"Accept": accept})) as r:
            assert r.headers["Content-Type"].startswith(accept) and expect in r.read()


def test_result_cap(endpoint):
    req = urllib.request.Request(endpoint + "?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }"))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req)
    assert err.value.code == 413

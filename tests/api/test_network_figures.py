"""The transformation network as SVG, DOT and GraphML, drawn from the network of
``tests.helpers.make_network``."""

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.helpers import is_problem, make_network

SVG = "{http://www.w3.org/2000/svg}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture
def network(session: Session) -> None:
    make_network(session)


def network_json(api: TestClient, **params: str) -> dict[str, list[dict[str, object]]]:
    body: dict[str, list[dict[str, object]]] = api.get(
        "/api/v1/transformations/network", params=params
    ).json()
    return body


@pytest.mark.parametrize("material", ["CdTe", "CdS", None])
@pytest.mark.usefixtures("network")
def test_svg_has_a_node_for_each_species_and_every_edge(
    client: TestClient, material: str | None
) -> None:
    params = {"format": "svg"} | ({"material": material} if material else {})
    response = client.get("/api/v1/transformations/network", params=params)
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.text)
    assert root.tag == f"{SVG}svg"
    nodes = {g.get("data-species") for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    expected = network_json(client, **({"material": material} if material else {}))
    assert nodes == {n["id"] for n in expected["nodes"]}
    drawn = {
        t
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "edge"
        for t in (g.get("data-transformations") or "").split()
    }
    assert drawn == {e["id"] for e in expected["edges"]}
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    if material == "CdTe":
        assert "OTA 0.4 mL, 80–480 min" in texts
        assert "sMSC-417" in texts
        assert "417 nm" in texts


@pytest.mark.usefixtures("network")
def test_proposed_transformations_are_dashed(client: TestClient) -> None:
    params = {"material": "CdS", "format": "svg"}
    root = ET.fromstring(client.get("/api/v1/transformations/network", params=params).text)
    dashed_edges = set()
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "edge":
            continue
        stroked = [p for p in g.iter(f"{SVG}path") if p.get("stroke") != "none"]
        if any(p.get("stroke-dasharray") for p in stroked):
            dashed_edges.add(g.get("data-transformations"))
    assert dashed_edges == {"cds-pc-311-to-cds-msc-311"}


@pytest.mark.usefixtures("network")
def test_dot(client: TestClient) -> None:
    response = client.get(
        "/api/v1/transformations/network",
        params={"material": "CdS"},
        headers={"Accept": "text/vnd.graphviz"},
    )
    assert response.headers["content-type"].startswith("text/vnd.graphviz")
    text = response.text
    assert text.startswith("digraph ")
    assert '"cds-msc-311" -> "cds-msc-322"' in text
    assert "dir=both" in text
    assert "style=dashed" in text


@pytest.mark.usefixtures("network")
def test_graphml(client: TestClient) -> None:
    response = client.get("/api/v1/transformations/network", params={"format": "graphml"})
    root = ET.fromstring(response.text)
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None
    expected = network_json(client)
    assert {n.get("id") for n in graph.iter(f"{GRAPHML}node")} == {
        n["id"] for n in expected["nodes"]
    }
    assert len(list(graph.iter(f"{GRAPHML}edge"))) == len(expected["edges"])


def test_unknown_network_format_is_a_422(client: TestClient) -> None:
    is_problem(client.get("/api/v1/transformations/network", params={"format": "png"}), 422)

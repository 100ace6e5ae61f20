"""Canonical JSON and SHA-256 digest that seal a confirmed result (product.md: sealed results)."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from congress.rules import (
    InvalidReason,
    RuleError,
    Settings,
    Verdict,
    canonical_json,
    compute_result,
    digest,
    tally,
)

S = Settings()


def test_canonical_json_sorted_keys_no_spaces_utf8():
    assert canonical_json({"b": 1, "a": [True, None, "Bí thư"]}) == '{"a":[true,null,"Bí thư"],"b":1}'.encode()


def test_key_order_and_construction_order_do_not_change_the_digest():
    one = {"kết quả": {"A": 9, "B": 8}, "mẫu số": 10}
    two = {}
    two["mẫu số"] = 10
    two["kết quả"] = dict([("B", 8), ("A", 9)])
    assert list(one) != list(two)
    assert digest(one) == digest(two)
    assert digest(one) == hashlib.sha256(canonical_json(one)).hexdigest()
    assert len(digest(one)) == 64


def test_any_change_in_a_figure_changes_the_digest():
    assert digest({"A": 9}) != digest({"A": 8})


def test_nfc_and_nfd_names_seal_the_same():
    name = "Nguyễn Thị Hường"
    assert digest({"name": unicodedata.normalize("NFD", name)}) == digest({"name": name})


@pytest.mark.parametrize("bad", [{"p": 66.67}, {1: "x"}, {"x": object()}])
def test_floats_non_string_keys_and_unknown_types_are_refused(bad):
    with pytest.raises(RuleError):
        canonical_json(bad)


def test_results_totals_and_settings_serialise_and_seal_stably():
    result = compute_result({"A": 9, "B": 8, "C": 6, "D": 4}, 10, 3, S)
    again = compute_result({"A": 9, "B": 8, "C": 6, "D": 4}, 10, 3, Settings())
    assert digest(result) == digest(again)
    data = result.as_dict()
    assert data["elected"] == ["A", "B", "C"]
    assert data["candidates"][0] == {
        "key": "A", "votes": 9, "percent": "90,00", "eligible": True, "elected": True, "tied": False, "rank": 1,
    }  # fmt: skip
    other = compute_result({"A": 9, "B": 8, "C": 6, "D": 5}, 10, 3, S)
    assert digest(result) != digest(other)
    totals = tally([Verdict(True, None, (1,)), Verdict(False, InvalidReason.TOO_MANY)], ["A"], seats=1, issued=2,
                   official_present=2)  # fmt: skip
    sealed = canonical_json({"result": result, "totals": totals, "settings": S})
    assert b'"invalid":{"too_many":1}' in sealed
    assert b'"votes":[["A",1]]' in sealed  # ballot order kept as a list
    assert b'"surplus_rounding":"floor"' in sealed

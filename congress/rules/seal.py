"""Sealing: the canonical JSON of a result and its SHA-256, printed on the minutes as the seal."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any

from congress.rules.base import RuleError


def _plain(obj: Any) -> Any:
    """Turn results, settings and containers into JSON values: no floats, str keys, NFC text."""
    if obj is None or isinstance(obj, bool):
        return obj
    if isinstance(obj, Enum):
        return _plain(obj.value)
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        raise RuleError("Dữ liệu niêm phong không được chứa số thực; dùng số nguyên hoặc chuỗi.")
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        as_dict = getattr(obj, "as_dict", None)
        if as_dict is not None:
            return _plain(as_dict())
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        out: dict[str, Any] = {}
        for k, v in obj.items():
            if isinstance(k, Enum):
                k = k.value
            if not isinstance(k, str):
                raise RuleError(f"Khóa của dữ liệu niêm phong phải là chuỗi (nhận được {k!r}).")
            k = unicodedata.normalize("NFC", k)
            if k in out:
                raise RuleError(f"Khóa {k!r} bị lặp lại sau khi chuẩn hóa.")
            out[k] = _plain(v)
        return out
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, set | frozenset):
        items = [_plain(v) for v in obj]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    raise RuleError(f"Không niêm phong được dữ liệu kiểu {type(obj).__name__}.")


def canonical_json(obj: Any) -> bytes:
    """Return the canonical UTF-8 JSON of ``obj`` for sealing a result.

    Sorted keys, no spaces, ``ensure_ascii=False``, strings in Unicode NFC (so a
    name typed with combining accents seals the same as the precomposed one).
    Dataclasses (:class:`Result`, :class:`Totals`, :class:`Settings`) and enums are
    turned into plain values; dict keys must be strings; floats are refused
    (decisions are integers; percentages are strings).
    """
    return json.dumps(_plain(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def digest(obj: Any) -> str:
    """Return the SHA-256 hex digest of :func:`canonical_json` — printed on the minutes as the seal."""
    return hashlib.sha256(canonical_json(obj)).hexdigest()

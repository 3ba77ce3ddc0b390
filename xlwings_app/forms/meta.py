"""A form's metadata: who it is for, which unit, year and period, and the context it was sent with.

The metadata lives in a very hidden sheet of the form (``[formulir] meta_sheet``) as rows
``form_id | sheet | kunci | nilai``, so one sheet can describe one form (a form file) or many
(the in-workbook lembar variant). The context of each indicator (kode, indikator, satuan, targets,
earlier realisasi) is stored as JSON; an integrity mark over everything detects a metadata sheet
that was edited, and the stored context lets the rekap name the exact cell someone changed. The mark
is HMAC-SHA-256 keyed by the master's secret (``forms.kunci``; "hmac-sha256:<hex>"), so nobody without
the master can make one; forms made before the key carry the plain SHA-256 (64 hex digits), which
anyone can recompute (``forms.checks`` says what is accepted).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from xlwings_app.domain.analisis import analysis_values
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.forms.spec import context_keys

META_HEADERS = ("form_id", "sheet", "kunci", "nilai")
HEADER_KEYS = (
    "jenis",
    "versi_format",
    "versi_formulir",
    "unit",
    "tahun",
    "periode",
    "penanggung_jawab",
    "sumber",
    "dibuat",
)
DISTRIBUTION_KEYS = ("isian_dibagikan",)
"""Header fields added later (``forms.kembali``): written and covered by the mark only when present,
so the mark of a form made before them still matches."""
KIND = "formulir-kinerja"
CONTEXT_PREFIX = "konteks:"


@dataclass(frozen=True)
class FormMeta:
    """Everything a form carries about itself; ``context`` maps kode to {column key: text}."""

    form_id: str
    sheet: str
    fields: Mapping[str, str]
    context: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    checksum: str = ""

    def get(self, key: str) -> str:
        return self.fields.get(key, "")

    @property
    def kodes(self) -> tuple[str, ...]:
        return tuple(self.context)


def canonical(value: object) -> str:
    """A context value as stored: numbers without trailing zeros, blank as ""."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value).strip()


def context_of(indicator: Indicator, periode: Periode) -> dict[str, str]:
    """The read-only context of ``indicator`` in a form of ``periode``."""
    values: dict[str, object] = {
        "kode": indicator.kode,
        "nama": indicator.nama,
        "satuan": indicator.satuan,
        "polaritas": indicator.polaritas.value,
        "agregasi": indicator.agregasi.value,
        "target_tahunan": indicator.target_tahunan,
        "batas_bawah": indicator.batas_bawah,
        "batas_atas": indicator.batas_atas,
    }
    for i in range(4):
        values[f"t{i + 1}"] = indicator.target_tw[i]
        values[f"r{i + 1}"] = indicator.realisasi_tw[i]
    values.update(analysis_values(indicator))
    return {key: canonical(values[key]) for key in context_keys(periode)}


KEYED = "hmac-sha256:"
"""The prefix of a mark keyed by the master's secret (a plain SHA-256 mark has none)."""


def _payload(meta: FormMeta) -> bytes:
    """The form id, sheet, header fields and context as canonical JSON (what a mark covers)."""
    payload = {
        "form_id": meta.form_id,
        "sheet": meta.sheet,
        "fields": {k: meta.fields.get(k, "") for k in HEADER_KEYS}
        | {k: meta.fields[k] for k in DISTRIBUTION_KEYS if k in meta.fields},
        "context": {k: dict(v) for k, v in meta.context.items()},
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_checksum(meta: FormMeta, key: bytes | None = None) -> str:
    """The mark of ``meta``: "hmac-sha256:" + HMAC-SHA-256 (RFC 2104) keyed by ``key``; without a key,
    the plain SHA-256 of forms made before the master had one."""
    if key is None:
        return hashlib.sha256(_payload(meta)).hexdigest()
    return KEYED + hmac.new(key, _payload(meta), hashlib.sha256).hexdigest()


def keyed(meta: FormMeta) -> bool:
    """Whether ``meta`` carries a keyed mark (else the plain SHA-256 of an older form)."""
    return meta.checksum.startswith(KEYED)


def mark_matches(meta: FormMeta, key: bytes | None) -> bool:
    """Whether ``meta``'s mark is the one ``key`` (or, for an unkeyed mark, plain SHA-256) gives."""
    if keyed(meta) and key is None:
        return False
    return hmac.compare_digest(meta.checksum, compute_checksum(meta, key if keyed(meta) else None))


def sealed(meta: FormMeta, key: bytes | None = None) -> FormMeta:
    """``meta`` with its mark set (keyed by ``key`` when given)."""
    return replace(meta, checksum=compute_checksum(meta, key))


def to_rows(meta: FormMeta) -> list[tuple[str, str, str, str]]:
    """The rows of the metadata sheet for ``meta`` (below the ``META_HEADERS`` row)."""
    rows = [(meta.form_id, meta.sheet, key, meta.fields.get(key, "")) for key in HEADER_KEYS]
    rows += [(meta.form_id, meta.sheet, key, meta.fields[key]) for key in DISTRIBUTION_KEYS if key in meta.fields]
    for kode, values in meta.context.items():
        text = json.dumps(dict(values), ensure_ascii=False, sort_keys=True)
        rows.append((meta.form_id, meta.sheet, CONTEXT_PREFIX + kode, text))
    rows.append((meta.form_id, meta.sheet, "checksum", meta.checksum))
    return rows


def from_rows(rows: Iterable[tuple[object, ...]]) -> list[FormMeta]:
    """Every form described by the metadata rows (header row excluded); order kept.

    Raises ``ValueError`` when a context entry is not valid JSON (a damaged metadata sheet).
    """
    found: dict[tuple[str, str], dict[str, object]] = {}
    for row in rows:
        form_id, sheet, key, value = (str(v) if v is not None else "" for v in (list(row) + [None] * 4)[:4])
        if not form_id or not key:
            continue
        entry = found.setdefault((form_id, sheet), {"fields": {}, "context": {}, "checksum": ""})
        if key == "checksum":
            entry["checksum"] = value
        elif key.startswith(CONTEXT_PREFIX):
            entry["context"][key[len(CONTEXT_PREFIX):]] = json.loads(value)  # type: ignore[index]
        else:
            entry["fields"][key] = value  # type: ignore[index]
    return [
        FormMeta(form_id, sheet, e["fields"], e["context"], str(e["checksum"]))  # type: ignore[arg-type]
        for (form_id, sheet), e in found.items()
    ]

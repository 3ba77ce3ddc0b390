"""Renamed indicators: an indicator's kode changed from one year to the next, recorded so its
earlier years still join its history.

Rule: a ``Rename`` says that from ``tahun`` on, the indicator coded ``kode_lama`` is coded
``kode_baru`` (a Renstra revision renumbering its IKU, "IKU-1" becoming "IKU-01" or "S1.IKU.1").
A value recorded for year Y under kode K belongs to the indicator K became: the renames of K with a
year after Y are followed in the order of their years, each from the year the previous one took
effect (``current_kode``). Because each step moves strictly later in time the chain always ends, so a
kode may come back across years (A → B from 2023, B → A from 2025: A's 2022 and B's 2024 both belong to
today's A). Kodes are compared as every kode is (``domain.tree.model.key_of``: normalised, case ignored).

What cannot be read one way only is a problem (``check_renames``, all at once):
- a blank kode, or a rename to the same kode (a warning: it changes nothing);
- one old kode renamed to two new kodes in the same year (which one is the indicator?);
- two old kodes renamed to one new kode in the same year: two indicators' years would make one series;
- within one year, a kode both renamed and renamed to: a chain (A → B → C) or a cycle (A → B → A,
  a swap); renames of one year take effect at once, so the intended order cannot be known: write
  the renames of different years, or the final kode directly;
- a rename whose year is outside the Renstra period, where it moves no year of the period's
  history (a warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.problems import Problem, Tingkat
from xlwings_app.domain.tree.model import key_of


class _At(Protocol):
    """``check_renames``' maker of a problem on a rename's cell."""

    def __call__(self, r: Rename, key: str, kolom: str, pesan: str, nilai: object,
                 tingkat: Tingkat = "galat") -> Problem: ...  # fmt: skip


@dataclass(frozen=True)
class Rename:
    """From ``tahun`` on, the indicator ``kode_lama`` is coded ``kode_baru`` (where it was read, for messages)."""

    tahun: int
    kode_lama: str
    kode_baru: str
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)


def rename_path(kode: str, tahun: int, renames: Iterable[Rename]) -> tuple[Rename, ...]:
    """The renames a value recorded under ``kode`` for ``tahun`` goes through to today's kode: the
    renames of that kode taking effect after ``tahun``, followed in the order of their years, each
    from the year the previous one took effect (module rule)."""
    by_old: dict[str, list[Rename]] = {}
    for r in renames:
        by_old.setdefault(key_of(r.kode_lama), []).append(r)
    path: list[Rename] = []
    name, since = kode, tahun
    while later := [r for r in by_old.get(key_of(name), ()) if r.tahun > since]:
        step = min(later, key=lambda r: r.tahun)
        path.append(step)
        name, since = step.kode_baru, step.tahun
    return tuple(path)


def current_kode(kode: str, tahun: int, renames: Iterable[Rename]) -> str:
    """The kode today of what was coded ``kode`` in ``tahun`` (``rename_path``); ``kode`` when never renamed."""
    path = rename_path(kode, tahun, renames)
    return path[-1].kode_baru if path else kode


def renamed_before(kode: str, tahun: int, renames: Iterable[Rename]) -> Rename | None:
    """The latest rename of ``kode`` that took effect in or before ``tahun`` with no rename back to it
    since: a value recorded under ``kode`` for ``tahun`` uses a kode no longer in use then."""
    key = key_of(kode)
    found: Rename | None = None
    for r in sorted(renames, key=lambda r: r.tahun):
        if r.tahun > tahun:
            break
        if key_of(r.kode_lama) == key:
            found = r
        elif key_of(r.kode_baru) == key:
            found = None
    return found


def check_renames(
    renames: Sequence[Rename], period: RenstraPeriod | None = None,
    cells: Mapping[tuple[str, int, str], str] | None = None,
) -> list[Problem]:  # fmt: skip
    """Every problem of ``renames`` (module rule), in reading order of the rule."""
    cells = cells or {}
    problems: list[Problem] = []

    def at(r: Rename, key: str, kolom: str, pesan: str, nilai: object, tingkat: Tingkat = "galat") -> Problem:
        return Problem(pesan, r.sheet or None, r.baris, kolom, cells.get((r.sheet, r.baris or 0, key)), nilai,
                       tingkat=tingkat)  # fmt: skip

    usable: list[Rename] = []
    for r in renames:
        if not key_of(r.kode_lama) or not key_of(r.kode_baru):
            kolom, key = ("Kode Lama", "kode_lama") if not key_of(r.kode_lama) else ("Kode Baru", "kode_baru")
            problems.append(at(r, key, kolom, f"Penggantian kode tahun {r.tahun}: {kolom} kosong.", None))
        elif key_of(r.kode_lama) == key_of(r.kode_baru):
            problems.append(at(r, "kode_baru", "Kode Baru", f"Kode {r.kode_lama} diganti dengan kode yang sama "
                               f"pada tahun {r.tahun}: baris ini tidak mengubah apa pun.", r.kode_baru, "peringatan"))
        else:
            usable.append(r)
    for tahun in sorted({r.tahun for r in usable}):
        same_year = [r for r in usable if r.tahun == tahun]
        problems += _forks(same_year, at) + _chains(same_year, at)
        if period is not None and not period.tahun_awal < tahun <= period.tahun_akhir:
            for r in same_year:
                problems.append(at(r, "tahun", "Tahun", f"Penggantian kode {r.kode_lama} → {r.kode_baru} tahun "
                                   f"{tahun} di luar periode Renstra {period.label}: tidak memindahkan data tahun "
                                   "mana pun dalam periode ini.", tahun, "peringatan"))  # fmt: skip
    return problems


def _forks(same_year: Sequence[Rename], at: _At) -> list[Problem]:
    """One old kode to two new ones, or two old kodes to one new one, in one year."""
    problems = []
    for side, other, kolom, key in (("kode_lama", "kode_baru", "Kode Lama", "kode_lama"),
                                    ("kode_baru", "kode_lama", "Kode Baru", "kode_baru")):  # fmt: skip
        groups: dict[str, list[Rename]] = {}
        for r in same_year:
            groups.setdefault(key_of(getattr(r, side)), []).append(r)
        for group in groups.values():
            targets = sorted({getattr(r, other) for r in group}, key=key_of)
            if len({key_of(t) for t in targets}) < 2:
                continue
            r = group[-1]
            kode, tahun = getattr(r, side), r.tahun
            if side == "kode_lama":
                pesan = (f"Kode {kode} diganti menjadi dua kode pada tahun {tahun} ({' dan '.join(targets)}): "
                         "pilih satu kode baru untuk indikator itu.")
            else:
                pesan = (f"Kode {' dan '.join(targets)} sama-sama diganti menjadi {kode} pada tahun {tahun}: "
                         "riwayat dua indikator tidak dapat digabung menjadi satu.")
            problems.append(at(r, key, kolom, pesan, kode))
    return problems


def _chains(same_year: Sequence[Rename], at: _At) -> list[Problem]:
    """Within one year, a kode both renamed and renamed to: a chain or a cycle, each reported once."""
    step: dict[str, Rename] = {}
    for r in same_year:
        step.setdefault(key_of(r.kode_lama), r)
    new_keys = {key_of(r.kode_baru) for r in same_year}
    problems, seen = [], set()
    heads = [k for k in step if k not in new_keys] + list(step)  # chains from their heads, then cycles
    for head in heads:
        if head in seen or not (head in new_keys or key_of(step[head].kode_baru) in step):
            continue
        path, key = [step[head]], key_of(step[head].kode_baru)
        seen.add(head)
        while key in step and key not in seen:
            seen.add(key)
            path.append(step[key])
            key = key_of(step[key].kode_baru)
        names = " → ".join([path[0].kode_lama, *(r.kode_baru for r in path)])
        tahun = path[0].tahun
        if key == head:
            pesan = (f"Penggantian kode tahun {tahun} melingkar ({names}): penggantian dalam satu tahun berlaku "
                     "bersamaan, sehingga urutannya tidak dapat diketahui. Tulis kode akhir setiap indikator.")
        else:
            pesan = (f"Penggantian kode tahun {tahun} berantai ({names}): penggantian dalam satu tahun berlaku "
                     f"bersamaan. Tulis langsung {path[0].kode_lama} → {path[-1].kode_baru}, atau catat tiap "
                     "penggantian pada tahunnya sendiri.")
        problems.append(at(path[-1], "kode_baru", "Kode Baru", pesan, path[-1].kode_baru))
    return problems



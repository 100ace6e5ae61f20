"""Rendering speed and memory (./bench). Targets on the 2-core box: one count minutes
under 0.5 s, a ~10-page congress document under 2 s, 1,600 ballots under 5 s."""

from __future__ import annotations

import gc
import resource
import statistics
import time
import tracemalloc

import pytest
from django.core.management import call_command

from congress.models import Congress
from documents import samples
from documents.ballots import render_ballots, serial_numbers
from documents.builders.elections import build_count_minutes, rounds_of
from documents.builders.minutes import build_congress_minutes
from documents.management.commands.render_document import dossier_parts
from documents.pdf import document_pdf, render_pdf_parts
from handover.archive import build_archive

from .pdfcheck import reader

pytestmark = pytest.mark.bench


def measure(label: str, render, target_s: float, runs: int = 3) -> bytes:
    started = time.perf_counter()
    render()  # warm-up: fonts loaded, stylesheet parsed (cached per process)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        data = render()
        times.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    data = render()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    median = statistics.median(times)
    print(
        f"\n{label}: median {median:.3f} s (runs {', '.join(f'{t:.3f}' for t in times)}; first {first:.3f}), "
        f"{len(reader(data).pages)} pages, {len(data) / 1024:.0f} KiB, "
        f"tracemalloc peak {peak / 2**20:.1f} MiB, process max RSS {rss_mb:.0f} MiB; target < {target_s} s"
    )
    assert median < target_s
    return data


def test_bench_count_minutes():
    snapshot = samples.count_minutes()
    measure("count minutes (E2, with annex)", lambda: document_pdf(snapshot), 0.5, runs=5)


def test_bench_ten_page_document():
    parts = dossier_parts()
    data = measure(
        "congress dossier (programme, rules, regulation, attendance, minutes)", lambda: render_pdf_parts(parts), 2.0
    )
    assert len(reader(data).pages) >= 10


def test_bench_1600_ballots():
    ballot = samples.ballot()
    serials = serial_numbers(1600)
    data = measure("1,600 ballots", lambda: render_ballots(ballot, serials), 5.0, runs=3)
    assert len(reader(data).pages) == 1600


@pytest.fixture
def finished_demo(db):
    """The demo congress taken to its end (manage.py load_demo && manage.py finish_demo)."""
    call_command("load_demo", "--quiet-logins")
    call_command("finish_demo")
    return Congress.objects.get(slug="thai-binh-lhh-2025")


def test_bench_real_congress_minutes(finished_demo):
    """The demo congress's minutes, built from the database and rendered (target < 2 s)."""
    data = measure(
        "congress minutes of the finished demo (built from the database + rendered)",
        lambda: document_pdf(build_congress_minutes(finished_demo)),
        2.0,
    )
    assert len(reader(data).pages) >= 3


def test_bench_real_count_minutes(finished_demo):
    """The chi ủy's count minutes of the finished demo, from the sealed round and its journal (< 0.5 s)."""
    pk = rounds_of(finished_demo)[0][0]
    measure(
        "count minutes of the demo's chi ủy (built from the sealed round + rendered)",
        lambda: document_pdf(build_count_minutes(finished_demo, pk)),
        0.5,
        runs=5,
    )


def test_bench_handover_archive(finished_demo):
    """Every document of the finished demo, the data and the sums in one ZIP."""
    started = time.perf_counter()
    data, _name = build_archive(finished_demo)
    print(
        f"\nhandover archive of the finished demo: {time.perf_counter() - started:.2f} s, {len(data) / 1024:.0f} KiB"
    )
    assert data[:2] == b"PK"

"""Benchmarks (./bench): time to import 2,000 members, and to check in one member (server time)."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from members import importing
from members.models import Attendance, CongressMember
from tests.members.factories import session

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Quang", "Minh", "Thu", "Quốc", "Thị Vân"]
GIVEN = ["An", "Anh", "Bình", "Dũng", "Hà", "Hòa", "Hương", "Khánh", "Lan", "Mai", "Trình", "Tuấn"]


def roll_csv(n: int) -> bytes:
    lines = ["Họ và tên,Giới tính,Ngày sinh,Số thẻ đảng viên,Ngày vào Đảng,Ngày chính thức,Chức vụ,Trạng thái"]
    for i in range(n):
        name = f"{FAMILY[i % 10]} {MIDDLE[i % 8]} {GIVEN[i % 12]}"
        lines.append(
            f"{name},{'Nam' if i % 2 else 'Nữ'},01/02/1980,{i:08d},03/02/2005,03/02/2006,Chuyên viên,Chính thức"
        )
    return ("\ufeff" + "\r\n".join(lines)).encode()


@pytest.mark.bench
@pytest.mark.django_db
def test_bench_import_2000_members_and_check_in_one(congress, client_for, capsys):
    content = roll_csv(2000)
    started = time.perf_counter()
    imported = importing.import_members(congress, "2000.csv", content, None)
    import_seconds = time.perf_counter() - started
    assert len(imported) == 2000

    sess = session(congress)
    client = client_for("secretariat")
    cm = CongressMember.objects.filter(congress=congress).order_by("pk")[1000]
    url = reverse("members:checkin-mark", kwargs={"slug": congress.slug, "pk": cm.pk}) + "?session=preparatory"
    client.post(url, HTTP_HX_REQUEST="true")  # warm up (templates, translations)
    Attendance.objects.all().delete()
    timings = []
    for other in CongressMember.objects.filter(congress=congress).order_by("pk")[:20]:
        url = reverse("members:checkin-mark", kwargs={"slug": congress.slug, "pk": other.pk}) + "?session=preparatory"
        started = time.perf_counter()
        response = client.post(url, HTTP_HX_REQUEST="true")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    assert Attendance.objects.filter(session=sess).count() == 20
    timings.sort()
    with capsys.disabled():
        print(f"\n[bench] import 2,000 members (CSV, check + save): {import_seconds:.2f} s")
        print(
            f"[bench] check in one member, POST with live totals, roll of 2,000: median "
            f"{1000 * timings[len(timings) // 2]:.0f} ms, max {1000 * timings[-1]:.0f} ms"
        )

"""The demo roll: the 11 members of the seed cell (the seed names Vân Anh, Hòa, Trình, Mai, Làm).

10 official members and 1 probationary; one official member is exempted from
work and activity (miễn công tác và sinh hoạt đảng) and stays home. Attendance
of the preparatory session is recorded, none yet for the official session, so
the dashboard shows a base: B = 10 − 1 = 9, T = 5, 9 official members present.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from congress.models import Congress, Session
from members.models import Attendance, CongressMember, Member

D = datetime.date
OFFICIAL, PROBATIONARY = Member.Status.OFFICIAL, Member.Status.PROBATIONARY
MALE, FEMALE = Member.Gender.MALE, Member.Gender.FEMALE

# (full name, gender, born, card number, admitted, official, position, status, demo user)
MEMBERS = [
    ("Phạm Văn Hòa", MALE, D(1968, 3, 12), "34.012081", D(1994, 5, 19), D(1995, 5, 19),
     "Bí thư Chi bộ, Phó Chủ tịch Liên hiệp Hội", OFFICIAL, "chutich"),
    ("Nguyễn Thị Vân Anh", FEMALE, D(1984, 9, 2), "34.035417", D(2009, 3, 3), D(2010, 3, 3),
     "Chánh Văn phòng Liên hiệp Hội", OFFICIAL, "thuky"),
    ("Trần Đức Trình", MALE, D(1971, 11, 27), "34.018263", D(1999, 12, 22), D(2000, 12, 22),
     "Phó Chủ tịch Liên hiệp Hội", OFFICIAL, "chutich2"),
    ("Vũ Thị Mai", FEMALE, D(1979, 6, 8), "34.027745", D(2005, 9, 2), D(2006, 9, 2),
     "Trưởng ban Tư vấn, phản biện và giám định xã hội", OFFICIAL, "chutich3"),
    ("Đỗ Văn Làm", MALE, D(1975, 2, 14), "34.023390", D(2003, 2, 3), D(2004, 2, 3),
     "Trưởng ban Phổ biến kiến thức và Hội viên", OFFICIAL, None),
    ("Lê Quang Dũng", MALE, D(1982, 7, 21), "34.031902", D(2008, 5, 19), D(2009, 5, 19),
     "Kế toán trưởng", OFFICIAL, "kiemphieu"),
    ("Đặng Thị Lan", FEMALE, D(1988, 4, 30), "34.041176", D(2013, 7, 1), D(2014, 7, 1),
     "Chuyên viên Văn phòng", OFFICIAL, "dangvien"),
    ("Hoàng Thị Thu Hà", FEMALE, D(1986, 10, 10), "34.038854", D(2011, 11, 7), D(2012, 11, 7),
     "Chuyên viên Ban Tư vấn, phản biện", OFFICIAL, None),
    ("Ngô Minh Tuấn", MALE, D(1990, 1, 5), "34.045530", D(2016, 3, 26), D(2017, 3, 26),
     "Chuyên viên Ban Phổ biến kiến thức", OFFICIAL, None),
    ("Phạm Quốc Khánh", MALE, D(1962, 9, 2), "34.009417", D(1988, 2, 3), D(1989, 2, 3),
     "Nguyên Phó Chủ tịch Liên hiệp Hội", OFFICIAL, None),
    ("Bùi Thị Hương", FEMALE, D(1997, 8, 8), "34.052208", D(2024, 12, 20), None,
     "Chuyên viên Văn phòng", PROBATIONARY, None),
]  # fmt: skip
EXEMPTED = "Phạm Quốc Khánh"
EXEMPTED_REASON = "Được miễn công tác và sinh hoạt đảng (điều trị bệnh dài ngày)"


def load(congress: Congress) -> None:
    User = get_user_model()
    secretary = User.objects.filter(username="thuky").first()
    preparatory = Session.objects.filter(congress=congress, kind=Session.Kind.PREPARATORY).first()
    for i, (name, gender, born, card, admitted, official, position, status, username) in enumerate(MEMBERS):
        user = User.objects.filter(username=username).first() if username else None
        member, _ = Member.objects.update_or_create(
            organisation=congress.organisation,
            card_number=card,
            defaults={
                "full_name": name,
                "family_name": "",
                "middle_name": "",
                "given_name": "",
                "gender": gender,
                "birth_date": born,
                "admitted_on": admitted,
                "official_on": official,
                "position": position,
                "status": status,
                "user": user,
            },
        )
        exempted = name == EXEMPTED
        cm, _ = CongressMember.objects.update_or_create(
            congress=congress, member=member, defaults={"convened": True, "exempted": exempted}
        )
        if preparatory is None:
            continue
        arrived = timezone.localtime(preparatory.starts_at) - datetime.timedelta(minutes=20 - i)
        Attendance.objects.update_or_create(
            congress_member=cm,
            session=preparatory,
            defaults={
                "state": Attendance.State.ABSENT_EXCUSED if exempted else Attendance.State.PRESENT,
                "reason": EXEMPTED_REASON if exempted else "",
                "arrived_at": None if exempted else arrived,
                "left_at": None,
                "recorded_by": secretary,
            },
        )

"""The standard programme, rules and working regulation of a cell congress.

Taken from the seed dossier (shared/seeds/000_03f0bceab44cff2c.txt, the Thái
Bình cell congress of 08/5/2025) with its extraction damage repaired ("ƣ" is
"ư", "k " is "kỳ") and the congress's own facts (term, dates, names) filled in
from the Congress. These are printed documents: always Vietnamese.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

PREPARATORY = "preparatory"
OFFICIAL = "official"

# Presenters of the standard programme: a body kind ("body:<kind>") or free text.
PRESIDIUM = "body:presidium"
SECRETARIAT = "body:secretariat"
COUNTING_BOARD = "body:counting_board"


@dataclass(frozen=True)
class StandardItem:
    session: str
    kind: str
    title: str
    presenter: str  # generic: a body ("body:<kind>") or free text
    demo_presenter: str  # who presents it at the seed's congress


# The seed's programme, row by row (a row with several bullets stays one item,
# as printed). Placeholders: {term}, {previous_term}, {upper_congress}, {upper_leaders}.
PROGRAMME = [
    StandardItem(PREPARATORY, "procedure", "Ổn định tổ chức; điểm danh đảng viên", SECRETARIAT, "Vân Anh"),
    StandardItem(PREPARATORY, "procedure", "Tuyên bố lí do, giới thiệu đại biểu", SECRETARIAT, "Vân Anh"),
    StandardItem(
        PREPARATORY,
        "vote",
        "- Khai mạc phiên trù bị;\n- Bầu Đoàn Chủ tịch, Thư ký;\n- Mời Đoàn Chủ tịch, Thư ký lên làm việc.",
        PRESIDIUM,
        "Hòa",
    ),
    StandardItem(
        PREPARATORY,
        "vote",
        "- Thông qua chương trình, nội quy, quy chế làm việc của Đại hội (biểu quyết);\n"
        "- Phổ biến một số nội dung về Quy chế bầu cử trong Đảng.",
        SECRETARIAT,
        "Vân Anh",
    ),
    StandardItem(
        PREPARATORY,
        "report",
        "Báo cáo tổng hợp ý kiến tham gia vào Dự thảo các văn kiện trình Đại hội XIV của Đảng, {upper_congress}",
        PRESIDIUM,
        "Trình",
    ),
    StandardItem(PREPARATORY, "procedure", "Quán triệt một số nội dung trong phiên chính thức", PRESIDIUM, "Hòa"),
    StandardItem(
        OFFICIAL, "procedure", "- Ổn định tổ chức;\n- Chào cờ (hát Quốc ca, Quốc tế ca).", SECRETARIAT, "Vân Anh"
    ),
    StandardItem(OFFICIAL, "procedure", "Mời Đoàn Chủ tịch, Đoàn Thư ký lên làm việc", SECRETARIAT, "Vân Anh"),
    StandardItem(OFFICIAL, "procedure", "Diễn văn khai mạc Đại hội", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "procedure", "Giới thiệu, tặng hoa chúc mừng Đại hội", SECRETARIAT, "Vân Anh"),
    StandardItem(OFFICIAL, "report", "Báo cáo tình hình đảng viên tham dự Đại hội", SECRETARIAT, "Vân Anh"),
    StandardItem(OFFICIAL, "report", "Dự thảo Báo cáo chính trị trình Đại hội", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "report", "Báo cáo kiểm điểm của Chi ủy nhiệm kỳ {previous_term}", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "discussion", "Đại hội tham luận lần 1", PRESIDIUM, "Mai"),
    StandardItem(OFFICIAL, "discussion", "Đại hội tham luận lần 2", PRESIDIUM, "Làm"),
    StandardItem(
        OFFICIAL,
        "procedure",
        "Lãnh đạo {upper_leaders} phát biểu ý kiến chỉ đạo Đại hội",
        "Lãnh đạo cấp ủy cấp trên",
        "Lãnh đạo Đảng ủy các cơ quan Đảng tỉnh",
    ),
    StandardItem(OFFICIAL, "procedure", "Phát biểu đáp từ", PRESIDIUM, "Hòa"),
    StandardItem(
        OFFICIAL,
        "election",
        "Bầu Chi ủy Chi bộ nhiệm kỳ {term}:\n+ Trình bày tóm tắt Đề án nhân sự Đại hội;\n"
        "+ Bầu Ban Kiểm phiếu;\n+ Ban Kiểm phiếu làm việc.",
        PRESIDIUM,
        "Hòa",
    ),
    StandardItem(
        OFFICIAL, "election", "Công bố kết quả bầu cử Chi ủy nhiệm kỳ {term}", COUNTING_BOARD, COUNTING_BOARD
    ),
    StandardItem(OFFICIAL, "election", "Bầu Bí thư Chi bộ nhiệm kỳ {term}", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "election", "Bầu Phó Bí thư Chi bộ nhiệm kỳ {term}", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "election", "Bầu đại biểu đi dự Đại hội đại biểu {upper_party}", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "procedure", "Chi ủy nhiệm kỳ {term} ra mắt Đại hội và phát biểu ý kiến", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "procedure", "Ban Kiểm phiếu bàn giao phiếu bầu", COUNTING_BOARD, COUNTING_BOARD),
    StandardItem(OFFICIAL, "vote", "Thông qua Dự thảo Nghị quyết Đại hội", SECRETARIAT, "Thư ký"),
    StandardItem(OFFICIAL, "procedure", "Diễn văn bế mạc Đại hội", PRESIDIUM, "Hòa"),
    StandardItem(OFFICIAL, "procedure", "Chào cờ (Quốc ca, Quốc tế ca)", SECRETARIAT, "Vân Anh"),
]


def party_body(upper_committee: str) -> str:
    """Return the party organisation a committee leads: "Đảng ủy X" → "Đảng bộ X".

    The programme names the upper congress after the organisation ("Đại hội đại
    biểu Đảng bộ các cơ quan Đảng tỉnh"), the organisation record holds its
    committee ("Đảng ủy các cơ quan Đảng tỉnh").
    """
    for prefix in ("Đảng ủy ", "Đảng uỷ "):
        if upper_committee.startswith(prefix):
            return "Đảng bộ " + upper_committee[len(prefix) :]
    return upper_committee


def placeholders(congress) -> dict[str, str]:
    upper = congress.organisation.upper_committee
    length = congress.term_end - congress.term_start
    return {
        "term": congress.term,
        "previous_term": f"{congress.term_start - length} – {congress.term_start}",
        "upper_congress": f"Đại hội đại biểu {party_body(upper)}",
        "upper_party": party_body(upper),
        "upper_leaders": party_body(upper),
    }


def _day(date: datetime.date) -> str:
    return f"{date.day:02d}/{date.month}/{date.year}"


def _time(moment: datetime.datetime | None) -> str:
    if moment is None:
        return "…"
    local = timezone.localtime(moment)
    return f"{local.hour} giờ {local.minute:02d} phút"


def rules_parts(congress) -> list[tuple[str, str]]:
    """Return the NỘI QUY (6 articles) of the seed, for this congress's sessions."""
    sessions = {s.kind: s for s in congress.sessions.all()}
    prep, official = sessions.get(PREPARATORY), sessions.get(OFFICIAL)
    day = _day(congress.date)
    prep_line = f"- Phiên trù bị: từ {_time(prep.starts_at if prep else None)} ngày {day}."
    official_line = f"- Phiên chính thức: từ {_time(official.starts_at if official else None)}"
    if official and official.ends_at:
        official_line += f" đến {_time(official.ends_at)}"
    official_line += f" ngày {day}."
    return [
        ("Điều 1.", f"Thời gian làm việc của Đại hội: ngày {day}.\n{prep_line}\n{official_line}"),
        (
            "Điều 2.",
            "Đại biểu Đại hội yêu cầu tham gia đầy đủ Chương trình làm việc của Đại hội và tuân thủ theo điều "
            "hành của Đoàn Chủ tịch Đại hội.\n"
            "Đại biểu dự Đại hội phải có mặt tại hội trường trước 10 phút, ngồi đúng vị trí do Ban Tổ chức Đại "
            "hội quy định; giữ gìn trật tự, không sử dụng điện thoại, chuyển điện thoại sang chế độ im lặng, "
            "không đọc sách báo và giải quyết việc riêng trong thời gian Đại hội làm việc.\n"
            "Trường hợp thật cần thiết phải vắng mặt, đại biểu phải báo cáo với Đoàn Chủ tịch Đại hội và đại "
            "biểu chỉ vắng mặt khi Đoàn Chủ tịch đã đồng ý.",
        ),
        (
            "Điều 3.",
            "Việc biểu quyết tại Đại hội bằng thẻ đảng viên (hướng mặt trước của thẻ đảng viên về phía Đoàn Chủ "
            "tịch). Các đại biểu đeo Huy hiệu Đảng; Huân, Huy chương (nếu có); đeo phù hiệu Đại hội bên phía "
            "ngực trái, không để người khác sử dụng phù hiệu của mình.",
        ),
        (
            "Điều 4.",
            "Đại biểu có trách nhiệm giữ gìn an ninh, trật tự trong quá trình tổ chức Đại hội. Các đại biểu đảm "
            "bảo sức khỏe cá nhân và nâng cao ý thức giữ gìn vệ sinh chung.",
        ),
        (
            "Điều 5.",
            "Trang phục trong Đại hội:\n- Đại biểu nam: áo trắng, quần tối màu.\n- Đại biểu nữ: áo dài truyền thống.",
        ),
        (
            "Điều 6.",
            "Đại biểu Đại hội và các tập thể, cá nhân liên quan có trách nhiệm thực hiện nghiêm túc Nội quy này./.",
        ),
    ]


def regulation_parts(congress) -> list[tuple[str, str]]:
    """Return the QUY CHẾ LÀM VIỆC (sections I–VI) of the seed, for this congress."""
    name = congress.organisation.name
    ordinal = congress.ordinal_roman
    term = congress.term
    start, end = congress.term_start, congress.term_end
    previous = f"{start - (end - start)} – {start}"
    return [
        (
            "I- QUY ĐỊNH CHUNG",
            f"1- Quy chế này được áp dụng trong Đại hội {name} lần thứ {ordinal}, nhiệm kỳ {term}, quy định về "
            "nhiệm vụ của các cơ quan điều hành và giúp việc Đại hội; về đại biểu và một số quy định khác của "
            "Đại hội.\n"
            "2- Đại hội làm việc theo nguyên tắc tập trung dân chủ; các quyết định của Đại hội phải được trên "
            "một nửa (trên 50%) tổng số đảng viên chính thức được triệu tập đồng ý; các nội dung thuộc thẩm "
            "quyền quyết định của Đoàn Chủ tịch phải được trên một nửa (trên 50%) số thành viên tán thành.",
        ),
        (
            "II- TRÁCH NHIỆM, QUYỀN HẠN CỦA CÁC CƠ QUAN ĐIỀU HÀNH VÀ GIÚP VIỆC ĐẠI HỘI",
            f"1- Cấp ủy nhiệm kỳ {previous}\n"
            "- Báo cáo Đoàn Chủ tịch và Đại hội những vấn đề thuộc trách nhiệm của cấp ủy thực hiện trong quá "
            "trình chuẩn bị Đại hội.\n"
            "- Cung cấp cho Đoàn Chủ tịch các tài liệu liên quan đến Đại hội.\n"
            "- Chỉ đạo hoạt động của Chi bộ cho đến khi cấp ủy khóa mới được bầu.\n"
            "2- Đoàn Chủ tịch Đại hội\n"
            "- Điều hành hoạt động của Đại hội theo Chương trình, Nội quy, Quy chế làm việc đã được Đại hội biểu "
            "quyết thông qua; phân công thành viên điều hành các phiên họp của Đại hội; chuẩn bị nội dung để "
            "Đại hội thảo luận, biểu quyết; chỉ đạo, điều hành các hoạt động của Đại hội.\n"
            "- Điều hành, quán triệt, tổ chức thực hiện việc bầu cử theo quy định của Điều lệ Đảng và hướng dẫn "
            "của cấp ủy cấp trên; giải đáp những ý kiến của đại biểu về nhân sự trong quá trình chuẩn bị bầu "
            "cử.\n"
            "3- Đoàn Thư ký Đại hội\n"
            "- Quản lý và phát hành tài liệu, ấn phẩm của Đại hội theo chỉ đạo của Đoàn Chủ tịch. Thu nhận, bảo "
            "quản và gửi đến cấp ủy khóa mới đầy đủ hồ sơ, tài liệu, ấn phẩm của Đại hội.\n"
            "- Ghi biên bản tổng hợp ý kiến thảo luận, dự thảo các văn bản kết luận, nghị quyết của Đại hội.\n"
            "- Giúp Đoàn Chủ tịch tổng hợp kết quả ứng cử, đề cử phục vụ cho việc lập danh sách bầu cử trước khi "
            "Đại hội bầu Ban Kiểm phiếu.\n"
            "4- Ban Kiểm phiếu\n"
            "- Hướng dẫn cách bỏ phiếu, kiểm tra, niêm phong thùng phiếu, phát phiếu trực tiếp cho đại biểu, "
            "kiểm số phiếu phát ra và thu về báo cáo Đại hội, tổ chức kiểm phiếu.\n"
            "- Xem xét và kết luận về các phiếu không hợp lệ và những ý kiến khiếu nại về việc bầu cử trong Đại "
            "hội.\n"
            "- Lập biên bản kiểm phiếu báo cáo với Đoàn Chủ tịch và công bố kết quả bầu cử; ký vào biên bản bầu "
            "cử, niêm phong phiếu bầu và chuyển cho Đoàn Chủ tịch Đại hội để bàn giao cho cấp ủy khóa mới lưu "
            "trữ theo quy định.",
        ),
        (
            "III- TRÁCH NHIỆM, QUYỀN HẠN CỦA ĐẢNG VIÊN",
            "1- Đảng viên dự Đại hội nêu cao ý thức trách nhiệm, tập trung trí tuệ tham gia ý kiến, thảo luận, "
            "biểu quyết thông qua các quyết định của Đại hội; bầu cử theo Quy chế bầu cử; tham gia các hoạt động "
            "của Đại hội theo sự điều hành của Đoàn Chủ tịch.\n"
            "2- Đảng viên dự Đại hội có trách nhiệm giữ gìn, bảo quản tài liệu do Ban Tổ chức Đại hội phát hành, "
            "không được tuyên truyền, phát tán các tài liệu không đúng quy định, không do Ban Tổ chức Đại hội "
            "phát hành, không sao chép hoặc đưa ra ngoài những tài liệu của Đại hội khi chưa có chủ trương công "
            "khai của Đoàn Chủ tịch Đại hội.",
        ),
        (
            "IV- CHẾ ĐỘ THÔNG TIN VÀ PHÁT BIỂU TRONG ĐẠI HỘI",
            "1- Phát biểu ý kiến tại hội trường\n"
            "- Các ý kiến tham luận tại hội trường phải chuẩn bị bằng văn bản, đăng ký trước (qua Đoàn Thư ký) "
            "và được sự nhất trí của Đoàn Chủ tịch. Mỗi đại biểu có thể phát biểu nhiều lần nhưng thời gian mỗi "
            "lần không quá 5 phút.\n"
            "- Khi cần phát biểu ý kiến, đảng viên ngồi tại chỗ giơ tay và chỉ được phát biểu khi Đoàn Chủ tịch "
            "cho phép.\n"
            "2- Chế độ thông tin và lưu hành tài liệu của Đại hội\n"
            "Các thông tin, tài liệu của Đại hội thực hiện theo chế độ sử dụng và lưu hành nội bộ. Việc đưa tin "
            "và diễn biến về kết quả Đại hội trên hệ thống thông tin do Đoàn Chủ tịch chỉ đạo.",
        ),
        (
            "V- VỀ BẦU CỬ",
            "Đoàn Chủ tịch Đại hội lãnh đạo công tác bầu cử theo quy định của Điều lệ Đảng và Quy chế bầu cử "
            "trong Đảng.",
        ),
        (
            "VI- HIỆU LỰC CỦA QUY CHẾ",
            "Quy chế này có hiệu lực trong suốt thời gian Đại hội. Các tổ chức và cá nhân có liên quan có trách "
            "nhiệm thực hiện nghiêm túc, nếu vi phạm, tùy theo mức độ để xem xét, xử lý theo quy định./.",
        ),
    ]


def resolution_parts(congress) -> list[tuple[str, str]]:
    """Return the skeleton of the resolution ([B] practice, election-rules.md §3.8), to be written."""
    return [
        (
            "QUYẾT NGHỊ",
            f"Đại hội {congress.organisation.name} lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term} "
            "đã thảo luận và thống nhất QUYẾT NGHỊ:",
        ),
        (
            "1.",
            "Tán thành đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ trước và Báo cáo kiểm điểm của Chi ủy.",
        ),
        ("2.", f"Phương hướng, mục tiêu, nhiệm vụ nhiệm kỳ {congress.term}."),
        ("3.", "Các giải pháp chủ yếu."),
        ("4.", "Kết quả bầu cử."),
        ("5.", "Giao Chi ủy khóa mới tổ chức thực hiện Nghị quyết./."),
    ]


TEXTS = {
    "rules": ("NỘI QUY", rules_parts),
    "regulation": ("QUY CHẾ LÀM VIỆC", regulation_parts),
    "resolution": ("NGHỊ QUYẾT", resolution_parts),
}


def text_subtitle(kind: str, congress) -> str:
    name = congress.organisation.name
    if kind == "regulation":
        return f"của Đại hội {name} lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}"
    return f"Đại hội {name} lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}"

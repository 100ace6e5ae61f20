"""Sample snapshots with realistic data, for ``render_document``, the tests and the benchmark.

The congress is the seed's (shared/seeds/000_03f0bceab44cff2c.txt, text corrected):
Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh (Thái Bình), lần thứ VI,
nhiệm kỳ 2025 – 2030, 08/5/2025. The seed gives only short names (Đ/c Hòa, Vân Anh,
Trình, Mai, Làm); the full names and the other members are made up. The count
minutes are example E2 of election-rules.md §5: base 10, 9 ballots, A 9, B 8, C 6,
D 4, A B C elected.
"""

from __future__ import annotations

import datetime
import hashlib
from zoneinfo import ZoneInfo

from .snapshots import (
    AbsentMember,
    AttendanceSnapshot,
    BallotKind,
    BallotSnapshot,
    BoardMember,
    CandidateResult,
    CountMinutesSnapshot,
    DocumentHeader,
    Exclusion,
    JournalRow,
    Outcome,
    ProgrammeItem,
    ProgrammeSession,
    ProgrammeSnapshot,
    RegulationSnapshot,
    RulesSnapshot,
    Signature,
    StatusRow,
    TextSection,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CONGRESS_DATE = datetime.date(2025, 5, 8)
PLACE = "Thái Bình"
UPPER_COMMITTEE = "Đảng bộ các cơ quan Đảng tỉnh"
CONGRESS_LINES = ("Đại hội Chi bộ Liên hiệp các Hội", "Khoa học và Kỹ thuật tỉnh", "lần thứ VI, nhiệm kỳ 2025 – 2030")
CONGRESS_NAME = "Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh lần thứ VI, nhiệm kỳ 2025 – 2030"
SUMMARY = ("Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "lần thứ VI, nhiệm kỳ 2025 – 2030")
VENUE = "Hội trường Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thái Bình"

CHAIR = "Nguyễn Văn Hòa"
PRESIDIUM = Signature(authority_lines=("T/M Đoàn Chủ tịch Đại hội",), name=CHAIR)
RECIPIENTS = ("Đảng ủy các cơ quan Đảng tỉnh (b/c);", "Các đồng chí đảng viên Chi bộ;", "Lưu hồ sơ Đại hội.")

# Ballot order: Vietnamese alphabetical order by given name (Anh, Hòa, Mai, Trình).
CANDIDATES = ("Phạm Thị Vân Anh", "Nguyễn Văn Hòa", "Vũ Thị Mai", "Trần Đức Trình")
BOARD = (
    BoardMember(name="Lê Quang Huy", role="Trưởng ban"),
    BoardMember(name="Đặng Thị Thu", role="Thành viên"),
    BoardMember(name="Ngô Văn Khánh", role="Thành viên"),
)


def congress_header(number: int | None = None, symbol: str = "") -> DocumentHeader:
    return DocumentHeader(
        upper_committee=UPPER_COMMITTEE,
        issuing_body_lines=CONGRESS_LINES,
        number=number,
        symbol=symbol,
        place=PLACE,
        date=CONGRESS_DATE,
    )


def _item(presenter: str, *lines: str) -> ProgrammeItem:
    return ProgrammeItem(lines=lines, presenter=presenter)


def programme() -> ProgrammeSnapshot:
    """The seed's programme (CHƯƠNG TRÌNH), text corrected."""
    return ProgrammeSnapshot(
        header=congress_header(),
        summary_lines=SUMMARY,
        sessions=(
            ProgrammeSession(
                numeral="I",
                heading="Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)",
                items=(
                    _item("Đ/c Vân Anh", "Ổn định tổ chức; điểm danh đảng viên"),
                    _item("Đ/c Vân Anh", "Tuyên bố lý do, giới thiệu đại biểu"),
                    _item(
                        "Đ/c Hòa",
                        "- Khai mạc phiên trù bị;",
                        "- Bầu Đoàn Chủ tịch, Thư ký;",
                        "- Mời Đoàn Chủ tịch, Thư ký lên làm việc.",
                    ),
                    _item(
                        "Đ/c Vân Anh",
                        "- Thông qua Chương trình, Nội quy, Quy chế làm việc của Đại hội (biểu quyết);",
                        "- Phổ biến một số nội dung về Quy chế bầu cử trong Đảng.",
                    ),
                    _item(
                        "Đ/c Trình",
                        "Báo cáo tổng hợp ý kiến tham gia vào dự thảo các văn kiện trình Đại hội XIV "
                        "của Đảng, Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh",
                    ),
                    _item("Đ/c Hòa", "Quán triệt một số nội dung trong phiên chính thức"),
                ),
            ),
            ProgrammeSession(
                numeral="II",
                heading="Phiên chính thức: Từ 14h00, ngày 08/5/2025 (chiều thứ Năm)",
                items=(
                    _item("Đ/c Vân Anh", "- Ổn định tổ chức;", "- Chào cờ (hát Quốc ca, Quốc tế ca)."),
                    _item("Đ/c Vân Anh", "Mời Đoàn Chủ tịch, Đoàn Thư ký lên làm việc"),
                    _item("Đ/c Hòa", "Diễn văn khai mạc Đại hội"),
                    _item("Đ/c Vân Anh", "Giới thiệu, tặng hoa chúc mừng Đại hội"),
                    _item("Đ/c Vân Anh", "Báo cáo tình hình đảng viên tham dự Đại hội"),
                    _item("Đ/c Hòa", "Dự thảo Báo cáo chính trị trình Đại hội"),
                    _item("Đ/c Hòa", "Báo cáo kiểm điểm của Chi ủy nhiệm kỳ 2020 – 2025"),
                    _item("Đ/c Mai", "Đại hội tham luận lần 1"),
                    _item("Đ/c Làm", "Đại hội tham luận lần 2"),
                    _item(
                        "Đ/c Hòa",
                        "- Lãnh đạo Đảng bộ các cơ quan Đảng tỉnh phát biểu ý kiến chỉ đạo Đại hội;",
                        "- Phát biểu đáp từ.",
                    ),
                    _item(
                        "Đ/c Hòa",
                        "Bầu Chi ủy Chi bộ nhiệm kỳ 2025 – 2030:",
                        "+ Trình bày tóm tắt Đề án nhân sự Đại hội;",
                        "+ Bầu Ban Kiểm phiếu;",
                        "+ Ban Kiểm phiếu làm việc.",
                    ),
                    _item("Ban Kiểm phiếu", "Công bố kết quả bầu cử Chi ủy nhiệm kỳ 2025 – 2030"),
                    _item("Đ/c Hòa", "Bầu Bí thư Chi bộ nhiệm kỳ 2025 – 2030"),
                    _item("Đ/c Hòa", "Bầu Phó Bí thư Chi bộ nhiệm kỳ 2025 – 2030"),
                    _item("Đ/c Hòa", "Bầu đại biểu đi dự Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh"),
                    _item("Đ/c Hòa", "Chi ủy nhiệm kỳ 2025 – 2030 ra mắt Đại hội và phát biểu ý kiến"),
                    _item("Ban Kiểm phiếu", "Ban Kiểm phiếu bàn giao phiếu bầu"),
                    _item("Đ/c Thư ký", "Thông qua dự thảo Nghị quyết Đại hội"),
                    _item("Đ/c Hòa", "Diễn văn bế mạc Đại hội"),
                    _item("Đ/c Vân Anh", "Chào cờ (Quốc ca, Quốc tế ca)"),
                ),
            ),
        ),
    )


def rules() -> RulesSnapshot:
    """The seed's rules (NỘI QUY, 6 articles), text corrected."""
    return RulesSnapshot(
        header=congress_header(),
        summary_lines=SUMMARY,
        articles=(
            TextSection(
                heading="Điều 1.",
                paragraphs=(
                    "Thời gian làm việc của Đại hội: ngày 08/5/2025.",
                    "- Phiên trù bị: từ 8 giờ 00 phút ngày 08/5/2025.",
                    "- Phiên chính thức: từ 13 giờ 30 phút đến 16 giờ 30 phút ngày 08/5/2025.",
                ),
            ),
            TextSection(
                heading="Điều 2.",
                paragraphs=(
                    "Đại biểu Đại hội yêu cầu tham gia đầy đủ Chương trình làm việc của Đại hội và tuân thủ "
                    "theo điều hành của Đoàn Chủ tịch Đại hội.",
                    "Đại biểu dự Đại hội phải có mặt tại hội trường trước 10 phút, ngồi đúng vị trí do Ban "
                    "Tổ chức Đại hội quy định; giữ gìn trật tự, không sử dụng điện thoại, chuyển điện thoại "
                    "sang chế độ im lặng, không đọc sách báo và giải quyết việc riêng trong thời gian Đại hội "
                    "làm việc.",
                    "Trường hợp thật cần thiết phải vắng mặt, đại biểu phải báo cáo với Đoàn Chủ tịch Đại hội "
                    "và đại biểu chỉ vắng mặt khi Đoàn Chủ tịch đã đồng ý.",
                ),
            ),
            TextSection(
                heading="Điều 3.",
                paragraphs=(
                    "Việc biểu quyết tại Đại hội bằng thẻ đảng viên (hướng mặt trước của thẻ đảng viên về phía "
                    "Đoàn Chủ tịch). Các đại biểu đeo Huy hiệu Đảng; Huân, Huy chương (nếu có); đeo phù hiệu "
                    "Đại hội bên phía ngực trái, không để người khác sử dụng phù hiệu của mình.",
                ),
            ),
            TextSection(
                heading="Điều 4.",
                paragraphs=(
                    "Đại biểu có trách nhiệm giữ gìn an ninh, trật tự trong quá trình tổ chức Đại hội. Các đại "
                    "biểu bảo đảm sức khỏe cá nhân và nâng cao ý thức giữ gìn vệ sinh chung.",
                ),
            ),
            TextSection(
                heading="Điều 5.",
                paragraphs=(
                    "Trang phục trong Đại hội:",
                    "- Đại biểu nam: áo trắng, quần tối màu.",
                    "- Đại biểu nữ: áo dài truyền thống.",
                ),
            ),
            TextSection(
                heading="Điều 6.",
                paragraphs=(
                    "Đại biểu Đại hội và các tập thể, cá nhân liên quan có trách nhiệm thực hiện nghiêm túc "
                    "Nội quy này./.",
                ),
            ),
        ),
        signature=PRESIDIUM,
    )


def regulation() -> RegulationSnapshot:
    """The seed's working regulation (QUY CHẾ LÀM VIỆC, sections I–VI), text corrected."""
    return RegulationSnapshot(
        header=congress_header(),
        summary_lines=(
            "của Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
            "lần thứ VI, nhiệm kỳ 2025 – 2030",
        ),
        sections=(
            TextSection(
                heading="I. QUY ĐỊNH CHUNG",
                paragraphs=(
                    "1. Quy chế này được áp dụng trong Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật "
                    "tỉnh lần thứ VI, nhiệm kỳ 2025 – 2030, quy định về nhiệm vụ của các cơ quan điều hành và "
                    "giúp việc Đại hội; về đại biểu và một số quy định khác của Đại hội.",
                    "2. Đại hội làm việc theo nguyên tắc tập trung dân chủ; các quyết định của Đại hội phải được "
                    "trên một nửa (trên 50%) tổng số đảng viên chính thức được triệu tập đồng ý; các nội dung "
                    "thuộc thẩm quyền quyết định của Đoàn Chủ tịch phải được trên một nửa (trên 50%) số thành "
                    "viên tán thành.",
                ),
            ),
            TextSection(
                heading="II. TRÁCH NHIỆM, QUYỀN HẠN CỦA CÁC CƠ QUAN ĐIỀU HÀNH VÀ GIÚP VIỆC ĐẠI HỘI",
                subsections=(
                    TextSection(
                        heading="1. Cấp ủy nhiệm kỳ 2020 – 2025",
                        paragraphs=(
                            "- Báo cáo Đoàn Chủ tịch và Đại hội những vấn đề thuộc trách nhiệm của cấp ủy "
                            "thực hiện trong quá trình chuẩn bị Đại hội.",
                            "- Cung cấp cho Đoàn Chủ tịch các tài liệu liên quan đến Đại hội.",
                            "- Chỉ đạo hoạt động của Chi bộ cho đến khi cấp ủy khóa mới được bầu.",
                        ),
                    ),
                    TextSection(
                        heading="2. Đoàn Chủ tịch Đại hội",
                        paragraphs=(
                            "- Điều hành hoạt động của Đại hội theo Chương trình, Nội quy, Quy chế làm việc "
                            "đã được Đại hội biểu quyết thông qua; phân công thành viên điều hành các phiên "
                            "họp của Đại hội; chuẩn bị nội dung để Đại hội thảo luận, biểu quyết; chỉ đạo, "
                            "điều hành các hoạt động của Đại hội.",
                            "- Điều hành, quán triệt, tổ chức thực hiện việc bầu cử theo quy định của Điều "
                            "lệ Đảng và hướng dẫn của cấp ủy cấp trên; giải đáp những ý kiến của đại biểu về "
                            "nhân sự trong quá trình chuẩn bị bầu cử.",
                        ),
                    ),
                    TextSection(
                        heading="3. Đoàn Thư ký Đại hội",
                        paragraphs=(
                            "- Quản lý và phát hành tài liệu, ấn phẩm của Đại hội theo chỉ đạo của Đoàn Chủ "
                            "tịch. Thu nhận, bảo quản và gửi đến cấp ủy khóa mới đầy đủ hồ sơ, tài liệu, ấn "
                            "phẩm của Đại hội.",
                            "- Ghi biên bản tổng hợp ý kiến thảo luận, dự thảo các văn bản kết luận, nghị "
                            "quyết của Đại hội.",
                            "- Giúp Đoàn Chủ tịch tổng hợp kết quả ứng cử, đề cử phục vụ cho việc lập danh "
                            "sách bầu cử trước khi Đại hội bầu Ban Kiểm phiếu.",
                        ),
                    ),
                    TextSection(
                        heading="4. Ban Kiểm phiếu",
                        paragraphs=(
                            "- Hướng dẫn cách bỏ phiếu, kiểm tra, niêm phong thùng phiếu, phát phiếu trực tiếp "
                            "cho đại biểu, kiểm số phiếu phát ra và thu về báo cáo Đại hội, tổ chức kiểm phiếu.",
                            "- Xem xét và kết luận về các phiếu không hợp lệ và những ý kiến khiếu nại về việc "
                            "bầu cử trong Đại hội.",
                            "- Lập biên bản kiểm phiếu báo cáo với Đoàn Chủ tịch và công bố kết quả bầu cử; ký "
                            "vào biên bản bầu cử, niêm phong phiếu bầu và chuyển cho Đoàn Chủ tịch Đại hội để "
                            "bàn giao cho cấp ủy khóa mới lưu trữ theo quy định.",
                        ),
                    ),
                ),
            ),
            TextSection(
                heading="III. TRÁCH NHIỆM, QUYỀN HẠN CỦA ĐẢNG VIÊN",
                paragraphs=(
                    "1. Đảng viên dự Đại hội nêu cao ý thức trách nhiệm, tập trung trí tuệ tham gia ý kiến, "
                    "thảo luận, biểu quyết thông qua các quyết định của Đại hội; bầu cử theo Quy chế bầu cử; "
                    "tham gia các hoạt động của Đại hội theo sự điều hành của Đoàn Chủ tịch.",
                    "2. Đảng viên dự Đại hội có trách nhiệm giữ gìn, bảo quản tài liệu do Ban Tổ chức Đại hội "
                    "phát hành; không được tuyên truyền, phát tán các tài liệu không đúng quy định, không do "
                    "Ban Tổ chức Đại hội phát hành; không sao chép hoặc đưa ra ngoài những tài liệu của Đại hội "
                    "khi chưa có chủ trương công khai của Đoàn Chủ tịch Đại hội.",
                ),
            ),
            TextSection(
                heading="IV. CHẾ ĐỘ THÔNG TIN VÀ PHÁT BIỂU TRONG ĐẠI HỘI",
                subsections=(
                    TextSection(
                        heading="1. Phát biểu ý kiến tại hội trường",
                        paragraphs=(
                            "- Các ý kiến tham luận tại hội trường phải chuẩn bị bằng văn bản, đăng ký trước "
                            "(qua Đoàn Thư ký) và được sự nhất trí của Đoàn Chủ tịch. Mỗi đại biểu có thể phát "
                            "biểu nhiều lần nhưng thời gian mỗi lần không quá 5 phút.",
                            "- Khi cần phát biểu ý kiến, đảng viên ngồi tại chỗ giơ tay và chỉ được phát biểu "
                            "khi Đoàn Chủ tịch cho phép.",
                        ),
                    ),
                    TextSection(
                        heading="2. Chế độ thông tin và lưu hành tài liệu của Đại hội",
                        paragraphs=(
                            "Các thông tin, tài liệu của Đại hội thực hiện theo chế độ sử dụng và lưu hành nội "
                            "bộ. Việc đưa tin và diễn biến về kết quả Đại hội trên hệ thống thông tin do Đoàn Chủ "
                            "tịch chỉ đạo.",
                        ),
                    ),
                ),
            ),
            TextSection(
                heading="V. VỀ BẦU CỬ",
                paragraphs=(
                    "Đoàn Chủ tịch Đại hội lãnh đạo công tác bầu cử theo quy định của Điều lệ Đảng và Quy chế "
                    "bầu cử trong Đảng.",
                ),
            ),
            TextSection(
                heading="VI. HIỆU LỰC CỦA QUY CHẾ",
                paragraphs=(
                    "Quy chế này có hiệu lực trong suốt thời gian Đại hội. Các tổ chức và cá nhân có liên quan "
                    "có trách nhiệm thực hiện nghiêm túc; nếu vi phạm, tùy theo mức độ sẽ bị xem xét, xử lý "
                    "theo quy định./.",
                ),
            ),
        ),
        signature=PRESIDIUM,
    )


def ballot(kind: BallotKind = BallotKind.STRIKE_OUT) -> BallotSnapshot:
    """The Chi ủy ballot (3 of 4, strike-out), or the yes/no ballot for Bí thư."""
    if kind == BallotKind.YES_NO:
        return BallotSnapshot(
            upper_committee=UPPER_COMMITTEE,
            issuing_body_lines=CONGRESS_LINES,
            election_title="Bí thư Chi bộ nhiệm kỳ 2025 – 2030",
            seats=1,
            candidates=(CHAIR,),
            kind=BallotKind.YES_NO,
        )
    return BallotSnapshot(
        upper_committee=UPPER_COMMITTEE,
        issuing_body_lines=CONGRESS_LINES,
        election_title="Ban Chấp hành Chi bộ (Chi ủy) nhiệm kỳ 2025 – 2030",
        seats=3,
        candidates=CANDIDATES,
        kind=BallotKind.STRIKE_OUT,
    )


def _at(hour: int, minute: int, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, 5, 8, hour, minute, second, tzinfo=TZ)


def count_minutes(with_journal: bool = True) -> CountMinutesSnapshot:
    """Example E2 (election-rules.md §5): 11 convened, 1 exempted and absent → base 10."""
    votes = dict(zip(CANDIDATES, (9, 8, 6, 4), strict=True))
    candidates = tuple(
        CandidateResult(
            name=name, votes=n, outcome=Outcome.ELECTED if name != "Trần Đức Trình" else Outcome.NOT_ELECTED
        )
        for name, n in votes.items()
    )
    journal = ()
    if with_journal:
        journal = (
            JournalRow(at=_at(16, 5, 12), who="Lê Quang Huy (Trưởng ban)", what="Mở kiểm phiếu: 9 phiếu thu về."),
            JournalRow(at=_at(16, 9, 40), who="Đặng Thị Thu", what="Nhập 9 phiếu (lượt nhập thứ nhất)."),
            JournalRow(at=_at(16, 10, 2), who="Ngô Văn Khánh", what="Nhập 9 phiếu (lượt nhập thứ hai)."),
            JournalRow(at=_at(16, 10, 5), who="Hệ thống", what="Hai lượt nhập khớp nhau."),
            JournalRow(at=_at(16, 12, 30), who="Lê Quang Huy (Trưởng ban)", what="Xác nhận và niêm phong kết quả."),
        )
    return CountMinutesSnapshot(
        header=congress_header(number=1, symbol="BB/ĐH"),
        summary_lines=("Bầu Ban Chấp hành Chi bộ (Chi ủy) nhiệm kỳ 2025 – 2030",),
        congress_name=CONGRESS_NAME,
        venue=VENUE,
        election_title="Ban Chấp hành Chi bộ (Chi ủy) nhiệm kỳ 2025 – 2030",
        round_number=1,
        seats=3,
        board=BOARD,
        convened_official=11,
        exclusions=(Exclusion(label="Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt", count=1),),
        base=10,
        present_official=9,
        ballots_issued=9,
        ballots_collected=9,
        ballots_valid=9,
        ballots_invalid=0,
        candidates=candidates,
        count_started_at=_at(16, 5),
        count_finished_at=_at(16, 15),
        read_at=_at(16, 25),
        digest=hashlib.sha256(b"E2: base 10; A 9, B 8, C 6, D 4").hexdigest(),
        recipients=("Đoàn Chủ tịch Đại hội;", "Lưu hồ sơ Đại hội."),
        journal=journal,
    )


def attendance() -> AttendanceSnapshot:
    """Attendance consistent with E2: 11 official members, 9 present."""
    return AttendanceSnapshot(
        header=congress_header(number=1, symbol="BC/ĐH"),
        summary_lines=("Tình hình đảng viên tham dự Đại hội",),
        congress_name=CONGRESS_NAME,
        total_members=11,
        convened=11,
        present=9,
        by_status=(
            StatusRow(label="Đảng viên chính thức", convened=11, present=9),
            StatusRow(label="Đảng viên dự bị", convened=0, present=0),
        ),
        absent_with_reason=(
            AbsentMember(name="Phạm Ngọc Sơn", reason="Được miễn công tác và sinh hoạt đảng, đang điều trị bệnh"),
        ),
        absent_without_reason=(AbsentMember(name="Hoàng Minh Tuấn"),),
        exclusions=(Exclusion(label="Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt", count=1),),
        base=10,
        quorum_met=True,
        as_of=_at(14, 10),
        signature=PRESIDIUM,
        recipients=RECIPIENTS,
    )


#: kind → (description, factory) for ``manage.py render_document``.
SAMPLES = {
    "programme": ("Chương trình Đại hội", programme),
    "rules": ("Nội quy Đại hội", rules),
    "regulation": ("Quy chế làm việc của Đại hội", regulation),
    "count-minutes": ("Biên bản kiểm phiếu (ví dụ E2)", count_minutes),
    "attendance": ("Báo cáo tình hình đảng viên tham dự Đại hội", attendance),
}

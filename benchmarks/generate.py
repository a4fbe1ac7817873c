#!/usr/bin/env python3
"""Write N synthetic but realistic commune evidence files for a criteria set (seeded).

    python benchmarks/generate.py N OUTDIR [--seed S] [--criteria ID] [--force]

The files are for benchmarking parscore at national scale (about 10,600 communes before the
2025 reform, about 3,300 since). Every name, code, number and date in them is INVENTED. They
look like the shipped examples under ``evidence/`` (15-30 KB each): Vietnamese commune names
built from real-looking syllables (about one in ten typed in decomposed Unicode, NFD, to
exercise normalisation), five-digit codes as quoted text, a district and a province (about ten
provinces of about ten districts, so that ``compare`` has groups), and every sub-criterion of
the set filled with inputs that fit its rule, read from the set through parscore's API:

* documents (1-3 per item: number such as ``10/KH-UBND``, dd/mm/yyyy date, issuer, title and
  often the section that proves it), explanations (giải trình) on unmet or partial items;
* about 5% of the items missing (left out, or left empty as a template leaves them) and a few
  with inputs but no document (missing evidence);
* "nothing occurred" (``nothing_occurred: ...``) on the sub-criteria that declare such a case
  (6.4 is then not applicable), or a total of 0;
* ``claimed`` scores on about half the items; survey items as counts, percent or points;
  some bonus and penalty entries.

The output depends only on N, the seed and the criteria set: the same arguments write the same
bytes. The folder must be empty or new unless ``--force`` is given. Every file passes
``parscore validate`` with no warning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import textwrap
import time
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

YEAR = 2023
MARKER = ".parscore-bench.json"  # written beside the files: what made them (not a .yaml)
GENERATOR_VERSION = 1

# --- names -----------------------------------------------------------------------------------

# Syllables that Vietnamese place names are made of (with their diacritics).
SYLLABLES = (
    "An Bình Phú Thạnh Hòa Tân Long Mỹ Phước Thuận Vĩnh Quế Xuân Đông Tây Nam Bắc Trung Hưng "
    "Lộc Thành Hiệp Hải Sơn Lâm Điền Khánh Thọ Phong Quang Minh Đức Nghĩa Lợi Thắng Tiến Hà "
    "Giang Lạc Yên Định Chánh Cát Kim Ngọc Châu Hội Tường Triệu Đại Cẩm Gio Linh Hồng Thủy "
    "Thái Trà Chấp Khê Mai Liên Hợp Dương Phụng Bảo Hoằng Diễn Quỳnh Nghi Kỳ Hương Ân Tịnh "
    "Vạn Thiện Hiếu Trường Phổ Cường Thịnh Hậu Nhơn Hữu Lương Thượng Hạ Tam Tứ Ngũ Quảng Tư "
    "Đồng Sa Cừ Lũy Mường Nà Pác Tả Chiềng Ea Krông Đắk Ia Kon Nhuận Xá Ô Lý Đoài Kiều Thạch "
    "Trạch Hạnh Duy Tuy Triều Nguyên Vân Dũng Cảnh Lĩnh Nhân Tín Mậu Ninh Bồ Đề Nho Quan"
).split()

# Provinces as they were before the 2025 reform (real names; everything below them invented).
PROVINCES = (
    "Quảng Trị",
    "Quảng Nam",
    "Nghệ An",
    "Hà Tĩnh",
    "Thanh Hóa",
    "Thái Bình",
    "Bắc Giang",
    "Đồng Tháp",
    "Sóc Trăng",
    "Gia Lai",
    "Đắk Lắk",
    "Bình Định",
    "Phú Thọ",
    "Hải Dương",
    "Nam Định",
    "Quảng Ngãi",
    "Tiền Giang",
    "Bến Tre",
    "Lạng Sơn",
    "Sơn La",
    "Cà Mau",
    "Thừa Thiên Huế",
    "Ninh Bình",
    "Bình Thuận",
    "Tây Ninh",
    "Kiên Giang",
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")

REASONS = (
    "do thay đổi nhân sự phụ trách trong quý II",
    "do chờ hướng dẫn của cấp trên nên triển khai chậm",
    "do hạ tầng mạng tại một số thôn chưa ổn định",
    "do người dân lớn tuổi chưa quen sử dụng dịch vụ công trực tuyến",
    "do công chức phụ trách nghỉ chế độ thai sản từ tháng 6 đến tháng 11",
    "do thiếu kinh phí, đã đề nghị bổ sung vào dự toán năm sau",
    "do ảnh hưởng của mưa lũ trong tháng 10 và tháng 11",
    "do hồ sơ phải chờ xác minh tại địa phương khác",
    "do phần mềm của tỉnh nâng cấp, dữ liệu chưa đồng bộ trong tháng 7",
    "do chưa bố trí được người có chuyên môn phù hợp",
    "do một số chỉ tiêu được giao cao hơn khả năng thực hiện của địa phương",
)

# Reasons that fit a field better than the general ones above.
FIELD_REASONS = {
    "1": (
        "do một số nhiệm vụ phụ thuộc kinh phí cấp trên chưa bố trí",
        "do tổ chức cuộc thi tìm hiểu CCHC dời sang quý I năm sau",
    ),
    "2": ("do chờ ý kiến của Phòng Tư pháp huyện",),
    "3": (
        "do hồ sơ đất đai phải chờ xác minh nguồn gốc",
        "do người dân chưa có tài khoản định danh điện tử mức 2",
        "do máy quét tại Bộ phận Một cửa hỏng trong tháng 8",
    ),
    "4": ("do chờ quyết định sắp xếp đơn vị hành chính",),
    "5": (
        "do lớp bồi dưỡng của tỉnh trùng lịch tiếp công dân",
        "do 01 công chức đang học trung cấp lý luận chính trị",
    ),
    "6": (
        "do công trình chậm bàn giao mặt bằng",
        "do thu tiền sử dụng đất đạt thấp vì thị trường bất động sản trầm lắng",
    ),
    "7": (
        "do chứng thư số của lãnh đạo UBND hết hạn, văn bản phải ký tay",
        "do người dân quen nộp phí, lệ phí bằng tiền mặt",
    ),
    "8": (
        "do hạn hán vụ Hè Thu làm giảm giá trị sản xuất nông nghiệp",
        "do đơn thư phức tạp, phải chờ ý kiến của cơ quan chuyên môn cấp huyện",
    ),
}

REMEDIES = (
    "Xã đã rút kinh nghiệm và giao Văn phòng HĐND và UBND theo dõi, đôn đốc hằng tháng.",
    "Đã đưa vào kế hoạch năm sau, hoàn thành trong quý I.",
    "UBND xã đã chỉ đạo khắc phục và báo cáo UBND cấp trên.",
    "Tổ công tác tự đánh giá đã đối chiếu số liệu với hệ thống của tỉnh.",
    "Công chức phụ trách đã được nhắc nhở, bổ sung hồ sơ lưu.",
)

BONUS_REASONS = (
    "Sáng kiến '{x}' được UBND huyện {d} công nhận",
    "Mô hình '{x}' được UBND tỉnh {p} biểu dương",
    "Đội tuyên truyền của {k} {n} đạt giải Ba hội thi tìm hiểu CCHC huyện {d}",
    "Mô hình '{x}' được Sở Nội vụ tỉnh {p} chọn nhân rộng",
)
INITIATIVES = (
    "Một cửa không giấy",
    "Thôn thông minh",
    "Trả kết quả TTHC tại nhà cho người cao tuổi",
    "Tổ công nghệ số cộng đồng",
    "Sổ tay TTHC bằng mã QR",
    "Ngày thứ Bảy vì dân",
    "Zalo OA tiếp nhận phản ánh",
    "Bản đồ số hộ kinh doanh",
)
PENALTY_REASONS = (
    "Chậm gửi báo cáo CCHC quý {q} theo yêu cầu của UBND huyện {d}",
    "Bị UBND huyện {d} nhắc nhở vì để hồ sơ TTHC trễ hạn không có phiếu xin lỗi",
    "Chậm cập nhật số liệu số hóa hồ sơ TTHC quý {q}",
    "Bị phê bình vì yêu cầu thành phần hồ sơ ngoài quy định",
)

NOTHING = {
    "1.3.2": "Các đợt kiểm tra CCHC năm {y} không phát hiện tồn tại, hạn chế",
    "2.1": "Năm {y} HĐND, UBND {k} không được giao ban hành văn bản quy phạm pháp luật",
    "2.2": "Rà soát năm {y} không phát hiện văn bản trái quy định",
    "3.3": "Năm {y} không có hồ sơ TTHC trễ hạn",
    "3.6": "Năm {y} {k} không tiếp nhận phản ánh, kiến nghị nào về quy định hành chính",
    "6.4": "Năm {y} {k} không được giao kế hoạch vốn đầu tư công",
    "8.3": "Năm {y} không phát sinh đơn thư thuộc thẩm quyền giải quyết của {k}",
}

# --- the documents a commune's year produces -------------------------------------------------
# key: (doc type, month range, issuer level, title); level: xa | huyen | tinh | snv | kbnn | to
CORE_DOCS = {
    "plan": ("KH", (1, 2), "xa", "Kế hoạch cải cách hành chính {k} {n} năm {y}"),
    "budget": ("QĐ", (1, 1), "xa", "Quyết định giao dự toán thu, chi ngân sách {k} năm {y}"),
    "report_q1": ("BC", (3, 3), "xa", "Báo cáo công tác CCHC quý I năm {y}"),
    "report_h1": ("BC", (6, 6), "xa", "Báo cáo công tác CCHC 6 tháng đầu năm {y}"),
    "report_q3": ("BC", (9, 9), "xa", "Báo cáo công tác CCHC quý III năm {y}"),
    "report_year": (
        "BC",
        (12, 12),
        "xa",
        "Báo cáo kết quả thực hiện công tác cải cách hành chính năm {y}",
    ),
    "inspect_plan": ("KH", (2, 3), "xa", "Kế hoạch kiểm tra công tác cải cách hành chính năm {y}"),
    "inspect_minutes": (
        "BB-KTCCHC",
        (5, 7),
        "to",
        "Biên bản kiểm tra công tác CCHC tại Bộ phận Một cửa và các công chức chuyên môn",
    ),
    "inspect_fix": (
        "BC",
        (10, 11),
        "xa",
        "Báo cáo kết quả khắc phục tồn tại sau kiểm tra CCHC năm {y}",
    ),
    "propaganda_plan": ("KH", (2, 3), "xa", "Kế hoạch tuyên truyền cải cách hành chính năm {y}"),
    "initiative": (
        "TTr",
        (7, 9),
        "xa",
        "Tờ trình đề nghị công nhận sáng kiến cải tiến thủ tục hành chính",
    ),
    "initiative_ok": ("QĐ", (10, 11), "huyen", "Quyết định công nhận sáng kiến cấp huyện năm {y}"),
    "legal_report": (
        "BC",
        (1, 1),
        "xa",
        "Báo cáo công tác xây dựng, kiểm tra, rà soát VBQPPL năm {py} và kế hoạch năm {y}",
    ),
    "legal_review": (
        "KH",
        (2, 2),
        "xa",
        "Kế hoạch rà soát, kiểm tra văn bản quy phạm pháp luật năm {y}",
    ),
    "legal_repeal": (
        "QĐ",
        (6, 8),
        "xa",
        "Quyết định bãi bỏ văn bản hành chính có nội dung không còn phù hợp",
    ),
    "law_plan": ("KH", (1, 2), "xa", "Kế hoạch phổ biến, giáo dục pháp luật năm {y}"),
    "law_report": (
        "BC",
        (11, 11),
        "xa",
        "Báo cáo kết quả công tác PBGDPL và theo dõi thi hành pháp luật năm {y}",
    ),
    "tthc_list": (
        "QĐ",
        (3, 8),
        "tinh",
        "Quyết định công bố danh mục TTHC thuộc thẩm quyền giải quyết của UBND cấp xã",
    ),
    "tthc_post": (
        "BC",
        (9, 10),
        "xa",
        "Báo cáo rà soát niêm yết công khai TTHC tại Bộ phận Một cửa",
    ),
    "tthc_report": (
        "BC",
        (12, 12),
        "xa",
        "Báo cáo tình hình, kết quả giải quyết TTHC năm {y} "
        "(số liệu Hệ thống thông tin giải quyết TTHC tỉnh {p})",
    ),
    "onestop": (
        "QĐ",
        (1, 1),
        "xa",
        "Quyết định kiện toàn Bộ phận Tiếp nhận và Trả kết quả {k} {n}",
    ),
    "work_rules": (
        "QĐ",
        (2, 3),
        "xa",
        "Quyết định ban hành Quy chế làm việc của UBND {k} {n} nhiệm kỳ 2021–2026 (sửa đổi)",
    ),
    "duties": ("QĐ", (2, 3), "xa", "Quyết định phân công nhiệm vụ cán bộ, công chức {k}"),
    "quota": ("QĐ", (4, 5), "huyen", "Quyết định giao số lượng cán bộ, công chức cấp xã năm {y}"),
    "delegation": ("BC", (11, 12), "xa", "Báo cáo kết quả thực hiện phân cấp, ủy quyền năm {y}"),
    "job_positions": (
        "QĐ",
        (6, 8),
        "huyen",
        "Quyết định phê duyệt vị trí việc làm công chức cấp xã",
    ),
    "staff_report": (
        "BC",
        (11, 11),
        "xa",
        "Báo cáo chất lượng đội ngũ cán bộ, công chức {k} năm {y}",
    ),
    "training_plan": ("KH", (2, 3), "xa", "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm {y}"),
    "spending_rules": ("QĐ", (1, 1), "xa", "Quyết định ban hành Quy chế chi tiêu nội bộ năm {y}"),
    "budget_public": (
        "QĐ",
        (1, 1),
        "xa",
        "Quyết định công bố công khai dự toán ngân sách {k} {n} năm {y}",
    ),
    "budget_posted": (
        "BB",
        (1, 2),
        "xa",
        "Biên bản niêm yết công khai dự toán ngân sách tại trụ sở UBND",
    ),
    "audit": (
        "KL",
        (8, 10),
        "huyen",
        "Kết luận kiểm tra công tác quản lý tài chính, ngân sách xã năm {py}",
    ),
    "investment": (
        "BC",
        (12, 12),
        "kbnn",
        "Báo cáo tình hình giải ngân vốn đầu tư công năm {y} (Kho bạc Nhà nước xác nhận)",
    ),
    "investment_plan": ("QĐ", (1, 2), "huyen", "Quyết định giao kế hoạch vốn đầu tư công năm {y}"),
    "digital_report": (
        "BC",
        (12, 12),
        "xa",
        "Báo cáo kết quả chuyển đổi số năm {y} (số liệu Hệ thống quản lý văn bản và điều hành)",
    ),
    "website": (
        "QĐ",
        (3, 4),
        "xa",
        "Quyết định phân công quản trị, cập nhật Trang thông tin điện tử {k}",
    ),
    "kt_xh": (
        "BC",
        (12, 12),
        "xa",
        "Báo cáo tình hình kinh tế – xã hội năm {y}, phương hướng nhiệm vụ năm {ny}",
    ),
    "kt_xh_nq": (
        "NQ-HĐND",
        (1, 1),
        "xa_hdnd",
        "Nghị quyết về nhiệm vụ phát triển kinh tế – xã hội năm {y}",
    ),
    "revenue": ("BC", (12, 12), "xa", "Báo cáo ước thực hiện thu, chi ngân sách {k} năm {y}"),
    "complaints": (
        "BC",
        (11, 12),
        "xa",
        "Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm {y}",
    ),
    "survey": (
        "BC-SNV",
        (11, 11),
        "snv",
        "Báo cáo kết quả điều tra xã hội học đo lường sự hài lòng cấp xã năm {y}",
    ),
}

# Which documents prove each sub-criterion of ref-commune-2023 (first ones first). A set that
# has other ids gets the yearly report and the plan.
ITEM_DOCS = {
    "1.1.1": ("plan",),
    "1.1.2": ("plan", "budget"),
    "1.1.3": ("plan",),
    "1.1.4": ("report_year", "plan"),
    "1.2.1": ("report_q1", "report_h1", "report_q3", "report_year"),
    "1.2.2": ("report_year", "report_h1"),
    "1.3.1": ("inspect_plan",),
    "1.3.2": ("inspect_minutes", "inspect_fix"),
    "1.4": ("propaganda_plan", "report_year"),
    "1.5": ("initiative", "initiative_ok"),
    "2.1": ("legal_report",),
    "2.2": ("legal_review", "legal_repeal"),
    "2.3": ("law_plan", "law_report"),
    "3.1": ("tthc_list", "tthc_post"),
    "3.2": ("tthc_report",),
    "3.3": ("tthc_report",),
    "3.4": ("tthc_report",),
    "3.5": ("tthc_report",),
    "3.6": ("tthc_report",),
    "3.7": ("onestop",),
    "4.1": ("work_rules", "duties"),
    "4.2": ("quota", "staff_report"),
    "4.3": ("delegation", "report_year"),
    "5.1": ("job_positions",),
    "5.2": ("staff_report",),
    "5.3": ("training_plan", "staff_report"),
    "5.4": ("staff_report",),
    "6.1": ("spending_rules",),
    "6.2": ("budget_public", "budget_posted"),
    "6.3": ("report_year", "audit"),
    "6.4": ("investment", "investment_plan"),
    "7.1": ("digital_report",),
    "7.2": ("tthc_report", "digital_report"),
    "7.3": ("digital_report",),
    "7.4": ("digital_report",),
    "7.5": ("digital_report", "website"),
    "8.1": ("kt_xh", "kt_xh_nq"),
    "8.2": ("revenue", "budget"),
    "8.3": ("complaints",),
}

# Typical totals (low, high) and shares (low, high) for the ratio sub-criteria of the set.
TOTALS = {
    "1.1.4": (15, 40),
    "1.3.2": (2, 8),
    "2.2": (1, 5),
    "3.1": (90, 130),
    "3.2": (300, 4000),
    "3.4": (300, 4200),
    "3.5": (300, 4000),
    "3.6": (1, 12),
    "5.2": (17, 24),
    "5.3": (8, 30),
    "6.4": (500, 9000),
    "7.1": (500, 2500),
    "7.3": (200, 1500),
    "8.1": (12, 22),
    "8.2": (800, 6000),
    "8.3": (1, 15),
}
SHARES = {
    "3.2": (0.9, 1.0),
    "3.4": (0.08, 0.7),
    "3.5": (0.3, 1.0),
    "7.1": (0.7, 1.0),
    "7.3": (0.05, 0.6),
    "8.2": (0.75, 1.25),
    "6.4": (0.7, 1.0),
    "3.1": (0.93, 1.0),
}
SURVEY_RESPONSES = (100, 400)

# Chance that a sub-criterion declaring "nothing occurred" is claimed as such.
NOTHING_CHANCE = {
    "6.4": 0.2,
    "2.1": 0.3,
    "2.2": 0.15,
    "3.6": 0.3,
    "3.3": 0.15,
    "8.3": 0.1,
    "1.3.2": 0.05,
}

MISSING = 0.05  # items with no evidence at all (left out, or left empty)
NO_DOCUMENT = 0.01  # items with inputs but no document nor explanation


def slug(text: str) -> str:
    """ASCII file-name form of a Vietnamese name: 'Vĩnh Chấp 2' -> 'vinh-chap-2'."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def vn_number(value: Decimal | float, places: int = 1) -> str:
    """86,3 — the decimal comma of Vietnamese prose (explanations only, never inputs)."""
    return f"{value:.{places}f}".replace(".", ",")


def dmy(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# --- one commune -----------------------------------------------------------------------------


class Commune:
    def __init__(
        self,
        rng: random.Random,
        name: str,
        code: str,
        kind: str,
        district: str,
        province: str,
        index: int,
        seed: int,
    ):
        self.rng = rng
        self.name = name
        self.code = code
        self.kind = kind
        self.district = district
        self.province = province
        self.index = index
        self.seed = seed
        # how well the commune does, 0.55..1: every share and chance leans on it
        self.quality = 0.55 + 0.45 * (rng.random() ** 0.6)
        self.counter = rng.randint(1, 6)  # documents numbered in date order, as registers are
        self.rate = rng.uniform(0.35, 0.9)  # documents issued per day
        self.docs: dict[str, dict[str, str]] = {}
        self.shared: dict[str, int] = {}

    # words
    @property
    def ubnd(self) -> str:
        return f"UBND {self.kind} {self.name}"

    def fmt(self, text: str) -> str:
        return text.format(
            k=self.kind,
            n=self.name,
            y=YEAR,
            py=YEAR - 1,
            ny=YEAR + 1,
            p=self.province,
            d=self.district,
        )

    def issuer(self, level: str) -> str:
        return {
            "xa": self.ubnd,
            "xa_hdnd": f"HĐND {self.kind} {self.name}",
            "to": f"Tổ kiểm tra CCHC {self.kind} {self.name}",
            "huyen": f"UBND huyện {self.district}",
            "tinh": f"UBND tỉnh {self.province}",
            "snv": f"Sở Nội vụ tỉnh {self.province}",
            "kbnn": f"Kho bạc Nhà nước {self.district}",
        }[level]

    def document(self, key: str) -> dict[str, str]:
        """The commune's document ``key`` (made once, then cited wherever it proves something)."""
        doc = self.docs.get(key)
        if doc is None:
            kind, (m1, m2), level, title = CORE_DOCS[key]
            rng = self.rng
            month = rng.randint(m1, m2)
            day = dt.date(YEAR, month, rng.randint(1, 28))
            if level in ("xa", "to", "xa_hdnd"):
                number = max(1, int(day.timetuple().tm_yday * self.rate) + rng.randint(0, 5))
                suffix = {"xa": "-UBND", "to": "", "xa_hdnd": ""}[level]
            else:
                number = rng.randint(120, 4200) if level != "snv" else rng.randint(200, 2600)
                suffix = {"huyen": "-UBND", "tinh": "-UBND", "snv": "", "kbnn": "-KBNN"}[level]
                if kind == "BC" and level == "kbnn":
                    kind, suffix = "BC", "-KBNN"
            doc = {
                "number": f"{number:02d}/{kind}{suffix}",
                "date": dmy(day),
                "issuer": self.issuer(level),
                "title": self.fmt(title),
            }
            self.docs[key] = doc
        return doc

    def section(self, field: str) -> str:
        rng = self.rng
        roman = ROMAN[(int(field) - 1) % 8] if field.isdigit() else "I"
        return rng.choice(
            (
                f"Mục {roman}.{rng.randint(1, 6)}",
                f"Mục {roman}, trang {rng.randint(2, 14)}",
                f"Phụ lục {rng.randint(1, 6):02d}",
                f"Biểu số {rng.randint(1, 12):02d}",
                f"Phụ lục {rng.randint(1, 4):02d}, dòng {rng.randint(3, 40)}",
                "Toàn văn",
            )
        )


def ratio_values(
    c: Commune, node: Any, part: Any, total: Any, may_exceed: bool, nothing: bool
) -> tuple[dict[str, Any], float]:
    """Inputs of a part/total rule (counts or a percent) and the share they give."""
    rng = c.rng
    low, high = TOTALS.get(node.id, (5, 200))
    if nothing:
        count = 0
    elif node.id in ("3.2", "3.5"):  # the same dossiers settled
        count = c.shared.setdefault("settled", rng.randint(low, high))
    elif node.id == "3.4":  # received is a little more than settled
        count = c.shared.setdefault("settled", rng.randint(low, high)) + rng.randint(0, 60)
    else:
        count = rng.randint(low, high)
    lo, hi = SHARES.get(node.id, (0.55, 1.0))
    if rng.random() < c.quality**2 and not may_exceed and node.id not in ("3.4", "7.3"):
        share = 1.0  # everything done: the common case for well-run communes
    else:
        share = lo + (hi - lo) * min(1.0, max(0.0, rng.gauss(c.quality, 0.12)))
    if not may_exceed:
        share = min(share, 1.0)
    if count and rng.random() < 0.15:  # given as a percentage
        percent = Decimal(f"{share * 100:.1f}")
        if not may_exceed:
            percent = min(percent, Decimal(100))
        return {"percent": percent}, float(percent) / 100
    if total.type == "number":  # a score or an amount of money: decimals allowed
        if node.id == "7.4":
            scale = Decimal(100)
            score = (
                Decimal(f"{rng.uniform(55, 98):.1f}")
                if rng.random() < 0.4
                else Decimal(rng.randint(55, 98))
            )
            return {part.name: score, total.name: scale}, float(score) / 100
        amount = Decimal(count) + Decimal(rng.randint(0, 9)) / 10
        got = (amount * Decimal(f"{share:.4f}")).quantize(Decimal("0.1"))
        if not may_exceed:
            got = min(got, amount)
        return {part.name: got, total.name: amount}, float(got / amount) if amount else 1.0
    got = round(count * share)
    if not may_exceed:
        got = min(got, count)
    return {part.name: got, total.name: count}, (got / count if count else 1.0)


def item_values(c: Commune, node: Any, specs: list[Any]) -> tuple[dict[str, Any], bool, str]:
    """(inputs, whether the outcome is short of full, a few words on what fell short)."""
    from parscore.rules.base import ShareKind  # parscore is imported once a set is loaded

    rng = c.rng
    kind = node.kind.name
    rule = node.rule
    good = c.quality
    if kind == "pass_fail":
        met = rng.random() < good**0.7
        return {"met": met}, not met, "chưa đạt yêu cầu"
    if kind == "levels":
        ids = [s for s in specs[0].choices]
        pick = ids[0] if rng.random() < good**0.8 else rng.choice(ids[1:])
        return {"level": pick}, pick != ids[0], "chưa đạt mức cao nhất"
    if kind == "checklist":
        values = {s.name: rng.random() < good**0.5 for s in specs}
        return values, not all(values.values()), "chưa đạt đủ các yêu cầu"
    if kind == "judged":
        steps = int(node.max / rule.step)
        k = max(0, min(steps, round(steps * rng.gauss(good, 0.15))))
        return {"points": (rule.step * k).normalize()}, k < steps, "chưa đạt tối đa"
    if kind == "count_bands" or kind == "deduction":
        name = specs[0].name
        count = 0 if rng.random() < good**0.5 else rng.randint(1, 2)
        return {name: count}, count > 0, f"có {count:02d} trường hợp"
    if kind == "all_conditions":
        values = {s.name: rng.random() < good**0.3 for s in specs}
        return values, not all(values.values()), "chưa đạt đủ các điều kiện"
    if kind == "deliverables":  # each report sent a few days before its due date, or late
        values = {}
        for d in rule.deliverables:
            due = d.due_in(YEAR)
            early = rng.randint(0, 6) if rng.random() < good**0.3 else -rng.randint(1, 10)
            values[d.id] = dmy(due - dt.timedelta(days=early))
        late = any(
            dt.datetime.strptime(values[d.id], "%d/%m/%Y").date() > d.due_in(YEAR)
            for d in rule.deliverables
        )
        return values, late, "có báo cáo gửi chậm"
    if kind == "timeliness":
        return {}, False, ""  # dates and status are set with the documents
    if issubclass(node.kind, ShareKind):  # a share: part of a total, or a percentage
        values, share = ratio_values(
            c, node, rule.part, rule.total, getattr(rule, "may_exceed", False), False
        )
        return values, share < 1.0, f"đạt {vn_number(share * 100)}%"
    # a rule kind this generator does not know: give what the specs say, plainly
    values = {}
    for spec in specs:
        if spec.group and spec.group != specs[0].group:
            continue
        values[spec.name] = {
            "bool": True,
            "count": 1,
            "number": Decimal(1),
            "percent": Decimal(100),
            "points": Decimal(0),
            "date": dmy(dt.date(YEAR, 1, 15)),
            "choice": spec.choices[0] if spec.choices else "",
        }[spec.type]
    return values, False, ""


REPORTERS = ("Văn phòng HĐND và UBND", "Bộ phận Một cửa", "công chức chuyên môn")

NOTES = (
    "Số liệu đã được đối chiếu với Hệ thống thông tin giải quyết TTHC của tỉnh.",
    "Hồ sơ lưu đầy đủ tại Văn phòng HĐND và UBND, sẵn sàng cho đoàn thẩm định kiểm tra.",
    "Kết quả đã được báo cáo tại hội nghị sơ kết của UBND cấp trên.",
)


def explanation(c: Commune, node: Any, short: str | None) -> str:
    rng = c.rng
    name = node.name.get("vi")
    if short is None:  # met, explained anyway
        return f"{name}: đạt yêu cầu. {rng.choice(NOTES)}"
    field = node.id.split(".")[0]
    reasons = FIELD_REASONS.get(field, ()) if rng.random() < 0.6 else ()
    text = f"{name}: {short} {rng.choice(reasons or REASONS)}. {rng.choice(REMEDIES)}"
    if rng.random() < 0.4:
        text += (
            f" Số liệu tổng hợp đến ngày {rng.randint(15, 30)}/11/{YEAR} theo báo cáo "
            f"của {rng.choice(REPORTERS)}."
        )
    return text


def claimed(c: Commune, node: Any) -> Decimal:
    rng = c.rng
    if rng.random() < 0.6:
        return node.max
    quarters = int(node.max * 4)
    return (Decimal(rng.randint(0, quarters)) / 4).normalize()


def emit_doc(lines: list[str], doc: dict[str, str], section: str | None, block: bool) -> None:
    fields = dict(doc)
    if section:
        fields["section"] = section
    if block:
        first = True
        for key, value in fields.items():
            lines.append(f"      {'- ' if first else '  '}{key}: {q(value)}")
            first = False
    else:
        inner = ", ".join(f"{key}: {q(value)}" for key, value in fields.items())
        lines.append(f"      - {{{inner}}}")


def emit_text(lines: list[str], key: str, text: str, indent: int = 4) -> None:
    pad = " " * indent
    if len(text) < 90:
        lines.append(f"{pad}{key}: {q(text)}")
        return
    lines.append(f"{pad}{key}: >-")
    for part in textwrap.wrap(text, 92 - indent):
        lines.append(f"{pad}  {part}")


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text
    if isinstance(value, int):
        return str(value)
    if re.fullmatch(r"[a-z_]+", value):
        return value
    return q(value)


def commune_text(
    c: Commune, cs: Any, leaves: list[Any], survey_ids: list[str], fields: dict[str, Any]
) -> tuple[str, dict[str, int]]:
    rng = c.rng
    stats = {"items": 0, "missing": 0, "nothing": 0, "claimed": 0}
    k = c.kind
    assessed_by = (
        f"Tổ công tác tự đánh giá CCHC {k} {c.name} (Quyết định số {rng.randint(150, 260)}"
        f"/QĐ-UBND ngày {rng.randint(10, 28):02d}/11/{YEAR})"
    )
    lines = [
        "# " + "=" * 93,
        f"# TỆP TỔNG HỢP (SYNTHETIC) — Tệp minh chứng tự đánh giá Chỉ số CCHC năm {YEAR}, "
        f"{k} {c.name}",
        f"# (huyện {c.district}, tỉnh {c.province}).",
        "# Sinh tự động bởi benchmarks/generate.py để đo hiệu năng parscore "
        f"(seed {c.seed}, tệp số {c.index + 1}).",
        "# Mọi tên xã, tên huyện, mã số, số liệu, số hiệu văn bản, ngày tháng và giải trình đều",
        "# BỊA ĐẶT; chỉ tên tỉnh là có thật. Không dùng tệp này cho mục đích chính thức nào.",
        "#",
        f"# SYNTHETIC evidence file for the {YEAR} PAR INDEX, written by benchmarks/generate.py to",
        "# benchmark parscore. Every commune and district name, code, figure, document number,",
        "# date and explanation is INVENTED; only the province names are real. Not official.",
        "# " + "=" * 93,
        "",
        "unit:",
        f"  name: {q(c.name)}",
        f"  code: {q(c.code)}",
        f"  kind: {q(c.kind)}",
        "  parents:",
        f"    - {{level: district, name: {q(c.district)}}}",
        f"    - {{level: province, name: {q(c.province)}}}",
        f"year: {YEAR}",
        f"criteria: {q(cs.id)}",
        "assessment:",
        f"  by: {q(assessed_by)}",
        f"  date: {q(dmy(dt.date(YEAR, 12, rng.randint(1, 20))))}",
        "",
        "items:",
    ]
    current_field = None
    survey_set = set(survey_ids)
    for node in leaves:
        if node.id in survey_set:
            continue
        field_id = node.id.split(".")[0]
        if field_id != current_field:
            current_field = field_id
            field = fields.get(field_id)
            if field is not None:
                lines.append("")
                lines.append(
                    f"  # ===== {field.id}. {field.name.get('vi')} ({field.max} điểm) ====="
                )
        lines.append("")
        stats["items"] += 1
        specs = node.kind.inputs(node.rule)
        roll = rng.random()
        if roll < MISSING:
            stats["missing"] += 1
            if roll < MISSING * 0.6:
                lines.append(
                    f"  # {node.id}: chưa có minh chứng "
                    f"(đang chờ {node.lead or 'bộ phận chủ trì'} bổ sung)"
                )
                continue
            lines.append(f"  {q(node.id)}:")  # left empty, as a template leaves it
            for spec in specs[:2] if node.kind.name != "timeliness" else specs[:1]:
                lines.append(f"    {spec.name}:")
            lines.append("    documents:")
            continue
        lines.append(f"  {q(node.id)}:")
        doc_keys = ITEM_DOCS.get(node.id, ("report_year", "plan"))
        nothing = node.when_nothing_occurred is not None and rng.random() < NOTHING_CHANCE.get(
            node.id, 0.05
        )
        short = False
        why = ""
        if nothing:
            stats["nothing"] += 1
            if rng.random() < 0.7 or node.kind.name not in ("bands", "proportional"):
                template = NOTHING.get(node.id, "Năm {y} không phát sinh nội dung này tại {k}")
                lines.append(
                    f"    nothing_occurred: {q(template.format(y=YEAR, k=f'{k} {c.name}'))}"
                )
            else:  # a total of 0 says the same thing
                rule = node.rule
                lines.append(f"    {rule.part.name}: 0")
                lines.append(f"    {rule.total.name}: 0")
        elif node.kind.name == "timeliness":
            due = node.rule.due_in(YEAR) if node.rule.due else None
            first = c.document(doc_keys[0])
            if due is None:  # the evidence gives the due date, or the status
                if rng.random() < 0.5:
                    lines.append(f"    due: {q(dmy(dt.date(YEAR, 1, 31)))}")
                    short = dt.datetime.strptime(first["date"], "%d/%m/%Y").date() > dt.date(
                        YEAR, 1, 31
                    )
                else:
                    status = "on_time" if rng.random() < c.quality else "late"
                    lines.append(f"    status: {status}")
                    short = status != "on_time"
            else:
                short = dt.datetime.strptime(first["date"], "%d/%m/%Y").date() > due
            why = "ban hành chậm so với hạn"
        else:
            values, short, why = item_values(c, node, specs)
            for name, value in values.items():
                lines.append(f"    {name}: {value_text(value)}")
        # documents, unless this is one of the few items with none
        # (not for judged points, which need their explanation, nor for a timeliness item,
        # whose date comes from its document)
        no_docs = (
            rng.random() < NO_DOCUMENT
            and not nothing
            and node.kind.name not in ("judged", "timeliness")
        )
        if not no_docs:
            count = min(len(doc_keys), rng.choice((1, 1, 2, 2, 3)))
            if node.kind.name == "timeliness":
                count = max(1, count)
            block = rng.random() < 0.55
            lines.append("    documents:")
            for key in doc_keys[:count]:
                section = c.section(field_id) if rng.random() < 0.6 else None
                emit_doc(lines, c.document(key), section, block)
            if count < 3 and rng.random() < 0.25:  # one more: the yearly report, a section of it
                extra = "report_year" if "report_year" not in doc_keys[:count] else "plan"
                emit_doc(lines, c.document(extra), c.section(field_id), block)
        if (short or node.kind.name == "judged") and not no_docs:
            emit_text(lines, "explanation", explanation(c, node, why or "chưa đạt tối đa"))
        elif not short and not nothing and rng.random() < 0.12:
            emit_text(lines, "explanation", explanation(c, node, None))
        if rng.random() < 0.5:
            stats["claimed"] += 1
            lines.append(f"    claimed: {value_text(claimed(c, node))}")

    # --- survey: received from the surveying body -----------------------------------------------
    if survey_ids:
        lines += [
            "",
            f"# ===== Điều tra xã hội học — do Sở Nội vụ tỉnh {c.province} chấm =====",
            "survey:",
        ]
        style = rng.choice(("counts", "percent", "points", "mixed"))
        for index, sid in enumerate(survey_ids):
            node = next(n for n in leaves if n.id == sid)
            kind = style if style != "mixed" else rng.choice(("counts", "percent", "points"))
            lines.append(f"  {q(sid)}:")
            responses = rng.randint(*SURVEY_RESPONSES)
            share = min(1.0, max(0.3, rng.gauss(c.quality * 0.95, 0.06)))
            if kind == "counts":
                lines.append(f"    satisfied: {round(responses * share)}")
                lines.append(f"    responses: {responses}")
            elif kind == "percent":
                lines.append(f"    percent: {share * 100:.1f}")
            else:
                points = min(node.max, Decimal(f"{float(node.max) * share:.2f}"))
                lines.append(f"    points: {format(points, 'f')}")
            if index == 0:
                lines.append("    documents:")
                doc = dict(c.document("survey"))
                emit_doc(lines, doc, f"Phụ lục {rng.randint(2, 6)}, dòng {k} {c.name}", False)

    # --- bonus and penalty ----------------------------------------------------------------------
    if cs.bonus is not None and rng.random() < 0.4:
        lines += ["", "bonus:"]
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            reason = rng.choice(BONUS_REASONS).format(
                x=rng.choice(INITIATIVES), d=c.district, p=c.province, k=k, n=c.name
            )
            lines.append(f"  - reason: {q(reason)}")
            lines.append("    documents:")
            doc = {
                "number": f"{rng.randint(1200, 4200)}/QĐ-UBND",
                "date": dmy(dt.date(YEAR, rng.randint(8, 12), rng.randint(1, 28))),
                "issuer": c.issuer(rng.choice(("huyen", "tinh"))),
                "title": "Quyết định công nhận sáng kiến, mô hình cải cách hành chính tiêu biểu",
            }
            emit_doc(lines, doc, None, False)
    if cs.penalty is not None and rng.random() < 0.25:
        lines += ["", "penalty:"]
        for _ in range(rng.choice((1, 1, 2))):
            reason = rng.choice(PENALTY_REASONS).format(
                q=rng.choice(("I", "II", "III")), d=c.district
            )
            lines.append(f"  - reason: {q(reason)}")
            if rng.random() < 0.3:
                lines.append(f"    points: {rng.choice(('0.25', '0.5'))}")
            lines.append("    documents:")
            doc = {
                "number": f"{rng.randint(800, 2600)}/UBND-NV",
                "date": dmy(dt.date(YEAR, rng.randint(4, 11), rng.randint(1, 28))),
                "issuer": c.issuer("huyen"),
                "title": "Công văn nhắc nhở, chấn chỉnh công tác cải cách hành chính",
            }
            emit_doc(lines, doc, None, False)
    lines.append("")
    return "\n".join(lines), stats


# --- many communes ---------------------------------------------------------------------------


def place_name(rng: random.Random, taken: set[str]) -> str:
    for _ in range(1000):
        name = " ".join(rng.sample(SYLLABLES, 2))
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of names")  # pragma: no cover


def layout(rng: random.Random, n: int) -> list[tuple[str, str, str, str, str]]:
    """(name, code, kind, district, province) for n communes: ~10 provinces × ~10 districts."""
    n_prov = max(1, min(10, n // 20 or 1))
    provinces = sorted(rng.sample(PROVINCES, n_prov), key=slug)
    districts: list[tuple[str, str]] = []
    for province in provinces:
        taken: set[str] = set()
        for _ in range(rng.randint(8, 12) if n >= 200 else max(1, min(10, n // (2 * n_prov)))):
            districts.append((province, place_name(rng, taken)))
    if n > 99_000:
        raise SystemExit("at most 99,000 communes: the codes have five digits")
    codes = sorted(rng.sample(range(10, 99_999), n))
    # communes spread unevenly over the districts, as real ones are
    weights = [rng.uniform(0.5, 1.5) for _ in districts]
    assignment = sorted(rng.choices(range(len(districts)), weights=weights, k=n))
    out = []
    names_in: dict[int, set[str]] = {}
    for i, d in enumerate(assignment):
        province, district = districts[d]
        taken = names_in.setdefault(d, set())
        name = place_name(rng, taken) if len(taken) < 5000 else f"Mới {i}"
        if rng.random() < 0.05:
            name = f"{name} {rng.randint(1, 3)}"  # Quế Xuân 1, Quế Xuân 2
        roll = rng.random()
        kind = "xã" if roll < 0.85 else ("phường" if roll < 0.95 else "thị trấn")
        if rng.random() < 0.1:  # typed with a keyboard tool that writes decomposed Unicode
            name = unicodedata.normalize("NFD", name)
        out.append((name, f"{codes[i]:05d}", kind, district, province))
    return out


def load_set(criteria: str) -> Any:
    try:
        from parscore.loading import CriteriaResolver
    except ImportError:  # pragma: no cover
        raise SystemExit("parscore is not installed: python -m pip install -e .") from None
    return CriteriaResolver().load(criteria)


def generate(
    n: int,
    outdir: Path,
    seed: int = 2023,
    criteria: str = "ref-commune-2023",
    force: bool = False,
    quiet: bool = False,
) -> dict[str, Any]:
    outdir = Path(outdir)
    if outdir.exists() and any(outdir.iterdir()) and not force:
        raise SystemExit(f"{outdir}: the folder is not empty (give --force to write into it)")
    outdir.mkdir(parents=True, exist_ok=True)
    cs = load_set(criteria)
    leaves = list(cs.leaves())
    survey_ids = [node.id for node in cs.survey.walk() if node.is_leaf] if cs.survey else []
    fields = {f.id: f for f in cs.fields}
    rng = random.Random(seed)
    started = time.perf_counter()
    totals = {
        "files": 0,
        "bytes": 0,
        "items": 0,
        "missing": 0,
        "nothing": 0,
        "claimed": 0,
        "nfd_names": 0,
        "min_bytes": 1 << 30,
        "max_bytes": 0,
    }
    for index, (name, code, kind, district, province) in enumerate(layout(rng, n)):
        commune = Commune(
            random.Random(rng.getrandbits(64)), name, code, kind, district, province, index, seed
        )
        text, stats = commune_text(commune, cs, leaves, survey_ids, fields)
        data = text.encode("utf-8")
        (outdir / f"{slug(name)}-{code}-{YEAR}.yaml").write_bytes(data)
        totals["files"] += 1
        totals["bytes"] += len(data)
        totals["min_bytes"] = min(totals["min_bytes"], len(data))
        totals["max_bytes"] = max(totals["max_bytes"], len(data))
        totals["nfd_names"] += name != unicodedata.normalize("NFC", name)
        for key, value in stats.items():
            totals[key] += value
        if not quiet and (index + 1) % 1000 == 0:
            print(f"  {index + 1:,} files", file=sys.stderr)
    totals["seconds"] = round(time.perf_counter() - started, 2)
    marker = {
        "generator": GENERATOR_VERSION,
        "n": n,
        "seed": seed,
        "criteria": criteria,
        **{k: v for k, v in totals.items() if k != "seconds"},
    }
    (outdir / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
    return totals


def summary(totals: dict[str, Any]) -> str:
    files = totals["files"] or 1
    items = totals["items"] or 1
    return (
        f"{totals['files']:,} files, {totals['bytes'] / 1e6:.1f} MB "
        f"({totals['bytes'] / files / 1024:.1f} KB each, {totals['min_bytes'] / 1024:.1f}–"
        f"{totals['max_bytes'] / 1024:.1f} KB); items missing {totals['missing'] / items:.1%}, "
        f"nothing occurred {totals['nothing']:,}, claimed {totals['claimed'] / items:.0%}; "
        f"names in NFD {totals['nfd_names']:,}; {totals.get('seconds', 0)} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many commune files")
    parser.add_argument("outdir", type=Path, help="folder to write them in (new or empty)")
    parser.add_argument("--seed", type=int, default=2023, help="random seed (default 2023)")
    parser.add_argument(
        "--criteria",
        default="ref-commune-2023",
        help="criteria set id or path (default ref-commune-2023)",
    )
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    totals = generate(args.n, args.outdir, args.seed, args.criteria, args.force)
    print(f"{args.outdir}: {summary(totals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

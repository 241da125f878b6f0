"""Controlled vocabularies shared by extraction, matching, forms and exports.

Stored values are the Korean labels themselves so exports and the database are
readable without a lookup table.
"""

from django.db import models

from matcher.engine.eligibility import NON_FIRM, PUBLIC_BODY


class FirmType(models.TextChoices):
    SME = "중소기업", "중소기업"
    SMALL_BUSINESS = "소상공인", "소상공인"
    STARTUP = "창업기업", "창업기업"
    PRE_STARTUP = "예비창업자", "예비창업자"
    MIDSIZE = "중견기업", "중견기업"
    SOCIAL = "사회적기업", "사회적기업"
    WOMEN = "여성기업", "여성기업"
    DISABLED = "장애인기업", "장애인기업"
    COOPERATIVE = "협동조합", "협동조합"


# Kinds of firm beside its type that programs may be limited to (eligibility.SPECIAL_TYPES): an owner ticks
# those that apply, as a firm is both, say, a 중소기업 and a 여성기업.
class SpecialFirmType(models.TextChoices):
    SOCIAL = "사회적기업", "사회적기업(사회적경제기업)"
    WOMEN = "여성기업", "여성기업"
    DISABLED = "장애인기업", "장애인기업"
    COOPERATIVE = "협동조합", "협동조합"


# Who a program admits: a firm type, or applicants that are no firm at all (schools and students, local
# governments), which the extractor reads so that no firm is offered the program.
APPLICANT_TYPES = [*FirmType.values, NON_FIRM, PUBLIC_BODY]


class SupportType(models.TextChoices):
    FUNDING = "자금·융자", "자금·융자"
    RND = "R&D", "R&D"
    FACILITY = "시설·장비", "시설·장비"
    PROTOTYPE = "시제품", "시제품"
    WORKFORCE = "인력", "인력"
    EXPORT = "수출·판로", "수출·판로"
    CONSULTING = "컨설팅", "컨설팅"
    CERTIFICATION = "인증·시험", "인증·시험"
    STARTUP = "창업", "창업"
    EDUCATION = "교육", "교육"
    SMART_FACTORY = "스마트공장", "스마트공장"
    INFRASTRUCTURE = "기반구축", "기반구축"
    INVESTMENT_ATTRACTION = "기업유치", "기업유치"
    MARKETING = "마케팅·홍보", "마케팅·홍보"
    IP = "지식재산", "지식재산"
    SPACE = "입주공간", "입주공간"
    WELFARE = "경영안정", "경영안정"

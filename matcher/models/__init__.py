from matcher.models.alerts import AlertDelivery, SavedProfile
from matcher.models.announcements import Announcement, IngestionBatch
from matcher.models.firms import Firm
from matcher.models.matching import MatcherModelVersion, MatchLog
from matcher.models.programs import Program, ProgramChange
from matcher.models.vocab import FirmType, SpecialFirmType, SupportType

__all__ = [
    "AlertDelivery",
    "Announcement",
    "Firm",
    "FirmType",
    "IngestionBatch",
    "MatchLog",
    "MatcherModelVersion",
    "Program",
    "ProgramChange",
    "SavedProfile",
    "SpecialFirmType",
    "SupportType",
]

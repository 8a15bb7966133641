"""The date written into generated metadata: today, or SOURCE_DATE_EPOCH for reproducible builds."""

from __future__ import annotations

import datetime as _dt
import os


def markup_date() -> str:
    """Today's ISO date, or the date of ``SOURCE_DATE_EPOCH`` when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date().isoformat()
    return _dt.date.today().isoformat()

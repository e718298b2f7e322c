"""Check constraints for quantities stored as a single value or as a low/high range."""

from sqlalchemy import CheckConstraint


def value_or_range(column: str, *, name: str, positive: bool = False) -> CheckConstraint:
    """Either ``<stem>_<unit>`` alone, or ``<stem>_low_<unit>`` with ``<stem>_high_<unit>``
    and low <= high, or none of them (unknown). ``positive`` refuses zero and below."""
    stem, unit = column.rsplit("_", 1)
    low, high = f"{stem}_low_{unit}", f"{stem}_high_{unit}"
    sql = (
        f"(({column} IS NULL AND {low} IS NULL AND {high} IS NULL)"
        f" OR ({column} IS NOT NULL AND {low} IS NULL AND {high} IS NULL)"
        f" OR ({column} IS NULL AND {low} IS NOT NULL AND {high} IS NOT NULL"
        f" AND {low} <= {high}))"
    )
    if positive:
        sql += f" AND coalesce({column}, 1) > 0 AND coalesce({low}, 1) > 0"
    return CheckConstraint(sql, name=name)

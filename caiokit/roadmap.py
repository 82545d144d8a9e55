"""Plan chosen use cases quarter by quarter, within the team's capacity and in dependency order.

The rules, simple enough to redo by hand:

- **Duration** in quarters is the larger of ``ceil(time_to_value_months / 3)`` and
  ``ceil(effort_pm / capacity_pm_per_quarter)``: a use case takes at least as long as it needs to show
  value, and longer if the whole team could not do its work faster.
- **Load**: its effort is spread evenly over its quarters (``effort_pm / duration`` each quarter).
- **Order**: use cases are planned one at a time, in the table's order (or by the ``priority`` column),
  except that prerequisites are planned first, as early as the most urgent use case that needs them.
  Each starts in the earliest quarter after all its prerequisites end where its load fits under the
  capacity in every quarter it runs.
- A use case that cannot finish within the horizon is left unscheduled, with the reason; so is one
  whose prerequisite is unscheduled, and a prohibited one (EU AI Act Art. 5). Prerequisites not in the
  table are taken as already in place.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from caiokit.catalog import dependencies, require_columns
from caiokit.conventions import COURSE
from caiokit.errors import RoadmapError
from caiokit.i18n import N_, _, text
from caiokit.portfolio import PortfolioResult
from caiokit.scoring import EXCLUDED_REASON, eligible_rows

# Room for rounding when adding loads, far below a person-hour.
_SLACK = 1e-9

_MESSAGES = {
    "bad_start": N_("start must be a quarter such as '2027-Q1', not {value!r}"),
    "bad_horizon": N_("horizon_quarters must be a whole number of 1 or more, not {value!r}"),
    "bad_capacity": N_("capacity_pm_per_quarter must be a number above 0, not {value!r}"),
    "bad_priority": N_("priority column '{column}' is not in the table"),
    "waits": N_("waits for {prerequisite}, which is not scheduled"),
    "too_long": N_("needs {duration} quarters, more than the {horizon}-quarter horizon"),
    "too_late": N_("its prerequisites end in {quarter}, too late to finish within the horizon"),
    "no_room": N_("not enough free capacity to fit it within the horizon"),
}


@dataclass(frozen=True)
class Roadmap:
    """A quarter-by-quarter plan: one row per use case in ``table``, scheduled or not, with the reason."""

    table: pd.DataFrame
    quarters: tuple[str, ...]
    capacity_pm_per_quarter: float

    @property
    def unscheduled(self) -> pd.DataFrame:
        """The use cases left out of the plan and why."""
        return self.table.loc[~self.table["scheduled"], ["id", "name", "reason"]]

    @property
    def scheduled_ids(self) -> tuple[str, ...]:
        """The ids of the use cases the plan schedules, in the table's order."""
        return tuple(self.table.loc[self.table["scheduled"], "id"].astype(str))


def quarter_labels(start: str, count: int) -> tuple[str, ...]:
    """The labels of count quarters from start, such as ('2027-Q1', '2027-Q2', ...)."""
    match = re.fullmatch(r"\s*(\d{4})\s*-?\s*Q([1-4])\s*", str(start), flags=re.IGNORECASE)
    if match is None:
        raise RoadmapError(text(_MESSAGES["bad_start"]).format(value=start))
    first = int(match.group(1)) * 4 + int(match.group(2)) - 1
    return tuple(f"{index // 4}-Q{index % 4 + 1}" for index in range(first, first + count))


def plan_roadmap(
    catalog_or_selection: pd.DataFrame | PortfolioResult,
    capacity_pm_per_quarter: float,
    start: str = COURSE.start_quarter,
    horizon_quarters: int = COURSE.horizon_quarters,
    priority: str | None = None,
) -> Roadmap:
    """A roadmap of the use cases in a table (all rows) or a portfolio (the selected ones)."""
    if (
        isinstance(horizon_quarters, bool)
        or not isinstance(horizon_quarters, int | np.integer)
        or horizon_quarters < 1
    ):
        raise RoadmapError(text(_MESSAGES["bad_horizon"]).format(value=horizon_quarters))
    capacity = capacity_pm_per_quarter
    if isinstance(capacity, bool) or not isinstance(capacity, int | float | np.number) or not capacity > 0:
        raise RoadmapError(text(_MESSAGES["bad_capacity"]).format(value=capacity))
    quarters = quarter_labels(start, horizon_quarters)
    if isinstance(catalog_or_selection, PortfolioResult):
        items = catalog_or_selection.items
        items = items[items["selected"]]
    else:
        items = catalog_or_selection
    if priority is not None:
        if priority not in items.columns:
            raise RoadmapError(text(_MESSAGES["bad_priority"]).format(column=priority))
        items = items.sort_values(priority, kind="stable", na_position="last")
    table = require_columns(
        items, ["id", "name", "effort_pm", "time_to_value_months", "ai_act_tier", "depends_on"]
    )
    table = table.reset_index(drop=True)
    allowed = eligible_rows(table)
    ids = table["id"].astype(str).tolist()
    prerequisites = dependencies(table)
    efforts = table["effort_pm"].to_numpy(dtype=float)
    durations = np.maximum(
        np.ceil(table["time_to_value_months"].to_numpy(dtype=float) / 3 - _SLACK),
        np.ceil(efforts / capacity - _SLACK),
    )
    durations = np.maximum(durations, 1).astype(int)

    load = np.zeros(horizon_quarters)
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    reasons = [""] * len(ids)
    for index in _planning_order(table):
        use_case, duration = ids[index], durations[index]
        per_quarter = efforts[index] / duration
        if not allowed[index]:
            reasons[index] = _(EXCLUDED_REASON)
            continue
        missing = [item for item in prerequisites[use_case] if item not in starts]
        if missing:
            reasons[index] = text(_MESSAGES["waits"]).format(prerequisite=missing[0])
            continue
        earliest = max((ends[item] + 1 for item in prerequisites[use_case]), default=0)
        if duration > horizon_quarters:
            reasons[index] = text(_MESSAGES["too_long"]).format(duration=duration, horizon=horizon_quarters)
            continue
        if earliest + duration > horizon_quarters:
            reasons[index] = text(_MESSAGES["too_late"]).format(quarter=quarters[earliest - 1])
            continue
        for first in range(earliest, horizon_quarters - duration + 1):
            if np.all(load[first : first + duration] + per_quarter <= capacity + _SLACK):
                load[first : first + duration] += per_quarter
                starts[use_case], ends[use_case] = first, first + duration - 1
                break
        else:
            reasons[index] = text(_MESSAGES["no_room"])

    start_index = [starts.get(use_case) for use_case in ids]
    end_index = [ends.get(use_case) for use_case in ids]
    plan = pd.DataFrame(
        {
            "id": ids,
            "name": table["name"],
            "scheduled": pd.array([first is not None for first in start_index], dtype=bool),
            "start_quarter": [None if first is None else quarters[first] for first in start_index],
            "end_quarter": [None if last is None else quarters[last] for last in end_index],
            "start_index": pd.array(start_index, dtype="Int64"),
            "end_index": pd.array(end_index, dtype="Int64"),
            "duration_quarters": durations,
            "effort_pm": efforts,
            "effort_per_quarter": efforts / durations,
            "reason": reasons,
        }
    )
    return Roadmap(table=plan, quarters=quarters, capacity_pm_per_quarter=float(capacity))


def quarterly_load(roadmap: Roadmap) -> pd.DataFrame:
    """Per quarter: person-months planned, capacity, free capacity, utilisation and use cases running."""
    plan = roadmap.table[roadmap.table["scheduled"]]
    quarter = np.arange(len(roadmap.quarters))[:, None]
    running = (plan["start_index"].to_numpy(dtype=int) <= quarter) & (
        quarter <= plan["end_index"].to_numpy(dtype=int)
    )
    load = running @ plan["effort_per_quarter"].to_numpy(dtype=float)
    capacity = roadmap.capacity_pm_per_quarter
    return pd.DataFrame(
        {
            "load_pm": load,
            "capacity_pm": capacity,
            "free_pm": capacity - load,
            "utilisation": load / capacity,
            "use_cases": running.sum(axis=1),
        },
        index=pd.Index(roadmap.quarters, name="quarter"),
    )


def _planning_order(table: pd.DataFrame) -> list[int]:
    """Row positions in planning order: prerequisites first, each as early as its most urgent follower."""
    ids = table["id"].astype(str).tolist()
    direct = dependencies(table)
    urgency = {use_case: index for index, use_case in enumerate(ids)}
    for index, prerequisites in enumerate(dependencies(table, transitive=True).values()):
        for item in prerequisites:
            urgency[item] = min(urgency[item], index)
    waiting = {use_case: len(set(direct[use_case])) for use_case in ids}
    needed_by: dict[str, list[int]] = {use_case: [] for use_case in ids}
    for index, use_case in enumerate(ids):
        for item in set(direct[use_case]):
            needed_by[item].append(index)
    ready = [(urgency[use_case], index) for index, use_case in enumerate(ids) if waiting[use_case] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, index = heapq.heappop(ready)
        order.append(index)
        for follower in needed_by[ids[index]]:
            waiting[ids[follower]] -= 1
            if waiting[ids[follower]] == 0:
                heapq.heappush(ready, (urgency[ids[follower]], follower))
    return order

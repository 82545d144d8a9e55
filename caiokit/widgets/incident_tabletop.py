"""The incident tabletop: play a scenario hour by hour, decide at each step, watch the clock and deadlines."""

from __future__ import annotations

import html

import ipywidgets as widgets

from caiokit.i18n import N_, _, format_datetime
from caiokit.risk.tabletop import DutyStatus, Review, load_scenario, review, scenario_ids
from caiokit.widgets.tool import Tool, inline_markdown

STATUS_MARK = {
    DutyStatus.MET: "✔",
    DutyStatus.LATE: "⚠",
    DutyStatus.PENDING: "○",
    DutyStatus.MISSED: "✘",
}


class IncidentTabletop(Tool):
    """Step through an incident: read the situation, choose a decision, see the feedback and the deadlines."""

    title = N_("the incident tabletop")

    def __init__(self, scenario: str | None = None):
        ids = scenario_ids()
        self.choice_of_scenario = widgets.Dropdown(
            options=[(load_scenario(i).title, i) for i in ids],
            value=scenario or ids[0],
            description=_("scenario"),
        )
        self.situation = widgets.HTML()
        self.options = widgets.RadioButtons(options=[], layout={"width": "max-content"})
        self.decide_button = widgets.Button(description=_("Decide"), button_style="primary")
        self.restart_button = widgets.Button(description=_("Start again"))
        self.feedback = widgets.HTML()
        self.clock = widgets.HTML()
        self.decide_button.on_click(lambda _button: self.decide(self.options.value))
        self.restart_button.on_click(lambda _button: self.restart())
        self.choice_of_scenario.observe(lambda _change: self.restart(), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HTML("<h4>{}</h4>".format(_("Incident tabletop"))),
                self.choice_of_scenario,
                self.clock,
                self.situation,
                self.options,
                widgets.HBox([self.decide_button, self.restart_button]),
                self.feedback,
            ]
        )
        self.restart()

    @property
    def finished(self) -> bool:
        """True once every step is decided."""
        return len(self.choices) == len(self.scenario.steps)

    def restart(self) -> None:
        """Begin the chosen scenario at its first step."""
        self.scenario = load_scenario(self.choice_of_scenario.value)
        self.choices: dict[int, str] = {}
        self.feedback.value = inline_markdown(self.scenario.summary)
        self._show_step()

    def decide(self, option_id: str) -> Review:
        """Take a decision at the current step, show its feedback, and move to the next step or the review."""
        step = self.scenario.steps[len(self.choices)]
        option = step.option(option_id)
        self.choices[step.number] = option.id
        verdict = _("**Good decision.**") if option.good else _("**Not the best decision.**")
        self.feedback.value = inline_markdown(f"{verdict} {option.feedback}")
        self._show_step()
        if self.finished:
            self.feedback.value += "<hr>" + inline_markdown(self.review_text())
        return self.result

    def _show_step(self) -> None:
        done = self.finished
        hour = self.scenario.steps[-1].hour if done else self.scenario.steps[len(self.choices)].hour
        self.result = review(self.scenario, self.choices, None if done else hour)
        if done:
            self.situation.value = inline_markdown(_("**The scenario is over.** Read the review below."))
            self.options.options = []
        else:
            step = self.scenario.steps[len(self.choices)]
            self.situation.value = inline_markdown(
                _("**Step {number} of {count}.** {situation}").format(
                    number=step.number, count=len(self.scenario.steps), situation=step.situation
                )
            )
            self.options.options = [(f"{o.id}) {o.decision}", o.id) for o in step.options]
            self.options.value = step.options[0].id
        self.decide_button.disabled = done
        self.clock.value = self._clock_html(hour)

    def _clock_html(self, hour: int) -> str:
        now = self.scenario.at(hour)
        rows = [
            "<b>{}</b> {} ({})".format(
                html.escape(_("Now:")),
                html.escape(format_datetime(now)),
                html.escape(_("{hours} h after awareness").format(hours=hour)),
            )
        ]
        for outcome in self.result.duties:
            due = format_datetime(outcome.due)
            if outcome.deadline.latest is None:
                due = _("{time} (without undue delay: the tabletop allows one day)").format(time=due)
            left = (outcome.due - now).total_seconds() / 3600
            extra = (
                _(", {hours} h left").format(hours=int(left)) if outcome.status is DutyStatus.PENDING else ""
            )
            rows.append(
                "{} {}: {} {}{}".format(
                    STATUS_MARK[outcome.status],
                    html.escape(outcome.deadline.duty.label),
                    html.escape(_("due by")),
                    html.escape(due),
                    html.escape(extra),
                )
            )
        return "<br>".join(rows)

    def review_text(self) -> str:
        """The post-incident review of the choices made: score, wrong decisions, duties, questions to ask."""
        result = self.result
        lines = [
            _("**Post-incident review: {good} good decisions out of {count}.**").format(
                good=result.good, count=len(self.scenario.steps)
            )
        ]
        for step, option in result.wrong:
            best = next(o for o in step.options if o.good)
            lines.append(
                _("- Step {number}: you chose *{chosen}*; better: *{best}*. {why}").format(
                    number=step.number, chosen=option.decision, best=best.decision, why=best.feedback
                )
            )
        for outcome in result.duties:
            when = format_datetime(outcome.done_at) if outcome.done_at else _("never")
            lines.append(
                _("- {duty}: {status} (done: {when}; due by {due}).").format(
                    duty=outcome.deadline.duty.label,
                    status=outcome.status.label,
                    when=when,
                    due=format_datetime(outcome.due),
                )
            )
        lines.append(
            _(
                "Questions for the review: what happened, hour by hour? Why could it happen (the cause, not the "
                "culprit)? What worked? Which controls, register entries and playbook steps change, who owns "
                "each action, and by when?"
            )
        )
        return "\n".join(lines)

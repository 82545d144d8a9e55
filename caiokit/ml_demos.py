"""Three small, live demos of AI techniques on bundled data, and a toy text generator.

- tabular machine learning: which connected appliances will fail within 90 days (``appliance_failures.csv``);
- NLP: which team a customer-service ticket belongs to (``support_tickets.csv``);
- computer vision: which digit a small handwritten image shows (scikit-learn's bundled ``load_digits``).

Each demo trains the same kind of model, a logistic regression, on part of the data and measures it on the
rest, which the model never saw; only the way the input becomes numbers changes. Splits and models use a
fixed ``random_state``, and BLAS runs on one thread, so every run gives the same results, fast. Nothing is
downloaded. The datasets about Alvera Group are synthetic. scikit-learn, a second or more to import, is
imported by the functions that train or score a model, when first called, not with this module.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, text

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

RANDOM_STATE = 0
TEST_SHARE = 0.3
FAILURE_NUMERIC = ("age_years", "cycles_per_week", "temperature_anomalies_30d", "months_since_service")
FAILURE_FEATURES = ("appliance_type", *FAILURE_NUMERIC)
FAILURE_TARGET = "failed_within_90d"
TICKET_COLUMNS = ("ticket_id", "channel", "text", "category")

_MESSAGES = {
    "missing_columns": N_("{source} lacks the column(s) {columns}; it needs {needed}."),
    "bad_target": N_("{source}: column '{column}' must hold only 0 and 1, found {values}."),
    "no_texts": N_("give at least one ticket text, as a list of strings, e.g. ['My oven arrived broken.']."),
    "bad_text": N_("every ticket must be a non-empty string; item {index} is {value!r}."),
    "bad_count": N_("{name} must be a whole number of at least {low}, not {value!r}."),
    "failure_task": N_("Will this appliance fail within 90 days?"),
    "ticket_task": N_("Which team should handle this ticket?"),
    "digit_task": N_("Which digit is written in this image?"),
    "failure_source": N_("the failure table"),
}


class Outcome(Category):
    """What the failure demo predicts for an appliance, in the order of the target's values 0 and 1."""

    NO_FAILURE = "no_failure", N_("no failure")
    FAILURE = "failure", N_("failure")


class DemoError(CaioKitError):
    """A demo's data or argument is not usable; the message says which and how to fix it."""


@dataclass(frozen=True, eq=False)
class DemoResult:
    """What one trained model achieved on test examples it never saw during training.

    ``precision`` and ``recall`` are those of the positive class for a yes/no task, and their average over
    the classes (macro average) when there are more than two. ``confusion`` has the actual classes as rows
    and the predicted ones as columns. ``scores`` holds, for a yes/no task, the model's probability of
    "yes" for each test example, in the order of ``y_true``.
    """

    task: str
    labels: tuple[str, ...]
    n_train: int
    n_test: int
    accuracy: float
    baseline_accuracy: float
    precision: float
    recall: float
    confusion: pd.DataFrame
    mistakes: pd.DataFrame
    y_true: np.ndarray
    scores: np.ndarray | None = None
    mistake_images: np.ndarray | None = None


def _require(table: pd.DataFrame, columns: Sequence[str], source: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DemoError(
            text(_MESSAGES["missing_columns"]).format(
                source=source, columns=", ".join(missing), needed=", ".join(columns)
            )
        )


def check_failures(table: pd.DataFrame, source: str | None = None) -> pd.DataFrame:
    """Check a failure table has the feature and target columns, with a 0/1 target; return it."""
    source = text(_MESSAGES["failure_source"]) if source is None else source
    _require(table, (*FAILURE_FEATURES, FAILURE_TARGET), source)
    values = set(pd.unique(table[FAILURE_TARGET]))
    if not values <= {0, 1}:
        raise DemoError(
            text(_MESSAGES["bad_target"]).format(
                source=source, column=FAILURE_TARGET, values=sorted(map(str, values))
            )
        )
    return table


def load_failures() -> pd.DataFrame:
    """The synthetic telemetry of 1,000 connected Alvera appliances and whether each failed within 90 days."""
    return check_failures(datafiles.table("appliance_failures.csv", text=False), "appliance_failures.csv")


def load_tickets() -> pd.DataFrame:
    """The synthetic customer-service tickets of Alvera Group, each with the category an agent gave it."""
    table = datafiles.table("support_tickets.csv", text=False)
    _require(table, TICKET_COLUMNS, "support_tickets.csv")
    return table


def _confusion(actual: Sequence[Any], predicted: Sequence[Any], codes: Sequence[Any], labels: Sequence[str]):
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(actual, predicted, labels=list(codes))
    return pd.DataFrame(
        matrix,
        index=pd.Index(labels, name="actual"),
        columns=pd.Index(labels, name="predicted"),
    )


def _result(
    task: str,
    codes: Sequence[Any],
    labels: Sequence[str],
    y_train: np.ndarray,
    y_test: np.ndarray,
    predicted: np.ndarray,
    mistakes: pd.DataFrame,
    average: str,
    **extra: Any,
) -> DemoResult:
    """Score a demo's predictions on its test set the same way for every demo."""
    from sklearn.metrics import accuracy_score, precision_score, recall_score

    return DemoResult(
        task=task,
        labels=tuple(labels),
        n_train=len(y_train),
        n_test=len(y_test),
        accuracy=float(accuracy_score(y_test, predicted)),
        baseline_accuracy=_baseline(y_train, y_test),
        precision=float(precision_score(y_test, predicted, average=average, zero_division=0)),
        recall=float(recall_score(y_test, predicted, average=average, zero_division=0)),
        confusion=_confusion(y_test, predicted, codes, labels),
        mistakes=mistakes.reset_index(drop=True),
        y_true=y_test,
        **extra,
    )


def _baseline(train_target: Sequence[Any], test_target: Sequence[Any]) -> float:
    """Accuracy of always answering the training set's most frequent class."""
    most_frequent = pd.Series(train_target).mode().sort_values().iloc[0]
    return float(np.mean(np.asarray(test_target) == most_frequent))


def _confidently_wrong(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    wrong = frame[frame["actual"] != frame["predicted"]]
    return wrong.sort_values("confidence", ascending=False, kind="stable").head(n)


@cache
def _failure_model() -> tuple[Pipeline, pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray]:
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    table = load_failures()
    features = table[list(FAILURE_FEATURES)]
    x_train, x_test, y_train, y_test = train_test_split(
        features,
        table[FAILURE_TARGET].to_numpy(),
        test_size=TEST_SHARE,
        random_state=RANDOM_STATE,
        stratify=table[FAILURE_TARGET],
    )
    encode = ColumnTransformer(
        [
            ("numbers", StandardScaler(), list(FAILURE_NUMERIC)),
            ("type", OneHotEncoder(), ["appliance_type"]),
        ]
    )
    model = make_pipeline(encode, LogisticRegression(max_iter=1000))
    with threadpool_limits(limits=1):
        model.fit(x_train, y_train)
    return model, x_train, x_test, y_train, y_test


def failure_demo(n_mistakes: int = 5) -> DemoResult:
    """Tabular ML: predict failures within 90 days from appliance telemetry, flagging scores of 0.5 or more."""
    _check_count("n_mistakes", n_mistakes, 0)
    model, x_train, x_test, y_train, y_test = _failure_model()
    with threadpool_limits(limits=1):
        scores = model.predict_proba(x_test)[:, 1]
    predicted = (scores >= 0.5).astype(int)
    labels = Outcome.labels()
    frame = x_test.reset_index(drop=True).assign(
        actual=[labels[v] for v in y_test],
        predicted=[labels[v] for v in predicted],
        score=scores.round(3),
        confidence=np.where(predicted == 1, scores, 1 - scores).round(3),
    )
    return _result(
        text(_MESSAGES["failure_task"]),
        (0, 1),
        labels,
        y_train,
        y_test,
        predicted,
        _confidently_wrong(frame, n_mistakes).drop(columns="confidence"),
        "binary",
        scores=scores,
    )


def failure_drivers() -> pd.DataFrame:
    """What the failure model learned: each input's weight, per standard deviation (numbers) or per type."""
    model = _failure_model()[0]
    names = [n.split("__", 1)[1] for n in model[0].get_feature_names_out()]
    weights = model[-1].coef_[0]
    table = pd.DataFrame({"input": names, "weight": weights.round(3)})
    table["pushes toward"] = np.where(table["weight"] > 0, Outcome.FAILURE.label, Outcome.NO_FAILURE.label)
    order = table["weight"].abs().sort_values(ascending=False, kind="stable").index
    return table.loc[order].reset_index(drop=True)


@cache
def _ticket_model() -> tuple[Pipeline, pd.Series, pd.Series, np.ndarray, np.ndarray]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline

    table = load_tickets()
    x_train, x_test, y_train, y_test = train_test_split(
        table["text"],
        table["category"].to_numpy(),
        test_size=TEST_SHARE,
        random_state=RANDOM_STATE,
        stratify=table["category"],
    )
    model = make_pipeline(TfidfVectorizer(stop_words="english"), LogisticRegression(max_iter=1000))
    with threadpool_limits(limits=1):
        model.fit(x_train, y_train)
    return model, x_train, x_test, y_train, y_test


def ticket_demo(n_mistakes: int = 5) -> DemoResult:
    """NLP: sort customer-service tickets into five categories from their words (TF-IDF + logistic regression)."""
    _check_count("n_mistakes", n_mistakes, 0)
    model, x_train, x_test, y_train, y_test = _ticket_model()
    with threadpool_limits(limits=1):
        probabilities = model.predict_proba(x_test)
    classes = model.classes_
    predicted = classes[probabilities.argmax(axis=1)]
    labels = tuple(str(c) for c in classes)
    frame = pd.DataFrame(
        {
            "text": x_test.to_numpy(),
            "actual": y_test,
            "predicted": predicted,
            "confidence": probabilities.max(axis=1).round(3),
        }
    )
    return _result(
        text(_MESSAGES["ticket_task"]),
        classes,
        labels,
        y_train,
        y_test,
        predicted,
        _confidently_wrong(frame, n_mistakes),
        "macro",
    )


def classify_tickets(texts: Iterable[str]) -> pd.DataFrame:
    """Run the trained ticket model on new texts: predicted category and the model's confidence in it."""
    if isinstance(texts, str) or not isinstance(texts, Iterable):
        raise DemoError(text(_MESSAGES["no_texts"]))
    items = list(texts)
    if not items:
        raise DemoError(text(_MESSAGES["no_texts"]))
    for index, ticket in enumerate(items):
        if not isinstance(ticket, str) or not ticket.strip():
            raise DemoError(text(_MESSAGES["bad_text"]).format(index=index, value=ticket))
    model = _ticket_model()[0]
    with threadpool_limits(limits=1):
        probabilities = model.predict_proba(items)
    return pd.DataFrame(
        {
            "text": items,
            "category": model.classes_[probabilities.argmax(axis=1)],
            "confidence": probabilities.max(axis=1).round(3),
        }
    )


def ticket_keywords(n: int = 6) -> pd.DataFrame:
    """The n words that push the ticket model hardest toward each category."""
    _check_count("n", n, 1)
    model = _ticket_model()[0]
    vocabulary = model[0].get_feature_names_out()
    rows = []
    for category, weights in zip(model[-1].classes_, model[-1].coef_, strict=True):
        top = np.argsort(-weights, kind="stable")[:n]
        rows.append({"category": category, "strongest words": ", ".join(vocabulary[top])})
    return pd.DataFrame(rows).set_index("category")


@cache
def _digit_model() -> tuple[LogisticRegression, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    indices = np.arange(len(digits.target))
    i_train, i_test = train_test_split(
        indices, test_size=TEST_SHARE, random_state=RANDOM_STATE, stratify=digits.target
    )
    pixels = digits.data / 16.0
    model = LogisticRegression(max_iter=1000)
    with threadpool_limits(limits=1):
        model.fit(pixels[i_train], digits.target[i_train])
    return model, pixels[i_test], digits.target[i_train], digits.target[i_test], digits.images[i_test], i_test


def digits_demo(n_mistakes: int = 8) -> DemoResult:
    """Computer vision: recognise handwritten digits in 8 x 8 pixel images (scikit-learn's bundled set)."""
    _check_count("n_mistakes", n_mistakes, 0)
    model, x_test, y_train, y_test, images, i_test = _digit_model()
    with threadpool_limits(limits=1):
        probabilities = model.predict_proba(x_test)
    predicted = model.classes_[probabilities.argmax(axis=1)]
    labels = tuple(str(c) for c in model.classes_)
    frame = pd.DataFrame(
        {
            "image": i_test,
            "actual": y_test,
            "predicted": predicted,
            "confidence": probabilities.max(axis=1).round(3),
        }
    )
    mistakes = _confidently_wrong(frame, n_mistakes)
    return _result(
        text(_MESSAGES["digit_task"]),
        model.classes_,
        labels,
        y_train,
        y_test,
        predicted,
        mistakes,
        "macro",
        mistake_images=images[mistakes.index.to_numpy()],
    )


def scoreboard(results: Mapping[str, DemoResult]) -> pd.DataFrame:
    """The demos side by side: size of the test set, accuracy against the do-nothing baseline, precision, recall."""
    rows = {
        name: {
            "task": r.task,
            "examples tested": r.n_test,
            "accuracy": round(r.accuracy, 3),
            "baseline accuracy": round(r.baseline_accuracy, 3),
            "precision": round(r.precision, 3),
            "recall": round(r.recall, 3),
        }
        for name, r in results.items()
    }
    return pd.DataFrame.from_dict(rows, orient="index")


def generate_tickets(n: int = 5, seed: int = 0, context: int = 2) -> pd.DataFrame:
    """A toy generative model: new tickets written word by word, each word drawn from what followed the
    previous ``context`` words in the real tickets. ``new`` says whether a text appears nowhere in the data."""
    _check_count("n", n, 1)
    _check_count("context", context, 1)
    texts = load_tickets()["text"].tolist()
    start, end = "<s>", "</s>"
    following: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for ticket in texts:
        words = [start] * context + ticket.split() + [end]
        for i in range(context, len(words)):
            following[tuple(words[i - context : i])].append(words[i])
    draw = random.Random(seed)
    known = set(texts)
    rows = []
    for _ticket in range(n):
        window = [start] * context
        written: list[str] = []
        while len(written) < 60:
            word = draw.choice(following[tuple(window)])
            if word == end:
                break
            written.append(word)
            window = [*window[1:], word]
        text = " ".join(written)
        rows.append({"generated ticket": text, "new": text not in known})
    return pd.DataFrame(rows)


def _check_count(name: str, value: Any, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise DemoError(text(_MESSAGES["bad_count"]).format(name=name, low=low, value=value))

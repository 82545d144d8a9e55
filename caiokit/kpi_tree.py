"""A KPI tree: from a company objective down to the model and process metrics that move it.

A tree is a table with one row per node: ``id``, ``parent`` (empty for the root), ``kind`` (a
:class:`NodeKind` id), ``unit``, ``target``, ``owner`` and a ``name``. It holds together when:

- there is exactly one root, and it is the objective;
- every other node's parent is a node of the tree, and following parents never loops;
- each node is one level below its parent or more (objective, business KPI, process metric, model metric);
- every leaf is measurable: a process or model metric with a unit, a numeric target and an owner.

``tree_problems`` lists what breaks these rules, node by node; ``check_tree`` raises them all at once.
"""

from __future__ import annotations

import pandas as pd

from caiokit import datafiles
from caiokit.errors import ProblemsError
from caiokit.i18n import N_, Category, _, text
from caiokit.validation import is_number

COLUMNS = ("id", "parent", "kind", "unit", "target", "owner", "name")


class NodeKind(Category):
    """The level of a node in a KPI tree, from the top down."""

    OBJECTIVE = "objective", N_("company objective")
    BUSINESS_KPI = "business_kpi", N_("business KPI")
    PROCESS_METRIC = "process_metric", N_("process metric")
    MODEL_METRIC = "model_metric", N_("model metric")


_LEVEL = {kind: level for level, kind in enumerate(NodeKind)}
MEASURABLE = (NodeKind.PROCESS_METRIC, NodeKind.MODEL_METRIC)

_MESSAGES = {
    "columns": N_("a KPI tree needs the columns {columns}"),
    "twice": N_("the id {id} is used by more than one node"),
    "kind": N_("{id}: kind {kind!r} is not one of {kinds}"),
    "roots": N_(
        "the tree needs exactly one root (a node without parent), the objective; it has {count}: {ids}"
    ),
    "root_kind": N_("{id}: the root must be the company objective"),
    "no_parent": N_("{id}: its parent {parent} is not a node of the tree"),
    "loop": N_("{id}: following its parents comes back to it"),
    "level": N_("{id}: a {kind} cannot sit under a {parent_kind} ({parent})"),
    "leaf_kind": N_("{id}: a leaf must be a process or model metric, not a {kind}"),
    "unit": N_("{id}: a leaf needs a unit, or it cannot be measured"),
    "target": N_("{id}: a leaf needs a numeric target, not {target!r}"),
    "owner": N_("{id}: a leaf needs an owner who answers for it"),
}


class KpiTreeError(ProblemsError):
    """A KPI tree does not hold together; ``problems`` lists every node at fault."""


def load_kpi_tree() -> pd.DataFrame:
    """Alvera's KPI tree for objective O1: from the objective down to the metrics of four use cases."""
    return datafiles.worded("case_study/alvera/kpi_tree.csv", on="id")


def node_problems(tree: pd.DataFrame) -> list[tuple[str, str]]:
    """Each problem of the tree as (node id, sentence); empty when the tree holds together."""
    missing = [column for column in COLUMNS if column not in tree.columns]
    if missing:
        return [("", text(_MESSAGES["columns"]).format(columns=", ".join(COLUMNS)))]
    rows = tree.fillna("").astype(str).apply(lambda column: column.str.strip())
    problems: list[tuple[str, str]] = []
    ids = rows["id"].tolist()
    for node in sorted({node for node in ids if ids.count(node) > 1}):
        problems.append((node, text(_MESSAGES["twice"]).format(id=node)))
    nodes = {row["id"]: row for row in rows.to_dict("records")}
    kinds = ", ".join(kind.value for kind in NodeKind)
    for node, row in nodes.items():
        if NodeKind.parse(row["kind"]) is None:
            problems.append((node, text(_MESSAGES["kind"]).format(id=node, kind=row["kind"], kinds=kinds)))
    roots = [node for node, row in nodes.items() if not row["parent"]]
    if len(roots) != 1:
        problems.append(("", text(_MESSAGES["roots"]).format(count=len(roots), ids=", ".join(roots) or "-")))
    for node in roots:
        if NodeKind.parse(nodes[node]["kind"]) not in (None, NodeKind.OBJECTIVE):
            problems.append((node, text(_MESSAGES["root_kind"]).format(id=node)))
    parents = {row["parent"] for row in nodes.values()}
    for node, row in nodes.items():
        problems += _link_problems(node, row, nodes)
        if node not in parents:
            problems += _leaf_problems(node, row)
    return problems


def tree_problems(tree: pd.DataFrame) -> list[str]:
    """What is wrong with the tree, one sentence per problem; empty when it holds together."""
    return [sentence for _node, sentence in node_problems(tree)]


def faulty_nodes(tree: pd.DataFrame) -> set[str]:
    """The ids of the nodes that break a rule."""
    return {node for node, _sentence in node_problems(tree) if node}


def check_tree(tree: pd.DataFrame, what: str = "KPI tree") -> pd.DataFrame:
    """The tree, or KpiTreeError listing all its problems."""
    problems = tree_problems(tree)
    if problems:
        raise KpiTreeError(what, problems)
    return tree


def path_to_objective(tree: pd.DataFrame, node: str) -> list[str]:
    """The ids from a node up to the root, the node first (the tree must hold together)."""
    parent = dict(zip(tree["id"].astype(str), tree["parent"].fillna("").astype(str), strict=True))
    check_tree(tree)
    if node not in parent:
        raise KpiTreeError(_("KPI tree"), [text(_MESSAGES["no_parent"]).format(id="-", parent=node)])
    path = [node]
    while parent[path[-1]]:
        path.append(parent[path[-1]])
    return path


def leaves(tree: pd.DataFrame) -> pd.DataFrame:
    """The nodes no other node hangs from: what the teams measure."""
    parents = set(tree["parent"].fillna("").astype(str))
    return tree[~tree["id"].astype(str).isin(parents)]


def _link_problems(node: str, row: dict[str, str], nodes: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    parent = row["parent"]
    if not parent:
        return []
    if parent not in nodes:
        return [(node, text(_MESSAGES["no_parent"]).format(id=node, parent=parent))]
    seen, current = {node}, parent
    while current and current in nodes:
        if current in seen:
            return [(node, text(_MESSAGES["loop"]).format(id=node))]
        seen.add(current)
        current = nodes[current]["parent"]
    kind, parent_kind = NodeKind.parse(row["kind"]), NodeKind.parse(nodes[parent]["kind"])
    if kind is not None and parent_kind is not None and _LEVEL[kind] <= _LEVEL[parent_kind]:
        return [
            (
                node,
                text(_MESSAGES["level"]).format(
                    id=node, kind=kind.label, parent_kind=parent_kind.label, parent=parent
                ),
            )
        ]
    return []


def _leaf_problems(node: str, row: dict[str, str]) -> list[tuple[str, str]]:
    kind = NodeKind.parse(row["kind"])
    problems = []
    if kind is not None and kind not in MEASURABLE:
        problems.append((node, text(_MESSAGES["leaf_kind"]).format(id=node, kind=kind.label)))
    if not row["unit"]:
        problems.append((node, text(_MESSAGES["unit"]).format(id=node)))
    target = pd.to_numeric(row["target"], errors="coerce")
    if not is_number(target):
        problems.append((node, text(_MESSAGES["target"]).format(id=node, target=row["target"])))
    if not row["owner"]:
        problems.append((node, text(_MESSAGES["owner"]).format(id=node)))
    return problems

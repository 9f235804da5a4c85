"""routemap: maturity-matrix frameworks as software.

Load a framework (the Newham Health Equity Route Maps, LARCH REMI, or your own TOML), fill in an
assessment, score it with any registered model, find the gap to a target and the path to close it,
compare years and aggregate many services. Results give tidy pandas DataFrames (``to_frame()``) and
``routemap.plot`` draws them with matplotlib.

    >>> import routemap
    >>> fw = routemap.load("newham-service")
    >>> a = routemap.Assessment(fw, subject="Sexual health service", date="2024-04-01")
    >>> a.set(fw.criteria[0].id, "met", "Workshops since January")
    >>> routemap.score(fw, a).overall.level
    0

The compiled core is ``routemap._core`` (pybind11); this package re-exports it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional, Union

from . import _errors, _signatures
from ._errors import (
    AssessmentError,
    Error,
    FrameworkError,
    IoError,
    NotFoundError,
    PluginError,
    TargetError,
)
from ._status import REASONS, STATUS_CODES, STATUS_NAMES, Status
from . import _core
from ._core import (
    Action,
    Aggregate,
    Area,
    AreaGap,
    Assessment,
    BatchResult,
    Comparison,
    Criterion,
    CriterionChange,
    CriterionRecord,
    Diagnostic,
    Distribution,
    Domain,
    Framework,
    FrameworkSummary,
    GapAnalysis,
    GapItem,
    GapSummary,
    LevelChange,
    PathStep,
    PluginRecord,
    ProgressionPath,
    Registry,
    ScoreNode,
    ScoreResult,
    ScoringModel,
    SourceLocation,
    Target,
    Tier,
    aggregate,
    assessment_template,
    check_framework,
    compare,
    default_search_path,
    frameworks,
    gap,
    install_data_directory,
    load,
    load_framework,
    model_parameters,
    models,
    parse_assessment,
    parse_framework,
    plugins,
    progression_path,
    read_assessment,
    registry,
    report,
    score,
    score_many,
    score_statuses,
    status_matrix,
    user_data_directory,
    write_assessment,
)
from . import _frames, _html
from . import _panel
from ._core import (
    AlphaEstimate,
    CriterionVotes,
    DomainAgreement,
    NodeDisagreement,
    Panel,
    PanelAgreement,
    Rater,
    consensus_status,
    estimate_alpha,
    is_panel_file,
    krippendorff_alpha,
    percent_agreement,
    read_panel_file,
)
from ._panel import panel
from ._core import (
    Collection,
    CollectionProblem,
    Mapping,
    MappingLink,
    Migration,
    MigrationStep,
    PartStatus,
    Projection,
    ProjectedCriterion,
    ProjectionSource,
    RolledCriterion,
    RolledNode,
    Rollup,
    check_mapping,
    load_mapping,
    mappings,
    migrate,
    parse_mapping,
    project,
    read_mapping,
    suggest_status,
)
from . import _collections
from ._collections import rollup

__version__: str = _core.__version__
plugin_api_version: int = _core.plugin_api_version

_frames.install()
_html.install()
_panel.install()
_collections.install()


def path(
    framework: Framework,
    assessment: Assessment,
    target: Union[Target, str, None] = None,
) -> ProgressionPath:
    """The progression path from an assessment to a target in one call: gap(), then progression_path().

    target: a Target, a tier id ('intermediate'), or None for the highest tier.
    """
    return progression_path(gap(framework, assessment, target))


def form(
    framework: Union[Framework, str, "os.PathLike[str]"],
    assessment: Union[Assessment, str, "os.PathLike[str]", None] = None,
    output: Union[str, "os.PathLike[str]", None] = None,
    *,
    overwrite: bool = False,
    instance_id: str = "",
    registry: Optional[Registry] = None,
) -> str:
    """The self-assessment form for a framework: one self-contained HTML page (inline CSS and
    JavaScript, no network) in which a person fills in an assessment in a browser and saves it as a
    TOML or JSON file that routemap reads unchanged (docs/form.md).

    framework: a Framework, or a framework id or file. assessment: an Assessment or an assessment
    file to pre-fill the form with (AssessmentError when it does not fit the framework). output: also
    write the page to this file, atomically; an existing file is only replaced with overwrite=True
    (else FileExistsError). instance_id names the draft the page keeps in the browser (default: a
    new random id, so that two forms never share a draft). Returns the page.
    """
    fw = framework if isinstance(framework, Framework) else load(os.fspath(framework), registry)
    if assessment is not None and not isinstance(assessment, Assessment):
        assessment = read_assessment(assessment, fw)
    page = _core.form(fw, assessment, instance_id)
    if output is not None:
        target = Path(output)
        if target.exists() and not overwrite:
            raise FileExistsError(f"{os.fspath(target)!r} exists; pass overwrite=True to replace it")
        # Atomic: a temporary file beside the target, then a rename, as the library writes files.
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(page, encoding="utf-8")
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    return page


def _gap_path(self: GapAnalysis) -> ProgressionPath:
    """The progression path that closes this gap (same as routemap.progression_path(gap))."""
    return progression_path(self)


setattr(GapAnalysis, "path", _gap_path)


def _from_statuses(
    cls: type,
    framework: Framework,
    statuses: Any,
    subject: str = "",
    date: str = "",
    reason: str = "not_relevant",
) -> Assessment:
    """An assessment of `framework` with one status per criterion in framework order: names or
    codes (a list, or a row of a score_many matrix). not_applicable criteria get `reason`."""
    values = list(statuses)
    ids = framework.criterion_ids
    if len(values) != len(ids):
        raise ValueError(f"framework {framework.id!r} has {len(ids)} criteria, got {len(values)} statuses")
    assessment = Assessment(framework, subject=subject, date=date)
    for criterion_id, status in zip(ids, values):
        # A reason belongs to not_applicable only (Assessment.set refuses it with any other status).
        if isinstance(status, str):
            excluded = status.strip().lower().replace(" ", "_").replace("-", "_") in ("not_applicable", "n/a", "na")
        else:
            excluded = int(status) == 4
        assessment.set(criterion_id, status, reason=reason if excluded else None)
    return assessment


setattr(Assessment, "from_statuses", classmethod(_from_statuses))


def __dir__() -> list:
    # The public names only: not the typing helpers and modules this file imports for itself.
    return sorted(set(__all__) | {"plot"})


def __getattr__(name: str) -> Any:
    # routemap.plot imports matplotlib: load it only when asked for.
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module 'routemap' has no attribute {name!r}")


__all__ = [
    "Action", "Aggregate", "Area", "AreaGap", "Assessment", "AssessmentError", "BatchResult", "Comparison",
    "Criterion", "CriterionChange", "CriterionRecord", "Diagnostic", "Distribution", "Domain", "Error",
    "Framework", "FrameworkError", "FrameworkSummary", "GapAnalysis", "GapItem", "GapSummary", "IoError",
    "LevelChange", "NotFoundError", "PathStep", "PluginError", "PluginRecord", "ProgressionPath", "REASONS",
    "Registry", "STATUS_CODES", "STATUS_NAMES", "ScoreNode", "ScoreResult", "ScoringModel", "SourceLocation",
    "Status", "Target", "TargetError", "Tier", "aggregate", "assessment_template", "check_framework", "compare",
    "default_search_path", "form", "frameworks", "gap", "install_data_directory", "load", "load_framework",
    "model_parameters", "models", "parse_assessment", "parse_framework", "path", "plugins", "progression_path",
    "read_assessment", "registry", "report", "score", "score_many", "score_statuses", "status_matrix",
    "user_data_directory", "write_assessment", "__version__", "plugin_api_version",
    "AlphaEstimate", "CriterionVotes", "DomainAgreement", "NodeDisagreement", "Panel", "PanelAgreement", "Rater",
    "consensus_status", "estimate_alpha", "is_panel_file", "krippendorff_alpha", "panel", "percent_agreement",
    "read_panel_file",
    "Collection", "CollectionProblem", "Mapping", "MappingLink", "PartStatus", "Projection", "ProjectedCriterion",
    "ProjectionSource", "RolledCriterion", "RolledNode", "Rollup", "check_mapping", "load_mapping", "mappings",
    "parse_mapping", "project", "read_mapping", "rollup", "suggest_status", "Migration", "MigrationStep", "migrate",
]

# help(routemap.score) and inspect.signature read as the functions are called (_signatures.py).
_signatures.publish(globals(), __all__)

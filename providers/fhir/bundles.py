"""Searchset Bundles: the matches of one page, what they include, the total and absolute links."""

from urllib.parse import urlencode

from fhir.resources.R4B.bundle import Bundle, BundleEntry, BundleEntrySearch, BundleLink
from fhir.resources.R4B.meta import Meta
from fhir.resources.R4B.operationoutcome import OperationOutcome, OperationOutcomeIssue

from . import plannet
from .params import COUNT_LIMIT, Criterion, invalid
from .search import MAX_INCLUDED

# Where each reference search parameter's targets are in a resource (the guide's SearchParameter
# expressions, for the elements we fill in). The network-reference extension is read separately.
REFERENCE_ELEMENTS = {
    ("PractitionerRole", "practitioner"): "practitioner",
    ("PractitionerRole", "organization"): "organization",
    ("PractitionerRole", "location"): "location",
    ("PractitionerRole", "service"): "healthcareService",
    ("PractitionerRole", "endpoint"): "endpoint",
    ("Location", "partof"): "partOf",
    ("Location", "organization"): "managingOrganization",
    ("Location", "endpoint"): "endpoint",
    ("Organization", "partof"): "partOf",
    ("Organization", "endpoint"): "endpoint",
    ("HealthcareService", "location"): "location",
    ("HealthcareService", "coverage-area"): "coverageArea",
    ("HealthcareService", "organization"): "providedBy",
    ("HealthcareService", "endpoint"): "endpoint",
    ("InsurancePlan", "administered-by"): "administeredBy",
    ("InsurancePlan", "owned-by"): "ownedBy",
    ("InsurancePlan", "coverage-area"): "coverageArea",
    ("InsurancePlan", "network"): "network",
    ("Endpoint", "organization"): "managingOrganization",
}


def references_in(resource, param):
    """The ``Type/id`` references a resource holds for a reference search parameter."""
    if (resource.get_resource_type(), param) == ("PractitionerRole", "network"):
        return [
            ext.valueReference.reference
            for ext in resource.extension or []
            if ext.url == plannet.EXT_NETWORK_REFERENCE and ext.valueReference
        ]
    if (resource.get_resource_type(), param) == ("Organization", "coverage-area"):
        return []
    value = getattr(resource, REFERENCE_ELEMENTS[(resource.get_resource_type(), param)])
    values = value if isinstance(value, list) else [value] if value else []
    return [ref.reference for ref in values if ref.reference]


def parse_include(value, directory, searched, reverse):
    """``Source:param[:Target]`` → (source type, param, target type); 400 unless it names one we serve."""
    parts = value.split(":")
    if len(parts) not in (2, 3) or value == "*":
        raise invalid(f"{'_revinclude' if reverse else '_include'}={value}: write Type:search-parameter[:TargetType].")
    source, param = parts[0], parts[1]
    listed = plannet.capability(searched)["searchRevInclude" if reverse else "searchInclude"]
    if f"{source}:{param}" not in listed or source not in directory.types:
        raise invalid(
            f"{'_revinclude' if reverse else '_include'}={value} is not supported on {searched}; "
            "see the CapabilityStatement (metadata) for the ones that are."
        )
    target = directory.type(source).targets[param]
    if reverse and target != searched:
        raise invalid(f"_revinclude={value}: {source}.{param} does not refer to {searched}.")
    if len(parts) == 3 and parts[2] != target:
        raise invalid(f"{value}: {source}.{param} refers to {target}, not {parts[2]}.")
    return source, param, target


def link(base_url, resource_type, pairs):
    query = urlencode(pairs)
    return f"{base_url}/{resource_type}" + (f"?{query}" if query else "")


def search_bundle(directory, resource_type, query):
    """Run ``query`` on ``resource_type`` and answer with a searchset Bundle (model instance)."""
    context = directory.context
    searched = directory.type(resource_type)
    includes = [parse_include(v, directory, resource_type, reverse=False) for v in query.includes]
    revincludes = [parse_include(v, directory, resource_type, reverse=True) for v in query.revincludes]
    if includes:
        for source, _param, _target in includes:
            if source != resource_type:
                raise invalid(f"_include={source}:…: only {resource_type}'s own references can be included here.")
    selection = searched.select(directory, query.criteria)
    total = None
    if query.summary_count or query.total == "accurate":
        total = searched.count(selection)
    elif query.total == "capped":
        counted = searched.count(selection, limit=COUNT_LIMIT + 1)
        total = counted if counted <= COUNT_LIMIT else None
    links = [BundleLink(relation="self", url=link(context.base_url, resource_type, query.used))]
    entries = []
    if not query.summary_count and query.count > 0:
        rows, more = searched.page(directory, selection, query.cursor, query.count)
        matches = searched.build(directory, rows)
        entries += [_entry(context, resource, "match") for resource in matches]
        if more:
            next_pairs = [(k, v) for k, v in query.used if k != "_cursor"] + [("_cursor", searched.cursor_of(rows[-1]))]
            links.append(BundleLink(relation="next", url=link(context.base_url, resource_type, next_pairs)))
        included, cut = _included(directory, matches, includes, revincludes)
        entries += [_entry(context, resource, "include") for resource in included]
        if cut:
            entries.append(_truncation_notice(cut))
    return Bundle(
        meta=Meta(lastUpdated=context.now),
        type="searchset",
        total=total,
        link=links,
        entry=entries or None,
    )


def _entry(context, resource, mode):
    return BundleEntry(
        fullUrl=context.url(resource.get_resource_type(), resource.id),
        resource=resource,
        search=BundleEntrySearch(mode=mode),
    )


def _included(directory, matches, includes, revincludes):
    """Resources the page's matches refer to (_include) and that refer to them (_revinclude), each once."""
    seen = {(r.get_resource_type(), r.id) for r in matches}
    found, cut = [], []
    for source, param, target in includes:
        wanted = []
        for resource in matches:
            for ref in references_in(resource, param):
                ref_type, _, ref_id = ref.partition("/")
                if ref_type == target and (target, ref_id) not in seen and ref_id not in wanted:
                    wanted.append(ref_id)
        resources, more = directory.type(target).by_ids(directory, wanted, MAX_INCLUDED)
        _add(found, seen, resources)
        if more:
            cut.append(f"_include={source}:{param}")
    ids = [r.id for r in matches]
    for source, param, target in revincludes:
        if not ids:
            continue
        source_type = directory.type(source)
        criterion = Criterion(name=param, values=[f"{target}/{i}" for i in ids], raw_key=param)
        rows, more = source_type.page(directory, source_type.select(directory, [criterion]), "", MAX_INCLUDED)
        _add(found, seen, source_type.build(directory, rows))
        if more:
            cut.append(f"_revinclude={source}:{param}")
    return found, cut


def _add(found, seen, resources):
    for resource in resources:
        key = (resource.get_resource_type(), resource.id)
        if key not in seen:
            seen.add(key)
            found.append(resource)


def _truncation_notice(cut):
    return BundleEntry(
        resource=OperationOutcome(
            issue=[
                OperationOutcomeIssue(
                    severity="warning",
                    code="too-costly",
                    diagnostics=f"Only the first {MAX_INCLUDED} resources of {', '.join(cut)} are included on each "
                    "page; search them directly for the rest.",
                )
            ]
        ),
        search=BundleEntrySearch(mode="outcome"),
    )


def operation_outcome(code, diagnostics, severity="error"):
    """An OperationOutcome with one issue (every error the API answers)."""
    return OperationOutcome(issue=[OperationOutcomeIssue(severity=severity, code=code, diagnostics=diagnostics)])

"""The directory as HL7 FHIR R4, Da Vinci PDex Plan-Net 1.2.0: a read-only API at /fhir/r4/ (docs/fhir.md).

``plannet``: what the implementation guide says (derived from its package);
``resources``: our rows as typed ``fhir.resources`` R4B models; ``params``:
reading search parameter values; ``search``: each resource type's searches,
chains, includes and paging; ``capability``: the CapabilityStatement;
``views``: HTTP (content type, errors, CORS-safe headers).
"""

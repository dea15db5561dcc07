"""Small NPPES data files in the real layout: the 330-column header, every field quoted, as NPPES writes them."""

import csv

from providers.nppes import NPPES_COLUMNS, TAXONOMY_SLOTS


def individual(npi, first, last, credential="M.D.", state="CA", postal_code="908061234", taxonomies=(), **fields):
    """An individual (entity type 1) with a practice address; ``taxonomies`` are (code, primary) pairs."""
    row = {
        "NPI": npi,
        "Entity Type Code": "1",
        "Provider Last Name (Legal Name)": last.upper(),
        "Provider First Name": first.upper(),
        "Provider Credential Text": credential,
        "Provider First Line Business Practice Location Address": "2801 ATLANTIC AVE",
        "Provider Business Practice Location Address City Name": "LONG BEACH",
        "Provider Business Practice Location Address State Name": state,
        "Provider Business Practice Location Address Postal Code": postal_code,
        "Provider Business Practice Location Address Country Code (If outside U.S.)": "US",
        "Provider Business Practice Location Address Telephone Number": "5629335437",
        "Provider First Line Business Mailing Address": "PO BOX 1",
        "Provider Enumeration Date": "05/23/2005",
        "Last Update Date": "07/08/2024",
        "Provider Sex Code": "F",
    }
    for slot, (code, primary) in enumerate(taxonomies, start=1):
        row[f"Healthcare Provider Taxonomy Code_{slot}"] = code
        row[f"Provider License Number_{slot}"] = f"A{slot}2345"
        row[f"Provider License Number State Code_{slot}"] = state
        row[f"Healthcare Provider Primary Taxonomy Switch_{slot}"] = "Y" if primary else "N"
    assert len(taxonomies) <= TAXONOMY_SLOTS
    row.update(fields)
    return row


def organization(npi, name, **fields):
    return {"NPI": npi, "Entity Type Code": "2", "Provider Organization Name (Legal Business Name)": name, **fields}


def deactivated(npi, date="03/15/2024", reactivated=""):
    """A deactivated NPI as the monthly file has it: the NPI and dates, every other field blank."""
    return {"NPI": npi, "NPI Deactivation Date": date, "NPI Reactivation Date": reactivated}


def write(path, rows, columns=NPPES_COLUMNS):
    """Write ``rows`` (dicts by column name) under the real header."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(name, "") for name in columns])
    return path

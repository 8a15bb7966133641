"""Akoma Ntoso 3.0: model <-> XML, and validation. The only place XML is built or read."""

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AMENDTOOL_NS = "urn:amendtool:akn-extensions:1"

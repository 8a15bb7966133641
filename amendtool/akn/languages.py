"""ISO 639-1 codes (used in the model) <-> ISO 639-2 codes (used in AKN URIs)."""

from __future__ import annotations

TO_ALPHA3 = {
    "bg": "bul", "cs": "ces", "da": "dan", "de": "deu", "el": "ell", "en": "eng",
    "es": "spa", "et": "est", "fi": "fin", "fr": "fra", "ga": "gle", "hr": "hrv",
    "hu": "hun", "it": "ita", "lt": "lit", "lv": "lav", "mt": "mlt", "nl": "nld",
    "pl": "pol", "pt": "por", "ro": "ron", "sk": "slk", "sl": "slv", "sv": "swe",
}  # fmt: skip
TO_ALPHA2 = {alpha3: alpha2 for alpha2, alpha3 in TO_ALPHA3.items()}
# bibliographic (639-2/B) variants that other tools write
TO_ALPHA2 |= {"fre": "fr", "ger": "de", "cze": "cs", "gre": "el", "dut": "nl", "rum": "ro",
              "slo": "sk", "en": "en", "fr": "fr", "de": "de"}  # fmt: skip


def alpha3(code: str) -> str:
    """AKN language code for a model language code (``en`` -> ``eng``)."""
    return TO_ALPHA3.get(code, "eng")


def alpha2(code: str) -> str:
    """Model language code for an AKN language code (``eng`` -> ``en``)."""
    return TO_ALPHA2.get(code.lower(), "en")

"""Parameter values that once reached PostgreSQL unchecked and made it fail with a 500."""

BAD_VALUES = {
    "nul": "Herz\x00berg",
    "bigint_max_plus_one": str(2**63),
    "bigint_min_minus_one": str(-(2**63) - 1),
    "ten_to_the_30": str(10**30),
    "empty": "",
}

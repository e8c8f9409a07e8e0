"""Hardening of the site: security headers, brute-force lockout, two-factor login, upload checks."""

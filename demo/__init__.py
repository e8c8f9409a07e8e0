"""Demo and synthetic content: the network's old web page as a working site.

``load_demo`` builds it (idempotent), ``demo_accounts`` makes the demo logins;
benchmarks and browser tests reuse the synthetic data instead of seeding their own.
"""

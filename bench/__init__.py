"""Benchmarks of the PDF pipeline, page serving and downloads (``make bench``).

Each figure runs against the real code paths: gunicorn over HTTP on 127.0.0.1,
Celery worker processes over Redis, PostgreSQL. Every figure is divided by a
baseline measured in the same run, so the ratios mean something on any machine.
"""

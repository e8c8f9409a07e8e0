"""``python -m worker``: a Celery worker with the project's options (see worker/cli.py)."""

from worker.cli import main

if __name__ == "__main__":
    main()

"""``python -m timeline`` is the ``timeline`` command."""

import sys

from .cli import main

sys.exit(main())
